package vn.gov.quangtri.motcua.bench;

import java.util.SplittableRandom;

/**
 * The pause of one client thread between two requests, as a member of staff reading the page before the next click:
 * exponentially distributed with a given mean (the gaps of a Poisson process), from a seeded generator, so the same
 * seed gives the same pauses. A mean of 0 means no pause (the saturating load of a plain benchmark).
 */
public final class ThinkTime {

    private final double meanMs;
    private final SplittableRandom random;

    /**
     * @param meanMs mean pause in milliseconds, ≥ 0 (0: none)
     * @param seed   seed of this thread's pauses (give each thread its own, e.g. run seed + thread number)
     */
    public ThinkTime(long meanMs, long seed) {
        if (meanMs < 0) {
            throw new IllegalArgumentException("think time must be ≥ 0 ms: " + meanMs);
        }
        this.meanMs = meanMs;
        this.random = new SplittableRandom(seed);
    }

    /** The next pause in nanoseconds: {@code -mean · ln(1 - U)}, U uniform in [0, 1); 0 when the mean is 0. */
    public long nextNanos() {
        if (meanMs == 0) {
            return 0;
        }
        return Math.round(-meanMs * Math.log1p(-random.nextDouble()) * 1_000_000.0);
    }

    /**
     * Sleeps for the next pause, but not past {@code deadlineNanos} ({@link System#nanoTime()} scale).
     *
     * @throws InterruptedException when interrupted
     */
    public void pause(long deadlineNanos) throws InterruptedException {
        long pause = Math.min(nextNanos(), deadlineNanos - System.nanoTime());
        if (pause > 0) {
            Thread.sleep(pause / 1_000_000L, (int) (pause % 1_000_000L));
        }
    }
}
