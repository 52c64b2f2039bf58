package vn.gov.quangtri.motcua.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The benchmark's own statistics, against values worked out by hand. */
class StatsTest {

    /** 1..10 ms: rank ⌈0.5·10⌉ = 5 → 5 ms; rank ⌈0.99·10⌉ = 10 → 10 ms; rank ⌈0.9·10⌉ = 9 → 9 ms. */
    @Test
    void nearestRankOfTenValues() {
        long[] ms = {7, 3, 10, 1, 5, 9, 2, 8, 4, 6};
        long[] ns = new long[ms.length];
        for (int i = 0; i < ms.length; i++) {
            ns[i] = ms[i] * 1_000_000L;
        }
        Stats s = new Stats(10, 0, 2_000_000_000L, ns);
        assertEquals(5.0, s.p50Ms());
        assertEquals(10.0, s.p99Ms());
        assertEquals(10.0, s.p95Ms()); // rank ⌈0.95·10⌉ = 10
        assertEquals(9_000_000L, Stats.percentile(s.latencies(), 90));
        assertEquals(5.0, s.itemsPerSecond()); // 10 items in 2 s
    }

    /** 200 values 1..200: p50 rank 100 → 100; p99 rank 198 → 198; p100 → 200; a single value is every percentile. */
    @Test
    void nearestRankOfTwoHundred() {
        long[] v = new long[200];
        for (int i = 0; i < 200; i++) {
            v[i] = 200 - i;
        }
        Stats s = new Stats(200, 3, 4_000_000_000L, v);
        assertEquals(100, Stats.percentile(s.latencies(), 50));
        assertEquals(198, Stats.percentile(s.latencies(), 99));
        assertEquals(200, Stats.percentile(s.latencies(), 100));
        assertEquals(50.0, s.itemsPerSecond()); // errors do not count as items
        assertEquals(42, Stats.percentile(new long[] {42}, 1));
        assertEquals(0, Stats.percentile(new long[0], 50));
        assertThrows(IllegalArgumentException.class, () -> Stats.percentile(v, 0));
    }
}
