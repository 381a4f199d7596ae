package vn.thidua.titles.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.thidua.contract.Text;

/**
 * A province's own thresholds (e.g. 70% for Tập thể lao động tiên tiến), from a file the deployment
 * supplies: per criterion, some of its parameters and the citation of the province's text.
 */
public record ProvinceOverrides(String id, String name, Map<Criterion, Change> changes) {

    /** New values for some parameters of a criterion, and where the province states them. */
    public record Change(Map<String, Object> params, Citation citation) {
        public Change {
            params = Map.copyOf(params);
        }
    }

    public ProvinceOverrides {
        name = Text.nfc(name);
        changes = Collections.unmodifiableMap(new EnumMap<>(changes));
    }

    /** {@code base} with these changes: parameters replaced one by one, the citation by the province's. */
    public RuleSet applyTo(RuleSet base) {
        Map<Criterion, Rule> rules = new EnumMap<>(base.rules());
        changes.forEach((criterion, change) -> {
            Map<String, Object> params = new HashMap<>(base.rule(criterion).params());
            params.putAll(change.params());
            rules.put(criterion, new Rule(criterion, params, change.citation()));
        });
        List<String> applied = new ArrayList<>(base.overrides());
        applied.add(id);
        return new RuleSet(base.version() + "+" + id, base.name() + "; " + name, base.effectiveFrom(), rules, applied);
    }
}
