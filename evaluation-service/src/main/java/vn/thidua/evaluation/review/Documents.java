package vn.thidua.evaluation.review;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import vn.thidua.contract.Text;
import vn.thidua.contract.events.AwardDecided;
import vn.thidua.titles.proposal.CriterionResult;
import vn.thidua.titles.proposal.MemberProposal;
import vn.thidua.titles.proposal.TitleProposal;
import vn.thidua.titles.proposal.UnitProposal;
import vn.thidua.titles.rules.Title;

/**
 * The review's documents in Vietnamese, laid out as administrative documents (Quốc hiệu, tiêu ngữ,
 * tên cơ quan, số/ký hiệu, địa danh và ngày tháng, người ký): the proposal list (danh sách đề nghị)
 * as rows for CSV and as XLSX, the vote record (biên bản kết quả bỏ phiếu) and the decision (quyết
 * định công nhận, a draft until it is recorded) as DOCX. Every text is NFC.
 */
@ApplicationScoped
public class Documents {
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";
    static final List<String> PROPOSAL_HEADER = List.of("STT", "Mã", "Họ và tên / Tập thể", "Đơn vị", "Danh hiệu đề nghị", "Căn cứ");

    private final ReviewSettings settings;

    public Documents(ReviewSettings settings) {
        this.settings = settings;
    }

    /** "Thái Nguyên, ngày 05 tháng 01 năm 2026". */
    String placeAndDate(LocalDate day) {
        return String.format("%s, ngày %02d tháng %02d năm %d", settings.place(), day.getDayOfMonth(), day.getMonthValue(), day.getYear());
    }

    /** One row per title proposed (eligible), members first then units, each with the criteria that make it so. */
    static List<List<Object>> proposalRows(ProposalService.Review review) {
        List<List<Object>> rows = new ArrayList<>();
        for (MemberProposal m : review.proposals().members()) {
            for (TitleProposal t : m.titles()) {
                if (t.proposed()) {
                    rows.add(new ArrayList<>(List.of(rows.size() + 1, m.memberId(), m.fullName(), String.join(", ", m.units()), t.title().label(),
                            reasons(t))));
                }
            }
        }
        for (UnitProposal u : review.proposals().units()) {
            for (TitleProposal t : u.titles()) {
                if (t.proposed()) {
                    rows.add(new ArrayList<>(List.of(rows.size() + 1, u.unitCode(), "Tập thể " + u.unitCode(), u.unitCode(), t.title().label(), reasons(t))));
                }
            }
        }
        return rows;
    }

    private static String reasons(TitleProposal t) {
        return t.criteria().stream().map(CriterionResult::text).collect(Collectors.joining("; "));
    }

