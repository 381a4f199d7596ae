package vn.thidua.bench;

import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The bench's flags: the workload's size, where the stack listens, where the results go. */
final class Options {
    @Option(names = "--units", defaultValue = "500") int units;
    @Option(names = "--members", defaultValue = "60", description = "members per unit") int members;
    @Option(names = "--campaigns", defaultValue = "10") int campaigns;
    @Option(names = "--records", defaultValue = "20", description = "records per member in the year") int records;
    @Option(names = "--clients", defaultValue = "16", description = "concurrent HTTP clients") int clients;
    @Option(names = "--seed", defaultValue = "42") long seed;
    @Option(names = "--probes", defaultValue = "4", description = "threads that each post a record beside the load and time it until counted")
    int probes;
    @Option(names = "--renders", defaultValue = "200", description = "renders of each web page timed after ingest (and as many API reads)")
    int renders;
    @Option(names = "--campaign-url", defaultValue = "http://localhost:8081") String campaignUrl;
    @Option(names = "--participation-url", defaultValue = "http://localhost:8082") String participationUrl;
    @Option(names = "--evaluation-url", defaultValue = "http://localhost:8083") String evaluationUrl;
    @Option(names = "--web-url", defaultValue = "http://localhost:8080", description = "the web pages (signed in as the officer, with --credentials)")
    String webUrl;
    @Option(names = "--bootstrap", defaultValue = "localhost:19092") String bootstrap;
    @Option(names = "--credentials", description = "the local stack's credentials.json (e.g. .thidua-local/credentials.json): requests carry"
            + " the officer's token, Kafka is read as the user auditor, the web pages are signed in to as the officer;"
            + " without it, no token, plaintext Kafka and no web pages") Path credentials;
    @Option(names = "--pg", defaultValue = "jdbc:postgresql://localhost:15432/", description = "PostgreSQL base URL (database appended)") String pg;
    @Option(names = "--pg-user", defaultValue = "postgres") String pgUser;
    @Option(names = "--pg-password", defaultValue = "") String pgPassword;
    @Option(names = "--out", defaultValue = "bench/results") Path out;

    /** The port of a URL such as {@code http://localhost:8081} (its default port when it names none). */
    static int port(String url) {
        URI u = URI.create(url);
        return u.getPort() > 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
    }

    /** The port of {@code host:port} (the first, when several brokers are listed). */
    static int bootstrapPort(String bootstrap) {
        String first = bootstrap.split(",")[0].trim();
        return Integer.parseInt(first.substring(first.lastIndexOf(':') + 1));
    }

    /** The port of the PostgreSQL base URL, e.g. {@code jdbc:postgresql://localhost:15432/}. */
    int pgPort() {
        return port(pg.substring("jdbc:".length()));
    }
}
