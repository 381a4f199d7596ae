package vn.thidua.web.page;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the issuer and the three services on a free port: canned answers shaped as the
 * real APIs give them, refusals as problem+json, and a token endpoint that checks the PKCE verifier.
 * It records every call with the Authorization header it carried.
 */
public class StubServices implements QuarkusTestResourceLifecycleManager {
    /** A call the stub received. */
    public record Call(String method, String path, String authorization, String body, String idempotencyKey) {
    }

    /** A sign-in the test started: the code the issuer would give, the PKCE challenge and nonce, the claims to issue. */
    public record Grant(String challenge, String nonce, String claims) {
    }

    public static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    public static final Map<String, Grant> GRANTS = new ConcurrentHashMap<>();
    static final java.util.concurrent.atomic.AtomicInteger LATE_ATTEMPTS = new java.util.concurrent.atomic.AtomicInteger();
    static String base;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        Map<String, String> config = new HashMap<>();
        config.put("thidua.web.issuer", base + "/realms/thidua");
        config.put("quarkus.rest-client.campaign.url", base);
        config.put("quarkus.rest-client.participation.url", base);
        config.put("quarkus.rest-client.evaluation.url", base);
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    static String issuer() {
        return base + "/realms/thidua";
    }

    private void handle(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = x.getRequestURI().getPath();
        String method = x.getRequestMethod();
        CALLS.add(new Call(method, path + (x.getRequestURI().getRawQuery() == null ? "" : "?" + x.getRequestURI().getRawQuery()),
                x.getRequestHeaders().getFirst("Authorization"), body, x.getRequestHeaders().getFirst("Idempotency-Key")));
        try {
            route(x, method, path, body);
        } catch (Exception e) {
            send(x, 500, "application/problem+json", "{\"status\":500,\"detail\":\"stub: " + e + "\"}");
        }
    }

