package vn.thidua.titles.proposal;

import java.util.Objects;
import vn.thidua.contract.Text;
import vn.thidua.titles.rules.Citation;
import vn.thidua.titles.rules.Criterion;

/** One criterion checked: its outcome, the fact that decided it (Vietnamese, NFC) and its citation. */
public record CriterionResult(Criterion criterion, Outcome outcome, String fact, Citation citation) {

    public CriterionResult {
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(outcome, "outcome");
        fact = Objects.requireNonNull(Text.nfc(fact), "fact");
        Objects.requireNonNull(citation, "citation");
    }

    /** The line people read, e.g. "không đạt: xếp loại Hoàn thành nhiệm vụ — Luật TĐKT 2022 Điều 24 k.1". */
    public String text() {
        return Text.nfc(outcome.label() + ": " + fact + " — " + citation.text());
    }
}
