package vn.thidua.campaign.input;

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
import vn.thidua.campaign.SeedData;
import vn.thidua.contract.events.Topic;
import vn.thidua.testsupport.badinput.BadInput;
import vn.thidua.testsupport.badinput.BadInputCorpus;
import vn.thidua.testsupport.badinput.Endpoint;
import vn.thidua.testsupport.badinput.EventCount;
import vn.thidua.testsupport.badinput.RawHttp;

/** campaign-service against the bad-input corpus (issue 13): every bad request refused as problem+json, no event produced. */
@QuarkusTest
class BadInputCorpusTest {
    private static final String PLAN = """
            {"number":"77/KH-UBND","issuedOn":"2023-03-01","issuer":"UBND tỉnh Thái Nguyên","title":"Kế hoạch thi đua năm 2023",
             "period":{"from":"2023-01-01","to":"2023-12-31"}}""";
    private static final String UNIT = """
            {"name":"Phòng Quản lý chuyên ngành","head":"Nguyễn Văn Bình"}""";
    private static final String CAMPAIGN = """
            {"kind":"PHASE","title":"Đợt thi đua chào mừng năm 2023","content":"Thi đua hoàn thành xuất sắc nhiệm vụ.",
             "basisPlanNumbers":["77/KH-UBND"],"period":{"from":"2023-03-01","to":"2023-09-30"},
             "launchDocument":{"number":"9/KH-CN-TTR","issuedOn":"2023-03-02","signerName":"Phạm Thị Hiền","signerCapacity":"KT. GIÁM ĐỐC — PHÓ GIÁM ĐỐC"},
             "recipientUnitCodes":["VP","TTR"]}""";
    private static final String ACK = """
            {"acknowledgedBy":"Lê Văn Minh"}""";

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void every_bad_request_is_refused_as_a_problem_and_produces_no_event() throws Exception {
        SeedData.registerUnits();
        RawHttp.Answer plan = send(new Endpoint("POST", "/api/plans", PLAN).valid(201));
        assertThat(plan.status()).as(plan.text()).isIn(200, 201);
        RawHttp.Answer launched = send(new Endpoint("POST", "/api/campaigns", CAMPAIGN).valid(201));
        assertThat(launched.status()).as(launched.text()).isEqualTo(201);
        String campaignId = launched.header("location").replaceAll(".*/", "");
        String ackPath = "/api/campaigns/" + campaignId + "/acknowledgements/VP";

        List<Endpoint> writes = List.of(
                new Endpoint("POST", "/api/plans", PLAN).text("number", true, 64).date("issuedOn", true).text("issuer", true, 300)
                        .text("title", true, 1000).date("period.from", true).date("period.to", false),
                new Endpoint("PUT", "/api/units/KHCN-X", UNIT).text("name", true, 300).text("head", false, 200),
                new Endpoint("POST", "/api/campaigns", CAMPAIGN).enumeration("kind").text("title", true, 500).text("content", true, 20000)
                        .list("basisPlanNumbers").text("basisPlanNumbers.0", false, 64).date("period.from", true).date("period.to", false)
                        .text("launchDocument.number", true, 64).date("launchDocument.issuedOn", true)
                        .text("launchDocument.signerName", true, 200).text("launchDocument.signerCapacity", true, 200)
                        .list("recipientUnitCodes").code("recipientUnitCodes.0", false).bool("allUnits"),
                new Endpoint("POST", ackPath, ACK).text("acknowledgedBy", true, 200));
        List<BadInput> cases = new ArrayList<>();
        writes.forEach(w -> cases.addAll(w.cases()));
        cases.addAll(explicit(campaignId));

        BadInputCorpus.Report report = BadInputCorpus.run(base, cases,
                EventCount.of(dataSource, bootstrap, List.of(Topic.CAMPAIGN.address(), Topic.NOTIFICATION.address())), 1500);

        assertThat(report.failures()).as(report.summary()).isEmpty();
        assertThat(report.cases()).isGreaterThan(300);
    }

