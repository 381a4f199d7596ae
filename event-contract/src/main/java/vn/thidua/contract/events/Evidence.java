package vn.thidua.contract.events;

import vn.thidua.contract.Text;

/** What attests an achievement or initiative: a document number, a link, or both. */
public record Evidence(String documentNumber, String link) {
    public Evidence {
        documentNumber = Text.nfc(documentNumber);
        link = Text.nfc(link);
    }
}
