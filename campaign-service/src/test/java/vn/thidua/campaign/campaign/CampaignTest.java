package vn.thidua.campaign.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.events.CampaignKind;
import vn.thidua.contract.events.CampaignLaunched;
import vn.thidua.contract.events.DepartmentNotified;
import vn.thidua.contract.events.LaunchDocument;
import vn.thidua.contract.events.NotificationAcknowledged;
import vn.thidua.contract.events.Period;
import vn.thidua.contract.events.PlanReference;
import vn.thidua.kit.problem.DomainException;

class CampaignTest {
    private static final String ID = "c-75-nam";
    private static final String TITLE = "Đợt thi đua đặc biệt kỷ niệm 75 năm Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc";
    private static final Period PHASE_PERIOD = new Period(LocalDate.of(2022, 9, 15), LocalDate.of(2023, 6, 11));
    private static final LaunchDocument DOCUMENT = new LaunchDocument("45/KH-CN-TTR", LocalDate.of(2022, 9, 15), "Phạm Thị Hiền",
            "KT. GIÁM ĐỐC — PHÓ GIÁM ĐỐC");
    private static final List<PlanReference> PLANS = List.of(
            new PlanReference("132/KH-UBND", LocalDate.of(2022, 9, 9), "UBND tỉnh Thái Nguyên", "Đợt thi đua đặc biệt"));
    private static final Recipient TTR = new Recipient("TTR", "Thanh tra Sở");
    private static final Recipient VP = new Recipient("VP", "Văn phòng Sở");
    private static final Instant AT = Instant.parse("2022-09-20T02:00:00Z");

    private AggregateTestFixture<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Campaign.class);
    }

    private static LaunchCampaign launch(CampaignKind kind, Period period, List<Recipient> recipients) {
        return new LaunchCampaign(ID, kind, TITLE, "Nội dung phát động", PLANS, period, DOCUMENT, recipients);
    }

    private static CampaignLaunched launched() {
        return new CampaignLaunched(ID, CampaignKind.PHASE, TITLE, "Nội dung phát động", PLANS, PHASE_PERIOD, DOCUMENT, List.of("TTR", "VP"));
    }

    private static DepartmentNotified notified(Recipient r) {
        return new DepartmentNotified(ID, r.unitCode(), r.unitName(), TITLE, CampaignKind.PHASE, PHASE_PERIOD, DOCUMENT.number());
    }

    @Test
    void launching_notifies_every_recipient_after_the_launch() {
        fixture.givenNoPriorActivity()
                .when(launch(CampaignKind.PHASE, PHASE_PERIOD, List.of(TTR, VP)))
                .expectEvents(launched(), notified(TTR), notified(VP));
    }

    @Test
    void a_thematic_campaign_may_be_open_ended() {
        Period open = new Period(LocalDate.of(2022, 9, 15), null);
        fixture.givenNoPriorActivity()
                .when(launch(CampaignKind.THEMATIC, open, List.of(VP)))
                .expectEvents(
                        new CampaignLaunched(ID, CampaignKind.THEMATIC, TITLE, "Nội dung phát động", PLANS, open, DOCUMENT, List.of("VP")),
                        new DepartmentNotified(ID, "VP", "Văn phòng Sở", TITLE, CampaignKind.THEMATIC, open, DOCUMENT.number()));
    }

    @Test
    void a_phase_without_an_end_is_refused() {
        fixture.givenNoPriorActivity()
                .when(launch(CampaignKind.PHASE, new Period(LocalDate.of(2022, 9, 15), null), List.of(TTR)))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("period.to"));
    }

    @Test
    void a_campaign_without_recipients_is_refused() {
        fixture.givenNoPriorActivity()
                .when(launch(CampaignKind.PHASE, PHASE_PERIOD, List.of()))
                .expectNoEvents()
                .expectException(DomainException.class);
    }

    @Test
    void a_unit_named_twice_is_refused() {
        fixture.givenNoPriorActivity()
                .when(launch(CampaignKind.PHASE, PHASE_PERIOD, List.of(TTR, VP, TTR)))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("TTR"));
    }

    @Test
    void a_recipient_acknowledges() {
        fixture.given(launched(), notified(TTR), notified(VP))
                .when(new AcknowledgeNotification(ID, "VP", "Nguyễn Văn An", AT))
                .expectEvents(new NotificationAcknowledged(ID, "VP", "Nguyễn Văn An", AT))
                .expectResultMessagePayload(new Acknowledgement(ID, "VP", "Nguyễn Văn An", AT, true));
    }

    @Test
    void acknowledging_again_changes_nothing_and_returns_the_first() {
        fixture.given(launched(), notified(TTR), notified(VP), new NotificationAcknowledged(ID, "VP", "Nguyễn Văn An", AT))
                .when(new AcknowledgeNotification(ID, "VP", "Trần Thị Bình", AT.plusSeconds(60)))
                .expectNoEvents()
                .expectResultMessagePayload(new Acknowledgement(ID, "VP", "Nguyễn Văn An", AT, false));
    }

    @Test
    void a_unit_that_was_not_notified_cannot_acknowledge() {
        fixture.given(launched(), notified(TTR), notified(VP))
                .when(new AcknowledgeNotification(ID, "QLKH", "Lê Văn Cường", AT))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("QLKH"));
    }
}
