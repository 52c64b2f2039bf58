package vn.gov.quangtri.motcua.bench.generate;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import vn.gov.quangtri.motcua.bench.generate.Reference.Procedure;
import vn.gov.quangtri.motcua.bench.generate.Reference.Step;

/**
 * Rows waiting to be written with PostgreSQL {@code COPY … FROM STDIN} (text format), one batch per transaction,
 * and the ids they use: blocks reserved from the application's own sequences (which count in steps of 50, as
 * EclipseLink allocates them), with a margin on both sides so that a running server never meets a generated id.
 */
final class Rows {

    /** Ids reserved from a sequence at a time. */
    private static final long BLOCK = 500_000;
    /** Margin kept between a reserved block and the ids the application allocates (its allocation size). */
    private static final long MARGIN = 50;

    static final String DOSSIER_COLUMNS = "id, code, regime, procedure_id, procedure_code, procedure_name,"
        + " procedure_revision, procedure_field, time_limit_value, time_limit_unit, fee_vnd,"
        + " pause_for_financial_obligation, receiving_agency_code, channel, applicant_kind, applicant_name,"
        + " applicant_name_search, applicant_id_number, applicant_phone, applicant_email, applicant_address,"
        + " submitted_at, received_at, clock_started_at, due_at, paused_at, completed_at, returned_at, status,"
        + " current_step, supplement_count, timeliness, returned_to, return_method, version, rescheduled_due_at,"
        + " inter_agency_child, parent_code, parent_leg";
    static final String STEP_COLUMNS = "id, dossier_id, position, name, role, kind, responsible_unit, allotted_minutes,"
        + " started_at, due_at, completed_at, handler, completed_by, timeliness, note";
    static final String EVENT_COLUMNS = "id, dossier_id, seq, occurred_at, actor, action, from_status, to_status,"
        + " step_position, reason, recorded_at, keyed_late_seconds";
    static final String DOCUMENT_COLUMNS = "id, dossier_id, position, required_position, name, document_form, quantity";

    private final Connection connection;
    private final CopyManager copy;
    private final Map<String, long[]> ids = new HashMap<>();
    private final StringBuilder dossierRows = new StringBuilder(1 << 22);
    private final StringBuilder stepRows = new StringBuilder(1 << 22);
    private final StringBuilder eventRows = new StringBuilder(1 << 22);
    private final StringBuilder documentRows = new StringBuilder(1 << 21);
    private final java.util.SplittableRandom keying = new java.util.SplittableRandom(7);

    int dossiers;
    long totalDossiers;
    long totalChildren;
    long totalSteps;
    long totalEvents;
    long totalDocuments;

    Rows(Connection connection) throws SQLException {
        this.connection = connection;
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        // The rows are consistent by construction: skip the foreign-key triggers while copying when the database
        // allows it (a superuser, as on a test machine); otherwise they are checked as usual, only slower.
        try (Statement s = connection.createStatement()) {
            s.execute("SET session_replication_role = replica");
            connection.commit();
            fastLoad = true;
        } catch (SQLException notAllowed) {
            connection.rollback();
        }
    }

    /** Whether foreign-key checks are skipped during the load. */
    boolean fastLoad;

    /** The next id of a sequence, from a reserved block. */
    private long id(String sequence) {
        long[] range = ids.get(sequence);
        if (range == null || range[0] >= range[1]) {
            try (Statement s = connection.createStatement();
                 ResultSet r = s.executeQuery("SELECT nextval('" + sequence + "')")) {
                r.next();
                long from = r.getLong(1) + MARGIN;
                try (ResultSet set = s.executeQuery("SELECT setval('" + sequence + "', " + (from + BLOCK + MARGIN) + ")")) {
                    set.next();
                }
                range = new long[] {from, from + BLOCK};
                ids.put(sequence, range);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not reserve ids of " + sequence, e);
            }
        }
        return range[0]++;
    }

    /** A dossier row being built; its steps, events and documents are written at once. */
    final class Dossier {
        private final long id;
        private final Object[] row;
        private int seq;

        private Dossier(long id, Object[] row) {
            this.id = id;
            this.row = row;
        }

        void child(String parentCode, int leg) {
            row[36] = true;
            row[37] = parentCode;
            row[38] = leg;
            totalChildren++;
        }

        /** When the legal clock started (receipt moved into office hours). */
        void clock(Instant clockStart) {
            row[23] = clockStart;
        }

        void supplement() {
            row[30] = ((Integer) row[30]) + 1;
        }

        void returned(Instant at, String to, String method) {
            row[27] = at;
            row[32] = to;
            row[33] = method;
        }

        /**
         * Completes the dossier row and queues it.
         *
         * @param status      final status now
         * @param currentStep the open step's position, or null
         * @param due         the appointment (null: no clock, refused at intake)
         * @param pausedAt    when a running pause began, or null
         * @param completedAt when processing ended, or null
         * @param timeliness  EARLY / ON_TIME / LATE once finished with a decision, else null
         */
        void finish(String status, Integer currentStep, Instant due, Instant pausedAt, Instant completedAt,
                    String timeliness) {
            row[24] = due;
            if (due == null) {
                row[23] = null;
            }
            row[25] = pausedAt;
            row[26] = completedAt;
            row[28] = status;
            row[29] = currentStep;
            row[31] = timeliness;
            line(dossierRows, row);
            dossiers++;
            totalDossiers++;
        }

