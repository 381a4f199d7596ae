package vn.thidua.local;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * When to start an exited process again: after {@code base}, doubled for each earlier exit within
 * {@code window} (at most {@code max}); never again once it has exited {@code crashLoop} times within
 * {@code window} (a crash loop). Not thread-safe: one per process, used under its supervisor's lock.
 */
final class RestartPolicy {
    /** The stack's: 1 s, 2 s, 4 s, 8 s; the fifth exit within a minute is a crash loop. */
    static final RestartPolicy STACK = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(16), 5, Duration.ofSeconds(60));

    private final Duration base;
    private final Duration max;
    private final int crashLoop;
    private final Duration window;
    private final Deque<Long> exits = new ArrayDeque<>();

    RestartPolicy(Duration base, Duration max, int crashLoop, Duration window) {
        this.base = base;
        this.max = max;
        this.crashLoop = crashLoop;
        this.window = window;
    }

    /** A fresh policy with the same settings, for another process. */
    RestartPolicy copy() {
        return new RestartPolicy(base, max, crashLoop, window);
    }

    /** Records an exit at {@code nowNanos}: the delay before the restart, or empty for a crash loop. */
    Optional<Duration> onExit(long nowNanos) {
        exits.addLast(nowNanos);
        while (nowNanos - exits.peekFirst() > window.toNanos()) {
            exits.removeFirst();
        }
        int recent = exits.size();
        if (recent >= crashLoop) {
            return Optional.empty();
        }
        Duration delay = base.multipliedBy(1L << Math.min(recent - 1, 20));
        return Optional.of(delay.compareTo(max) > 0 ? max : delay);
    }

    int crashLoop() {
        return crashLoop;
    }

    Duration window() {
        return window;
    }
}
