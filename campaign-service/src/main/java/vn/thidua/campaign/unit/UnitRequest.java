package vn.thidua.campaign.unit;

import vn.thidua.kit.input.InputRules;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import vn.thidua.contract.Text;

/** A unit's name and head (trưởng phòng, đơn vị). */
public record UnitRequest(@NotBlank @Size(max = InputRules.LONG_NAME_MAX) String name, @Size(max = InputRules.NAME_MAX) String head) {
    public UnitRequest {
        name = name == null ? null : Text.nfc(name.strip());
        head = head == null || head.isBlank() ? null : Text.nfc(head.strip());
    }
}
