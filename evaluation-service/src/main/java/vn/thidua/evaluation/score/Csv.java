package vn.thidua.evaluation.score;

import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** CSV for the emulation council's spreadsheets: UTF-8 with a BOM so that Excel shows Vietnamese right. */
public final class Csv {
    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    /** What a text cell must not start with: a spreadsheet reads it as a formula. */
    private static final String FORMULA_START = "=+-@\t\r";

    private Csv() {
    }

    public static Response of(String fileName, List<String> header, List<List<Object>> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, header.stream().map(h -> (Object) h).toList());
        rows.forEach(r -> line(out, r));
        return Response.ok(out.toString().getBytes(StandardCharsets.UTF_8), MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .build();
    }

    static void line(StringBuilder out, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String cell = cells.get(i) == null ? "" : cells.get(i).toString();
            if (!(cells.get(i) instanceof Number) && !cell.isEmpty() && FORMULA_START.indexOf(cell.charAt(0)) >= 0) {
                // a spreadsheet would run it as a formula (CSV injection): a leading ' keeps it text
                cell = "'" + cell;
            }
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                cell = '"' + cell.replace("\"", "\"\"") + '"';
            }
            out.append(cell);
        }
        out.append("\r\n");
    }
}
