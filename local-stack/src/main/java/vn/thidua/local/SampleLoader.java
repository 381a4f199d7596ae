package vn.thidua.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.thidua.contract.access.BearerTokens;
import vn.thidua.contract.access.Credentials;

/**
 * The sample of the seed document, loaded through the public REST APIs as its users would: the
 * department's five units, the plans 108/KH-UBND, 132/KH-UBND and 12/KH-KHCN, the two campaigns
 * (theo Đợt and theo Chuyên đề) sent to every unit and acknowledged, a roster of members, and a year
 * (2023) of participation, with the year's ratings and the members' recruitment dates. Deterministic: the same sample every time. Each call carries the token of
 * the account that would make it: plans the provincial feed's, units and campaigns the officer's,
 * acknowledgements, rosters and records the unit head's of that unit.
 */
final class SampleLoader {
    static final int YEAR = 2023;
    static final Map<String, String> UNITS = new LinkedHashMap<>();
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Đức", "Thu", "Minh", "Ngọc", "Quốc", "Thanh"};
    private static final String[] GIVEN = {"An", "Bình", "Cường", "Dung", "Hà", "Hương", "Khánh", "Lan", "Mạnh", "Nga", "Phúc", "Quỳnh",
            "Sơn", "Thảo", "Tuấn", "Uyên", "Việt", "Yến"};

    static {
        UNITS.put("VP", "Văn phòng Sở");
        UNITS.put("TTR", "Thanh tra Sở");
        UNITS.put("KHTC", "Phòng Kế hoạch - Tài chính");
        UNITS.put("QLKH", "Phòng Quản lý khoa học");
        UNITS.put("TTUD", "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ");
    }

    /** What was loaded. */
    record Loaded(String phaseCampaignId, String thematicCampaignId, int members, int records) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String campaignUrl;
    private final String participationUrl;
    private final BearerTokens feed;
    private final BearerTokens officer;
    private final Map<String, BearerTokens> unitHeads = new LinkedHashMap<>();

    SampleLoader(String campaignUrl, String participationUrl, Credentials credentials) {
        this.campaignUrl = campaignUrl;
        this.participationUrl = participationUrl;
        this.feed = BearerTokens.ofClient(credentials, Accounts.FEED_CLIENT);
        this.officer = BearerTokens.ofUser(credentials, Accounts.OFFICER);
        UNITS.keySet().forEach(unit -> unitHeads.put(unit, BearerTokens.ofUser(credentials, Accounts.unitHead(unit))));
    }

    /** Whether the system already holds data (then the sample is not loaded again). */
    boolean alreadyLoaded() throws IOException, InterruptedException {
        return json.readTree(check(send("GET", campaignUrl + "/api/units", null, null, officer), campaignUrl + "/api/units")).size() > 0;
    }

