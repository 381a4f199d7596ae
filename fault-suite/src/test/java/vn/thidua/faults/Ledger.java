package vn.thidua.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * Every request the suite's clients sent: its Idempotency-Key (or, for a roster join, which is
 * idempotent by itself, its member), its first outcome, and the answer it finally got, if any.
 */
final class Ledger {
    enum Kind { RECORD, JOIN, CAMPAIGN }

    /** One request, sent once under load and retried with the same key until answered. */
    static final class Entry {
        final Kind kind;
        final String key;
        final String method;
        final String path;
        final Map<String, Object> body;
        final String unit;
        final String member;
        final long firstSentAt;
        volatile String firstOutcome;
        /** The answer's status: 0 while there was none (no connection, a timeout, a 5xx). */
        volatile int status;
        /** The record, campaign or member the answer names. */
        volatile String id;
        volatile int attempts;

        Entry(Kind kind, String key, String method, String path, Map<String, Object> body, String unit, String member) {
            this.kind = kind;
            this.key = key;
            this.method = method;
            this.path = path;
            this.body = body;
            this.unit = unit;
            this.member = member;
            this.firstSentAt = System.nanoTime();
        }

        boolean answered() {
            return status != 0;
        }

        boolean accepted() {
            return status == 200 || status == 201;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).version(HttpClient.Version.HTTP_1_1).build();
    private final Supplier<String> authorization;
    private final ConcurrentLinkedQueue<Entry> entries = new ConcurrentLinkedQueue<>();

    Ledger(Supplier<String> authorization) {
        this.authorization = authorization;
    }

    Entry add(Kind kind, String key, String method, String path, Map<String, Object> body, String unit, String member) {
        Entry e = new Entry(kind, key, method, path, body, unit, member);
        entries.add(e);
        return e;
    }

    /** Sends the entry's request to {@code baseUrl}; true when it got an answer (not a 5xx, not a lost connection). */
    boolean send(Entry e, String baseUrl, Duration timeout) {
        e.attempts++;
        String outcome;
        try {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(baseUrl + e.path)).timeout(timeout)
                    .header("Accept", "application/json").header("Authorization", authorization.get())
                    .header("Content-Type", "application/json")
                    .method(e.method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(e.body), StandardCharsets.UTF_8));
            if (e.kind != Kind.JOIN) {
                r.header("Idempotency-Key", e.key);
            }
            HttpResponse<String> answer = http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            outcome = Integer.toString(answer.statusCode());
            if (answer.statusCode() < 500) {
                e.id = idOf(e, answer);
                e.status = answer.statusCode();
            }
        } catch (IOException ex) {
            outcome = "no answer (" + ex.getClass().getSimpleName() + ")";
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            outcome = "interrupted";
        }
        if (e.firstOutcome == null) {
            e.firstOutcome = outcome;
        }
        return e.answered();
    }

    private static String idOf(Entry e, HttpResponse<String> answer) throws IOException {
        if (answer.statusCode() >= 300) {
            return null;
        }
        return switch (e.kind) {
            case JOIN -> e.member;
            case RECORD -> JSON.readTree(answer.body()).path("recordId").asText(null);
            case CAMPAIGN -> JSON.readTree(answer.body()).path("campaignId").asText(null);
        };
    }

    List<Entry> all() {
        return List.copyOf(entries);
    }

    List<Entry> of(Kind kind) {
        return entries.stream().filter(e -> e.kind == kind).toList();
    }

    List<Entry> unanswered() {
        return entries.stream().filter(e -> !e.answered()).toList();
    }

    /** What the users saw of the requests first sent in [from, to): outcome → count. */
    Map<String, Integer> firstOutcomes(long from, long to) {
        Map<String, Integer> seen = new TreeMap<>();
        for (Entry e : entries) {
            if (e.firstSentAt >= from && e.firstSentAt < to && e.firstOutcome != null) {
                seen.merge(e.firstOutcome, 1, Integer::sum);
            }
        }
        return seen;
    }

    static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    static List<String> describe(List<Entry> list) {
        List<String> out = new ArrayList<>();
        for (Entry e : list) {
            out.add(e.kind + " " + e.key + " " + e.method + " " + e.path + " → " + (e.answered() ? e.status : "no answer") + " after " + e.attempts
                    + " attempt(s)");
        }
        return out;
    }
}
