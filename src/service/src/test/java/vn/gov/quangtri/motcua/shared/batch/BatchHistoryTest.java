package vn.gov.quangtri.motcua.shared.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.gov.quangtri.motcua.shared.infrastructure.persistence.DatabaseMigrator;
import vn.gov.quangtri.motcua.shared.infrastructure.persistence.TestDatabases;

/**
 * Our batch history (V30 {@code batch_execution}) on H2 and PostgreSQL, outside the server: an execution crashes
 * after a checkpoint, is abandoned, the next one resumes from it; the rows read back as written (typed NULLs in every
 * partial update, which PostgreSQL would refuse untyped). Also the OVERDUE notification templates of V30.
 */
class BatchHistoryTest {

    private static final String JOB = "statistics-snapshot";
    private static final Instant T0 = Instant.parse("2026-12-01T19:00:00Z");

    private TestDatabases.Db db;

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.drop().run();
        }
    }

    private BatchHistory history(String kind) throws Exception {
        db = "h2".equals(kind) ? TestDatabases.h2("history" + System.nanoTime()) : TestDatabases.postgres("motcua_history");
        Flyway.configure().dataSource(db.url(), db.user(), db.password()).locations("classpath:db/migration")
            .javaMigrations(DatabaseMigrator.javaMigrations()).load().migrate();
        DataSource ds = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
            (proxy, called, args) -> {
                if (called.getName().equals("getConnection")) {
                    return db.connect();
                }
                throw new UnsupportedOperationException(called.getName());
            });
        BatchHistory h = new BatchHistory();
        Field f = BatchHistory.class.getDeclaredField("ds");
        f.setAccessible(true);
        f.set(h, ds);
        return h;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("crash after a checkpoint, abandoned, resumed: the rows as the listing reads them")
    void crashAbandonResume(String kind) throws Exception {
        BatchHistory h = history(kind);
        // the request records the start; the job listener, in another thread, adds the server and the start
        h.opened(101, JOB, "quantri.tinh", null, T0, null, null, null, null, null, null);
        assertEquals("STARTING", h.find(101).orElseThrow().status());
        h.opened(101, JOB, null, "host/server", T0, T0.plusSeconds(1), "STARTED", null, null, null, null);
        h.progress(101, "snapshot", "2026-01-05", 5, 5, 0);
        h.progress(101, "snapshot", "2026-01-10", 10, 10, 0);
        h.progress(101, "snapshot", null, 10, 10, 0); // the end of a step: counts only, the checkpoint stays
        BatchHistory.Row running = h.find(101).orElseThrow();
        assertEquals("quantri.tinh", running.startedBy());
        assertEquals("host/server", running.server());
        assertEquals("STARTED", running.status());
        assertEquals(10, running.read());
        assertEquals(10, running.written());
        assertEquals("snapshot", running.checkpointStep());
        assertEquals("2026-01-10", running.checkpoint());
        assertNull(running.endedAt());

        h.abandoned(101, JOB, T0.plusSeconds(300), "lease of gone-host/server expired at 2026-12-01T19:03:00Z");
        h.abandoned(101, JOB, T0.plusSeconds(400), "second reason");
        BatchHistory.Row abandoned = h.latest(JOB).orElseThrow();
        assertEquals(101, abandoned.executionId());
        assertTrue(abandoned.abandoned());
        assertEquals("lease of gone-host/server expired at 2026-12-01T19:03:00Z", abandoned.abandonedReason());
        assertEquals(T0.plusSeconds(300), abandoned.abandonedAt());

        // the next start resumes after the abandoned one's checkpoint, which is also its own first checkpoint
        h.opened(102, JOB, "quantri.tinh", null, T0.plusSeconds(300), null, null, null, 101L, "snapshot", "2026-01-10");
        BatchHistory.Row resumed = h.find(102).orElseThrow();
        assertEquals(101L, resumed.resumedFrom());
        assertEquals("2026-01-10", resumed.resumedCheckpoint());
        assertEquals("2026-01-10", resumed.checkpoint());
        assertNull(resumed.restartOf());

        // the dead execution's thread ends later: its status is recorded, the abandonment stays
        h.ended(101, JOB, "FAILED", "FAILED in snapshot: test.hangAfterChunks: hung after 2 chunks",
            T0.plusSeconds(320), null, null, null);
        BatchHistory.Row dead = h.find(101).orElseThrow();
        assertEquals("FAILED", dead.status());
        assertTrue(dead.abandoned());
        assertEquals("FAILED in snapshot: test.hangAfterChunks: hung after 2 chunks", dead.failure());
        assertEquals(10, dead.read(), "counts kept when none given");

        h.progress(102, "snapshot", "2026-01-15", 5, 5, 0);
        h.ended(102, JOB, "COMPLETED", "COMPLETED", T0.plusSeconds(360), 320L, 320L, 0L);
        BatchHistory.Row done = h.find(102).orElseThrow();
        assertEquals("COMPLETED", done.status());
        assertEquals(T0.plusSeconds(360), done.endedAt());
        assertEquals(320, done.read());
        assertEquals("2026-01-15", done.checkpoint());
        assertNull(done.failure());
        h.opened(102, JOB, null, null, T0, null, "STARTED", null, null, null, null);
        assertEquals("COMPLETED", h.find(102).orElseThrow().status(), "a late listener call does not reopen it");

        assertEquals(List.of(102L, 101L), h.list(List.of(JOB, "deadline-sweep"), 10).stream()
            .map(BatchHistory.Row::executionId).toList());
        assertEquals(List.of(102L), h.list(List.of(JOB), 1).stream().map(BatchHistory.Row::executionId).toList());
        assertEquals(List.of(), h.list(List.of("deadline-sweep"), 10));
        assertTrue(h.find(999).isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("V30: the OVERDUE templates in Vietnamese and English")
    void overdueTemplates(String kind) throws Exception {
        history(kind);
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT language, subject FROM notification_template"
                 + " WHERE milestone = 'OVERDUE' ORDER BY language")) {
            assertTrue(rs.next());
            assertEquals("en", rs.getString(1));
            assertEquals("Dossier {{code}} is overdue", rs.getString(2));
            assertTrue(rs.next());
            assertEquals("vi", rs.getString(1));
            assertEquals("Hồ sơ {{code}} đã quá hạn trả kết quả", rs.getString(2));
        }
    }
}
