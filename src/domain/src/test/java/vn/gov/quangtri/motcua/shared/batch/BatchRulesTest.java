package vn.gov.quangtri.motcua.shared.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The job registry, the nightly schedule settings and the staleness of a job lock. */
class BatchRulesTest {

    @Test
    @DisplayName("registry: four jobs, their XML paths; unknown names are empty")
    void registry() {
        assertEquals(4, BatchJob.ALL.size());
        assertEquals(java.time.LocalTime.of(3, 30), BatchJob.named("portal-reconciliation").orElseThrow().defaultTime());
        assertEquals("META-INF/batch-jobs/statistics-snapshot.xml",
            BatchJob.named("statistics-snapshot").orElseThrow().xmlResource());
        assertTrue(BatchJob.named("transfer-reconciliation").isPresent());
        assertTrue(BatchJob.named("no-such-job").isEmpty());
        assertTrue(BatchJob.named(null).isEmpty());
    }

    @Test
    @DisplayName("schedule: HH:mm or H:mm, default time, off-switch; bad values refused")
    void schedule() {
        assertEquals(new JobSchedule(true, LocalTime.of(2, 0)), JobSchedule.parse(null, null, LocalTime.of(2, 0)));
        assertEquals(new JobSchedule(true, LocalTime.of(23, 45)), JobSchedule.parse(" 23:45 ", "TRUE", LocalTime.NOON));
        assertEquals(new JobSchedule(true, LocalTime.of(1, 5)), JobSchedule.parse("1:05", "", LocalTime.NOON));
        assertEquals(new JobSchedule(false, LocalTime.of(3, 0)), JobSchedule.parse("", "false", LocalTime.of(3, 0)));
        assertThrows(IllegalArgumentException.class, () -> JobSchedule.parse("24:00", null, LocalTime.NOON));
        assertThrows(IllegalArgumentException.class, () -> JobSchedule.parse("2h", null, LocalTime.NOON));
        assertThrows(IllegalArgumentException.class, () -> JobSchedule.parse("02:00", "no", LocalTime.NOON));
    }

    @Test
    @DisplayName("lock: free is not stale; live lease of another server holds; expired lease or own restart is stale")
    void staleness() {
        Instant now = Instant.parse("2026-12-06T19:00:00Z");
        LockOwner me = new LockOwner("host1/server", "boot-b", "");
        assertNull(LockOwner.staleReason(null, null, me, now));
        String other = new LockOwner("host2/server", "boot-x", "t1").text();
        assertNull(LockOwner.staleReason(other, now.plusSeconds(30), me, now));
        String expired = LockOwner.staleReason(other, now.minusSeconds(1), me, now);
        assertTrue(expired.startsWith("lease of host2/server expired"), expired);
        String mineBefore = new LockOwner("host1/server", "boot-a", "t0").text();
        assertEquals("server host1/server restarted while the execution ran",
            LockOwner.staleReason(mineBefore, now.plusSeconds(60), me, now));
        assertNull(LockOwner.staleReason(new LockOwner("host1/server", "boot-b", "t2").text(), now.plusSeconds(60),
            me, now));
        assertEquals(LockOwner.parse(other), new LockOwner("host2/server", "boot-x", "t1"));
        assertFalse(LockOwner.parse("garbage") != null);
    }
}
