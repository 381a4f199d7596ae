package vn.thidua.web.score;

import io.quarkus.qute.Location;
import io.quarkus.qute.RawString;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.thidua.web.api.CampaignApi;
import vn.thidua.web.api.EvaluationApi;
import vn.thidua.web.chart.BarChart;
import vn.thidua.web.format.Vietnamese;

/** For everyone signed in: a year's score table with its chart and CSV, a unit's members, a campaign. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ScorePages {
    private final EvaluationApi evaluation;
    private final CampaignApi campaigns;
    private final Template units;
    private final Template members;
    private final Template campaign;

    public ScorePages(@RestClient EvaluationApi evaluation, @RestClient CampaignApi campaigns, @Location("score/units.html") Template units,
                      @Location("score/members.html") Template members, @Location("score/campaign.html") Template campaign) {
        this.evaluation = evaluation;
        this.campaigns = campaigns;
        this.units = units;
        this.members = members;
        this.campaign = campaign;
    }

    @GET
    @Path("bang-diem")
    public TemplateInstance units(@QueryParam("nam") Integer year) {
        int y = year == null ? LocalDate.now(Vietnamese.ZONE).getYear() : year;
        EvaluationApi.UnitsTable table = evaluation.units(y);
        String chart = BarChart.svg("Điểm thi đua các đơn vị năm " + y,
                table.units().stream().map(u -> new BarChart.Bar(u.unitCode(), u.score())).toList());
        return units.data("year", y).data("table", table).data("chart", new RawString(chart));
    }

    @GET
    @Path("bang-diem/{year}.csv")
    @Produces("text/csv")
    public Response unitsCsv(@PathParam("year") int year) {
        return csv(evaluation.unitsCsv(year, "csv"), "diem-thi-dua-don-vi-" + year + ".csv");
    }

    @GET
    @Path("bang-diem/{year}/{code}")
    public TemplateInstance members(@PathParam("year") int year, @PathParam("code") String code) {
        EvaluationApi.UnitMembers table = evaluation.unitMembers(year, code);
        String chart = BarChart.svg("Điểm tại đơn vị " + code + " năm " + year,
                table.members().stream().map(m -> new BarChart.Bar(m.fullName(), BigDecimal.valueOf(m.pointsInUnit()))).toList());
        return members.data("year", year).data("code", code).data("table", table).data("chart", new RawString(chart));
    }

    @GET
    @Path("bang-diem/{year}/{code}.csv")
    @Produces("text/csv")
    public Response membersCsv(@PathParam("year") int year, @PathParam("code") String code) {
        return csv(evaluation.unitMembersCsv(year, code, "csv"), "diem-thi-dua-" + code + "-" + year + ".csv");
    }

    @GET
    @Path("phong-trao/{id}")
    public TemplateInstance campaign(@PathParam("id") String id, @QueryParam("moi") String fresh) {
        return campaign.data("c", campaigns.campaign(id)).data("fresh", fresh != null);
    }

    private static Response csv(byte[] body, String name) {
        return Response.ok(body, "text/csv; charset=UTF-8").header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }
}
