package vn.thidua.web.officer;

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
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.thidua.web.api.CampaignApi;
import vn.thidua.web.api.EvaluationApi;
import vn.thidua.web.api.ParticipationApi;
import vn.thidua.web.format.Vietnamese;
import vn.thidua.web.identity.Viewer;
import vn.thidua.web.page.Form;
import vn.thidua.web.problem.FormErrors;
import vn.thidua.web.problem.ServiceException;

/** The emulation officer's pages: the year at a glance, launching a campaign, units, closing a year, late records. */
@Path("/can-bo")
@Produces(MediaType.TEXT_HTML)
public class OfficerResource {
    /** The launch form's inputs, named as the request's JSON fields. */
    static final List<String> LAUNCH_FIELDS = List.of("kind", "title", "content", "basisPlanNumbers", "period.from", "period.to",
            "launchDocument.number", "launchDocument.issuedOn", "launchDocument.signerName", "launchDocument.signerCapacity",
            "recipientUnitCodes");
    static final List<String> UNIT_FIELDS = List.of("code", "name", "head");

    private final Viewer viewer;
    private final CampaignApi campaigns;
    private final ParticipationApi participations;
    private final EvaluationApi evaluation;
    private final Template overview;
    private final Template launch;
    private final Template units;
    private final Template close;
    private final Template closed;
    private final Template late;

    public OfficerResource(Viewer viewer, @RestClient CampaignApi campaigns, @RestClient ParticipationApi participations,
                           @RestClient EvaluationApi evaluation,
                           @Location("officer/overview.html") Template overview, @Location("officer/launch.html") Template launch,
                           @Location("officer/units.html") Template units, @Location("officer/close.html") Template close,
                           @Location("officer/closed.html") Template closed, @Location("officer/late.html") Template late) {
        this.viewer = viewer;
        this.campaigns = campaigns;
        this.participations = participations;
        this.evaluation = evaluation;
        this.overview = overview;
        this.launch = launch;
        this.units = units;
        this.close = close;
        this.closed = closed;
        this.late = late;
    }

    static int thisYear() {
        return LocalDate.now(Vietnamese.ZONE).getYear();
    }

    @GET
    public TemplateInstance overview(@QueryParam("nam") Integer year) {
        viewer.requireOfficer();
        int y = year == null ? thisYear() : year;
        LocalDate today = LocalDate.now(Vietnamese.ZONE);
        // counts only: one row asked for, the total is what the page shows
        long inYear = participations.records(null, y, null, 0, 1).total();
        long thisMonth = y == today.getYear() ? participations.records(null, y, today.withDayOfMonth(1), 0, 1).total() : -1;
        List<EvaluationApi.Appraisal> years = new ArrayList<>();
        for (int k = y - 2; k <= y; k++) {
            years.add(evaluation.appraisal(k));
        }
        return overview.data("year", y).data("campaigns", campaigns.campaigns(y)).data("recordsInYear", inYear)
                .data("recordsThisMonth", thisMonth).data("years", years);
    }

    @GET
    @Path("phat-dong")
    public TemplateInstance launchForm() {
        viewer.requireOfficer();
        return launchPage(Map.of("khoa", Form.freshKey(), "kind", "PHASE"), List.of(), List.of(), false, FormErrors.none());
    }

    private TemplateInstance launchPage(Map<String, String> form, List<String> plans, List<String> unitCodes, boolean allUnits,
                                        FormErrors errors) {
        return launch.data("form", form).data("errors", errors).data("plans", campaigns.plans()).data("units", campaigns.units())
                .data("chosenPlans", plans).data("chosenUnits", unitCodes).data("allUnits", allUnits);
    }

    @POST
    @Path("phat-dong")
    public Object launch(MultivaluedMap<String, String> values) {
        viewer.requireOfficer();
        Form form = new Form(values);
        boolean all = form.ticked("allUnits");
        CampaignApi.LaunchBody body = new CampaignApi.LaunchBody(form.get("kind"), form.get("title"), form.get("content"),
                form.all("basisPlanNumbers"), new CampaignApi.PeriodBody(form.get("period.from"), form.get("period.to")),
                new CampaignApi.DocumentBody(form.get("launchDocument.number"), form.get("launchDocument.issuedOn"),
                        form.get("launchDocument.signerName"), form.get("launchDocument.signerCapacity")),
                all ? null : form.all("recipientUnitCodes"), all ? Boolean.TRUE : null);
        try {
            CampaignApi.Campaign launched = campaigns.launch(form.get("khoa"), body);
            return Response.seeOther(URI.create("/phong-trao/" + launched.campaignId() + "?moi=1")).build();
        } catch (ServiceException e) {
            if (e.accessRefused()) {
                throw e;
            }
            return launchPage(form.echo(), form.all("basisPlanNumbers"), form.all("recipientUnitCodes"), all,
                    FormErrors.of(e.problem(), LAUNCH_FIELDS));
        }
    }

    @GET
    @Path("don-vi")
    public TemplateInstance units() {
        viewer.requireOfficer();
        return unitsPage(Map.of(), FormErrors.none(), null);
    }

    private TemplateInstance unitsPage(Map<String, String> form, FormErrors errors, String saved) {
        return units.data("units", campaigns.units()).data("form", form).data("errors", errors).data("saved", saved);
    }

    @POST
    @Path("don-vi")
    public TemplateInstance saveUnit(MultivaluedMap<String, String> values) {
        viewer.requireOfficer();
        Form form = new Form(values);
        String code = form.get("code") == null ? "" : form.get("code").toUpperCase(java.util.Locale.ROOT);
        try {
            if (code.isEmpty()) {
                throw ServiceException.fieldRefused("code", "must not be blank");
            }
            campaigns.putUnit(code, new CampaignApi.UnitBody(form.get("name"), form.get("head")));
            return unitsPage(Map.of(), FormErrors.none(), code);
        } catch (ServiceException e) {
            if (e.accessRefused()) {
                throw e;
            }
            return unitsPage(form.echo(), FormErrors.of(e.problem(), UNIT_FIELDS), null);
        }
    }

    @GET
    @Path("chot")
    public Response closeDefault() {
        return Response.seeOther(URI.create("/can-bo/chot/" + (thisYear() - 1))).build();
    }

    @GET
    @Path("chot/{year}")
    public TemplateInstance closeForm(@PathParam("year") int year) {
        viewer.requireOfficer();
        return close.data("year", year).data("appraisal", evaluation.appraisal(year)).data("table", evaluation.units(year));
    }

    @POST
    @Path("chot/{year}")
    public TemplateInstance close(@PathParam("year") int year, MultivaluedMap<String, String> values) {
        viewer.requireOfficer();
        if (!new Form(values).ticked("dongY")) {
            return close.data("year", year).data("appraisal", evaluation.appraisal(year)).data("table", evaluation.units(year))
                    .data("mustConfirm", true);
        }
        return closed.data("year", year).data("appraisal", evaluation.close(year));
    }

    @GET
    @Path("muon")
    public TemplateInstance late(@QueryParam("nam") Integer year) {
        viewer.requireOfficer();
        int y = year == null ? thisYear() - 1 : year;
        EvaluationApi.Appraisal appraisal = evaluation.appraisal(y);
        List<EvaluationApi.LateRecord> records = "CLOSED".equals(appraisal.status()) ? evaluation.late(y) : List.of();
        return late.data("year", y).data("appraisal", appraisal).data("records", records);
    }
}
