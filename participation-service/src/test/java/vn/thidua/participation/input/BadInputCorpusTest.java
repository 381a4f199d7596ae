package vn.thidua.participation.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.events.Topic;
import vn.thidua.participation.Fixtures;
import vn.thidua.testsupport.badinput.BadInput;
import vn.thidua.testsupport.badinput.BadInputCorpus;
import vn.thidua.testsupport.badinput.Endpoint;
import vn.thidua.testsupport.badinput.EventCount;
import vn.thidua.testsupport.badinput.RawHttp;

/** participation-service against the bad-input corpus (issue 13): every bad request refused as problem+json, no event produced. */
@QuarkusTest
class BadInputCorpusTest {
    private static final String CAMPAIGN = "corpus-campaign";
    private static final String JOIN = """
            {"fullName":"Đặng Thị Mai","position":"Chuyên viên","fromDate":"2023-01-02"}""";
    private static final String LEAVE = """
            {"date":"2023-07-01"}""";
    private static final String RECORD = """
            {"campaignId":"corpus-campaign","unitCode":"VP","memberId":"CB-901","kind":"ACTIVITY","occurredOn":"2023-03-08",
             "description":"Tham gia ngày hội “Chung sức xây dựng nông thôn mới”","evidence":{"documentNumber":"12/BC-VP","link":"https://thidua.vn/a"}}""";
    private static final String HEAD = """
            {"campaignId":"corpus-campaign","unitCode":"VP","kind":"ACTIVITY","occurredOn":"2023-03-09",
             "description":"Sinh hoạt chi bộ tháng 3","evidence":{"documentNumber":"13/BC-VP","link":"https://thidua.vn/b"}}""";
    private static final String RATING = """
            {"rating":"GOOD"}""";
    private static final String DISCIPLINE = """
            {"memberId":"CB-901","decisionNumber":"12/QĐ-SKHCN","level":"REPRIMAND","from":"2023-03-01","to":"2023-08-31"}""";
    private static final String RECRUITMENT = """
            {"recruitedOn":"2015-08-03"}""";
    private static final String BATCH = "{\"attendance\":{\"record\":" + HEAD + ",\"memberIds\":[\"CB-901\"]},\"items\":[" + RECORD + "]}";

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @Test
    void every_bad_request_is_refused_as_a_problem_and_produces_no_event() throws Exception {
        Fixtures.campaignService().publish(CAMPAIGN, Fixtures.campaign(CAMPAIGN, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), "VP", "TTR"));
        Fixtures.awaitCampaignKnown(CAMPAIGN);
        assertThat(send(new Endpoint("PUT", "/api/units/VP/members/CB-901", JOIN).valid(201)).status()).isIn(200, 201);
        assertThat(send(new Endpoint("PUT", "/api/units/TTR/members/CB-902", JOIN).valid(201)).status()).isIn(200, 201);
        RawHttp.Answer left = send(new Endpoint("POST", "/api/units/TTR/members/CB-902/leave", LEAVE).valid(200));
        assertThat(left.status()).as(left.text()).isEqualTo(200);
        RawHttp.Answer recorded = send(new Endpoint("POST", "/api/participations", RECORD).valid(201));
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
        RawHttp.Answer batch = send(new Endpoint("POST", "/api/participations/batch", BATCH).valid(200));
        assertThat(batch.status()).as(batch.text()).isEqualTo(200);
        for (Endpoint review : List.of(new Endpoint("PUT", "/api/units/VP/ratings/2023/members/CB-901", RATING),
                new Endpoint("PUT", "/api/units/VP/ratings/2023", RATING), new Endpoint("POST", "/api/units/VP/disciplines", DISCIPLINE),
                new Endpoint("PUT", "/api/units/VP/recruitments/CB-901", RECRUITMENT))) {
            RawHttp.Answer answer = send(review.valid(200));
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        }

