package vn.thidua.web.title;

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
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.thidua.web.api.EvaluationApi;
import vn.thidua.web.format.Vietnamese;
import vn.thidua.web.identity.Viewer;
import vn.thidua.web.page.Form;
import vn.thidua.web.problem.FormErrors;
import vn.thidua.web.problem.ServiceException;
import vn.thidua.web.problem.ServiceProblem;

/**
 * A year's titles: the proposals with each criterion's line and citation, the council's ballots, the
 * decision and the documents for everyone signed in (a unit head: their own unit only); for the officer,
 * once the year is closed and until the decision, a ballot form per title the council votes on and the
 * decision form.
 */
@Path("/danh-hieu")
@Produces(MediaType.TEXT_HTML)
public class TitlePages {
    static final List<String> BALLOT_FIELDS = List.of("councilMembers", "votesFor");
    static final List<String> DECISION_FIELDS = List.of("number", "signedOn", "signer", "signerPosition", "awards");
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /** A document of the year served by evaluation-service: its name here, its name there, its type, the file name people get. */
    enum Document {
        PROPOSALS_CSV("de-nghi.csv", "proposals.csv", "text/csv; charset=UTF-8", "danh-sach-de-nghi-%d.csv"),
        PROPOSALS_XLSX("de-nghi.xlsx", "proposals.xlsx", XLSX, "danh-sach-de-nghi-%d.xlsx"),
        VOTE_RECORD("bien-ban-kiem-phieu.docx", "vote-record.docx", DOCX, "bien-ban-kiem-phieu-%d.docx"),
        DECISION("quyet-dinh.docx", "decision.docx", DOCX, "quyet-dinh-cong-nhan-%d.docx");

        final String here;
        final String there;
        final String type;
        final String fileName;

        Document(String here, String there, String type, String fileName) {
            this.here = here;
            this.there = there;
            this.type = type;
            this.fileName = fileName;
        }
    }

    /**
     * A proposed title the department's council votes on, with its ballot if recorded: one ballot form (its values and
     * problems), one line of the decision form.
     */
    public record Vote(String key, String formId, String subject, String subjectId, String name, String title, String label,
                       EvaluationApi.Ballot ballot, String councilMembers, String votesFor, FormErrors errors) {
    }

    /** A title the decision awarded, as the page lists it. */
    public record Awarded(String subjectId, String name, String label) {
    }

    private final Viewer viewer;
    private final EvaluationApi evaluation;
    private final Template proposals;

    public TitlePages(Viewer viewer, @RestClient EvaluationApi evaluation, @Location("title/proposals.html") Template proposals) {
        this.viewer = viewer;
        this.evaluation = evaluation;
        this.proposals = proposals;
    }

    @GET
    public TemplateInstance proposals(@QueryParam("nam") Integer year) {
        return page(year == null ? LocalDate.now(Vietnamese.ZONE).getYear() - 1 : year, null, FormErrors.none(), Map.of(), null);
    }

    @POST
    @Path("{year}/phieu")
    public TemplateInstance ballot(@PathParam("year") int year, MultivaluedMap<String, String> values) {
        viewer.requireOfficer();
        Form form = new Form(values);
        String key = key(form.get("subject"), form.get("subjectId"), form.get("title"));
        try {
            EvaluationApi.Ballot b = evaluation.recordBallot(year, new EvaluationApi.BallotBody(form.get("subject"), form.get("subjectId"),
                    form.get("title"), count(form, "councilMembers"), count(form, "votesFor")));
            return page(year, null, FormErrors.none(), Map.of(), "Đã ghi kết quả bỏ phiếu: " + b.label() + " – " + b.subjectId() + ": " + b.result());
        } catch (ServiceException e) {
            if (e.accessRefused()) {
                throw e;
            }
            return page(year, key, FormErrors.of(e.problem(), BALLOT_FIELDS), form.echo(), null);
        }
    }

    @POST
    @Path("{year}/quyet-dinh")
    public TemplateInstance decide(@PathParam("year") int year, MultivaluedMap<String, String> values) {
        viewer.requireOfficer();
        Form form = new Form(values);
        List<EvaluationApi.AwardBody> awards = form.all("awards").stream().map(a -> a.split("/", 3))
                .map(a -> new EvaluationApi.AwardBody(a[0], a.length > 1 ? a[1] : null, a.length > 2 ? a[2] : null)).toList();
        Map<String, String> echo = new HashMap<>(form.echo());
        echo.put("awards", String.join(",", form.all("awards")));
        try {
            if (awards.isEmpty()) {
                throw ServiceException.fieldRefused("awards", "Hãy chọn ít nhất một danh hiệu được công nhận");
            }
            EvaluationApi.Decision d = evaluation.decide(year, new EvaluationApi.DecisionBody(form.get("number"), form.get("signedOn"),
                    form.get("signer"), form.get("signerPosition"), awards));
            return page(year, null, FormErrors.none(), Map.of(), "Đã ghi quyết định số " + d.decision().number() + ": công nhận "
                    + d.awards().size() + " danh hiệu.");
        } catch (ServiceException e) {
            if (e.accessRefused()) {
                throw e;
            }
            return page(year, "decision", FormErrors.of(e.problem(), DECISION_FIELDS), echo, null);
        }
    }

    @GET
    @Path("{year}/tai-lieu/{name}")
    @Produces(MediaType.WILDCARD)
    public Response document(@PathParam("year") int year, @PathParam("name") String name) {
        refuseUnitHead();
        for (Document d : Document.values()) {
            if (d.here.equals(name)) {
                return Response.ok(evaluation.document(year, d.there), d.type)
                        .header("Content-Disposition", "attachment; filename=\"" + d.fileName.formatted(year) + "\"").build();
            }
        }
        throw new ServiceException(new ServiceProblem(404, "not-found", null, "Không có tài liệu " + name + ".", List.of()));
    }

