package vn.thidua.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.thidua.contract.events.AppraisalClosed;
import vn.thidua.contract.events.AppraisalCounts;
import vn.thidua.contract.events.AwardDecided;
import vn.thidua.contract.events.CampaignKind;
import vn.thidua.contract.events.CampaignLaunched;
import vn.thidua.contract.events.DepartmentNotified;
import vn.thidua.contract.events.Evidence;
import vn.thidua.contract.events.LaunchDocument;
import vn.thidua.contract.events.DisciplineLevel;
import vn.thidua.contract.events.MemberDisciplined;
import vn.thidua.contract.events.MemberJoinedUnit;
import vn.thidua.contract.events.MemberLeftUnit;
import vn.thidua.contract.events.MemberRated;
import vn.thidua.contract.events.MemberRecruited;
import vn.thidua.contract.events.NotificationAcknowledged;
import vn.thidua.contract.events.ParticipationKind;
import vn.thidua.contract.events.ParticipationRecorded;
import vn.thidua.contract.events.PartitionOffset;
import vn.thidua.contract.events.Period;
import vn.thidua.contract.events.PlanReference;
import vn.thidua.contract.events.Rating;
import vn.thidua.contract.events.ThiduaEvent;
import vn.thidua.contract.events.UnitRated;

/** One event of every published type, with the seed document's Vietnamese text. */
public final class SampleEvents {
    public static final String CAMPAIGN_ID = "dot-dac-biet-75-nam";

    private SampleEvents() {
    }

    public static CampaignLaunched campaignLaunched() {
        return new CampaignLaunched(CAMPAIGN_ID, CampaignKind.PHASE,
                "Đợt thi đua đặc biệt kỷ niệm 75 năm Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc",
                "Tạo khí thế thi đua sôi nổi, rộng khắp trên tất cả các lĩnh vực của đời sống xã hội",
                List.of(new PlanReference("132/KH-UBND", LocalDate.of(2022, 9, 9), "UBND tỉnh Thái Nguyên",
                        "Tổ chức thực hiện Đợt thi đua đặc biệt")),
                new Period(LocalDate.of(2022, 9, 15), LocalDate.of(2023, 6, 11)),
                new LaunchDocument("45/KH-CN-TTR", LocalDate.of(2022, 9, 15), "Phạm Thị Hiền", "KT. GIÁM ĐỐC — PHÓ GIÁM ĐỐC"),
                List.of("TTR", "VP", "QLKH"));
    }

    public static DepartmentNotified departmentNotified() {
        return new DepartmentNotified(CAMPAIGN_ID, "TTR", "Thanh tra Sở", campaignLaunched().title(), CampaignKind.PHASE,
                new Period(LocalDate.of(2022, 9, 15), LocalDate.of(2023, 6, 11)), "45/KH-CN-TTR");
    }

    public static NotificationAcknowledged notificationAcknowledged() {
        return new NotificationAcknowledged(CAMPAIGN_ID, "TTR", "Nguyễn Văn Thành", Instant.parse("2022-09-20T02:30:00Z"));
    }

    public static MemberJoinedUnit memberJoinedUnit() {
        return new MemberJoinedUnit("CB-0001", "Đặng Thị Hương", "Chánh Thanh tra", "TTR", LocalDate.of(2020, 1, 2));
    }

    public static MemberLeftUnit memberLeftUnit() {
        return new MemberLeftUnit("CB-0001", "Đặng Thị Hương", "TTR", LocalDate.of(2023, 3, 1));
    }

    public static ParticipationRecorded participationRecorded() {
        return new ParticipationRecorded("rec-1", CAMPAIGN_ID, "TTR", "CB-0001", ParticipationKind.ACHIEVEMENT,
                LocalDate.of(2022, 11, 3), "Hoàn thành xuất sắc đợt thanh tra chuyên đề",
                new Evidence("QĐ 17/QĐ-KHCN", "https://khcn.thainguyen.gov.vn/qd-17"));
    }

    public static ParticipationRecorded unitRecord() {
        return new ParticipationRecorded("rec-2", CAMPAIGN_ID, "VP", null, ParticipationKind.ACTIVITY,
                LocalDate.of(2022, 10, 1), "Văn phòng tổ chức hội nghị quán triệt", null);
    }

    public static AppraisalClosed appraisalClosed() {
        return new AppraisalClosed(2022, "v1", "ab".repeat(32),
                List.of(new PartitionOffset("thidua.participation.v1", 0, 42)),
                new AppraisalCounts(12, 5, 40, 2), "Thanh tra Sở", Instant.parse("2023-01-10T08:00:00Z"));
    }

    public static MemberRated memberRated() {
        return new MemberRated("CB-0001", "TTR", 2022, Rating.EXCELLENT);
    }

    public static UnitRated unitRated() {
        return new UnitRated("TTR", 2022, Rating.GOOD);
    }

    public static MemberDisciplined memberDisciplined() {
        return new MemberDisciplined("CB-0002", "VP", "12/QĐ-SKHCN", DisciplineLevel.REPRIMAND,
                LocalDate.of(2022, 3, 1), LocalDate.of(2023, 2, 28));
    }

    public static MemberDisciplined disciplineStillInForce() {
        return new MemberDisciplined("CB-0003", "VP", "30/QĐ-SKHCN", DisciplineLevel.WARNING, LocalDate.of(2022, 11, 15), null);
    }

    public static MemberRecruited memberRecruited() {
        return new MemberRecruited("CB-0001", LocalDate.of(2015, 8, 3));
    }

    public static AwardDecided awardDecided() {
        return new AwardDecided(2025, "tdkt-2022-nd152-2025.1", LocalDate.of(2026, 1, 10),
                List.of(new PartitionOffset("thidua.participation.v1", 0, 42)),
                new AwardDecided.Decision("15/QĐ-SKHCN", LocalDate.of(2026, 1, 15), "Nguyễn Văn Hùng", "Giám đốc"),
                List.of(new AwardDecided.Ballot(AwardDecided.Subject.MEMBER, "CB-0001", "ADVANCED_WORKER", 9, 7, true),
                        new AwardDecided.Ballot(AwardDecided.Subject.UNIT, "TTR", "ADVANCED_COLLECTIVE", 9, 4, false)),
                List.of(new AwardDecided.Award(AwardDecided.Subject.MEMBER, "CB-0001", "Đặng Thị Hương", "ADVANCED_WORKER")),
                "user:canbo.tdkt", Instant.parse("2026-01-15T03:00:00Z"));
    }

    public static List<ThiduaEvent> all() {
        return List.of(campaignLaunched(), departmentNotified(), notificationAcknowledged(), memberJoinedUnit(),
                memberLeftUnit(), participationRecorded(), unitRecord(), appraisalClosed(),
                memberRated(), unitRated(), memberDisciplined(), disciplineStillInForce(), memberRecruited(), awardDecided());
    }
}
