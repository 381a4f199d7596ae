package vn.thidua.participation.personnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static vn.thidua.testsupport.SignedIn.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.chain.ChainVerifier;
import vn.thidua.contract.envelope.KafkaBinding;
import vn.thidua.contract.envelope.PublishedEvent;
import vn.thidua.contract.events.AppraisalClosed;
import vn.thidua.contract.events.AppraisalCounts;
import vn.thidua.contract.events.DisciplineLevel;
import vn.thidua.contract.events.MemberDisciplined;
import vn.thidua.contract.events.MemberRated;
import vn.thidua.contract.events.MemberRecruited;
import vn.thidua.contract.events.Rating;
import vn.thidua.contract.events.Topic;
import vn.thidua.contract.events.UnitRated;
import vn.thidua.participation.Fixtures;
import vn.thidua.testsupport.SignedIn;
import vn.thidua.testsupport.TestTokens;
import vn.thidua.testsupport.TopicReader;

/** The review's inputs through the API on real PostgreSQL and Kafka: the rules, the reads, and the events on thidua.personnel.v1. */
@QuarkusTest
class PersonnelFlowTest {
    private static final String CAMPAIGN = "personnel-flow";
    private static final String UNIT = "TCCB";
    private static final String OTHER = "KHTC";
    private static boolean ready;

    @BeforeEach
    void campaignAndRosters() {
        synchronized (PersonnelFlowTest.class) {
            if (!ready) {
                Fixtures.campaignService().publish(CAMPAIGN, Fixtures.campaign(CAMPAIGN, LocalDate.of(2022, 1, 1), LocalDate.of(2025, 12, 31), UNIT, OTHER));
                Fixtures.awaitCampaignKnown(CAMPAIGN);
                for (int i = 1; i <= 9; i++) {
                    Fixtures.join(UNIT, "NS-" + i, "Cán bộ Tổ chức " + i, "2022-01-01");
                }
                Fixtures.join(UNIT, "NS-20", "Hoàng Văn Thụ", "2018-01-01");
                ready = true;
            }
        }
    }

