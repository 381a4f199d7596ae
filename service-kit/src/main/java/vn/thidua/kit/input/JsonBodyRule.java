package vn.thidua.kit.input;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.thidua.kit.problem.ProblemMappers;
import vn.thidua.kit.problem.Problems;

/**
 * A write whose resource method reads a body must say {@code Content-Type: application/json}
 * (charset UTF-8 or none): otherwise 415, even when the header is missing (JAX-RS would take such
 * a body as JSON). Writes without a body parameter (e.g. a rebuild command) need no header.
 */
public class JsonBodyRule {
    private static final Set<String> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
    private final Map<Method, Boolean> readsBody = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public Response check(ContainerRequestContext request, ResourceInfo resource) {
        if (!WRITES.contains(request.getMethod()) || resource.getResourceMethod() == null
                || !readsBody.computeIfAbsent(resource.getResourceMethod(), JsonBodyRule::hasBodyParameter)) {
            return null;
        }
        MediaType type = request.getMediaType();
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType() && !type.isWildcardSubtype()
                && (charset == null || charset.equalsIgnoreCase("utf-8"))) {
            return null;
        }
        Problems.Standard standard = Problems.standard(415);
        return ProblemMappers.problem(415, standard.code(), standard.title(), standard.detail(), Map.of());
    }

    private static boolean hasBodyParameter(Method method) {
        for (Parameter parameter : method.getParameters()) {
            boolean annotated = false;
            for (Annotation a : parameter.getAnnotations()) {
                String name = a.annotationType().getName();
                if (name.startsWith("jakarta.ws.rs.") || name.startsWith("org.jboss.resteasy.reactive.")) {
                    annotated = true;
                }
            }
            if (!annotated) {
                return true;
            }
        }
        return false;
    }
}