    /** The proposal list as a workbook: the document's heading, the table, the signature block. */
    public byte[] proposalsXlsx(ProposalService.Review review) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.createSheet("Danh sách đề nghị");
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle centred = book.createCellStyle();
            centred.cloneStyleFrom(bold);
            centred.setAlignment(HorizontalAlignment.CENTER);
            int r = 0;
            r = heading(sheet, centred, r, settings.parentAgency(), NATION);
            r = heading(sheet, centred, r, settings.agency(), MOTTO);
            r = heading(sheet, null, r, "", placeAndDate(review.reviewedOn()));
            r++;
            merged(sheet, centred, r++, "DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU THI ĐUA NĂM " + review.year());
            merged(sheet, null, r++, "(Theo " + review.rules().name() + ", bộ tiêu chí " + review.rules().version() + ")");
            r++;
            XSSFRow header = sheet.createRow(r++);
            for (int i = 0; i < PROPOSAL_HEADER.size(); i++) {
                header.createCell(i).setCellValue(PROPOSAL_HEADER.get(i));
                header.getCell(i).setCellStyle(bold);
            }
            for (List<Object> row : proposalRows(review)) {
                XSSFRow line = sheet.createRow(r++);
                for (int i = 0; i < row.size(); i++) {
                    if (row.get(i) instanceof Number n) {
                        line.createCell(i).setCellValue(n.doubleValue());
                    } else {
                        line.createCell(i).setCellValue(Text.nfc(String.valueOf(row.get(i))));
                    }
                }
            }
            r++;
            sheet.createRow(r).createCell(4).setCellValue("NGƯỜI LẬP DANH SÁCH");
            sheet.getRow(r).getCell(4).setCellStyle(centred);
            int[] widths = {6, 12, 28, 14, 30, 100};
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int heading(XSSFSheet sheet, CellStyle style, int r, String left, String right) {
        XSSFRow row = sheet.createRow(r);
        row.createCell(0).setCellValue(Text.nfc(left));
        row.createCell(4).setCellValue(Text.nfc(right));
        if (style != null) {
            row.getCell(0).setCellStyle(style);
            row.getCell(4).setCellStyle(style);
        }
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, 2));
        sheet.addMergedRegion(new CellRangeAddress(r, r, 4, 5));
        return r + 1;
    }

    private static void merged(XSSFSheet sheet, CellStyle style, int r, String text) {
        XSSFRow row = sheet.createRow(r);
        row.createCell(0).setCellValue(Text.nfc(text));
        if (style != null) {
            row.getCell(0).setCellStyle(style);
        }
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, 5));
    }

    /** The vote record (biên bản kết quả bỏ phiếu) of the council's ballots, dated {@code on}. */
    public byte[] voteRecordDocx(ProposalService.Review review, List<BallotRecorded> ballots, Map<String, String> names, LocalDate on) {
        try (XWPFDocument doc = new XWPFDocument()) {
            header(doc, List.of("HỘI ĐỒNG THI ĐUA, KHEN THƯỞNG", settings.agency()), List.of(NATION, MOTTO, "", placeAndDate(on)));
            centred(doc, "BIÊN BẢN", true);
            centred(doc, "Kết quả bỏ phiếu bình xét danh hiệu thi đua năm " + review.year(), true);
            para(doc, "Căn cứ " + review.rules().name() + " (bộ tiêu chí " + review.rules().version() + "), Hội đồng Thi đua, Khen thưởng "
                    + settings.agency() + " đã bỏ phiếu kín bình xét danh hiệu thi đua năm " + review.year() + " trên danh sách đề nghị lập ngày "
                    + day(review.reviewedOn()) + ". Kết quả như sau:", false);
            XWPFTable table = doc.createTable(ballots.size() + 1, 7);
            row(table, 0, List.of("STT", "Cá nhân / Tập thể", "Danh hiệu", "Thành viên Hội đồng", "Phiếu đồng ý", "Tỷ lệ", "Kết quả"));
            for (int i = 0; i < ballots.size(); i++) {
                BallotRecorded b = ballots.get(i);
                row(table, i + 1, List.of(String.valueOf(i + 1), names.getOrDefault(YearReview.subjectKey(b.subject(), b.subjectId()), b.subjectId()),
                        Title.valueOf(b.title()).label(), String.valueOf(b.councilMembers()), String.valueOf(b.votesFor()),
                        percent(b.votesFor(), b.councilMembers()), b.passed() ? "Đạt" : "Không đạt"));
            }
            para(doc, "Biên bản được lập và thông qua tại phiên họp của Hội đồng./.", false);
            signatures(doc, List.of("THƯ KÝ HỘI ĐỒNG", "CHỦ TỊCH HỘI ĐỒNG"));
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The decision (quyết định công nhận): the recorded one, or a draft (DỰ THẢO) of the titles whose ballots passed. */
    public byte[] decisionDocx(int year, String ruleSetName, AwardDecided.Decision decision, List<AwardDecided.Award> awards, boolean draft,
                               LocalDate on) {
        try (XWPFDocument doc = new XWPFDocument()) {
            String number = decision == null ? "…/QĐ-…" : decision.number();
            header(doc, List.of(settings.parentAgency(), settings.agency(), "Số: " + number),
                    List.of(NATION, MOTTO, "", placeAndDate(decision == null ? on : decision.signedOn())));
            if (draft) {
                centred(doc, "DỰ THẢO", false);
            }
            centred(doc, "QUYẾT ĐỊNH", true);
            centred(doc, "Về việc công nhận danh hiệu thi đua năm " + year, true);
            centred(doc, "GIÁM ĐỐC " + settings.agency(), true);
            para(doc, "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", false);
            para(doc, "Căn cứ " + ruleSetName + ";", false);
            para(doc, "Căn cứ biên bản kết quả bỏ phiếu của Hội đồng Thi đua, Khen thưởng " + settings.agency() + ";", false);
            centred(doc, "QUYẾT ĐỊNH:", true);
            para(doc, "Điều 1. Công nhận danh hiệu thi đua năm " + year + " cho các cá nhân, tập thể có tên sau:", false);
            Map<String, List<AwardDecided.Award>> byTitle = new LinkedHashMap<>();
            for (Title t : Title.values()) {
                List<AwardDecided.Award> of = awards.stream().filter(a -> a.title().equals(t.name())).toList();
                if (!of.isEmpty()) {
                    byTitle.put(t.label(), of);
                }
            }
            int n = 1;
            for (Map.Entry<String, List<AwardDecided.Award>> e : byTitle.entrySet()) {
                para(doc, n++ + ". Danh hiệu “" + e.getKey() + "”: " + e.getValue().size()
                        + (e.getValue().get(0).subject() == AwardDecided.Subject.MEMBER ? " cá nhân" : " tập thể"), true);
                for (AwardDecided.Award a : e.getValue()) {
                    para(doc, "- " + (a.subject() == AwardDecided.Subject.UNIT ? "Tập thể " : "") + a.name(), false);
                }
            }
            para(doc, "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.", false);
            para(doc, "Điều 3. Chánh Văn phòng, Trưởng các phòng, đơn vị thuộc Sở và các cá nhân, tập thể có tên tại Điều 1 chịu trách nhiệm "
                    + "thi hành Quyết định này./.", false);
            XWPFTable sign = borderless(doc, 2);
            cell(sign.getRow(0).getCell(0), List.of("Nơi nhận:", "- Như Điều 3;", "- Lưu: VT."), false, ParagraphAlignment.LEFT);
            cell(sign.getRow(0).getCell(1), List.of(decision == null ? "GIÁM ĐỐC" : decision.signerPosition().toUpperCase(java.util.Locale.ROOT), "", "",
                    decision == null ? "" : decision.signer()), true, ParagraphAlignment.CENTER);
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String percent(int part, int whole) {
        BigDecimal p = BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return p.toPlainString().replace('.', ',') + "%";
    }

    private static byte[] bytes(XWPFDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.write(out);
        return out.toByteArray();
    }

    /** The two-column heading of an administrative document: the agency on the left, the Quốc hiệu and tiêu ngữ on the right. */
    private static void header(XWPFDocument doc, List<String> left, List<String> right) {
        XWPFTable t = borderless(doc, 2);
        cell(t.getRow(0).getCell(0), left, true, ParagraphAlignment.CENTER);
        cell(t.getRow(0).getCell(1), right, true, ParagraphAlignment.CENTER);
    }

    private static XWPFTable borderless(XWPFDocument doc, int columns) {
        XWPFTable t = doc.createTable(1, columns);
        t.removeBorders();
        return t;
    }

    private static void cell(XWPFTableCell cell, List<String> lines, boolean bold, ParagraphAlignment align) {
        cell.removeParagraph(0);
        for (String line : lines) {
            XWPFParagraph p = cell.addParagraph();
            p.setAlignment(align);
            XWPFRun run = p.createRun();
            run.setBold(bold);
            run.setFontFamily("Times New Roman");
            run.setText(Text.nfc(line));
        }
    }

    private static void row(XWPFTable table, int r, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            XWPFTableCell cell = table.getRow(r).getCell(i);
            cell.removeParagraph(0);
            XWPFRun run = cell.addParagraph().createRun();
            run.setBold(r == 0);
            run.setFontFamily("Times New Roman");
            run.setText(Text.nfc(cells.get(i)));
        }
    }

    private static void centred(XWPFDocument doc, String text, boolean bold) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        XWPFRun run = p.createRun();
        run.setBold(bold);
        run.setFontFamily("Times New Roman");
        run.setText(Text.nfc(text));
    }

    private static void para(XWPFDocument doc, String text, boolean bold) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        XWPFRun run = p.createRun();
        run.setBold(bold);
        run.setFontFamily("Times New Roman");
        run.setText(Text.nfc(text));
    }

    private static void signatures(XWPFDocument doc, List<String> who) {
        XWPFTable t = borderless(doc, who.size());
        for (int i = 0; i < who.size(); i++) {
            cell(t.getRow(0).getCell(i), List.of(who.get(i), "(Ký, ghi rõ họ tên)"), true, ParagraphAlignment.CENTER);
        }
    }

    /** A day as documents write it: 05/01/2026. */
    static String day(LocalDate d) {
        return String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }
}
