package vn.thidua.web.unit;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.thidua.web.api.CampaignApi;
import vn.thidua.web.api.EvaluationApi;
import vn.thidua.web.api.ParticipationApi;
import vn.thidua.web.format.Vietnamese;
import vn.thidua.web.identity.Viewer;
import vn.thidua.web.page.Form;
import vn.thidua.web.problem.FormErrors;
import vn.thidua.web.problem.ServiceException;

/**
 * A unit's pages, for its head (and the officer): campaigns to acknowledge, the roster, recording
 * participation (one record, or an attendance list), the unit's score and coverage.
 */
@Path("/don-vi/{code}")
@Produces(MediaType.TEXT_HTML)
public class UnitPages {
    static final List<String> MEMBER_FIELDS = List.of("memberId", "fullName", "position", "fromDate");
    static final List<String> LEAVE_FIELDS = List.of("memberId", "date", "toUnit");
    static final List<String> RECORD_FIELDS = List.of("campaignId", "memberId", "kind", "occurredOn", "description",
            "evidence.documentNumber", "evidence.link");

    static final int NOT_KNOWN_TRIES = 5;

    /** One member's line in an attendance list's outcome. */
    public record Outcome(String memberId, String fullName, boolean recorded, String message) {
    }

    private final Viewer viewer;
    private final CampaignApi campaigns;
    private final ParticipationApi participations;
    private final EvaluationApi evaluation;
    private final Template home;
    private final Template record;
    private final Template attendance;

    public UnitPages(Viewer viewer, @RestClient CampaignApi campaigns, @RestClient ParticipationApi participations,
                     @RestClient EvaluationApi evaluation, @Location("unit/home.html") Template home,
                     @Location("unit/record.html") Template record, @Location("unit/attendance.html") Template attendance) {
        this.viewer = viewer;
        this.campaigns = campaigns;
        this.participations = participations;
        this.evaluation = evaluation;
        this.home = home;
        this.record = record;
        this.attendance = attendance;
    }

    private static LocalDate today() {
        return LocalDate.now(Vietnamese.ZONE);
    }

    /** The campaigns of a year sent to this unit, each with this unit's status. */
    private List<Map.Entry<CampaignApi.Campaign, CampaignApi.Recipient>> campaignsOf(String code, int year) {
        List<Map.Entry<CampaignApi.Campaign, CampaignApi.Recipient>> out = new ArrayList<>();
        for (CampaignApi.CampaignSummary s : campaigns.campaigns(year)) {
            CampaignApi.Campaign c = campaigns.campaign(s.campaignId());
            c.recipients().stream().filter(r -> r.unitCode().equals(code)).findFirst().ifPresent(r -> out.add(Map.entry(c, r)));
        }
        return out;
    }

    private Optional<EvaluationApi.UnitRow> scoreOf(String code, int year) {
        return evaluation.units(year).units().stream().filter(u -> u.unitCode().equals(code)).findFirst();
    }

    @GET
    public TemplateInstance home(@PathParam("code") String code, @QueryParam("nam") Integer year) {
        viewer.requireUnit(code);
        return homePage(code, year == null ? today().getYear() : year, Map.of(), FormErrors.none(), null, FormErrors.none(), null);
    }

    private TemplateInstance homePage(String code, int year, Map<String, String> form, FormErrors memberErrors, String done,
                                      FormErrors leaveErrors, Map<String, String> leaveForm) {
        Optional<EvaluationApi.UnitRow> score = scoreOf(code, year);
        List<EvaluationApi.UnitMember> scored = score.isPresent() ? evaluation.unitMembers(year, code).members() : List.of();
        return home.data("code", code).data("year", year).data("campaigns", campaignsOf(code, year))
                .data("members", participations.members(code, today().toString())).data("score", score.orElse(null))
                .data("scored", scored).data("form", form).data("errors", memberErrors).data("done", done)
                .data("leaveErrors", leaveErrors).data("leaveForm", leaveForm == null ? Map.of() : leaveForm);
    }

    @POST
    @Path("xac-nhan/{campaignId}")
    public TemplateInstance acknowledge(@PathParam("code") String code, @PathParam("campaignId") String campaignId) {
        viewer.requireUnit(code);
        CampaignApi.Acknowledgement ack = campaigns.acknowledge(campaignId, code);
        return homePage(code, today().getYear(), Map.of(), FormErrors.none(),
                "Đã xác nhận quán triệt phong trào" + (ack.first() ? "" : " (đã xác nhận trước đó)") + ".", FormErrors.none(), null);
    }

