package vn.thidua.campaign.campaign;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import vn.thidua.contract.Text;
import vn.thidua.contract.events.CampaignKind;
import vn.thidua.contract.events.LaunchDocument;

/** A campaign to launch, as the department's emulation officer sends it. */
public record CampaignRequest(
        @NotNull CampaignKind kind,
        @NotBlank @Size(max = 500) String title,
        @NotBlank @Size(max = 20000) String content,
        List<@NotBlank String> basisPlanNumbers,
        @NotNull @Valid PeriodBody period,
        @NotNull @Valid LaunchDocumentBody launchDocument,
        List<@NotBlank String> recipientUnitCodes,
        Boolean allUnits) {

    /** The công văn phát động. */
    public record LaunchDocumentBody(
            @NotBlank @Size(max = 64) String number,
            @NotNull LocalDate issuedOn,
            @NotBlank @Size(max = 200) String signerName,
            @NotBlank @Size(max = 200) String signerCapacity) {

        LaunchDocument toDocument() {
            return new LaunchDocument(number.strip(), issuedOn, signerName.strip(), signerCapacity.strip());
        }
    }

    String nfcTitle() {
        return Text.nfc(title.strip());
    }

    String nfcContent() {
        return Text.nfc(content.strip());
    }
}
