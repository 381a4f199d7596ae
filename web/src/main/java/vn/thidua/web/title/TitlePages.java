package vn.thidua.web.title;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.thidua.web.api.EvaluationApi;
import vn.thidua.web.format.Vietnamese;

/** For everyone signed in: a year's titles as proposed, each with its reasons and citations, and the council's ballots. */
@Path("/danh-hieu")
@Produces(MediaType.TEXT_HTML)
public class TitlePages {
    private final EvaluationApi evaluation;
    private final Template proposals;

    public TitlePages(@RestClient EvaluationApi evaluation, @Location("title/proposals.html") Template proposals) {
        this.evaluation = evaluation;
        this.proposals = proposals;
    }

    @GET
    public TemplateInstance proposals(@QueryParam("nam") Integer year) {
        int y = year == null ? LocalDate.now(Vietnamese.ZONE).getYear() - 1 : year;
        return proposals.data("year", y).data("p", evaluation.proposals(y)).data("ballots", evaluation.ballots(y));
    }
}
