package vn.thidua.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import vn.thidua.testsupport.KafkaBrokerProcess;

/** The Kafka broker's JVM as a {@link Child}: started ready ({@link KafkaBrokerProcess#start} waits), stopped within a grace of ours. */
final class BrokerChild implements Child {
    private final KafkaBrokerProcess broker;
    private final Path log;

    BrokerChild(KafkaBrokerProcess broker, Path log) {
        this.broker = broker;
        this.log = log;
    }

    KafkaBrokerProcess broker() {
        return broker;
    }

    @Override
    public String name() {
        return "Kafka broker";
    }

    @Override
    public Path log() {
        return log;
    }

    @Override
    public ProcessHandle handle() {
        return broker.processes().get(0);
    }

    @Override
    public OptionalInt exitCode() {
        return OptionalInt.empty();
    }

    @Override
    public void awaitReady(Duration timeout) {
        // KafkaBrokerProcess.start returns once the broker answers
    }

    @Override
    public void stop(Duration grace) {
        ProcessHandle process = handle();
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        broker.close();
    }
}
