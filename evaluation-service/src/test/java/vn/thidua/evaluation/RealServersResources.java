package vn.thidua.evaluation;

import io.quarkus.test.common.QuarkusTestResource;
import vn.thidua.testsupport.IssuerTestResource;
import vn.thidua.testsupport.KafkaTestResource;
import vn.thidua.testsupport.PostgresTestResource;

/** Every @QuarkusTest of this module runs on a real PostgreSQL and a real Kafka broker, and accepts tokens from TestTokens. */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @io.quarkus.test.common.ResourceArg(name = "database", value = "evaluation"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(IssuerTestResource.class)
public final class RealServersResources {
    private RealServersResources() {
    }
}
