package vn.gov.quangtri.motcua.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The raw JDBC floor of an intake on the application's own PostgreSQL database: the same rows a REST intake
 * writes, in one transaction per dossier, with nothing else (no reads, no checks, no object mapping).
 *
 * <p>The rows are copied from a dossier the same run received over REST (the <em>template</em>): the daily
 * code counter (an upsert of {@code dossier_code_sequence}), the {@code dossier} row, its {@code dossier_event}
 * (the RECEIVE history), its {@code dossier_step} rows (the internal process) and its {@code dossier_document}
 * rows, and the rows the intake's observers write in the same transaction, keyed by the dossier's code: the
 * national portal's outbox message ({@code portal_message}) and the applicant's receipt notice
 * ({@code notification}). Identifiers come from the application's own sequences in blocks of 50, as EclipseLink allocates them
 * ({@code allocationSize = 50}: one {@code nextval} = 50 ids). The copies are marked: code
 * {@code BENCH-<run>-<n>} and counter unit {@code BENCH}; {@link #cleanUp()} deletes them (also those an
 * interrupted earlier run left).
 */
public final class JdbcFloor {

    /** Code prefix of the floor's dossiers. */
    public static final String CODE_PREFIX = "BENCH-";
    /** Counter unit of the floor's daily sequence rows. */
    public static final String UNIT = "BENCH";

    private static final String[] CHILDREN = {"dossier_event", "dossier_step", "dossier_document"};
    /** Rows that refer to the dossier by its code (written by the intake's observers). */
    private static final String[] BY_CODE = {"portal_message", "notification"};

    /** Rows of one table: column names and each row's values. */
    private record Rows(String table, List<String> columns, List<Object[]> values) {
        String insert() {
            return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        }
    }

    private final String url;
    private final String user;
    private final String password;
    private final String run = Long.toString(System.currentTimeMillis() / 1000, 36);
    private final AtomicLong serial = new AtomicLong();
    private Rows dossier;
    private final Map<String, Rows> children = new HashMap<>();

