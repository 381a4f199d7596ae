package vn.thidua.testsupport.openapi;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;

/**
 * A RestAssured filter that fails the request (an {@link AssertionError}) when the answer breaks
 * the service's OpenAPI document: an undeclared status or content type, or a body that does not
 * match its schema. Every answer it checked is counted. OPTIONS requests (CORS preflights) are not
 * operations of the document and are passed through.
 */
public final class OpenApiConformanceFilter implements Filter {
    private static final java.util.concurrent.atomic.AtomicLong CHECKED = new java.util.concurrent.atomic.AtomicLong();

    public static long checked() {
        return CHECKED.get();
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext ctx) {
        Response answer = ctx.next(request, response);
        if ("OPTIONS".equalsIgnoreCase(request.getMethod())) {
            // a CORS preflight or capability probe is answered by the HTTP layer, not by an API operation
            return answer;
        }
        URI uri = URI.create(request.getURI());
        byte[] body = answer.asByteArray();
        OpenApiDocument.of(uri).violation(request.getMethod(), uri.getRawPath(), answer.statusCode(), answer.contentType(), body)
                .ifPresent(v -> {
                    throw new AssertionError("the answer breaks the OpenAPI document: " + v);
                });
        CHECKED.incrementAndGet();
        return answer;
    }
}
