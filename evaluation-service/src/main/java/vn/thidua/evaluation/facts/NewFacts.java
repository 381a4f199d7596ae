package vn.thidua.evaluation.facts;

import java.util.List;
import vn.thidua.contract.events.AppraisalClosed;
import vn.thidua.scoring.LogFacts;

/**
 * The facts a transaction stored that were not stored before: campaigns, roster changes (unit and
 * member), participation records (a record id seen before is not new) and closes (every close read:
 * the close's own transaction has stored it before it is read back).
 */
public record NewFacts(List<LogFacts.Campaign> campaigns, List<RosterChange> roster, List<LogFacts.Record> records,
                       List<AppraisalClosed> closes) {

    /** A join or a leave of {@code memberId} on {@code unitCode}'s roster. */
    public record RosterChange(String unitCode, String memberId) {
    }

    public boolean isEmpty() {
        return campaigns.isEmpty() && roster.isEmpty() && records.isEmpty() && closes.isEmpty();
    }
}
