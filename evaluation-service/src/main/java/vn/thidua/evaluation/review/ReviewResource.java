package vn.thidua.evaluation.review;

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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.thidua.contract.events.AwardDecided;
import vn.thidua.kit.input.InputRules;
import vn.thidua.kit.problem.DomainException;
import vn.thidua.kit.security.Caller;
import vn.thidua.kit.security.Roles;
import vn.thidua.titles.rules.Title;

/** The year-end review's titles: proposals with their reasons, the council's ballots, the decision. */
@Path("/api/years/{year}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Danh hiệu thi đua (titles)")
@RolesAllowed(Roles.READER)
public class ReviewResource {
    private final ProposalService proposals;
    private final ReviewService review;
    private final Caller caller;

    public ReviewResource(ProposalService proposals, ReviewService review, Caller caller) {
        this.proposals = proposals;
        this.review = review;
        this.caller = caller;
    }

    /** The council's ballot on one title of one member (member id) or unit (unit code). */
    public record BallotRequest(@NotNull AwardDecided.Subject subject,
                                @NotBlank @Size(max = InputRules.ID_MAX) @Pattern(regexp = InputRules.MEMBER_ID) String subjectId,
                                @NotNull Title title,
                                @NotNull @Min(1) @Max(1000) Integer councilMembers,
                                @NotNull @Min(0) @Max(1000) Integer votesFor) {
    }

    /** A title the decision awards. */
    public record AwardRequest(@NotNull AwardDecided.Subject subject,
                               @NotBlank @Size(max = InputRules.ID_MAX) @Pattern(regexp = InputRules.MEMBER_ID) String subjectId,
                               @NotNull Title title) {
    }

    /** The decision document (số/ký hiệu, ngày ký, người ký, chức vụ) and the titles it awards. */
    public record DecisionRequest(@NotBlank @Size(max = InputRules.NUMBER_MAX) String number,
                                  @NotNull LocalDate signedOn,
                                  @NotBlank @Size(max = InputRules.NAME_MAX) String signer,
                                  @NotBlank @Size(max = InputRules.NAME_MAX) String signerPosition,
                                  @NotNull @Size(min = 1, max = 10000) List<@Valid @NotNull AwardRequest> awards) {
    }

    /** A ballot as recorded, with its result against the rule set's threshold. */
    public record BallotView(String subject, String subjectId, String title, String label, int councilMembers, int votesFor, boolean passed,
                             String result, String ruleSetVersion, String recordedBy, java.time.Instant recordedAt, Boolean replaced) {
        static BallotView of(BallotRecorded b, Boolean replaced) {
            return new BallotView(b.subject().name(), b.subjectId(), b.title(), Title.valueOf(b.title()).label(), b.councilMembers(), b.votesFor(),
                    b.passed(), b.result(), b.ruleSetVersion(), b.recordedBy(), b.recordedAt(), replaced);
        }
    }

    @GET
    @Path("proposals")
    @Operation(summary = "The titles proposed for every member and unit of the year, each criterion with its fact and citation",
            description = "Under the rule set in force on the day of the review: the close's day for a CLOSED year, today for an OPEN one (a preview).")
    @APIResponse(responseCode = "200", description = "the proposals", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProposalsView.class)))
    @APIResponse(responseCode = "422", description = "year-not-started")
    public ProposalsView proposals(@PathParam("year") @Min(InputRules.MIN_YEAR) @Max(InputRules.MAX_YEAR) int year) {
        return ProposalsView.of(proposals.review(year));
    }

    @POST
    @Path("ballots")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Record the council's ballot on one proposed title (council members, votes for); the rule set's threshold decides it",
            description = "A later ballot on the same title of the same subject replaces it until the decision.")
    @APIResponse(responseCode = "201", description = "recorded", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BallotView.class)))
    @APIResponse(responseCode = "200", description = "recorded, replacing the earlier ballot", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BallotView.class)))
    @APIResponse(responseCode = "409", description = "year-not-closed, award-already-decided")
    @APIResponse(responseCode = "422", description = "title-not-proposed, title-decided-by-province, title-not-for-subject, unknown-subject, invalid-ballot")
    public Response ballot(@PathParam("year") @Min(InputRules.MIN_YEAR) @Max(InputRules.MAX_YEAR) int year, @Valid @NotNull BallotRequest request) {
        ReviewService.BallotResult result = review.recordBallot(year, request.subject(), request.subjectId(), request.title(),
                request.councilMembers(), request.votesFor(), caller.actor());
        return Response.status(result.replaced() ? 200 : 201).entity(BallotView.of(result.ballot(), result.replaced())).build();
    }

    @GET
    @Path("ballots")
    @Operation(summary = "The council's ballots of the year")
    public List<BallotView> ballots(@PathParam("year") @Min(InputRules.MIN_YEAR) @Max(InputRules.MAX_YEAR) int year) {
        return review.ballots(year).stream().map(b -> BallotView.of(b, null)).toList();
    }

    @POST
    @Path("decision")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Record the decision (number, date, signer) awarding titles proposed and passed → AwardDecided on thidua.award.v1",
            description = "Once per year. Every title listed must be proposed and its ballot passed; otherwise nothing is recorded.")
    @APIResponse(responseCode = "201", description = "decided (AwardDecided)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AwardDecided.class)))
    @APIResponse(responseCode = "409", description = "year-not-closed, award-already-decided")
    @APIResponse(responseCode = "422", description = "title-not-proposed, ballot-missing, vote-not-passed, duplicate-award, no-awards, "
            + "title-not-for-subject, unknown-subject, event-contract-violation")
    public Response decide(@PathParam("year") @Min(InputRules.MIN_YEAR) @Max(InputRules.MAX_YEAR) int year, @Valid @NotNull DecisionRequest request) {
        AwardDecided.Decision decision = new AwardDecided.Decision(request.number(), InputRules.checkDate("signedOn", request.signedOn()),
                request.signer(), request.signerPosition());
        List<DecideAwards.Requested> awards = request.awards().stream()
                .map(a -> new DecideAwards.Requested(a.subject(), a.subjectId(), a.title().name())).toList();
        return Response.status(201).entity(review.decide(year, decision, awards, caller.actor())).build();
    }

    @GET
    @Path("decision")
    @Operation(summary = "The year's decision (AwardDecided)")
    @APIResponse(responseCode = "200", description = "the decision", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AwardDecided.class)))
    @APIResponse(responseCode = "404", description = "decision-not-found")
    public AwardDecided decision(@PathParam("year") @Min(InputRules.MIN_YEAR) @Max(InputRules.MAX_YEAR) int year) {
        return review.decision(year).orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "decision-not-found",
                "No decision for this year", "Năm " + year + " chưa có quyết định công nhận danh hiệu thi đua."));
    }
}
