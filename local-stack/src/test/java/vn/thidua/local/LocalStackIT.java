package vn.thidua.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.thidua.contract.access.BearerTokens;
import vn.thidua.contract.access.Credentials;

/**
 * The local stack started as a user would ({@code ./thidua-local}), on ports of its own: a person signs
 * in against its Keycloak and gets the roles and unit of the sample accounts; the three services answer
 * (every call with a token from Keycloak), the seed's campaigns and the sample's year table are there,
 * computed as by hand; the three services together close the year; the web pages work in a real browser
 * ({@link WebScenario}); a service killed with {@code kill -9} is started again by the stack; Ctrl-C (SIGINT,
 * with the stack started as a script starts it in the background) stops it in order within 15 s and leaves
 * no process; a second start finds the data.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {
    private static final Path REPO = Path.of(System.getProperty("thidua.repo", "..")).toAbsolutePath().normalize();
    /**
     * PostgreSQL, Kafka (and its controller, the next port), the three services, Keycloak (and its management
     * port), the web: nine free ports in a row.
     */
    private static final int BASE = freePorts(9);
    private static final String KAFKA = "localhost:" + (BASE + 1);
    private static final String CAMPAIGN = "http://localhost:" + (BASE + 3);
    private static final String PARTICIPATION = "http://localhost:" + (BASE + 4);
    private static final String EVALUATION = "http://localhost:" + (BASE + 5);
    private static final String WEB = "http://localhost:" + (BASE + 8);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static Path data;
    private static Process stack;
    // appended to by the thread that drains the stack's output while the tests read it
    private static final List<String> output = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static String digestAtClose;
    private static int awarded;
    private static String digestAtAsOf;
    private static java.time.Instant asOf;
    private static Credentials credentials;
    private static BearerTokens officer;

    /**
     * The first of {@code count} consecutive ports free now, below Linux's ephemeral range (32768-60999),
     * where an outgoing connection may take one at any time; picked at random so that runs side by side differ.
     */
    private static int freePorts(int count) {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = 20_000 + random.nextInt(12_000);
            boolean free = true;
            for (int port = base; port < base + count && free; port++) {
                try (java.net.ServerSocket socket = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                    socket.setReuseAddress(true);
                } catch (IOException e) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no " + count + " free ports in a row between 20000 and 32000");
    }

    /** The Kafka login of the stack's auditor user (reads every topic), from credentials.json. */
    private static java.util.Map<String, Object> auditorLogin() {
        Credentials.KafkaUser auditor = credentials.kafkaUser("auditor").orElseThrow();
        return vn.thidua.contract.access.KafkaLogin.sasl(credentials.kafka().mechanism(), auditor.username(), auditor.password());
    }

    private static List<String> portOptions() {
        return List.of("--pg-port", Integer.toString(BASE), "--kafka-port", Integer.toString(BASE + 1),
                "--campaign-port", Integer.toString(BASE + 3), "--participation-port", Integer.toString(BASE + 4),
                "--evaluation-port", Integer.toString(BASE + 5), "--keycloak-port", Integer.toString(BASE + 6),
                "--web-port", Integer.toString(BASE + 8));
    }

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("thidua-local-it");
        stack = launch(true);
        credentials = Credentials.read(data.resolve("credentials.json"));
        officer = BearerTokens.ofUser(credentials, "canbo.tdkt");
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null && stack.isAlive()) {
            // SIGTERM stops it in order, PostgreSQL included (which SIGKILL would leave running)
            stack.destroy();
            if (!stack.waitFor(30, TimeUnit.SECONDS)) {
                stack.descendants().forEach(ProcessHandle::destroyForcibly);
                stack.destroyForcibly();
            }
        }
    }

    /** The time the stop may take (issue 17's done-when). */
    private static final Duration STOP_BOUND = Duration.ofSeconds(15);

    /**
     * Starts {@code ./thidua-local} with SIGINT ignored, as bash starts a background job ({@code &}) of a
     * script: the launcher must give Ctrl-C back its meaning itself.
     */
    private static Process launch(boolean fresh) throws Exception {
        List<String> command = new ArrayList<>(List.of("./thidua-local", "--no-build", "--data-dir", data.toString()));
        command.addAll(portOptions());
        if (fresh) {
            command.add("--fresh");
        }
        List<String> quoted = command.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").toList();
        Process process = new ProcessBuilder("bash", "-c", "trap '' INT; exec " + String.join(" ", quoted))
                .directory(REPO.toFile()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        // a liveness bound, not a speed target: on 2 cores shared with other builds a first start took 8 minutes
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        String line;
        while ((line = out.readLine()) != null) {
            output.add(line);
            System.out.println(line);
            if (line.equals("thidua is ready.")) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> {
                    output.add(l);
                    System.out.println(l);
                }));
                drain.setDaemon(true);
                drain.start();
                return process;
            }
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        // stopped as SIGTERM stops it (in order, PostgreSQL too), then for good: nothing left running for the next test
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        throw new AssertionError("the local stack did not become ready:\n" + String.join("\n", output));
    }

    /** A read, as the officer (any signed-in role may read). */
    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", officer.header()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url + " → " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> post(String url, String body, BearerTokens who) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json").header("Authorization", who.header())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static BearerTokens unitHead(String unit) {
        return BearerTokens.ofUser(credentials, "truong." + unit.toLowerCase(java.util.Locale.ROOT));
    }

    /** A line of the stack's output matching {@code pattern}, waited for up to {@code within}. */
    private static String awaitLine(java.util.regex.Pattern pattern, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : output) {
                if (pattern.matcher(line).find()) {
                    return line;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no line matching " + pattern + " within " + within.toSeconds() + " s:\n" + String.join("\n", output));
    }

    /** The stack's child JVM running {@code module}'s packaged app. */
    private static ProcessHandle serviceProcess(Process stackProcess, String module) {
        return stackProcess.toHandle().children()
                .filter(p -> p.info().commandLine().orElse("").contains(module + "/target/quarkus-app/quarkus-run.jar"))
                .findFirst().orElseThrow(() -> new AssertionError("no process of " + module + " under the stack"));
    }

    /**
     * SIGINT, as Ctrl-C in a terminal: the stack stops in order (the services, then the web pages and
     * Keycloak, then the broker, then PostgreSQL), each step printed, within {@link #STOP_BOUND}; then
     * every process it started is gone.
     */
    private static void interrupt(Process process) throws Exception {
        List<ProcessHandle> children = process.toHandle().descendants().toList();
        assertThat(children).as("the services and the broker run as child processes").hasSizeGreaterThanOrEqualTo(4);
        java.util.Map<ProcessHandle, Long> exits = new java.util.concurrent.ConcurrentHashMap<>();
        for (ProcessHandle child : children) {
            child.onExit().thenRun(() -> exits.put(child, System.nanoTime()));
        }
        ProcessHandle services = serviceProcess(process, "participation-service");
        // the broker's JVM, by its heap option (its main class comes after a classpath longer than the command line Java reads)
        ProcessHandle broker = process.toHandle().children()
                .filter(p -> p.info().commandLine().orElse("").contains("-Xmx768m")).findFirst().orElseThrow();
        int from = output.size();
        long start = System.nanoTime();
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
        assertThat(process.waitFor(STOP_BOUND.toSeconds() + 30, TimeUnit.SECONDS)).as("the stack stops on Ctrl-C").isTrue();
        double took = (System.nanoTime() - start) / 1e9;
        for (ProcessHandle child : children) {
            child.onExit().get(30, TimeUnit.SECONDS);
            assertThat(child.isAlive()).as("process " + child.pid() + " left behind").isFalse();
        }
        System.out.printf("LocalStackIT: the stack stopped %.1f s after SIGINT%n", took);
        assertThat(took).as("seconds from SIGINT to the stack's exit").isLessThan(STOP_BOUND.toSeconds());
        // in order, as printed
        List<String> printed = List.copyOf(output.subList(from, output.size()));
        List<String> steps = printed.stream().filter(l -> l.matches(".*✓ stop [1-4]/4 in .*")).toList();
        assertThat(steps).hasSize(4);
        assertThat(steps.get(0)).contains("stop 1/4").contains("campaign-service").contains("participation-service").contains("evaluation-service");
        assertThat(steps.get(1)).contains("stop 2/4").contains("the web pages").contains("Keycloak");
        assertThat(steps.get(2)).contains("stop 3/4").contains("the Kafka broker");
        assertThat(steps.get(3)).contains("stop 4/4").contains("PostgreSQL");
        assertThat(printed).anyMatch(l -> l.matches(".*✓ stopped in [0-9.]+ s; data kept in .*"));
        // and as the processes exited: a service before the broker
        assertThat(exits.get(services)).as("participation-service exited before the broker").isLessThan(exits.get(broker));
        // no restart while stopping
        assertThat(printed).noneMatch(l -> l.contains("restarting in"));
    }

    @Test
    @Order(0)
    void a_unit_head_signs_in_against_keycloak_and_gets_the_role_and_unit_of_the_credentials_file() throws Exception {
        assertThat(Files.getPosixFilePermissions(data.resolve("credentials.json")))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        assertThat(credentials.issuer()).isEqualTo("http://127.0.0.1:" + (BASE + 6) + "/realms/thidua");
        assertThat(credentials.users()).extracting(Credentials.User::username)
                .contains("canbo.tdkt", "kiemtoan", "truong.vp", "truong.ttr", "truong.khtc", "truong.qlkh", "truong.ttud");
        assertThat(credentials.kafka().users()).extracting(Credentials.KafkaUser::username).contains("dept-system", "auditor");

        // a real sign-in: the password grant through the public client thidua-cli, as a script does
        Credentials.User head = credentials.user("truong.ttr").orElseThrow();
        String form = "grant_type=password&client_id=" + credentials.cliClientId() + "&username=" + head.username() + "&password="
                + java.net.URLEncoder.encode(head.password(), StandardCharsets.UTF_8);
        HttpResponse<String> signIn = HTTP.send(HttpRequest.newBuilder(URI.create(credentials.tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        JsonNode claims = BearerTokens.claims(JSON.readTree(signIn.body()).path("access_token").asText());
        assertThat(claims.path("iss").asText()).isEqualTo(credentials.issuer());
        assertThat(claims.path("preferred_username").asText()).isEqualTo("truong.ttr");
        assertThat(claims.path("unit").asText()).isEqualTo("TTR");
        assertThat(claims.path("realm_access").path("roles")).extracting(JsonNode::asText).containsExactly("unit-head");
        assertThat(claims.path("aud").toString()).contains("thidua-api");

        // the provincial feed: client credentials, role feed, no unit
        JsonNode feed = BearerTokens.claims(BearerTokens.ofClient(credentials, "provincial-feed").accessToken());
        assertThat(feed.path("realm_access").path("roles")).extracting(JsonNode::asText).containsExactly("feed");
        assertThat(feed.path("azp").asText()).isEqualTo("provincial-feed");
        assertThat(feed.has("unit")).isFalse();

        // a wrong password is refused
        HttpResponse<String> wrong = HTTP.send(HttpRequest.newBuilder(URI.create(credentials.tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=thidua-cli&username=truong.ttr&password=sai")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(output).noneMatch(l -> l.contains(head.password()));
    }

    @Test
    @Order(1)
    void the_three_services_answer_with_the_seed_campaigns() throws Exception {
        for (String service : List.of(CAMPAIGN, PARTICIPATION, EVALUATION)) {
            assertThat(get(service + "/q/health/ready").path("status").asText()).isEqualTo("UP");
        }
        JsonNode campaigns = get(CAMPAIGN + "/api/campaigns?year=2023");
        assertThat(campaigns).hasSize(2);
        List<String> titles = new ArrayList<>();
        campaigns.forEach(c -> titles.add(c.path("title").asText()));
        assertThat(titles).contains("Thái Nguyên chung sức xây dựng nông thôn mới giai đoạn 2021-2025");
        campaigns.forEach(c -> assertThat(c.path("acknowledged").asInt()).isEqualTo(5));
        assertThat(get(CAMPAIGN + "/api/plans")).hasSize(3);
        assertThat(output).anyMatch(l -> l.contains(EVALUATION + "/api/scores/2023/units"));
    }

    @Test
    @Order(2)
    void the_sample_year_table_is_there_as_computed_by_hand() throws Exception {
        JsonNode units = get(EVALUATION + "/api/scores/2023/units");
        assertThat(units.path("status").asText()).isEqualTo("OPEN");
        assertThat(units.path("units")).hasSize(5);
        // CB-VP-01 (the first member): Đợt: registered 1 + one activity 2 = 3; Chuyên đề: registered 1 + activity 2
        // + achievement 5 + initiative 10 = 18; total 21, from 6 records
        JsonNode first = get(EVALUATION + "/api/scores/2023/members/CB-VP-01");
        assertThat(first.path("score").asInt()).isEqualTo(21);
        assertThat(first.path("records")).hasSize(6);
        // VP: its six members bring 21 + 8 + 10 + 17 + 6 + 18 = 80 points; 80 / 6 + 4 (its own two activities) = 17.33
        JsonNode vp = null;
        for (JsonNode u : units.path("units")) {
            if (u.path("unitCode").asText().equals("VP")) {
                vp = u;
            }
        }
        assertThat(vp).isNotNull();
        assertThat(vp.path("score").asText()).isEqualTo("17.33");
        assertThat(vp.path("rosterSize").asInt()).isEqualTo(6);
        // the inspector who moved to QLKH on 2023-07-01 is on both rosters that year
        assertThat(get(EVALUATION + "/api/scores/2023/units/QLKH/members").path("members").toString()).contains("CB-TTR-06");
        assertThat(get(EVALUATION + "/api/scores/2023/units/TTR/members").path("members").toString()).contains("CB-TTR-06");
        JsonNode appraisal = get(EVALUATION + "/api/appraisals/2023");
        assertThat(appraisal.path("counts").path("countedRecords").asInt()).isEqualTo(190);
        assertThat(appraisal.path("counts").path("refusedRecords").asInt()).isZero();
    }

    @Test
    @Order(3)
    void more_records_change_the_live_table() throws Exception {
        digestAtAsOf = get(EVALUATION + "/api/scores/2023/units").path("digest").asText();
        Thread.sleep(1500);
        asOf = java.time.Instant.now();
        Thread.sleep(1500);
        String thematic = get(CAMPAIGN + "/api/campaigns?year=2023&kind=THEMATIC").get(0).path("campaignId").asText();
        for (int day = 1; day <= 3; day++) {
            HttpResponse<String> r = post(PARTICIPATION + "/api/participations", "{\"campaignId\":\"" + thematic
                    + "\",\"unitCode\":\"KHTC\",\"memberId\":\"CB-KHTC-03\",\"kind\":\"ACTIVITY\",\"occurredOn\":\"2023-11-0" + day
                    + "\",\"description\":\"Tham gia ngày hội chuyển đổi số\"}", unitHead("KHTC"));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
        // and two of 2024: a second year, still open when 2023 closes
        for (String day : List.of("2024-03-08", "2024-04-30")) {
            HttpResponse<String> r = post(PARTICIPATION + "/api/participations", "{\"campaignId\":\"" + thematic
                    + "\",\"unitCode\":\"TTUD\",\"memberId\":\"CB-TTUD-01\",\"kind\":\"ACHIEVEMENT\",\"occurredOn\":\"" + day
                    + "\",\"description\":\"Chuyển giao công nghệ cho hợp tác xã chè Tân Cương\",\"evidence\":{\"documentNumber\":\"QĐ 9/QĐ-KHCN\"}}", unitHead("TTUD"));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (get(EVALUATION + "/api/appraisals/2023").path("counts").path("countedRecords").asInt() != 193
                || get(EVALUATION + "/api/appraisals/2024").path("counts").path("countedRecords").asInt() != 2) {
            assertThat(System.nanoTime()).as("the new records to be counted").isLessThan(deadline);
            Thread.sleep(300);
        }
        assertThat(get(EVALUATION + "/api/scores/2023/units").path("digest").asText()).isNotEqualTo(digestAtAsOf);
    }

    @Test
    @Order(4)
    void the_three_services_close_the_year_together() throws Exception {
        String digest = get(EVALUATION + "/api/scores/2023/units").path("digest").asText();
        HttpResponse<String> closed = post(EVALUATION + "/api/appraisals/2023/close", "{\"closedBy\":\"Thanh tra Sở\"}", officer);
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(201);
        assertThat(JSON.readTree(closed.body()).path("digest").asText()).isEqualTo(digest);
        digestAtClose = digest;

        // participation-service learns of the close from Kafka and refuses the year from then on
        String record = "{\"campaignId\":\"" + get(CAMPAIGN + "/api/campaigns?year=2023&kind=THEMATIC").get(0).path("campaignId").asText()
                + "\",\"unitCode\":\"VP\",\"memberId\":\"CB-VP-02\",\"kind\":\"ACTIVITY\",\"occurredOn\":\"2023-12-30\",\"description\":\"Muộn\"}";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> answer = post(PARTICIPATION + "/api/participations", record, unitHead("VP"));
        while (answer.statusCode() != 422 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            answer = post(PARTICIPATION + "/api/participations", record, unitHead("VP"));
        }
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(answer.body()).path("type").asText()).endsWith("/year-closed");

        JsonNode rebuilt = JSON.readTree(post(EVALUATION + "/api/projection/rebuild", "", officer).body());
        assertThat(rebuilt.path("identical").asBoolean()).isTrue();
        assertThat(rebuilt.path("after").path("2023").asText()).isEqualTo(digest);
    }

    /**
     * Issue 19's done-when on the sample: the closed 2023 goes from its records and ratings to the proposals,
     * the council's ballots and the decision through the APIs (the audit that follows checks every title).
     */
    @Test
    @Order(5)
    void the_council_awards_the_sample_year_what_the_proposals_allow() throws Exception {
        JsonNode proposals = get(EVALUATION + "/api/years/2023/proposals");
        assertThat(proposals.path("status").asText()).isEqualTo("CLOSED");
        List<Map<String, Object>> awards = new ArrayList<>();
        for (String subject : List.of("MEMBER", "UNIT")) {
            for (JsonNode one : proposals.path(subject.equals("MEMBER") ? "members" : "units")) {
                for (JsonNode title : one.path("titles")) {
                    String name = title.path("title").asText();
                    if (title.path("proposed").asBoolean() && (name.equals("ADVANCED_WORKER") || name.equals("ADVANCED_COLLECTIVE"))) {
                        String id = one.path(subject.equals("MEMBER") ? "memberId" : "unitCode").asText();
                        awards.add(Map.of("subject", subject, "subjectId", id, "title", name));
                    }
                }
            }
        }
        assertThat(awards).as("the sample's ratings and records make some members and units eligible").isNotEmpty();
        for (Map<String, Object> award : awards) {
            Map<String, Object> ballot = new java.util.LinkedHashMap<>(award);
            ballot.put("councilMembers", 9);
            ballot.put("votesFor", 7);
            HttpResponse<String> voted = post(EVALUATION + "/api/years/2023/ballots", JSON.writeValueAsString(ballot), officer);
            assertThat(voted.statusCode()).as(voted.body()).isBetween(200, 201);
        }
        String decision = JSON.writeValueAsString(Map.of("number", "21/QĐ-SKHCN",
                "signedOn", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString(),
                "signer", "Nguyễn Văn Hùng", "signerPosition", "Giám đốc", "awards", awards));
        HttpResponse<String> decided = post(EVALUATION + "/api/years/2023/decision", decision, officer);
        assertThat(decided.statusCode()).as(decided.body()).isBetween(200, 201);
        awarded = awards.size();
        assertThat(JSON.readTree(decided.body()).path("decision").path("number").asText()).isEqualTo("21/QĐ-SKHCN");
        // the decision is on thidua.award.v1 before the audit reads the log
        var onKafka = vn.thidua.testsupport.TopicReader.readUntil(KAFKA, auditorLogin(), List.of("thidua.award.v1"), r -> !r.isEmpty(),
                Duration.ofSeconds(60));
        assertThat(onKafka).hasSize(1);
    }

    @Test
    @Order(6)
    void the_audit_replays_the_services_log_to_the_same_digests() throws Exception {
        Path json = data.resolve("audit.json");
        Process audit = new ProcessBuilder("./thidua-audit", "--credentials", data.resolve("credentials.json").toString(), "--service", EVALUATION,
                "--json", json.toString())
                .directory(REPO.toFile()).redirectErrorStream(true).start();
        String report = new String(audit.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println(report);
        assertThat(audit.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(audit.exitValue()).as(report).isZero();
        JsonNode year = JSON.readTree(json.toFile()).path("years").get(0);
        assertThat(year.path("year").asInt()).isEqualTo(2023);
        assertThat(year.path("status").asText()).isEqualTo("CLOSED");
        assertThat(year.path("digest").asText()).isEqualTo(digestAtClose);
        assertThat(year.path("counted").asInt()).isEqualTo(193);
        assertThat(year.path("closedBy").asText()).as("who closed 2023, from the close's ce_actor").isEqualTo("user:canbo.tdkt");
        assertThat(report).contains("2023 was closed by user:canbo.tdkt at ");
        assertThat(report).as("every title of the sample's decision checked against the proposals recomputed from the log")
                .contains("Titles 2023: " + awarded + " awarded, each proposed by the log and passed by its ballot ✓");
        // 2024 is open: the replay's table equals the one evaluation-service serves
        JsonNode open = JSON.readTree(json.toFile()).path("years").get(1);
        assertThat(open.path("year").asInt()).isEqualTo(2024);
        assertThat(open.path("status").asText()).isEqualTo("OPEN");
        assertThat(open.path("expectedFrom").asText()).isEqualTo("evaluation-service");
        assertThat(open.path("matches").asBoolean()).isTrue();
        assertThat(get(EVALUATION + "/api/scores/2024/members/CB-TTUD-01").path("score").asInt()).isEqualTo(10);

        Process asOfAudit = new ProcessBuilder("./thidua-audit", "--credentials", data.resolve("credentials.json").toString(), "--year", "2023", "--as-of",
                asOf.atOffset(java.time.ZoneOffset.ofHours(7)).toString(), "--json", json.toString())
                .directory(REPO.toFile()).redirectErrorStream(true).start();
        String asOfReport = new String(asOfAudit.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println(asOfReport);
        assertThat(asOfAudit.waitFor(120, TimeUnit.SECONDS)).isTrue();
        JsonNode then = JSON.readTree(json.toFile()).path("years").get(0);
        assertThat(then.path("status").asText()).isEqualTo("OPEN");
        assertThat(then.path("digest").asText()).as("the table as it stood at " + asOf).isEqualTo(digestAtAsOf);
    }

    @Test
    @Order(7)
    void the_services_log_answers_to_the_published_rules_alone() throws Exception {
        List<String> topics = java.util.Arrays.stream(vn.thidua.contract.events.Topic.values()).map(vn.thidua.contract.events.Topic::address)
                .toList();
        var records = new ArrayList<>(vn.thidua.testsupport.TopicReader.readUntil(KAFKA, auditorLogin(), topics, r -> true, Duration.ofSeconds(5)));
        records.sort(java.util.Comparator.comparing((org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> r) -> r.topic())
                .thenComparingInt(org.apache.kafka.clients.consumer.ConsumerRecord::partition)
                .thenComparingLong(org.apache.kafka.clients.consumer.ConsumerRecord::offset));
        assertThat(records).hasSizeGreaterThan(240);
        assertThat(vn.thidua.testsupport.PublishedChainRule.mismatches(records)).as("every hash by docs/AUDITING.md's rule").isEmpty();
        assertThat(records).allSatisfy(r -> assertThat(new String(r.headers().lastHeader("ce_actor").value(), StandardCharsets.UTF_8))
                .matches("(user|client|system):.+"));

        Path bundle = data.resolve("audit-2023.jsonl");
        Process export = new ProcessBuilder("./thidua-audit", "--credentials", data.resolve("credentials.json").toString(), "--year", "2023", "--export", bundle.toString())
                .directory(REPO.toFile()).redirectErrorStream(true).start();
        String exported = new String(export.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(export.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(export.exitValue()).as(exported).isZero();
        Process which = new ProcessBuilder("sh", "-c", "command -v python3").start();
        org.junit.jupiter.api.Assumptions.assumeTrue(which.waitFor() == 0,
                "python3 is not on this machine's PATH: the reference verifier docs/verify_bundle.py is not run");
        Process verify = new ProcessBuilder("python3", "docs/verify_bundle.py", bundle.toString()).directory(REPO.toFile())
                .redirectErrorStream(true).start();
        String verified = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println(verified);
        assertThat(verify.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(verify.exitValue()).as(verified).isZero();
        assertThat(verified).contains("✓ AppraisalClosed: " + digestAtClose).contains("Result: the bundle holds ✓");
    }

    /**
     * After the log's tests (the scenario adds a campaign and closes the current year, which they do not expect),
     * before the restart (the web's sessions live in its process).
     */
    @Test
    @Order(8)
    void the_web_pages_work_in_a_real_browser_signed_in_through_keycloak() throws Exception {
        assertThat(output).anyMatch(l -> l.contains(WEB) && l.contains("web pages"));
        try (WebScenario web = WebScenario.open(WEB, data.resolve("credentials.json"), REPO.resolve("docs/screenshots"))) {
            web.everyPage_rendersAgainstTheRealServices_forThePeopleItIsFor();
            web.officerLaunches_unitHeadRecords_anotherHeadIsRefused_officerCloses();
        }
    }

    @Test
    @Order(9)
    void a_service_killed_with_kill_9_is_started_again_by_the_stack_and_answers_ready() throws Exception {
        ProcessHandle killed = serviceProcess(stack, "participation-service");
        long start = System.nanoTime();
        assertThat(killed.destroyForcibly()).isTrue();
        awaitLine(java.util.regex.Pattern.compile("✗ participation-service exited \\(code 137\\); restarting in 1 s$"), Duration.ofSeconds(5));
        String restarted = awaitLine(java.util.regex.Pattern.compile("✓ participation-service restarted \\(pid (\\d+)\\) and ready in "),
                Duration.ofSeconds(180));
        System.out.printf("LocalStackIT: participation-service ready again %.1f s after kill -9%n", (System.nanoTime() - start) / 1e9);
        ProcessHandle again = serviceProcess(stack, "participation-service");
        assertThat(again.pid()).isNotEqualTo(killed.pid());
        assertThat(restarted).contains("(pid " + again.pid() + ")");
        assertThat(get(PARTICIPATION + "/q/health/ready").path("status").asText()).isEqualTo("UP");
        // and it serves: the roster of a unit, from its database
        assertThat(get(PARTICIPATION + "/api/units/TTR/members?on=2023-06-30")).isNotEmpty();
    }

    @Test
    @Order(10)
    void ctrl_c_stops_everything_in_order_and_a_second_start_finds_the_data() throws Exception {
        interrupt(stack);
        output.clear();
        stack = launch(false);
        assertThat(output).anyMatch(l -> l.contains("data from an earlier run is there"));
        assertThat(get(CAMPAIGN + "/api/campaigns?year=2023")).hasSize(2);
        JsonNode units = get(EVALUATION + "/api/scores/2023/units");
        assertThat(units.path("status").asText()).isEqualTo("CLOSED");
        assertThat(units.path("digest").asText()).isEqualTo(digestAtClose);
        interrupt(stack);
    }

    @Test
    @Order(11)
    void a_port_already_taken_is_one_clear_line() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(BASE + 3, 1, java.net.InetAddress.getLoopbackAddress())) {
            List<String> command = new ArrayList<>(List.of("./thidua-local", "--no-build", "--data-dir", data.toString()));
            command.addAll(portOptions());
            Process p = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true).start();
            String all = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(1);
            assertThat(all).contains("port " + (BASE + 3) + " for campaign-service (--campaign-port) is already in use").doesNotContain("Exception");
        }
    }
}
