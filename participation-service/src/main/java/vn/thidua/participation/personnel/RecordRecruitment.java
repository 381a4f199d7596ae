package vn.thidua.participation.personnel;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record (or correct) the day a member was recruited. */
public record RecordRecruitment(@TargetAggregateIdentifier String fileId, String memberId, LocalDate recruitedOn) {
}
