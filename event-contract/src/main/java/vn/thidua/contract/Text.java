package vn.thidua.contract;

import java.text.Normalizer;

/** Text rules of the contract: every string is stored, compared and published in Unicode NFC. */
public final class Text {
    private Text() {
    }

    /** The NFC form of {@code s}, or null for null. */
    public static String nfc(String s) {
        if (s == null || Normalizer.isNormalized(s, Normalizer.Form.NFC)) {
            return s;
        }
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
