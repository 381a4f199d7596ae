package vn.thidua.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class RealPostgresTest {
    private static final String NAME = "Sở Khoa học và Công nghệ Thái Nguyên — Phòng Quản lý khoa học";

    @Test
    void writes_and_reads_vietnamese_text_through_a_real_connection() throws Exception {
        PostgresServer server = RealServers.postgres();
        String url = server.createDatabase("support_pg_test");

        try (Connection c = DriverManager.getConnection(url, server.username(), server.password())) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS unit (code TEXT PRIMARY KEY, name TEXT NOT NULL)");
                s.execute("DELETE FROM unit");
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO unit VALUES (?, ?)")) {
                insert.setString(1, "QLKH");
                insert.setString(2, NAME);
                insert.executeUpdate();
            }
            try (PreparedStatement select = c.prepareStatement("SELECT name, octet_length(name) FROM unit WHERE code = ?")) {
                select.setString(1, "QLKH");
                try (ResultSet rs = select.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo(NAME);
                    assertThat(rs.getInt(2)).isEqualTo(NAME.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW server_version_num")) {
                rs.next();
                assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(170000);
            }
        }
    }

    @Test
    void creating_a_database_twice_is_harmless() {
        PostgresServer server = RealServers.postgres();
        assertThat(server.createDatabase("support_twice")).isEqualTo(server.createDatabase("support_twice"));
    }
}
