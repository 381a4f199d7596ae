package vn.thidua.web.problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's problem laid onto a form: each message beside the field it names, the rest above the
 * form. Fields are named as in the request's JSON ({@code title}, {@code period.from},
 * {@code launchDocument.signerName}), and the form's inputs use the same names. A business rule's
 * refusal that names no field in {@code errors[]} is put beside the field it is about.
 */
public final class FormErrors {
    /** Rule refusals (problem type → the request field they are about). */
    static final Map<String, String> FIELD_OF_TYPE = Map.ofEntries(
            Map.entry("unknown-plan", "basisPlanNumbers"),
            Map.entry("ambiguous-plan", "basisPlanNumbers"),
            Map.entry("unknown-unit", "recipientUnitCodes"),
            Map.entry("no-recipients", "recipientUnitCodes"),
            Map.entry("recipients-required", "recipientUnitCodes"),
            Map.entry("duplicate-recipient", "recipientUnitCodes"),
            Map.entry("invalid-period", "period.to"),
            Map.entry("phase-needs-end", "period.to"),
            Map.entry("outside-campaign-period", "occurredOn"),
            Map.entry("year-closed", "occurredOn"),
            Map.entry("member-not-on-roster", "memberId"),
            Map.entry("member-already-on-roster", "memberId"),
            Map.entry("already-registered", "memberId"),
            Map.entry("evidence-required", "evidence.documentNumber"),
            Map.entry("invalid-ballot", "votesFor"),
            Map.entry("title-not-proposed", "awards"),
            Map.entry("ballot-missing", "awards"),
            Map.entry("vote-not-passed", "awards"),
            Map.entry("duplicate-award", "awards"),
            Map.entry("no-awards", "awards"));

    /** What each kind of refusal means, in Vietnamese (the service's detail follows it). */
    static final Map<String, String> SUMMARY_OF_TYPE = Map.ofEntries(
            Map.entry("invalid-request", "Một số trường chưa hợp lệ"),
            Map.entry("invalid-value", "Một trường có giá trị sai dạng"),
            Map.entry("unknown-field", "Yêu cầu có trường không được chấp nhận"),
            Map.entry("unknown-plan", "Không tìm thấy kế hoạch làm căn cứ"),
            Map.entry("ambiguous-plan", "Số kế hoạch trùng ở nhiều cơ quan ban hành"),
            Map.entry("unknown-unit", "Không có đơn vị này"),
            Map.entry("no-recipients", "Chưa chọn đơn vị nhận"),
            Map.entry("recipients-required", "Chưa chọn đơn vị nhận"),
            Map.entry("duplicate-recipient", "Một đơn vị được chọn hai lần"),
            Map.entry("invalid-period", "Thời gian không hợp lệ"),
            Map.entry("phase-needs-end", "Phong trào theo Đợt cần ngày kết thúc"),
            Map.entry("campaign-not-known", "Phong trào chưa đến dịch vụ ghi nhận; thử lại sau ít giây"),
            Map.entry("unit-not-recipient", "Đơn vị không nằm trong danh sách nhận phong trào"),
            Map.entry("outside-campaign-period", "Ngày không nằm trong thời gian của phong trào"),
            Map.entry("year-closed", "Năm này đã chốt bình xét"),
            Map.entry("member-not-on-roster", "Cán bộ không có trong danh sách của đơn vị vào ngày đó"),
            Map.entry("member-already-on-roster", "Cán bộ đã có trong danh sách với thông tin khác"),
            Map.entry("already-registered", "Đã đăng ký thi đua cho phong trào này"),
            Map.entry("evidence-required", "Thành tích và sáng kiến cần có minh chứng (số văn bản hoặc đường dẫn)"),
            Map.entry("year-not-closed", "Năm này chưa chốt bình xét"),
            Map.entry("award-already-decided", "Năm này đã có quyết định công nhận danh hiệu"),
            Map.entry("invalid-ballot", "Kết quả bỏ phiếu không hợp lệ"),
            Map.entry("title-not-proposed", "Danh hiệu không có trong danh sách đề nghị"),
            Map.entry("title-decided-by-province", "Danh hiệu do cấp tỉnh xét công nhận"),
            Map.entry("ballot-missing", "Hội đồng chưa bỏ phiếu danh hiệu này"),
            Map.entry("vote-not-passed", "Danh hiệu không đủ số phiếu đồng ý"),
            Map.entry("duplicate-award", "Một danh hiệu được chọn hai lần"),
            Map.entry("no-awards", "Chưa chọn danh hiệu nào"),
            Map.entry("idempotency-key-reused", "Biểu mẫu này đã được gửi với nội dung khác; hãy mở lại biểu mẫu"),
            Map.entry("unsupported-media-type", "Dịch vụ không nhận dạng dữ liệu được gửi"));

    /** The usual bean-validation messages, in Vietnamese; any other message is shown as the service wrote it. */
    static final Map<String, String> MESSAGES = Map.of(
            "must not be blank", "không được để trống",
            "must not be null", "không được để trống",
            "must not be empty", "không được để trống",
            "wrong type or missing value", "sai dạng hoặc còn thiếu");

    private final Map<String, List<String>> byField;
    private final List<String> general;
    private final String summary;

    private FormErrors(Map<String, List<String>> byField, List<String> general, String summary) {
        this.byField = byField;
        this.general = general;
        this.summary = summary;
    }

    /** No errors: a form shown for the first time. */
    public static FormErrors none() {
        return new FormErrors(Map.of(), List.of(), null);
    }

    /** Lays a problem onto a form whose inputs are named {@code fields}. */
    public static FormErrors of(ServiceProblem problem, List<String> fields) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        for (ServiceProblem.FieldError e : problem.errors()) {
            String field = formField(e.field(), fields);
            String message = MESSAGES.getOrDefault(e.message(), e.message());
            if (field != null) {
                byField.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
            } else {
                general.add(e.field() + ": " + message);
            }
        }
        String typed = FIELD_OF_TYPE.get(problem.code());
        if (problem.errors().isEmpty() && problem.detail() != null) {
            if (typed != null && fields.contains(typed)) {
                byField.computeIfAbsent(typed, f -> new ArrayList<>()).add(problem.detail());
            } else {
                general.add(problem.detail());
            }
        }
        String summary = SUMMARY_OF_TYPE.getOrDefault(problem.code(), "Dịch vụ không chấp nhận yêu cầu (mã " + problem.status() + ")");
        return new FormErrors(byField, general, summary);
    }

    /** Maps a service's field path onto the form: exact, else its nearest named parent ({@code period.from.year} → {@code period.from}). */
    private static String formField(String field, List<String> fields) {
        String f = field.replaceAll("\\[\\d+]", "");
        while (true) {
            if (fields.contains(f)) {
                return f;
            }
            int dot = f.lastIndexOf('.');
            if (dot < 0) {
                return null;
            }
            f = f.substring(0, dot);
        }
    }

    public boolean any() {
        return summary != null;
    }

    /** Whether a field has a message. */
    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** The messages beside a field, joined; empty when none. */
    public String at(String field) {
        return String.join("; ", byField.getOrDefault(field, List.of()));
    }

    /** Messages that name no field of the form. */
    public List<String> general() {
        return general;
    }

    /** What went wrong, in one Vietnamese line, or null when nothing did. */
    public String summary() {
        return summary;
    }

    /** Fields with a message, in the order the service named them. */
    public List<String> fields() {
        return List.copyOf(byField.keySet());
    }
}
