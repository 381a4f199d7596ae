package vn.thidua.participation.personnel;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.thidua.kit.idempotency.IdempotencyKeys;
import vn.thidua.kit.input.InputRules;
import vn.thidua.kit.security.Caller;
import vn.thidua.kit.security.Roles;

/**
 * The recruitment dates (ngày tuyển dụng) of a unit's members: each the member's own, kept across moves.
 * Each write emits its event on {@code thidua.personnel.v1}; the same fact again emits nothing
 * ({@code changed: false}); another value is a correction (the last one counts). One of the year-end
 * review's inputs a unit records (issue 19). A resource of its own per input, not one under
 * {@code /api/units/{code}}: that would hide the roster's 405s behind 404s.
 */
@Path("/api/units/{code}/recruitments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Xếp loại, kỷ luật, tuyển dụng (review inputs)")
@RolesAllowed(Roles.READER)
public class RecruitmentResource {
    private final PersonnelService personnel;
    private final IdempotencyKeys idempotency;
    private final Caller caller;

    public RecruitmentResource(PersonnelService personnel, IdempotencyKeys idempotency, Caller caller) {
        this.personnel = personnel;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    /** The day a member was recruited (ngày tuyển dụng). */
    public record RecruitmentRequest(@NotNull LocalDate recruitedOn) {
    }

    @PUT
    @Path("{memberId}")
    @RolesAllowed({Roles.OFFICER, Roles.UNIT_HEAD})
    @Operation(summary = "Record the day a member of the unit was recruited (MemberRecruited)",
            description = "The date belongs to the member and follows them to other units; it is not the roster's join date. The member "
                    + "must be, or have been, on the unit's roster. Another date is a correction (the last one counts). 200 with changed. "
                    + "Honours Idempotency-Key.")
    @APIResponse(responseCode = "200", description = "recorded, or already so", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PersonnelService.RecruitmentRecorded.class)))
    @APIResponse(responseCode = "409", description = "unit-not-notified (retry), idempotency-key-reused")
    @APIResponse(responseCode = "422", description = "member-not-on-roster, year-closed, event-contract-violation")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecruitmentRequest.class),
            examples = @ExampleObject(name = "recruited in 2015", value = "{\"recruitedOn\": \"2015-08-03\"}")))
    public Response recordRecruitment(@PathParam("code") @Pattern(regexp = InputRules.UNIT_CODE, message = PersonnelRequests.UNIT_MESSAGE) String code,
                                      @PathParam("memberId") @Pattern(regexp = InputRules.MEMBER_ID, message = PersonnelRequests.MEMBER_MESSAGE) String memberId,
                                      @Valid @NotNull RecruitmentRequest request, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        caller.requireUnit(code);
        return idempotency.once("recruitments", key, new PersonnelRequests.Keyed(code, memberId, request),
                () -> Response.ok(personnel.recordRecruitment(code, memberId, request.recruitedOn())).build());
    }

    @GET
    @Operation(summary = "The members on the unit's roster in a year and the day each was recruited (null: not recorded)")
    @APIResponse(responseCode = "200", description = "the members, by id", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PersonnelService.Recruitment.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    public List<PersonnelService.Recruitment> recruitments(
            @PathParam("code") @Pattern(regexp = InputRules.UNIT_CODE, message = PersonnelRequests.UNIT_MESSAGE) String code,
            @QueryParam("year") @Parameter(description = "a year, 1945 to 2100", required = true) String year) {
        return personnel.recruitments(code, PersonnelRequests.requiredYear(year));
    }
}
