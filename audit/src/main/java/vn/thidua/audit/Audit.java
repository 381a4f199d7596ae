package vn.thidua.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.thidua.contract.access.BearerTokens;
import vn.thidua.contract.access.Credentials;
import vn.thidua.contract.access.KafkaLogin;

/** {@code ./thidua-audit}: the auditors' replay of the thidua log. */
@Command(name = "thidua-audit", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
        description = {
                "Replays every thidua topic from the beginning (or up to --as-of) and proves the log whole:",
                "  1. every partition's hash chain holds over the raw records, every aggregate's sequence has no",
                "     gap and no double (a re-sent event is a duplicate delivery, counted once, not tampering);",
                "     the first bad event is named by topic, partition and offset; an event that breaks its",
                "     contract (envelope, type, schema, topic, key) is checked in its chain all the same and",
                "     reported apart as a contract violation (topic-partition@offset), not scored;",
                "  2. each year's score table is recomputed with the policy its close used and compared with",
                "     the AppraisalClosed digest (closed years) or with evaluation-service (--service, open years);",
                "  3. each title a year's decision awarded (thidua.award.v1) is checked against the proposals",
                "     recomputed from the log (titles module, the rule set the decision names; a province's",
                "     overrides file from THIDUA_REVIEW_PROVINCE_OVERRIDES) and against its ballot's threshold.",
                "It only reads: it never writes to Kafka or to any database, and joins no consumer group.",
                "Exit status: 0 everything holds, 1 something does not, 2 the audit could not run,",
                "3 the log is whole and the digests match, but some events break the contract."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:everything holds", "1:a problem was found (see the report)", "2:could not run (bad arguments, unreachable broker)",
                "3:chains, sequences and digests hold, but some events break the contract"})
public final class Audit implements Callable<Integer> {

