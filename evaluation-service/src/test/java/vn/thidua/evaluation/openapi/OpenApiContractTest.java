package vn.thidua.evaluation.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import org.junit.jupiter.api.Test;
import vn.thidua.testsupport.openapi.OpenApiDocument;

/** The service's OpenAPI document holds and is a contract (every answer it declares is typed); the API tests check answers against it. */
@QuarkusTest
class OpenApiContractTest {
    @Test
    void the_document_holds_and_every_answer_is_typed() {
        OpenApiDocument document = OpenApiDocument.of(URI.create("http://localhost:" + RestAssured.port));
        assertThat(document.contractFaults()).isEmpty();
    }
}