    Loaded load() throws IOException, InterruptedException {
        UNITS.forEach((code, name) -> put(campaignUrl + "/api/units/" + code, Map.of("name", name, "head", "Trưởng " + name), officer));
        post(campaignUrl + "/api/plans", plan("108/KH-UBND", "2022-07-13", "UBND tỉnh Thái Nguyên",
                "Tổ chức thực hiện phong trào thi đua “Thái Nguyên chung sức xây dựng nông thôn mới giai đoạn 2021-2025”", "2021-01-01", "2025-12-31"), null, feed);
        post(campaignUrl + "/api/plans", plan("132/KH-UBND", "2022-09-09", "UBND tỉnh Thái Nguyên",
                "Tổ chức thực hiện Đợt thi đua đặc biệt kỷ niệm 75 năm Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc", "2022-09-09", "2023-06-11"), null, feed);
        post(campaignUrl + "/api/plans", plan("12/KH-KHCN", "2022-02-10", "Sở Khoa học và Công nghệ Thái Nguyên",
                "Kế hoạch phát động phong trào thi đua năm 2022 của Sở Khoa học và Công nghệ", "2022-01-01", "2022-12-31"), null, feed);

        String phase = post(campaignUrl + "/api/campaigns", campaign("PHASE",
                "Đợt thi đua đặc biệt kỷ niệm 75 năm Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc (11/6/1948 - 11/6/2023)",
                "Nâng cao nhận thức, trách nhiệm của cấp ủy, tập thể lãnh đạo cùng toàn thể đội ngũ cán bộ, đảng viên, CCVC và người lao động về "
                        + "vị trí, vai trò, tác dụng của phong trào thi đua yêu nước; tạo khí thế thi đua sôi nổi, rộng khắp.",
                List.of("132/KH-UBND"), "2022-09-15", "2023-06-11"), "sample-campaign-phase", officer).path("campaignId").asText();
        String thematic = post(campaignUrl + "/api/campaigns", campaign("THEMATIC",
                "Thái Nguyên chung sức xây dựng nông thôn mới giai đoạn 2021-2025",
                "Góp phần nâng cao đời sống vật chất và tinh thần của người dân nông thôn, xây dựng hạ tầng kinh tế - xã hội nông thôn "
                        + "đồng bộ và hiện đại, gắn với quá trình đô thị hoá.",
                List.of("108/KH-UBND", "12/KH-KHCN"), "2022-09-15", "2025-12-31"), "sample-campaign-thematic", officer).path("campaignId").asText();
        for (String campaign : List.of(phase, thematic)) {
            for (String unit : UNITS.keySet()) {
                post(campaignUrl + "/api/campaigns/" + campaign + "/acknowledgements/" + unit,
                        Map.of("acknowledgedBy", "Trưởng " + UNITS.get(unit)), null, unitHeads.get(unit));
            }
        }

        // rosters: six members per unit; one inspector moves to QLKH on 2023-07-01 (a leave and a join)
        List<String[]> members = new ArrayList<>();
        int n = 0;
        for (String unit : UNITS.keySet()) {
            for (int i = 1; i <= 6; i++, n++) {
                String id = "CB-" + unit + "-" + String.format("%02d", i);
                String name = FAMILY[n % FAMILY.length] + " " + MIDDLE[(n * 3) % MIDDLE.length] + " " + GIVEN[(n * 7) % GIVEN.length];
                put(participationUrl + "/api/units/" + unit + "/members/" + id,
                        Map.of("fullName", name, "position", i == 1 ? "Trưởng phòng" : "Chuyên viên", "fromDate", "2020-01-02"), unitHeads.get(unit));
                members.add(new String[] {unit, id, name});
            }
        }
        post(participationUrl + "/api/units/TTR/members/CB-TTR-06/leave", Map.of("date", "2023-07-01"), null, unitHeads.get("TTR"));
        put(participationUrl + "/api/units/QLKH/members/CB-TTR-06",
                Map.of("fullName", members.get(11)[2], "position", "Chuyên viên", "fromDate", "2023-07-01"), unitHeads.get("QLKH"));

        // the year's review inputs (issue 19): each unit rated, its head first Hoàn thành xuất sắc, the last
        // Hoàn thành nhiệm vụ, the others Hoàn thành tốt (1 of 5 good-or-better: within 20%); each member's
        // recruitment date; the inspector who moved is rated by QLKH, the unit they end the year in
        for (String unit : UNITS.keySet()) {
            put(participationUrl + "/api/units/" + unit + "/ratings/" + YEAR, Map.of("rating", "GOOD"), unitHeads.get(unit));
        }
        for (int m = 0; m < members.size(); m++) {
            String unit = "CB-TTR-06".equals(members.get(m)[1]) ? "QLKH" : members.get(m)[0];
            int place = m % 6;
            put(participationUrl + "/api/units/" + unit + "/ratings/" + YEAR + "/members/" + members.get(m)[1],
                    Map.of("rating", place == 0 ? "EXCELLENT" : place == 5 ? "COMPLETED" : "GOOD"), unitHeads.get(unit));
            put(participationUrl + "/api/units/" + unit + "/recruitments/" + members.get(m)[1],
                    Map.of("recruitedOn", LocalDate.of(2010 + m % 12, 1 + m % 12, 1 + m % 28).toString()), unitHeads.get(unit));
        }

        int records = 0;
        for (int m = 0; m < members.size(); m++) {
            String unit = members.get(m)[0];
            String member = members.get(m)[1];
            records += record(phase, unit, member, "REGISTERED", LocalDate.of(YEAR, 1, 5 + m % 20), null, "Đăng ký thi đua Đợt đặc biệt");
            records += record(thematic, unit, member, "REGISTERED", LocalDate.of(YEAR, 1, 6 + m % 20), null, "Đăng ký thi đua xây dựng nông thôn mới");
            for (int a = 0; a < 2 + m % 4; a++) {
                LocalDate day = LocalDate.of(YEAR, 2 + (a * 2 + m) % 4, 1 + (m * 5 + a) % 27);
                records += record(a % 2 == 0 ? phase : thematic, unit, member, "ACTIVITY", day, null,
                        "Tham gia hoạt động hưởng ứng phong trào, đợt " + (a + 1));
            }
            if (m % 3 == 0) {
                records += record(thematic, unit, member, "ACHIEVEMENT", LocalDate.of(YEAR, 9, 1 + m % 20),
                        "QĐ " + (100 + m) + "/QĐ-KHCN", "Hoàn thành xuất sắc nhiệm vụ hỗ trợ xã Tân Cương đạt chuẩn nông thôn mới nâng cao");
            }
            if (m % 5 == 0) {
                records += record(thematic, unit, member, "INITIATIVE", LocalDate.of(YEAR, 10, 2 + m % 20),
                        "QĐ " + (200 + m) + "/QĐ-HĐSK", "Sáng kiến ứng dụng công nghệ số trong quản lý hồ sơ khoa học");
            }
        }
        records += record(thematic, "QLKH", "CB-TTR-06", "ACTIVITY", LocalDate.of(YEAR, 8, 8), null, "Tham gia tập huấn chuyển đổi số");
        for (String unit : UNITS.keySet()) {
            records += record(phase, unit, null, "ACTIVITY", LocalDate.of(YEAR, 5, 19), null, "Tổ chức hội nghị quán triệt, phát động thi đua");
            records += record(thematic, unit, null, "ACTIVITY", LocalDate.of(YEAR, 11, 20), null, "Ra quân ngày hội nông thôn mới");
        }
        return new Loaded(phase, thematic, members.size(), records);
    }

