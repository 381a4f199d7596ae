package vn.thidua.evaluation.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.thidua.contract.events.AwardDecided;
import vn.thidua.evaluation.score.Csv;
import vn.thidua.kit.input.InputRules;
import vn.thidua.kit.security.Roles;
import vn.thidua.titles.proposal.MemberProposal;
import vn.thidua.titles.proposal.UnitProposal;

/** The documents people take to the council's meeting and to the archive, in Vietnamese. */
@Path("/api/years/{year}/documents")
@Tag(name = "Danh hiệu thi đua (titles)")
@RolesAllowed(Roles.READER)
public class DocumentResource {
    private final ProposalService proposals;
    private final ReviewService review;
    private final Documents documents;
    private final Clock clock;

    public DocumentResource(ProposalService proposals, ReviewService review, Documents documents, Clock clock) {
        this.proposals = proposals;
        this.review = review;
        this.documents = documents;
        this.clock = clock;
    }

    @GET
    @Path("proposals.csv")
    @Produces(Csv.MEDIA_TYPE)
    @Operation(summary = "Danh sách đề nghị: every title proposed, with its reasons (CSV, UTF-8 with BOM, formula-escaped)")
    @APIResponse(responseCode = "200", description = "the list", content = @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Response proposalsCsv(@PathParam("year") @Min(InputRules.MIN_YEAR) @Max(InputRules.MAX_YEAR) int year) {
        return Csv.of("danh-sach-de-nghi-" + year + ".csv", Documents.PROPOSAL_HEADER, Documents.proposalRows(proposals.review(year)));
    }

    @GET
    @Path("proposals.xlsx")
    @Produces(Documents.XLSX)
    @Operation(summary = "Danh sách đề nghị as a workbook laid out as an administrative document")
    @APIResponse(responseCode = "200", description = "the workbook", content = @Content(mediaType = Documents.XLSX,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response proposalsXlsx(@PathParam("year") @Min(InputRules.MIN_YEAR) @Max(InputRules.MAX_YEAR) int year) {
        return attachment(documents.proposalsXlsx(proposals.review(year)), Documents.XLSX, "danh-sach-de-nghi-" + year + ".xlsx");
    }

    @GET
    @Path("vote-record.docx")
    @Produces(Documents.DOCX)
    @Operation(summary = "Biên bản kết quả bỏ phiếu: the council's ballots of the year")
    @APIResponse(responseCode = "200", description = "the record", content = @Content(mediaType = Documents.DOCX,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response voteRecord(@PathParam("year") @Min(InputRules.MIN_YEAR) @Max(InputRules.MAX_YEAR) int year) {
        ProposalService.Review r = proposals.review(year);
        List<BallotRecorded> ballots = review.ballots(year);
        LocalDate on = ballots.stream().map(BallotRecorded::recordedAt).max(Comparator.naturalOrder())
                .map(i -> i.atZone(ProposalService.ZONE).toLocalDate()).orElseGet(() -> LocalDate.now(clock.withZone(ProposalService.ZONE)));
        return attachment(documents.voteRecordDocx(r, ballots, names(r), on), Documents.DOCX, "bien-ban-bo-phieu-" + year + ".docx");
    }

    @GET
    @Path("decision.docx")
    @Produces(Documents.DOCX)
    @Operation(summary = "Quyết định công nhận: the recorded decision, or a draft (DỰ THẢO) of the titles whose ballots passed")
    @APIResponse(responseCode = "200", description = "the decision", content = @Content(mediaType = Documents.DOCX,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response decision(@PathParam("year") @Min(InputRules.MIN_YEAR) @Max(InputRules.MAX_YEAR) int year) {
        ProposalService.Review r = proposals.review(year);
        Optional<AwardDecided> decided = review.decision(year);
        LocalDate today = LocalDate.now(clock.withZone(ProposalService.ZONE));
        byte[] doc;
        if (decided.isPresent()) {
            AwardDecided d = decided.get();
            doc = documents.decisionDocx(year, r.rules().name(), d.decision(), d.awards(), false, today);
        } else {
            Map<String, String> names = names(r);
            List<AwardDecided.Award> passed = review.ballots(year).stream().filter(BallotRecorded::passed)
                    .map(b -> new AwardDecided.Award(b.subject(), b.subjectId(), names.getOrDefault(YearReview.subjectKey(b.subject(), b.subjectId()),
                            b.subjectId()), b.title())).toList();
            doc = documents.decisionDocx(year, r.rules().name(), null, passed, true, today);
        }
        return attachment(doc, Documents.DOCX, "quyet-dinh-cong-nhan-" + year + ".docx");
    }

    private static Map<String, String> names(ProposalService.Review r) {
        Map<String, String> names = new HashMap<>();
        for (MemberProposal m : r.proposals().members()) {
            names.put(YearReview.subjectKey(AwardDecided.Subject.MEMBER, m.memberId()), m.fullName());
        }
        for (UnitProposal u : r.proposals().units()) {
            names.put(YearReview.subjectKey(AwardDecided.Subject.UNIT, u.unitCode()), u.unitCode());
        }
        return names;
    }

    private static Response attachment(byte[] body, String type, String fileName) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }
}