        List<Endpoint> writes = List.of(
                new Endpoint("PUT", "/api/units/VP/members/CB-901", JOIN).text("fullName", true, 200).text("position", false, 200)
                        .date("fromDate", true),
                new Endpoint("POST", "/api/units/TTR/members/CB-902/leave", LEAVE).date("date", true),
                new Endpoint("POST", "/api/participations", RECORD).text("campaignId", true, 64).code("unitCode", true)
                        .text("memberId", false, 64).enumeration("kind").date("occurredOn", true).text("description", true, 5000)
                        .text("evidence.documentNumber", false, 200).text("evidence.link", false, 2000),
                new Endpoint("POST", "/api/participations/batch", BATCH).text("attendance.record.campaignId", true, 64)
                        .code("attendance.record.unitCode", true).enumeration("attendance.record.kind").date("attendance.record.occurredOn", true)
                        .text("attendance.record.description", true, 5000)
                        .text("items.0.campaignId", true, 64).code("items.0.unitCode", true).text("items.0.memberId", false, 64)
                        .enumeration("items.0.kind").date("items.0.occurredOn", true).text("items.0.description", true, 5000),
                new Endpoint("PUT", "/api/units/VP/ratings/2023/members/CB-901", RATING).enumeration("rating"),
                new Endpoint("PUT", "/api/units/VP/ratings/2023", RATING).enumeration("rating"),
                new Endpoint("POST", "/api/units/VP/disciplines", DISCIPLINE).text("memberId", true, 64).text("decisionNumber", true, 64)
                        .enumeration("level").date("from", true).date("to", false),
                new Endpoint("PUT", "/api/units/VP/recruitments/CB-901", RECRUITMENT).date("recruitedOn", true));
        List<BadInput> cases = new ArrayList<>();
        writes.forEach(w -> cases.addAll(w.cases()));
        cases.addAll(explicit());

        BadInputCorpus.Report report = BadInputCorpus.run(base, cases,
                EventCount.of(dataSource, Fixtures.bootstrap(), List.of(Topic.ROSTER.address(), Topic.PARTICIPATION.address(), Topic.PERSONNEL.address())), 1500);

