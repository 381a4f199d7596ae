package vn.thidua.titles.rules;

import vn.thidua.contract.Text;

/**
 * Where a criterion comes from, as shown beside every result (e.g. "Luật TĐKT 2022 Điều 24 k.1");
 * {@code confirmed} false marks one still to be checked against the province's own quy định.
 */
public record Citation(String text, boolean confirmed) {

    public Citation {
        text = Text.nfc(text);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a citation needs its text");
        }
    }
}