    private static ValidatableResponse put(String path, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).put("/api/units/" + path).then();
    }

    private static ValidatableResponse rate(String unit, int year, String member, String rating) {
        return put(unit + "/ratings/" + year + "/members/" + member, Map.of("rating", rating));
    }

    private static ValidatableResponse discipline(String unit, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/units/" + unit + "/disciplines").then();
    }

    private static void refused(ValidatableResponse response, int status, String type) {
        response.statusCode(status).contentType("application/problem+json").body("type", equalTo("https://thidua.vn/problems/" + type));
    }

    @Test
    void an_excellent_share_above_20_percent_of_the_good_or_better_is_a_warning_not_a_refusal() {
        rate(UNIT, 2023, "NS-1", "EXCELLENT").statusCode(200).body("changed", equalTo(true))
                .body("warnings[0].code", equalTo("excellent-share-above-limit"));
        for (String member : List.of("NS-2", "NS-3", "NS-4")) {
            rate(UNIT, 2023, member, "GOOD").statusCode(200).body("warnings", hasSize(1));
        }
        rate(UNIT, 2023, "NS-5", "GOOD").statusCode(200).body("warnings", empty());
        rate(UNIT, 2023, "NS-6", "COMPLETED").statusCode(200).body("warnings", empty());
        rate(UNIT, 2023, "NS-7", "EXCELLENT").statusCode(200).body("changed", equalTo(true)).body("warnings", hasSize(1));

        given().get("/api/units/" + UNIT + "/ratings/2023").then().statusCode(200)
                .body("excellentShare.excellent", equalTo(2)).body("excellentShare.goodOrBetter", equalTo(6))
                .body("excellentShare.limitPercent", equalTo(20)).body("warnings", hasSize(1))
                .body("members.find { it.memberId == 'NS-7' }.rating", equalTo("EXCELLENT"))
                .body("members.find { it.memberId == 'NS-8' }.rating", nullValue());
    }

    @Test
    void a_unit_rated_excellent_may_have_25_percent_and_its_rating_is_listed() {
        for (String member : List.of("NS-1", "NS-2", "NS-3")) {
            rate(UNIT, 2022, member, "GOOD").statusCode(200);
        }
        rate(UNIT, 2022, "NS-4", "EXCELLENT").statusCode(200).body("warnings", hasSize(1));
        put(UNIT + "/ratings/2022", Map.of("rating", "EXCELLENT")).statusCode(200).body("changed", equalTo(true)).body("warnings", empty());
        put(UNIT + "/ratings/2022", Map.of("rating", "EXCELLENT")).statusCode(200).body("changed", equalTo(false));
        given().get("/api/units/" + UNIT + "/ratings/2022").then().statusCode(200).body("rating", equalTo("EXCELLENT"))
                .body("excellentShare.limitPercent", equalTo(25)).body("warnings", empty());
    }

    @Test
    void a_correction_is_a_later_rating_and_the_last_one_counts() {
        rate(UNIT, 2025, "NS-8", "GOOD").statusCode(200).body("changed", equalTo(true));
        rate(UNIT, 2025, "NS-8", "GOOD").statusCode(200).body("changed", equalTo(false));
        rate(UNIT, 2025, "NS-8", "COMPLETED").statusCode(200).body("changed", equalTo(true));
        given().get("/api/units/" + UNIT + "/ratings/2025").then().statusCode(200)
                .body("members.find { it.memberId == 'NS-8' }.rating", equalTo("COMPLETED"))
                .body("members.find { it.memberId == 'NS-8' }.ratedFor", equalTo(UNIT));
    }

    @Test
    void a_member_not_on_the_units_roster_that_year_cannot_be_rated_there() {
        refused(rate(UNIT, 2021, "NS-1", "GOOD"), 422, "member-not-on-roster");
        refused(rate(OTHER, 2023, "NS-1", "GOOD"), 422, "member-not-on-roster");
        refused(put("QLKH/ratings/2023", Map.of("rating", "GOOD")), 409, "unit-not-notified");
    }

    @Test
    void a_closed_year_refuses_ratings_and_disciplines_touching_it() {
        Fixtures.campaignService().publish("appraisal-2019",
                new AppraisalClosed(2019, "v1", "0".repeat(64), List.of(), new AppraisalCounts(0, 0, 0, 0), "Thanh tra Sở", Instant.now()));
        Fixtures.await("2019 to be closed", Duration.ofSeconds(30), () -> rate(UNIT, 2019, "NS-20", "GOOD").extract().statusCode() == 422);
        refused(rate(UNIT, 2019, "NS-20", "GOOD"), 422, "year-closed");
        refused(put(UNIT + "/ratings/2019", Map.of("rating", "GOOD")), 422, "year-closed");
        refused(discipline(UNIT, Map.of("memberId", "NS-20", "decisionNumber", "1/QĐ-SKHCN", "level", "REPRIMAND", "from", "2019-06-01",
                "to", "2020-05-31")), 422, "year-closed");
        discipline(UNIT, Map.of("memberId", "NS-20", "decisionNumber", "2/QĐ-SKHCN", "level", "REPRIMAND", "from", "2020-06-01",
                "to", "2021-05-31")).statusCode(200);
        rate(UNIT, 2020, "NS-20", "GOOD").statusCode(200);
    }

    @Test
    void a_discipline_ends_on_or_after_its_start_and_is_listed_for_the_years_it_is_in_force() {
        refused(discipline(UNIT, Map.of("memberId", "NS-9", "decisionNumber", "15/QĐ-SKHCN", "level", "WARNING", "from", "2022-05-01",
                "to", "2022-04-30")), 422, "discipline-ends-before-it-starts");
        discipline(UNIT, Map.of("memberId", "NS-9", "decisionNumber", "15/QĐ-SKHCN", "level", "WARNING", "from", "2022-05-01",
                "to", "2023-04-30")).statusCode(200).body("changed", equalTo(true)).body("level", equalTo("WARNING"));
        given().get("/api/units/" + UNIT + "/disciplines?year=2023").then().statusCode(200)
                .body("decisionNumber", hasItem("15/QĐ-SKHCN")).body("find { it.decisionNumber == '15/QĐ-SKHCN' }.to", equalTo("2023-04-30"));
        given().get("/api/units/" + UNIT + "/disciplines?year=2025").then().statusCode(200).body("decisionNumber", not(hasItem("15/QĐ-SKHCN")));
        refused(given().get("/api/units/" + UNIT + "/disciplines").then(), 400, "invalid-value");
    }

    @Test
    void the_recruitment_date_follows_the_member_to_another_unit() {
        Fixtures.join(UNIT, "NS-30", "Đinh Thị Lan", "2022-01-01");
        put(UNIT + "/recruitments/NS-30", Map.of("recruitedOn", "2016-09-01")).statusCode(200).body("changed", equalTo(true));
        given().contentType(ContentType.JSON).body(Map.of("date", "2023-07-01")).post("/api/units/" + UNIT + "/members/NS-30/leave").then().statusCode(200);
        Fixtures.join(OTHER, "NS-30", "Đinh Thị Lan", "2023-07-01");
        given().get("/api/units/" + OTHER + "/recruitments?year=2023").then().statusCode(200)
                .body("find { it.memberId == 'NS-30' }.recruitedOn", equalTo("2016-09-01"));
        // the unit head of the new unit corrects it
        SignedIn.as(TestTokens.unitHead(OTHER)).contentType(ContentType.JSON).body(Map.of("recruitedOn", "2016-10-01"))
                .put("/api/units/" + OTHER + "/recruitments/NS-30").then().statusCode(200).body("changed", equalTo(true));
        given().get("/api/units/" + UNIT + "/recruitments?year=2023").then().statusCode(200)
                .body("find { it.memberId == 'NS-30' }.recruitedOn", equalTo("2016-10-01"));
        refused(put(UNIT + "/recruitments/NS-99", Map.of("recruitedOn", "2016-10-01")), 422, "member-not-on-roster");
    }

    @Test
    void each_input_is_an_event_on_the_personnel_topic_keyed_as_the_contract_says_with_its_actor_and_an_unbroken_chain() {
        Fixtures.join(UNIT, "NS-40", "Bùi Thị Hà", "2022-01-01");
        rate(UNIT, 2025, "NS-40", "GOOD").statusCode(200);
        SignedIn.as(TestTokens.unitHead(UNIT)).contentType(ContentType.JSON).body(Map.of("rating", "GOOD"))
                .put("/api/units/" + UNIT + "/ratings/2025").then().statusCode(200);
        discipline(UNIT, Map.of("memberId", "NS-40", "decisionNumber", "40/QĐ-SKHCN", "level", "REPRIMAND", "from", "2025-02-01",
                "to", "2025-12-31")).statusCode(200);
        put(UNIT + "/recruitments/NS-40", Map.of("recruitedOn", "2025-01-02")).statusCode(200);

        var records = TopicReader.readUntil(Fixtures.bootstrap(), List.of(Topic.PERSONNEL.address()),
                read -> read.stream().anyMatch(r -> KafkaBinding.fromRecord(r).event() instanceof MemberRecruited m && m.memberId().equals("NS-40")),
                Duration.ofSeconds(30));

        assertThat(one(records, new MemberRated("NS-40", UNIT, 2025, Rating.GOOD), "NS-40").attributes().actor()).isEqualTo("user:canbo.tdkt");
        assertThat(one(records, new UnitRated(UNIT, 2025, Rating.GOOD), UNIT).attributes().actor()).isEqualTo("user:truong.tccb");
        one(records, new MemberDisciplined("NS-40", UNIT, "40/QĐ-SKHCN", DisciplineLevel.REPRIMAND, LocalDate.of(2025, 2, 1),
                LocalDate.of(2025, 12, 31)), "NS-40");
        PublishedEvent recruited = one(records, new MemberRecruited("NS-40", LocalDate.of(2025, 1, 2)), "NS-40");
        assertThat(recruited.attributes().type()).isEqualTo("vn.thidua.participation.MemberRecruited.v1");
        assertThat(recruited.attributes().aggregateId()).isEqualTo(MemberFile.idOf("NS-40"));

        ChainVerifier chain = new ChainVerifier();
        for (ConsumerRecord<String, byte[]> r : records) {
            PublishedEvent e = KafkaBinding.fromRecord(r);
            assertThat(chain.accept(r.topic(), r.partition(), r.offset(), e.attributes(), r.value())).isEqualTo(ChainVerifier.Verdict.ACCEPTED);
        }
        assertThat(chain.finish()).isEmpty();
    }

    private static PublishedEvent one(List<ConsumerRecord<String, byte[]>> records, Object event, String key) {
        var matching = records.stream().filter(r -> KafkaBinding.fromRecord(r).event().equals(event)).toList();
        assertThat(matching).as(event.toString()).hasSize(1);
        assertThat(matching.get(0).key()).isEqualTo(key);
        return KafkaBinding.fromRecord(matching.get(0));
    }
}
