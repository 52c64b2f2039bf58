package vn.gov.quangtri.motcua.shared.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * What the chunk steps report to the history (issue 14 §1): the reader's position and the writer's own count
 * ({@link StepProgress}), the counts taken from the runtime's metrics, and the writers' test hooks.
 */
class BatchProgressTest {

    /** A step context that keeps its transient user data, as the runtime's does. */
    private static StepContext step() {
        Object[] data = new Object[1];
        return (StepContext) Proxy.newProxyInstance(BatchProgressTest.class.getClassLoader(),
            new Class<?>[] {StepContext.class}, (proxy, called, args) -> switch (called.getName()) {
                case "getTransientUserData" -> data[0];
                case "setTransientUserData" -> {
                    data[0] = args[0];
                    yield null;
                }
                case "getStepName" -> "snapshot";
                default -> null;
            });
    }

    private static Metric metric(Metric.MetricType type, long value) {
        return new Metric() {
            @Override
            public MetricType getType() {
                return type;
            }

            @Override
            public long getValue() {
                return value;
            }
        };
    }

    @Test
    void progressKeepsTheLastPositionAndTheWritersOwnCount() {
        StepContext s = step();
        StepProgress p = StepProgress.of(s);
        assertSame(p, StepProgress.of(s), "one holder per step");
        assertNull(p.position());
        assertNull(p.written(), "a writer that does not count: the runtime's WRITE_COUNT is shown");
        p.position(LocalDate.of(2026, 11, 10));
        p.position(LocalDate.of(2026, 11, 11));
        assertEquals("2026-11-11", p.position(), "the text the reader parses back when resuming");
        p.itemsWritten(2);
        assertArrayEquals(new long[] {2, 2}, p.takeChunk(), "the chunk's items, not yet in the runtime's metrics");
        assertArrayEquals(new long[] {0, 0}, p.takeChunk(), "zero for the next chunk");
        p.written(3);
        p.written(0); // a chunk whose marks were all recorded before
        p.written(2);
        assertEquals(5L, p.written());
    }

    @Test
    void countsSumReadWrittenAndEverySkip() {
        Metric[] m = {metric(Metric.MetricType.READ_COUNT, 40), metric(Metric.MetricType.WRITE_COUNT, 35),
            metric(Metric.MetricType.FILTER_COUNT, 3), metric(Metric.MetricType.PROCESS_SKIP_COUNT, 1),
            metric(Metric.MetricType.READ_SKIP_COUNT, 1), metric(Metric.MetricType.WRITE_SKIP_COUNT, 0),
            metric(Metric.MetricType.COMMIT_COUNT, 8)};
        assertArrayEquals(new long[] {40, 35, 2}, BatchStepListener.counts(m));
        assertArrayEquals(new long[] {0, 0, 0}, BatchStepListener.counts(null));
    }

    @Test
    void writerHooksFailBeforeTheChunkAfterTheGivenNumber() {
        JobContext stopping = (JobContext) Proxy.newProxyInstance(BatchProgressTest.class.getClassLoader(),
            new Class<?>[] {JobContext.class}, (proxy, called, args) ->
                called.getName().equals("getBatchStatus") ? BatchStatus.STOPPING : null);
        TestHooks.beforeWrite(1, "2", null, stopping); // chunk 2 may be written
        assertEquals("test.failAfterChunks: stopped after 2 chunks",
            assertThrows(IllegalStateException.class, () -> TestHooks.beforeWrite(2, "2", null, stopping))
                .getMessage());
        TestHooks.beforeWrite(5, null, null, stopping);
        TestHooks.beforeWrite(5, "x", "", stopping); // not a number: no hook
        long t0 = System.nanoTime();
        // the hang ends as soon as the execution is being stopped (here at once), then the chunk fails
        assertEquals("test.hangAfterChunks: hung after 2 chunks",
            assertThrows(IllegalStateException.class, () -> TestHooks.beforeWrite(2, null, "2", stopping))
                .getMessage());
        assertEquals(true, (System.nanoTime() - t0) < 5_000_000_000L);
    }
}
