package vn.thidua.participation.record;

import vn.thidua.kit.input.InputRules;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.thidua.kit.idempotency.IdempotencyKeys;
import vn.thidua.kit.security.Caller;
import vn.thidua.kit.security.Roles;

/** Participation records: what members and units did in each campaign. */
@Path("/api/participations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Kết quả tham gia (participation)")
@RolesAllowed(Roles.READER)
public class ParticipationResource {
    private final ParticipationService participations;
    private final GroupCommit groups;
    private final IdempotencyKeys idempotency;
    private final Caller caller;

    public ParticipationResource(ParticipationService participations, GroupCommit groups, IdempotencyKeys idempotency, Caller caller) {
        this.participations = participations;
        this.groups = groups;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    /** A page of records. */
    public record Page(List<ParticipationView> items, int page, int size, long total) {
    }

    @POST
    @RolesAllowed({Roles.OFFICER, Roles.UNIT_HEAD})
    @Operation(summary = "Record what a member or the unit itself did in a campaign",
            description = "Emits ParticipationRecorded. Honours Idempotency-Key. Refused with problem+json: campaign-not-known (409, retry), "
                    + "unit-not-recipient, outside-campaign-period, year-closed, member-not-on-roster, evidence-required (422), already-registered (409).")
    @APIResponse(responseCode = "201", description = "recorded (Location: the record); a retry with the same Idempotency-Key and body answers it again", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParticipationView.class)))
    @APIResponse(responseCode = "409", description = "campaign-not-known (retry shortly), already-registered, idempotency-key-reused")
    @APIResponse(responseCode = "422", description = "unit-not-recipient, outside-campaign-period, year-closed, member-not-on-roster, evidence-required, event-contract-violation")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ParticipationRequest.class),
            examples = @org.eclipse.microprofile.openapi.annotations.media.ExampleObject(name = "a member's achievement", value = "{\"campaignId\": \"3f2c9a1e-5b7d-4c2a-9e1f-0a8b7c6d5e4f\", \"unitCode\": \"TTR\", \"memberId\": \"CB-TTR-01\", \"kind\": \"ACHIEVEMENT\", \"occurredOn\": \"2023-06-15\", \"description\": \"Hoàn thành xuất sắc nhiệm vụ thanh tra chuyên đề chuyển đổi số\", \"evidence\": {\"documentNumber\": \"QĐ 25/QĐ-KHCN\", \"link\": \"https://khcn.thainguyen.gov.vn/vb/25\"}}")))
    public Response record(@Valid @NotNull ParticipationRequest request, @HeaderParam(IdempotencyKeys.HEADER) String key, @Context UriInfo uri) {
        caller.requireUnit(request.unitCode());
        String records = uri.getAbsolutePath().toString();
        return groups.record(request, key, records, () -> idempotency.once(GroupCommit.SCOPE, key, request, () -> {
            ParticipationView recorded = participations.record(request);
            return Response.created(java.net.URI.create(GroupCommit.location(records, recorded.recordId))).entity(recorded).build();
        }));
    }

    /** What a batch recorded: each record's id, in the order of the batch (index from 0). */
    public record BatchAnswer(int created, List<Created> items) {
        /** One record of the batch, created. */
        public record Created(int index, String recordId) {
        }
    }

    @POST
    @Path("batch")
    @RolesAllowed({Roles.OFFICER, Roles.UNIT_HEAD})
    @Operation(summary = "Record many at once: an attendance list (one activity, one date, many members) and/or a feed's items",
            description = "Up to " + ParticipationBatch.MAX_ITEMS + " records (attendance lines first, then items), each checked by the rules of "
                    + "POST /api/participations. All or nothing, in one transaction: 200 with every record's id in the order sent; or, if any "
                    + "item is refused, 422 batch-refused with items[] = {index, problem} (each the problem the single path would give) and "
                    + "nothing recorded. A malformed batch (empty, over the limit, a bad field of an item) is 400 for the whole batch. "
                    + "Honours Idempotency-Key (one key for the batch): a retry gets the same answer and records nothing more. "
                    + "An officer, or a unit head for their own unit only: one record of another unit refuses the whole batch (403).")
    @APIResponse(responseCode = "200", description = "every record created, in the order sent; a retry with the same Idempotency-Key answers it again", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchAnswer.class)))
    @APIResponse(responseCode = "409", description = "idempotency-key-reused")
    @APIResponse(responseCode = "422", description = "batch-refused: items[] lists each refused item's index and its own problem; nothing recorded")
    public Response recordBatch(@Valid @NotNull ParticipationBatch batch, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        List<ParticipationRequest> requests = batch.requests();
        requests.stream().map(ParticipationRequest::unitCode).distinct().forEach(caller::requireUnit);
        return idempotency.once("participations-batch", key, batch, () -> {
            List<ParticipationView> recorded = participations.recordAll(requests);
            List<BatchAnswer.Created> created = new ArrayList<>(recorded.size());
            for (int i = 0; i < recorded.size(); i++) {
                created.add(new BatchAnswer.Created(i, recorded.get(i).recordId));
            }
            return Response.ok(new BatchAnswer(created.size(), created)).build();
        });
    }

    @GET
    @Operation(summary = "Records, filtered and paged (page from 0, size up to 500), newest date first; total counts every match")
    public Page list(@QueryParam("campaignId") @Size(max = InputRules.ID_MAX) String campaignId,
                     @QueryParam("unitCode") @Size(max = InputRules.ID_MAX) String unitCode,
                     @QueryParam("memberId") @Size(max = InputRules.ID_MAX) String memberId,
                     @QueryParam("year") @Parameter(description = "a year, 1945 to 2100") String yearParam,
                     @QueryParam("from") @Parameter(description = "records dated on or after this day, yyyy-MM-dd") String fromParam,
                     @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                     @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Integer year = InputRules.year("year", yearParam);
        LocalDate from = fromParam == null ? null : InputRules.date("from", fromParam);
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (campaignId != null) {
            where.add("campaignId = :campaignId");
            params.put("campaignId", campaignId);
        }
        if (unitCode != null) {
            where.add("unitCode = :unitCode");
            params.put("unitCode", unitCode);
        }
        if (memberId != null) {
            where.add("memberId = :memberId");
            params.put("memberId", memberId);
        }
        if (year != null) {
            where.add("occurredYear = :year");
            params.put("year", year);
        }
        if (from != null) {
            where.add("occurredOn >= :from");
            params.put("from", from);
        }
        String query = (where.isEmpty() ? "1 = 1" : String.join(" and ", where)) + " order by occurredOn desc, recordId";
        var found = ParticipationView.<ParticipationView>find(query, params);
        return new Page(found.page(page, size).list(), page, size, found.count());
    }

    @GET
    @Path("{recordId}")
    @Operation(summary = "One record")
    public ParticipationView get(@jakarta.ws.rs.PathParam("recordId") @Size(max = InputRules.ID_MAX) String recordId) {
        ParticipationView view = ParticipationView.findById(recordId);
        if (view == null) {
            throw new vn.thidua.kit.problem.DomainException(vn.thidua.kit.problem.DomainException.Kind.NOT_FOUND, "record-not-found",
                    "No such record", "no participation record has id " + recordId);
        }
        return view;
    }
}
