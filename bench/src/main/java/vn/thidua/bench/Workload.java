package vn.thidua.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A province-sized department, deterministic from a seed: units, members with Vietnamese names,
 * campaigns covering the year, and each member's records of the year.
 */
final class Workload {
    static final int YEAR = 2025;
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
            "Hồ", "Ngô", "Dương", "Lý"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Đức", "Thu", "Minh", "Ngọc", "Quốc", "Thanh", "Hữu", "Thùy", "Kim", "Xuân"};
    private static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Hương",
            "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Ngọc", "Phong", "Phúc", "Quân", "Quỳnh", "Sơn", "Tâm", "Thảo", "Trang",
            "Tuấn", "Uyên", "Việt", "Yến"};
    private static final String[] UNIT_KIND = {"Phòng", "Trung tâm", "Chi cục", "Ban", "Văn phòng"};
    private static final String[] UNIT_TOPIC = {"Quản lý khoa học", "Kế hoạch - Tài chính", "Thông tin và Thống kê", "Ứng dụng tiến bộ kỹ thuật",
            "Tiêu chuẩn Đo lường Chất lượng", "Sở hữu trí tuệ", "Chuyển đổi số", "Công nghệ sinh học", "Kiểm định", "Đổi mới sáng tạo"};
    private static final String[] ACTIVITIES = {"Tham gia hội thi sáng kiến cải tiến kỹ thuật", "Tham gia ngày hội chuyển đổi số cấp tỉnh",
            "Hỗ trợ xã xây dựng nông thôn mới nâng cao", "Tham gia tập huấn nghiệp vụ thanh tra", "Tham gia phong trào “Dân vận khéo”",
            "Tổ chức hội nghị quán triệt, phát động thi đua", "Tham gia hiến máu tình nguyện", "Tham gia hội thao ngành khoa học và công nghệ"};

    record Unit(String code, String name) {
    }

    record Member(String unitCode, String memberId, String fullName) {
    }

    record Record(String campaignIndex, String unitCode, String memberId, String kind, LocalDate occurredOn, String description, String evidence) {
    }

    final List<Unit> units = new ArrayList<>();
    final List<Member> members = new ArrayList<>();
    final int campaigns;
    private final int recordsPerMember;
    private final long seed;

    Workload(int unitCount, int membersPerUnit, int campaigns, int recordsPerMember, long seed) {
        this.campaigns = campaigns;
        this.recordsPerMember = recordsPerMember;
        this.seed = seed;
        Random random = new Random(seed);
        for (int u = 1; u <= unitCount; u++) {
            String code = String.format("S%d-DV%04d", seed, u);
            units.add(new Unit(code, UNIT_KIND[random.nextInt(UNIT_KIND.length)] + " " + UNIT_TOPIC[random.nextInt(UNIT_TOPIC.length)] + " số " + u));
            for (int m = 1; m <= membersPerUnit; m++) {
                members.add(new Member(code, code + "-" + String.format("%03d", m), FAMILY[random.nextInt(FAMILY.length)] + " "
                        + MIDDLE[random.nextInt(MIDDLE.length)] + " " + GIVEN[random.nextInt(GIVEN.length)]));
            }
        }
    }

    int recordCount() {
        return members.size() * recordsPerMember;
    }

    /** The records of the year, member by member, shuffled across members the same way every time. */
    List<Record> records() {
        Random random = new Random(seed * 31 + 7);
        List<Record> out = new ArrayList<>(recordCount());
        for (Member m : members) {
            for (int i = 0; i < recordsPerMember; i++) {
                int campaign = random.nextInt(campaigns);
                int roll = random.nextInt(100);
                String kind = roll < 85 ? "ACTIVITY" : roll < 97 ? "ACHIEVEMENT" : "INITIATIVE";
                String evidence = kind.equals("ACTIVITY") ? null : "QĐ " + (1 + random.nextInt(999)) + "/QĐ-KHCN";
                out.add(new Record(Integer.toString(campaign), m.unitCode(), m.memberId(), kind,
                        LocalDate.of(YEAR, 1, 1).plusDays(random.nextInt(365)), ACTIVITIES[random.nextInt(ACTIVITIES.length)], evidence));
            }
        }
        java.util.Collections.shuffle(out, random);
        return out;
    }

    Map<String, Object> campaignBody(int index) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("kind", index % 2 == 0 ? "THEMATIC" : "REGULAR");
        c.put("title", "Phong trào thi đua chuyên đề số " + (index + 1) + " năm " + YEAR);
        c.put("content", "Thi đua hoàn thành xuất sắc nhiệm vụ chính trị năm " + YEAR + ", chuyên đề " + (index + 1));
        c.put("basisPlanNumbers", List.of());
        c.put("period", Map.of("from", YEAR + "-01-01", "to", YEAR + "-12-31"));
        c.put("launchDocument", Map.of("number", (100 + index) + "/KH-KHCN", "issuedOn", (YEAR - 1) + "-12-20", "signerName", "Phạm Thị Hiền",
                "signerCapacity", "KT. GIÁM ĐỐC — PHÓ GIÁM ĐỐC"));
        c.put("allUnits", true);
        return c;
    }
}
