package vn.thidua.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import vn.thidua.web.identity.BearerHeaders;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import vn.thidua.contract.events.CampaignKind;
import vn.thidua.contract.events.LaunchDocument;
import vn.thidua.contract.events.Period;
import vn.thidua.contract.events.PlanReference;

/** campaign-service's public API (plans, units, campaigns), called with the signed-in person's token. */
@RegisterRestClient(configKey = "campaign")
@RegisterProvider(ProblemMapper.class)
@RegisterClientHeaders(BearerHeaders.class)
@Path("/api")
public interface CampaignApi {

    /** A plan of the province (kế hoạch). */
    record Plan(String planId, String number, LocalDate issuedOn, String issuer, String title, LocalDate periodFrom, LocalDate periodTo) {
    }

    /** A unit of the department (phòng, đơn vị). */
    record Unit(String code, String name, String head) {
    }

    /** A unit as the officer creates or renames it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UnitBody(String name, String head) {
    }

    /** A campaign in a list. */
    record CampaignSummary(String campaignId, CampaignKind kind, String title, LocalDate from, LocalDate to, String documentNumber,
                           int recipients, int acknowledged) {
    }

    /** A campaign with each recipient's status. */
    record Campaign(String campaignId, CampaignKind kind, String title, String content, List<PlanReference> basisPlans, Period period,
                    LaunchDocument launchDocument, Instant launchedAt, List<Recipient> recipients) {
    }

    /** Where one recipient unit stands. */
    record Recipient(String unitCode, String unitName, Instant notifiedAt, boolean acknowledged, String acknowledgedBy, Instant acknowledgedAt) {
    }

    /** A campaign to launch (phát động), as the form fills it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LaunchBody(String kind, String title, String content, List<String> basisPlanNumbers, PeriodBody period,
                      DocumentBody launchDocument, List<String> recipientUnitCodes, Boolean allUnits) {
    }

    /** A period; the end may be left open for a thematic campaign. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PeriodBody(String from, String to) {
    }

    /** The launch document (công văn phát động) and its signer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DocumentBody(String number, String issuedOn, String signerName, String signerCapacity) {
    }

    /** An acknowledgement. */
    record Acknowledgement(String campaignId, String unitCode, String acknowledgedBy, Instant acknowledgedAt, boolean first) {
    }

    @GET
    @Path("plans")
    List<Plan> plans();

    @GET
    @Path("units")
    List<Unit> units();

    @PUT
    @Path("units/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    Unit putUnit(@PathParam("code") String code, UnitBody body);

    @GET
    @Path("campaigns")
    List<CampaignSummary> campaigns(@QueryParam("year") Integer year);

    @GET
    @Path("campaigns/{id}")
    Campaign campaign(@PathParam("id") String campaignId);

    @POST
    @Path("campaigns")
    @Consumes(MediaType.APPLICATION_JSON)
    Campaign launch(@HeaderParam("Idempotency-Key") String idempotencyKey, LaunchBody body);

    /** Who acknowledged is the caller of the token: no body. */
    @POST
    @Path("campaigns/{id}/acknowledgements/{unit}")
    Acknowledgement acknowledge(@PathParam("id") String campaignId, @PathParam("unit") String unitCode);
}
