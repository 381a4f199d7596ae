package vn.thidua.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** JSON over HTTP for the bench: one client, many threads. */
final class Http {
    final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
    private volatile java.util.function.Supplier<String> authorization;

    /** Every request from now on carries this {@code Authorization} header (a bearer token, renewed by the supplier). */
    void authorize(java.util.function.Supplier<String> header) {
        this.authorization = header;
    }

    HttpResponse<String> send(String method, String url, Object body, String idempotencyKey, Duration timeout) {
        return send(method, url, "application/json", body, idempotencyKey, timeout);
    }

    /** A GET of text (such as a service's metrics in Prometheus' format), signed in as the other requests. */
    HttpResponse<String> text(String url, Duration timeout) {
        return send("GET", url, "text/plain", null, null, timeout);
    }

    private HttpResponse<String> send(String method, String url, String accept, Object body, String idempotencyKey, Duration timeout) {
        try {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Accept", accept);
            if (authorization != null) {
                r.header("Authorization", authorization.get());
            }
            if (body != null) {
                r.header("Content-Type", "application/json");
            }
            if (idempotencyKey != null) {
                r.header("Idempotency-Key", idempotencyKey);
            }
            r.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
            return client.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode ok(String method, String url, Object body, String key) {
        HttpResponse<String> r = send(method, url, body, key, Duration.ofSeconds(60));
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        try {
            return json.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