        void step(int position, Step s, Instant started, Instant due, Instant completed, String handler,
                  String completedBy, String timeliness) {
            line(stepRows, id("dossier_step_seq"), id, position, s.name(), s.role(), s.kind(), s.responsibleUnit(),
                s.minutes(), started, due, completed, handler, completedBy, timeliness, null);
            totalSteps++;
        }

        void event(Instant at, String actor, String action, String from, String to, Integer step, String reason) {
            // Keyed a little after it happened, as at a real desk.
            Instant recorded = at.plusSeconds(5 + keying.nextInt(90));
            line(eventRows, id("dossier_event_seq"), id, ++seq, at, actor, action, from, to, step, reason, recorded,
                Duration.between(at, recorded).getSeconds());
            totalEvents++;
        }

        void document(Integer requiredPosition, String name, String form, int quantity) {
            int position = requiredPosition == null ? 1 : requiredPosition;
            line(documentRows, id("dossier_document_seq"), id, position, requiredPosition, name, form, quantity);
            totalDocuments++;
        }
    }

    /** Starts a dossier row with the facts known at receipt. */
    Dossier dossier(String code, String regime, Procedure p, String agency, String channel, String kind, String name,
                    String nameSearch, String idNumber, String phone, String address, Instant submitted,
                    Instant received) {
        Object[] row = new Object[39];
        long id = id("dossier_seq");
        row[0] = id;
        row[1] = code;
        row[2] = regime;
        row[3] = p.id();
        row[4] = p.code();
        row[5] = p.name();
        row[6] = p.revision();
        row[7] = p.field().isEmpty() ? null : p.field();
        row[8] = p.limit().value();
        row[9] = p.limit().unit().name();
        row[10] = p.fee();
        row[11] = p.pauseForFinance();
        row[12] = agency;
        row[13] = channel;
        row[14] = kind;
        row[15] = name;
        row[16] = nameSearch;
        row[17] = idNumber;
        row[18] = phone;
        row[19] = null;
        row[20] = address;
        row[21] = submitted;
        row[22] = received;
        row[23] = null; // set by clock()
        row[30] = 0;
        row[34] = 0L;
        row[36] = false;
        return new Dossier(id, row);
    }

    /** Writes the queued rows in one transaction. */
    void flush() throws SQLException {
        if (dossiers == 0) {
            return;
        }
        try {
            copy.copyIn("COPY dossier (" + DOSSIER_COLUMNS + ") FROM STDIN", new StringReader(dossierRows.toString()));
            copy.copyIn("COPY dossier_step (" + STEP_COLUMNS + ") FROM STDIN", new StringReader(stepRows.toString()));
            copy.copyIn("COPY dossier_event (" + EVENT_COLUMNS + ") FROM STDIN", new StringReader(eventRows.toString()));
            copy.copyIn("COPY dossier_document (" + DOCUMENT_COLUMNS + ") FROM STDIN",
                new StringReader(documentRows.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY failed", e);
        }
        connection.commit();
        dossierRows.setLength(0);
        stepRows.setLength(0);
        eventRows.setLength(0);
        documentRows.setLength(0);
        dossiers = 0;
    }

    /** Moves the daily dossier counters past the generated numbers; vacuums and analyses (index-only counts, plans). */
    void finish(Map<String, Integer> counters) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO dossier_code_sequence"
            + " (unit_edoc_code, code_date, last_number) VALUES (?, ?, ?) ON CONFLICT (unit_edoc_code, code_date)"
            + " DO UPDATE SET last_number = GREATEST(dossier_code_sequence.last_number, EXCLUDED.last_number)")) {
            int n = 0;
            for (Map.Entry<String, Integer> e : counters.entrySet()) {
                String[] key = e.getKey().split("\\|");
                s.setString(1, key[0]);
                s.setObject(2, LocalDate.parse(key[1]));
                s.setInt(3, e.getValue());
                s.addBatch();
                if (++n % 5000 == 0) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
        connection.commit();
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            s.execute("VACUUM ANALYZE dossier");
            s.execute("VACUUM ANALYZE dossier_step");
            s.execute("VACUUM ANALYZE dossier_event");
            s.execute("VACUUM ANALYZE dossier_document");
        }
    }

    /** Appends one row in COPY text format: tab-separated, {@code \N} for null, backslash escapes. */
    static void line(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                out.append("\\N");
            } else if (v instanceof Boolean b) {
                out.append(b ? 't' : 'f');
            } else if (v instanceof String s) {
                for (int k = 0; k < s.length(); k++) {
                    char c = s.charAt(k);
                    switch (c) {
                        case '\\' -> out.append("\\\\");
                        case '\t' -> out.append("\\t");
                        case '\n' -> out.append("\\n");
                        case '\r' -> out.append("\\r");
                        default -> out.append(c);
                    }
                }
            } else {
                out.append(v); // numbers; Instant prints ISO 8601 in UTC, which PostgreSQL reads
            }
        }
        out.append('\n');
    }
}
