package vn.thidua.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import vn.thidua.testsupport.EmbeddedPostgresServer;

/**
 * Each service connects as its own PostgreSQL role, which owns its database and may connect to no
 * other (CONNECT is revoked from PUBLIC), as in docker-compose (deploy/postgres-init.sql).
 */
final class DatabaseRoles {
    private DatabaseRoles() {
    }

    /** Makes {@code role} (created when missing) the owner of {@code database} and of what is in it, and the only one to connect. */
    static void ownedBy(EmbeddedPostgresServer postgres, String database, String role) {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(), postgres.password());
             Statement s = c.createStatement()) {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
                exists.setString(1, role);
                try (ResultSet r = exists.executeQuery()) {
                    if (!r.next()) {
                        s.execute("CREATE ROLE " + quoted(role) + " LOGIN");
                    }
                }
            }
            s.execute("ALTER DATABASE " + quoted(database) + " OWNER TO " + quoted(role));
            s.execute("REVOKE CONNECT, TEMPORARY ON DATABASE " + quoted(database) + " FROM PUBLIC");
            s.execute("GRANT CONNECT ON DATABASE " + quoted(database) + " TO " + quoted(role));
        } catch (SQLException e) {
            throw new StackException("PostgreSQL role " + role + " for database " + database + ": " + e.getMessage());
        }
        // a data folder of an earlier version has its tables owned by postgres: hand them over
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password());
             Statement s = c.createStatement()) {
            List<String> owned = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'S', 'v', 'm', 'p') AND pg_get_userbyid(c.relowner) <> " + literal(role)
                    // a sequence of a serial or identity column follows its table
                    + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i'))")) {
                while (r.next()) {
                    owned.add(r.getString(1));
                }
            }
            for (String relation : owned) {
                s.execute("ALTER TABLE " + relation + " OWNER TO " + quoted(role));
            }
        } catch (SQLException e) {
            throw new StackException("PostgreSQL: giving database " + database + "'s tables to role " + role + ": " + e.getMessage());
        }
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