    @POST
    @Path("can-bo")
    public TemplateInstance addMember(@PathParam("code") String code, MultivaluedMap<String, String> values) {
        viewer.requireUnit(code);
        Form form = new Form(values);
        try {
            ParticipationApi.Member m = participations.join(code, require(form, "memberId"),
                    new ParticipationApi.JoinBody(form.get("fullName"), form.get("position"), form.get("fromDate")));
            return homePage(code, today().getYear(), Map.of(), FormErrors.none(),
                    "Đã thêm " + m.fullName() + " vào danh sách từ ngày " + Vietnamese.date(m.joinedOn()) + ".", FormErrors.none(), null);
        } catch (ServiceException e) {
            rethrowAccess(e);
            return homePage(code, today().getYear(), form.echo(), FormErrors.of(e.problem(), MEMBER_FIELDS), null, FormErrors.none(), null);
        }
    }

    @POST
    @Path("roi")
    public TemplateInstance leave(@PathParam("code") String code, MultivaluedMap<String, String> values) {
        viewer.requireUnit(code);
        Form form = new Form(values);
        String memberId = form.get("memberId");
        try {
            ParticipationApi.LeaveAnswer left = participations.leave(code, require(form, "memberId"),
                    new ParticipationApi.LeaveBody(form.get("date")));
            String done = "Đã ghi " + memberId + " rời đơn vị từ ngày " + Vietnamese.date(left.leftOn()) + ".";
            String to = form.get("toUnit");
            if (to != null) {
                ParticipationApi.Member before = participations.members(code, left.leftOn().minusDays(1).toString()).stream()
                        .filter(m -> m.memberId().equals(memberId)).findFirst().orElse(null);
                try {
                    participations.join(to.toUpperCase(java.util.Locale.ROOT), memberId, new ParticipationApi.JoinBody(
                            before == null ? memberId : before.fullName(), before == null ? null : before.position(), form.get("date")));
                    done += " Đã chuyển sang đơn vị " + to + ".";
                } catch (ServiceException e) {
                    done += e.status() == 403
                            ? " Trưởng đơn vị " + to + " (hoặc cán bộ thi đua) cần thêm cán bộ vào danh sách của đơn vị đó."
                            : " Chưa thêm được vào đơn vị " + to + ": " + e.problem().detail();
                }
            }
            return homePage(code, today().getYear(), Map.of(), FormErrors.none(), done, FormErrors.none(), null);
        } catch (ServiceException e) {
            rethrowAccess(e);
            return homePage(code, today().getYear(), Map.of(), FormErrors.none(), null, FormErrors.of(e.problem(), LEAVE_FIELDS), form.echo());
        }
    }

    @GET
    @Path("ghi-nhan")
    public TemplateInstance recordForm(@PathParam("code") String code) {
        viewer.requireUnit(code);
        return recordPage(code, Map.of("khoa", Form.freshKey(), "occurredOn", today().toString(), "kind", "ACTIVITY"), FormErrors.none(), null);
    }

    private TemplateInstance recordPage(String code, Map<String, String> form, FormErrors errors, ParticipationApi.Participation saved) {
        return record.data("code", code).data("campaigns", campaignsOf(code, yearOf(form)))
                .data("members", participations.members(code, dayOf(form))).data("form", form).data("errors", errors).data("saved", saved);
    }

    @POST
    @Path("ghi-nhan")
    public TemplateInstance record(@PathParam("code") String code, MultivaluedMap<String, String> values) {
        viewer.requireUnit(code);
        Form form = new Form(values);
        String doc = form.get("evidence.documentNumber");
        String link = form.get("evidence.link");
        try {
            ParticipationApi.RecordBody body = new ParticipationApi.RecordBody(form.get("campaignId"), code, form.get("memberId"),
                    form.get("kind"), form.get("occurredOn"), form.get("description"),
                    doc == null && link == null ? null : new ParticipationApi.EvidenceBody(doc, link));
            ParticipationApi.Participation saved = recordOnce(form.get("khoa"), body);
            Map<String, String> next = new HashMap<>(form.echo());
            next.put("khoa", Form.freshKey());
            next.remove("description");
            return recordPage(code, next, FormErrors.none(), saved);
        } catch (ServiceException e) {
            rethrowAccess(e);
            return recordPage(code, form.echo(), FormErrors.of(e.problem(), RECORD_FIELDS), null);
        }
    }

