package vn.thidua.evaluation.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** CSV for spreadsheets: escaping, and no cell run as a formula. */
class CsvTest {

    private static String line(Object... cells) {
        StringBuilder out = new StringBuilder();
        Csv.line(out, Arrays.asList(cells));
        return out.toString();
    }

    @Test
    void a_text_cell_a_spreadsheet_would_run_as_a_formula_is_kept_as_text() {
        assertThat(line("=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-2,'@SUM(A1)\r\n");
        assertThat(line("\tcmd", "\rcmd")).isEqualTo("'\tcmd,\"'\rcmd\"\r\n");
    }

    @Test
    void ordinary_text_and_numbers_are_unchanged() {
        assertThat(line("Nguyễn Văn An", "VP", new BigDecimal("17.33"), -1, "a, b", "")).isEqualTo("Nguyễn Văn An,VP,17.33,-1,\"a, b\",\r\n");
        assertThat(line("x", null)).isEqualTo("x,\r\n");
    }
}
