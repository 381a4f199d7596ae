package vn.thidua.evaluation.appraisal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.thidua.contract.events.AppraisalClosed;

/** Close a year's appraisal with the table computed at the projection's watermark. */
public record CloseAppraisal(@TargetAggregateIdentifier String appraisalId, AppraisalClosed close) {
}
