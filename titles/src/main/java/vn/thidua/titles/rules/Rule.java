package vn.thidua.titles.rules;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import vn.thidua.contract.events.DisciplineLevel;
import vn.thidua.contract.events.Rating;

/** A criterion as a rule set states it: its parameters (exactly those the criterion declares) and its citation. */
public record Rule(Criterion criterion, Map<String, Object> params, Citation citation) {

    public Rule {
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(citation, "citation");
        params = Map.copyOf(params);
        if (!params.keySet().equals(criterion.params().keySet())) {
            throw new IllegalArgumentException(criterion + " takes the parameters " + criterion.params().keySet() + ", got " + params.keySet());
        }
    }

    public Rating rating(String name) {
        return (Rating) param(name, ParamType.RATING);
    }

    public DisciplineLevel level(String name) {
        return (DisciplineLevel) param(name, ParamType.DISCIPLINE_LEVEL);
    }

    public int count(String name) {
        return (Integer) param(name, ParamType.COUNT);
    }

    public BigDecimal share(String name) {
        return (BigDecimal) param(name, ParamType.SHARE);
    }

    private Object param(String name, ParamType type) {
        if (criterion.params().get(name) != type) {
            throw new IllegalStateException(criterion + " has no " + type + " parameter '" + name + "'");
        }
        return params.get(name);
    }
}
