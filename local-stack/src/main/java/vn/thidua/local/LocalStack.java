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
                "between runs. A process that exits is started again (a crash loop is left stopped, with the end of its log);",
                "Ctrl-C or SIGTERM stops everything in order: the services drain, then the web pages and Keycloak, the broker, PostgreSQL."})
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
    @Option(names = "--service-heap", defaultValue = "512m", description = "each service's -Xmx, and evaluation-service's -Xms too (default: ${DEFAULT-VALUE})")
    String serviceHeap;
    @Option(names = "--instances", defaultValue = "1", description = "processes of each service (1 or 2; default: ${DEFAULT-VALUE}): "
            + "instance k of a service on its port + 3(k - 1), so 8081-8083 and then 8084-8086")
    int instances;
    @Option(names = "--pg-stat-statements", description = "load pg_stat_statements into PostgreSQL (then CREATE EXTENSION pg_stat_statements in a database to read it)")
    boolean pgStatStatements;
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "the address the services listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface)")
    String host;

    private static final List<String> DATABASES = List.of("campaign", "participation", "evaluation", "keycloak");
    /**
     * The whole stop's bound: a service may take {@link #SERVICE_STOP}, the web pages and Keycloak (together)
     * and then the broker {@link #OTHER_STOP} each before SIGKILL, which leaves PostgreSQL's fast shutdown
     * a few seconds even on a busy machine.
     */
    static final Duration STOP_BOUND = Duration.ofSeconds(15);
    /** How long a service may take to stop: it drains ({@link ServiceProcess#DRAIN}), then its relay and consumers stop. */
    static final Duration SERVICE_STOP = ServiceProcess.DRAIN.plusSeconds(2);
    /** How long the web pages, Keycloak and the broker may each take to stop before SIGKILL. */
    static final Duration OTHER_STOP = Duration.ofSeconds(2);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Supervisor supervisor = new Supervisor(RestartPolicy.STACK, Duration.ofSeconds(180), Supervisor.Report.CONSOLE);
    // what runs, for the ordered stop (set as each part starts; the stop may come at any time)
    private final List<Supervisor.Supervised> services = new ArrayList<>();
    private Supervisor.Supervised web;
    private Supervisor.Supervised broker;
    private KeycloakServer keycloak;
    private EmbeddedPostgresServer postgres;
    private boolean stopStarted;

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
        ports.put("the web pages (--web-port)", webPort);
        Map<String, Integer> firstPorts = Map.of("campaign-service", campaignPort, "participation-service", participationPort,
                "evaluation-service", evaluationPort);
        List<Instances.Instance> plan = Instances.plan(firstPorts, instances);
        Instances.ports(ports, plan).forEach(LocalStack::requireFree);

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
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.durable(dataDir.resolve("postgres"), pgPort, pgStatStatements);
        synchronized (this) {
            this.postgres = postgres;
        }
        for (String db : DATABASES) {
            postgres.createDatabase(db);
            DatabaseRoles.ownedBy(postgres, db, db);
        }
        Console.ok("PostgreSQL ready: " + postgres.jdbcUrl("{" + String.join(",", DATABASES) + "}") + ", each database its own role");

        Console.step("starting Keycloak on " + KeycloakServer.url(keycloakPort) + " (its own process group; data in PostgreSQL)");
        Path adminPassword = dataDir.resolve("keycloak/admin-password").toAbsolutePath();
        KeycloakServer keycloak = KeycloakServer.start(KeycloakServer.home(repo), adminPassword, postgres.jdbcUrl("keycloak"), "keycloak",
                keycloakPort, keycloakPort + 1, logs.resolve("keycloak.log"));
        synchronized (this) {
            this.keycloak = keycloak;
        }
        List<String> webOrigins = new ArrayList<>(plan.stream().map(i -> url(i.port())).toList());
        webOrigins.add(url(webPort));
        boolean created = keycloak.ensureRealm(adminPassword, Realm.local(credentials, webOrigins));
        Console.ok("Keycloak ready: issuer " + keycloak.issuer() + (created ? " (realm created with the sample accounts)" : ""));

        Console.step("starting the Kafka broker on port " + kafkaPort + " (KRaft, its own JVM; SASL/SCRAM-SHA-512, ACLs)");
        Supervisor.Starter startBroker = () -> new BrokerChild(KafkaBrokerProcess.start(java, classpath, dataDir.resolve("kafka"), kafkaPort,
                kafkaPort + 1, logs.resolve("kafka.log"), Accounts.kafkaUsers(credentials)), logs.resolve("kafka.log"));
        KafkaBrokerProcess kafka;
        try {
            BrokerChild child = (BrokerChild) startBroker.start();
            kafka = child.broker();
            supervise(child, startBroker, s -> broker = s);
        } catch (IllegalStateException e) {
            throw new StackException(e.getMessage());
        }
        TopicProvisioner.ensureTopics(adminSettings(kafka.bootstrapServers(), Accounts.kafkaPassword(credentials, KafkaAcls.ADMIN)));
        Console.ok("Kafka ready: " + kafka.bootstrapServers() + " (topics created by the admin; each service may write only its own)");

        List<ServiceProcess> started = new ArrayList<>();
        for (Instances.Instance i : plan) {
            Console.step("starting " + i.name() + " on port " + i.port());
            Map<String, String> env = new LinkedHashMap<>();
            env.put("THIDUA_DB_URL", postgres.jdbcUrl(i.database()));
            env.put("THIDUA_DB_USER", i.database());
            env.put("THIDUA_DB_PASSWORD", "");
            env.put("THIDUA_KAFKA", kafka.bootstrapServers());
            env.put("THIDUA_KAFKA_USERNAME", i.module());
            env.put("THIDUA_KAFKA_PASSWORD", Accounts.kafkaPassword(credentials, i.module()));
            env.put("THIDUA_OIDC_ISSUER", keycloak.issuer());
            env.put("THIDUA_OIDC_CLIENT_ID", Realm.API_CLIENT);
            Supervisor.Starter start = () -> ServiceProcess.start(java, repo, i.module(), i.name(), host, i.port(), serviceHeap, env,
                    logs.resolve(i.name() + ".log"));
            ServiceProcess process = (ServiceProcess) start.start();
            supervise(process, start, services::add);
            started.add(process);
        }
        // the web pages talk to each service's first instance
        String campaign = url(campaignPort);
        String participation = url(participationPort);
        String evaluation = url(evaluationPort);
        Console.step("starting the web pages on port " + webPort + " (they call each service's first instance)");
        Map<String, String> webEnv = new LinkedHashMap<>();
        webEnv.put("THIDUA_OIDC_ISSUER", keycloak.issuer());
        webEnv.put("THIDUA_WEB_PUBLIC_URL", url(webPort));
        webEnv.put("THIDUA_WEB_HOST", host);
        webEnv.put("THIDUA_CAMPAIGN_URL", campaign);
        webEnv.put("THIDUA_PARTICIPATION_URL", participation);
        webEnv.put("THIDUA_EVALUATION_URL", evaluation);
        Supervisor.Starter startWeb = () -> ServiceProcess.start(java, repo, "web", host, webPort, "256m", webEnv, logs.resolve("web.log"));
        ServiceProcess webProcess = (ServiceProcess) startWeb.start();
        supervise(webProcess, startWeb, s -> web = s);
        for (ServiceProcess s : started) {
            s.awaitHealthy(Duration.ofSeconds(180));
            Console.ok(s.name() + " healthy at " + s.url());
        }
        webProcess.awaitHealthy(Duration.ofSeconds(180));
        Console.ok("web pages ready at " + webProcess.url());
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
            Console.plain(String.format("  %-23s %s   Swagger UI: %s/q/swagger-ui   log: %s", s.name(), s.url(), s.url(), s.log()));
        }
        Console.plain(String.format("  %-23s %s   sign in with an account below   log: %s", "web pages", webProcess.url(), webProcess.log()));
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
        Console.plain("A process that exits is started again. Ctrl-C (or SIGTERM) stops everything, in order, within "
                + STOP_BOUND.toSeconds() + " s.");
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

    /** Supervises a started process, unless the stop has begun (then it is stopped at once). */
    private synchronized void supervise(Child child, Supervisor.Starter starter, java.util.function.Consumer<Supervisor.Supervised> keep) {
        if (stopStarted) {
            child.stop(SERVICE_STOP);
            throw new StackException("stopped while starting");
        }
        keep.accept(supervisor.watch(child, starter));
    }

    /**
     * The ordered stop (Ctrl-C, SIGTERM, or a failed start): no more restarts; the services drain
     * and stop; then the web pages and Keycloak; then the broker; then PostgreSQL. Each step is
     * printed with its duration.
     */
    synchronized void stopAll() {
        if (stopStarted) {
            return;
        }
        stopStarted = true;
        supervisor.stopping();
        if (postgres == null) {
            // refused before anything started (a port taken, a bad option): nothing to stop
            stopped.countDown();
            return;
        }
        long start = System.nanoTime();
        Console.step("stopping: the services first (they drain: no new requests, those in flight finish, the relay flushes), "
                + "then the web pages and Keycloak, then the Kafka broker, then PostgreSQL");
        List<Runnable> step = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Supervisor.Supervised s : services) {
            Child c = s.current();
            names.add(c.name());
            step.add(() -> c.stop(SERVICE_STOP));
        }
        stopStep(1, names, step);
        step.clear();
        names.clear();
        if (web != null) {
            Child c = web.current();
            names.add("the web pages");
            step.add(() -> c.stop(OTHER_STOP));
        }
        if (keycloak != null) {
            names.add("Keycloak");
            step.add(() -> keycloak.stop(OTHER_STOP));
        }
        stopStep(2, names, step);
        if (broker != null) {
            Child c = broker.current();
            stopStep(3, List.of("the Kafka broker"), List.of(() -> c.stop(OTHER_STOP)));
        } else {
            stopStep(3, List.of(), List.of());
        }
        if (postgres != null) {
            EmbeddedPostgresServer pg = postgres;
            stopStep(4, List.of("PostgreSQL"), List.of(pg::close));
        } else {
            stopStep(4, List.of(), List.of());
        }
        Console.ok(String.format(java.util.Locale.ROOT, "stopped in %.1f s; data kept in %s", (System.nanoTime() - start) / 1e9, dataDir.toAbsolutePath()));
        stopped.countDown();
    }

    /** One step of the stop: its parts in parallel, each one's time and the step's printed. */
    private static void stopStep(int number, List<String> names, List<Runnable> parts) {
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        String[] took = new String[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            int index = i;
            Runnable part = parts.get(i);
            Thread thread = new Thread(() -> {
                long t = System.nanoTime();
                try {
                    part.run();
                    took[index] = names.get(index) + String.format(java.util.Locale.ROOT, " %.1f s", (System.nanoTime() - t) / 1e9);
                } catch (RuntimeException e) {
                    took[index] = names.get(index) + " (" + e.getMessage() + ")";
                }
            }, "thidua-local-stop-" + names.get(i));
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Console.ok(String.format(java.util.Locale.ROOT, "stop %d/4 in %.1f s: %s", number, (System.nanoTime() - start) / 1e9,
                parts.isEmpty() ? "nothing was running" : String.join(", ", took)));
    }
}
