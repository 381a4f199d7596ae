package vn.thidua.participation.record;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.thidua.kit.input.InputRules;
import vn.thidua.kit.input.InvalidInputException;

/**
 * Many records in one request: {@code items}, each a record as {@code POST /api/participations}
 * takes it (a feed), and/or an {@code attendance} list (one record's head, many members). The
 * records are the attendance list's lines first, then the items, in the order sent.
 */
public record ParticipationBatch(
        @Size(max = MAX_ITEMS) List<@NotNull @Valid ParticipationRequest> items,
        @Valid Attendance attendance) {

    /** At most this many records per batch (attendance lines and items together). */
    public static final int MAX_ITEMS = 1000;

    /** An attendance list: the same record (without a member) for each of the members. */
    public record Attendance(
            @NotNull @Valid ParticipationRequest record,
            @NotNull @Size(min = 1, max = MAX_ITEMS)
            List<@NotNull @Pattern(regexp = InputRules.MEMBER_ID, message = "letters, digits, '.', '_' or '-'") String> memberIds) {
    }

    /** The records, in order; refuses an empty or oversized batch and a malformed attendance list. */
    List<ParticipationRequest> requests() {
        List<ParticipationRequest> all = new ArrayList<>();
        if (attendance != null) {
            if (attendance.record().memberId() != null) {
                throw new InvalidInputException("attendance.record.memberId", "must be absent: the members are listed in attendance.memberIds");
            }
            Set<String> seen = new HashSet<>();
            for (String member : attendance.memberIds()) {
                if (!seen.add(member)) {
                    throw new InvalidInputException("attendance.memberIds", "lists " + member + " twice");
                }
                all.add(attendance.record().forMember(member));
            }
        }
        if (items != null) {
            all.addAll(items);
        }
        if (all.isEmpty()) {
            throw new InvalidInputException("items", "must hold at least one record (or send an attendance list)");
        }
        if (all.size() > MAX_ITEMS) {
            throw new InvalidInputException("", "holds " + all.size() + " records; a batch holds at most " + MAX_ITEMS);
        }
        return all;
    }
}
