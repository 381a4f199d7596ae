package vn.thidua.campaign.campaign;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A unit head confirms the campaign was cascaded to everyone in the unit (quán triệt). */
public record AcknowledgeNotification(@TargetAggregateIdentifier String campaignId, String unitCode, String acknowledgedBy,
                                      Instant at) {
}
