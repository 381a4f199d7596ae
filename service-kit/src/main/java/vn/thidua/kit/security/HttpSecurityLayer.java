package vn.thidua.kit.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.thidua.kit.problem.Problem;
import vn.thidua.kit.problem.ProblemMappers;

/**
 * What the HTTP layer answers before a resource is reached: a token refused while authenticating
 * (proactively, on every request that has one) or a path policy's refusal becomes the same
 * problem+json as the resources' (never an empty 401); and every answer carries
 * {@code X-Content-Type-Options: nosniff} and {@code Cache-Control: no-store}.
 */
@ApplicationScoped
public class HttpSecurityLayer {
    /** Paths for the officer and auditors only (the path policy in META-INF/microprofile-config.properties). */
    private static final java.util.List<String> OPERATIONS = java.util.List.of("/q/metrics", "/q/health");
    private final ObjectMapper json;

    public HttpSecurityLayer(ObjectMapper json) {
        this.json = json;
    }

    void filters(@Observes Filters filters) {
        filters.register(ctx -> {
            ctx.addHeadersEndHandler(v -> ctx.response().headers()
                    .set("X-Content-Type-Options", "nosniff")
                    .set("Cache-Control", "no-store"));
            ctx.next();
        }, 3000);
        // after OpenHealth (2000) has answered the open health paths
        filters.register(ctx -> {
            if (OPERATIONS.stream().anyMatch(ctx.normalizedPath()::startsWith) && ctx.request().getHeader("Authorization") == null) {
                // the path policy would answer a bare challenge
                notSignedIn(ctx);
                return;
            }
            ctx.next();
        }, 1000);
    }

    void failures(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
    }

    private void failure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (ctx.response().headWritten()) {
            ctx.next();
        } else if (failure instanceof AuthenticationException || failure instanceof UnauthorizedException
                || (failure == null && ctx.statusCode() == 401)) {
            notSignedIn(ctx);
        } else if (failure instanceof ForbiddenException || (failure == null && ctx.statusCode() == 403)) {
            answer(ctx, ProblemMappers.forbidden(failure == null ? null : failure.getMessage()));
        } else {
            ctx.next();
        }
    }

    private void notSignedIn(RoutingContext ctx) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        answer(ctx, ProblemMappers.notSignedIn());
    }

    private void answer(RoutingContext ctx, Problem problem) {
        try {
            ctx.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE).end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }
}
