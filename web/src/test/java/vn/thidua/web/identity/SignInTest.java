package vn.thidua.web.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignInTest {

    @Test
    void afterSignIn_onlyAPathOfThisSite_neverAnotherSite() {
        assertThat(SignInResource.safeNext("/don-vi/TTR?nam=2023")).isEqualTo("/don-vi/TTR?nam=2023");
        assertThat(SignInResource.safeNext("https://evil.example/")).isEqualTo("/");
        assertThat(SignInResource.safeNext("//evil.example/")).isEqualTo("/");
        assertThat(SignInResource.safeNext("/\\evil.example")).isEqualTo("/");
        assertThat(SignInResource.safeNext(null)).isEqualTo("/");
    }

    @Test
    void theVerifierIsRandom_andItsChallengeIsBase64urlSha256() {
        String a = Pkce.random();
        String b = Pkce.random();
        assertThat(a).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(b);
        assertThat(Pkce.challenge(a)).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(Pkce.challenge(b)).isEqualTo(Pkce.challenge(a));
    }

    @Test
    void rolesUnitAndName_areReadFromTheAccessToken() throws Exception {
        String payload = "{\"preferred_username\":\"truong.ttr\",\"unit\":\"TTR\",\"realm_access\":{\"roles\":[\"unit-head\",\"default-roles-thidua\"]}}";
        String jwt = "eyJhbGciOiJSUzI1NiJ9." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".sig";
        Tokens t = Tokens.of(new ObjectMapper().readTree("{\"access_token\":\"" + jwt + "\",\"expires_in\":300,\"refresh_token\":\"r\"}"),
                Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(t.username()).isEqualTo("truong.ttr");
        assertThat(t.unit()).isEqualTo("TTR");
        assertThat(t.roles()).contains("unit-head").doesNotContain("officer");
        assertThat(t.expiring(Instant.parse("2026-01-01T00:04:00Z"))).isFalse();
        assertThat(t.expiring(Instant.parse("2026-01-01T00:04:31Z"))).isTrue();
    }
}