    @Option(names = "--bootstrap", description = "Kafka bootstrap servers, e.g. localhost:19092 (default: the credentials file's)")
    String bootstrap;
    @Option(names = "--credentials", description = "the local stack's credentials.json: reads Kafka as the user `auditor` and asks"
            + " evaluation-service (--service) with a token of the first person with the role auditor")
    Path credentials;
    @Option(names = "--kafka-user", description = "the Kafka user to read as (SASL/SCRAM-SHA-512); its password from --kafka-password"
            + " or the environment variable THIDUA_KAFKA_PASSWORD")
    String kafkaUser;
    @Option(names = "--kafka-password", description = "the password of --kafka-user (prefer THIDUA_KAFKA_PASSWORD: a flag shows in ps)")
    String kafkaPassword;
    @Option(names = "--token", description = "a bearer token for --service (default: the environment variable THIDUA_TOKEN, or from --credentials)")
    String token;
    @Option(names = "--year", description = "audit only this year (default: every year in the log)")
    Integer year;
    @Option(names = "--as-of", description = "the log as it stood at this instant, e.g. 2023-06-30T17:00:00+07:00")
    String asOf;
    @Option(names = "--service", description = "evaluation-service URL, to compare open years with, e.g. http://localhost:8083")
    String service;
    @Option(names = "--json", description = "also write the report as JSON to this file")
    Path json;
    @Option(names = "--export", paramLabel = "FILE", description = "with --year: also write the year's audit bundle (JSON Lines: every raw"
            + " record, the table) for docs/verify_bundle.py")
    Path export;
    @Option(names = "--topic-suffix", defaultValue = "", description = "read copies of the topics named <topic><suffix>")
    String topicSuffix;
    @Option(names = "--timeout", defaultValue = "30", description = "seconds to wait for the broker (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    private final PrintStream out;
    private final PrintStream err;

    public Audit() {
        this(new PrintStream(System.out, true, StandardCharsets.UTF_8), new PrintStream(System.err, true, StandardCharsets.UTF_8));
    }

    Audit(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the tool as from the command line; returns the exit status. */
    public static int run(String... args) {
        return command(new Audit()).execute(args);
    }

    static CommandLine command(Audit audit) {
        CommandLine cli = new CommandLine(audit);
        cli.setExitCodeExceptionMapper(e -> 2);
        cli.setParameterExceptionHandler((e, a) -> {
            audit.err.println("✗ " + e.getMessage() + " (see --help)");
            return 2;
        });
        return cli;
    }

    /** The replay's options from the flags, the credentials file and the environment. */
    private Replay.Options options(Instant instant) throws IOException {
        Credentials file = credentials == null ? null : Credentials.read(credentials);
        String brokers = bootstrap != null ? bootstrap : file != null ? file.kafka().bootstrap() : null;
        if (brokers == null) {
            throw new IllegalArgumentException("--bootstrap is required without --credentials (see --help)");
        }
        Map<String, Object> login = Map.of();
        String password = kafkaPassword != null ? kafkaPassword : System.getenv("THIDUA_KAFKA_PASSWORD");
        if (kafkaUser != null) {
            if (password == null) {
                throw new IllegalArgumentException("--kafka-user " + kafkaUser + " needs --kafka-password or THIDUA_KAFKA_PASSWORD");
            }
            login = KafkaLogin.sasl(KafkaLogin.SCRAM_SHA_512, kafkaUser, password);
        } else if (file != null) {
            Credentials.KafkaUser auditor = file.kafkaUser("auditor")
                    .orElseThrow(() -> new IllegalArgumentException(credentials + " has no Kafka user auditor"));
            login = KafkaLogin.sasl(file.kafka().mechanism(), auditor.username(), auditor.password());
        }
        Supplier<String> authorization = null;
        String bearer = token != null ? token : System.getenv("THIDUA_TOKEN");
        if (bearer != null) {
            authorization = () -> "Bearer " + bearer;
        } else if (file != null && service != null) {
            Credentials.User person = file.userWithRole("auditor", null)
                    .orElseThrow(() -> new IllegalArgumentException(credentials + " has no person with the role auditor"));
            BearerTokens tokens = BearerTokens.ofUser(file, person.username());
            authorization = tokens::header;
        }
        return new Replay.Options(brokers, login, year, instant, topicSuffix, service, authorization, Duration.ofSeconds(timeoutSeconds));
    }

    @Override
    public Integer call() throws Exception {
        Instant instant = null;
        if (asOf != null) {
            try {
                instant = OffsetDateTime.parse(asOf).toInstant();
            } catch (DateTimeParseException e) {
                err.println("✗ --as-of must be a date-time with its offset, e.g. 2023-06-30T17:00:00+07:00; got " + asOf);
                return 2;
            }
        }
        if (export != null && year == null) {
            err.println("✗ --export needs --year: a bundle holds one year's table");
            return 2;
        }
        Replay.Options options;
        try {
            options = options(instant);
        } catch (IOException | IllegalArgumentException e) {
            err.println("✗ " + e.getMessage());
            return 2;
        }
        Report report;
        long exported = -1;
        try (Progress progress = new Progress(err)) {
            Replay replay = new Replay(options);
            report = replay.run(progress);
            if (export != null) {
                exported = Bundle.write(export, options, year, replay.table(year), (read, total) -> { });
            }
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            err.println("✗ cannot reach Kafka at " + options.bootstrap() + " within " + timeoutSeconds + " s; check --bootstrap, that the broker runs, and whether it wants a user (--credentials or --kafka-user)");
            return 2;
        } catch (org.apache.kafka.common.errors.AuthenticationException | org.apache.kafka.common.errors.AuthorizationException e) {
            err.println("✗ Kafka at " + options.bootstrap() + " refused the audit: " + e.getMessage() + "; check --kafka-user or --credentials");
            return 2;
        } catch (org.apache.kafka.common.KafkaException | IllegalStateException | java.io.UncheckedIOException e) {
            err.println("✗ the audit could not run: " + e.getMessage());
            return 2;
        }
        print(report);
        if (json != null) {
            new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
            out.println("JSON report: " + json.toAbsolutePath());
        }
        if (exported >= 0) {
            out.printf("Audit bundle of %d: %,d records and the table in %s (check it with: python3 docs/verify_bundle.py %s)%n", year, exported,
                    export.toAbsolutePath(), export);
        }
        return report.status();
    }

    private void print(Report r) {
        out.println("thidua audit — read-only replay of " + r.bootstrap() + (r.topicSuffix().isEmpty() ? "" : " (topics *" + r.topicSuffix() + ")")
                + (r.asOf() == null ? "" : ", as of " + r.asOf()));
        out.printf("Integrity: %,d events read, %,d duplicate deliveries (counted once); hash chains and sequences %s%n",
                r.eventsRead(), r.duplicateDeliveries(), r.problems().isEmpty() ? "✓" : "✗");
        list(r.problems());
        out.printf("Contract: %,d events break it (each still checked in its chain above, none scored) %s%n",
                r.contractViolations().size(), r.contractViolations().isEmpty() ? "✓" : "✗");
        list(r.contractViolations());
        out.println();
        out.printf("%-5s %-7s %9s %9s %6s %8s  %-17s %-30s %s%n", "Year", "Status", "Records", "Counted", "Late", "Refused", "Digest",
                "Expected (from)", "Match");
        for (Report.Year y : r.years()) {
            String expected = y.expectedDigest() == null ? "—" : shortHash(y.expectedDigest()) + " (" + y.expectedFrom() + ")";
            String match = y.matches() == null ? "—" : y.matches() ? "✓" : "✗";
            out.printf("%-5d %-7s %,9d %,9d %,6d %,8d  %-17s %-30s %s%n", y.year(), y.status(), y.recordsRead(), y.counted(), y.late(),
                    y.refused(), shortHash(y.digest()), expected, match);
        }
        for (Report.Year y : r.years()) {
            if (y.closedBy() != null) {
                out.printf("%d was closed by %s at %s%n", y.year(), y.closedBy(), y.closedAt());
            }
        }
        r.awards().stream().map(Report.Award::year).distinct().forEach(year -> {
            var of = r.awards().stream().filter(a -> a.year() == year).toList();
            long wrong = of.stream().filter(a -> !a.eligible() || !a.passed()).count();
            out.printf("Titles %d: %d awarded, %s%n", year, of.size(), wrong == 0
                    ? "each proposed by the log and passed by its ballot ✓" : wrong + " not proposed or not passed ✗ (see the problems above)");
        });
        out.println();
        out.println(switch (r.status()) {
            case 0 -> "Result: everything holds ✓ (exit 0)";
            case 3 -> "Result: the log is whole and the digests match, but " + r.contractViolations().size()
                    + " events break the contract ✗ (exit 3)";
            default -> "Result: the log does NOT hold ✗ (exit 1)";
        });
    }

    private void list(java.util.List<Report.Problem> problems) {
        int shown = 0;
        for (Report.Problem p : problems) {
            if (shown++ == 20) {
                out.println("  … and " + (problems.size() - 20) + " more (see --json)");
                break;
            }
            out.println("  ✗ " + p);
        }
    }

    private static String shortHash(String hash) {
        return hash == null ? "—" : hash.substring(0, Math.min(16, hash.length()));
    }

    /** A progress bar on a terminal (events read, rate, time left), plain lines every 5 s otherwise. */
    private static final class Progress implements LogReader.Progress, AutoCloseable {
        private final PrintStream err;
        private final boolean terminal = System.console() != null;
        private ProgressBar bar;
        private long lastLine = System.nanoTime();
        private boolean finished;
        private final long started = System.nanoTime();

        Progress(PrintStream err) {
            this.err = err;
        }

        @Override
        public void update(long read, long total) {
            if (terminal) {
                if (bar == null) {
                    bar = new ProgressBarBuilder().setTaskName("replaying").setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                            .setUnit(" events", 1).showSpeed().build();
                }
                bar.stepTo(read);
            } else if (!finished && (System.nanoTime() - lastLine > 5_000_000_000L || read == total)) {
                finished = read == total;
                double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
                double rate = read / seconds;
                long left = rate > 0 ? (long) ((total - read) / rate) : 0;
                err.printf("replaying: %,d of %,d events (%.0f/s, about %d s left)%n", read, total, rate, left);
                lastLine = System.nanoTime();
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
