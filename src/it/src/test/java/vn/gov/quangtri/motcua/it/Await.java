package vn.gov.quangtri.motcua.it;

import java.util.function.Supplier;

/** Polling for what a server does in the background (the outbox dispatcher, a partner's answer). */
final class Await {

    private Await() {
    }

    /**
     * Asks {@code probe} every {@code pollMillis} until it answers non-null.
     *
     * @return the first non-null answer
     * @throws AssertionError naming {@code what} when {@code millis} pass without one
     */
    static <T> T until(String what, long millis, long pollMillis, Supplier<T> probe) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (true) {
            T v = probe.get();
            if (v != null) {
                return v;
            }
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("Timed out waiting: " + what);
            }
            Thread.sleep(pollMillis);
        }
    }
}
