package vn.thidua.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches the stack's processes: one that exits is reported at once and started again after its
 * {@link RestartPolicy}'s delay; after a crash loop it is left stopped and the end of its log is
 * printed. {@link #stopping()} ends all restarts (the ordered stop then stops what runs).
 */
final class Supervisor {
    /** Lines printed of a crash-looping process's log. */
    static final int TAIL_LINES = 20;

    /** Starts a process again (and returns at once; readiness is awaited separately). */
    interface Starter {
        Child start() throws Exception;
    }

    /** What the supervisor tells the user. */
    interface Report {
        void ok(String line);

        void fail(String line);

        void info(String line);

        Report CONSOLE = new Report() {
            @Override
            public void ok(String line) {
                Console.ok(line);
            }

            @Override
            public void fail(String line) {
                Console.fail(line);
            }

            @Override
            public void info(String line) {
                Console.info(line);
            }
        };
    }

    private final RestartPolicy policy;
    private final Duration readyTimeout;
    private final Report report;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(8, r -> {
        Thread t = new Thread(r, "thidua-local-supervisor");
        t.setDaemon(true);
        return t;
    });
    private final List<Supervised> all = new ArrayList<>();
    private boolean stopping;

    Supervisor(RestartPolicy policy, Duration readyTimeout, Report report) {
        this.policy = policy;
        this.readyTimeout = readyTimeout;
        this.report = report;
    }

    /** Supervises {@code started} from now on; {@code starter} starts it again after an exit. */
    synchronized Supervised watch(Child started, Starter starter) {
        Supervised s = new Supervised(started, starter, policy.copy());
        all.add(s);
        s.watch(started);
        return s;
    }

    /** No restart from now on (restarts under way are stopped as they come up). */
    synchronized void stopping() {
        stopping = true;
        scheduler.shutdownNow();
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    /** One supervised process, whichever incarnation of it runs now. */
    final class Supervised {
        private final Starter starter;
        private final RestartPolicy restarts;
        private Child current;
        private int restartCount;
        private boolean givenUp;

        private Supervised(Child current, Starter starter, RestartPolicy restarts) {
            this.current = current;
            this.starter = starter;
            this.restarts = restarts;
        }

        /** The process running now (or the last one, after a crash loop). */
        Child current() {
            synchronized (Supervisor.this) {
                return current;
            }
        }

        int restarts() {
            synchronized (Supervisor.this) {
                return restartCount;
            }
        }

        boolean givenUp() {
            synchronized (Supervisor.this) {
                return givenUp;
            }
        }

        private void watch(Child child) {
            child.handle().onExit().thenRun(() -> exited(child));
        }

        private void exited(Child child) {
            Optional<Duration> delay;
            synchronized (Supervisor.this) {
                if (stopping || child != current) {
                    return;
                }
                delay = restarts.onExit(System.nanoTime());
                if (delay.isEmpty()) {
                    givenUp = true;
                }
            }
            String code = child.exitCode().isPresent() ? " (code " + child.exitCode().getAsInt() + ")" : "";
            if (delay.isEmpty()) {
                report.fail(child.name() + " exited" + code + ", its " + restarts.crashLoop() + "th exit within " + restarts.window().toSeconds()
                        + " s: not restarted again (a crash loop). The end of " + child.log() + ":");
                report.info(Processes.tail(child.log(), TAIL_LINES));
                return;
            }
            report.fail(child.name() + " exited" + code + "; restarting in " + seconds(delay.get()));
            try {
                scheduler.schedule(this::restart, delay.get().toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // stopping meanwhile
            }
        }

        private void restart() {
            long start = System.nanoTime();
            Child next;
            try {
                next = starter.start();
            } catch (Exception e) {
                if (isStopping()) {
                    return;
                }
                report.fail(current().name() + " did not start again: " + e.getMessage());
                // counts as one more exit of the same process
                synchronized (Supervisor.this) {
                    current = new ExitedChild(current);
                }
                exited(current());
                return;
            }
            boolean stop;
            synchronized (Supervisor.this) {
                stop = stopping;
                if (!stop) {
                    current = next;
                    restartCount++;
                }
            }
            if (stop) {
                next.stop(ServiceProcess.DRAIN);
                return;
            }
            watch(next);
            try {
                next.awaitReady(readyTimeout);
                report.ok(next.name() + " restarted (pid " + next.handle().pid() + ") and ready in " + seconds(Duration.ofNanos(System.nanoTime() - start)));
            } catch (StackException e) {
                if (!isStopping() && next.handle().isAlive()) {
                    report.fail(e.getMessage() + ": stopping it to start it again");
                    next.handle().destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /** A process that could not be started again: it has, in effect, exited at once. */
    private record ExitedChild(Child last) implements Child {
        @Override
        public String name() {
            return last.name();
        }

        @Override
        public java.nio.file.Path log() {
            return last.log();
        }

        @Override
        public ProcessHandle handle() {
            return last.handle();
        }

        @Override
        public java.util.OptionalInt exitCode() {
            return java.util.OptionalInt.empty();
        }

        @Override
        public void awaitReady(Duration timeout) {
            throw new StackException(last.name() + " is not running");
        }

        @Override
        public void stop(Duration grace) {
            // nothing runs
        }
    }
}
