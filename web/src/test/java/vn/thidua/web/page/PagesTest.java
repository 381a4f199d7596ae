package vn.thidua.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The pages rendered by the running web against {@link StubServices}: sign-in with PKCE, the
 * person's token on every service call, Vietnamese numbers and the chart, problems beside their
 * fields, refusals as pages, the attendance list.
 */
@QuarkusTest
@QuarkusTestResource(StubServices.class)
class PagesTest {
    private static final String OFFICER = "{\"preferred_username\":\"canbo.tdkt\",\"realm_access\":{\"roles\":[\"officer\"]}}";
    private static final String HEAD_TTR = "{\"preferred_username\":\"truong.ttr\",\"unit\":\"TTR\",\"realm_access\":{\"roles\":[\"unit-head\"]}}";
    private static final String AUDITOR = "{\"preferred_username\":\"kiemtoan\",\"realm_access\":{\"roles\":[\"auditor\"]}}";

    @TestHTTPResource("/")
    URI web;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Signs in as the issuer would let this person: returns the session cookie. */
    private String signIn(String claims) throws Exception {
        HttpResponse<String> start = http.send(HttpRequest.newBuilder(web.resolve("/dang-nhap?tiep=%2Fbang-diem")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(start.statusCode()).isEqualTo(303);
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        Map<String, String> q = query(authorize);
        assertThat(authorize.toString()).startsWith(StubServices.issuer() + "/auth?");
        assertThat(q).containsEntry("response_type", "code").containsEntry("client_id", "thidua-web").containsEntry("code_challenge_method", "S256");
        String code = "code-" + System.nanoTime();
        StubServices.GRANTS.put(code, new StubServices.Grant(q.get("code_challenge"), q.get("nonce"), claims));
        HttpResponse<String> back = http.send(HttpRequest.newBuilder(web.resolve("/dang-nhap/xong?code=" + code + "&state="
                + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(back.headers().firstValue("Location").orElseThrow()).endsWith("/bang-diem");
        String cookie = back.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private HttpResponse<String> get(String cookie, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(web.resolve(path)).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String cookie, String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(web.resolve(path)).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String form(String... pairs) {
        return java.util.stream.IntStream.range(0, pairs.length / 2)
                .mapToObj(i -> URLEncoder.encode(pairs[2 * i], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(pairs[2 * i + 1], StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    @Test
    void withoutASession_aPageSendsTheBrowserToSignIn_andAWrongVerifierIsRefused() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(web.resolve("/can-bo?nam=2026")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location").orElseThrow()).contains("/dang-nhap?tiep=%2Fcan-bo%3Fnam%3D2026");

        HttpResponse<String> start = http.send(HttpRequest.newBuilder(web.resolve("/dang-nhap")).build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> q = query(URI.create(start.headers().firstValue("Location").orElseThrow()));
        StubServices.GRANTS.put("c-wrong", new StubServices.Grant("not-the-challenge", q.get("nonce"), OFFICER));
        HttpResponse<String> back = http.send(HttpRequest.newBuilder(web.resolve("/dang-nhap/xong?code=c-wrong&state="
                + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(back.statusCode()).isEqualTo(502);
        assertThat(back.body()).contains("Chưa đăng nhập được").doesNotContain("Exception");
    }

    @Test
    void theScoreTable_inVietnamese_withItsChart_andThePersonsTokenOnTheCall() throws Exception {
        String cookie = signIn(AUDITOR);
        StubServices.CALLS.clear();
        HttpResponse<String> page = get(cookie, "/bang-diem?nam=2026");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("17,33").contains("83,3%").contains("<svg").contains("<rect").contains("Cách tính và xếp hạng")
                .contains("href=\"/bang-diem/2026.csv\"");
        StubServices.Call call = StubServices.CALLS.stream().filter(c -> c.path().startsWith("/api/scores/2026/units")).findFirst().orElseThrow();
        assertThat(call.authorization()).startsWith("Bearer ");
        assertThat(new String(java.util.Base64.getUrlDecoder().decode(call.authorization().substring(7).split("\\.")[1]), StandardCharsets.UTF_8))
                .contains("\"preferred_username\":\"kiemtoan\"");

        HttpResponse<String> csv = get(cookie, "/bang-diem/2026.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("diem-thi-dua-don-vi-2026.csv");
        assertThat(csv.body()).startsWith("\uFEFFHạng");
    }

    @Test
    void theTitles_withEachCriterionsLineAndCitation_andTheCouncilsBallots() throws Exception {
        String cookie = signIn(AUDITOR);
        HttpResponse<String> page = get(cookie, "/danh-hieu?nam=2025");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Danh hiệu thi đua năm 2025").contains("Luật Thi đua, khen thưởng 2022 + Nghị định 152/2025/NĐ-CP")
                .contains("Đặng Thị Hương").contains("Lao động tiên tiến: đề nghị")
                .contains("đạt: xếp loại Hoàn thành xuất sắc nhiệm vụ — Luật TĐKT 2022 Điều 24 k.1")
                .contains("Tập thể lao động tiên tiến: không đủ tiêu chuẩn").contains("đạt: 7/9 thành viên Hội đồng đồng ý (77,78%), cần trên 50%")
                .contains("ngày xét 10/01/2026");
    }

    @Test
    void theOfficer_recordsTheCouncilsBallots_andTheDecision_withProblemsBesideTheirFields() throws Exception {
        String officer = signIn(OFFICER);
        HttpResponse<String> page = get(officer, "/danh-hieu?nam=2025");
        assertThat(page.body()).contains("Ghi kết quả bỏ phiếu").contains("id=\"p0-councilMembers\" name=\"councilMembers\" type=\"number\" min=\"1\" max=\"1000\" value=\"9\"")
                .contains("id=\"p1-votesFor\" name=\"votesFor\" type=\"number\" min=\"0\" max=\"1000\" value=\"\"")
                .contains("name=\"awards\" value=\"MEMBER/CB-1/ADVANCED_WORKER\" checked")
                .contains("href=\"/danh-hieu/2025/tai-lieu/bien-ban-kiem-phieu.docx\"").contains("Dự thảo quyết định công nhận (DOCX)");

        StubServices.CALLS.clear();
        HttpResponse<String> tooMany = post(officer, "/danh-hieu/2025/phieu", form("subject", "MEMBER", "subjectId", "CB-7", "title", "ADVANCED_WORKER",
                "councilMembers", "9", "votesFor", "10"));
        assertThat(tooMany.statusCode()).isEqualTo(200);
        assertThat(tooMany.body()).contains("Chưa lưu được: Kết quả bỏ phiếu không hợp lệ")
                .contains("id=\"e-p1-votesFor\">Số phiếu đồng ý (10) không thể lớn hơn số thành viên Hội đồng (9).")
                .contains("aria-describedby=\"e-p1-votesFor\"").contains("value=\"10\"").doesNotContain("id=\"e-p0-votesFor\"");
        HttpResponse<String> notANumber = post(officer, "/danh-hieu/2025/phieu", form("subject", "MEMBER", "subjectId", "CB-7", "title", "ADVANCED_WORKER",
                "councilMembers", "chín", "votesFor", "7"));
        assertThat(notANumber.body()).contains("id=\"e-p1-councilMembers\">phải là một số nguyên");
        HttpResponse<String> voted = post(officer, "/danh-hieu/2025/phieu", form("subject", "MEMBER", "subjectId", "CB-7", "title", "ADVANCED_WORKER",
                "councilMembers", "9", "votesFor", "7"));
        assertThat(voted.body()).contains("Đã ghi kết quả bỏ phiếu: Lao động tiên tiến – CB-7: đạt: 7/9 thành viên Hội đồng đồng ý");
        assertThat(StubServices.CALLS.stream().filter(c -> c.method().equals("POST") && c.path().equals("/api/years/2025/ballots")).map(StubServices.Call::body))
                .containsExactly("{\"subject\":\"MEMBER\",\"subjectId\":\"CB-7\",\"title\":\"ADVANCED_WORKER\",\"councilMembers\":9,\"votesFor\":10}",
                        "{\"subject\":\"MEMBER\",\"subjectId\":\"CB-7\",\"title\":\"ADVANCED_WORKER\",\"councilMembers\":9,\"votesFor\":7}");

        HttpResponse<String> nothing = post(officer, "/danh-hieu/2025/quyet-dinh", form("number", "21/QĐ-SKHCN", "signedOn", "2026-01-15",
                "signer", "Nguyễn Văn Hùng", "signerPosition", "Giám đốc"));
        assertThat(nothing.body()).contains("id=\"e-awards\">Hãy chọn ít nhất một danh hiệu được công nhận").contains("value=\"21/QĐ-SKHCN\"")
                .doesNotContain("value=\"MEMBER/CB-1/ADVANCED_WORKER\" checked");
        HttpResponse<String> unsigned = post(officer, "/danh-hieu/2025/quyet-dinh", form("number", "21/QĐ-SKHCN", "signedOn", "2026-01-15",
                "signerPosition", "Giám đốc", "awards", "MEMBER/CB-1/ADVANCED_WORKER"));
        assertThat(unsigned.body()).contains("id=\"e-signer\">không được để trống").contains("value=\"MEMBER/CB-1/ADVANCED_WORKER\" checked");
        HttpResponse<String> decided = post(officer, "/danh-hieu/2025/quyet-dinh", form("number", "21/QĐ-SKHCN", "signedOn", "2026-01-15",
                "signer", "Nguyễn Văn Hùng", "signerPosition", "Giám đốc", "awards", "MEMBER/CB-1/ADVANCED_WORKER"));
        assertThat(decided.body()).contains("Đã ghi quyết định số 21/QĐ-SKHCN: công nhận 2 danh hiệu.");
        assertThat(StubServices.CALLS.stream().filter(c -> c.method().equals("POST") && c.path().equals("/api/years/2025/decision")).toList().get(1).body())
                .isEqualTo("{\"number\":\"21/QĐ-SKHCN\",\"signedOn\":\"2026-01-15\",\"signer\":\"Nguyễn Văn Hùng\",\"signerPosition\":\"Giám đốc\","
                        + "\"awards\":[{\"subject\":\"MEMBER\",\"subjectId\":\"CB-1\",\"title\":\"ADVANCED_WORKER\"}]}");
    }

    @Test
    void aDecidedYear_showsTheDecision_withoutForms_andTheDocumentsComeThroughTheWeb() throws Exception {
        String officer = signIn(OFFICER);
        HttpResponse<String> page = get(officer, "/danh-hieu?nam=2024");
        assertThat(page.body()).contains("Quyết định số <strong>15/QĐ-SKHCN</strong> ngày 15/01/2026 · Giám đốc Nguyễn Văn Hùng")
                .contains("Lê Văn Bảy (CB-7): Lao động tiên tiến").contains("Quyết định công nhận (DOCX)")
                .doesNotContain("Ghi kết quả bỏ phiếu").doesNotContain("Ghi quyết định công nhận");

        String auditor = signIn(AUDITOR);
        StubServices.CALLS.clear();
        HttpResponse<String> docx = get(auditor, "/danh-hieu/2025/tai-lieu/bien-ban-kiem-phieu.docx");
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docx.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(docx.headers().firstValue("Content-Disposition").orElseThrow()).contains("bien-ban-kiem-phieu-2025.docx");
        assertThat(docx.body()).startsWith("PK");
        StubServices.Call call = StubServices.CALLS.stream().filter(c -> c.path().equals("/api/years/2025/documents/vote-record.docx")).findFirst().orElseThrow();
        assertThat(call.authorization()).startsWith("Bearer ");
        assertThat(get(auditor, "/danh-hieu/2025/tai-lieu/khac.docx").statusCode()).isEqualTo(404);
        assertThat(get(auditor, "/danh-hieu?nam=2025").body()).doesNotContain("Ghi kết quả bỏ phiếu");
    }

    @Test
    void aUnitHead_seesTheTitlesOfTheirOwnUnit_readOnly() throws Exception {
        String head = signIn(HEAD_TTR);
        HttpResponse<String> page = get(head, "/danh-hieu?nam=2024");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Đặng Thị Hương").contains("Đặng Thị Hương (CB-1): Lao động tiên tiến").doesNotContain("Lê Văn Bảy")
                .doesNotContain("tai-lieu").doesNotContain("Ghi kết quả bỏ phiếu");
        assertThat(get(head, "/danh-hieu?nam=2025").body()).doesNotContain("Ghi kết quả bỏ phiếu").doesNotContain("Ghi quyết định công nhận");
        assertThat(get(head, "/danh-hieu/2025/tai-lieu/de-nghi.csv").statusCode()).isEqualTo(403);
        assertThat(post(head, "/danh-hieu/2025/phieu", form("subject", "MEMBER", "subjectId", "CB-1", "title", "ADVANCED_WORKER",
                "councilMembers", "9", "votesFor", "7")).statusCode()).isEqualTo(403);
    }

    @Test
    void everyPage_renders_forThePeopleItIsFor() throws Exception {
        String officer = signIn(OFFICER);
        for (String path : new String[] {"/", "/can-bo?nam=2026", "/can-bo/phat-dong", "/can-bo/don-vi", "/can-bo/chot/2026", "/can-bo/chot/2025",
                "/can-bo/muon?nam=2025", "/phong-trao/c1", "/bang-diem/2026/TTR", "/kiem-toan?den=2026", "/don-vi/TTR", "/don-vi/TTR/ghi-nhan",
                "/don-vi/TTR/diem-danh?ngay=2026-03-08", "/danh-hieu?nam=2025"}) {
            HttpResponse<String> page = get(officer, path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains("<html lang=\"vi\">").doesNotContain("{#");
        }
        assertThat(get(officer, "/kiem-toan?den=2026").body()).contains("cd".repeat(32)).contains("thidua.participation.v1").contains("05/01/2026");
        assertThat(get(officer, "/can-bo?nam=2026").body()).contains("Đợt thi đua đặc biệt").contains("1/2").contains("theo Đợt")
                .contains("Ghi nhận trong năm 2026: <strong>190</strong>; trong tháng này: <strong>37</strong>");
    }

    @Test
    void aRefusal_isShownBesideTheFieldItNames_andTheFormKeepsItsInput() throws Exception {
        String officer = signIn(OFFICER);
        HttpResponse<String> page = post(officer, "/can-bo/phat-dong", form("khoa", "k1", "kind", "PHASE", "title", "Phong trào mới",
                "content", "Nội dung", "period.from", "2026-01-01", "launchDocument.number", "1/KH"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Chưa lưu được: Không tìm thấy kế hoạch làm căn cứ")
                .contains("id=\"e-basisPlanNumbers\">a campaign needs at least one basis plan")
                .contains("value=\"Phong trào mới\"");

        HttpResponse<String> blank = post(officer, "/can-bo/phat-dong", form("khoa", "k2", "kind", "PHASE", "title", "", "basisPlanNumbers", "108/KH-UBND"));
        assertThat(blank.body()).contains("id=\"e-title\">không được để trống").contains("aria-describedby=\"e-title\"");

        HttpResponse<String> launched = post(officer, "/can-bo/phat-dong", form("khoa", "k3", "kind", "PHASE", "title", "Phong trào mới",
                "basisPlanNumbers", "108/KH-UBND", "allUnits", "on"));
        assertThat(launched.statusCode()).isEqualTo(303);
        assertThat(launched.headers().firstValue("Location").orElseThrow()).endsWith("/phong-trao/c1?moi=1");
        assertThat(StubServices.CALLS.stream().filter(c -> c.method().equals("POST") && c.path().equals("/api/campaigns"))
                .anyMatch(c -> c.body().contains("\"allUnits\":true") && !c.body().contains("recipientUnitCodes"))).isTrue();
    }

    @Test
    void aUnitHead_worksOnlyWithTheirUnit() throws Exception {
        String head = signIn(HEAD_TTR);
        HttpResponse<String> own = get(head, "/don-vi/TTR");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("Điểm: <strong>8,5</strong>").contains("Xác nhận đã quán triệt").doesNotContain("href=\"/can-bo\"");

        HttpResponse<String> other = get(head, "/don-vi/VP");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("Không có quyền").contains("Bạn là trưởng đơn vị TTR");
        assertThat(get(head, "/can-bo").statusCode()).isEqualTo(403);

        HttpResponse<String> ack = post(head, "/don-vi/TTR/xac-nhan/c1", "");
        assertThat(ack.body()).contains("Đã xác nhận quán triệt phong trào");
    }

    @Test
    void anAttendanceList_recordsEachTickedMember_andSaysWhoWasRefused() throws Exception {
        String head = signIn(HEAD_TTR);
        StubServices.CALLS.clear();
        HttpResponse<String> page = post(head, "/don-vi/TTR/diem-danh", form("khoa", "dd-1", "campaignId", "c1", "description", "Sinh hoạt chuyên đề",
                "occurredOn", "2026-03-08", "members", "CB-1", "members", "CB-2", "members", "CB-9"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("CB-1 – Đặng Thị Hương: đã ghi nhận").contains("CB-2 – Nguyễn Văn An: đã ghi nhận")
                .contains("chưa ghi nhận: member CB-9 is not on TTR&#39;s roster on that day");
        var posts = StubServices.CALLS.stream().filter(c -> c.method().equals("POST") && c.path().equals("/api/participations")).toList();
        assertThat(posts).hasSize(3);
        assertThat(posts).allMatch(c -> c.body().contains("\"kind\":\"ACTIVITY\"") && c.body().contains("\"occurredOn\":\"2026-03-08\""));
        assertThat(posts).extracting(StubServices.Call::idempotencyKey).containsExactly("dd-1-CB-1", "dd-1-CB-2", "dd-1-CB-9");

        HttpResponse<String> none = post(head, "/don-vi/TTR/diem-danh", form("khoa", "dd-2", "campaignId", "c1", "description", "x", "occurredOn", "2026-03-08"));
        assertThat(none.body()).contains("id=\"e-members\">Hãy đánh dấu ít nhất một cán bộ");
    }

    @Test
    void aRecordForACampaignNotYetKnownThere_isSentAgainWithTheSameKey_untilItIs() throws Exception {
        String head = signIn(HEAD_TTR);
        StubServices.CALLS.clear();
        HttpResponse<String> page = post(head, "/don-vi/TTR/ghi-nhan", form("khoa", "one-1", "campaignId", "c-late", "memberId", "CB-1",
                "kind", "ACTIVITY", "occurredOn", "2026-03-08", "description", "Tham gia hội thao"));
        assertThat(page.body()).contains("Đã ghi nhận: Hoạt động ngày 08/03/2026").doesNotContain("Chưa lưu được");
        var posts = StubServices.CALLS.stream().filter(c -> c.method().equals("POST") && c.path().equals("/api/participations")).toList();
        assertThat(posts).hasSize(2);
        assertThat(posts).extracting(StubServices.Call::idempotencyKey).containsExactly("one-1", "one-1");
        assertThat(StubServices.LATE_ATTEMPTS.get()).isEqualTo(2);
    }

    @Test
    void closingAYear_needsTheConfirmation_thenShowsTheDigest() throws Exception {
        String officer = signIn(OFFICER);
        HttpResponse<String> unconfirmed = post(officer, "/can-bo/chot/2026", "");
        assertThat(unconfirmed.body()).contains("Hãy đánh dấu ô xác nhận").contains("không thể hoàn tác");
        assertThat(StubServices.CALLS.stream().noneMatch(c -> c.path().equals("/api/appraisals/2026/close"))).isTrue();
        HttpResponse<String> closed = post(officer, "/can-bo/chot/2026", form("dongY", "on"));
        assertThat(closed.body()).contains("Vừa chốt").contains("id=\"ma-bam\">" + "cd".repeat(32)).contains("1.282 kết quả được tính");
    }
}
