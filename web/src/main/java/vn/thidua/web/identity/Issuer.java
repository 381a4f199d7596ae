package vn.thidua.web.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The OpenID Connect issuer: its endpoints (discovered once) and the token endpoint's two grants the web uses. */
@ApplicationScoped
public class Issuer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSettings settings;
    private final Clock clock = Clock.systemUTC();
    private final HttpClient http;
    private volatile JsonNode discovery;

    public Issuer(WebSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.issuerTimeout()).build();
    }

    /** Where the browser goes to sign in: authorization code, PKCE S256, state and nonce. */
    public URI authorization(String redirectUri, String state, String nonce, String verifier) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", settings.clientId());
        query.put("redirect_uri", redirectUri);
        query.put("scope", "openid");
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", Pkce.challenge(verifier));
        query.put("code_challenge_method", "S256");
        return URI.create(endpoint("authorization_endpoint") + "?" + form(query));
    }

    /** Exchanges the code for the person's tokens. */
    public Tokens exchange(String code, String redirectUri, String verifier) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", redirectUri);
        body.put("client_id", settings.clientId());
        body.put("code_verifier", verifier);
        return Tokens.of(post(body), clock.instant());
    }

    /** New tokens for a session whose access token is expiring. */
    public Tokens refresh(Tokens tokens) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "refresh_token");
        body.put("refresh_token", tokens.refreshToken());
        body.put("client_id", settings.clientId());
        return Tokens.of(post(body), clock.instant());
    }

    /** Where the browser goes to sign out of the issuer too, then back to {@code after}; null if the issuer has no such endpoint. */
    public URI endSession(Tokens tokens, String after) {
        String end = discovery().path("end_session_endpoint").asText("");
        if (end.isEmpty()) {
            return null;
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", settings.clientId());
        query.put("post_logout_redirect_uri", after);
        if (tokens.idToken() != null) {
            query.put("id_token_hint", tokens.idToken());
        }
        return URI.create(end + "?" + form(query));
    }

    /** The issuer named in the settings, as its tokens carry it. */
    public String issuer() {
        return settings.issuer();
    }

    private JsonNode post(Map<String, String> body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint("token_endpoint")))
                .timeout(settings.issuerTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(body))).build();
        HttpResponse<String> answer = send(request);
        if (answer.statusCode() != 200) {
            throw new SignInFailed("the issuer refused the token request (HTTP " + answer.statusCode() + ")");
        }
        return read(answer.body());
    }

    private String endpoint(String name) {
        String url = discovery().path(name).asText("");
        if (url.isEmpty()) {
            throw new SignInFailed("the issuer's configuration has no " + name);
        }
        return url;
    }

    private JsonNode discovery() {
        JsonNode known = discovery;
        if (known == null) {
            String issuer = settings.issuer().replaceAll("/+$", "");
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                    .timeout(settings.issuerTimeout()).header("Accept", "application/json").GET().build());
            if (answer.statusCode() != 200) {
                throw new SignInFailed("the issuer " + issuer + " answered HTTP " + answer.statusCode() + " for its configuration");
            }
            known = read(answer.body());
            discovery = known;
        }
        return known;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SignInFailed("the issuer cannot be reached at " + request.uri().getHost() + ":" + request.uri().getPort());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInFailed("interrupted while calling the issuer");
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new SignInFailed("the issuer's answer is not JSON");
        }
    }

    static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Signing in could not be completed; shown as a page asking to try again. */
    public static class SignInFailed extends RuntimeException {
        public SignInFailed(String message) {
            super(message);
        }
    }
}
