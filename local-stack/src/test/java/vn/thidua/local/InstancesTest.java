package vn.thidua.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstancesTest {
    private static final Map<String, Integer> DEFAULTS = Map.of("campaign-service", 8081, "participation-service", 8082, "evaluation-service", 8083);

    @Test
    void one_instance_is_each_service_on_its_own_port_under_its_own_name() {
        assertThat(Instances.plan(DEFAULTS, 1)).extracting(Instances.Instance::name, Instances.Instance::port).containsExactly(
                org.assertj.core.groups.Tuple.tuple("campaign-service", 8081),
                org.assertj.core.groups.Tuple.tuple("participation-service", 8082),
                org.assertj.core.groups.Tuple.tuple("evaluation-service", 8083));
    }

    @Test
    void the_second_instances_take_the_next_block_of_three_ports() {
        List<Instances.Instance> plan = Instances.plan(DEFAULTS, 2);
        assertThat(plan).extracting(Instances.Instance::name, Instances.Instance::port).containsExactly(
                org.assertj.core.groups.Tuple.tuple("campaign-service", 8081),
                org.assertj.core.groups.Tuple.tuple("campaign-service-2", 8084),
                org.assertj.core.groups.Tuple.tuple("participation-service", 8082),
                org.assertj.core.groups.Tuple.tuple("participation-service-2", 8085),
                org.assertj.core.groups.Tuple.tuple("evaluation-service", 8083),
                org.assertj.core.groups.Tuple.tuple("evaluation-service-2", 8086));
        assertThat(plan).extracting(Instances.Instance::module).containsOnly("campaign-service", "participation-service", "evaluation-service");
        assertThat(plan.get(3).database()).isEqualTo("participation");
    }

    @Test
    void a_port_two_parts_would_share_is_refused_naming_both() {
        Map<String, Integer> others = new LinkedHashMap<>();
        others.put("Keycloak (--keycloak-port)", 8084);
        assertThat(Instances.ports(others, Instances.plan(DEFAULTS, 1))).containsEntry("campaign-service (--campaign-port)", 8081).hasSize(4);
        assertThatThrownBy(() -> Instances.ports(others, Instances.plan(DEFAULTS, 2)))
                .isInstanceOf(StackException.class)
                .hasMessage("port 8084 would be used by both Keycloak (--keycloak-port) and campaign-service-2 (--campaign-port + 3): "
                        + "choose other ports with those options");
    }

    @Test
    void more_instances_than_supported_is_one_clear_error() {
        assertThatThrownBy(() -> Instances.plan(DEFAULTS, 3)).isInstanceOf(StackException.class)
                .hasMessage("--instances 3: 1 to 2 instances of each service are supported");
        assertThatThrownBy(() -> Instances.plan(DEFAULTS, 0)).isInstanceOf(StackException.class);
    }
}
