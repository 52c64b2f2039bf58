package vn.gov.quangtri.motcua.shared.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How a row of the batch history is shown (issue 14 trial): exit status, end and reason of an abandoned execution. */
class ExecutionInfoTest {

    private static final Instant STARTED = Instant.parse("2026-03-01T18:00:00Z"); // 2 Mar 01:00 in Vietnam

    private static BatchHistory.Row row(String status, String exitStatus, Instant endedAt, String abandonedReason,
                                        Instant abandonedAt) {
        return new BatchHistory.Row(7, "statistics-snapshot", "quantri.tinh", "host/server", STARTED, STARTED, endedAt,
            status, exitStatus, 10, 9, 1, null, abandonedReason, abandonedAt, null, null, null, null, null, null);
    }

    @Test
    @DisplayName("An ended execution without its own exit status exits with its batch status; one with it keeps it")
    void exitStatus() {
        Instant end = STARTED.plusSeconds(90);
        assertEquals("COMPLETED", BatchJobs.info(row("COMPLETED", null, end, null, null), 7L).exitStatus());
        assertEquals("FAILED", BatchJobs.info(row("FAILED", null, end, null, null), 7L).exitStatus());
        assertEquals("STEP snapshot: timeout", BatchJobs.info(row("FAILED", "STEP snapshot: timeout", end, null, null),
            7L).exitStatus());
        BatchJobs.ExecutionInfo running = BatchJobs.info(row("STARTED", null, null, null, null), 7L);
        assertNull(running.exitStatus(), "a running execution has no exit status yet");
        assertNull(running.endedAt());
    }

    @Test
    @DisplayName("An abandoned execution ended when it was found abandoned; its reason gives that moment in Vietnam time")
    void abandoned() {
        Instant found = Instant.parse("2026-03-01T18:05:09.123456Z"); // 2 Mar 01:05:09 in Vietnam
        BatchJobs.ExecutionInfo e = BatchJobs.info(row("STARTED", null, null, "lease of gone-host/server expired",
            found), 7L);
        assertEquals("ABANDONED", e.status());
        assertEquals("STARTED", e.runtimeStatus());
        assertEquals(found, e.endedAt());
        assertEquals("lease of gone-host/server expired (2026-03-02T01:05:09+07:00)", e.failure());
        assertEquals("ABANDONED", e.exitStatus());
        assertEquals(true, e.restartable(), "the newest execution of its job");
        assertEquals(false, BatchJobs.info(row("STARTED", null, null, "x", found), 8L).restartable());
        // a full minute still prints its seconds
        assertEquals("x (2026-03-02T01:05:00+07:00)",
            BatchJobs.info(row("STARTED", null, null, "x", Instant.parse("2026-03-01T18:05:00Z")), 7L).failure());
        // an execution that ended before it was marked keeps its own end
        Instant end = STARTED.plusSeconds(30);
        assertEquals(end, BatchJobs.info(row("STOPPED", "STOPPED", end, "x", found), 7L).endedAt());
    }
}
