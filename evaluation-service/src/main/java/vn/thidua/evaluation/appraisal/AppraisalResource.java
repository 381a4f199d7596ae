package vn.thidua.evaluation.appraisal;

import vn.thidua.kit.input.InputRules;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.thidua.contract.events.AppraisalCounts;
import vn.thidua.contract.events.PartitionOffset;
import vn.thidua.evaluation.facts.FactStore;
import vn.thidua.evaluation.score.ScoreService;
import vn.thidua.evaluation.score.ScoreReads;
import vn.thidua.kit.security.Caller;
import vn.thidua.kit.security.Roles;

/** The year-end review (bình xét thi đua cuối năm): its status, closing it, its late records. */
@Path("/api/appraisals/{year}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Bình xét cuối năm (appraisals)")
@RolesAllowed(Roles.READER)
public class AppraisalResource {
    private final AppraisalService appraisals;
    private final ScoreService scores;
    private final Caller caller;

    public AppraisalResource(AppraisalService appraisals, ScoreService scores, Caller caller) {
        this.appraisals = appraisals;
        this.scores = scores;
        this.caller = caller;
    }

    /** A year's appraisal as the API shows it. */
    public record AppraisalView(int year, String status, String policyVersion, String digest, AppraisalCounts counts, long lateRecords,
                                List<PartitionOffset> watermark, String closedBy, Instant closedAt, Boolean digestMatches,
                                Boolean closedNow, Long inFlightRecords, String note) {
    }

    @POST
    @RolesAllowed(Roles.OFFICER)
    @Path("close")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Close the year: freeze its table at the projection's watermark",
            description = "closedBy is the token's caller (no body). 201 and AppraisalClosed the first time (with how many records were still in flight); 200 with the same result, "
                    + "and no event, after.")
    @APIResponse(responseCode = "201", description = "closed now (AppraisalClosed)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppraisalView.class)))
    @APIResponse(responseCode = "200", description = "closed before: the same result, no event", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppraisalView.class)))
    @APIResponse(responseCode = "422", description = "event-contract-violation")
    public Response close(@PathParam("year") @Min(InputRules.MIN_YEAR) @Max(InputRules.MAX_YEAR) int year) {
        AppraisalService.CloseResult result = appraisals.close(year, caller.actor());
        var c = result.close();
        AppraisalView view = new AppraisalView(year, "CLOSED", c.policyVersion(), c.digest(), c.counts(), 0, c.watermark(), c.closedBy(),
                c.closedAt(), null, result.closedNow(), result.inFlightRecords(), result.note());
        return Response.status(result.closedNow() ? 201 : 200).entity(view).build();
    }

    @GET
    @Operation(summary = "The year's status (OPEN or CLOSED), digest, counts and number of late records")
    public AppraisalView get(@PathParam("year") @Min(InputRules.MIN_YEAR) @Max(InputRules.MAX_YEAR) int year) {
        ScoreService.Current current = scores.head(year);
        ScoreReads.Head t = current.year().head();
        if (current.year().closed().isEmpty()) {
            return new AppraisalView(year, "OPEN", t.policyVersion(), current.digest(),
                    new AppraisalCounts(current.members(), current.units(), t.counted(), t.refused()), 0, null, null, null,
                    null, null, null, "open: the table follows every record applied so far");
        }
        var c = current.year().closed().get();
        long late = appraisals.late(year).size();
        return new AppraisalView(year, "CLOSED", c.policyVersion(), c.digest(), c.counts(), late, c.watermark(), c.closedBy(), c.closedAt(),
                c.digest().equals(current.digest()), null, null, null);
    }

    @GET
    @Path("late")
    @Operation(summary = "Records of a closed year that arrived after the close: kept, listed, never counted")
    public List<FactStore.StoredRecord> late(@PathParam("year") @Min(InputRules.MIN_YEAR) @Max(InputRules.MAX_YEAR) int year) {
        return appraisals.late(year);
    }
}