    @GET
    @Path("diem-danh")
    public TemplateInstance attendanceForm(@PathParam("code") String code, @QueryParam("ngay") String day) {
        viewer.requireUnit(code);
        Map<String, String> form = Map.of("khoa", Form.freshKey(), "occurredOn", day == null ? today().toString() : day);
        return attendancePage(code, form, List.of(), FormErrors.none(), List.of());
    }

    private TemplateInstance attendancePage(String code, Map<String, String> form, List<String> ticked, FormErrors errors,
                                            List<Outcome> outcomes) {
        return attendance.data("code", code).data("campaigns", campaignsOf(code, yearOf(form)))
                .data("members", participations.members(code, dayOf(form))).data("form", form).data("ticked", ticked)
                .data("errors", errors).data("outcomes", outcomes);
    }

    /**
     * An attendance list: one activity on one day, a record for each ticked member. Each record has
     * its own idempotency key (the form's key and the member), so sending the list again records nobody twice.
     */
    @POST
    @Path("diem-danh")
    public TemplateInstance attendance(@PathParam("code") String code, MultivaluedMap<String, String> values) {
        viewer.requireUnit(code);
        Form form = new Form(values);
        List<String> ticked = form.all("members");
        List<Outcome> outcomes = new ArrayList<>();
        FormErrors errors = FormErrors.none();
        Map<String, String> names = new HashMap<>();
        participations.members(code, dayOf(form.echo())).forEach(m -> names.put(m.memberId(), m.fullName()));
        if (ticked.isEmpty()) {
            errors = FormErrors.of(vn.thidua.web.problem.ServiceProblem.fieldRefused("members", "Hãy đánh dấu ít nhất một cán bộ"),
                    List.of("members"));
        }
        for (String memberId : ticked) {
            try {
                recordOnce(form.get("khoa") + "-" + memberId, new ParticipationApi.RecordBody(form.get("campaignId"), code,
                        memberId, "ACTIVITY", form.get("occurredOn"), form.get("description"), null));
                outcomes.add(new Outcome(memberId, names.getOrDefault(memberId, memberId), true, "Đã ghi nhận"));
            } catch (ServiceException e) {
                rethrowAccess(e);
                FormErrors one = FormErrors.of(e.problem(), List.of("campaignId", "occurredOn", "description"));
                if (one.fields().isEmpty()) {
                    outcomes.add(new Outcome(memberId, names.getOrDefault(memberId, memberId), false, String.join("; ", one.general())));
                } else {
                    // the same refusal for everyone (a field of the list itself): shown once, beside that field
                    errors = one;
                    break;
                }
            }
        }
        return attendancePage(code, form.echo(), ticked, errors, outcomes);
    }

    /**
     * Posts a record with its idempotency key; a campaign launched seconds ago may not have reached
     * participation-service yet (409 campaign-not-known): the same request is sent again, with the
     * same key, for up to {@link #NOT_KNOWN_TRIES} seconds before the refusal is shown.
     */
    private ParticipationApi.Participation recordOnce(String key, ParticipationApi.RecordBody body) {
        for (int attempt = 1; ; attempt++) {
            try {
                return participations.record(key, body);
            } catch (ServiceException e) {
                if (!"campaign-not-known".equals(e.problem().code()) || attempt >= NOT_KNOWN_TRIES) {
                    throw e;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static void rethrowAccess(ServiceException e) {
        if (e.accessRefused()) {
            throw e;
        }
    }

    private static String require(Form form, String name) {
        String v = form.get(name);
        if (v == null) {
            throw ServiceException.fieldRefused(name, "must not be blank");
        }
        return v;
    }

    private static String dayOf(Map<String, String> form) {
        try {
            return LocalDate.parse(form.getOrDefault("occurredOn", "")).toString();
        } catch (java.time.format.DateTimeParseException e) {
            return today().toString();
        }
    }

    private static int yearOf(Map<String, String> form) {
        return LocalDate.parse(dayOf(form)).getYear();
    }
}
