package vn.thidua.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;

/** A process the stack started and supervises: a service, the web pages or the broker. */
interface Child {
    String name();

    Path log();

    ProcessHandle handle();

    /** Its exit code once it has exited, when known (a process started by another class gives only its handle). */
    OptionalInt exitCode();

    /** Blocks until it answers as ready, or throws {@link StackException} (it exited, or the time is up). */
    void awaitReady(Duration timeout) throws InterruptedException;

    /** SIGTERM, up to {@code grace} to exit by itself, then SIGKILL; returns once it is gone. */
    void stop(Duration grace);
}
