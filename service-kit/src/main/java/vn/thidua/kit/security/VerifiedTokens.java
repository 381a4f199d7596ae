package vn.thidua.kit.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * smallrye-jwt's parser with a bounded cache of the tokens it verified, keyed by the whole token
 * string: a client sends the same bearer token with every request for the token's life, and checking
 * its RS256 signature again each time was most of security's CPU per request (JFR, issue 20). Only
 * {@link #parse(String)} (the bearer path, {@code MpJwtValidator}) is cached. A token is answered from
 * the cache only before its {@code exp} (strictly: the verifier itself allows a clock skew past it); a
 * token without {@code exp} is never kept; any other string, a tampered copy included, is verified in
 * full. When the cache is full the expired entries go, and if it is still full, all of them. What a
 * cached token does not see: its key removed from the issuer's JWKS before it expires (the verifier
 * keeps the keys it fetched too).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {
    private final JWTParser verifier;
    private final Clock clock;
    private final int size;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(JsonWebToken token, long expiresAtMillis) {
    }

    @Inject
    public VerifiedTokens(DefaultJWTParser verifier, Clock clock, TokenCacheSettings settings) {
        this((JWTParser) verifier, clock, settings.size());
    }

    VerifiedTokens(JWTParser verifier, Clock clock, int size) {
        this.verifier = verifier;
        this.clock = clock;
        this.size = size;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = clock.millis();
        Verified cached = verified.get(token);
        if (cached != null) {
            if (now < cached.expiresAtMillis()) {
                return cached.token();
            }
            verified.remove(token, cached);
        }
        JsonWebToken parsed = verifier.parse(token);
        long expiresAt = parsed.getClaim("exp") instanceof Number exp ? exp.longValue() * 1000 : Long.MIN_VALUE;
        if (size > 0 && now < expiresAt) {
            if (verified.size() >= size) {
                verified.values().removeIf(v -> v.expiresAtMillis() <= now);
                if (verified.size() >= size) {
                    verified.clear();
                }
            }
            verified.put(token, new Verified(parsed, expiresAt));
        }
        return parsed;
    }

    /** How many verified tokens are kept now. */
    int cached() {
        return verified.size();
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