    /** @param url JDBC URL of the application's database, e.g. {@code jdbc:postgresql://127.0.0.1:5432/motcua} */
    public JdbcFloor(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Opens a connection (auto-commit off). */
    public Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url, user, password);
        c.setAutoCommit(false);
        return c;
    }

    /**
     * Reads the template: the rows of a dossier received over REST in this run.
     *
     * @param code the template dossier's code
     * @return a one-line description of the rows, e.g. "1 dossier + 1 dossier_event + 4 dossier_step + ..."
     */
    public String loadTemplate(String code) throws SQLException {
        try (Connection c = connect()) {
            dossier = read(c, "SELECT * FROM dossier WHERE code = ?", "dossier", code);
            if (dossier.values().size() != 1) {
                throw new IllegalStateException("template dossier " + code + " not found in " + url
                    + " (is --jdbc the database of the server under test?)");
            }
            long id = ((Number) dossier.values().get(0)[dossier.columns().indexOf("id")]).longValue();
            StringBuilder what = new StringBuilder("1 counter upsert + 1 dossier");
            for (String t : CHILDREN) {
                what.append(readChild(c, t, "dossier_id", id));
            }
            for (String t : BY_CODE) {
                what.append(readChild(c, t, "dossier_code", code));
            }
            c.rollback();
            return what.toString();
        }
    }

    /** Reads the template's rows of a table by the dossier's key; " + n table" for the description. */
    private String readChild(Connection c, String table, String keyColumn, Object key) throws SQLException {
        Rows r = read(c, "SELECT * FROM " + table + " WHERE " + keyColumn + " = ?", table, key);
        children.put(table, r);
        return " + " + r.values().size() + " " + table;
    }

    private static Rows read(Connection c, String sql, String table, Object key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<String> cols = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    cols.add(md.getColumnName(i));
                }
                List<Object[]> rows = new ArrayList<>();
                while (rs.next()) {
                    Object[] v = new Object[cols.size()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = rs.getObject(i + 1);
                    }
                    rows.add(v);
                }
                return new Rows(table, cols, rows);
            }
        }
    }

    /** One client thread of the floor: its connection, statements and blocks of ids. */
    public final class Writer implements Load.Operation {
        private final Connection c;
        private final PreparedStatement counter;
        private final PreparedStatement insertDossier;
        private final Map<String, PreparedStatement> insertChild = new HashMap<>();
        private final Map<String, long[]> blocks = new HashMap<>();

        Writer() throws SQLException {
            c = connect();
            counter = c.prepareStatement("INSERT INTO dossier_code_sequence (unit_edoc_code, code_date, last_number)"
                + " VALUES (?, CURRENT_DATE, 1) ON CONFLICT (unit_edoc_code, code_date)"
                + " DO UPDATE SET last_number = dossier_code_sequence.last_number + 1 RETURNING last_number");
            insertDossier = c.prepareStatement(dossier.insert());
            for (Rows r : children.values()) {
                insertChild.put(r.table(), c.prepareStatement(r.insert()));
            }
        }

        /** Next id of a table, from a block of 50 taken with one nextval (EclipseLink's allocation). */
        private long nextId(String table) throws SQLException {
            long[] b = blocks.computeIfAbsent(table, k -> new long[] {1, 0}); // {next, last}
            if (b[0] > b[1]) {
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT nextval('" + table + "_seq')")) {
                    rs.next();
                    b[1] = rs.getLong(1);
                    b[0] = b[1] - 49;
                }
            }
            return b[0]++;
        }

        @Override
        public void run() throws SQLException {
            try {
                counter.setString(1, UNIT);
                int n;
                try (ResultSet rs = counter.executeQuery()) {
                    rs.next();
                    n = rs.getInt(1);
                }
                long id = nextId("dossier");
                Object[] row = dossier.values().get(0).clone();
                row[dossier.columns().indexOf("id")] = id;
                String code = CODE_PREFIX + run + "-" + n + "-" + serial.incrementAndGet();
                row[dossier.columns().indexOf("code")] = code;
                bind(insertDossier, row);
                insertDossier.executeUpdate();
                for (String t : CHILDREN) {
                    copy(t, "dossier_id", id);
                }
                for (String t : BY_CODE) {
                    copy(t, "dossier_code", code);
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }

        /**
         * Inserts, in one batch, the template's rows of a table for the new dossier: fresh ids, the dossier's key.
         * The rows that refer to it by code (portal message, notification) are written as the intake writes them,
         * but marked sent so that the server's dispatchers do not deliver the floor's copies.
         */
        private void copy(String table, String keyColumn, Object key) throws SQLException {
            Rows rows = children.get(table);
            PreparedStatement ps = insertChild.get(table);
            int state = table.equals("portal_message") ? rows.columns().indexOf("state")
                : table.equals("notification") ? rows.columns().indexOf("status") : -1;
            for (Object[] template : rows.values()) {
                Object[] r = template.clone();
                r[rows.columns().indexOf("id")] = nextId(table);
                r[rows.columns().indexOf(keyColumn)] = key;
                if (state >= 0) {
                    r[state] = "SENT";
                }
                bind(ps, r);
                ps.addBatch();
            }
            ps.executeBatch();
        }

        /** Closes the connection. */
        public void close() throws SQLException {
            c.close();
        }
    }

    private static void bind(PreparedStatement ps, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i]);
        }
    }

    /** A writer for one client thread. */
    public Writer writer() throws SQLException {
        if (dossier == null) {
            throw new IllegalStateException("loadTemplate first");
        }
        return new Writer();
    }

    /**
     * Deletes every row the floor wrote (this run's and any left by an interrupted run).
     *
     * @return dossiers deleted
     */
    public int cleanUp() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String t : BY_CODE) {
                s.executeUpdate("DELETE FROM " + t + " WHERE dossier_code LIKE '" + CODE_PREFIX + "%'");
            }
            String mine = "(SELECT id FROM dossier WHERE code LIKE '" + CODE_PREFIX + "%')";
            for (String t : CHILDREN) {
                s.executeUpdate("DELETE FROM " + t + " WHERE dossier_id IN " + mine);
            }
            int n = s.executeUpdate("DELETE FROM dossier WHERE code LIKE '" + CODE_PREFIX + "%'");
            s.executeUpdate("DELETE FROM dossier_code_sequence WHERE unit_edoc_code = '" + UNIT + "'");
            c.commit();
            return n;
        }
    }
}
