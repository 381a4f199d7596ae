package vn.thidua.testsupport;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Real RS256 tokens shaped like the {@code thidua} realm's (Keycloak) access tokens, signed with a key
 * pair made for this test JVM. {@link IssuerTestResource} serves the public key as the issuer's JWKS, so the
 * services verify them exactly as they verify Keycloak's, without a Keycloak.
 */
public final class TestTokens {
    private static final String ISSUER_PROPERTY = "thidua.test.issuer";
    private static final String KEY_PROPERTY = "thidua.test.issuer.keypair";
    private static final String KEY_ID = "test";
    private static KeyPair key;

    private TestTokens() {
    }

    /** The officer {@code canbo.tdkt}. */
    public static String officer() {
        return person("canbo.tdkt", List.of("officer"), null);
    }

    /** The head of {@code unitCode}, {@code truong.<unit code in lowercase>}. */
    public static String unitHead(String unitCode) {
        return person("truong." + unitCode.toLowerCase(java.util.Locale.ROOT), List.of("unit-head"), unitCode);
    }

    /** The auditor {@code kiemtoan}. */
    public static String auditor() {
        return person("kiemtoan", List.of("auditor"), null);
    }

    /** The provincial feed's service account (client credentials). */
    public static String feed() {
        return client("provincial-feed", List.of("feed"));
    }

    /** A person's token: {@code preferred_username}, realm roles, and a {@code unit} claim when {@code unit} is given. */
    public static String person(String username, List<String> roles, String unit) {
        JwtClaims claims = base(roles);
        claims.setSubject("sub-" + username);
        claims.setClaim("preferred_username", username);
        claims.setClaim("azp", "thidua-cli");
        if (unit != null) {
            claims.setClaim("unit", unit);
        }
        return sign(claims, keyPair());
    }

    /** A service account's token, as Keycloak issues it for client credentials. */
    public static String client(String clientId, List<String> roles) {
        JwtClaims claims = base(roles);
        claims.setSubject("sub-" + clientId);
        claims.setClaim("preferred_username", "service-account-" + clientId);
        claims.setClaim("azp", clientId);
        claims.setClaim("client_id", clientId);
        return sign(claims, keyPair());
    }

    /** The officer's token, expiring at {@code expiresAt} (in the past: an expired token). */
    public static String officerExpiringAt(Instant expiresAt) {
        JwtClaims claims = base(List.of("officer"));
        claims.setClaim("preferred_username", "canbo.tdkt");
        claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        return sign(claims, keyPair());
    }

    /** A well-formed token signed by another key: the application must refuse it. */
    public static String signedByAnotherKey() {
        JwtClaims claims = base(List.of("officer"));
        claims.setClaim("preferred_username", "mao.danh");
        return sign(claims, OtherKey.PAIR);
    }

    /** The JWKS that verifies these tokens (one RS256 key, key id {@code test}). */
    public static String jwks() {
        RsaJsonWebKey key = new RsaJsonWebKey((RSAPublicKey) keyPair().getPublic());
        key.setKeyId(KEY_ID);
        key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        key.setUse("sig");
        return new JsonWebKeySet(key).toJson();
    }

    /**
     * The issuer the tokens carry from now on (its test stand-in's address). A system property, for the
     * same reason as the key pair.
     */
    public static void useIssuer(String issuer) {
        System.setProperty(ISSUER_PROPERTY, issuer);
    }

    private static JwtClaims base(List<String> roles) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(System.getProperty(ISSUER_PROPERTY, "http://127.0.0.1/realms/thidua"));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(60);
        claims.setGeneratedJwtId();
        claims.setClaim("typ", "Bearer");
        claims.setClaim("realm_access", Map.of("roles", roles));
        claims.setClaim("auth_time", Instant.now().getEpochSecond());
        return claims;
    }

    private static String sign(JwtClaims claims, KeyPair key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivate());
        jws.setKeyIdHeaderValue(KEY_ID);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    // Kept in the system properties (as text: other code reads every property as a string): the test
    // resource and the test may see this class through different class loaders, and must share one key pair.
    private static synchronized KeyPair keyPair() {
        if (key == null) {
            String encoded;
            synchronized (System.getProperties()) {
                encoded = System.getProperty(KEY_PROPERTY);
                if (encoded == null) {
                    KeyPair made = newKeyPair();
                    Base64.Encoder base64 = Base64.getEncoder();
                    encoded = base64.encodeToString(made.getPublic().getEncoded()) + ":" + base64.encodeToString(made.getPrivate().getEncoded());
                    System.setProperty(KEY_PROPERTY, encoded);
                }
            }
            String[] parts = encoded.split(":");
            try {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                key = new KeyPair(rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(parts[0]))),
                        rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(parts[1]))));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return key;
    }

    private static final class OtherKey {
        static final KeyPair PAIR = newKeyPair();
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
