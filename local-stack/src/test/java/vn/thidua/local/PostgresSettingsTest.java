package vn.thidua.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thidua.testsupport.EmbeddedPostgresServer;

/** The local stack's PostgreSQL settings reach the server it starts (DECISIONS 59). */
class PostgresSettingsTest {
    @TempDir
    Path data;

    @Test
    void the_durable_server_runs_with_the_stacks_settings() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.durable(data.resolve("postgres"), 0, false, LocalStack.postgresSettings("192MB"));
             Connection c = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(), postgres.password());
             Statement s = c.createStatement()) {
            assertThat(show(s, "shared_buffers")).isEqualTo("192MB");
            assertThat(show(s, "max_wal_size")).isEqualTo("4GB");
            assertThat(show(s, "checkpoint_timeout")).isEqualTo("15min");
            assertThat(show(s, "fsync")).isEqualTo("on");
        }
    }

    private static String show(Statement s, String setting) throws Exception {
        try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
