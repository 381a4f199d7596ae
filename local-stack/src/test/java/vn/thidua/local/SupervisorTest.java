package vn.thidua.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The supervisor with real child processes (sh), on a fast restart policy. */
class SupervisorTest {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Supervisor.Report report = new Supervisor.Report() {
        @Override
        public void ok(String line) {
            lines.add("✓ " + line);
        }

        @Override
        public void fail(String line) {
            lines.add("✗ " + line);
        }

        @Override
        public void info(String line) {
            lines.add(line);
        }
    };
    private final Supervisor supervisor = new Supervisor(
            new RestartPolicy(Duration.ofMillis(100), Duration.ofMillis(400), 5, Duration.ofSeconds(60)), Duration.ofSeconds(10), report);
    private final List<Process> started = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        supervisor.stopping();
        started.forEach(Process::destroyForcibly);
    }

    /** A shell running {@code script}, its output appended to {@code log}. */
    private Child shell(String name, Path log, String script) throws IOException {
        Process p = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        started.add(p);
        return new Child() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Path log() {
                return log;
            }

            @Override
            public ProcessHandle handle() {
                return p.toHandle();
            }

            @Override
            public OptionalInt exitCode() {
                return p.isAlive() ? OptionalInt.empty() : OptionalInt.of(p.exitValue());
            }

            @Override
            public void awaitReady(Duration timeout) {
                // ready once started
            }

            @Override
            public void stop(Duration grace) {
                Processes.stop(p, grace);
            }
        };
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void a_killed_process_is_reported_at_once_and_started_again() throws Exception {
        Path log = Files.createTempFile("sleeper", ".log");
        Supervisor.Starter start = () -> shell("sleeper", log, "exec sleep 60");
        Child first = start.start();
        Supervisor.Supervised s = supervisor.watch(first, start);

        first.handle().destroyForcibly();
        await("a restart", () -> s.restarts() == 1);
        assertThat(lines).contains("✗ sleeper exited (code 137); restarting in 0.1 s");
        Child second = s.current();
        assertThat(second.handle().pid()).isNotEqualTo(first.handle().pid());
        assertThat(second.handle().isAlive()).isTrue();
        await("the restart's line", () -> lines.stream().anyMatch(l -> l.startsWith("✓ sleeper restarted (pid " + second.handle().pid() + ") and ready in ")));

        // the second exit waits twice as long
        second.handle().destroyForcibly();
        await("a second restart", () -> s.restarts() == 2);
        assertThat(lines).contains("✗ sleeper exited (code 137); restarting in 0.2 s");

        // once stopping, an exit is not restarted
        supervisor.stopping();
        Child third = s.current();
        third.handle().destroyForcibly();
        third.handle().onExit().get();
        Thread.sleep(500);
        assertThat(s.restarts()).isEqualTo(2);
        assertThat(s.current()).isSameAs(third);
    }

    @Test
    void a_crash_loop_is_left_stopped_with_the_end_of_its_log() throws Exception {
        Path log = Files.createTempFile("crasher", ".log");
        for (int i = 1; i <= 30; i++) {
            Files.writeString(log, "earlier line " + i + "\n", java.nio.file.StandardOpenOption.APPEND);
        }
        Supervisor.Starter start = () -> shell("crasher", log, "echo 'FATAL: không kết nối được cơ sở dữ liệu'; exit 3");
        Supervisor.Supervised s = supervisor.watch(start.start(), start);

        // the lines come after the decision, and may come before the last restart's own line: each exit is reported by the
        // thread that saw it, and the one that saw the 4th exit can be descheduled for longer than the restart takes (CI, 2026-11-27)
        await("the crash loop's lines and the four restarts' lines", () -> lines.stream().anyMatch(l -> l.startsWith("earlier line"))
                && lines.stream().filter(l -> l.startsWith("✗ crasher exited (code 3); restarting in ")).count() == 4);
        assertThat(s.givenUp()).isTrue();
        assertThat(s.restarts()).isEqualTo(4);
        assertThat(lines.stream().filter(l -> l.startsWith("✗ crasher exited (code 3); restarting in "))).hasSize(4);
        assertThat(lines).contains("✗ crasher exited (code 3), its 5th exit within 60 s: not restarted again (a crash loop). The end of "
                + log + ":");
        // the log's last 20 lines: 15 earlier ones and the five starts' messages
        String tail = lines.stream().filter(l -> l.startsWith("earlier line")).findFirst().orElseThrow();
        assertThat(tail.split("\n")).hasSize(Supervisor.TAIL_LINES);
        assertThat(tail).startsWith("earlier line 16").endsWith("FATAL: không kết nối được cơ sở dữ liệu").doesNotContain("earlier line 15\n");
        Thread.sleep(500);
        assertThat(s.restarts()).isEqualTo(4);
    }
}
