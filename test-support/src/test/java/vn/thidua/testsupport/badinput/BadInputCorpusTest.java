package vn.thidua.testsupport.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The corpus's rules catch each way an answer can be wrong. */
class BadInputCorpusTest {
    private static final BadInput CASE = BadInput.json("trailing content", "POST /api/plans a stray }", "POST", "/api/plans", "{}}", 400);
    private static final String PROBLEM = "{\"type\":\"https://thidua.vn/problems/malformed-json\",\"title\":\"The body is not valid JSON\","
            + "\"status\":400,\"detail\":\"the body has content after its JSON document\"}";

    private static RawHttp.Answer answer(int status, String type, String body) {
        return new RawHttp.Answer(status, type == null ? Map.of() : Map.of("content-type", type), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_problem_with_the_expected_status_passes() {
        assertThat(BadInputCorpus.check(CASE, answer(400, "application/problem+json", PROBLEM))).isNull();
    }

    @Test
    void an_accepted_bad_request_fails() {
        assertThat(BadInputCorpus.check(CASE, answer(201, "application/json", "{\"planId\":\"p\"}"))).startsWith("status 201, expected 400");
    }

    @Test
    void a_body_that_is_not_a_problem_fails() {
        assertThat(BadInputCorpus.check(CASE, answer(400, "application/json", PROBLEM))).startsWith("Content-Type application/json");
        assertThat(BadInputCorpus.check(CASE, answer(400, null, ""))).startsWith("Content-Type null");
        assertThat(BadInputCorpus.check(CASE, answer(400, "application/problem+json", "{\"status\":400}"))).startsWith("not a complete thidua problem");
    }

    @Test
    void an_internal_name_in_the_body_fails() {
        String leaky = PROBLEM.replace("the body has content after its JSON document",
                "Cannot deserialize value of type `vn.thidua.campaign.plan.PlanRequest`");
        assertThat(BadInputCorpus.check(CASE, answer(400, "application/problem+json", leaky))).startsWith("the body names internals");
        assertThat(BadInputCorpus.check(CASE, answer(400, "application/problem+json", PROBLEM.replace("content after", "java.time.LocalDate"))))
                .startsWith("the body names internals");
    }
}
