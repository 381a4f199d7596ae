package vn.thidua.participation.roster;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.thidua.contract.Text;
import vn.thidua.kit.problem.DomainException;
import vn.thidua.participation.catalog.CampaignCatalog;
import vn.thidua.kit.input.InputRules;
import vn.thidua.kit.security.Caller;
import vn.thidua.kit.security.Roles;

/** A unit's roster: who is on it, when. */
@Path("/api/units/{code}/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Danh sách CCVC và NLĐ (rosters)")
@RolesAllowed(Roles.READER)
public class RosterResource {
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final CommandGateway commands;
    private final Clock clock;
    private final CampaignCatalog catalog;
    private final Caller caller;

    public RosterResource(CommandGateway commands, Clock clock, CampaignCatalog catalog, Caller caller) {
        this.commands = commands;
        this.clock = clock;
        this.catalog = catalog;
        this.caller = caller;
    }

    /** A member joining: name, position (chức vụ), first day on the roster. */
    public record JoinRequest(@NotBlank @Size(max = InputRules.NAME_MAX) String fullName, @Size(max = InputRules.NAME_MAX) String position, @NotNull LocalDate fromDate) {
    }

    /** A member leaving: the first day off the roster. */
    public record LeaveRequest(@NotNull LocalDate date) {
    }

    /** One member on the roster. */
    public record Member(String memberId, String fullName, String position, LocalDate joinedOn, LocalDate leftOn) {
        static Member of(MembershipView v) {
            return new Member(v.memberId, v.fullName, v.position, v.joinedOn, v.leftOn);
        }
    }

    @PUT
    @RolesAllowed({Roles.OFFICER, Roles.UNIT_HEAD})
    @Path("{memberId}")
    @Operation(summary = "Put a member on the unit's roster (idempotent)",
            description = "201 and MemberJoinedUnit when the member joins; 200 when already on the roster with the same details; "
                    + "409 when on the roster with other details (leave first); 409 unit-not-notified (retry) while no campaign sent to the unit is known.")
    @APIResponse(responseCode = "201", description = "joined (MemberJoinedUnit)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Member.class)))
    @APIResponse(responseCode = "200", description = "already on the roster with the same details", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Member.class)))
    @APIResponse(responseCode = "409", description = "member-already-on-roster: on the roster with other details (leave first); unit-not-notified: no campaign sent to the unit is known yet (retry)")
    @APIResponse(responseCode = "422", description = "overlapping-membership, event-contract-violation")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = JoinRequest.class),
            examples = @org.eclipse.microprofile.openapi.annotations.media.ExampleObject(name = "a civil servant joins", value = "{\"fullName\": \"Nguyễn Thị Thu Hà\", \"position\": \"Chánh Thanh tra\", \"fromDate\": \"2023-01-01\"}")))
    public Response join(@PathParam("code") @Pattern(regexp = InputRules.UNIT_CODE, message = "must be a unit code such as TTR") String code,
                         @PathParam("memberId") @Pattern(regexp = InputRules.MEMBER_ID, message = "letters, digits, '.', '_' or '-'") String memberId,
                         @Valid @NotNull JoinRequest request, @Context UriInfo uri) {
        caller.requireUnit(code);
        catalog.requireNotified(code);
        String position = request.position() == null || request.position().isBlank() ? null : Text.nfc(request.position().strip());
        RosterChange change = commands.sendAndWait(new JoinUnit(UnitRoster.idOf(code), code, memberId,
                Text.nfc(request.fullName().strip()), position, request.fromDate()));
        Member member = new Member(memberId, Text.nfc(request.fullName().strip()), position, request.fromDate(), null);
        return change == RosterChange.CHANGED ? Response.created(uri.getAbsolutePath()).entity(member).build() : Response.ok(member).build();
    }

    @POST
    @RolesAllowed({Roles.OFFICER, Roles.UNIT_HEAD})
    @Path("{memberId}/leave")
    @Operation(summary = "Take a member off the unit's roster",
            description = "date is the first day off the roster. 200 and MemberLeftUnit; 200 and no event when already left on that date.")
    @APIResponse(responseCode = "200", description = "left (MemberLeftUnit), or had already left on that date (changed: false)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LeaveAnswer.class)))
    @APIResponse(responseCode = "409", description = "unit-not-notified: no campaign sent to the unit is known yet (retry)")
    @APIResponse(responseCode = "422", description = "member-not-on-roster, leave-before-join, event-contract-violation")
    public Response leave(@PathParam("code") @Pattern(regexp = InputRules.UNIT_CODE, message = "must be a unit code such as TTR") String code,
                          @PathParam("memberId") @Pattern(regexp = InputRules.MEMBER_ID, message = "letters, digits, '.', '_' or '-'") String memberId,
                          @Valid @NotNull LeaveRequest request) {
        caller.requireUnit(code);
        catalog.requireNotified(code);
        try {
            RosterChange change = commands.sendAndWait(new LeaveUnit(UnitRoster.idOf(code), code, memberId, request.date()));
            return Response.ok(new LeaveAnswer(code, memberId, request.date(), change == RosterChange.CHANGED)).build();
        } catch (AggregateNotFoundException e) {
            throw new DomainException(DomainException.Kind.RULE_BROKEN, "member-not-on-roster", "The member is not on the roster",
                    "unit " + code + " has no roster yet, so member " + memberId + " is not on it");
        }
    }

    /** What a leave did. */
    public record LeaveAnswer(String unitCode, String memberId, LocalDate leftOn, boolean changed) {
    }

    @GET
    @Operation(summary = "Members on the roster on a day (default: today in Asia/Ho_Chi_Minh)")
    public List<Member> members(@PathParam("code") @Pattern(regexp = InputRules.UNIT_CODE, message = "must be a unit code such as TTR") String code,
                                @QueryParam("on") String on) {
        LocalDate day = on == null || on.isBlank() ? LocalDate.now(clock.withZone(VIETNAM)) : InputRules.date("on", on);
        return MembershipView.onRoster(code, day).stream().map(Member::of).toList();
    }
}
