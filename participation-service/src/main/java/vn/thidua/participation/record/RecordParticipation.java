package vn.thidua.participation.record;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.thidua.contract.events.Evidence;
import vn.thidua.contract.events.ParticipationKind;

/** Record what a member, or the unit itself ({@code memberId} null), did in a campaign. */
public record RecordParticipation(@TargetAggregateIdentifier String recordId, String campaignId, String unitCode, String memberId,
                                  ParticipationKind kind, LocalDate occurredOn, String description, Evidence evidence) {
}
