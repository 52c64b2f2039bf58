package vn.gov.quangtri.motcua.shared.batch;

/**
 * The test hooks of the job XMLs (job parameters {@code test.*}, accepted only with {@code motcua.batch.test-hooks};
 * see {@link BatchJobs#start}): {@code test.itemPauseMs} slows every item read, {@code test.failAfterChunks} makes
 * the writer fail after that many chunks were committed in this execution (a crash half-way through a step),
 * {@code test.hangAfterChunks} makes it hang instead (a server that died half-way: the chunk in flight never commits,
 * the execution stays STARTED) until the execution is stopped or {@link #HANG_MS} passed, then fail before writing;
 * with {@code test.orphan} the job lock looks left by a dead server, so the next start abandons the execution;
 * {@code test.jobPauseMs} makes the execution wait that long before its first step (holding the job lock).
 */
public final class TestHooks {

    private TestHooks() {
    }

    /** The number in a job property, 0 when absent or not a number. */
    public static long number(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Longest hang of {@code test.hangAfterChunks}, in milliseconds. */
    public static final long HANG_MS = 120_000;

    /**
     * test.failAfterChunks / test.hangAfterChunks: called by a writer before it writes its chunk number
     * {@code chunksDone + 1}; throws (the chunk rolls back) when the hook says so.
     *
     * @param job the execution's context (a hang ends early when the execution is being stopped)
     */
    public static void beforeWrite(long chunksDone, String failAfterChunks, String hangAfterChunks,
                                   jakarta.batch.runtime.context.JobContext job) {
        long fail = number(failAfterChunks);
        if (fail > 0 && chunksDone >= fail) {
            throw new IllegalStateException("test.failAfterChunks: stopped after " + chunksDone + " chunks");
        }
        long hang = number(hangAfterChunks);
        if (hang > 0 && chunksDone >= hang) {
            long until = System.currentTimeMillis() + HANG_MS;
            while (System.currentTimeMillis() < until
                && job.getBatchStatus() != jakarta.batch.runtime.BatchStatus.STOPPING
                && !Thread.currentThread().isInterrupted()) {
                pause(200);
            }
            throw new IllegalStateException("test.hangAfterChunks: hung after " + chunksDone + " chunks");
        }
    }

    /** Sleeps {@code millis} (test.itemPauseMs). */
    public static void pause(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
