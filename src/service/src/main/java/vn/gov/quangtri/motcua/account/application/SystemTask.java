package vn.gov.quangtri.motcua.account.application;

import java.util.function.Supplier;

/**
 * Marks trusted in-process work (start-up data, nightly batch, in-container tests) so that the services
 * it calls on the same thread act with {@link vn.gov.quangtri.motcua.account.domain.AccessScope#SYSTEM}.
 * Requests from users or partner systems never run inside it.
 */
public final class SystemTask {

    private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

    private SystemTask() {
    }

    /** Runs the work with system scope and returns its result. */
    public static <T> T run(Supplier<T> work) {
        DEPTH.set(DEPTH.get() + 1);
        try {
            return work.get();
        } finally {
            int d = DEPTH.get() - 1;
            if (d == 0) {
                DEPTH.remove();
            } else {
                DEPTH.set(d);
            }
        }
    }

    static boolean active() {
        return DEPTH.get() > 0;
    }
}
