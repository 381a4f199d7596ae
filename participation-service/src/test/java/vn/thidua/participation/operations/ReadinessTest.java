package vn.thidua.participation.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Readiness answers DOWN within 2 s once the broker or PostgreSQL is stopped (issue 17: Quarkus' own
 * Kafka check hung for more than 20 s), liveness stays UP, and readiness is UP again once it is back:
 * a correctness bound on the checks' timeouts. The application has a broker and a PostgreSQL of its own.
 */
@QuarkusTest
@TestProfile(ReadinessTest.OwnServers.class)
class ReadinessTest {
    private static final Logger LOG = Logger.getLogger(ReadinessTest.class);
    /** The bound the issue sets for an answer with a dependency down. */
    private static final long BOUND_MS = 2_000;

    /** Stop and start this test's broker (see {@link DedicatedBrokerResource}). */
    Runnable stopBroker;
    Runnable startBroker;
    /** Stop and start this test's PostgreSQL (see {@link DedicatedPostgresResource}). */
    Runnable stopPostgres;
    Runnable startPostgres;

    public static class OwnServers implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DedicatedBrokerResource.class), new TestResourceEntry(DedicatedPostgresResource.class));
        }
    }

    @Test
    void readiness_answers_down_within_two_seconds_with_the_broker_stopped_and_up_once_it_is_back() throws Exception {
        downWithinTheBoundThenUp("kafka", "the broker", stopBroker, startBroker, "postgresql");
    }

    @Test
    void readiness_answers_down_within_two_seconds_with_postgresql_stopped_and_up_once_it_is_back() throws Exception {
        downWithinTheBoundThenUp("postgresql", "PostgreSQL", stopPostgres, startPostgres, "kafka");
    }

    /** {@code stop} the dependency the check {@code name} looks at: DOWN within the bound, the other check UP; {@code start} it: UP. */
    private static void downWithinTheBoundThenUp(String name, String what, Runnable stop, Runnable start, String other) throws Exception {
        Response up = awaitReadiness(200, 60_000);
        assertThat(check(up, name)).isEqualTo("UP");
        assertThat(check(up, other)).isEqualTo("UP");

        stop.run();

        // every answer within the bound, the first one included (the clients still believe in their connections)
        for (int i = 0; i < 3; i++) {
            long began = System.nanoTime();
            Response down = given().get("/q/health/ready");
            long tookMs = (System.nanoTime() - began) / 1_000_000;
            LOG.infof("readiness with %s stopped answered %d in %d ms", what, down.statusCode(), tookMs);
            assertThat(tookMs).as("readiness answered in %d ms", tookMs).isLessThan(BOUND_MS);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(check(down, name)).isEqualTo("DOWN");
            assertThat(check(down, other)).isEqualTo("UP");
        }
        long began = System.nanoTime();
        given().get("/q/health/live").then().statusCode(200);
        assertThat((System.nanoTime() - began) / 1_000_000).isLessThan(BOUND_MS);

        began = System.nanoTime();
        start.run();
        Response again = awaitReadiness(200, 60_000);
        LOG.infof("readiness UP again %d ms after %s was started", (System.nanoTime() - began) / 1_000_000, what);
        assertThat(check(again, name)).isEqualTo("UP");
    }

    /**
     * The status of one readiness check. /q/health/ready answers its status only to anyone (the
     * orchestrator's probe); the checks' details are the operators', at /q/health with a token.
     */
    private static String check(Response ready, String name) {
        Response details = vn.thidua.testsupport.SignedIn.as(vn.thidua.testsupport.TestTokens.auditor()).get("/q/health");
        return JsonPath.from(details.asString()).getString("checks.find { it.name == '" + name + "' }.status");
    }

    private static Response awaitReadiness(int status, long withinMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + withinMs;
        Response r;
        while ((r = given().get("/q/health/ready")).statusCode() != status) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("readiness did not answer " + status + ": " + r.asString());
            }
            Thread.sleep(250);
        }
        return r;
    }
}
