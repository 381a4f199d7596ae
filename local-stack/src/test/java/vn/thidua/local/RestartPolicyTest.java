package vn.thidua.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void the_delay_doubles_with_each_exit_in_the_window_and_the_fifth_is_a_crash_loop() {
        RestartPolicy policy = RestartPolicy.STACK.copy();
        assertThat(policy.onExit(0)).contains(Duration.ofSeconds(1));
        assertThat(policy.onExit(2 * SECOND)).contains(Duration.ofSeconds(2));
        assertThat(policy.onExit(5 * SECOND)).contains(Duration.ofSeconds(4));
        assertThat(policy.onExit(10 * SECOND)).contains(Duration.ofSeconds(8));
        assertThat(policy.onExit(19 * SECOND)).isEmpty();
    }

    @Test
    void exits_older_than_the_window_are_forgotten() {
        RestartPolicy policy = RestartPolicy.STACK.copy();
        for (int i = 0; i < 4; i++) {
            assertThat(policy.onExit(i * 20 * SECOND)).isPresent();
        }
        // exits at 0, 20, 40 and 60 s: at 61 s only those of the last minute count (20, 40, 60 and this one)
        assertThat(policy.onExit(61 * SECOND)).contains(Duration.ofSeconds(8));
        // one hour later it starts from the first delay again
        assertThat(policy.onExit(3_700 * SECOND)).contains(Duration.ofSeconds(1));
    }

    @Test
    void the_delay_is_capped() {
        RestartPolicy policy = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(3), 10, Duration.ofSeconds(60));
        policy.onExit(0);
        policy.onExit(1);
        assertThat(policy.onExit(2)).contains(Duration.ofSeconds(3));
        assertThat(policy.onExit(3)).contains(Duration.ofSeconds(3));
    }
}
