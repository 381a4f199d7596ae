package vn.thidua.web.api;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import vn.thidua.web.identity.BearerHeaders;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import vn.thidua.contract.events.AppraisalCounts;
import vn.thidua.contract.events.PartitionOffset;
import vn.thidua.contract.events.ParticipationKind;

/** evaluation-service's public API (score tables, appraisals, titles), called with the signed-in person's token. */
@RegisterRestClient(configKey = "evaluation")
@RegisterProvider(ProblemMapper.class)
@RegisterClientHeaders(BearerHeaders.class)
@Path("/api")
public interface EvaluationApi {

    /** The units' table of a year. */
    record UnitsTable(int year, String status, String policyVersion, String digest, List<UnitRow> units) {
    }

    /** One unit's line. */
    record UnitRow(int rank, String unitCode, BigDecimal score, BigDecimal coverage, int collectivePoints, int rosterSize,
                   int membersWithRecords) {
    }

    /** A unit's members that year. */
    record UnitMembers(int year, String unitCode, List<UnitMember> members) {
    }

    /** One member of a unit's roster, with points under the unit and the whole year's score. */
    record UnitMember(String memberId, String fullName, int pointsInUnit, int score, int rank) {
    }

    /** A year's appraisal: open, or closed with its digest and watermark. */
    record Appraisal(int year, String status, String policyVersion, String digest, AppraisalCounts counts, long lateRecords,
                     List<PartitionOffset> watermark, String closedBy, Instant closedAt, Boolean digestMatches, Boolean closedNow,
                     Long inFlightRecords, String note) {
    }

    /** A record of a closed year that came after the close. */
    record LateRecord(String recordId, String campaignId, String unitCode, String memberId, ParticipationKind kind, LocalDate occurredOn,
                      String description) {
    }

    @GET
    @Path("scores/{year}/units")
    UnitsTable units(@PathParam("year") int year);

    @GET
    @Path("scores/{year}/units")
    @Produces("text/csv")
    byte[] unitsCsv(@PathParam("year") int year, @QueryParam("format") String format);

    @GET
    @Path("scores/{year}/units/{code}/members")
    UnitMembers unitMembers(@PathParam("year") int year, @PathParam("code") String unitCode);

    @GET
    @Path("scores/{year}/units/{code}/members")
    @Produces("text/csv")
    byte[] unitMembersCsv(@PathParam("year") int year, @PathParam("code") String unitCode, @QueryParam("format") String format);

    @GET
    @Path("appraisals/{year}")
    Appraisal appraisal(@PathParam("year") int year);

    /** Who closed is the caller of the token: no body. */
    @POST
    @Path("appraisals/{year}/close")
    Appraisal close(@PathParam("year") int year);

    @GET
    @Path("appraisals/{year}/late")
    List<LateRecord> late(@PathParam("year") int year);

    /** A year's titles as proposed: the rule set, every member's and unit's titles with each criterion's line. */
    record Proposals(int year, String status, LocalDate reviewedOn, RuleSet ruleSet, List<MemberTitles> members, List<UnitTitles> units) {
    }

    /** The rule set the proposals were made under. */
    record RuleSet(String version, String name, LocalDate effectiveFrom) {
    }

    /** One title checked: proposed or not, whether the department's council votes on it, and each criterion's line ("không đạt: … — citation"). */
    record TitleCheck(String title, String label, boolean proposed, boolean decidedByDepartment, List<Criterion> criteria) {
    }

    /** A criterion's outcome and the line people read. */
    record Criterion(String outcome, String text) {
    }

    record MemberTitles(String memberId, String fullName, List<String> units, List<TitleCheck> titles) {
    }

    record UnitTitles(String unitCode, int rosterSize, List<TitleCheck> titles, List<Criterion> warnings) {
    }

    /** The council's ballot on a title. */
    record Ballot(String subject, String subjectId, String title, String label, int councilMembers, int votesFor, boolean passed, String result) {
    }

    /** A ballot to record: who (MEMBER with a member id, UNIT with a unit code), which title, the council's size and votes for. */
    record BallotBody(String subject, String subjectId, String title, Integer councilMembers, Integer votesFor) {
    }

    /** A title a decision awards. */
    record AwardBody(String subject, String subjectId, String title) {
    }

    /** The decision document (số, ngày ký as yyyy-MM-dd, người ký, chức vụ) and the titles it awards. */
    record DecisionBody(String number, String signedOn, String signer, String signerPosition, List<AwardBody> awards) {
    }

    /** The year's decision as recorded (the fields of AwardDecided the pages show). */
    record Decision(int year, String ruleSetVersion, DecisionDocument decision, List<Award> awards, String decidedBy, Instant decidedAt) {
    }

    record DecisionDocument(String number, LocalDate signedOn, String signer, String signerPosition) {
    }

    record Award(String subject, String subjectId, String name, String title) {
    }

    @GET
    @Path("years/{year}/proposals")
    Proposals proposals(@PathParam("year") int year);

    @GET
    @Path("years/{year}/ballots")
    List<Ballot> ballots(@PathParam("year") int year);

    @POST
    @Path("years/{year}/ballots")
    @Consumes(MediaType.APPLICATION_JSON)
    Ballot recordBallot(@PathParam("year") int year, BallotBody body);

    /** The year's decision; a 404 problem (decision-not-found) while there is none. */
    @GET
    @Path("years/{year}/decision")
    Decision decision(@PathParam("year") int year);

    @POST
    @Path("years/{year}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    Decision decide(@PathParam("year") int year, DecisionBody body);

    /** A document of the year's review, by its name at {@code /api/years/{year}/documents/} (proposals.csv, proposals.xlsx, vote-record.docx, decision.docx). */
    @GET
    @Path("years/{year}/documents/{name}")
    @Produces(MediaType.WILDCARD)
    byte[] document(@PathParam("year") int year, @PathParam("name") String name);
}
