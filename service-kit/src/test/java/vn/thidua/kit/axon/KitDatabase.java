package vn.thidua.kit.axon;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import org.postgresql.ds.PGSimpleDataSource;
import vn.thidua.testsupport.PostgresServer;
import vn.thidua.testsupport.RealServers;

/** A database of the real PostgreSQL server with the kit's tables (event store, tokens, relay, idempotency) and nothing else. */
final class KitDatabase {
    private KitDatabase() {
    }

    /** Creates {@code name} if needed, empties it and creates the kit's tables. */
    static PGSimpleDataSource fresh(String name) throws Exception {
        PostgresServer server = RealServers.postgres();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(server.createDatabase(name));
        dataSource.setUser(server.username());
        dataSource.setPassword(server.password());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
            try (InputStream in = KitDatabase.class.getResourceAsStream("/db/kit/V1__axon_store_relay_idempotency.sql")) {
                s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return dataSource;
    }
}
