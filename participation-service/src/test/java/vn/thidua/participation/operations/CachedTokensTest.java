package vn.thidua.participation.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import vn.thidua.kit.security.VerifiedTokens;
import vn.thidua.testsupport.SignedIn;
import vn.thidua.testsupport.TestTokens;

/**
 * The service verifies bearer tokens through the kit's cache of verified tokens, and the cache changes
 * no answer: a token sent again is accepted again, a tampered copy of it, an expired token and a token
 * signed by another key are refused with the not-signed-in problem.
 */
@QuarkusTest
class CachedTokensTest {
    @Inject
    JWTParser parser;

    @Test
    void tokens_are_verified_through_the_cache_which_refuses_what_the_verifier_refuses() {
        assertThat(parser).isInstanceOf(VerifiedTokens.class);
        String officer = TestTokens.officer();
        for (int i = 0; i < 3; i++) {
            SignedIn.as(officer).get("/api/participations?size=1").then().statusCode(200);
        }
        String[] parts = officer.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]));
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.replace("canbo.tdkt", "mao.danh").getBytes()) + "." + parts[2];

        for (String refused : new String[] {tampered, TestTokens.officerExpiringAt(Instant.now().minusSeconds(300)), TestTokens.signedByAnotherKey()}) {
            SignedIn.as(refused).get("/api/participations?size=1").then().statusCode(401).body("type", equalTo("https://thidua.vn/problems/not-signed-in"));
        }
        SignedIn.as(officer).get("/api/participations?size=1").then().statusCode(200);
    }
}
