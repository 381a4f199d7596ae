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
    /** A past year no other test uses (the titles are proposed once a year has begun): nothing in it, nothing closed. */
    private static final int REVIEW_YEAR = 2019;
    private static final String BALLOT = """
            {"subject":"MEMBER","subjectId":"VP-1","title":"ADVANCED_WORKER","councilMembers":9,"votesFor":7}""";
    private static final String DECISION = """
            {"number":"15/QĐ-SKHCN","signedOn":"2020-01-15","signer":"Nguyễn Văn Hùng","signerPosition":"Giám đốc",
             "awards":[{"subject":"MEMBER","subjectId":"VP-1","title":"ADVANCED_WORKER"}]}""";

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
                Endpoint.of("POST /api/projection/rebuild", RoleMatrix.OFFICER, Set.of(200), r -> r.post("/api/projection/rebuild")),
                Endpoint.of("GET /api/years/{year}/proposals", RoleMatrix.READERS, Set.of(200), r -> r.get("/api/years/" + REVIEW_YEAR + "/proposals")),
                Endpoint.of("GET /api/years/{year}/ballots", RoleMatrix.READERS, Set.of(200), r -> r.get("/api/years/" + REVIEW_YEAR + "/ballots")),
                Endpoint.of("GET /api/years/{year}/decision", RoleMatrix.READERS, Set.of(404), r -> r.get("/api/years/" + REVIEW_YEAR + "/decision")),
                Endpoint.of("GET /api/years/{year}/documents/proposals.csv", RoleMatrix.READERS, Set.of(200),
                        r -> r.get("/api/years/" + REVIEW_YEAR + "/documents/proposals.csv")),
                Endpoint.of("GET /api/years/{year}/documents/proposals.xlsx", RoleMatrix.READERS, Set.of(200),
                        r -> r.get("/api/years/" + REVIEW_YEAR + "/documents/proposals.xlsx")),
                Endpoint.of("GET /api/years/{year}/documents/vote-record.docx", RoleMatrix.READERS, Set.of(200),
                        r -> r.get("/api/years/" + REVIEW_YEAR + "/documents/vote-record.docx")),
                Endpoint.of("GET /api/years/{year}/documents/decision.docx", RoleMatrix.READERS, Set.of(200),
                        r -> r.get("/api/years/" + REVIEW_YEAR + "/documents/decision.docx")),
                // the year is open: the officer's ballot and decision reach the business rule (409 year-not-closed)
                Endpoint.of("POST /api/years/{year}/ballots", RoleMatrix.OFFICER, Set.of(409),
                        r -> r.contentType("application/json").body(BALLOT).post("/api/years/" + REVIEW_YEAR + "/ballots")),
                Endpoint.of("POST /api/years/{year}/decision", RoleMatrix.OFFICER, Set.of(409),
                        r -> r.contentType("application/json").body(DECISION).post("/api/years/" + REVIEW_YEAR + "/decision")));

        assertThat(new RoleMatrix("VP", "TTR").mismatches(endpoints)).isEmpty();
    }
}
