package vn.thidua.testsupport.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {
    private static final String DOC = """
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
             "paths": {"/api/plans/{planId}": {"get": {"responses": {
                 "200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Plan"}}}},
                 "404": {"description": "none", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}},
               "/api/plans/latest": {"get": {"responses": {"204": {"description": "nothing"}}}}},
             "components": {"schemas": {
                 "Plan": {"type": "object", "required": ["planId", "period"], "properties": {"planId": {"type": "string"},
                     "period": {"$ref": "#/components/schemas/Period"}}},
                 "Period": {"type": "object", "required": ["from"], "properties": {"from": {"type": "string"}, "to": {"type": "string"}}},
                 "Problem": {"type": "object", "required": ["type", "status"], "properties": {"type": {"type": "string"}, "status": {"type": "integer"}}}}}}
            """;

    private static OpenApiDocument doc() throws Exception {
        return OpenApiDocument.parse(new ObjectMapper().readTree(DOC));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anAnswerTheDocumentDeclaresPasses() throws Exception {
        assertThat(doc().violation("GET", "/api/plans/p1", 200, "application/json",
                utf8("{\"planId\":\"p1\",\"period\":{\"from\":\"2023-01-01\",\"to\":null}}"))).isEmpty();
        assertThat(doc().violation("GET", "/api/plans/p1", 404, "application/problem+json", utf8("{\"type\":\"x\",\"status\":404}"))).isEmpty();
        assertThat(doc().violation("GET", "/api/plans/latest", 204, null, new byte[0])).isEmpty();
        assertThat(doc().violation("GET", "/nowhere", 404, "application/problem+json", utf8("{}"))).isEmpty();
        assertThat(doc().violation("DELETE", "/api/plans/p1", 405, "application/problem+json", utf8("{}"))).isEmpty();
    }

    @Test
    void anUndeclaredStatusFails() throws Exception {
        assertThat(doc().violation("GET", "/api/plans/p1", 409, "application/problem+json", utf8("{\"type\":\"x\",\"status\":409}")))
                .hasValueSatisfying(v -> assertThat(v).contains("status 409 is not declared").contains("declared: 200, 404"));
        assertThat(doc().violation("GET", "/api/other", 200, "application/json", utf8("{}"))).hasValueSatisfying(v -> assertThat(v).contains("not in"));
    }

    @Test
    void anUndeclaredContentTypeOrABodyOffSchemaFails() throws Exception {
        assertThat(doc().violation("GET", "/api/plans/p1", 404, "application/json", utf8("{\"type\":\"x\",\"status\":404}")))
                .hasValueSatisfying(v -> assertThat(v).contains("Content-Type application/json is not declared"));
        assertThat(doc().violation("GET", "/api/plans/p1", 200, "application/json", utf8("{\"planId\":\"p1\",\"periodFrom\":\"2023-01-01\"}")))
                .hasValueSatisfying(v -> assertThat(v).contains("does not match its schema").contains("period"));
        assertThat(doc().violation("GET", "/api/plans/p1", 200, "application/json", utf8("{\"planId\":\"p1\",\"period\":{\"from\":7}}")))
                .hasValueSatisfying(v -> assertThat(v).contains("does not match its schema"));
        assertThat(doc().violation("GET", "/api/plans/latest", 204, "application/json", utf8("{}")))
                .hasValueSatisfying(v -> assertThat(v).contains("declares none"));
    }

    @Test
    void aDocumentThatDoesNotHoldIsRefused() {
        String broken = DOC.replace("\"#/components/schemas/Period\"", "\"#/components/schemas/Periode\"")
                .replace("{\"204\": {\"description\": \"nothing\"}}", "{}");
        assertThatThrownBy(() -> OpenApiDocument.parse(new ObjectMapper().readTree(broken)))
                .hasMessageContaining("$ref #/components/schemas/Periode resolves to nothing")
                .hasMessageContaining("GET /api/plans/latest declares no response");
    }
}
