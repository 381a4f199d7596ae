package vn.thidua.participation;

import static vn.thidua.testsupport.SignedIn.given;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.thidua.contract.events.CampaignKind;
import vn.thidua.contract.events.CampaignLaunched;
import vn.thidua.contract.events.LaunchDocument;
import vn.thidua.contract.events.Period;
import vn.thidua.contract.events.PlanReference;
import vn.thidua.testsupport.ChainedEventProducer;

/** Builders for the participation tests: campaigns as campaign-service publishes them, roster calls, records. */
public final class Fixtures {
    private static ChainedEventProducer campaignService;

    private Fixtures() {
    }

    public static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** Plays campaign-service (and evaluation-service) on the test broker: the only writer of their topics there. */
    public static synchronized ChainedEventProducer campaignService() {
        if (campaignService == null) {
            campaignService = new ChainedEventProducer(bootstrap(), "/thidua/campaign-service");
        }
        return campaignService;
    }

    public static CampaignLaunched campaign(String id, LocalDate from, LocalDate to, String... units) {
        return new CampaignLaunched(id, CampaignKind.THEMATIC, "Thái Nguyên chung sức xây dựng nông thôn mới giai đoạn 2021-2025",
                "Góp phần nâng cao đời sống vật chất và tinh thần của người dân nông thôn",
                List.of(new PlanReference("108/KH-UBND", LocalDate.of(2022, 7, 13), "UBND tỉnh Thái Nguyên", "Nông thôn mới")),
                new Period(from, to), new LaunchDocument("45/KH-CN-TTR", LocalDate.of(2022, 9, 15), "Phạm Thị Hiền", "KT. GIÁM ĐỐC — PHÓ GIÁM ĐỐC"),
                List.of(units));
    }

    public static void join(String unit, String member, String name, String from) {
        given().contentType(ContentType.JSON).body(Map.of("fullName", name, "position", "Chuyên viên", "fromDate", from))
                .put("/api/units/" + unit + "/members/" + member).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    public static Map<String, Object> record(String campaignId, String unit, String member, String kind, String on) {
        Map<String, Object> body = new HashMap<>();
        body.put("campaignId", campaignId);
        body.put("unitCode", unit);
        body.put("memberId", member);
        body.put("kind", kind);
        body.put("occurredOn", on);
        body.put("description", "Tham gia ngày hội “Chung sức xây dựng nông thôn mới” tại xã Tân Cương");
        return body;
    }

    /** Waits for something the service learns asynchronously (e.g. from Kafka), failing after {@code timeout}. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Waits until the service accepts records for the campaign (it has read the launch from Kafka). */
    public static void awaitCampaignKnown(String campaignId) {
        await("campaign " + campaignId + " to be known", Duration.ofSeconds(30), () -> given().contentType(ContentType.JSON)
                .body(record(campaignId, "ZZZ", null, "ACTIVITY", "2000-01-01")).post("/api/participations")
                .then().extract().statusCode() != 409);
    }
}
