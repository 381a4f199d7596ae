package vn.thidua.testsupport.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import vn.thidua.testsupport.TestTokens;
import vn.thidua.testsupport.openapi.OpenApiDocument;

/**
 * Runs a table of bad requests against a running service and holds every answer to the same rules:
 * the expected status (never 2xx, never 5xx), {@code application/problem+json} with a thidua
 * problem {@code type} and that status, no internal name in the body, and no event produced by the
 * whole table (the caller's count: event rows and topic end offsets). Every case is sent signed in
 * as the officer unless it names its own {@code Authorization}.
 */
public final class BadInputCorpus {
    private static final Logger LOG = Logger.getLogger(BadInputCorpus.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a client must never read: our packages, the JDK's, Jackson's, or an exception's name. */
    private static final Pattern INTERNAL = Pattern.compile("vn\\.thidua|java\\.|com\\.fasterxml|Exception");

    private BadInputCorpus() {
    }

    /** The outcome: how many cases, how many per status, per category, and what failed. */
    public record Report(int cases, Map<Integer, Integer> byStatus, Map<String, Integer> byCategory, List<String> failures, long eventsBefore,
                         long eventsAfter) {
        public String summary() {
            return cases + " bad requests: statuses " + byStatus + "; categories " + byCategory + "; events before " + eventsBefore
                    + ", after " + eventsAfter + "; " + failures.size() + " failed";
        }
    }

    /**
     * Sends every case to {@code base} and checks it; {@code events} counts what the service has
     * produced (read before the first and after the last case, each time once it has held still for
     * {@code settleMillis}: the relay publishes the events of earlier requests a little later).
     */
    public static Report run(URI base, List<BadInput> cases, LongSupplier events, long settleMillis) {
        long before = settled(events, settleMillis);
        Map<Integer, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> byCategory = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        String prefix = base.getPath() == null ? "" : base.getPath().replaceAll("/$", "");
        for (BadInput c : cases) {
            byCategory.merge(c.category(), 1, Integer::sum);
            try {
                RawHttp.Answer a = RawHttp.send(base.getHost(), base.getPort(), c.method(), prefix + c.target(), asOfficer(c.headers()), c.body());
                byStatus.merge(a.status(), 1, Integer::sum);
                String problem = check(c, a);
                if (problem != null) {
                    failures.add(c + ": " + problem);
                }
                String target = prefix + c.target();
                int query = target.indexOf('?');
                OpenApiDocument.of(base).violation(c.method(), query < 0 ? target : target.substring(0, query), a.status(),
                        a.header("content-type"), a.body()).ifPresent(v -> failures.add(c + ": breaks the OpenAPI document: " + v));
            } catch (Exception e) {
                failures.add(c + ": no answer (" + e + ")");
            }
        }
        long after = settled(events, settleMillis);
        if (after != before) {
            failures.add("events were produced by bad input: " + before + " before, " + after + " after");
        }
        Report report = new Report(cases.size(), byStatus, byCategory, failures, before, after);
        LOG.info("bad-input corpus: " + report.summary());
        return report;
    }

    /**
     * {@code headers} with the officer's bearer token unless they carry an {@code Authorization}: the
     * officer may call every endpoint, so what is refused is refused for its input (the roles are
     * {@code RoleMatrixTest}'s).
     */
    public static Map<String, String> asOfficer(Map<String, String> headers) {
        if (headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase("Authorization"))) {
            return headers;
        }
        Map<String, String> signedIn = new java.util.LinkedHashMap<>(headers);
        signedIn.put("Authorization", "Bearer " + TestTokens.officer());
        return signedIn;
    }

    /** Why the answer breaks the rules, or null. */
    static String check(BadInput c, RawHttp.Answer a) {
        String body = a.text();
        if (a.status() != c.status()) {
            return "status " + a.status() + ", expected " + c.status() + " (" + abbreviate(body) + ")";
        }
        String type = a.header("content-type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return "Content-Type " + type + ", expected application/problem+json (" + abbreviate(body) + ")";
        }
        if (INTERNAL.matcher(body).find()) {
            return "the body names internals: " + abbreviate(body);
        }
        try {
            JsonNode problem = JSON.readTree(body);
            if (!problem.path("type").asText().startsWith("https://thidua.vn/problems/") || problem.path("status").asInt() != a.status()
                    || problem.path("title").asText().isEmpty() || problem.path("detail").asText().isEmpty()) {
                return "not a complete thidua problem: " + abbreviate(body);
            }
        } catch (Exception e) {
            return "the body is not JSON: " + abbreviate(body);
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    /** The count once two readings {@code settleMillis} apart agree (at most 30 s). */
    private static long settled(LongSupplier events, long settleMillis) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        long last = events.getAsLong();
        while (true) {
            sleep(settleMillis);
            long now = events.getAsLong();
            if (now == last || System.nanoTime() > deadline) {
                return now;
            }
            last = now;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
