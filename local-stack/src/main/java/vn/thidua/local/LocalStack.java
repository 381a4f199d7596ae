package vn.thidua.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.thidua.testsupport.EmbeddedPostgresServer;

/** {@code ./thidua-local}: the whole of thidua on this machine, no Docker. */
@Command(name = "thidua-local", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Runs thidua on this machine with no Docker: a real PostgreSQL (one database per service, fsync on),",
                "a Kafka broker in its own JVM, and campaign-, participation- and evaluation-service as separate processes.",
                "On first start it loads the sample of the seed document through the APIs. Data stays in --data-dir",
                "between runs; Ctrl-C stops everything."})
public final class LocalStack implements Callable<Integer> {

    @Option(names = "--data-dir", defaultValue = ".thidua-local", description = "where data and logs are kept (default: ${DEFAULT-VALUE})")
    Path dataDir;
    @Option(names = "--fresh", description = "wipe the data folder first")
    boolean fresh;
    @Option(names = "--repo", defaultValue = ".", description = "the thidua checkout whose services to run (default: ${DEFAULT-VALUE})")
    Path repo;
    @Option(names = "--pg-port", defaultValue = "15432", description = "PostgreSQL port (default: ${DEFAULT-VALUE})")
    int pgPort;
    @Option(names = "--kafka-port", defaultValue = "19092", description = "Kafka port; the controller takes the next one (default: ${DEFAULT-VALUE})")
    int kafkaPort;
    @Option(names = "--campaign-port", defaultValue = "8081", description = "campaign-service port (default: ${DEFAULT-VALUE})")
    int campaignPort;
    @Option(names = "--participation-port", defaultValue = "8082", description = "participation-service port (default: ${DEFAULT-VALUE})")
    int participationPort;
    @Option(names = "--evaluation-port", defaultValue = "8083", description = "evaluation-service port (default: ${DEFAULT-VALUE})")
    int evaluationPort;
    @Option(names = "--no-sample", description = "do not load the seed's sample into an empty system")
    boolean noSample;
    @Option(names = "--service-heap", defaultValue = "512m", description = "each service's -Xmx (default: ${DEFAULT-VALUE})")
    String serviceHeap;

