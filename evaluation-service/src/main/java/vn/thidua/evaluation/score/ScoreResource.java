package vn.thidua.evaluation.score;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.thidua.kit.input.InputRules;
import vn.thidua.kit.problem.DomainException;
import vn.thidua.kit.security.Roles;
import vn.thidua.scoring.ScoreTable;

/** The year's score tables: units, the members of a unit, one member with the records that made the score. */
@Singleton
@Path("/api/scores/{year}")
@Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
@Tag(name = "Kết quả thi đua (scores)")
@RolesAllowed(Roles.READER)
public class ScoreResource {
    private final ScoreService scores;
    private final ObjectMapper json;

    public ScoreResource(ScoreService scores, ObjectMapper json) {
        this.scores = scores;
        this.json = json;
    }

    /**
     * The units' table; {@code digestCurrent} is false while records are arriving, the digest then
     * being of the table as it stood a moment before.
     */
    public record UnitsTable(int year, String status, String policyVersion, String digest, boolean digestCurrent, List<UnitRow> units) {
    }

    /** One unit's line: score and coverage as in the digest and the CSV, decimal strings with two places (DECISIONS 33). */
    public record UnitRow(int rank, String unitCode,
                          @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, pattern = DECIMAL_2, examples = "17.33") String score,
                          @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, pattern = DECIMAL_2, examples = "0.83") String coverage,
                          int collectivePoints, int rosterSize, int membersWithRecords) {
        static UnitRow of(ScoreTable.UnitScore u) {
            return new UnitRow(u.rank(), u.unitCode(), u.score().toPlainString(), u.coverage().toPlainString(), u.collectivePoints(),
                    u.rosterSize(), u.membersWithRecords());
        }
    }

    private static final String DECIMAL_2 = "^[0-9]+\\.[0-9]{2}$";

    /** A unit's members: their points under the unit and their score for the year. */
    public record UnitMembers(int year, String unitCode, List<UnitMember> members) {
    }

    /** One member of a unit's roster. */
    public record UnitMember(String memberId, String fullName, int pointsInUnit, int score, int rank) {
    }

    /** A member's score and the records that made it. */
    public record MemberDetail(int year, String status, String memberId, String fullName, int score, int rank,
                               List<ScoreTable.CountedRecord> records) {
    }

    @GET
    @Path("units")
    @Operation(summary = "The units ranked by score, then coverage, then code (?format=csv for a spreadsheet)")
    @APIResponse(responseCode = "200", description = "the table (text/csv with ?format=csv)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitsTable.class)), @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    public Response units(@PathParam("year") @Min(InputRules.MIN_YEAR) @Max(InputRules.MAX_YEAR) int year, @QueryParam("format") String format) {
        ScoreService.Units current = scores.units(year);
        Answered answer = answerOf(year, current);
        if ("csv".equalsIgnoreCase(format)) {
            return Csv.of("diem-thi-dua-don-vi-" + year + ".csv",
                    List.of("Hạng", "Mã đơn vị", "Điểm", "Tỷ lệ tham gia", "Điểm tập thể", "Số người", "Số người có kết quả"),
                    answer.table().units().stream().map(r -> List.<Object>of(r.rank(), r.unitCode(), r.score(), r.coverage(), r.collectivePoints(),
                            r.rosterSize(), r.membersWithRecords())).toList());
        }
        return Response.ok(answer.json(), MediaType.APPLICATION_JSON).build();
    }

    /**
     * The table last answered, as JSON too, and the lines it was made of. ScoreService gives the same
     * (immutable) list of lines again while the year's version stays, so while the lines and the
     * digest stay a read answers the same bytes (under the bench's load, writing answers as JSON was
     * 9% of the service's sampled CPU, JFR; these 500 lines are the largest answer read often).
     */
    private record Answered(List<ScoreTable.UnitScore> lines, UnitsTable table, byte[] json) {
        boolean answers(int year, ScoreService.Units current) {
            return lines == current.units() && table.year() == year && table.status().equals(current.head().status())
                    && table.policyVersion().equals(current.head().policyVersion()) && table.digest().equals(current.digest())
                    && table.digestCurrent() == current.digestCurrent();
        }
    }

    private volatile Answered lastAnswered;

    private Answered answerOf(int year, ScoreService.Units current) {
        Answered last = lastAnswered;
        if (last != null && last.answers(year, current)) {
            return last;
        }
        List<UnitRow> rows = last != null && last.lines() == current.units() ? last.table().units()
                : current.units().stream().map(UnitRow::of).toList();
        UnitsTable table = new UnitsTable(year, current.head().status(), current.head().policyVersion(), current.digest(), current.digestCurrent(),
                rows);
        try {
            Answered answer = new Answered(current.units(), table, json.writeValueAsBytes(table));
            lastAnswered = answer;
            return answer;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the units' table could not be written as JSON", e);
        }
    }

    @GET
    @Path("units/{code}/members")
    @Operation(summary = "The members on a unit's roster in the year, with their points under the unit (?format=csv)")
    @APIResponse(responseCode = "200", description = "the unit's members (text/csv with ?format=csv)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitMembers.class)), @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = "unit-not-scored")
    public Response unitMembers(@PathParam("year") @Min(InputRules.MIN_YEAR) @Max(InputRules.MAX_YEAR) int year, @PathParam("code") @Pattern(regexp = InputRules.UNIT_CODE, message = "must be a unit code such as TTR") String code,
                                @QueryParam("format") String format) {
        scores.year(year);
        List<UnitMember> members = scores.roster(year, code).stream()
                .map(m -> new UnitMember(m.memberId(), m.fullName(), m.pointsInUnit(), m.score(), m.rank())).toList();
        if (members.isEmpty() && scores.units(year).units().stream().noneMatch(u -> u.unitCode().equals(code))) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "unit-not-scored", "The unit has no score this year",
                    "unit " + code + " has no roster, campaign or record in " + year);
        }
        if ("csv".equalsIgnoreCase(format)) {
            return Csv.of("diem-thi-dua-" + code + "-" + year + ".csv",
                    List.of("Hạng", "Mã cán bộ", "Họ và tên", "Điểm tại đơn vị", "Điểm cả năm"),
                    members.stream().map(m -> List.<Object>of(m.rank(), m.memberId(), m.fullName(), m.pointsInUnit(), m.score())).toList());
        }
        return Response.ok(new UnitMembers(year, code, members), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("members/{memberId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A member's score and rank, with the records that made it")
    @APIResponse(responseCode = "200", description = "the member's score", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberDetail.class)))
    @APIResponse(responseCode = "404", description = "member-not-scored")
    public MemberDetail member(@PathParam("year") @Min(InputRules.MIN_YEAR) @Max(InputRules.MAX_YEAR) int year, @PathParam("memberId") @Pattern(regexp = InputRules.MEMBER_ID, message = "letters, digits, '.', '_' or '-'") String memberId) {
        ScoreService.Member found = scores.member(year, memberId).orElseThrow(() ->
                new DomainException(DomainException.Kind.NOT_FOUND, "member-not-scored", "The member has no score this year",
                        "member " + memberId + " was on no unit's roster in " + year));
        ScoreTable.MemberScore m = found.line();
        return new MemberDetail(year, found.head().status(), memberId, m.fullName(), m.score(), m.rank(), found.counted());
    }
}
