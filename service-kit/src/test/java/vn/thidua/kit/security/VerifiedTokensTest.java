package vn.thidua.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;
import vn.thidua.testsupport.TestTokens;

/** The cache of verified tokens, over smallrye-jwt's own verifier and real RS256 tokens ({@link TestTokens}). */
class VerifiedTokensTest {
    private static final String ISSUER = "http://127.0.0.1/realms/thidua";

    private static VerifiedTokens cache(int size) throws Exception {
        TestTokens.useIssuer(ISSUER);
        PublicKey key = ((PublicJsonWebKey) new JsonWebKeySet(TestTokens.jwks()).getJsonWebKeys().get(0)).getPublicKey();
        JWTAuthContextInfo context = new JWTAuthContextInfo(key, ISSUER);
        context.setClockSkew(0); // the verifier refuses from exp on, as the cache does
        return new VerifiedTokens(new DefaultJWTParser(context), Clock.systemUTC(), size);
    }

    @Test
    void a_token_verified_once_is_answered_from_the_cache() throws Exception {
        VerifiedTokens tokens = cache(10);
        String officer = TestTokens.officer();

        JsonWebToken first = tokens.parse(officer);
        JsonWebToken second = tokens.parse(officer);

        assertThat(first.getName()).isEqualTo("canbo.tdkt");
        assertThat(second).isSameAs(first);
        assertThat(tokens.cached()).isEqualTo(1);
    }

    @Test
    void a_tampered_copy_of_a_cached_token_is_refused() throws Exception {
        VerifiedTokens tokens = cache(10);
        String officer = TestTokens.officer();
        tokens.parse(officer);
        String[] parts = officer.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]));
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.replace("canbo.tdkt", "mao.danhx").getBytes()) + "." + parts[2];

        assertThatThrownBy(() -> tokens.parse(forged)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.parse(TestTokens.signedByAnotherKey())).isInstanceOf(ParseException.class);
        assertThat(tokens.cached()).isEqualTo(1);
    }

    @Test
    void an_expired_token_is_refused_and_a_cached_one_is_not_used_past_its_expiry() throws Exception {
        VerifiedTokens tokens = cache(10);
        assertThatThrownBy(() -> tokens.parse(TestTokens.officerExpiringAt(Instant.now().minusSeconds(1))))
                .isInstanceOf(ParseException.class);

        Instant expiry = Instant.now().plusSeconds(2);
        String shortLived = TestTokens.officerExpiringAt(expiry);
        tokens.parse(shortLived);
        assertThat(tokens.parse(shortLived).getExpirationTime()).isEqualTo(expiry.getEpochSecond());
        assertThat(tokens.cached()).isEqualTo(1);
        Thread.sleep(Math.max(0, (expiry.getEpochSecond() + 1) * 1000 - System.currentTimeMillis()));

        assertThatThrownBy(() -> tokens.parse(shortLived)).isInstanceOf(ParseException.class);
        assertThat(tokens.cached()).isZero();
    }

    @Test
    void the_cache_never_holds_more_than_its_size() throws Exception {
        VerifiedTokens tokens = cache(3);
        for (int i = 0; i < 10; i++) {
            tokens.parse(TestTokens.person("nguoi." + i, java.util.List.of("officer"), null));
            assertThat(tokens.cached()).isBetween(1, 3);
        }
        VerifiedTokens none = cache(0);
        none.parse(TestTokens.officer());
        assertThat(none.cached()).isZero();
    }
}
