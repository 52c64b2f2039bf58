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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The job locks (table {@code batch_job_lock}, one row per job) and the abandoned executions
 * ({@code batch_abandoned}). Every method runs in its own transaction (REQUIRES_NEW), so a lock is taken or released
 * at once, whatever the caller's transaction does. Taking a lock is one conditional UPDATE after a
 * {@code SELECT ... FOR UPDATE} of the row: of two servers, the second waits for the first's commit and then sees
 * the row held; it works the same on PostgreSQL and H2.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class BatchLocks {

    @Resource(lookup = "jdbc/motcua")
    private DataSource ds;

    /**
     * A lock row as read.
     *
     * @param owner       the holder's {@link LockOwner} text, null when free
     * @param executionId the execution it protects, null while starting or when free
     * @param leaseUntil  the holder's lease, null when free
     */
    public record Lock(String job, String owner, Long executionId, Instant acquiredAt, Instant leaseUntil) {
    }

    /**
     * The outcome of {@link #acquire}.
     *
     * @param acquired whether the caller now holds the lock
     * @param held     the row as it was before (the holder when not acquired, or the stale one replaced)
     * @param staleReason why the previous holder was replaced (null when the lock was free)
     */
    public record Acquisition(boolean acquired, Lock held, String staleReason) {
    }

    /**
     * Takes the lock of a job when it is free or its holder is stale ({@link LockOwner#staleReason}); the caller
     * marks the stale holder's execution abandoned.
     *
     * @param leaseUntil the new lease
     */
    public Acquisition acquire(String job, LockOwner owner, Instant now, Instant leaseUntil) {
        try (Connection c = ds.getConnection()) {
            Lock row = lockRow(c, job);
            if (row == null) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO batch_job_lock (job_name) VALUES (?)")) {
                    ps.setString(1, job);
                    ps.executeUpdate();
                }
                row = new Lock(job, null, null, null, null);
            }
            String stale = LockOwner.staleReason(row.owner(), row.leaseUntil(), ServerIdentity.me(), now);
            if (row.owner() != null && stale == null) {
                return new Acquisition(false, row, null);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE batch_job_lock SET owner = ?, execution_id = NULL,"
                + " acquired_at = ?, lease_until = ? WHERE job_name = ? AND "
                + (row.owner() == null ? "owner IS NULL" : "owner = ?"))) {
                ps.setString(1, owner.text());
                ps.setObject(2, odt(now));
                ps.setObject(3, odt(leaseUntil));
                ps.setString(4, job);
                if (row.owner() != null) {
                    ps.setString(5, row.owner());
                }
                boolean ok = ps.executeUpdate() == 1;
                return new Acquisition(ok, row, ok ? stale : null);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Job lock " + job + ": " + e.getMessage(), e);
        }
    }

    /** Records the execution the holder started (no effect when {@code owner} no longer holds the lock). */
    public void attach(String job, LockOwner owner, long executionId) {
        update("UPDATE batch_job_lock SET execution_id = ? WHERE job_name = ? AND owner = ?",
            executionId, job, owner.text());
    }

    /** Frees the lock if {@code ownerText} still holds it; returns whether it did. */
    public boolean release(String job, String ownerText) {
        return update("UPDATE batch_job_lock SET owner = NULL, execution_id = NULL, acquired_at = NULL,"
            + " lease_until = NULL WHERE job_name = ? AND owner = ?", job, ownerText) == 1;
    }

    /**
     * Test hook ({@code motcua.batch.test-hooks}): makes the lock of a running execution look like one left by a
     * server that died, its lease already expired.
     */
    public void orphan(String job, long executionId) {
        update("UPDATE batch_job_lock SET owner = ?, lease_until = ? WHERE job_name = ? AND execution_id = ?",
            "gone-host/server|dead|" + executionId, odt(Instant.now().minusSeconds(60)), job, executionId);
    }

    /** Extends the lease of every lock held by this server's current start; returns how many. */
    public int renew(Instant leaseUntil) {
        LockOwner me = ServerIdentity.me();
        return update("UPDATE batch_job_lock SET lease_until = ? WHERE owner LIKE ?", odt(leaseUntil),
            me.server() + "|" + me.boot() + "|%");
    }

    /** The lock rows, by job name. */
    public List<Lock> locks() {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT job_name, owner, execution_id, acquired_at, lease_until"
                 + " FROM batch_job_lock ORDER BY job_name");
             ResultSet rs = ps.executeQuery()) {
            List<Lock> out = new ArrayList<>();
            while (rs.next()) {
                out.add(lock(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Job locks: " + e.getMessage(), e);
        }
    }

    /** Records that an execution was abandoned (once; a second call keeps the first reason). */
    public void recordAbandoned(long executionId, String job, Instant at, String by, String reason) {
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM batch_abandoned WHERE execution_id = ?")) {
                q.setLong(1, executionId);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO batch_abandoned (execution_id, job_name,"
                + " abandoned_at, abandoned_by, reason) VALUES (?, ?, ?, ?, ?)")) {
                ps.setLong(1, executionId);
                ps.setString(2, job);
                ps.setObject(3, odt(at));
                ps.setString(4, by);
                ps.setString(5, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Abandoned execution " + executionId + ": " + e.getMessage(), e);
        }
    }

    /** Abandonment reasons by execution id, for the given ids. */
    public java.util.Map<Long, String> abandonedReasons(java.util.Collection<Long> ids) {
        java.util.Map<Long, String> out = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        String in = String.join(",", ids.stream().map(i -> "?").toList());
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT execution_id, abandoned_at, reason FROM batch_abandoned"
                 + " WHERE execution_id IN (" + in + ")")) {
            int i = 1;
            for (Long id : ids) {
                ps.setLong(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(3) + " (" + rs.getObject(2, OffsetDateTime.class)
                        .toInstant() + ")");
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Abandoned executions: " + e.getMessage(), e);
        }
    }

    private Lock lockRow(Connection c, String job) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT job_name, owner, execution_id, acquired_at, lease_until"
            + " FROM batch_job_lock WHERE job_name = ? FOR UPDATE")) {
            ps.setString(1, job);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? lock(rs) : null;
            }
        }
    }

    private static Lock lock(ResultSet rs) throws SQLException {
        long exec = rs.getLong(3);
        Long execution = rs.wasNull() ? null : exec;
        return new Lock(rs.getString(1), rs.getString(2), execution, instant(rs, 4), instant(rs, 5));
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private int update(String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Job lock: " + e.getMessage(), e);
        }
    }

    static OffsetDateTime odt(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
