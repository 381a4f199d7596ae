package vn.thidua.kit.health;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Runs a probe of a dependency on a thread of its own and waits at most the timeout for it: a probe
 * still running after that (a network that swallows packets) is reported DOWN at once, and while it
 * hangs the next checks report DOWN without starting another one.
 */
final class BoundedCheck implements AutoCloseable {
    private final String name;
    private final Duration timeout;
    private final ExecutorService thread;
    private Future<?> running;

    BoundedCheck(String name, Duration timeout) {
        this.name = name;
        this.timeout = timeout;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "readiness-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    synchronized HealthCheckResponse run(Callable<String> probe) {
        if (running != null && !running.isDone()) {
            return down("the previous check has not answered yet");
        }
        Future<String> f = thread.submit(probe);
        running = f;
        try {
            return HealthCheckResponse.named(name).up().withData("detail", f.get(timeout.toMillis(), TimeUnit.MILLISECONDS)).build();
        } catch (TimeoutException e) {
            return down("no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return down(String.valueOf(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        }
    }

    private HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named(name).down().withData("reason", reason).build();
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
