package vn.thidua.local;

import java.io.PrintStream;

/** What the launcher tells its user: one line per step, with the time since start. */
final class Console {
    private static final long START = System.nanoTime();
    private static final PrintStream OUT = System.out;

    private Console() {
    }

    static void step(String text) {
        OUT.printf("[%5.1fs] ▶ %s%n", seconds(), text);
    }

    static void ok(String text) {
        OUT.printf("[%5.1fs] ✓ %s%n", seconds(), text);
    }

    static void info(String text) {
        OUT.println("          " + text);
    }

    static void fail(String text) {
        OUT.printf("[%5.1fs] ✗ %s%n", seconds(), text);
    }

    static void plain(String text) {
        OUT.println(text);
    }

    private static double seconds() {
        return (System.nanoTime() - START) / 1e9;
    }
}
