package vn.gov.quangtri.motcua.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The think time of the benchmark's client threads. */
class ThinkTimeTest {

    /** Mean 0: no pause at all (today's saturating load). */
    @Test
    void zeroMeansNoPause() {
        ThinkTime t = new ThinkTime(0, 1);
        for (int i = 0; i < 100; i++) {
            assertEquals(0, t.nextNanos());
        }
    }

    /** The same seed gives the same pauses; another seed others. */
    @Test
    void seeded() {
        ThinkTime a = new ThinkTime(1000, 7);
        ThinkTime b = new ThinkTime(1000, 7);
        ThinkTime c = new ThinkTime(1000, 8);
        boolean differs = false;
        for (int i = 0; i < 50; i++) {
            long x = a.nextNanos();
            assertEquals(x, b.nextNanos());
            differs |= x != c.nextNanos();
        }
        assertTrue(differs);
    }

    /**
     * Exponential with mean 1000 ms: over 200,000 draws the mean is within 1 % of 1000 ms, every pause is ≥ 0, and
     * the share of pauses longer than the mean is about e⁻¹ = 36.8 % (a uniform or constant pause would give 50 % or 0).
     */
    @Test
    void exponentialWithTheGivenMean() {
        ThinkTime t = new ThinkTime(1000, 2026);
        int n = 200_000;
        double sum = 0;
        int longer = 0;
        for (int i = 0; i < n; i++) {
            long ns = t.nextNanos();
            assertTrue(ns >= 0);
            sum += ns / 1e6;
            if (ns > 1_000_000_000L) {
                longer++;
            }
        }
        assertEquals(1000, sum / n, 10);
        assertEquals(Math.exp(-1), (double) longer / n, 0.005);
    }

    @Test
    void negativeMeanRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ThinkTime(-1, 1));
    }

    /**
     * A thread with a mean pause of 100 ms does about 10 items a second, so in a 1 s window far fewer than a thread
     * without pause; the pause is not in the latencies (each item takes about 1 ms).
     */
    @Test
    void loadPausesBetweenItems() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Stats s = Load.run(1, 0, 1000, 100, 2026, () -> () -> {
            calls.incrementAndGet();
            Thread.sleep(1);
        }, new AtomicReference<>());
        assertTrue(s.items() >= 3 && s.items() <= 30, "items " + s.items());
        assertTrue(s.p99Ms() < 50, "p99 " + s.p99Ms());
    }
}
