package vn.thidua.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.events.AppraisalClosed;
import vn.thidua.contract.events.AppraisalCounts;
import vn.thidua.contract.events.AwardDecided;
import vn.thidua.contract.events.CampaignKind;
import vn.thidua.contract.events.CampaignLaunched;
import vn.thidua.contract.events.LaunchDocument;
import vn.thidua.contract.events.MemberJoinedUnit;
import vn.thidua.contract.events.MemberRated;
import vn.thidua.contract.events.MemberRecruited;
import vn.thidua.contract.events.ParticipationKind;
import vn.thidua.contract.events.ParticipationRecorded;
import vn.thidua.contract.events.PartitionOffset;
import vn.thidua.contract.events.Period;
import vn.thidua.contract.events.Rating;
import vn.thidua.contract.events.Topic;
import vn.thidua.scoring.LogFacts;
import vn.thidua.scoring.Scorer;
import vn.thidua.scoring.ScoringPolicies;
import vn.thidua.testsupport.ChainedEventProducer;
import vn.thidua.testsupport.KafkaServer;
import vn.thidua.testsupport.RealServers;

/**
 * The audit's check of awarded titles on a real broker, over a log whose chains all hold: 2023's
 * decision awards what the log proposes and the ballots pass (clean); 2024's, written with a valid
 * envelope and chain, awards a member the log does not propose and a title whose ballot is short of
 * the threshold (tampered in substance): both are findings, exit 1.
 */
class TitlesAuditTest {
    private static final String RULES = "tdkt-2022-nd152-2025.1";
    private static KafkaServer kafka;

    @BeforeAll
    static void log() throws Exception {
        kafka = RealServers.newKafka();
        AuditTopics.createAll(kafka.bootstrapServers(), "");
        LogFacts facts = new LogFacts();
        try (ChainedEventProducer campaignService = new ChainedEventProducer(kafka.bootstrapServers(), "/thidua/campaign-service");
             ChainedEventProducer participationService = new ChainedEventProducer(kafka.bootstrapServers(), "/thidua/participation-service");
             ChainedEventProducer evaluationService = new ChainedEventProducer(kafka.bootstrapServers(), "/thidua/evaluation-service")) {
            CampaignLaunched campaign = new CampaignLaunched("c-cds", CampaignKind.THEMATIC, "Chuyển đổi số", "Nội dung", List.of(),
                    new Period(LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31)),
                    new LaunchDocument("9/KH-SKHCN", LocalDate.of(2022, 12, 1), "Phạm Thị Hiền", "KT. GIÁM ĐỐC — PHÓ GIÁM ĐỐC"), List.of("VP"));
            campaignService.publish("c-cds", campaign);
            facts.campaign(campaign);
            for (String m : List.of("VP-1", "VP-2")) {
                MemberJoinedUnit joined = new MemberJoinedUnit(m, "Cán bộ " + m, null, "VP", LocalDate.of(2022, 1, 1));
                participationService.publish("roster-VP", joined);
                facts.joined(joined);
                participationService.publish("file-" + m, new MemberRecruited(m, LocalDate.of(2020, 1, 1)));
            }
            participationService.publish("file-VP-1", new MemberRated("VP-1", "VP", 2023, Rating.EXCELLENT));
            participationService.publish("file-VP-2", new MemberRated("VP-2", "VP", 2023, Rating.GOOD));
            participationService.publish("file-VP-1", new MemberRated("VP-1", "VP", 2024, Rating.EXCELLENT));
            participationService.publish("file-VP-2", new MemberRated("VP-2", "VP", 2024, Rating.COMPLETED));
            int n = 0;
            for (int year : new int[]{2023, 2024}) {
                for (String m : List.of("VP-1", "VP-2")) {
                    ParticipationRecorded r = new ParticipationRecorded("r-" + (++n), "c-cds", "VP", m, ParticipationKind.ACTIVITY,
                            LocalDate.of(year, 3, n), "Hoạt động số " + n, null);
                    participationService.publish("record-" + n, r);
                    facts.record(r);
                }
                evaluationService.publish("appraisal-" + year, new AppraisalClosed(year, "v1",
                        Scorer.score(year, facts, ScoringPolicies.current()).digest(), ends(Topic.CAMPAIGN, Topic.ROSTER, Topic.PARTICIPATION),
                        new AppraisalCounts(2, 1, 2, 0), "Thanh tra Sở", Instant.now()));
            }
            List<PartitionOffset> watermark = ends(Topic.CAMPAIGN, Topic.ROSTER, Topic.PARTICIPATION, Topic.PERSONNEL);
            evaluationService.publish("award-2023", decision(2023, watermark,
                    List.of(ballot("VP-1", "ADVANCED_WORKER", 9, 7), ballot("VP-2", "ADVANCED_WORKER", 9, 5), ballot("VP-1", "BASE_EMULATION_FIGHTER", 9, 8)),
                    List.of(award("VP-1", "ADVANCED_WORKER"), award("VP-2", "ADVANCED_WORKER"), award("VP-1", "BASE_EMULATION_FIGHTER"))));
            // 2024: VP-2 is rated Hoàn thành nhiệm vụ (not proposed); 7 of 9 is short of the 80% Chiến sĩ thi đua cơ sở needs
            evaluationService.publish("award-2024", decision(2024, watermark,
                    List.of(ballot("VP-2", "ADVANCED_WORKER", 9, 9), ballot("VP-1", "BASE_EMULATION_FIGHTER", 9, 7)),
                    List.of(award("VP-2", "ADVANCED_WORKER"), award("VP-1", "BASE_EMULATION_FIGHTER"))));
        }
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    private static AwardDecided.Ballot ballot(String member, String title, int council, int votesFor) {
        return new AwardDecided.Ballot(AwardDecided.Subject.MEMBER, member, title, council, votesFor, true);
    }

