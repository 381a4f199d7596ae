package vn.thidua.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports for servers a test starts as processes of their own. A port the kernel hands out
 * for {@code new ServerSocket(0)} is in its ephemeral range, the same range every outgoing
 * connection's local port comes from: between choosing it and the server binding it (seconds, for a
 * JVM starting), a client connection of the same test can take it ("Port … seems to be in use", the
 * fault suite, 2026-11-26). So a port is chosen below that range, checked free by binding it, and
 * never handed out twice by this JVM (ports chosen together are bound only later).
 */
public final class Ports {
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** The lowest port chosen: above the well-known and most registered ones. */
    private static final int FLOOR = 10_000;
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    /** A free loopback port outside the kernel's ephemeral range (any free one if that range leaves none below it). */
    public static int free() {
        int below = ephemeralLow();
        if (below - FLOOR >= 1_000) {
            for (int attempt = 0; attempt < 200; attempt++) {
                int port = FLOOR + ThreadLocalRandom.current().nextInt(below - FLOOR);
                if (GIVEN.contains(port)) {
                    continue;
                }
                try (ServerSocket s = new ServerSocket()) {
                    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
                } catch (IOException taken) {
                    continue;
                }
                if (GIVEN.add(port)) {
                    return port;
                }
            }
        }
        while (true) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (GIVEN.add(s.getLocalPort())) {
                    return s.getLocalPort();
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("no free loopback port", e);
            }
        }
    }

    /** The first port of the ephemeral range: Linux says it, elsewhere the IANA range's start (49152) is assumed. */
    private static int ephemeralLow() {
        try {
            return Integer.parseInt(Files.readString(EPHEMERAL_RANGE).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 49_152;
        }
    }
}
