package vn.thidua.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * How long a service took to answer one route, as the service itself measured it (its HTTP layer,
 * from the request read to the answer written): the difference of the route's histogram in the
 * service's {@code /q/metrics} between two scrapes. Beside the bench's own timing of the same
 * requests, it tells the service's share from the wait of a bench sharing the machine's cores.
 */
final class ServerTimes {
    private static final String BUCKET = "http_server_requests_seconds_bucket{";
    private final Run run;
    private final String metricsUrl;
    private final String uri;
    private final NavigableMap<Double, Double> before;

    private ServerTimes(Run run, String serviceUrl, String uri) {
        this.run = run;
        this.metricsUrl = serviceUrl + "/q/metrics";
        this.uri = uri;
        this.before = buckets(scrape(), uri);
    }

    /** Starts counting the answers of GET {@code uri} (a route's template, e.g. {@code /api/scores/{year}/units}) with 200. */
    static ServerTimes start(Run run, String serviceUrl, String uri) {
        return new ServerTimes(run, serviceUrl, uri);
    }

    /** The answers since {@link #start}: how many, p50 and p99 in ms (within a bucket, interpolated linearly). */
    Map<String, Object> stop() {
        NavigableMap<Double, Double> after = buckets(scrape(), uri);
        NavigableMap<Double, Double> since = new TreeMap<>();
        after.forEach((le, count) -> since.put(le, count - before.getOrDefault(le, 0.0)));
        Map<String, Object> out = new LinkedHashMap<>();
        if (since.values().stream().anyMatch(count -> count < 0)) {
            out.put("error", "the service's counters went back between the two scrapes (restarted?)");
            return out;
        }
        double total = since.isEmpty() ? 0 : since.lastEntry().getValue();
        out.put("samples", (long) total);
        if (total > 0) {
            out.put("p50ms", percentile(since, 50) * 1000);
            out.put("p99ms", percentile(since, 99) * 1000);
        }
        return out;
    }

    private String scrape() {
        HttpResponse<String> r = run.http.text(metricsUrl, Duration.ofSeconds(30));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + metricsUrl + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** The cumulative counts by upper bound (seconds; +Inf as infinity) of GET {@code uri}'s answers with 200, in Prometheus text. */
    static NavigableMap<Double, Double> buckets(String metrics, String uri) {
        NavigableMap<Double, Double> out = new TreeMap<>();
        metrics.lines().filter(l -> l.startsWith(BUCKET) && l.contains("uri=\"" + uri + "\"") && l.contains("method=\"GET\"")
                && l.contains("status=\"200\"")).forEach(l -> {
                    int le = l.indexOf("le=\"") + 4;
                    String bound = l.substring(le, l.indexOf('"', le));
                    double upper = bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound);
                    out.merge(upper, Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)), Double::sum);
                });
        return out;
    }

    /**
     * The {@code p}th percentile (seconds) of cumulative bucket counts: the bucket where the rank
     * falls, interpolated linearly between its lower and upper bound (the last finite bound when it
     * falls in +Inf).
     */
    static double percentile(NavigableMap<Double, Double> cumulative, double p) {
        double total = cumulative.lastEntry().getValue();
        double rank = p / 100 * total;
        double lower = 0;
        double below = 0;
        for (Map.Entry<Double, Double> b : cumulative.entrySet()) {
            if (b.getValue() >= rank) {
                if (b.getKey().isInfinite()) {
                    return lower;
                }
                double inBucket = b.getValue() - below;
                return inBucket == 0 ? b.getKey() : lower + (b.getKey() - lower) * (rank - below) / inBucket;
            }
            lower = b.getKey();
            below = b.getValue();
        }
        return lower;
    }
}
