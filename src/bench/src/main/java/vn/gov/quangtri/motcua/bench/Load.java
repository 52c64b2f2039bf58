package vn.gov.quangtri.motcua.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs one phase: {@code threads} client threads repeat an operation for a warm-up window (not recorded) and
 * then for a measured window. Each thread has its own operation instance (its own HTTP client, cookies or
 * database connection). Only items that finish inside the measured window count. With a think time, each thread
 * pauses between two items ({@link ThinkTime}); the pause is not part of an item's latency.
 */
public final class Load {

    /** One item of work (an intake, a lookup, a whole dossier life ...). */
    @FunctionalInterface
    public interface Operation {
        /** Does one item; throws when the item failed (counted as an error). */
        void run() throws Exception;
    }

    private Load() {
    }

    /**
     * Measures a phase.
     *
     * @param threads   client threads (1 or more)
     * @param warmupMs  warm-up window, milliseconds, not recorded
     * @param measureMs measured window, milliseconds
     * @param factory   makes one operation per thread
     * @param firstError receives the first failure of the measured window (may stay empty)
     * @return the figures of the measured window
     */
    public static Stats run(int threads, long warmupMs, long measureMs, Supplier<Operation> factory,
                            AtomicReference<Throwable> firstError) throws InterruptedException {
        return run(threads, warmupMs, measureMs, 0, 0, factory, firstError);
    }

    /**
     * Measures a phase with a pause between two items of each thread.
     *
     * @param threads    client threads (1 or more)
     * @param warmupMs   warm-up window, milliseconds, not recorded
     * @param measureMs  measured window, milliseconds
     * @param thinkMs    mean pause of a thread between two items, milliseconds, exponential (0: none)
     * @param seed       seed of the pauses (thread i uses seed + i)
     * @param factory    makes one operation per thread
     * @param firstError receives the first failure of the measured window (may stay empty)
     * @return the figures of the measured window
     */
    public static Stats run(int threads, long warmupMs, long measureMs, long thinkMs, long seed,
                            Supplier<Operation> factory, AtomicReference<Throwable> firstError)
        throws InterruptedException {
        List<Operation> ops = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            ops.add(factory.get());
        }
        long start = System.nanoTime();
        long measureFrom = start + warmupMs * 1_000_000L;
        long measureTo = measureFrom + measureMs * 1_000_000L;
        AtomicLong errors = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Operation op = ops.get(i);
            ThinkTime think = new ThinkTime(thinkMs, seed + i);
            long[][] box = {new long[1024]};
            int[] n = {0};
            Thread t = new Thread(() -> {
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= measureTo) {
                        break;
                    }
                    boolean failed = false;
                    try {
                        op.run();
                    } catch (Exception | AssertionError e) {
                        failed = true;
                        if (t0 >= measureFrom) {
                            firstError.compareAndSet(null, e);
                        }
                    }
                    long t1 = System.nanoTime();
                    if (t0 >= measureFrom && t1 <= measureTo) { // not warm-up, not finished after the window closed
                        if (failed) {
                            errors.incrementAndGet();
                        } else {
                            if (n[0] == box[0].length) {
                                box[0] = java.util.Arrays.copyOf(box[0], n[0] * 2);
                            }
                            box[0][n[0]++] = t1 - t0;
                        }
                    }
                    try {
                        think.pause(measureTo);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                synchronized (perThread) {
                    perThread.add(java.util.Arrays.copyOf(box[0], n[0]));
                }
            }, "bench-" + i);
            workers.add(t);
        }
        workers.forEach(Thread::start);
        for (Thread t : workers) {
            t.join();
        }
        int total = perThread.stream().mapToInt(a -> a.length).sum();
        long[] all = new long[total];
        int k = 0;
        for (long[] a : perThread) {
            System.arraycopy(a, 0, all, k, a.length);
            k += a.length;
        }
        return new Stats(total, errors.get(), measureTo - measureFrom, all);
    }
}
