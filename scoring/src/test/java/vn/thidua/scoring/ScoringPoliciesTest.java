package vn.thidua.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.events.ParticipationKind;

class ScoringPoliciesTest {

    @Test
    void every_policy_gives_points_for_every_participation_kind() {
        assertThat(ScoringPolicies.all()).isNotEmpty().contains(ScoringPolicies.current());
        for (ScoringPolicy policy : ScoringPolicies.all()) {
            assertThat(ScoringPolicies.of(policy.version())).isSameAs(policy);
            for (ParticipationKind kind : ParticipationKind.values()) {
                assertThat(policy.pointsOf(kind)).as(policy.version() + " " + kind).isPositive();
            }
        }
    }

    @Test
    void an_unknown_version_or_kind_is_a_clear_error() {
        assertThatThrownBy(() -> ScoringPolicies.of("v0")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'v0'");
        assertThatThrownBy(() -> ScoringPolicies.current().pointsOf(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no points");
        assertThatThrownBy(() -> new ScoringPolicy("partial", Map.of(ParticipationKind.ACTIVITY, 2), 30))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("REGISTERED");
    }

    @Test
    void the_current_policy_is_domain_md_s() {
        ScoringPolicy p = ScoringPolicies.current();
        assertThat(p.version()).isEqualTo("v1");
        assertThat(p.capPerCampaign()).isEqualTo(30);
        assertThat(p.capped(java.util.List.of(40, 5, 30))).isEqualTo(65);
    }
}