    private int record(String campaign, String unit, String member, String kind, LocalDate day, String evidence, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("campaignId", campaign);
        body.put("unitCode", unit);
        body.put("memberId", member);
        body.put("kind", kind);
        body.put("occurredOn", day.toString());
        body.put("description", description);
        if (evidence != null) {
            body.put("evidence", Map.of("documentNumber", evidence));
        }
        String key = "sample-" + campaign + "-" + unit + "-" + member + "-" + kind + "-" + day;
        // the campaign reaches participation-service through Kafka: a 409 campaign-not-known is retried, as clients should
        for (int attempt = 0; attempt < 120; attempt++) {
            try {
                int status = send("POST", participationUrl + "/api/participations", body, key, unitHeads.get(unit)).statusCode();
                if (status == 201) {
                    return 1;
                }
                if (status != 409) {
                    throw new StackException("the sample record " + key + " was refused with HTTP " + status);
                }
                Thread.sleep(500);
            } catch (IOException | InterruptedException e) {
                throw new StackException("participation-service did not answer: " + e.getMessage());
            }
        }
        throw new StackException("participation-service never learned of campaign " + campaign + " from Kafka");
    }

    private static Map<String, Object> plan(String number, String issuedOn, String issuer, String title, String from, String to) {
        return Map.of("number", number, "issuedOn", issuedOn, "issuer", issuer, "title", title, "period", Map.of("from", from, "to", to));
    }

    private static Map<String, Object> campaign(String kind, String title, String content, List<String> plans, String from, String to) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("kind", kind);
        c.put("title", title);
        c.put("content", content);
        c.put("basisPlanNumbers", plans);
        c.put("period", Map.of("from", from, "to", to));
        c.put("launchDocument", Map.of("number", "45/KH-CN-TTR", "issuedOn", "2022-09-15", "signerName", "Phạm Thị Hiền",
                "signerCapacity", "KT. GIÁM ĐỐC — PHÓ GIÁM ĐỐC"));
        c.put("allUnits", true);
        return c;
    }

    private void put(String url, Object body, BearerTokens who) {
        try {
            // a roster waits until participation-service has read a campaign sent to the unit: 409 unit-not-notified is retried
            for (int attempt = 0; ; attempt++) {
                HttpResponse<String> response = send("PUT", url, body, null, who);
                if (response.statusCode() != 409 || !response.body().contains("unit-not-notified") || attempt == 120) {
                    check(response, url);
                    return;
                }
                Thread.sleep(500);
            }
        } catch (IOException | InterruptedException e) {
            throw new StackException("cannot reach " + url + ": " + e.getMessage());
        }
    }

    private JsonNode post(String url, Object body, String key, BearerTokens who) {
        try {
            return json.readTree(check(send("POST", url, body, key, who), url));
        } catch (IOException | InterruptedException e) {
            throw new StackException("cannot reach " + url + ": " + e.getMessage());
        }
    }

    private HttpResponse<String> send(String method, String url, Object body, String key, BearerTokens who) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json").header("Authorization", who.header());
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String check(HttpResponse<String> response, String url) {
        if (response.statusCode() >= 300) {
            throw new StackException("loading the sample: " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
