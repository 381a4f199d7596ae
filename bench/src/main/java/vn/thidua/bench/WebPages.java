package vn.thidua.bench;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import vn.thidua.contract.access.Credentials;

/**
 * The web pages as the officer sees them: a browser's sign-in over HTTP (the web's authorization code
 * flow with PKCE: redirected to Keycloak's login form, the officer's username and password posted to
 * it, redirected back, the session cookie kept), then {@code --renders} renders each of the year's
 * score table and the officer's overview, one at a time. Beside each page, its limit in the same run:
 * the services' API calls that page makes, as JSON straight from the services with the officer's token,
 * timed the same way, interleaved with the renders.
 */
final class WebPages {
    /** Renders (and API reads) before the timed ones: the first requests of a page also pay for compiling its code. */
    private static final int WARM_UP = 10;
    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

    private final Run run;
    private final CookieJar cookies = new CookieJar();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
    /** The same cookies, no redirect followed: a timed render must be the page itself, not a way back to the sign-in. */
    private final HttpClient pages = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();

    private WebPages(Run run) {
        this.run = run;
    }

    /** A page and the API calls behind it. */
    private record Page(String name, String path, List<String> apiCalls) {
    }

    static void run(Run run, Credentials.User officer) throws Exception {
        new WebPages(run).measure(officer);
    }

    private void measure(Credentials.User officer) throws Exception {
        String web = run.o.webUrl.replaceAll("/+$", "");
        Run.say("web pages: signing in to " + web + " as " + officer.username() + " through Keycloak's login form");
        signIn(web, officer);
        int y = Workload.YEAR;
        List<Page> measured = List.of(
                new Page("scoreTable", "/bang-diem?nam=" + y, List.of(run.o.evaluationUrl + "/api/scores/" + y + "/units")),
                new Page("officerOverview", "/can-bo?nam=" + y, List.of(run.o.participationUrl + "/api/participations?year=" + y + "&page=0&size=1",
                        run.o.campaignUrl + "/api/campaigns?year=" + y, run.o.evaluationUrl + "/api/appraisals/" + (y - 2),
                        run.o.evaluationUrl + "/api/appraisals/" + (y - 1), run.o.evaluationUrl + "/api/appraisals/" + y)));
        Map<String, Object> out = new LinkedHashMap<>();
        for (Page page : measured) {
            Run.say("  " + run.o.renders + " renders of " + page.path() + " (after " + WARM_UP + " not timed), each beside its "
                    + page.apiCalls().size() + " API call(s) as JSON");
            Histogram renders = new Histogram(60_000_000L, 3);
            Histogram api = new Histogram(60_000_000L, 3);
            long bytes = 0;
            for (int i = -WARM_UP; i < run.o.renders; i++) {
                long t = System.nanoTime();
                bytes = render(web + page.path()).length();
                long rendered = System.nanoTime() - t;
                t = System.nanoTime();
                for (String call : page.apiCalls()) {
                    run.http.ok("GET", call, null, null);
                }
                long read = System.nanoTime() - t;
                if (i >= 0) {
                    renders.recordValue(Math.max(1, rendered / 1000));
                    api.recordValue(Math.max(1, read / 1000));
                }
            }
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("path", page.path());
            figures.put("renders", renders.getTotalCount());
            figures.put("htmlBytes", bytes);
            figures.put("p50ms", renders.getValueAtPercentile(50) / 1000.0);
            figures.put("p95ms", renders.getValueAtPercentile(95) / 1000.0);
            figures.put("maxMs", renders.getMaxValue() / 1000.0);
            figures.put("apiCalls", page.apiCalls().size());
            figures.put("apiP50ms", api.getValueAtPercentile(50) / 1000.0);
            figures.put("apiP95ms", api.getValueAtPercentile(95) / 1000.0);
            figures.put("apiMaxMs", api.getMaxValue() / 1000.0);
            // as elsewhere in the table, the share of the limit reached: the API calls' p95 over the page's
            figures.put("ratio", api.getValueAtPercentile(95) / (double) Math.max(1, renders.getValueAtPercentile(95)));
            out.put(page.name(), figures);
        }
        run.results.put("webPages", out);
    }

    /** A browser's sign-in: the web's sign-in sends it to Keycloak's form; posting it brings it back with the web's session cookie. */
    private void signIn(String web, Credentials.User officer) throws IOException, InterruptedException {
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create(web + "/dang-nhap?tiep=%2F")).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Matcher tag = LOGIN_FORM.matcher(form.body());
        Matcher action = tag.find() ? ACTION.matcher(tag.group()) : null;
        if (form.statusCode() != 200 || action == null || !action.find()) {
            throw new IllegalStateException("the web's sign-in did not lead to Keycloak's login form (" + form.statusCode() + " at " + form.uri() + ")");
        }
        String post = action.group(1).replace("&amp;", "&");
        String body = "username=" + URLEncoder.encode(officer.username(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(officer.password(), StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> back = browser.send(HttpRequest.newBuilder(URI.create(post)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (back.statusCode() != 200 || !back.uri().toString().startsWith(web)) {
            throw new IllegalStateException("signing in as " + officer.username() + " ended at " + back.uri() + " (" + back.statusCode()
                    + "), not on the web pages");
        }
    }

    /**
     * A browser's cookies: by host, then name; sent over plain HTTP too. Keycloak marks its sign-in cookies
     * {@code Secure}, and a browser treats localhost as a secure context and sends them there, where the
     * JDK's {@code CookieManager} would not.
     */
    static final class CookieJar extends CookieHandler {
        private final Map<String, Map<String, String>> byHost = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            Map<String, String> jar = byHost.getOrDefault(uri.getHost(), Map.of());
            if (jar.isEmpty()) {
                return Map.of();
            }
            return Map.of("Cookie", List.of(String.join("; ", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((header, values) -> {
                if (!"set-cookie".equalsIgnoreCase(header)) {
                    return;
                }
                for (String cookie : values) {
                    String pair = cookie.split(";", 2)[0];
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        continue;
                    }
                    String name = pair.substring(0, eq).trim();
                    Map<String, String> jar = byHost.computeIfAbsent(uri.getHost(), h -> new ConcurrentHashMap<>());
                    if (cookie.toLowerCase(java.util.Locale.ROOT).matches(".*;\\s*max-age=0(;.*|$)")) {
                        jar.remove(name);
                    } else {
                        jar.put(name, pair.substring(eq + 1).trim());
                    }
                }
            });
        }
    }

    private String render(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = pages.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + r.statusCode() + (r.statusCode() / 100 == 3
                    ? " to " + r.headers().firstValue("Location").orElse("?") + " (the session is gone)" : ": " + r.body()));
        }
        return r.body();
    }
}
