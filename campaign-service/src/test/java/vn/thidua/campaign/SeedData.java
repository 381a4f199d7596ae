package vn.thidua.campaign;

import static vn.thidua.testsupport.SignedIn.given;

import io.restassured.http.ContentType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The seed document's department, as REST calls (test builders, one place). */
public final class SeedData {
    /** The five units the seed's "Các phòng, đơn vị thuộc Sở" stands for. */
    public static final Map<String, String> UNITS = new LinkedHashMap<>();

    static {
        UNITS.put("VP", "Văn phòng Sở");
        UNITS.put("TTR", "Thanh tra Sở");
        UNITS.put("KHTC", "Phòng Kế hoạch - Tài chính");
        UNITS.put("QLKH", "Phòng Quản lý khoa học");
        UNITS.put("TTUD", "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ");
    }

    private SeedData() {
    }

    public static void registerUnits() {
        UNITS.forEach((code, name) -> given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "head", "Trưởng " + name))
                .put("/api/units/" + code).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201)));
    }

    public static Map<String, Object> plan108() {
        return Map.of("number", "108/KH-UBND", "issuedOn", "2022-07-13", "issuer", "UBND tỉnh Thái Nguyên",
                "title", "Tổ chức thực hiện phong trào thi đua “Thái Nguyên chung sức xây dựng nông thôn mới giai đoạn 2021-2025”",
                "period", Map.of("from", "2021-01-01", "to", "2025-12-31"));
    }

    public static Map<String, Object> plan132() {
        return Map.of("number", "132/KH-UBND", "issuedOn", "2022-09-09", "issuer", "UBND tỉnh Thái Nguyên",
                "title", "Tổ chức thực hiện Đợt thi đua đặc biệt kỷ niệm 75 năm Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc",
                "period", Map.of("from", "2022-09-09", "to", "2023-06-11"));
    }

    public static Map<String, Object> plan12() {
        return Map.of("number", "12/KH-KHCN", "issuedOn", "2022-02-10", "issuer", "Sở Khoa học và Công nghệ Thái Nguyên",
                "title", "Kế hoạch phát động phong trào thi đua năm 2022");
    }

    public static Map<String, Object> document(String number) {
        return Map.of("number", number, "issuedOn", "2022-09-15", "signerName", "Phạm Thị Hiền",
                "signerCapacity", "KT. GIÁM ĐỐC — PHÓ GIÁM ĐỐC");
    }

    /** The seed's special phase (theo Đợt), to every unit. */
    public static Map<String, Object> phaseCampaign() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("kind", "PHASE");
        c.put("title", "Đợt thi đua đặc biệt kỷ niệm 75 năm Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc (11/6/1948 - 11/6/2023)");
        c.put("content", "Tạo khí thế thi đua sôi nổi, rộng khắp trên tất cả các lĩnh vực của đời sống xã hội.");
        c.put("basisPlanNumbers", List.of("132/KH-UBND"));
        c.put("period", Map.of("from", "2022-09-15", "to", "2023-06-11"));
        c.put("launchDocument", document("45/KH-CN-TTR"));
        c.put("allUnits", true);
        return c;
    }

    /** The seed's topic (theo Chuyên đề): new rural development 2021-2025, to every unit. */
    public static Map<String, Object> thematicCampaign() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("kind", "THEMATIC");
        c.put("title", "Thái Nguyên chung sức xây dựng nông thôn mới giai đoạn 2021-2025");
        c.put("content", "Góp phần nâng cao đời sống vật chất và tinh thần của người dân nông thôn.");
        c.put("basisPlanNumbers", List.of("108/KH-UBND", "12/KH-KHCN"));
        c.put("period", Map.of("from", "2022-09-15", "to", "2025-12-31"));
        c.put("launchDocument", document("45/KH-CN-TTR"));
        c.put("allUnits", true);
        return c;
    }
}
