package vn.thidua.participation.personnel;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.thidua.contract.events.Rating;
import vn.thidua.kit.idempotency.IdempotencyKeys;
import vn.thidua.kit.input.InputRules;
import vn.thidua.kit.security.Caller;
import vn.thidua.kit.security.Roles;

/**
 * The ratings (xếp loại chất lượng) of a unit and of its members, per year.
 * Each write emits its event on {@code thidua.personnel.v1}; the same fact again emits nothing
 * ({@code changed: false}); another value is a correction (the last one counts). One of the year-end
 * review's inputs a unit records (issue 19). A resource of its own per input, not one under
 * {@code /api/units/{code}}: that would hide the roster's 405s behind 404s.
 */
@Path("/api/units/{code}/ratings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Xếp loại, kỷ luật, tuyển dụng (review inputs)")
@RolesAllowed(Roles.READER)
public class RatingResource {
    private final PersonnelService personnel;
    private final IdempotencyKeys idempotency;
    private final Caller caller;

    public RatingResource(PersonnelService personnel, IdempotencyKeys idempotency, Caller caller) {
        this.personnel = personnel;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    /** A rating (xếp loại chất lượng) for a year. */
    public record RatingRequest(@NotNull Rating rating) {
    }

    /** A unit's ratings of a year: its own, each member's on its roster that year, and the share of excellent ratings. */
    public record YearRatings(String unitCode, int year, Rating rating, List<PersonnelService.RatedMember> members, ExcellentShare excellentShare,
                              List<ExcellentShare.Warning> warnings) {
    }

    @PUT
    @Path("{year}")
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
    public Response rateUnit(@PathParam("code") @Pattern(regexp = InputRules.UNIT_CODE, message = PersonnelRequests.UNIT_MESSAGE) String code,
                             @PathParam("year") @Min(InputRules.MIN_YEAR) @Max(InputRules.MAX_YEAR) int year,
                             @Valid @NotNull RatingRequest request, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        caller.requireUnit(code);
        return idempotency.once("unit-ratings", key, new PersonnelRequests.Keyed(code, Integer.toString(year), request),
                () -> Response.ok(personnel.rateUnit(code, year, request.rating())).build());
    }

    @PUT
    @Path("{year}/members/{memberId}")
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
    public Response rateMember(@PathParam("code") @Pattern(regexp = InputRules.UNIT_CODE, message = PersonnelRequests.UNIT_MESSAGE) String code,
                               @PathParam("year") @Min(InputRules.MIN_YEAR) @Max(InputRules.MAX_YEAR) int year,
                               @PathParam("memberId") @Pattern(regexp = InputRules.MEMBER_ID, message = PersonnelRequests.MEMBER_MESSAGE) String memberId,
                               @Valid @NotNull RatingRequest request, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        caller.requireUnit(code);
        return idempotency.once("member-ratings", key, new PersonnelRequests.Keyed(code, year + "/" + memberId, request),
                () -> Response.ok(personnel.rateMember(code, memberId, year, request.rating())).build());
    }

    @GET
    @Path("{year}")
    @Operation(summary = "The unit's ratings of a year: its own, its members' (everyone on its roster that year) and the excellent share")
    @APIResponse(responseCode = "200", description = "the ratings (null: not rated)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = YearRatings.class)))
    public YearRatings ratings(@PathParam("code") @Pattern(regexp = InputRules.UNIT_CODE, message = PersonnelRequests.UNIT_MESSAGE) String code,
                               @PathParam("year") @Min(InputRules.MIN_YEAR) @Max(InputRules.MAX_YEAR) int year) {
        ExcellentShare share = personnel.share(code, year);
        return new YearRatings(code, year, personnel.unitRating(code, year), personnel.ratedMembers(code, year), share, share.warnings(code, year));
    }
}
