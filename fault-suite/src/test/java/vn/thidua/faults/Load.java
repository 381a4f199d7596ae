package vn.thidua.faults;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The concurrent load the faults are applied under: participation records from several clients
 * (spread over the participation instances), roster joins, and campaign launches, each request
 * written into the ledger before it is sent.
 */
final class Load {
    static final int YEAR = 2025;
    private static final String[] ACTIVITIES = {"Tham gia hội thi sáng kiến cải tiến kỹ thuật", "Tham gia hiến máu tình nguyện",
            "Hỗ trợ xã xây dựng nông thôn mới nâng cao", "Tham gia ngày hội chuyển đổi số cấp tỉnh"};

    private final Ledger ledger;
    private final Supplier<List<String>> participation;
    private final Supplier<String> campaign;
    private final String campaignId;
    private final List<String> units;
    private final List<String[]> members;
    private final int recordClients;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile boolean running;

    /**
     * @param participation the participation instances' URLs (the clients spread over them)
     * @param members       unit code and member id of everyone on a roster, records are about them
     */
    Load(Ledger ledger, Supplier<List<String>> participation, Supplier<String> campaign, String campaignId, List<String> units,
         List<String[]> members, int recordClients) {
        this.ledger = ledger;
        this.participation = participation;
        this.campaign = campaign;
        this.campaignId = campaignId;
        this.units = units;
        this.members = members;
        this.recordClients = recordClients;
    }

    static Map<String, Object> recordBody(String campaignId, String unit, String member, int n) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("campaignId", campaignId);
        body.put("unitCode", unit);
        body.put("memberId", member);
        body.put("kind", "ACTIVITY");
        body.put("occurredOn", LocalDate.of(YEAR, 1, 1).plusDays(n % 365).toString());
        body.put("description", ACTIVITIES[n % ACTIVITIES.length] + " (lượt " + n + ")");
        return body;
    }

    static Map<String, Object> campaignBody(int n) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("kind", n % 2 == 0 ? "THEMATIC" : "REGULAR");
        c.put("title", "Phong trào thi đua “Chung sức vượt khó” đợt " + n + " năm " + YEAR);
        c.put("content", "Thi đua hoàn thành xuất sắc nhiệm vụ năm " + YEAR + ", đợt " + n);
        c.put("basisPlanNumbers", List.of());
        c.put("period", Map.of("from", YEAR + "-01-01", "to", YEAR + "-12-31"));
        c.put("launchDocument", Map.of("number", (500 + n) + "/KH-KHCN", "issuedOn", (YEAR - 1) + "-12-20", "signerName", "Phạm Thị Hiền",
                "signerCapacity", "KT. GIÁM ĐỐC — PHÓ GIÁM ĐỐC"));
        c.put("allUnits", true);
        return c;
    }

    static Map<String, Object> joinBody(String fullName) {
        return Map.of("fullName", fullName, "position", "Chuyên viên", "fromDate", (YEAR - 1) + "-12-01");
    }

    void start() {
        running = true;
        for (int c = 0; c < recordClients; c++) {
            int client = c;
            threads.add(started("records-" + c, () -> loop(() -> {
                int n = sequence.incrementAndGet();
                String[] m = members.get(n % members.size());
                Ledger.Entry e = ledger.add(Ledger.Kind.RECORD, "fs-record-" + n, "POST", "/api/participations",
                        recordBody(campaignId, m[0], m[1], n), m[0], m[1]);
                List<String> targets = participation.get();
                return ledger.send(e, targets.get(client % targets.size()), Duration.ofSeconds(10));
            }, 50)));
        }
        AtomicInteger joins = new AtomicInteger();
        threads.add(started("roster", () -> loop(() -> {
            int n = joins.incrementAndGet();
            String unit = units.get(n % units.size());
            String member = unit + "-MOI-" + String.format("%04d", n);
            Ledger.Entry e = ledger.add(Ledger.Kind.JOIN, member, "PUT", "/api/units/" + unit + "/members/" + member,
                    joinBody("Người mới số " + n), unit, member);
            List<String> targets = participation.get();
            return ledger.send(e, targets.get(n % targets.size()), Duration.ofSeconds(10));
        }, 250)));
        AtomicInteger launches = new AtomicInteger();
        threads.add(started("campaigns", () -> loop(() -> {
            int n = launches.incrementAndGet();
            Ledger.Entry e = ledger.add(Ledger.Kind.CAMPAIGN, "fs-campaign-" + n, "POST", "/api/campaigns", campaignBody(n), null, null);
            return ledger.send(e, campaign.get(), Duration.ofSeconds(10));
        }, 1000)));
    }

    private static Thread started(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.start();
        return t;
    }

    /** Sends until stopped; after a request with no answer it waits a little (a client backing off), after each request {@code pauseMs}. */
    private void loop(java.util.function.BooleanSupplier request, long pauseMs) {
        while (running) {
            boolean answered = request.getAsBoolean();
            try {
                Thread.sleep(answered ? pauseMs : Math.max(pauseMs, 200));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void stop() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join(30_000);
        }
    }
}
