package vn.thidua.evaluation.appraisal;

import vn.thidua.kit.input.InputRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import vn.thidua.contract.Text;
import vn.thidua.contract.events.AppraisalCounts;
import vn.thidua.contract.events.PartitionOffset;
import vn.thidua.evaluation.facts.FactStore;
import vn.thidua.evaluation.score.ScoreService;
import vn.thidua.scoring.ScoreTable;

/** The year-end review (bình xét thi đua cuối năm): its status, closing it, its late records. */
@Path("/api/appraisals/{year}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Bình xét cuối năm (appraisals)")
public class AppraisalResource {
    private final AppraisalService appraisals;
    private final ScoreService scores;

    public AppraisalResource(AppraisalService appraisals, ScoreService scores) {
        this.appraisals = appraisals;
        this.scores = scores;
    }

    /** Who closes the year. */
    public record CloseRequest(@NotBlank @Size(max = InputRules.NAME_MAX) String closedBy) {
    }

    /** A year's appraisal as the API shows it. */
    public record AppraisalView(int year, String status, String policyVersion, String digest, AppraisalCounts counts, long lateRecords,
                                List<PartitionOffset> watermark, String closedBy, Instant closedAt, Boolean digestMatches,
                                Boolean closedNow, Long inFlightRecords, String note) {
    }

    @POST
    @Path("close")
    @Operation(summary = "Close the year: freeze its table at the projection's watermark",
            description = "201 and AppraisalClosed the first time (with how many records were still in flight); 200 with the same result, "
                    + "and no event, after.")
    @APIResponse(responseCode = "201", description = "closed now (AppraisalClosed)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppraisalView.class)))
    @APIResponse(responseCode = "200", description = "closed before: the same result, no event", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppraisalView.class)))
    @APIResponse(responseCode = "422", description = "event-contract-violation")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CloseRequest.class),
            examples = @org.eclipse.microprofile.openapi.annotations.media.ExampleObject(name = "closed by the council", value = "{\"closedBy\": \"Hội đồng Thi đua - Khen thưởng Sở\"}")))
    public Response close(@PathParam("year") @Min(InputRules.MIN_YEAR) @Max(InputRules.MAX_YEAR) int year, @Valid @NotNull CloseRequest request) {
        AppraisalService.CloseResult result = appraisals.close(year, Text.nfc(request.closedBy().strip()));
        var c = result.close();
        AppraisalView view = new AppraisalView(year, "CLOSED", c.policyVersion(), c.digest(), c.counts(), 0, c.watermark(), c.closedBy(),
                c.closedAt(), null, result.closedNow(), result.inFlightRecords(), result.note());
        return Response.status(result.closedNow() ? 201 : 200).entity(view).build();
    }

    @GET
    @Operation(summary = "The year's status (OPEN or CLOSED), digest, counts and number of late records")
    public AppraisalView get(@PathParam("year") @Min(InputRules.MIN_YEAR) @Max(InputRules.MAX_YEAR) int year) {
        ScoreService.YearTable current = scores.table(year);
        ScoreTable t = current.table();
        if (current.closed().isEmpty()) {
            return new AppraisalView(year, "OPEN", t.policyVersion(), t.digest(),
                    new AppraisalCounts(t.members().size(), t.units().size(), t.counted().size(), t.refused()), 0, null, null, null,
                    null, null, null, "open: the table follows every record applied so far");
        }
        var c = current.closed().get();
        long late = appraisals.late(year).size();
        return new AppraisalView(year, "CLOSED", c.policyVersion(), c.digest(), c.counts(), late, c.watermark(), c.closedBy(), c.closedAt(),
                c.digest().equals(t.digest()), null, null, null);
    }

    @GET
    @Path("late")
    @Operation(summary = "Records of a closed year that arrived after the close: kept, listed, never counted")
    public List<FactStore.StoredRecord> late(@PathParam("year") @Min(InputRules.MIN_YEAR) @Max(InputRules.MAX_YEAR) int year) {
        return appraisals.late(year);
    }
}
