package vn.thidua.web.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the issuer's token endpoint gave for one person. The web received them itself, over the
 * back channel, so it reads their claims without checking signatures (OpenID Connect Core
 * 3.1.3.7: the TLS connection to the issuer stands for it); the services verify every access
 * token's signature on every call.
 */
public record Tokens(String accessToken, String refreshToken, String idToken, Instant accessExpiresAt, JsonNode claims) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** From a token endpoint answer, at {@code now}. */
    static Tokens of(JsonNode answer, Instant now) {
        String access = answer.path("access_token").asText("");
        if (access.isEmpty()) {
            throw new IllegalStateException("the token endpoint gave no access token");
        }
        long expiresIn = answer.path("expires_in").asLong(60);
        String refresh = answer.path("refresh_token").asText(null);
        String id = answer.path("id_token").asText(null);
        return new Tokens(access, refresh, id, now.plusSeconds(expiresIn), payload(access));
    }

    /** The payload of a JWT as JSON; an empty object if it is not one. */
    static JsonNode payload(String jwt) {
        String[] parts = jwt == null ? new String[0] : jwt.split("\\.");
        if (parts.length < 2) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | java.io.IOException notJwt) {
            return JSON.createObjectNode();
        }
    }

    public String username() {
        return claims.path("preferred_username").asText(claims.path("sub").asText(""));
    }

    /** Realm roles ({@code realm_access.roles}). */
    public Set<String> roles() {
        Set<String> roles = new LinkedHashSet<>();
        claims.path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }

    /** The unit code of a unit head, or null. */
    public String unit() {
        String unit = claims.path("unit").asText("");
        return unit.isEmpty() ? null : unit;
    }

    /** Whether the access token must be refreshed before a call (less than 30 s left). */
    boolean expiring(Instant now) {
        return now.plusSeconds(30).isAfter(accessExpiresAt);
    }
}
