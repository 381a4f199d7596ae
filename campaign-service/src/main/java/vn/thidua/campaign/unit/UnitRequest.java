package vn.thidua.campaign.unit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import vn.thidua.contract.Text;

/** A unit's name and head (trưởng phòng, đơn vị). */
public record UnitRequest(@NotBlank @Size(max = 300) String name, @Size(max = 200) String head) {
    public UnitRequest {
        name = name == null ? null : Text.nfc(name.strip());
        head = head == null || head.isBlank() ? null : Text.nfc(head.strip());
    }
}
