package vn.thidua.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * What security costs a service, measured in the secured run itself (the services have no switch that
 * turns security off, and must not gain one): a JFR recording of the service during a phase
 * ({@code jcmd <pid> JFR.start settings=profile}, then {@code JFR.dump}), and the share of its
 * execution samples that are spent in token verification, authorization or SASL/SCRAM.
 * <p>
 * A sample belongs to the innermost frame of a known package: its stack is walked from the running
 * method outwards, and the first frame that is either security's or another part of the service's
 * work (the REST layer, the service's own code, Axon, Hibernate, the JDBC driver, the Kafka client…)
 * decides. So the JDK's RSA code under jose4j counts as security, while a request handled inside the
 * callback of the authentication step (its frames are still below) does not.
 */
final class SecurityProfile {
    /** Security's packages, by what they do; checked before {@link #OTHER_WORK} (kafka.common.security is in org.apache.kafka). */
    static final Map<String, List<String>> SECURITY = new LinkedHashMap<>();

    static {
        SECURITY.put("token verification", List.of("io.smallrye.jwt.", "org.jose4j.", "io.quarkus.smallrye.jwt.", "io.quarkus.oidc."));
        SECURITY.put("authorization", List.of("io.quarkus.security.", "io.quarkus.vertx.http.runtime.security.",
                "io.quarkus.resteasy.reactive.server.runtime.security.", "vn.thidua.kit.security."));
        SECURITY.put("SASL/SCRAM", List.of("org.apache.kafka.common.security."));
    }

    /** The rest of a service's work: a sample whose innermost known frame is one of these is not security's. */
    static final List<String> OTHER_WORK = List.of("vn.thidua.", "org.jboss.resteasy.", "io.quarkus.resteasy.", "io.quarkus.hibernate",
            "org.hibernate.", "org.axonframework.", "io.agroal.", "org.postgresql.", "org.apache.kafka.", "io.quarkus.narayana.",
            "com.arjuna.", "io.smallrye.reactive.messaging.", "com.networknt.", "io.quarkus.qute.");

    private final String service;
    private final long pid;
    private final Path file;
    private final String name = "thidua-bench-security";
    private final boolean recording;

    private SecurityProfile(String service, long pid) throws IOException, InterruptedException {
        this.service = service;
        this.pid = pid;
        this.file = Files.createTempFile("thidua-bench-" + service + "-", ".jfr");
        this.recording = jcmd("JFR.start", "name=" + name, "settings=profile");
    }

    /** Starts a recording of {@code service} (process {@code pid}). */
    static SecurityProfile start(String service, long pid) throws IOException, InterruptedException {
        return new SecurityProfile(service, pid);
    }

    /** Stops the recording and gives the shares of the samples. */
    Map<String, Object> stop() throws IOException, InterruptedException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("service", service);
        try {
            if (!recording || !jcmd("JFR.dump", "name=" + name, "filename=" + file) || Files.size(file) == 0) {
                out.put("error", "jcmd could not record " + service + " (process " + pid + ")");
                return out;
            }
            jcmd("JFR.stop", "name=" + name);
            long samples = 0;
            Map<String, Long> byKind = new LinkedHashMap<>();
            SECURITY.keySet().forEach(k -> byKind.put(k, 0L));
            try (RecordingFile jfr = new RecordingFile(file)) {
                while (jfr.hasMoreEvents()) {
                    RecordedEvent e = jfr.readEvent();
                    if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                        continue;
                    }
                    samples++;
                    String kind = securityKind(e.getStackTrace().getFrames());
                    if (kind != null) {
                        byKind.merge(kind, 1L, Long::sum);
                    }
                }
            }
            long security = byKind.values().stream().mapToLong(Long::longValue).sum();
            long all = samples;
            out.put("samples", samples);
            out.put("securitySamples", security);
            out.put("share", samples == 0 ? 0.0 : (double) security / samples);
            Map<String, Object> shares = new LinkedHashMap<>();
            byKind.forEach((k, n) -> shares.put(k, all == 0 ? 0.0 : (double) n / all));
            out.put("shareByKind", shares);
            return out;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * What the share bounds, given the phase's CPU per record by process: security's part of the whole
     * stack's CPU per record ({@code share} × the service's ms per record ÷ the stack's), and so how much
     * faster CPU-bound ingest could be without it at most: 1 / (1 − that part) − 1.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> bound(Map<String, Object> profile, Map<String, Object> cpu) {
        if (!profile.containsKey("share")) {
            return profile;
        }
        double share = ((Number) profile.get("share")).doubleValue();
        Object serviceMs = ((Map<String, Object>) cpu.get("msPerRecord")).get(profile.get("service"));
        double stackMs = ((Number) cpu.get("stackMsPerRecord")).doubleValue();
        if (serviceMs != null && stackMs > 0) {
            double ofStack = share * ((Number) serviceMs).doubleValue() / stackMs;
            profile.put("shareOfStackCpu", ofStack);
            profile.put("ingestWithoutAtMostFaster", 1 / (1 - ofStack) - 1);
        }
        return profile;
    }

    /** The kind of security a sample's stack (innermost frame first) is spent in, or null when it is other work. */
    static String securityKind(List<RecordedFrame> frames) {
        return securityKindOf(frames.stream().filter(f -> f.getMethod() != null && f.getMethod().getType() != null)
                .map(f -> f.getMethod().getType().getName()).toList());
    }

    /** The same, given the classes of the stack's frames, innermost first. */
    static String securityKindOf(List<String> types) {
        for (String type : types) {
            for (Map.Entry<String, List<String>> kind : SECURITY.entrySet()) {
                if (kind.getValue().stream().anyMatch(type::startsWith)) {
                    return kind.getKey();
                }
            }
            if (OTHER_WORK.stream().anyMatch(type::startsWith)) {
                return null;
            }
        }
        return null;
    }

    private boolean jcmd(String... command) throws IOException, InterruptedException {
        List<String> args = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        args.addAll(List.of(command));
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean ok = p.waitFor() == 0 && !said.contains("Exception") && !said.contains("Could not");
        if (!ok) {
            Run.say("  jcmd " + String.join(" ", command) + " on " + service + ": " + said.strip());
        }
        return ok;
    }
}
