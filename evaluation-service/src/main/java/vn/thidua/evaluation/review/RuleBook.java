package vn.thidua.evaluation.review;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import org.jboss.logging.Logger;
import vn.thidua.titles.rules.RuleSet;
import vn.thidua.titles.rules.RuleSets;

/** The rule sets this deployment knows: the defaults of the titles module with the province's overrides merged in, read once at start. */
@ApplicationScoped
public class RuleBook {
    private static final Logger LOG = Logger.getLogger(RuleBook.class);
    private final RuleSets sets;

    public RuleBook(ReviewSettings settings) {
        RuleSets defaults = RuleSets.defaults();
        this.sets = settings.provinceOverrides().map(p -> defaults.with(RuleSets.readOverrides(p))).orElse(defaults);
        LOG.infof("rule sets for the titles: %s", sets.all().stream().map(RuleSet::version).toList());
    }

    /** The rule set in force on {@code day}. */
    public RuleSet inForceOn(LocalDate day) {
        return sets.inForceOn(day);
    }

    /** The rule set of a recorded version. */
    public RuleSet version(String version) {
        return sets.version(version);
    }
}
