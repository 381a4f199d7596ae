package vn.thidua.testsupport;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A stand-in for the issuer, on a random port: it serves the JWKS of {@link TestTokens} where Keycloak
 * serves its realm's ({@code <issuer>/protocol/openid-connect/certs}), and the application is given
 * only the issuer, as {@code THIDUA_OIDC_ISSUER} would. So tests go through the production path:
 * keys fetched over HTTP and cached, issuer checked. Use with
 * {@code @QuarkusTestResource(IssuerTestResource.class)}.
 */
public class IssuerTestResource implements QuarkusTestResourceLifecycleManager {
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/thidua";
        TestTokens.useIssuer(issuer);
        byte[] jwks = TestTokens.jwks().getBytes(StandardCharsets.UTF_8);
        server.createContext("/realms/thidua/protocol/openid-connect/certs", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
        return Map.of("mp.jwt.verify.issuer", issuer);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
