package vn.thidua.participation.personnel;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.thidua.contract.events.DisciplineLevel;

/** Record (or correct) the discipline of decision {@code decisionNumber}, in force from {@code from} to {@code to} (null: still in force). */
public record RecordDiscipline(@TargetAggregateIdentifier String fileId, String memberId, String unitCode, String decisionNumber,
                               DisciplineLevel level, LocalDate from, LocalDate to) {
}