    private static List<BadInput> explicit(String campaignId) {
        List<BadInput> c = new ArrayList<>();
        String ack = "/api/campaigns/" + campaignId + "/acknowledgements/";
        c.add(BadInput.json("bad date range", "plan period ending before it starts", "POST", "/api/plans",
                PLAN.replace("\"to\":\"2023-12-31\"", "\"to\":\"2022-12-31\""), 400));
        c.add(BadInput.json("bad date range", "campaign period ending before it starts", "POST", "/api/campaigns",
                CAMPAIGN.replace("\"to\":\"2023-09-30\"", "\"to\":\"2023-01-30\""), 400));
        c.add(BadInput.json("bad date range", "campaign period starting in 1900", "POST", "/api/campaigns",
                CAMPAIGN.replace("\"from\":\"2023-03-01\"", "\"from\":\"1900-03-01\""), 400));
        for (String path : List.of("/api/plans/%00", "/api/plans/a%00b", "/api/plans/%C0%AF", "/api/plans/%ED%A0%80",
                "/api/plans/%E2%80%8B", "/api/plans/" + "x".repeat(65), "/api/campaigns/%00", "/api/campaigns/%C0%AE%C0%AE",
                "/api/campaigns/" + "x".repeat(65), "/api/campaigns?kind=PHASE%20", "/api/campaigns?kind=0", "/api/campaigns?kind=phase",
                "/api/campaigns?kind=%00", "/api/campaigns?year=1944", "/api/campaigns?year=2101", "/api/campaigns?year=-999999999",
                "/api/campaigns?year=%00", "/api/campaigns?year=2023%00", "/api/plans?x=%00", "/api/units?%ED%A0%80")) {
            c.add(get("bad path or query", path, 400));
        }
        for (String path : List.of("/api/campaigns?year=abc", "/api/campaigns?year=2023.5", "/api/campaigns?year=99999999999")) {
            c.add(get("coercion", path, 400));
        }
        for (String path : List.of("/api/plans/%27%20OR%201%3D1--", "/api/plans/..%2F..%2Fetc%2Fpasswd", "/api/campaigns/%27%3B%20DROP%20TABLE%20plan%3B--",
                "/api/campaigns/no-such-campaign", "/api/nothing-here", "/api/plans/x/y", "/etc/passwd", "/api/../../etc/passwd",
                "/q/nothing")) {
            c.add(get("not found", path, 404));
        }
        c.add(get("long URI", "/api/plans/" + "x".repeat(3000), 414));
        c.add(get("long URI", "/api/plans?q=" + "x".repeat(5000), 414));
        c.add(get("long URI", "/api/campaigns?year=2023&" + "a=1&".repeat(1000), 414));
        c.add(get("wrong method", "/api/units/VP", 405));
        c.add(new BadInput("wrong method", "DELETE /api/plans", "DELETE", "/api/plans", Map.of(), null, 405));
        c.add(new BadInput("wrong method", "PUT /api/campaigns", "PUT", "/api/campaigns", Map.of("Content-Type", "application/json"),
                CAMPAIGN.getBytes(java.nio.charset.StandardCharsets.UTF_8), 405));
        c.add(new BadInput("wrong method", "TRACE /api/plans", "TRACE", "/api/plans", Map.of(), null, 405));
        c.add(new BadInput("accept", "GET /api/plans Accept: application/xml", "GET", "/api/plans", Map.of("Accept", "application/xml"), null, 406));
        c.add(new BadInput("accept", "GET /api/campaigns Accept: text/csv", "GET", "/api/campaigns", Map.of("Accept", "text/csv"), null, 406));
        for (String code : List.of("%00", "vp", "V%20P", "VP%27%3B--", "..%2F..%2Fetc", "%C0%AF", "%E2%80%8E", "A" + "B".repeat(40))) {
            c.add(BadInput.json("bad path or query", "PUT /api/units/" + code, "PUT", "/api/units/" + code, UNIT, 400));
            c.add(BadInput.json("bad path or query", "POST acknowledgement for unit " + code, "POST", ack + code, ACK, 400));
        }
        for (String key : List.of("two words", "tab\there", "khóa-1", "k".repeat(256))) {
            c.add(BadInput.json("bad header", "Idempotency-Key " + key.substring(0, Math.min(12, key.length())), "POST", "/api/campaigns",
                    CAMPAIGN, 400).withHeaders(Map.of("Idempotency-Key", key)));
        }
        c.add(BadInput.json("bad path or query", "POST acknowledgement for campaign %00", "POST", "/api/campaigns/%00/acknowledgements/VP", ACK, 400));
        c.add(BadInput.json("not found", "POST acknowledgement for no campaign", "POST", "/api/campaigns/nope/acknowledgements/VP", ACK, 404));
        c.add(BadInput.json("rule", "POST acknowledgement by a unit that was not notified", "POST", ack + "QLKH", ACK, 422));
        return c;
    }

    private static BadInput get(String category, String path, int status) {
        return new BadInput(category, "GET " + path, "GET", path, Map.of("Accept", "application/json"), null, status);
    }

    private RawHttp.Answer send(BadInput request) throws Exception {
        return RawHttp.send(base.getHost(), base.getPort(), request.method(), request.target(), request.headers(), request.body());
    }
}
