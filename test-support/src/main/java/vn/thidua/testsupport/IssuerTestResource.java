package vn.thidua.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The token layer of a Quarkus test application verifies {@link TestTokens}: their public key (a PEM
 * file) stands for the issuer's JWKS, so no Keycloak is needed, and their issuer is expected. Use with
 * {@code @QuarkusTestResource(IssuerTestResource.class)}.
 */
public class IssuerTestResource implements QuarkusTestResourceLifecycleManager {
    private Path key;

    @Override
    public Map<String, String> start() {
        try {
            key = Files.createTempFile("thidua-test-issuer", ".pem");
            Files.writeString(key, TestTokens.publicKeyPem());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "mp.jwt.verify.publickey.location", key.toUri().toString(),
                "mp.jwt.verify.issuer", TestTokens.ISSUER);
    }

    @Override
    public void stop() {
        try {
            if (key != null) {
                Files.deleteIfExists(key);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
