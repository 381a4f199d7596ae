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
import vn.thidua.contract.events.ParticipationKind;

/** participation-service's public API (rosters, participation records), called with the signed-in person's token. */
@RegisterRestClient(configKey = "participation")
@RegisterProvider(ProblemMapper.class)
@RegisterClientHeaders(BearerHeaders.class)
@Path("/api")
public interface ParticipationApi {

    /** A member on a unit's roster. */
    record Member(String memberId, String fullName, String position, LocalDate joinedOn, LocalDate leftOn) {
    }

    /** A member joining a unit. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JoinBody(String fullName, String position, String fromDate) {
    }

    /** A member leaving: the first day off the roster. */
    record LeaveBody(String date) {
    }

    /** What a leave did. */
    record LeaveAnswer(String unitCode, String memberId, LocalDate leftOn, boolean changed) {
    }

    /** A participation record to post. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RecordBody(String campaignId, String unitCode, String memberId, String kind, String occurredOn, String description,
                      EvidenceBody evidence) {
    }

    /** Evidence: a document number, a link, or both. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EvidenceBody(String documentNumber, String link) {
    }

    /** A stored record. */
    record Participation(String recordId, String campaignId, String unitCode, String memberId, ParticipationKind kind, LocalDate occurredOn,
                         String description, String evidenceDocument, String evidenceLink, Instant recordedAt) {
    }

    /** A page of records. */
    record Page(List<Participation> items, int page, int size, long total) {
    }

    @GET
    @Path("units/{code}/members")
    List<Member> members(@PathParam("code") String unitCode, @QueryParam("on") String on);

    @PUT
    @Path("units/{code}/members/{memberId}")
    @Consumes(MediaType.APPLICATION_JSON)
    Member join(@PathParam("code") String unitCode, @PathParam("memberId") String memberId, JoinBody body);

    @POST
    @Path("units/{code}/members/{memberId}/leave")
    @Consumes(MediaType.APPLICATION_JSON)
    LeaveAnswer leave(@PathParam("code") String unitCode, @PathParam("memberId") String memberId, LeaveBody body);

    @POST
    @Path("participations")
    @Consumes(MediaType.APPLICATION_JSON)
    Participation record(@HeaderParam("Idempotency-Key") String idempotencyKey, RecordBody body);

    @GET
    @Path("participations")
    Page records(@QueryParam("unitCode") String unitCode, @QueryParam("year") Integer year, @QueryParam("from") LocalDate from,
                 @QueryParam("page") int page, @QueryParam("size") int size);
}
