package vn.thidua.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which samples count as security's: the innermost frame of a known package decides. */
class SecurityProfileTest {

    @Test
    void the_jdks_signature_check_under_jose4j_is_token_verification() {
        assertThat(SecurityProfile.securityKindOf(List.of("sun.security.rsa.RSACore", "java.security.Signature", "org.jose4j.jws.JsonWebSignature",
                "io.smallrye.jwt.auth.principal.DefaultJWTTokenParser", "io.quarkus.vertx.http.runtime.security.HttpAuthenticator",
                "io.vertx.core.impl.ContextImpl"))).isEqualTo("token verification");
    }

    @Test
    void a_request_handled_inside_the_authentication_callback_is_not_security() {
        assertThat(SecurityProfile.securityKindOf(List.of("java.util.HashMap", "org.postgresql.core.v3.QueryExecutorImpl",
                "io.agroal.pool.wrapper.PreparedStatementWrapper", "vn.thidua.participation.RecordService", "org.jboss.resteasy.reactive.server.handlers.InvocationHandler",
                "io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder$2"))).isNull();
    }

    @Test
    void scram_is_kafkas_security_not_the_kafka_client() {
        assertThat(SecurityProfile.securityKindOf(List.of("javax.crypto.Mac", "org.apache.kafka.common.security.scram.internals.ScramFormatter",
                "org.apache.kafka.clients.NetworkClient"))).isEqualTo("SASL/SCRAM");
        assertThat(SecurityProfile.securityKindOf(List.of("java.nio.channels.SocketChannel", "org.apache.kafka.clients.NetworkClient"))).isNull();
    }

    @Test
    void the_services_own_role_check_is_authorization() {
        assertThat(SecurityProfile.securityKindOf(List.of("java.lang.String", "vn.thidua.kit.security.Caller", "vn.thidua.participation.RecordResource")))
                .isEqualTo("authorization");
    }

    @Test
    void a_stack_of_the_jdk_only_is_not_security() {
        assertThat(SecurityProfile.securityKindOf(List.of("java.lang.Thread"))).isNull();
    }
}
