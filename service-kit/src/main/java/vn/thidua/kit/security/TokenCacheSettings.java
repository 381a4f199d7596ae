package vn.thidua.kit.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The cache of verified bearer tokens ({@link VerifiedTokens}). */
@ConfigMapping(prefix = "thidua.security.token-cache")
public interface TokenCacheSettings {

    /**
     * How many verified tokens are kept (each until its {@code exp}); 0 verifies every request's token.
     * A client sends the same token for its whole life (Keycloak's default: 5 minutes), so this is the
     * number of callers at once that skip verification.
     */
    @WithDefault("1000")
    int size();
}