    private void route(HttpExchange x, String method, String path, String body) throws Exception {
        String json = "application/json";
        String problem = "application/problem+json";
        if (path.equals("/realms/thidua/.well-known/openid-configuration")) {
            send(x, 200, json, "{\"issuer\":\"" + issuer() + "\",\"authorization_endpoint\":\"" + issuer() + "/auth\",\"token_endpoint\":\""
                    + issuer() + "/token\",\"end_session_endpoint\":\"" + issuer() + "/logout\"}");
        } else if (path.equals("/realms/thidua/token")) {
            Map<String, String> form = new HashMap<>();
            for (String pair : body.split("&")) {
                String[] kv = pair.split("=", 2);
                form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
            Grant grant = GRANTS.remove(form.getOrDefault("code", ""));
            String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(form.getOrDefault("code_verifier", "").getBytes(StandardCharsets.US_ASCII)));
            if (grant == null || !grant.challenge().equals(challenge) || !"thidua-web".equals(form.get("client_id"))) {
                send(x, 400, json, "{\"error\":\"invalid_grant\"}");
                return;
            }
            String access = jwt(grant.claims().replace("}", ",\"iss\":\"" + issuer() + "\"}"));
            String id = jwt("{\"iss\":\"" + issuer() + "\",\"nonce\":\"" + grant.nonce() + "\"}");
            send(x, 200, json, "{\"access_token\":\"" + access + "\",\"id_token\":\"" + id + "\",\"refresh_token\":\"r\",\"expires_in\":300}");
        } else if (path.equals("/api/plans")) {
            send(x, 200, json, "[{\"planId\":\"p1\",\"number\":\"108/KH-UBND\",\"issuedOn\":\"2022-07-13\",\"issuer\":\"UBND tỉnh Thái Nguyên\","
                    + "\"title\":\"Thái Nguyên chung sức xây dựng nông thôn mới\",\"periodFrom\":\"2021-01-01\",\"periodTo\":\"2025-12-31\"}]");
        } else if (path.equals("/api/units")) {
            send(x, 200, json, "[{\"code\":\"TTR\",\"name\":\"Thanh tra Sở\",\"head\":\"Chánh Thanh tra\"},"
                    + "{\"code\":\"VP\",\"name\":\"Văn phòng Sở\",\"head\":\"Chánh Văn phòng\"}]");
        } else if (path.equals("/api/campaigns") && method.equals("GET")) {
            send(x, 200, json, "[{\"campaignId\":\"c1\",\"kind\":\"PHASE\",\"title\":\"Đợt thi đua đặc biệt\",\"from\":\"2022-09-15\","
                    + "\"to\":\"2026-12-31\",\"documentNumber\":\"45/KH-CN-TTR\",\"recipients\":2,\"acknowledged\":1}]");
        } else if (path.equals("/api/campaigns") && method.equals("POST")) {
            if (body.contains("\"basisPlanNumbers\":[]") || !body.contains("basisPlanNumbers")) {
                send(x, 422, problem, "{\"type\":\"https://thidua.vn/problems/unknown-plan\",\"title\":\"Unknown plan\",\"status\":422,"
                        + "\"detail\":\"a campaign needs at least one basis plan\"}");
            } else if (body.contains("\"title\":\"\"") || !body.contains("\"title\"")) {
                send(x, 400, problem, "{\"type\":\"https://thidua.vn/problems/invalid-request\",\"status\":400,\"detail\":\"title: must not be blank\","
                        + "\"errors\":[{\"field\":\"title\",\"message\":\"must not be blank\"}]}");
            } else {
                send(x, 201, json, campaign());
            }
        } else if (path.equals("/api/campaigns/c1")) {
            send(x, 200, json, campaign());
        } else if (path.startsWith("/api/campaigns/c1/acknowledgements/")) {
            send(x, 201, json, "{\"campaignId\":\"c1\",\"unitCode\":\"TTR\",\"acknowledgedBy\":\"user:truong.ttr\","
                    + "\"acknowledgedAt\":\"2026-03-01T02:00:00Z\",\"first\":true}");
        } else if (path.matches("/api/units/[A-Z]+/members")) {
            send(x, 200, json, "[{\"memberId\":\"CB-1\",\"fullName\":\"Đặng Thị Hương\",\"position\":\"Chánh Thanh tra\",\"joinedOn\":\"2020-01-02\"},"
                    + "{\"memberId\":\"CB-2\",\"fullName\":\"Nguyễn Văn An\",\"position\":null,\"joinedOn\":\"2021-05-01\"},"
                    + "{\"memberId\":\"CB-9\",\"fullName\":\"Trần Văn Chín\",\"position\":null,\"joinedOn\":\"2026-01-01\"}]");
        } else if (path.equals("/api/participations") && method.equals("POST")) {
            if (body.contains("\"campaignId\":\"c-late\"") && LATE_ATTEMPTS.incrementAndGet() == 1) {
                send(x, 409, problem, "{\"type\":\"https://thidua.vn/problems/campaign-not-known\",\"status\":409,"
                        + "\"detail\":\"campaign c-late has not reached this service yet\",\"retryAfterSeconds\":1}");
            } else if (body.contains("\"memberId\":\"CB-9\"")) {
                send(x, 422, problem, "{\"type\":\"https://thidua.vn/problems/member-not-on-roster\",\"status\":422,"
                        + "\"detail\":\"member CB-9 is not on TTR's roster on that day\"}");
            } else {
                send(x, 201, json, "{\"recordId\":\"r1\",\"campaignId\":\"c1\",\"unitCode\":\"TTR\",\"memberId\":\"CB-1\",\"kind\":\"ACTIVITY\","
                        + "\"occurredOn\":\"2026-03-08\",\"description\":\"x\"}");
            }
        } else if (path.equals("/api/participations")) {
            String query = String.valueOf(x.getRequestURI().getRawQuery());
            send(x, 200, json, "{\"items\":[],\"page\":0,\"size\":1,\"total\":" + (query.contains("from=2026-") ? 37 : 190) + "}");
        } else if (path.matches("/api/scores/\\d+/units") && x.getRequestURI().getRawQuery() != null) {
            send(x, 200, "text/csv; charset=UTF-8", "\uFEFFHạng,Mã đơn vị,Điểm\r\n1,VP,17.33\r\n");
        } else if (path.matches("/api/scores/\\d+/units")) {
            send(x, 200, json, "{\"year\":2026,\"status\":\"OPEN\",\"policyVersion\":\"v1\",\"digest\":\"" + "ab".repeat(32) + "\",\"units\":["
                    + "{\"rank\":1,\"unitCode\":\"VP\",\"score\":17.33,\"coverage\":1.00,\"collectivePoints\":2,\"rosterSize\":6,\"membersWithRecords\":6},"
                    + "{\"rank\":2,\"unitCode\":\"TTR\",\"score\":8.5,\"coverage\":0.8333,\"collectivePoints\":0,\"rosterSize\":6,\"membersWithRecords\":5}]}");
        } else if (path.matches("/api/scores/\\d+/units/[A-Z]+/members")) {
            send(x, 200, json, "{\"year\":2026,\"unitCode\":\"TTR\",\"members\":[{\"memberId\":\"CB-1\",\"fullName\":\"Đặng Thị Hương\","
                    + "\"pointsInUnit\":12,\"score\":12,\"rank\":3}]}");
        } else if (path.matches("/api/years/\\d+/proposals")) {
            String rating = "{\"outcome\":\"MET\",\"text\":\"đạt: xếp loại Hoàn thành xuất sắc nhiệm vụ — Luật TĐKT 2022 Điều 24 k.1\"}";
            send(x, 200, json, "{\"year\":2025,\"status\":\"CLOSED\",\"reviewedOn\":\"2026-01-10\",\"ruleSet\":{\"version\":\"tdkt-2022-nd152-2025.1\","
                    + "\"name\":\"Luật Thi đua, khen thưởng 2022 + Nghị định 152/2025/NĐ-CP\",\"effectiveFrom\":\"2025-07-01\",\"overrides\":[]},"
                    + "\"members\":[{\"memberId\":\"CB-1\",\"fullName\":\"Đặng Thị Hương\",\"units\":[\"TTR\"],\"titles\":[{\"title\":\"ADVANCED_WORKER\","
                    + "\"label\":\"Lao động tiên tiến\",\"proposed\":true,\"decidedByDepartment\":true,\"criteria\":[" + rating + "]}]},"
                    + "{\"memberId\":\"CB-7\",\"fullName\":\"Lê Văn Bảy\",\"units\":[\"VP\"],\"titles\":[{\"title\":\"ADVANCED_WORKER\","
                    + "\"label\":\"Lao động tiên tiến\",\"proposed\":true,\"decidedByDepartment\":true,\"criteria\":[" + rating + "]}]}],"
                    + "\"units\":[{\"unitCode\":\"TTR\",\"rosterSize\":6,\"titles\":[{\"title\":\"ADVANCED_COLLECTIVE\",\"label\":\"Tập thể lao động tiên tiến\","
                    + "\"proposed\":false,\"decidedByDepartment\":true,\"criteria\":[{\"outcome\":\"NOT_MET\",\"text\":\"không đạt: đơn vị chưa có xếp loại năm 2025 — "
                    + "Luật TĐKT 2022 Điều 28\"}]}],\"warnings\":[]}]}");
        } else if (path.matches("/api/years/\\d+/ballots") && method.equals("POST")) {
            var ballot = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
            int council = ballot.path("councilMembers").asInt();
            int votesFor = ballot.path("votesFor").asInt();
            if (votesFor > council) {
                send(x, 422, problem, "{\"type\":\"https://thidua.vn/problems/invalid-ballot\",\"status\":422,\"detail\":\"Số phiếu đồng ý ("
                        + votesFor + ") không thể lớn hơn số thành viên Hội đồng (" + council + ").\"}");
            } else {
                send(x, 201, json, "{\"subject\":\"" + ballot.path("subject").asText() + "\",\"subjectId\":\"" + ballot.path("subjectId").asText()
                        + "\",\"title\":\"ADVANCED_WORKER\",\"label\":\"Lao động tiên tiến\",\"councilMembers\":" + council + ",\"votesFor\":" + votesFor
                        + ",\"passed\":true,\"result\":\"đạt: " + votesFor + "/" + council + " thành viên Hội đồng đồng ý\"}");
            }
        } else if (path.matches("/api/years/\\d+/decision") && method.equals("POST")) {
            if (!body.contains("\"signer\"") || body.contains("\"signer\":null")) {
                send(x, 400, problem, "{\"type\":\"https://thidua.vn/problems/invalid-request\",\"status\":400,\"detail\":\"signer: must not be blank\","
                        + "\"errors\":[{\"field\":\"signer\",\"message\":\"must not be blank\"}]}");
            } else {
                send(x, 201, json, decision("21/QĐ-SKHCN"));
            }
        } else if (path.equals("/api/years/2024/decision")) {
            send(x, 200, json, decision("15/QĐ-SKHCN"));
        } else if (path.matches("/api/years/\\d+/decision")) {
            send(x, 404, problem, "{\"type\":\"https://thidua.vn/problems/decision-not-found\",\"status\":404,\"detail\":\"Năm chưa có quyết định.\"}");
        } else if (path.matches("/api/years/\\d+/documents/vote-record\\.docx")) {
            send(x, 200, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK\u0003\u0004 biên bản");
        } else if (path.matches("/api/years/\\d+/ballots")) {
            send(x, 200, json, "[{\"subject\":\"MEMBER\",\"subjectId\":\"CB-1\",\"title\":\"ADVANCED_WORKER\",\"label\":\"Lao động tiên tiến\","
                    + "\"councilMembers\":9,\"votesFor\":7,\"passed\":true,\"result\":\"đạt: 7/9 thành viên Hội đồng đồng ý (77,78%), cần trên 50%\"}]");
        } else if (path.matches("/api/appraisals/\\d+/close")) {
            send(x, 201, json, appraisal("CLOSED") .replace("\"closedNow\":null", "\"closedNow\":true"));
        } else if (path.matches("/api/appraisals/\\d+/late")) {
            send(x, 200, json, "[]");
        } else if (path.matches("/api/appraisals/2025")) {
            send(x, 200, json, appraisal("CLOSED"));
        } else if (path.matches("/api/appraisals/\\d+")) {
            send(x, 200, json, appraisal("OPEN"));
        } else {
            send(x, 404, problem, "{\"type\":\"https://thidua.vn/problems/not-found\",\"status\":404,\"detail\":\"stub: no " + path + "\"}");
        }
    }

    private static String campaign() {
        return "{\"campaignId\":\"c1\",\"kind\":\"PHASE\",\"title\":\"Đợt thi đua đặc biệt\",\"content\":\"Tạo khí thế thi đua\","
                + "\"basisPlans\":[{\"number\":\"132/KH-UBND\",\"issuedOn\":\"2022-09-09\",\"issuer\":\"UBND tỉnh Thái Nguyên\",\"title\":\"Đợt 75 năm\"}],"
                + "\"period\":{\"from\":\"2022-09-15\",\"to\":\"2026-12-31\"},\"launchDocument\":{\"number\":\"45/KH-CN-TTR\",\"issuedOn\":\"2022-09-15\","
                + "\"signerName\":\"Phạm Thị Hiền\",\"signerCapacity\":\"KT. GIÁM ĐỐC\"},\"launchedAt\":\"2022-09-15T03:00:00Z\",\"recipients\":["
                + "{\"unitCode\":\"TTR\",\"unitName\":\"Thanh tra Sở\",\"notifiedAt\":\"2022-09-15T03:00:01Z\",\"acknowledged\":false},"
                + "{\"unitCode\":\"VP\",\"unitName\":\"Văn phòng Sở\",\"notifiedAt\":\"2022-09-15T03:00:01Z\",\"acknowledged\":true,"
                + "\"acknowledgedBy\":\"user:truong.vp\",\"acknowledgedAt\":\"2022-09-20T03:00:00Z\"}]}";
    }

    private static String decision(String number) {
        return "{\"year\":2025,\"ruleSetVersion\":\"tdkt-2022-nd152-2025.1\",\"reviewedOn\":\"2026-01-10\",\"watermark\":[],"
                + "\"decision\":{\"number\":\"" + number + "\",\"signedOn\":\"2026-01-15\",\"signer\":\"Nguyễn Văn Hùng\",\"signerPosition\":\"Giám đốc\"},"
                + "\"ballots\":[],\"awards\":[{\"subject\":\"MEMBER\",\"subjectId\":\"CB-1\",\"name\":\"Đặng Thị Hương\",\"title\":\"ADVANCED_WORKER\"},"
                + "{\"subject\":\"MEMBER\",\"subjectId\":\"CB-7\",\"name\":\"Lê Văn Bảy\",\"title\":\"ADVANCED_WORKER\"}],"
                + "\"decidedBy\":\"user:canbo.tdkt\",\"decidedAt\":\"2026-01-15T03:00:00Z\"}";
    }

    private static String appraisal(String status) {
        boolean closed = status.equals("CLOSED");
        return "{\"year\":2025,\"status\":\"" + status + "\",\"policyVersion\":\"v1\",\"digest\":\"" + "cd".repeat(32) + "\","
                + "\"counts\":{\"members\":30,\"units\":5,\"countedRecords\":1282,\"refusedRecords\":3},\"lateRecords\":0,"
                + "\"watermark\":" + (closed ? "[{\"topic\":\"thidua.participation.v1\",\"partition\":0,\"offset\":64}]" : "null") + ","
                + "\"closedBy\":" + (closed ? "\"user:canbo.tdkt\"" : "null") + ",\"closedAt\":" + (closed ? "\"2026-01-05T02:00:00Z\"" : "null")
                + ",\"digestMatches\":" + (closed ? "true" : "null") + ",\"closedNow\":null,\"inFlightRecords\":null,\"note\":null}";
    }

    static String jwt(String payload) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static void send(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }
}
