package vn.thidua.contract.events;

import java.time.LocalDate;
import vn.thidua.contract.Text;

/** A plan (Kế hoạch) a campaign is based on, e.g. 108/KH-UBND of 13/7/2022 by UBND tỉnh Thái Nguyên. */
public record PlanReference(String number, LocalDate issuedOn, String issuer, String title) {
    public PlanReference {
        number = Text.nfc(number);
        issuer = Text.nfc(issuer);
        title = Text.nfc(title);
    }
}
