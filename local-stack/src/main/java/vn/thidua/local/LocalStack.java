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
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.thidua.contract.access.BearerTokens;
import vn.thidua.contract.access.Credentials;
import vn.thidua.contract.access.KafkaLogin;
import vn.thidua.kit.kafka.KafkaSettings;
import vn.thidua.kit.kafka.TopicProvisioner;
import vn.thidua.testsupport.EmbeddedPostgresServer;
import vn.thidua.testsupport.KafkaAcls;
import vn.thidua.testsupport.KafkaBrokerProcess;

/** {@code ./thidua-local}: the whole of thidua on this machine, no Docker. */
@Command(name = "thidua-local", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Runs thidua on this machine with no Docker: a real PostgreSQL (one database and role per service, fsync on),",
                "Keycloak (realm thidua with the sample accounts), a Kafka broker in its own JVM (SASL/SCRAM, ACLs), and",
                "campaign-, participation- and evaluation-service and the web pages as separate processes. On first start it loads the sample",
                "of the seed document through the APIs with those accounts. Data and credentials.json stay in --data-dir",
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
    @Option(names = "--keycloak-port", defaultValue = "18080", description = "Keycloak port; its management port (health) is the next one (default: ${DEFAULT-VALUE})")
    int keycloakPort;
    @Option(names = "--campaign-port", defaultValue = "8081", description = "campaign-service port (default: ${DEFAULT-VALUE})")
    int campaignPort;
    @Option(names = "--participation-port", defaultValue = "8082", description = "participation-service port (default: ${DEFAULT-VALUE})")
    int participationPort;
    @Option(names = "--evaluation-port", defaultValue = "8083", description = "evaluation-service port (default: ${DEFAULT-VALUE})")
    int evaluationPort;
    @Option(names = "--web-port", defaultValue = "8080", description = "the web pages' port (default: ${DEFAULT-VALUE})")
    int webPort;
    @Option(names = "--no-sample", description = "do not load the seed's sample into an empty system")
    boolean noSample;
    @Option(names = "--service-heap", defaultValue = "512m", description = "each service's -Xmx (default: ${DEFAULT-VALUE})")
    String serviceHeap;
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "the address the services listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface)")
    String host;

    private static final List<String> DATABASES = List.of("campaign", "participation", "evaluation", "keycloak");
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
        } catch (StackException | IllegalStateException e) {
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
        ports.put("Keycloak (--keycloak-port)", keycloakPort);
        ports.put("Keycloak's management port (--keycloak-port + 1)", keycloakPort + 1);
        ports.put("campaign-service (--campaign-port)", campaignPort);
        ports.put("participation-service (--participation-port)", participationPort);
        ports.put("evaluation-service (--evaluation-port)", evaluationPort);
        ports.put("the web pages (--web-port)", webPort);
        ports.forEach(LocalStack::requireFree);

        if (fresh && Files.exists(dataDir)) {
            Console.step("--fresh: wiping " + dataDir.toAbsolutePath());
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Path logs = Files.createDirectories(dataDir.resolve("logs"));
        Console.plain("thidua local stack: data in " + dataDir.toAbsolutePath() + ", logs in " + logs.toAbsolutePath());

        Path credentialsFile = dataDir.resolve("credentials.json").toAbsolutePath();
        Credentials credentials = Accounts.load(credentialsFile, KeycloakServer.url(keycloakPort) + "/realms/" + Accounts.REALM, "localhost:" + kafkaPort);

        Console.step("starting PostgreSQL 17 on port " + pgPort + " (durable: fsync and synchronous_commit on)");
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.durable(dataDir.resolve("postgres"), pgPort);
        running.add(postgres);
        for (String db : DATABASES) {
            postgres.createDatabase(db);
            DatabaseRoles.ownedBy(postgres, db, db);
        }
        Console.ok("PostgreSQL ready: " + postgres.jdbcUrl("{" + String.join(",", DATABASES) + "}") + ", each database its own role");

        Console.step("starting Keycloak on " + KeycloakServer.url(keycloakPort) + " (its own process group; data in PostgreSQL)");
        Path adminPassword = dataDir.resolve("keycloak/admin-password").toAbsolutePath();
        KeycloakServer keycloak = KeycloakServer.start(KeycloakServer.home(repo), adminPassword, postgres.jdbcUrl("keycloak"), "keycloak",
                keycloakPort, keycloakPort + 1, logs.resolve("keycloak.log"));
        running.add(keycloak);
        List<String> webOrigins = List.of(url(campaignPort), url(participationPort), url(evaluationPort), url(webPort));
        boolean created = keycloak.ensureRealm(adminPassword, Realm.local(credentials, webOrigins));
        Console.ok("Keycloak ready: issuer " + keycloak.issuer() + (created ? " (realm created with the sample accounts)" : ""));

        Console.step("starting the Kafka broker on port " + kafkaPort + " (KRaft, its own JVM; SASL/SCRAM-SHA-512, ACLs)");
        KafkaBrokerProcess kafka;
        try {
            kafka = KafkaBrokerProcess.start(java, classpath, dataDir.resolve("kafka"), kafkaPort, kafkaPort + 1, logs.resolve("kafka.log"),
                    Accounts.kafkaUsers(credentials));
        } catch (IllegalStateException e) {
            throw new StackException(e.getMessage());
        }
        running.add(kafka);
        TopicProvisioner.ensureTopics(adminSettings(kafka.bootstrapServers(), Accounts.kafkaPassword(credentials, KafkaAcls.ADMIN)));
        Console.ok("Kafka ready: " + kafka.bootstrapServers() + " (topics created by the admin; each service may write only its own)");

        Map<String, Integer> services = new LinkedHashMap<>();
        services.put("campaign-service", campaignPort);
        services.put("participation-service", participationPort);
        services.put("evaluation-service", evaluationPort);
        List<ServiceProcess> started = new ArrayList<>();
        for (Map.Entry<String, Integer> s : services.entrySet()) {
            Console.step("starting " + s.getKey() + " on port " + s.getValue());
            String db = s.getKey().substring(0, s.getKey().indexOf('-'));
            Map<String, String> env = new LinkedHashMap<>();
            env.put("THIDUA_DB_URL", postgres.jdbcUrl(db));
            env.put("THIDUA_DB_USER", db);
            env.put("THIDUA_DB_PASSWORD", "");
            env.put("THIDUA_KAFKA", kafka.bootstrapServers());
            env.put("THIDUA_KAFKA_USERNAME", s.getKey());
            env.put("THIDUA_KAFKA_PASSWORD", Accounts.kafkaPassword(credentials, s.getKey()));
            env.put("THIDUA_OIDC_ISSUER", keycloak.issuer());
            env.put("THIDUA_OIDC_CLIENT_ID", Realm.API_CLIENT);
            ServiceProcess process = ServiceProcess.start(java, repo, s.getKey(), host, s.getValue(), serviceHeap, env, logs.resolve(s.getKey() + ".log"));
            running.add(process);
            started.add(process);
        }
        Console.step("starting the web pages on port " + webPort);
        Map<String, String> webEnv = new LinkedHashMap<>();
        webEnv.put("THIDUA_OIDC_ISSUER", keycloak.issuer());
        webEnv.put("THIDUA_WEB_PUBLIC_URL", url(webPort));
        webEnv.put("THIDUA_WEB_HOST", host);
        webEnv.put("THIDUA_CAMPAIGN_URL", url(campaignPort));
        webEnv.put("THIDUA_PARTICIPATION_URL", url(participationPort));
        webEnv.put("THIDUA_EVALUATION_URL", url(evaluationPort));
        ServiceProcess web = ServiceProcess.start(java, repo, "web", host, webPort, "256m", webEnv, logs.resolve("web.log"));
        running.add(web);
        for (ServiceProcess s : started) {
            s.awaitHealthy(Duration.ofSeconds(180));
            Console.ok(s.name() + " healthy at " + s.url());
        }

        String campaign = started.get(0).url();
        String participation = started.get(1).url();
        String evaluation = started.get(2).url();
        web.awaitHealthy(Duration.ofSeconds(180));
        Console.ok("web pages ready at " + web.url());
        SampleLoader sample = new SampleLoader(campaign, participation, credentials);
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
        printTable(evaluation, BearerTokens.ofUser(credentials, Accounts.AUDITOR));

        Console.plain("");
        Console.plain("thidua is ready.");
        for (ServiceProcess s : started) {
            Console.plain(String.format("  %-22s %s   Swagger UI: %s/q/swagger-ui   log: %s", s.name(), s.url(), s.url(), s.log()));
        }
        Console.plain(String.format("  %-22s %s   sign in with an account below   log: %s", "web pages", web.url(), web.log()));
        Console.plain("  Keycloak               " + keycloak.url() + "   issuer: " + keycloak.issuer() + "   log: " + keycloak.log());
        Console.plain("  Kafka bootstrap        " + kafka.bootstrapServers() + " (SASL/SCRAM-SHA-512)");
        Console.plain("  PostgreSQL             " + postgres.jdbcUrl("<campaign|participation|evaluation|keycloak>")
                + " (each database its own role of the same name; local trust, no password)");
        Console.plain("Accounts (passwords in " + credentialsFile + ", readable only by you):");
        for (Credentials.User u : credentials.users()) {
            Console.plain(String.format("  %-16s %s%s", u.username(), String.join(", ", u.roles()), u.unit() == null ? "" : " of " + u.unit()));
        }
        for (Credentials.Client c : credentials.clients()) {
            Console.plain(String.format("  %-16s %s (client credentials)", c.clientId(), String.join(", ", c.roles())));
        }
        Console.plain("  Kafka users:     " + String.join(", ", credentials.kafka().users().stream().map(Credentials.KafkaUser::username).toList()));
        Console.plain("Try (a token for the officer, then a call):");
        Console.plain("  TOKEN=$(curl -s " + credentials.tokenEndpoint() + " -d grant_type=password -d client_id=" + Accounts.CLI_CLIENT
                + " -d username=" + Accounts.OFFICER + " --data-urlencode password=\"$(jq -r '.users[] | select(.username==\"" + Accounts.OFFICER
                + "\") | .password' " + credentialsFile + ")\" | jq -r .access_token)");
        Console.plain("  curl -H \"Authorization: Bearer $TOKEN\" " + campaign + "/api/campaigns?year=" + SampleLoader.YEAR);
        Console.plain("  curl -H \"Authorization: Bearer $TOKEN\" \"" + participation + "/api/units/TTR/members?on=" + SampleLoader.YEAR + "-06-30\"");
        Console.plain("  curl -H \"Authorization: Bearer $TOKEN\" " + evaluation + "/api/scores/" + SampleLoader.YEAR + "/units");
        Console.plain("Ctrl-C stops everything.");
    }

    /** Waits until the year's table has every sample record counted, and prints it. */
    private static void printTable(String evaluation, BearerTokens reader) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        JsonNode table = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long previous = -1;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(evaluation + "/api/scores/" + SampleLoader.YEAR + "/units"))
                    .header("Authorization", reader.header()).build(), HttpResponse.BodyHandlers.ofString());
            table = json.readTree(r.body());
            JsonNode appraisal = json.readTree(http.send(HttpRequest.newBuilder(URI.create(evaluation + "/api/appraisals/" + SampleLoader.YEAR))
                    .header("Authorization", reader.header()).build(), HttpResponse.BodyHandlers.ofString()).body());
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

    private static String url(int port) {
        return "http://localhost:" + port;
    }

    /** The Kafka admin's settings, for creating the topics as every service would (TopicProvisioner). */
    private static KafkaSettings adminSettings(String bootstrap, String password) {
        return new KafkaSettings() {
            @Override
            public String bootstrapServers() {
                return bootstrap;
            }

            @Override
            public Optional<String> username() {
                return Optional.of(KafkaAcls.ADMIN);
            }

            @Override
            public Optional<String> password() {
                return Optional.of(password);
            }

            @Override
            public String mechanism() {
                return KafkaLogin.SCRAM_SHA_512;
            }

            @Override
            public int partitions() {
                return 3;
            }

            @Override
            public short replicationFactor() {
                return 1;
            }

            @Override
            public int relayBatchSize() {
                return 1;
            }
        };
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
