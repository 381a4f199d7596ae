package vn.thidua.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import vn.thidua.contract.access.BearerTokens;
import vn.thidua.contract.access.Credentials;
import vn.thidua.contract.access.KafkaLogin;

/**
 * {@code ./thidua-bench}: every figure printed beside the physical limit measured in the same run. The
 * driver: signs in, runs the phases in order (each its own class), prints the table and writes it as JSON.
 */
@Command(name = "thidua-bench", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
        description = {"Runs a province-sized workload against running thidua services (e.g. ./thidua-local --fresh --no-sample)",
                "and prints one table: ingest (with CPU per record by process and security's share), end-to-end, web pages,",
                "projection, replay, memory, each beside its limit measured now. Writes the table as JSON under --out."})
public final class Bench implements Callable<Integer> {
    @Mixin
    Options o = new Options();

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        try {
            return run();
        } catch (IllegalStateException e) {
            System.err.println("✗ the bench stopped: " + e.getMessage());
            return 2;
        } catch (ExecutionException e) {
            System.err.println("✗ the bench stopped: " + e.getCause());
            return 2;
        }
    }

    private int run() throws Exception {
        Run run = new Run(o);
        Credentials.User officer = null;
        Integer keycloakPort = null;
        if (o.credentials != null) {
            Credentials file = Credentials.read(o.credentials);
            officer = file.userWithRole("officer", null)
                    .orElseThrow(() -> new IllegalStateException(o.credentials + " has no person with the role officer"));
            BearerTokens tokens = BearerTokens.ofUser(file, officer.username());
            tokens.accessToken();
            run.http.authorize(tokens::header);
            Credentials.KafkaUser auditor = file.kafkaUser("auditor")
                    .orElseThrow(() -> new IllegalStateException(o.credentials + " has no Kafka user auditor"));
            run.kafkaLogin = KafkaLogin.sasl(file.kafka().mechanism(), auditor.username(), auditor.password());
            keycloakPort = Options.port(file.issuer());
            Run.say("signed in: requests as " + officer.username() + " (token from " + file.tokenEndpoint() + "), Kafka as " + auditor.username());
        }
        StackProcesses processes = StackProcesses.find(o, keycloakPort);
        Run.say("processes: " + processes.members.stream().map(m -> m.name() + " " + m.pid()).toList()
                + (processes.missing.isEmpty() ? "" : "; not found: " + processes.missing));
        Workload w = new Workload(o.units, o.members, o.campaigns, o.records, o.seed);
        run.results.put("workload", Map.of("units", o.units, "membersPerUnit", o.members, "campaigns", o.campaigns, "recordsPerMember", o.records,
                "records", w.recordCount(), "clients", o.clients, "seed", o.seed));
        run.results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "os", System.getProperty("os.name") + " "
                + System.getProperty("os.arch"), "java", System.getProperty("java.version")));
        List<String> campaignIds = SetUp.run(run, w);
        SingleIngest.run(run, w, campaignIds, processes);
        BatchIngest.run(run, w, campaignIds, processes);
        ProjectionRebuild.run(run, w.recordCount());
        if (officer != null) {
            WebPages.run(run, officer);
        } else {
            Run.say("web pages: not measured (they need --credentials to sign in)");
        }
        Replay.run(run);
        Memory.run(run, processes);
        Table.print(run.results);
        Files.createDirectories(o.out);
        Path file = o.out.resolve("bench-" + Instant.now().toString().replace(':', '-') + ".json");
        run.http.json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), run.results);
        System.out.println("JSON: " + file);
        return 0;
    }
}
