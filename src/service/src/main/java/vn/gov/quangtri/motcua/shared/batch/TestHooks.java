package vn.gov.quangtri.motcua.shared.batch;

/**
 * The test hooks of the job XMLs (job parameters {@code test.*}, accepted only with {@code motcua.batch.test-hooks};
 * see {@link BatchJobs#start}): {@code test.itemPauseMs} slows every item read, {@code test.failAfterChunks} makes
 * the writer fail after that many chunks were committed in this execution (a crash half-way through a step).
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
