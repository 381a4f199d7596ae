package vn.thidua.campaign.plan;

import vn.thidua.kit.input.InputRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.thidua.campaign.campaign.PeriodBody;

/** A plan as the provincial feed sends it. */
public record PlanRequest(
        @NotBlank @Size(max = InputRules.NUMBER_MAX) String number,
        @NotNull LocalDate issuedOn,
        @NotBlank @Size(max = InputRules.LONG_NAME_MAX) String issuer,
        @NotBlank @Size(max = InputRules.PLAN_TITLE_MAX) String title,
        @Valid PeriodBody period) {

    PlanDetails toDetails() {
        return new PlanDetails(number.strip(), issuedOn, issuer.strip(), title.strip(), period == null ? null : period.toPeriod("period"));
    }
}
