package vn.thidua.evaluation.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.events.Topic;
import vn.thidua.testsupport.badinput.BadInput;
import vn.thidua.testsupport.badinput.BadInputCorpus;
import vn.thidua.testsupport.badinput.Endpoint;
import vn.thidua.testsupport.badinput.EventCount;

/** evaluation-service against the bad-input corpus (issue 13): every bad request refused as problem+json, no event produced. */
@QuarkusTest
class BadInputCorpusTest {
    private static final String BODY = """
            {"closedBy":"Hội đồng Thi đua - Khen thưởng Sở"}""";

    private static final String BALLOT = """
            {"subject":"MEMBER","subjectId":"VP-1","title":"ADVANCED_WORKER","councilMembers":9,"votesFor":7}""";
    private static final String DECISION = """
            {"number":"15/QĐ-SKHCN","signedOn":"2020-01-15","signer":"Nguyễn Văn Hùng","signerPosition":"Giám đốc",
             "awards":[{"subject":"MEMBER","subjectId":"VP-1","title":"ADVANCED_WORKER"}]}""";

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void every_bad_request_is_refused_as_a_problem_and_produces_no_event() throws Exception {
        // the close reads no body (who closed is the token's caller): its cases are of the path and method
        List<BadInput> cases = new ArrayList<>(explicit());
        // the titles' writes on an open year with nothing in it: a valid body reaches the rule (409 year-not-closed)
        List<Endpoint> writes = List.of(
                new Endpoint("POST", "/api/years/2019/ballots", BALLOT).enumeration("subject").text("subjectId", true, 64).enumeration("title"),
                new Endpoint("POST", "/api/years/2019/decision", DECISION).text("number", true, 64).date("signedOn", true)
                        .text("signer", true, 200).text("signerPosition", true, 200).enumeration("awards.0.subject")
                        .text("awards.0.subjectId", true, 64).enumeration("awards.0.title"));
        writes.forEach(w -> cases.addAll(w.cases()));

        BadInputCorpus.Report report = BadInputCorpus.run(base, cases,
                EventCount.of(dataSource, bootstrap, List.of(Topic.APPRAISAL.address(), Topic.AWARD.address())), 1500);

        assertThat(report.failures()).as(report.summary()).isEmpty();
        assertThat(report.cases()).isGreaterThan(40);
    }

    private static List<BadInput> explicit() {
        List<BadInput> c = new ArrayList<>();
        for (String year : List.of("1944", "2101", "-999999999", "0", "99999999999")) {
            c.add(BadInput.json("bad year", "close year " + year, "POST", "/api/appraisals/" + year + "/close", BODY,
                    year.length() > 10 ? 404 : 400));
            c.add(get("bad year", "/api/appraisals/" + year, year.length() > 10 ? 404 : 400));
            c.add(get("bad year", "/api/scores/" + year + "/units", year.length() > 10 ? 404 : 400));
            c.add(get("bad year", "/api/years/" + year + "/proposals", year.length() > 10 ? 404 : 400));
            c.add(BadInput.json("bad year", "ballot year " + year, "POST", "/api/years/" + year + "/ballots", BALLOT, year.length() > 10 ? 404 : 400));
        }
        for (String path : List.of("/api/appraisals/2023/late?x=%00", "/api/scores/2023/units?format=%00", "/api/scores/2023/units/vp/members",
                "/api/scores/2023/units/%00/members", "/api/scores/2023/units/V%20P/members", "/api/scores/2023/units/VP%27%3B--/members",
                "/api/scores/2023/members/%00", "/api/scores/2023/members/%C0%AF", "/api/scores/2023/members/..%2F..%2Fetc",
                "/api/scores/2023/members/%E2%80%8B", "/api/scores/2023/members/" + "x".repeat(70), "/api/scores/2023/units/%ED%A0%80/members")) {
            c.add(get("bad path or query", path, 400));
        }
        for (String path : List.of("/api/appraisals/abc", "/api/scores/abc/units", "/api/scores/2023.5/units", "/api/scores/2023/nothing",
                "/api/nothing", "/etc/passwd", "/api/scores/2023/units/NOPE/members", "/api/scores/2023/members/nobody")) {
            c.add(get("not found", path, 404));
        }
        c.add(get("long URI", "/api/scores/2023/units?format=" + "x".repeat(4000), 414));
        c.add(BadInput.json("ballot", "votes beyond the limit", "POST", "/api/years/2019/ballots",
                BALLOT.replace("\"votesFor\":7", "\"votesFor\":1001"), 400));
        c.add(BadInput.json("ballot", "no council", "POST", "/api/years/2019/ballots", BALLOT.replace("\"councilMembers\":9", "\"councilMembers\":0"), 400));
        c.add(BadInput.json("ballot", "votes as text", "POST", "/api/years/2019/ballots", BALLOT.replace("\"votesFor\":7", "\"votesFor\":\"7\""), 400));
        c.add(BadInput.json("ballot", "a title by ordinal", "POST", "/api/years/2019/ballots",
                BALLOT.replace("\"ADVANCED_WORKER\"", "0"), 400));
        c.add(BadInput.json("decision", "no awards", "POST", "/api/years/2019/decision", DECISION.replaceAll("\\[.*\\]", "[]"), 400));
        c.add(new BadInput("wrong method", "GET /api/projection/rebuild", "GET", "/api/projection/rebuild", Map.of(), null, 405));
        c.add(new BadInput("wrong method", "DELETE /api/appraisals/2023", "DELETE", "/api/appraisals/2023", Map.of(), null, 405));
        c.add(new BadInput("wrong method", "POST /api/scores/2023/units", "POST", "/api/scores/2023/units",
                Map.of("Content-Type", "application/json"), "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), 405));
        c.add(new BadInput("accept", "GET /api/appraisals/2023 Accept: application/xml", "GET", "/api/appraisals/2023",
                Map.of("Accept", "application/xml"), null, 406));
        c.add(new BadInput("accept", "GET /api/scores/2023/members/x Accept: text/csv", "GET", "/api/scores/2023/members/x",
                Map.of("Accept", "text/csv"), null, 406));
        return c;
    }

    private static BadInput get(String category, String path, int status) {
        return new BadInput(category, "GET " + path, "GET", path, Map.of("Accept", "application/json"), null, status);
    }
}
