package vn.thidua.contract.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Access tokens from the OpenID Connect provider's token endpoint, kept until shortly before they
 * expire: a client's (client credentials grant) or a person's (password grant through a public client
 * that allows it, e.g. {@code thidua-cli} of the local realm). Thread-safe.
 */
public final class BearerTokens {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MARGIN = Duration.ofSeconds(30);

    private final String tokenEndpoint;
    private final Map<String, String> form;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;
    private long renewAt;

    private BearerTokens(String tokenEndpoint, Map<String, String> form) {
        this.tokenEndpoint = tokenEndpoint;
        this.form = form;
    }

    /** A machine client's tokens (client credentials grant). */
    public static BearerTokens ofClient(String tokenEndpoint, String clientId, String secret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        return new BearerTokens(tokenEndpoint, form);
    }

    /** A person's tokens (password grant through the public client {@code cliClientId}). */
    public static BearerTokens ofUser(String tokenEndpoint, String cliClientId, String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", cliClientId);
        form.put("username", username);
        form.put("password", password);
        form.put("scope", "openid");
        return new BearerTokens(tokenEndpoint, form);
    }

    /** A user of the credentials file, by username. */
    public static BearerTokens ofUser(Credentials credentials, String username) {
        Credentials.User user = credentials.user(username).orElseThrow(() -> new IllegalArgumentException("no user " + username + " in the credentials"));
        return ofUser(credentials.tokenEndpoint(), credentials.cliClientId(), user.username(), user.password());
    }

    /** A client of the credentials file, by client id. */
    public static BearerTokens ofClient(Credentials credentials, String clientId) {
        Credentials.Client client = credentials.client(clientId).orElseThrow(() -> new IllegalArgumentException("no client " + clientId + " in the credentials"));
        return ofClient(credentials.tokenEndpoint(), client.clientId(), client.secret());
    }

    /** A valid access token, fetched again when the kept one is about to expire. */
    public synchronized String accessToken() {
        if (token == null || System.nanoTime() >= renewAt) {
            JsonNode answer = fetch();
            token = answer.path("access_token").asText();
            long lifetime = answer.path("expires_in").asLong(60);
            renewAt = System.nanoTime() + Math.max(1, lifetime - MARGIN.toSeconds()) * 1_000_000_000L;
        }
        return token;
    }

    /** The {@code Authorization} header's value. */
    public String header() {
        return "Bearer " + accessToken();
    }

    private JsonNode fetch() {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                throw new IllegalStateException("the token endpoint " + tokenEndpoint + " refused " + who() + " (HTTP " + r.statusCode() + "): " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("the token endpoint " + tokenEndpoint + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String who() {
        return form.containsKey("username") ? "user " + form.get("username") : "client " + form.get("client_id");
    }

    /** The claims of a JWT (its payload, decoded, not verified): for tests and tools that show who they are. */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT");
        }
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JWT: " + e.getMessage(), e);
        }
    }
}