    private final List<AutoCloseable> running = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    public static void main(String[] args) {
        int code = new CommandLine(new LocalStack()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "thidua-local-stop"));
        try {
            run();
            stopped.await();
            return 0;
        } catch (StackException e) {
            Console.fail(e.getMessage());
            return 1;
        }
    }

    private void run() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("java.class.path");
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("PostgreSQL (--pg-port)", pgPort);
        ports.put("Kafka (--kafka-port)", kafkaPort);
        ports.put("the Kafka controller (--kafka-port + 1)", kafkaPort + 1);
        ports.put("campaign-service (--campaign-port)", campaignPort);
        ports.put("participation-service (--participation-port)", participationPort);
        ports.put("evaluation-service (--evaluation-port)", evaluationPort);
        ports.forEach(LocalStack::requireFree);

        if (fresh && Files.exists(dataDir)) {
            Console.step("--fresh: wiping " + dataDir.toAbsolutePath());
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Path logs = Files.createDirectories(dataDir.resolve("logs"));
        Console.plain("thidua local stack: data in " + dataDir.toAbsolutePath() + ", logs in " + logs.toAbsolutePath());

        Console.step("starting PostgreSQL 17 on port " + pgPort + " (durable: fsync and synchronous_commit on)");
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.durable(dataDir.resolve("postgres"), pgPort);
        running.add(postgres);
        for (String db : List.of("campaign", "participation", "evaluation")) {
            postgres.createDatabase(db);
        }
        Console.ok("PostgreSQL ready: " + postgres.jdbcUrl("{campaign,participation,evaluation}"));

        Console.step("starting the Kafka broker on port " + kafkaPort + " (KRaft, its own JVM)");
        KafkaBroker kafka = KafkaBroker.start(java, classpath, dataDir.resolve("kafka"), kafkaPort, kafkaPort + 1, logs.resolve("kafka.log"));
        running.add(kafka);
        Console.ok("Kafka ready: " + kafka.bootstrap());

        Map<String, Integer> services = new LinkedHashMap<>();
        services.put("campaign-service", campaignPort);
        services.put("participation-service", participationPort);
        services.put("evaluation-service", evaluationPort);
        List<ServiceProcess> started = new ArrayList<>();
        for (Map.Entry<String, Integer> s : services.entrySet()) {
            Console.step("starting " + s.getKey() + " on port " + s.getValue());
            String db = s.getKey().substring(0, s.getKey().indexOf('-'));
            ServiceProcess process = ServiceProcess.start(java, repo, s.getKey(), s.getValue(), serviceHeap, Map.of(
                    "THIDUA_DB_URL", postgres.jdbcUrl(db), "THIDUA_DB_USER", postgres.username(), "THIDUA_DB_PASSWORD", postgres.password(),
                    "THIDUA_KAFKA", kafka.bootstrap()), logs.resolve(s.getKey() + ".log"));
            running.add(process);
            started.add(process);
        }
        for (ServiceProcess s : started) {
            s.awaitHealthy(Duration.ofSeconds(180));
            Console.ok(s.name() + " healthy at " + s.url());
        }

        String campaign = started.get(0).url();
        String participation = started.get(1).url();
        String evaluation = started.get(2).url();
        SampleLoader sample = new SampleLoader(campaign, participation);
        if (noSample) {
            Console.info("--no-sample: nothing loaded");
        } else if (sample.alreadyLoaded()) {
            Console.ok("data from an earlier run is there: the sample is not loaded again");
        } else {
            Console.step("loading the seed's sample through the APIs: 5 units, plans 108/KH-UBND, 132/KH-UBND, 12/KH-KHCN, two campaigns, "
                    + "30 members, a year of records");
            SampleLoader.Loaded loaded = sample.load();
            Console.ok("sample loaded: campaigns " + loaded.phaseCampaignId() + " (theo Đợt) and " + loaded.thematicCampaignId()
                    + " (theo Chuyên đề), " + loaded.members() + " members, " + loaded.records() + " records of " + SampleLoader.YEAR);
        }
        printTable(evaluation);

        Console.plain("");
        Console.plain("thidua is ready.");
        for (ServiceProcess s : started) {
            Console.plain(String.format("  %-22s %s   Swagger UI: %s/q/swagger-ui   log: %s", s.name(), s.url(), s.url(), s.log()));
        }
        Console.plain("  Kafka bootstrap        " + kafka.bootstrap());
        Console.plain("  PostgreSQL             " + postgres.jdbcUrl("<campaign|participation|evaluation>") + " (user postgres, no password)");
        Console.plain("Try:");
        Console.plain("  curl " + campaign + "/api/campaigns?year=" + SampleLoader.YEAR);
        Console.plain("  curl \"" + participation + "/api/units/TTR/members?on=" + SampleLoader.YEAR + "-06-30\"");
        Console.plain("  curl " + evaluation + "/api/scores/" + SampleLoader.YEAR + "/units");
        Console.plain("Ctrl-C stops everything.");
    }

    /** Waits until the year's table has every sample record counted, and prints it. */
    private static void printTable(String evaluation) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        JsonNode table = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long previous = -1;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(evaluation + "/api/scores/" + SampleLoader.YEAR + "/units")).build(),
                    HttpResponse.BodyHandlers.ofString());
            table = json.readTree(r.body());
            JsonNode appraisal = json.readTree(http.send(HttpRequest.newBuilder(URI.create(evaluation + "/api/appraisals/" + SampleLoader.YEAR)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            long counted = appraisal.path("counts").path("countedRecords").asLong();
            if (counted > 0 && counted == previous) {
                break;
            }
            previous = counted;
            Thread.sleep(1500);
        }
        if (table == null || table.path("units").isEmpty()) {
            Console.info("no score table for " + SampleLoader.YEAR + " yet");
            return;
        }
        Console.ok("score table " + SampleLoader.YEAR + " (" + table.path("status").asText() + ", digest " + table.path("digest").asText().substring(0, 16) + "…):");
        for (JsonNode u : table.path("units")) {
            Console.info(String.format("%d. %-5s điểm %6.2f  tỷ lệ tham gia %.2f  (%d người)", u.path("rank").asInt(), u.path("unitCode").asText(),
                    new java.math.BigDecimal(u.path("score").asText()), new java.math.BigDecimal(u.path("coverage").asText()), u.path("rosterSize").asInt()));
        }
    }

    private static void requireFree(String what, int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new StackException("port " + port + " for " + what + " is already in use: stop what uses it, or choose another port with that option");
        }
    }

    private synchronized void stopAll() {
        if (running.isEmpty()) {
            stopped.countDown();
            return;
        }
        Console.step("stopping");
        List<AutoCloseable> reversed = new ArrayList<>(running);
        java.util.Collections.reverse(reversed);
        for (AutoCloseable c : reversed) {
            try {
                c.close();
            } catch (Exception e) {
                Console.fail("while stopping: " + e.getMessage());
            }
        }
        running.clear();
        Console.ok("stopped; data kept in " + dataDir.toAbsolutePath());
        stopped.countDown();
    }
}
