package vn.thidua.titles.rules;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.thidua.contract.Text;

/**
 * A versioned set of rules in force from {@code effectiveFrom}: one rule for every {@link Criterion}.
 * {@code overrides} names the province files merged into it, in order; the version then says so too.
 */
public record RuleSet(String version, String name, LocalDate effectiveFrom, Map<Criterion, Rule> rules, List<String> overrides) {

    public RuleSet {
        Objects.requireNonNull(version, "version");
        name = Text.nfc(name);
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        EnumMap<Criterion, Rule> copy = new EnumMap<>(Criterion.class);
        copy.putAll(rules);
        for (Criterion c : Criterion.values()) {
            if (!copy.containsKey(c)) {
                throw new IllegalArgumentException("rule set " + version + " has no rule for " + c);
            }
        }
        rules = Collections.unmodifiableMap(copy);
        overrides = List.copyOf(overrides);
    }

    public Rule rule(Criterion criterion) {
        return rules.get(criterion);
    }
}
