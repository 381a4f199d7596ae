package vn.thidua.participation.personnel;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import vn.thidua.contract.Text;
import vn.thidua.contract.events.DisciplineLevel;
import vn.thidua.contract.events.Rating;
import vn.thidua.kit.idempotency.IdempotencyKeys;
import vn.thidua.kit.input.InputRules;
import vn.thidua.kit.input.InvalidInputException;
import vn.thidua.kit.security.Caller;
import vn.thidua.kit.security.Roles;

/**
 * The year-end review's inputs a unit records (issue 19): the ratings of its members and of itself,
 * disciplines, recruitment dates. Each write emits its event on {@code thidua.personnel.v1}; the same
 * fact again emits nothing ({@code changed: false}); another value is a correction (the last counts).
 */
@Path("/api/units/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Xếp loại, kỷ luật, tuyển dụng (review inputs)")
@RolesAllowed(Roles.READER)
public class PersonnelResource {
    private static final String UNIT_MESSAGE = "must be a unit code such as TTR";
    private static final String MEMBER_MESSAGE = "letters, digits, '.', '_' or '-'";

    private final PersonnelService personnel;
    private final IdempotencyKeys idempotency;
    private final Caller caller;

    public PersonnelResource(PersonnelService personnel, IdempotencyKeys idempotency, Caller caller) {
        this.personnel = personnel;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    /** A rating (xếp loại chất lượng) for a year. */
    public record RatingRequest(@NotNull Rating rating) {
    }

    /** A discipline (kỷ luật): the member, the decision's number, its form, first and last day in force (to null: still in force). */
    public record DisciplineRequest(@NotNull @Pattern(regexp = InputRules.MEMBER_ID, message = MEMBER_MESSAGE) String memberId,
                                    @NotBlank @Size(max = InputRules.NUMBER_MAX) String decisionNumber, @NotNull DisciplineLevel level,
                                    @NotNull LocalDate from, LocalDate to) {
    }

    /** The day a member was recruited (ngày tuyển dụng). */
    public record RecruitmentRequest(@NotNull LocalDate recruitedOn) {
    }

    /** A unit's ratings of a year: its own, each member's on its roster that year, and the share of excellent ratings. */
    public record YearRatings(String unitCode, int year, Rating rating, List<PersonnelService.RatedMember> members, ExcellentShare excellentShare,
                              List<ExcellentShare.Warning> warnings) {
    }

    /** Answers a write once per Idempotency-Key: the key covers the path and the body. */
    private record Keyed(String unitCode, String target, Object body) {
    }

    @PUT
    @Path("ratings/{year}")
    @RolesAllowed({Roles.OFFICER, Roles.UNIT_HEAD})
    @Operation(summary = "Record the unit's rating for a year (UnitRated)",
            description = "200 with changed: true and UnitRated, or changed: false when it already was so; another rating is a correction "
                    + "(the last one counts). warnings: the unit's share of excellent members if above the limit. Honours Idempotency-Key.")
    @APIResponse(responseCode = "200", description = "recorded, or already so", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PersonnelService.UnitRating.class)))
    @APIResponse(responseCode = "409", description = "unit-not-notified (retry), idempotency-key-reused")
    @APIResponse(responseCode = "422", description = "year-closed, event-contract-violation")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RatingRequest.class),
            examples = @ExampleObject(name = "a unit rated good", value = "{\"rating\": \"GOOD\"}")))
    public Response rateUnit(@PathParam("code") @Pattern(regexp = InputRules.UNIT_CODE, message = UNIT_MESSAGE) String code,
                             @PathParam("year") @Min(InputRules.MIN_YEAR) @Max(InputRules.MAX_YEAR) int year,
                             @Valid @NotNull RatingRequest request, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        caller.requireUnit(code);
        return idempotency.once("unit-ratings", key, new Keyed(code, Integer.toString(year), request),
                () -> Response.ok(personnel.rateUnit(code, year, request.rating())).build());
    }

    @PUT
    @Path("ratings/{year}/members/{memberId}")
    @RolesAllowed({Roles.OFFICER, Roles.UNIT_HEAD})
    @Operation(summary = "Record a member's rating for a year (MemberRated)",
            description = "The member must have been on the unit's roster on a day of the year. 200 with changed: true and MemberRated, or "
                    + "changed: false when it already was so; another rating is a correction (the last one counts, whatever its unit). "
                    + "warnings: excellent-share-above-limit when the unit's excellent members exceed 20% of those rated good or better "
                    + "(25% if the unit is rated excellent): recorded all the same. Honours Idempotency-Key.")
    @APIResponse(responseCode = "200", description = "recorded, or already so; with the unit's warnings", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonnelService.MemberRating.class)))
    @APIResponse(responseCode = "409", description = "unit-not-notified (retry), idempotency-key-reused")
    @APIResponse(responseCode = "422", description = "member-not-on-roster, year-closed, event-contract-violation")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RatingRequest.class),
            examples = @ExampleObject(name = "a member rated excellent", value = "{\"rating\": \"EXCELLENT\"}")))
    public Response rateMember(@PathParam("code") @Pattern(regexp = InputRules.UNIT_CODE, message = UNIT_MESSAGE) String code,
                               @PathParam("year") @Min(InputRules.MIN_YEAR) @Max(InputRules.MAX_YEAR) int year,
                               @PathParam("memberId") @Pattern(regexp = InputRules.MEMBER_ID, message = MEMBER_MESSAGE) String memberId,
                               @Valid @NotNull RatingRequest request, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        caller.requireUnit(code);
        return idempotency.once("member-ratings", key, new Keyed(code, year + "/" + memberId, request),
                () -> Response.ok(personnel.rateMember(code, memberId, year, request.rating())).build());
    }

    @GET
    @Path("ratings/{year}")
    @Operation(summary = "The unit's ratings of a year: its own, its members' (everyone on its roster that year) and the excellent share")
    @APIResponse(responseCode = "200", description = "the ratings (null: not rated)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = YearRatings.class)))
    public YearRatings ratings(@PathParam("code") @Pattern(regexp = InputRules.UNIT_CODE, message = UNIT_MESSAGE) String code,
                               @PathParam("year") @Min(InputRules.MIN_YEAR) @Max(InputRules.MAX_YEAR) int year) {
        ExcellentShare share = personnel.share(code, year);
        return new YearRatings(code, year, personnel.unitRating(code, year), personnel.ratedMembers(code, year), share, share.warnings(code, year));
    }

    @POST
    @Path("disciplines")
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
    public Response recordDiscipline(@PathParam("code") @Pattern(regexp = InputRules.UNIT_CODE, message = UNIT_MESSAGE) String code,
                                     @Valid @NotNull DisciplineRequest request, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        caller.requireUnit(code);
        String number = Text.nfc(request.decisionNumber().strip());
        return idempotency.once("disciplines", key, new Keyed(code, "", request), () -> Response.ok(personnel.recordDiscipline(code,
                request.memberId(), number, request.level(), request.from(), request.to())).build());
    }

    @GET
    @Path("disciplines")
    @Operation(summary = "Disciplines in force on a day of the year of the members on the unit's roster that year")
    @APIResponse(responseCode = "200", description = "the disciplines, by member and start", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PersonnelService.DisciplineInForce.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    public List<PersonnelService.DisciplineInForce> disciplines(
            @PathParam("code") @Pattern(regexp = InputRules.UNIT_CODE, message = UNIT_MESSAGE) String code,
            @QueryParam("year") @Parameter(description = "a year, 1945 to 2100", required = true) String year) {
        return personnel.disciplines(code, requiredYear(year));
    }

    @PUT
    @Path("recruitments/{memberId}")
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
    public Response recordRecruitment(@PathParam("code") @Pattern(regexp = InputRules.UNIT_CODE, message = UNIT_MESSAGE) String code,
                                      @PathParam("memberId") @Pattern(regexp = InputRules.MEMBER_ID, message = MEMBER_MESSAGE) String memberId,
                                      @Valid @NotNull RecruitmentRequest request, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        caller.requireUnit(code);
        return idempotency.once("recruitments", key, new Keyed(code, memberId, request),
                () -> Response.ok(personnel.recordRecruitment(code, memberId, request.recruitedOn())).build());
    }

    @GET
    @Path("recruitments")
    @Operation(summary = "The members on the unit's roster in a year and the day each was recruited (null: not recorded)")
    @APIResponse(responseCode = "200", description = "the members, by id", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PersonnelService.Recruitment.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    public List<PersonnelService.Recruitment> recruitments(
            @PathParam("code") @Pattern(regexp = InputRules.UNIT_CODE, message = UNIT_MESSAGE) String code,
            @QueryParam("year") @Parameter(description = "a year, 1945 to 2100", required = true) String year) {
        return personnel.recruitments(code, requiredYear(year));
    }

    private static int requiredYear(String value) {
        Integer year = InputRules.year("year", value);
        if (year == null) {
            throw new InvalidInputException("year", "is required: a year from " + InputRules.MIN_YEAR + " to " + InputRules.MAX_YEAR);
        }
        return year;
    }
}
