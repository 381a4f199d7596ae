package vn.thidua.contract.events;

/**
 * The year's quality rating of a unit (tập thể). A correction is a later {@code UnitRated} for the
 * same unit and year: the last one counts. Topic {@code thidua.personnel.v1}, key: unit code.
 */
public record UnitRated(
        String unitCode,
        int year,
        Rating rating) implements ThiduaEvent {

    @Override
    public String partitionKey() {
        return unitCode;
    }
}
