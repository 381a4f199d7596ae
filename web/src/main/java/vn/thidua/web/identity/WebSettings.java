package vn.thidua.web.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The web's settings. */
@ConfigMapping(prefix = "thidua.web")
public interface WebSettings {
    /** The OpenID Connect issuer (Keycloak realm URL), e.g. http://127.0.0.1:18080/realms/thidua; the same URL as the services use. */
    String issuer();

    /** The public client these pages sign in with (authorization code, PKCE S256). */
    @WithDefault("thidua-web")
    String clientId();

    /** Where people reach these pages, for the redirect after sign-in (must be a redirect URI of the client). */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /** How long a session lasts without a request. */
    @WithDefault("PT8H")
    Duration sessionIdle();

    /** Timeout of every call to the issuer. */
    @WithDefault("PT10S")
    Duration issuerTimeout();
}