    private static AwardDecided.Award award(String member, String title) {
        return new AwardDecided.Award(AwardDecided.Subject.MEMBER, member, "Cán bộ " + member, title);
    }

    private static AwardDecided decision(int year, List<PartitionOffset> watermark, List<AwardDecided.Ballot> ballots, List<AwardDecided.Award> awards) {
        return new AwardDecided(year, RULES, LocalDate.of(year + 1, 1, 10), watermark,
                new AwardDecided.Decision(year + "/QĐ-SKHCN", LocalDate.of(year + 1, 1, 15), "Nguyễn Văn Hùng", "Giám đốc"), ballots, awards,
                "user:canbo.tdkt", Instant.now());
    }

    /** The end of every partition of {@code topics} now (as evaluation-service's positions are once it has read everything). */
    private static List<PartitionOffset> ends(Topic... topics) throws Exception {
        List<PartitionOffset> out = new ArrayList<>();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
            for (Topic t : topics) {
                for (int p = 0; p < 2; p++) {
                    latest.put(new TopicPartition(t.address(), p), OffsetSpec.latest());
                }
            }
            admin.listOffsets(latest).all().get().forEach((tp, info) -> {
                if (info.offset() > 0) {
                    out.add(new PartitionOffset(tp.topic(), tp.partition(), info.offset()));
                }
            });
        }
        return out;
    }

    private record Run(int status, String out, JsonNode report) {
    }

    private static Run audit(String... args) throws Exception {
        Path json = Files.createTempFile("audit", ".json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--json");
        all.add(json.toString());
        Audit tool = new Audit(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        int status = Audit.command(tool).execute(all.toArray(String[]::new));
        JsonNode report = Files.size(json) > 0 ? new ObjectMapper().readTree(json.toFile()) : null;
        return new Run(status, out.toString(StandardCharsets.UTF_8), report);
    }

    @Test
    void every_title_awarded_in_2023_is_proposed_by_the_log_and_passed_by_its_ballot() throws Exception {
        Run run = audit("--bootstrap", kafka.bootstrapServers(), "--year", "2023");

        assertThat(run.status()).as(run.out()).isZero();
        assertThat(run.out()).contains("Titles 2023: 3 awarded, each proposed by the log and passed by its ballot ✓");
        JsonNode awards = run.report().path("awards");
        assertThat(awards.size()).isEqualTo(3);
        assertThat(awards.get(0).path("eligible").asBoolean()).isTrue();
        assertThat(awards.get(0).path("passed").asBoolean()).isTrue();
        assertThat(awards.get(2).path("reason").asText()).startsWith("đạt: 8/9 thành viên Hội đồng đồng ý (88,89%), cần từ 80%");
    }

    @Test
    void a_title_not_proposed_or_not_passed_in_2024_is_a_finding() throws Exception {
        Run run = audit("--bootstrap", kafka.bootstrapServers(), "--year", "2024");

        assertThat(run.status()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("Titles 2024: 2 awarded, 2 not proposed or not passed ✗");
        List<String> findings = new ArrayList<>();
        run.report().path("problems").forEach(p -> findings.add(p.path("problem").asText() + ": " + p.path("detail").asText()));
        assertThat(findings).containsExactly(
                "TITLE_NOT_ELIGIBLE: VP-2 (Cán bộ VP-2) was awarded Lao động tiên tiến but the log does not propose it: "
                        + "không đạt: xếp loại Hoàn thành nhiệm vụ — Luật TĐKT 2022 Điều 24 k.1",
                "TITLE_VOTE_NOT_PASSED: VP-1 (Cán bộ VP-1) was awarded Chiến sĩ thi đua cơ sở but its ballot does not pass: "
                        + "không đạt: 7/9 thành viên Hội đồng đồng ý (77,78%), cần từ 80% — NĐ 98/2023/NĐ-CP Điều 30 k.7 (từ 80% tổng số thành viên Hội đồng)");
        assertThat(run.report().path("problems").get(0).path("topic").asText()).isEqualTo("thidua.award.v1");
    }
}
