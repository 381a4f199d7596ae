package vn.thidua.contract.events;

import java.time.LocalDate;
import vn.thidua.contract.Text;

/**
 * The công văn phát động: its number (e.g. {@code 45/KH-CN-TTR}), date, signer and the capacity
 * in which they sign (e.g. {@code KT. GIÁM ĐỐC — PHÓ GIÁM ĐỐC}).
 */
public record LaunchDocument(String number, LocalDate issuedOn, String signerName, String signerCapacity) {
    public LaunchDocument {
        number = Text.nfc(number);
        signerName = Text.nfc(signerName);
        signerCapacity = Text.nfc(signerCapacity);
    }
}
