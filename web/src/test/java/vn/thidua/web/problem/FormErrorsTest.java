package vn.thidua.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FormErrorsTest {
    private static final List<String> LAUNCH = List.of("kind", "title", "period.from", "period.to", "launchDocument.signerName",
            "basisPlanNumbers", "recipientUnitCodes");

    @Test
    void eachFieldError_goesBesideTheFieldItNames() {
        ServiceProblem p = ServiceProblem.parse(400, """
                {"type":"https://thidua.vn/problems/invalid-request","title":"The request is not valid","status":400,
                 "detail":"launchDocument.signerName: must not be blank; title: size must be between 0 and 500",
                 "errors":[{"field":"launchDocument.signerName","message":"must not be blank"},
                           {"field":"title","message":"size must be between 0 and 500"}]}""");
        FormErrors errors = FormErrors.of(p, LAUNCH);
        assertThat(errors.any()).isTrue();
        assertThat(errors.at("launchDocument.signerName")).isEqualTo("không được để trống");
        assertThat(errors.at("title")).isEqualTo("size must be between 0 and 500");
        assertThat(errors.has("period.from")).isFalse();
        assertThat(errors.general()).isEmpty();
        assertThat(errors.summary()).isEqualTo("Một số trường chưa hợp lệ");
        assertThat(errors.fields()).containsExactly("launchDocument.signerName", "title");
    }

    @Test
    void aNestedOrIndexedPath_goesToItsNearestFieldOnTheForm() {
        ServiceProblem p = ServiceProblem.parse(400, """
                {"type":"https://thidua.vn/problems/invalid-value","status":400,"detail":"'x' is not a valid LocalDate (field period.from)",
                 "errors":[{"field":"period.from","message":"expected LocalDate"},
                           {"field":"recipientUnitCodes[1]","message":"must be a unit code such as TTR"}]}""");
        FormErrors errors = FormErrors.of(p, LAUNCH);
        assertThat(errors.at("period.from")).isEqualTo("expected LocalDate");
        assertThat(errors.at("recipientUnitCodes")).isEqualTo("must be a unit code such as TTR");
    }

    @Test
    void aFieldNotOnTheForm_isShownAboveIt() {
        ServiceProblem p = ServiceProblem.parse(400, """
                {"type":"https://thidua.vn/problems/unknown-field","status":400,"detail":"unknown field 'foo'",
                 "errors":[{"field":"foo","message":"unknown field"}]}""");
        FormErrors errors = FormErrors.of(p, LAUNCH);
        assertThat(errors.fields()).isEmpty();
        assertThat(errors.general()).containsExactly("foo: unknown field");
    }

    @Test
    void aRuleRefusal_withoutErrors_putsItsDetailBesideTheFieldItIsAbout() {
        ServiceProblem p = ServiceProblem.parse(422, """
                {"type":"https://thidua.vn/problems/outside-campaign-period","title":"Outside the campaign's period","status":422,
                 "detail":"2024-01-05 is outside the campaign's period 2023-01-01 to 2023-12-31"}""");
        FormErrors errors = FormErrors.of(p, List.of("campaignId", "occurredOn", "description"));
        assertThat(errors.at("occurredOn")).isEqualTo("2024-01-05 is outside the campaign's period 2023-01-01 to 2023-12-31");
        assertThat(errors.summary()).isEqualTo("Ngày không nằm trong thời gian của phong trào");
        assertThat(errors.general()).isEmpty();
    }

    @Test
    void aRuleRefusal_aboutAFieldNotOnTheForm_isShownAboveIt() {
        ServiceProblem p = ServiceProblem.parse(422, """
                {"type":"https://thidua.vn/problems/member-not-on-roster","status":422,"detail":"CB-0009 is not on TTR's roster on 2023-03-08"}""");
        FormErrors errors = FormErrors.of(p, List.of("campaignId", "occurredOn", "description"));
        assertThat(errors.fields()).isEmpty();
        assertThat(errors.general()).containsExactly("CB-0009 is not on TTR's roster on 2023-03-08");
    }

    @Test
    void aBodyThatIsNotProblemJson_stillGivesTheStatus() {
        ServiceProblem p = ServiceProblem.parse(502, "<html>Bad gateway</html>");
        assertThat(p.status()).isEqualTo(502);
        assertThat(p.code()).isEmpty();
        FormErrors errors = FormErrors.of(p, LAUNCH);
        assertThat(errors.summary()).isEqualTo("Dịch vụ không chấp nhận yêu cầu (mã 502)");
        assertThat(FormErrors.none().any()).isFalse();
    }
}
