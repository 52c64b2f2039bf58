package vn.gov.quangtri.motcua.shared.infrastructure.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Databases for schema tests: an in-memory H2 (the version Payara embeds) and a fresh PostgreSQL
 * database created on 127.0.0.1:5432 (user postgres, trust auth; override with MOTCUA_TEST_PG_HOST /
 * MOTCUA_TEST_PG_PORT). Without PostgreSQL the PostgreSQL tests are skipped with a plain message.
 */
public final class TestDatabases {

    /** Printed (and used as the abort message) when PostgreSQL is not reachable. */
    public static final String PG_SKIPPED = "PostgreSQL tests SKIPPED: no PostgreSQL at ";

    private TestDatabases() {
    }

    /** JDBC settings of a database. */
    public record Db(String kind, String url, String user, String password, Runnable drop) {
        /** JPA properties for this database. */
        public Map<String, String> jpa() {
            return Map.of("jakarta.persistence.jdbc.url", url, "jakarta.persistence.jdbc.user", user,
                "jakarta.persistence.jdbc.password", password);
        }

        /** Opens a connection. */
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    /** A fresh in-memory H2 database. */
    public static Db h2(String name) {
        return new Db("H2", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "", () -> { });
    }

    /**
     * A fresh PostgreSQL database whose sessions run in UTC (docs/cases.md C12); aborts the test when PostgreSQL is
     * not reachable.
     */
    public static Db postgres(String prefix) {
        String host = System.getenv().getOrDefault("MOTCUA_TEST_PG_HOST", "127.0.0.1");
        String port = System.getenv().getOrDefault("MOTCUA_TEST_PG_PORT", "5432");
        String admin = "jdbc:postgresql://" + host + ":" + port + "/postgres?connectTimeout=3";
        String name = prefix + "_" + System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection(admin, "postgres", "");
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            String msg = PG_SKIPPED + host + ":" + port + " (" + e.getMessage() + ")";
            System.out.println(msg);
            Assumptions.abort(msg);
        }
        String url = "jdbc:postgresql://" + host + ":" + port + "/" + name + "?options=-c%20TimeZone=UTC";
        return new Db("PostgreSQL", url, "postgres", "", () -> {
            try (Connection c = DriverManager.getConnection(admin, "postgres", "");
                 Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException ignored) {
                // best effort
            }
        });
    }
}