    /** The documents list everyone of the year: a unit head sees their own unit only. */
    private void refuseUnitHead() {
        if (!viewer.officer() && viewer.unitHead()) {
            throw new Viewer.Refused("Danh sách đề nghị, biên bản và quyết định gồm mọi đơn vị: trưởng đơn vị xem danh hiệu của đơn vị mình trên trang Danh hiệu.");
        }
    }

    /**
     * The page: {@code failed} is the form a refusal belongs to (a {@link Vote#key()}, or "decision"), shown again with
     * {@code echo} and {@code errors}; {@code saved} says what was just recorded.
     */
    private TemplateInstance page(int year, String failed, FormErrors errors, Map<String, String> echo, String saved) {
        EvaluationApi.Proposals p = evaluation.proposals(year);
        List<EvaluationApi.Ballot> ballots = evaluation.ballots(year);
        EvaluationApi.Decision decision = decision(year);
        String unit = viewer.officer() || !viewer.unitHead() ? null : viewer.unit();
        Set<String> own = new HashSet<>();
        if (unit != null) {
            List<EvaluationApi.MemberTitles> members = p.members().stream().filter(m -> m.units().contains(unit)).toList();
            List<EvaluationApi.UnitTitles> units = p.units().stream().filter(u -> u.unitCode().equals(unit)).toList();
            members.forEach(m -> own.add("MEMBER/" + m.memberId()));
            units.forEach(u -> own.add("UNIT/" + u.unitCode()));
            p = new EvaluationApi.Proposals(p.year(), p.status(), p.reviewedOn(), p.ruleSet(), members, units);
            ballots = ballots.stream().filter(b -> own.contains(b.subject() + "/" + b.subjectId())).toList();
        }
        Map<String, String> labels = new HashMap<>();
        List<Vote> votes = votes(p, ballots, labels).stream().map(v -> v.key().equals(failed)
                ? new Vote(v.key(), v.formId(), v.subject(), v.subjectId(), v.name(), v.title(), v.label(), v.ballot(),
                        echo.get("councilMembers"), echo.get("votesFor"), errors)
                : v).toList();
        List<Awarded> awarded = decision == null ? List.of() : decision.awards().stream()
                .filter(a -> unit == null || own.contains(a.subject() + "/" + a.subjectId()))
                .map(a -> new Awarded(a.subjectId(), a.name(), labels.getOrDefault(a.title(), a.title()))).toList();
        boolean mayVote = viewer.officer() && "CLOSED".equals(p.status()) && decision == null;
        Set<String> chosen = new HashSet<>();
        if ("decision".equals(failed)) {
            chosen.addAll(List.of(echo.getOrDefault("awards", "").split(",")));
        } else {
            votes.stream().filter(v -> v.ballot() != null && v.ballot().passed()).forEach(v -> chosen.add(v.key()));
        }
        return proposals.data("year", year).data("p", p).data("ballots", ballots).data("decision", decision).data("awarded", awarded)
                .data("votes", votes).data("mayVote", mayVote).data("chosen", chosen)
                .data("errors", "decision".equals(failed) ? errors : FormErrors.none())
                .data("form", "decision".equals(failed) ? echo : Map.of("signedOn", LocalDate.now(Vietnamese.ZONE).toString()))
                .data("saved", saved).data("documents", unit == null);
    }

    /** The proposed titles the department's council votes on, members first, each with its ballot if any; fills {@code labels} by title. */
    private static List<Vote> votes(EvaluationApi.Proposals p, List<EvaluationApi.Ballot> ballots, Map<String, String> labels) {
        Map<String, EvaluationApi.Ballot> byKey = new HashMap<>();
        ballots.forEach(b -> byKey.put(key(b.subject(), b.subjectId(), b.title()), b));
        List<Vote> votes = new ArrayList<>();
        for (EvaluationApi.MemberTitles m : p.members()) {
            for (EvaluationApi.TitleCheck t : m.titles()) {
                labels.put(t.title(), t.label());
                if (t.proposed() && t.decidedByDepartment()) {
                    votes.add(vote("MEMBER", m.memberId(), m.fullName(), t, byKey, votes.size()));
                }
            }
        }
        for (EvaluationApi.UnitTitles u : p.units()) {
            for (EvaluationApi.TitleCheck t : u.titles()) {
                labels.put(t.title(), t.label());
                if (t.proposed() && t.decidedByDepartment()) {
                    votes.add(vote("UNIT", u.unitCode(), "Đơn vị " + u.unitCode(), t, byKey, votes.size()));
                }
            }
        }
        return votes;
    }

    private static Vote vote(String subject, String id, String name, EvaluationApi.TitleCheck t, Map<String, EvaluationApi.Ballot> ballots, int n) {
        String key = key(subject, id, t.title());
        EvaluationApi.Ballot b = ballots.get(key);
        return new Vote(key, "p" + n, subject, id, name, t.title(), t.label(), b, b == null ? null : String.valueOf(b.councilMembers()),
                b == null ? null : String.valueOf(b.votesFor()), FormErrors.none());
    }

    /** How a title of a member or unit is named in the forms: {@code MEMBER/CB-1/ADVANCED_WORKER}. */
    static String key(String subject, String subjectId, String title) {
        return subject + "/" + subjectId + "/" + title;
    }

    private EvaluationApi.Decision decision(int year) {
        try {
            return evaluation.decision(year);
        } catch (ServiceException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    /** A whole number typed in a field; a refusal beside the field otherwise. */
    private static Integer count(Form form, String field) {
        String v = form.get(field);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw ServiceException.fieldRefused(field, "phải là một số nguyên");
        }
    }
}
