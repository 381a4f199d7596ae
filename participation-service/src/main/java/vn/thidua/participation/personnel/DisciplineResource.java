package vn.thidua.participation.personnel;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import vn.thidua.contract.Text;
import vn.thidua.contract.events.DisciplineLevel;
import vn.thidua.kit.idempotency.IdempotencyKeys;
import vn.thidua.kit.input.InputRules;
import vn.thidua.kit.security.Caller;
import vn.thidua.kit.security.Roles;

/**
 * The disciplines (kỷ luật) of a unit's members.
 * Each write emits its event on {@code thidua.personnel.v1}; the same fact again emits nothing
 * ({@code changed: false}); another value is a correction (the last one counts). One of the year-end
 * review's inputs a unit records (issue 19). A resource of its own per input, not one under
 * {@code /api/units/{code}}: that would hide the roster's 405s behind 404s.
 */
@Path("/api/units/{code}/disciplines")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Xếp loại, kỷ luật, tuyển dụng (review inputs)")
@RolesAllowed(Roles.READER)
public class DisciplineResource {
    private final PersonnelService personnel;
    private final IdempotencyKeys idempotency;
    private final Caller caller;

    public DisciplineResource(PersonnelService personnel, IdempotencyKeys idempotency, Caller caller) {
        this.personnel = personnel;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    /** A discipline (kỷ luật): the member, the decision's number, its form, first and last day in force (to null: still in force). */
    public record DisciplineRequest(@NotNull @Pattern(regexp = InputRules.MEMBER_ID, message = PersonnelRequests.MEMBER_MESSAGE) String memberId,
                                    @NotBlank @Size(max = InputRules.NUMBER_MAX) String decisionNumber, @NotNull DisciplineLevel level,
                                    @NotNull LocalDate from, LocalDate to) {
    }

    @POST
    @RolesAllowed({Roles.OFFICER, Roles.UNIT_HEAD})
    @Operation(summary = "Record a discipline of a member of the unit (MemberDisciplined)",
            description = "The member must have been on the unit's roster on a day the discipline is in force; to ≥ from (to null: still "
                    + "in force). The same decision number again with other values is a correction (the last one counts). 200 with changed. "
                    + "Honours Idempotency-Key.")
    @APIResponse(responseCode = "200", description = "recorded, or already so", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PersonnelService.DisciplineRecorded.class)))
    @APIResponse(responseCode = "409", description = "unit-not-notified (retry), idempotency-key-reused")
    @APIResponse(responseCode = "422", description = "discipline-ends-before-it-starts, member-not-on-roster, year-closed, event-contract-violation")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisciplineRequest.class),
            examples = @ExampleObject(name = "a reprimand for a year", value = "{\"memberId\": \"CB-TTR-01\", \"decisionNumber\": \"12/QĐ-SKHCN\", "
                    + "\"level\": \"REPRIMAND\", \"from\": \"2023-03-01\", \"to\": \"2024-02-29\"}")))
    public Response recordDiscipline(@PathParam("code") @Pattern(regexp = InputRules.UNIT_CODE, message = PersonnelRequests.UNIT_MESSAGE) String code,
                                     @Valid @NotNull DisciplineRequest request, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        caller.requireUnit(code);
        String number = Text.nfc(request.decisionNumber().strip());
        return idempotency.once("disciplines", key, new PersonnelRequests.Keyed(code, "", request), () -> Response.ok(personnel.recordDiscipline(code,
                request.memberId(), number, request.level(), request.from(), request.to())).build());
    }

    @GET
    @Operation(summary = "Disciplines in force on a day of the year of the members on the unit's roster that year")
    @APIResponse(responseCode = "200", description = "the disciplines, by member and start", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PersonnelService.DisciplineInForce.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    public List<PersonnelService.DisciplineInForce> disciplines(
            @PathParam("code") @Pattern(regexp = InputRules.UNIT_CODE, message = PersonnelRequests.UNIT_MESSAGE) String code,
            @QueryParam("year") @Parameter(description = "a year, 1945 to 2100", required = true) String year) {
        return personnel.disciplines(code, PersonnelRequests.requiredYear(year));
    }
}
