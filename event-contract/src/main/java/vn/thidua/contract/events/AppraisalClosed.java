package vn.thidua.contract.events;

import java.time.Instant;
import java.util.List;
import vn.thidua.contract.Text;

/**
 * The year-end review (bình xét cuối năm) of {@code year} was closed: nothing more counts for it.
 * {@code digest} is the SHA-256 (hex) of the canonical JSON of the score table, computed with
 * scoring policy {@code policyVersion} over the participation records up to {@code watermark}.
 * Topic {@code thidua.appraisal.v1}, key: the year.
 */
public record AppraisalClosed(
        int year,
        String policyVersion,
        String digest,
        List<PartitionOffset> watermark,
        AppraisalCounts counts,
        String closedBy,
        Instant closedAt) implements ThiduaEvent {

    public AppraisalClosed {
        watermark = List.copyOf(watermark);
        closedBy = Text.nfc(closedBy);
    }

    @Override
    public String partitionKey() {
        return Integer.toString(year);
    }
}
