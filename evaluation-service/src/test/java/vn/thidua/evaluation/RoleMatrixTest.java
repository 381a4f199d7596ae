package vn.thidua.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.thidua.testsupport.RoleMatrix;
import vn.thidua.testsupport.RoleMatrix.Endpoint;

/** evaluation-service's role matrix (README, "Who may do what"): every endpoint × every kind of caller. */
@QuarkusTest
class RoleMatrixTest {
    /** A year no other test uses: nothing in it, so every answer is known. */
    private static final int YEAR = 2031;

    @Test
    void every_endpoint_answers_each_caller_as_the_matrix_says() {
        List<Endpoint> endpoints = List.of(
                Endpoint.of("GET /api/scores/{year}/units", RoleMatrix.READERS, Set.of(200), r -> r.get("/api/scores/" + YEAR + "/units")),
                Endpoint.of("GET /api/scores/{year}/units?format=csv", RoleMatrix.READERS, Set.of(200),
                        r -> r.get("/api/scores/" + YEAR + "/units?format=csv")),
                Endpoint.of("GET /api/scores/{year}/units/{code}/members", RoleMatrix.READERS, Set.of(404),
                        r -> r.get("/api/scores/" + YEAR + "/units/VP/members")),
                Endpoint.of("GET /api/scores/{year}/members/{id}", RoleMatrix.READERS, Set.of(404),
                        r -> r.get("/api/scores/" + YEAR + "/members/VP-1")),
                Endpoint.of("GET /api/appraisals/{year}", RoleMatrix.READERS, Set.of(200), r -> r.get("/api/appraisals/" + YEAR)),
                Endpoint.of("GET /api/appraisals/{year}/late", RoleMatrix.READERS, Set.of(200), r -> r.get("/api/appraisals/" + YEAR + "/late")),
                Endpoint.of("POST /api/appraisals/{year}/close", RoleMatrix.OFFICER, Set.of(200, 201),
                        r -> r.post("/api/appraisals/" + YEAR + "/close")),
                Endpoint.of("POST /api/projection/rebuild", RoleMatrix.OFFICER, Set.of(200), r -> r.post("/api/projection/rebuild")));

        assertThat(new RoleMatrix("VP", "TTR").mismatches(endpoints)).isEmpty();
    }
}
