package vn.thidua.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The processes of the stack under test, found by their command lines in {@code /proc} (Linux), and
 * their CPU time. Each is recognised by what makes it this stack's and no other's:
 * <ul>
 *   <li>a service or the web pages: {@code …/<module>/target/quarkus-app/quarkus-run.jar} with
 *       {@code -Dquarkus.http.port=<the port of its --…-url>} (as {@code ./thidua-local} starts them);</li>
 *   <li>Keycloak: a JVM with {@code -Dkc.home.dir=} and {@code --http-port=<the issuer's port>} (from --credentials);</li>
 *   <li>the broker: main class {@code kafka.Kafka} whose properties file lists the {@code --bootstrap} port in {@code listeners};</li>
 *   <li>PostgreSQL: the postmaster ({@code …/bin/postgres} with {@code -p <the --pg port>}) with every process under it
 *       (one per connection, and the background writers);</li>
 *   <li>the bench: this JVM.</li>
 * </ul>
 * A process not found is left out of the figures (and named by {@link #missing}).
 */
final class StackProcesses {
    /** Ticks of {@code /proc/<pid>/stat} per second ({@code getconf CLK_TCK}: 100 on Linux for decades). */
    private static final double TICKS_PER_SECOND = 100;

    /** A process of the stack; {@code tree}: its descendants count too (PostgreSQL's backends). */
    record Member(String name, long pid, boolean tree) {
    }

    final List<Member> members;
    final List<String> missing;

    private StackProcesses(List<Member> members, List<String> missing) {
        this.members = members;
        this.missing = missing;
    }

    static StackProcesses find(Options o, Integer keycloakPort) {
        Map<String, Predicate<List<String>>> wanted = new LinkedHashMap<>();
        wanted.put("campaign-service", quarkus("campaign-service", Options.port(o.campaignUrl)));
        wanted.put("participation-service", quarkus("participation-service", Options.port(o.participationUrl)));
        wanted.put("evaluation-service", quarkus("evaluation-service", Options.port(o.evaluationUrl)));
        wanted.put("web", quarkus("web", Options.port(o.webUrl)));
        if (keycloakPort != null) {
            wanted.put("Keycloak", args -> args.stream().anyMatch(a -> a.startsWith("-Dkc.home.dir="))
                    && args.contains("--http-port=" + keycloakPort));
        }
        wanted.put("Kafka broker", broker(Options.bootstrapPort(o.bootstrap)));
        wanted.put("PostgreSQL", postmaster(o.pgPort()));
        List<Long> pids = pids();
        List<Member> found = new java.util.ArrayList<>();
        List<String> missing = new java.util.ArrayList<>();
        wanted.forEach((name, test) -> {
            Optional<Long> pid = pids.stream().filter(p -> test.test(commandLine(p))).findFirst();
            pid.ifPresentOrElse(p -> found.add(new Member(name, p, name.equals("PostgreSQL"))), () -> missing.add(name));
        });
        found.add(new Member("bench", ProcessHandle.current().pid(), false));
        return new StackProcesses(List.copyOf(found), List.copyOf(missing));
    }

    Optional<Long> pid(String name) {
        return members.stream().filter(m -> m.name().equals(name)).map(Member::pid).findFirst();
    }

    /** CPU milliseconds used so far by each member (a tree: its live descendants and the children it has reaped, too). */
    Map<String, Double> cpuMillis() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Member m : members) {
            long ticks = ticks(m.pid(), m.tree());
            if (m.tree()) {
                ticks += ProcessHandle.of(m.pid()).map(h -> h.descendants().mapToLong(d -> ticks(d.pid(), false)).sum()).orElse(0L);
            }
            out.put(m.name(), ticks * 1000 / TICKS_PER_SECOND);
        }
        return out;
    }

    /** CPU milliseconds the whole machine has spent busy so far (every core; from {@code /proc/stat}). */
    static double machineBusyMillis() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
            long[] f = Arrays.stream(lines.findFirst().orElseThrow().trim().split("\\s+")).skip(1).mapToLong(Long::parseLong).toArray();
            // user nice system idle iowait irq softirq steal (guest time is already in user)
            long busy = f[0] + f[1] + f[2] + f[5] + f[6] + (f.length > 7 ? f[7] : 0);
            return busy * 1000 / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Predicate<List<String>> quarkus(String module, int port) {
        return args -> args.contains("-Dquarkus.http.port=" + port)
                && args.stream().anyMatch(a -> a.endsWith(module + "/target/quarkus-app/quarkus-run.jar"));
    }

    private static Predicate<List<String>> broker(int port) {
        return args -> {
            int main = args.indexOf("kafka.Kafka");
            if (main < 0 || main + 1 >= args.size()) {
                return false;
            }
            try {
                return Files.readAllLines(Path.of(args.get(main + 1))).stream()
                        .anyMatch(l -> l.startsWith("listeners=") && l.matches(".*:" + port + "(,.*|$)"));
            } catch (IOException e) {
                return false;
            }
        };
    }

    private static Predicate<List<String>> postmaster(int port) {
        return args -> !args.isEmpty() && args.get(0).endsWith("/bin/postgres") && (args.contains("-p") && args.indexOf("-p") + 1 < args.size()
                && args.get(args.indexOf("-p") + 1).equals(Integer.toString(port)) || args.contains("-p" + port));
    }

    private static List<Long> pids() {
        try (Stream<Path> dirs = Files.list(Path.of("/proc"))) {
            return dirs.map(d -> d.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit)).map(Long::parseLong).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> commandLine(long pid) {
        try {
            String raw = new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8);
            return raw.isEmpty() ? List.of() : List.of(raw.split("\0"));
        } catch (IOException e) {
            return List.of(); // gone, or not ours to read
        }
    }

    /** utime + stime of a process (and, with {@code reaped}, cutime + cstime: its children that have exited), in ticks. */
    private static long ticks(long pid, boolean reaped) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is field 3 of proc(5), so field n is f[n - 3]
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return reaped ? ticks + Long.parseLong(f[13]) + Long.parseLong(f[14]) : ticks;
        } catch (IOException | RuntimeException e) {
            return 0; // it has exited since it was listed: its time is in its parent's reaped children
        }
    }
}