        assertThat(report.failures()).as(report.summary()).isEmpty();
        assertThat(report.cases()).isGreaterThan(300);
    }

    private static List<BadInput> explicit() {
        List<BadInput> c = new ArrayList<>();
        // the roster's unit rule: no campaign was sent to these units (409: it may be one not read yet)
        c.add(BadInput.json("rule", "join a unit no campaign notified", "PUT", "/api/units/QLKH/members/CB-903", JOIN, 409));
        c.add(BadInput.json("rule", "join a unit that does not exist", "PUT", "/api/units/NOWHERE/members/CB-903", JOIN, 409));
        c.add(BadInput.json("rule", "leave a unit no campaign notified", "POST", "/api/units/QLKH/members/CB-903/leave", LEAVE, 409));
        // dates the domain refuses, on the rule's side too
        c.add(BadInput.json("bad date range", "a leave before the join", "POST", "/api/units/VP/members/CB-901/leave",
                "{\"date\":\"2022-12-31\"}", 422));
        c.add(BadInput.json("bad date range", "a record outside the campaign", "POST", "/api/participations",
                RECORD.replace("2023-03-08", "2024-03-08"), 422));
        // the review's inputs: the rules refuse these (422), or the unit is not known (409)
        c.add(BadInput.json("bad date range", "a discipline that ends before it starts", "POST", "/api/units/VP/disciplines",
                DISCIPLINE.replace("2023-08-31", "2023-02-28"), 422));
        c.add(BadInput.json("rule", "rate a member for a year before they joined", "PUT", "/api/units/VP/ratings/2022/members/CB-901", RATING, 422));
        c.add(BadInput.json("rule", "rate a member of another unit", "PUT", "/api/units/TTR/ratings/2023/members/CB-901", RATING, 422));
        c.add(BadInput.json("rule", "a discipline of a member of another unit", "POST", "/api/units/TTR/disciplines", DISCIPLINE, 422));
        c.add(BadInput.json("rule", "the recruitment of someone never on the roster", "PUT", "/api/units/VP/recruitments/CB-999", RECRUITMENT, 422));
        c.add(BadInput.json("rule", "rate a unit no campaign notified", "PUT", "/api/units/QLKH/ratings/2023", RATING, 409));
        for (String year : List.of("1944", "2101", "-999999999", "0", "99999999999")) {
            int status = year.length() > 10 ? 404 : 400;
            c.add(BadInput.json("bad year", "rate a unit for year " + year, "PUT", "/api/units/VP/ratings/" + year, RATING, status));
            c.add(BadInput.json("bad year", "rate a member for year " + year, "PUT", "/api/units/VP/ratings/" + year + "/members/CB-901", RATING, status));
            c.add(get("bad year", "/api/units/VP/ratings/" + year, status));
        }
        for (String path : List.of("/api/units/VP/disciplines", "/api/units/VP/disciplines?year=abc", "/api/units/VP/disciplines?year=1944",
                "/api/units/VP/recruitments", "/api/units/VP/recruitments?year=2101", "/api/units/VP/recruitments?year=%00",
                "/api/units/vp/ratings/2023", "/api/units/V%20P/disciplines?year=2023", "/api/units/%00/recruitments?year=2023")) {
            c.add(get("bad path or query", path, 400));
        }
        for (String member : List.of("%00", "..%2F..%2Fetc", "CB%20901", "%E2%80%8B", "x".repeat(70))) {
            c.add(BadInput.json("bad path or query", "rate member " + member, "PUT", "/api/units/VP/ratings/2023/members/" + member, RATING, 400));
            c.add(BadInput.json("bad path or query", "recruitment of member " + member, "PUT", "/api/units/VP/recruitments/" + member, RECRUITMENT, 400));
        }
        c.add(get("not found", "/api/units/VP/ratings/abc", 404));
        // batches: empty, oversized, malformed attendance lists, and items the rules refuse (the whole batch, 422)
        c.add(BadInput.json("batch", "an empty batch", "POST", "/api/participations/batch", "{}", 400));
        c.add(BadInput.json("batch", "a batch with no items", "POST", "/api/participations/batch", "{\"items\":[]}", 400));
        c.add(BadInput.json("batch", "a batch with a null item", "POST", "/api/participations/batch", "{\"items\":[null]}", 400));
        c.add(BadInput.json("batch", "1,001 items", "POST", "/api/participations/batch",
                "{\"items\":[" + String.join(",", java.util.Collections.nCopies(1001, RECORD)) + "]}", 400));
        c.add(BadInput.json("batch", "an attendance list of 1,001 members", "POST", "/api/participations/batch",
                "{\"attendance\":{\"record\":" + HEAD + ",\"memberIds\":[" + String.join(",", java.util.Collections.nCopies(1001, "\"CB-901\"")) + "]}}", 400));
        c.add(BadInput.json("batch", "600 attendance lines and 401 items", "POST", "/api/participations/batch",
                "{\"attendance\":{\"record\":" + HEAD + ",\"memberIds\":[" + String.join(",", java.util.stream.IntStream.range(0, 600)
                        .mapToObj(i -> "\"CB-" + i + "\"").toList()) + "]},\"items\":[" + String.join(",", java.util.Collections.nCopies(401, RECORD)) + "]}", 400));
        c.add(BadInput.json("batch", "an attendance list naming a member twice", "POST", "/api/participations/batch",
                "{\"attendance\":{\"record\":" + HEAD + ",\"memberIds\":[\"CB-901\",\"CB-901\"]}}", 400));
        c.add(BadInput.json("batch", "an attendance head with a member", "POST", "/api/participations/batch",
                "{\"attendance\":{\"record\":" + RECORD + ",\"memberIds\":[\"CB-901\"]}}", 400));
        c.add(BadInput.json("batch", "an attendance list with no members", "POST", "/api/participations/batch",
                "{\"attendance\":{\"record\":" + HEAD + ",\"memberIds\":[]}}", 400));
        c.add(BadInput.json("batch", "good and bad items mixed", "POST", "/api/participations/batch",
                "{\"items\":[" + RECORD + "," + RECORD.replace("2023-03-08", "2024-03-08") + "," + RECORD.replace("CB-901", "CB-902") + ","
                        + RECORD.replace("\"ACTIVITY\"", "\"ACHIEVEMENT\"").replace("\"evidence\":{\"documentNumber\":\"12/BC-VP\",\"link\":\"https://thidua.vn/a\"}", "\"evidence\":null") + "]}", 422));
        for (String member : List.of("", " ", "CB 901", "x".repeat(65), "CB-901\\u0000", "\\u200b")) {
            c.add(BadInput.json("batch", "an attendance list with member id '" + member + "'", "POST", "/api/participations/batch",
                    "{\"attendance\":{\"record\":" + HEAD + ",\"memberIds\":[\"" + member + "\"]}}", 400));
        }
        c.add(BadInput.json("batch", "an attendance list with a null member", "POST", "/api/participations/batch",
                "{\"attendance\":{\"record\":" + HEAD + ",\"memberIds\":[null]}}", 400));
        for (String member : List.of("%00", "a%00b", "%C0%AF", "..%2F..%2Fetc", "CB%20901", "CB-901%27%3B--", "%E2%80%8B", "x".repeat(70))) {
            c.add(BadInput.json("bad path or query", "join member " + member, "PUT", "/api/units/VP/members/" + member, JOIN, 400));
            c.add(BadInput.json("bad path or query", "leave member " + member, "POST", "/api/units/VP/members/" + member + "/leave", LEAVE, 400));
        }
        for (String unit : List.of("%00", "vp", "V%20P", "VP%27%3B--", "%ED%A0%80", "A".repeat(40))) {
            c.add(BadInput.json("bad path or query", "join unit " + unit, "PUT", "/api/units/" + unit + "/members/CB-901", JOIN, 400));
            c.add(get("bad path or query", "/api/units/" + unit + "/members", 400));
        }
        for (String path : List.of("/api/units/VP/members?on=-999999999-01-01", "/api/units/VP/members?on=0000-01-01",
                "/api/units/VP/members?on=%2B99999-01-01", "/api/units/VP/members?on=2023-02-30", "/api/units/VP/members?on=1944-12-31",
                "/api/units/VP/members?on=20230611", "/api/units/VP/members?on=%00", "/api/units/VP/members?on=2023-06-11%00",
                "/api/participations?year=-999999999", "/api/participations?year=abc", "/api/participations?year=1944",
                "/api/participations?year=2101", "/api/participations?campaignId=%00", "/api/participations?unitCode=%C0%AF",
                "/api/participations?memberId=%ED%A0%80", "/api/participations?memberId=" + "x".repeat(65), "/api/participations?size=0",
                "/api/participations?size=100000", "/api/participations?page=-1", "/api/participations/%00",
                "/api/participations/" + "x".repeat(65), "/api/participations/%E2%80%8E%E2%80%8F")) {
            c.add(get("bad path or query", path, 400));
        }
        for (String path : List.of("/api/participations/no-such-record", "/api/participations/%27%20OR%201%3D1--", "/api/nothing",
                "/api/units", "/api/participations/x/y", "/etc/passwd")) {
            c.add(get("not found", path, 404));
        }
        c.add(get("long URI", "/api/participations?campaignId=" + "x".repeat(4000), 414));
        c.add(get("long URI", "/api/participations/" + "x".repeat(3000), 414));
        c.add(new BadInput("wrong method", "DELETE /api/participations", "DELETE", "/api/participations", Map.of(), null, 405));
        c.add(new BadInput("wrong method", "GET /api/units/VP/members/CB-901", "GET", "/api/units/VP/members/CB-901", Map.of(), null, 405));
        c.add(new BadInput("wrong method", "GET /api/units/VP/members/CB-901/leave", "GET", "/api/units/VP/members/CB-901/leave", Map.of(), null, 405));
        c.add(new BadInput("accept", "GET /api/participations Accept: application/xml", "GET", "/api/participations",
                Map.of("Accept", "application/xml"), null, 406));
        return c;
    }

    private static BadInput get(String category, String path, int status) {
        return new BadInput(category, "GET " + path, "GET", path, Map.of("Accept", "application/json"), null, status);
    }

    private RawHttp.Answer send(BadInput request) throws Exception {
        return RawHttp.send(base.getHost(), base.getPort(), request.method(), request.target(), BadInputCorpus.asOfficer(request.headers()), request.body());
    }
}
