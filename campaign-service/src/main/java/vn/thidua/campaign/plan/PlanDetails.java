package vn.thidua.campaign.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.thidua.contract.Text;
import vn.thidua.contract.events.Period;

/** What a provincial plan (Kế hoạch) says of itself. Its identity is (issuer, number). */
public record PlanDetails(String number, LocalDate issuedOn, String issuer, String title, Period period) {

    public PlanDetails {
        number = Text.nfc(number);
        issuer = Text.nfc(issuer);
        title = Text.nfc(title);
    }

    /** One field on which two versions of a plan differ. */
    public record Difference(String field, Object registered, Object received) {
    }

    /** The fields on which {@code other} differs from this plan. */
    public List<Difference> differencesFrom(PlanDetails other) {
        List<Difference> out = new ArrayList<>();
        compare(out, "number", number, other.number);
        compare(out, "issuedOn", issuedOn, other.issuedOn);
        compare(out, "issuer", issuer, other.issuer);
        compare(out, "title", title, other.title);
        compare(out, "period.from", period == null ? null : period.from(), other.period == null ? null : other.period.from());
        compare(out, "period.to", period == null ? null : period.to(), other.period == null ? null : other.period.to());
        return out;
    }

    private static void compare(List<Difference> out, String field, Object registered, Object received) {
        if (!Objects.equals(registered, received)) {
            out.add(new Difference(field, registered, received));
        }
    }
}
