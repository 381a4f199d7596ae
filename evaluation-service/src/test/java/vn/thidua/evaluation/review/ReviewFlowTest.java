package vn.thidua.evaluation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static vn.thidua.testsupport.SignedIn.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.thidua.contract.chain.ChainVerifier;
import vn.thidua.contract.envelope.KafkaBinding;
import vn.thidua.contract.envelope.PublishedEvent;
import vn.thidua.contract.events.AwardDecided;
import vn.thidua.contract.events.CampaignKind;
import vn.thidua.contract.events.CampaignLaunched;
import vn.thidua.contract.events.LaunchDocument;
import vn.thidua.contract.events.MemberJoinedUnit;
import vn.thidua.contract.events.ParticipationKind;
import vn.thidua.contract.events.ParticipationRecorded;
import vn.thidua.contract.events.MemberRated;
import vn.thidua.contract.events.MemberRecruited;
import vn.thidua.contract.events.Period;
import vn.thidua.contract.events.Rating;
import vn.thidua.contract.events.Topic;
import vn.thidua.contract.events.UnitRated;
import vn.thidua.testsupport.ChainedEventProducer;
import vn.thidua.testsupport.TopicReader;

/**
 * The titles of a year on the real PostgreSQL and Kafka: facts published as the other services
 * would, the proposals with their reasons, the council's ballots and the refusals, the year's close,
 * and the documents opened with POI. The steps build on each other, in order; year 2025 is this
 * test's alone in the shared application.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewFlowTest {
    static final int YEAR = 2025;
    private static final String CAMPAIGN = "review-2025";
    private static final String NAME = "Hoàng Thị Thu Hà";
    private static final String OTHER = "Vũ Minh Khôi";

    /** The day of the review of an open year: today in Vietnam, as the proposals write it. */
    private static String today() {
        return java.time.LocalDate.now(ProposalService.ZONE).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static Map<String, Object> ballot(String subject, String id, String title, int council, int votesFor) {
        return Map.of("subject", subject, "subjectId", id, "title", title, "councilMembers", council, "votesFor", votesFor);
    }

    private static Map<String, Object> decision(String subject, String id, String title) {
        return Map.of("number", "15/QĐ-SKHCN", "signedOn", "2026-01-15", "signer", "Nguyễn Văn Hùng", "signerPosition", "Giám đốc",
                "awards", List.of(Map.of("subject", subject, "subjectId", id, "title", title)));
    }

    @Test
    @Order(1)
    void the_proposals_give_each_criterion_with_its_fact_and_citation() {
        try (ChainedEventProducer campaigns = new ChainedEventProducer(bootstrap(), "/thidua/campaign-service");
             ChainedEventProducer participation = new ChainedEventProducer(bootstrap(), "/thidua/participation-service")) {
            campaigns.publish(CAMPAIGN, new CampaignLaunched(CAMPAIGN, CampaignKind.THEMATIC, "Chuyển đổi số năm 2025", "Nội dung",
                    List.of(), new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)),
                    new LaunchDocument("7/KH-SKHCN", LocalDate.of(2024, 12, 20), "Phạm Thị Hiền", "KT. GIÁM ĐỐC — PHÓ GIÁM ĐỐC"), List.of("QLKH")));
            participation.publish("roster-QLKH", new MemberJoinedUnit("rv1", NAME, "Chuyên viên", "QLKH", LocalDate.of(2025, 1, 2)));
            participation.publish("roster-QLKH", new MemberJoinedUnit("rv2", OTHER, "Chuyên viên", "QLKH", LocalDate.of(2025, 1, 2)));
            participation.publish("rv-rec-1", new ParticipationRecorded("rv-rec-1", CAMPAIGN, "QLKH", "rv1", ParticipationKind.INITIATIVE,
                    LocalDate.of(2025, 5, 5), "Sáng kiến số hoá hồ sơ", null));
            participation.publish("rv-rec-2", new ParticipationRecorded("rv-rec-2", CAMPAIGN, "QLKH", "rv2", ParticipationKind.ACTIVITY,
                    LocalDate.of(2025, 6, 5), "Tham gia hội thảo", null));
            participation.publish("file-rv1", new MemberRecruited("rv1", LocalDate.of(2020, 1, 1)));
            participation.publish("file-rv1", new MemberRated("rv1", "QLKH", YEAR, Rating.EXCELLENT));
            participation.publish("file-rv2", new MemberRecruited("rv2", LocalDate.of(2021, 9, 1)));
            participation.publish("unit-QLKH", new UnitRated("QLKH", YEAR, Rating.GOOD));
        }
        await("the 2025 records counted", () -> given().get("/api/appraisals/" + YEAR).then().extract().<Integer>path("counts.countedRecords") == 2);
        await("the ratings read", () -> given().get("/api/years/" + YEAR + "/proposals").then().extract().<Boolean>path("units[0].titles[0].proposed"));

        var proposals = given().get("/api/years/" + YEAR + "/proposals").then().statusCode(200)
                .body("year", equalTo(YEAR)).body("status", equalTo("OPEN"))
                .body("ruleSet.version", equalTo("tdkt-2022-nd152-2025.1"))
                .body("ruleSet.name", equalTo("Luật Thi đua, khen thưởng 2022 + Nghị định 152/2025/NĐ-CP"))
                .body("members[0].memberId", equalTo("rv1")).body("members[0].fullName", equalTo(NAME))
                .body("members[0].titles[0].title", equalTo("ADVANCED_WORKER")).body("members[0].titles[0].label", equalTo("Lao động tiên tiến"))
                .body("members[0].titles[0].proposed", equalTo(true)).body("members[0].titles[1].proposed", equalTo(true))
                .body("members[0].titles[2].proposed", equalTo(false))
                .body("members[1].memberId", equalTo("rv2")).body("members[1].titles[0].proposed", equalTo(false))
                .body("units[0].unitCode", equalTo("QLKH")).body("units[0].titles[0].title", equalTo("ADVANCED_COLLECTIVE"))
                .body("units[0].titles[0].proposed", equalTo(true))
                .extract().jsonPath();
        assertThat(proposals.getList("members[0].titles[0].criteria.text", String.class)).containsExactly(
                "đạt: xếp loại Hoàn thành xuất sắc nhiệm vụ — Luật TĐKT 2022 Điều 24 k.1",
                "đạt: 1 bản ghi tham gia phong trào được tính trong năm 2025 — Luật TĐKT 2022 Điều 24 k.1",
                "đạt: tuyển dụng ngày 01/01/2020, đủ 6 tháng đến hết năm 2025 — TT 01/2024 Điều 1 k.5 điểm d",
                "đạt: không bị kỷ luật trong năm 2025, không bị xem xét kỷ luật ngày " + today() + " — NĐ 152/2025/NĐ-CP Điều 4 k.4");
        List<Map<String, Object>> criteria = proposals.getList("members[1].titles[0].criteria");
        assertThat(criteria.get(0)).containsEntry("criterion", "ADVANCED_WORKER_RATING").containsEntry("outcome", "NOT_MET")
                .containsEntry("text", "không đạt: chưa có xếp loại năm 2025 — Luật TĐKT 2022 Điều 24 k.1").containsEntry("citationConfirmed", true);
        // exactly half of QLKH is Lao động tiên tiến: the default 50% is met
        assertThat(proposals.getList("units[0].titles[0].criteria.text", String.class))
                .contains("đạt: 1/2 người (50%) đạt Lao động tiên tiến, cần từ 50% — Luật TĐKT 2022 Điều 28");
    }

    @Test
    @Order(2)
    void the_council_votes_only_on_a_closed_year() {
        given().contentType(ContentType.JSON).body(ballot("MEMBER", "rv1", "ADVANCED_WORKER", 9, 7))
                .post("/api/years/" + YEAR + "/ballots").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://thidua.vn/problems/year-not-closed")).body("detail", startsWith("Năm 2025 chưa chốt bình xét"));
        given().post("/api/appraisals/" + YEAR + "/close").then().statusCode(201);
        given().get("/api/years/" + YEAR + "/proposals").then().statusCode(200).body("status", equalTo("CLOSED"));
    }

    @Test
    @Order(3)
    void a_title_not_proposed_cannot_be_voted_nor_awarded() {
        String ballots = "/api/years/" + YEAR + "/ballots";
        given().contentType(ContentType.JSON).body(ballot("MEMBER", "rv2", "ADVANCED_WORKER", 9, 9)).post(ballots).then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("https://thidua.vn/problems/title-not-proposed"))
                .body("detail", equalTo("rv2 không đủ tiêu chuẩn danh hiệu Lao động tiên tiến theo danh sách đề nghị: không thể bỏ phiếu hay công nhận."));
        given().contentType(ContentType.JSON).body(ballot("MEMBER", "rv1", "ADVANCED_COLLECTIVE", 9, 9)).post(ballots).then().statusCode(422)
                .body("type", equalTo("https://thidua.vn/problems/title-not-for-subject"));
        given().contentType(ContentType.JSON).body(ballot("MEMBER", "nobody", "ADVANCED_WORKER", 9, 9)).post(ballots).then().statusCode(422)
                .body("type", equalTo("https://thidua.vn/problems/unknown-subject"));
        given().contentType(ContentType.JSON).body(ballot("UNIT", "QLKH", "EXCELLENT_COLLECTIVE", 9, 9)).post(ballots).then().statusCode(422)
                .body("type", equalTo("https://thidua.vn/problems/title-decided-by-province"));
        given().contentType(ContentType.JSON).body(decision("MEMBER", "rv2", "ADVANCED_WORKER"))
                .post("/api/years/" + YEAR + "/decision").then().statusCode(422)
                .body("type", equalTo("https://thidua.vn/problems/title-not-proposed"));
        given().contentType(ContentType.JSON).body(decision("MEMBER", "rv1", "ADVANCED_WORKER"))
                .post("/api/years/" + YEAR + "/decision").then().statusCode(422)
                .body("type", equalTo("https://thidua.vn/problems/ballot-missing"));
        given().get("/api/years/" + YEAR + "/decision").then().statusCode(404).body("type", equalTo("https://thidua.vn/problems/decision-not-found"));
        given().get(ballots).then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    @Order(4)
    void the_council_votes_and_the_decision_awards_what_was_proposed_and_passed() {
        String ballots = "/api/years/" + YEAR + "/ballots";
        given().contentType(ContentType.JSON).body(ballot("MEMBER", "rv1", "ADVANCED_WORKER", 9, 5)).post(ballots).then().statusCode(201)
                .body("passed", equalTo(true)).body("result", startsWith("đạt: 5/9 thành viên Hội đồng đồng ý (55,56%), cần trên 50% — NĐ 98/2023/NĐ-CP"));
        given().contentType(ContentType.JSON).body(ballot("MEMBER", "rv1", "BASE_EMULATION_FIGHTER", 9, 7)).post(ballots).then().statusCode(201)
                .body("passed", equalTo(false)).body("result", startsWith("không đạt: 7/9 thành viên Hội đồng đồng ý (77,78%), cần từ 80%"));
        given().contentType(ContentType.JSON).body(decision("MEMBER", "rv1", "BASE_EMULATION_FIGHTER"))
                .post("/api/years/" + YEAR + "/decision").then().statusCode(422)
                .body("type", equalTo("https://thidua.vn/problems/vote-not-passed"));
        given().contentType(ContentType.JSON).body(ballot("MEMBER", "rv1", "BASE_EMULATION_FIGHTER", 9, 8)).post(ballots).then().statusCode(200)
                .body("passed", equalTo(true)).body("replaced", equalTo(true));
        given().contentType(ContentType.JSON).body(ballot("UNIT", "QLKH", "ADVANCED_COLLECTIVE", 9, 4)).post(ballots).then().statusCode(201)
                .body("passed", equalTo(false));

        Map<String, Object> body = Map.of("number", "15/QĐ-SKHCN", "signedOn", "2026-01-15", "signer", "Nguyễn Văn Hùng", "signerPosition", "Giám đốc",
                "awards", List.of(Map.of("subject", "MEMBER", "subjectId", "rv1", "title", "ADVANCED_WORKER"),
                        Map.of("subject", "MEMBER", "subjectId", "rv1", "title", "BASE_EMULATION_FIGHTER")));
        given().contentType(ContentType.JSON).body(body).post("/api/years/" + YEAR + "/decision").then().statusCode(201)
                .body("ruleSetVersion", equalTo("tdkt-2022-nd152-2025.1")).body("awards.size()", equalTo(2)).body("ballots.size()", equalTo(3))
                .body("awards[0].name", equalTo(NAME)).body("decidedBy", equalTo("user:canbo.tdkt"));

        List<ConsumerRecord<String, byte[]>> published = TopicReader.readUntil(bootstrap(), List.of(Topic.AWARD.address()),
                rs -> !rs.isEmpty(), Duration.ofSeconds(60));
        assertThat(published).hasSize(1);
        assertThat(published.get(0).key()).isEqualTo("2025");
        PublishedEvent record = KafkaBinding.fromRecord(published.get(0));
        // the ballots before it are not published: the decision is sequence 0 of an aggregate of its own, and the chain has no gap
        assertThat(record.attributes().aggregateId()).isEqualTo("award-2025");
        assertThat(record.attributes().aggregateSequence()).isZero();
        ChainVerifier chain = new ChainVerifier();
        for (ConsumerRecord<String, byte[]> r : published) {
            PublishedEvent e = KafkaBinding.fromRecord(r);
            chain.accept(r.topic(), r.partition(), r.offset(), e.attributes(), e.data());
        }
        assertThat(chain.finish()).isEmpty();
        AwardDecided event = (AwardDecided) record.event();
        assertThat(event.awards()).extracting(AwardDecided.Award::title).containsExactly("ADVANCED_WORKER", "BASE_EMULATION_FIGHTER");
        assertThat(event.ballots()).extracting(AwardDecided.Ballot::passed).containsExactly(true, true, false);
        assertThat(event.decision().number()).isEqualTo("15/QĐ-SKHCN");

        given().get("/api/years/" + YEAR + "/decision").then().statusCode(200).body("awards.size()", equalTo(2));
        given().contentType(ContentType.JSON).body(body).post("/api/years/" + YEAR + "/decision").then().statusCode(409)
                .body("type", equalTo("https://thidua.vn/problems/award-already-decided"));
        given().contentType(ContentType.JSON).body(ballot("UNIT", "QLKH", "ADVANCED_COLLECTIVE", 9, 9)).post(ballots).then().statusCode(409)
                .body("type", equalTo("https://thidua.vn/problems/award-already-decided"));
    }

    @Test
    @Order(5)
    void the_documents_open_and_their_vietnamese_round_trips_in_nfc() throws Exception {
        byte[] csv = given().get("/api/years/" + YEAR + "/documents/proposals.csv").then().statusCode(200)
                .contentType("text/csv; charset=UTF-8").extract().asByteArray();
        String list = new String(csv, StandardCharsets.UTF_8);
        assertThat(list).startsWith("\uFEFFSTT,Mã,Họ và tên / Tập thể,Đơn vị,Danh hiệu đề nghị,Căn cứ\r\n")
                .contains("1,rv1,Hoàng Thị Thu Hà,QLKH,Lao động tiên tiến,\"đạt: xếp loại Hoàn thành xuất sắc nhiệm vụ — Luật TĐKT 2022 Điều 24 k.1; ");

        byte[] xlsx = given().get("/api/years/" + YEAR + "/documents/proposals.xlsx").then().statusCode(200)
                .contentType(Documents.XLSX).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            String text = cells(book);
            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
                    "DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU THI ĐUA NĂM 2025", "NGƯỜI LẬP DANH SÁCH", NAME, "Tập thể lao động tiên tiến");
            assertThat(text).isEqualTo(Normalizer.normalize(text, Normalizer.Form.NFC));
        }

        byte[] record = given().get("/api/years/" + YEAR + "/documents/vote-record.docx").then().statusCode(200)
                .contentType(Documents.DOCX).extract().asByteArray();
        String minutes = words(record);
        assertThat(minutes).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BIÊN BẢN", "Kết quả bỏ phiếu bình xét danh hiệu thi đua năm 2025",
                "CHỦ TỊCH HỘI ĐỒNG", NAME, "Chiến sĩ thi đua cơ sở", "Không đạt");
        assertThat(minutes).isEqualTo(Normalizer.normalize(minutes, Normalizer.Form.NFC));

        String decided = words(given().get("/api/years/" + YEAR + "/documents/decision.docx").then().statusCode(200)
                .contentType(Documents.DOCX).extract().asByteArray());
        assertThat(decided).contains("QUYẾT ĐỊNH", "Về việc công nhận danh hiệu thi đua năm 2025", "Số: 15/QĐ-SKHCN",
                "Thái Nguyên, ngày 15 tháng 01 năm 2026", "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
                "1. Danh hiệu “Lao động tiên tiến”: 1 cá nhân", "- " + NAME, "GIÁM ĐỐC", "Nguyễn Văn Hùng").doesNotContain("DỰ THẢO");
        assertThat(decided).isEqualTo(Normalizer.normalize(decided, Normalizer.Form.NFC));
    }

    static String cells(XSSFWorkbook book) {
        StringBuilder out = new StringBuilder();
        for (Row row : book.getSheetAt(0)) {
            for (Cell cell : row) {
                out.append(cell.toString()).append('\n');
            }
        }
        return out.toString();
    }

    static String words(byte[] docx) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            return text.getText();
        }
    }
}
