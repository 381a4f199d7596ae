package vn.thidua.testsupport;

/** A running PostgreSQL server: one per JVM, a database per service or test. */
public interface PostgresServer extends AutoCloseable {

    /** JDBC URL of {@code database} on this server. */
    String jdbcUrl(String database);

    String username();

    String password();

    /** Creates {@code database} if it does not exist yet (UTF-8), and returns its JDBC URL. */
    String createDatabase(String database);

    /** What kind of server this is, for logs: embedded or container. */
    String description();

    @Override
    void close();
}
