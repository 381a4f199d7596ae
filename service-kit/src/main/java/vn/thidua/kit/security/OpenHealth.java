package vn.thidua.kit.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code /q/health/live} and {@code /q/health/ready} answer anyone, with the status only
 * ({@code {"status":"UP"}}, 200, or DOWN, 503): the checks' names and data (database, broker
 * addresses) are for the officer and auditors at {@code /q/health}.
 */
@ApplicationScoped
public class OpenHealth {
    static final String LIVE = "/q/health/live";
    static final String READY = "/q/health/ready";

    private final SmallRyeHealthReporter reporter;

    public OpenHealth(SmallRyeHealthReporter reporter) {
        this.reporter = reporter;
    }

    void register(@Observes Filters filters) {
        filters.register(ctx -> {
            String path = ctx.normalizedPath();
            if (path.equals(LIVE) || path.equals(READY)) {
                answer(ctx, path.equals(LIVE) ? reporter.getLivenessAsync() : reporter.getReadinessAsync());
            } else {
                ctx.next();
            }
        }, 2000);
    }

    private static void answer(RoutingContext ctx, Uni<SmallRyeHealth> health) {
        health.subscribe().with(
                h -> end(ctx, !h.isDown()),
                failure -> end(ctx, false));
    }

    private static void end(RoutingContext ctx, boolean up) {
        ctx.response().setStatusCode(up ? 200 : 503).putHeader("Content-Type", "application/json")
                .end(up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
    }
}
