package vn.thidua.kit.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void an_id_is_a_version_7_uuid_carrying_its_millisecond() {
        long millis = 1_795_000_000_123L;
        UUID id = TimeOrderedIds.at(millis);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2); // RFC 9562
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
        assertThat(UUID.fromString(id.toString())).isEqualTo(id);
    }

    @Test
    void ids_of_later_milliseconds_sort_later_as_text_and_none_repeats() {
        List<String> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (long ms = 1_700_000_000_000L; ms < 1_700_000_000_000L + 2_000; ms++) {
            for (int i = 0; i < 50; i++) {
                String id = TimeOrderedIds.at(ms).toString();
                assertThat(seen.add(id)).as("repeated: " + id).isTrue();
                if (i == 0) {
                    ids.add(id);
                }
            }
        }
        assertThat(ids).isSorted();
    }

    @Test
    void axon_takes_its_event_identifiers_from_here() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIds.class);
        assertThat(UUID.fromString(IdentifierFactory.getInstance().generateIdentifier()).version()).isEqualTo(7);
    }
}
