package vn.thidua.contract.events;

/** Sizes of a closed year's score table and of what was counted. */
public record AppraisalCounts(int members, int units, long countedRecords, long refusedRecords) {
}
