package vn.thidua.web.audit;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.thidua.web.api.EvaluationApi;
import vn.thidua.web.format.Vietnamese;

/** For auditors (and anyone signed in): the closed years with digest, policy version and watermark, and how to verify them. */
@Path("/kiem-toan")
@Produces(MediaType.TEXT_HTML)
public class AuditPages {
    /** How many years back the page looks for closes. */
    static final int YEARS = 6;

    private final EvaluationApi evaluation;
    private final Template closed;

    public AuditPages(@RestClient EvaluationApi evaluation, @Location("audit/closed.html") Template closed) {
        this.evaluation = evaluation;
        this.closed = closed;
    }

    @GET
    public TemplateInstance closed(@QueryParam("den") Integer until) {
        int last = until == null ? LocalDate.now(Vietnamese.ZONE).getYear() : until;
        List<EvaluationApi.Appraisal> years = new ArrayList<>();
        for (int y = last; y > last - YEARS; y--) {
            EvaluationApi.Appraisal a = evaluation.appraisal(y);
            if ("CLOSED".equals(a.status())) {
                years.add(a);
            }
        }
        return closed.data("years", years).data("from", last - YEARS + 1).data("until", last);
    }
}
