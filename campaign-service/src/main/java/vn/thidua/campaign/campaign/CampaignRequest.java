package vn.thidua.campaign.campaign;

import vn.thidua.kit.input.InputRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import vn.thidua.contract.Text;
import vn.thidua.contract.events.CampaignKind;
import vn.thidua.contract.events.LaunchDocument;

/** A campaign to launch, as the department's emulation officer sends it. */
public record CampaignRequest(
        @NotNull CampaignKind kind,
        @NotBlank @Size(max = InputRules.CAMPAIGN_TITLE_MAX) String title,
        @NotBlank @Size(max = InputRules.CONTENT_MAX) String content,
        @Size(max = InputRules.LIST_MAX) List<@NotBlank @Size(max = InputRules.NUMBER_MAX) String> basisPlanNumbers,
        @NotNull @Valid PeriodBody period,
        @NotNull @Valid LaunchDocumentBody launchDocument,
        @Size(max = InputRules.LIST_MAX) List<@NotNull @Pattern(regexp = InputRules.UNIT_CODE, message = "must be a unit code such as TTR") String> recipientUnitCodes,
        Boolean allUnits) {

    /** The công văn phát động. */
    public record LaunchDocumentBody(
            @NotBlank @Size(max = InputRules.NUMBER_MAX) String number,
            @NotNull LocalDate issuedOn,
            @NotBlank @Size(max = InputRules.NAME_MAX) String signerName,
            @NotBlank @Size(max = InputRules.NAME_MAX) String signerCapacity) {

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
