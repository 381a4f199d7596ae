package vn.thidua.evaluation.appraisal;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.thidua.contract.events.AppraisalCounts;
import vn.thidua.contract.events.PartitionOffset;

/**
 * Close a year's appraisal: the table scored with policy {@code policyVersion} at {@code watermark}
 * (its digest and counts), who closes it and when. The aggregate makes the {@code AppraisalClosed}.
 */
public record CloseAppraisal(@TargetAggregateIdentifier String appraisalId, int year, String policyVersion, String digest,
                             List<PartitionOffset> watermark, AppraisalCounts counts, String closedBy, Instant closedAt) {
}
