package vn.thidua.titles.proposal;

import java.util.List;
import vn.thidua.titles.rules.Criterion;
import vn.thidua.titles.rules.Title;

/** A title checked for one member or unit: proposed when every one of its criteria is met; each result in criterion order. */
public record TitleProposal(Title title, List<CriterionResult> criteria) {

    public TitleProposal {
        criteria = List.copyOf(criteria);
    }

    public boolean proposed() {
        return criteria.stream().allMatch(r -> r.outcome() == Outcome.MET);
    }

    public CriterionResult result(Criterion criterion) {
        return criteria.stream().filter(r -> r.criterion() == criterion).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(title + " has no criterion " + criterion));
    }
}
