package vn.gov.quangtri.motcua.shared.batch;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Our own history of the batch executions (table {@code batch_execution}, V30): it survives a redeploy of the EAR,
 * unlike the runtime's repository, whose listings only show the executions of the current deployment. Written by
 * {@link BatchJobs} (who started it, what it restarts or resumes), {@link BatchJobListener} (start, end, status) and
 * {@link BatchStepListener} (counts and the reader's checkpoint after every chunk, in the chunk's transaction); read by
 * every listing. Each method runs in its own transaction (REQUIRES_NEW) except {@link #progress}, which joins the
 * chunk's. Creating or completing a row first locks the job's {@code batch_job_lock} row, so the job listener and the
 * starting request never both insert the same execution.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class BatchHistory {

    /** Batch statuses after which an execution no longer changes (besides being marked abandoned). */
    public static final List<String> FINAL = List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");

    private static final String COLUMNS = "execution_id, job_name, started_by, server, created_at, started_at,"
        + " ended_at, status, exit_status, items_read, items_written, items_skipped, failure_reason, abandoned_reason,"
        + " abandoned_at, restart_of, resumed_from, resumed_checkpoint, checkpoint_step, checkpoint, checkpoint_at";

    @Resource(lookup = "jdbc/motcua")
    private DataSource ds;

    /**
     * A row of the history.
     *
     * @param status            the runtime's batch status as last recorded
     * @param abandonedReason   why it was marked abandoned (then the listing shows ABANDONED), null otherwise
     * @param restartOf         the execution this one restarts through the runtime, or null
     * @param resumedFrom       the abandoned execution whose checkpoint this one continued from, or null
     * @param resumedCheckpoint that checkpoint (a dossier or transfer id, or a day), null when it started over
     * @param checkpoint        the reader's position after the last committed chunk of {@code checkpointStep}
     */
    public record Row(long executionId, String job, String startedBy, String server, Instant createdAt,
                      Instant startedAt, Instant endedAt, String status, String exitStatus, long read, long written,
                      long skipped, String failure, String abandonedReason, Instant abandonedAt, Long restartOf,
                      Long resumedFrom, String resumedCheckpoint, String checkpointStep, String checkpoint,
                      Instant checkpointAt) {

        /** Whether the execution was marked abandoned. */
        public boolean abandoned() {
            return abandonedReason != null;
        }
    }

    /**
     * Records an execution (inserted when new; otherwise only the given non-null values are set).
     *
     * @param resumedCheckpoint also its first checkpoint: an execution abandoned before its first chunk keeps the
     *                          position it was given
     */
    public void opened(long executionId, String job, String startedBy, String server, Instant createdAt,
                       Instant startedAt, String status, Long restartOf, Long resumedFrom, String resumedStep,
                       String resumedCheckpoint) {
        try (Connection c = ds.getConnection()) {
            lockJob(c, job);
            if (exists(c, executionId)) {
                update(c, "UPDATE batch_execution SET started_by = COALESCE(?, started_by), server = COALESCE(?, server),"
                    + " started_at = COALESCE(?, started_at), status = CASE WHEN ended_at IS NULL THEN COALESCE(?, status)"
                    + " ELSE status END, restart_of = COALESCE(?, restart_of), resumed_from = COALESCE(?, resumed_from),"
                    + " resumed_checkpoint = COALESCE(?, resumed_checkpoint), checkpoint_step = COALESCE(checkpoint_step, ?),"
                    + " checkpoint = COALESCE(checkpoint, ?) WHERE execution_id = ?", startedBy, server,
                    ts(startedAt), status, lng(restartOf), lng(resumedFrom), resumedCheckpoint, resumedStep,
                    resumedCheckpoint, executionId);
            } else {
                update(c, "INSERT INTO batch_execution (execution_id, job_name, started_by, server, created_at,"
                    + " started_at, status, restart_of, resumed_from, resumed_checkpoint, checkpoint_step, checkpoint)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", executionId, job, startedBy, server,
                    ts(createdAt), ts(startedAt), status == null ? "STARTING" : status, lng(restartOf),
                    lng(resumedFrom), resumedCheckpoint, resumedCheckpoint == null ? null : resumedStep, resumedCheckpoint);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Batch history " + executionId + ": " + e.getMessage(), e);
        }
    }

    /**
     * The counts so far and the reader's checkpoint after a committed chunk (or the end of a step): joins the chunk's
     * transaction, so the checkpoint is stored exactly when the chunk's work is.
     *
     * @param checkpoint null to keep the one stored
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void progress(long executionId, String step, String checkpoint, long read, long written, long skipped) {
        try (Connection c = ds.getConnection()) {
            // two statements rather than "CASE WHEN ? IS NULL": PostgreSQL cannot type a NULL parameter there
            if (checkpoint == null) {
                update(c, "UPDATE batch_execution SET items_read = ?, items_written = ?, items_skipped = ?,"
                    + " status = CASE WHEN ended_at IS NULL THEN 'STARTED' ELSE status END WHERE execution_id = ?",
                    read, written, skipped, executionId);
            } else {
                update(c, "UPDATE batch_execution SET items_read = ?, items_written = ?, items_skipped = ?,"
                    + " status = CASE WHEN ended_at IS NULL THEN 'STARTED' ELSE status END, checkpoint_step = ?,"
                    + " checkpoint = ?, checkpoint_at = ? WHERE execution_id = ?", read, written, skipped, step,
                    checkpoint, ts(Instant.now()), executionId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Batch progress " + executionId + ": " + e.getMessage(), e);
        }
    }

    /** Records a step's failure reason (the first one kept). */
    public void failed(long executionId, String reason) {
        try (Connection c = ds.getConnection()) {
            update(c, "UPDATE batch_execution SET failure_reason = COALESCE(failure_reason, ?) WHERE execution_id = ?",
                cut(reason, 1000), executionId);
        } catch (SQLException e) {
            throw new IllegalStateException("Batch history " + executionId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Records the end of an execution: its final batch status, exit status and end; the counts only when given
     * (non-null, e.g. read from the runtime for an execution the listeners never saw).
     */
    public void ended(long executionId, String job, String status, String exitStatus, Instant endedAt, Long read,
                      Long written, Long skipped) {
        try (Connection c = ds.getConnection()) {
            lockJob(c, job);
            update(c, "UPDATE batch_execution SET status = ?, exit_status = ?, ended_at = COALESCE(ended_at, ?),"
                + " items_read = COALESCE(?, items_read), items_written = COALESCE(?, items_written),"
                + " items_skipped = COALESCE(?, items_skipped),"
                + " failure_reason = CASE WHEN ? = 'FAILED' THEN COALESCE(failure_reason, ?) ELSE failure_reason END"
                + " WHERE execution_id = ?", status, cut(exitStatus, 600), ts(endedAt), lng(read), lng(written),
                lng(skipped), status, cut(exitStatus, 1000), executionId);
        } catch (SQLException e) {
            throw new IllegalStateException("Batch history " + executionId + ": " + e.getMessage(), e);
        }
    }

    /** Marks an execution abandoned (once: the first reason is kept); creates its row when missing. */
    public void abandoned(long executionId, String job, Instant at, String reason) {
        try (Connection c = ds.getConnection()) {
            lockJob(c, job);
            if (!exists(c, executionId)) {
                update(c, "INSERT INTO batch_execution (execution_id, job_name, created_at, status) VALUES (?, ?, ?, ?)",
                    executionId, job, ts(at), "STARTED");
            }
            update(c, "UPDATE batch_execution SET abandoned_reason = COALESCE(abandoned_reason, ?),"
                + " abandoned_at = COALESCE(abandoned_at, ?) WHERE execution_id = ?", cut(reason, 1000), ts(at),
                executionId);
        } catch (SQLException e) {
            throw new IllegalStateException("Batch history " + executionId + ": " + e.getMessage(), e);
        }
    }

    /** One execution's row. */
    public Optional<Row> find(long executionId) {
        List<Row> rows = query("SELECT " + COLUMNS + " FROM batch_execution WHERE execution_id = ?", 1, executionId);
        return rows.stream().findFirst();
    }

    /** The latest execution of a job, if any. */
    public Optional<Row> latest(String job) {
        return list(List.of(job), 1).stream().findFirst();
    }

    /** Executions of the given jobs, newest first. */
    public List<Row> list(List<String> jobs, int limit) {
        if (jobs.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", jobs.stream().map(j -> "?").toList());
        return query("SELECT " + COLUMNS + " FROM batch_execution WHERE job_name IN (" + in + ")"
            + " ORDER BY execution_id DESC", limit, jobs.toArray());
    }

    private List<Row> query(String sql, int limit, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<Row> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5),
                        instant(rs, 6), instant(rs, 7), rs.getString(8), rs.getString(9), rs.getLong(10),
                        rs.getLong(11), rs.getLong(12), rs.getString(13), rs.getString(14), instant(rs, 15),
                        longOrNull(rs, 16), longOrNull(rs, 17), rs.getString(18), rs.getString(19), rs.getString(20),
                        instant(rs, 21)));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Batch history: " + e.getMessage(), e);
        }
    }

    /** Serializes the writers of one job's rows (the job lock row exists for every job of the registry). */
    private static void lockJob(Connection c, String job) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT job_name FROM batch_job_lock WHERE job_name = ?"
            + " FOR UPDATE")) {
            ps.setString(1, job);
            ps.executeQuery().close();
        }
    }

    private static boolean exists(Connection c, long executionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM batch_execution WHERE execution_id = ?")) {
            ps.setLong(1, executionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] == null) {
                    ps.setNull(i + 1, java.sql.Types.VARCHAR);
                } else if (params[i] instanceof Nul n) {
                    ps.setNull(i + 1, n.type());
                } else {
                    ps.setObject(i + 1, params[i]);
                }
            }
            return ps.executeUpdate();
        }
    }

    /** A typed SQL NULL (PostgreSQL does not accept an untyped one in COALESCE with a BIGINT or TIMESTAMP column). */
    private record Nul(int type) {
    }

    private static Object lng(Long v) {
        return v == null ? new Nul(java.sql.Types.BIGINT) : v;
    }

    private static Object ts(Instant t) {
        return t == null ? new Nul(java.sql.Types.TIMESTAMP_WITH_TIMEZONE) : BatchLocks.odt(t);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static Long longOrNull(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
