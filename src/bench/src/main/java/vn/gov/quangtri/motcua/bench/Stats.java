package vn.gov.quangtri.motcua.bench;

import java.util.Arrays;

/**
 * The figures of one measured phase: items done, errors, wall-clock time and the latency of each item.
 * Percentiles use the nearest-rank method (the value at rank ⌈p/100 · n⌉ of the sorted latencies, 1-based),
 * so every reported percentile is a latency that was actually measured.
 *
 * @param items     items completed without error
 * @param errors    items that failed (non-2xx answer, exception or wrong answer)
 * @param elapsedNs wall-clock duration of the measured window, nanoseconds
 * @param latencies latency of each completed item, nanoseconds (any order; sorted copy kept)
 */
public record Stats(long items, long errors, long elapsedNs, long[] latencies) {

    /** Keeps a sorted copy of the latencies. */
    public Stats {
        latencies = latencies.clone();
        Arrays.sort(latencies);
    }

    /**
     * Nearest-rank percentile of a sorted array.
     *
     * @param sorted latencies in ascending order
     * @param p      percentile, 0 &lt; p ≤ 100
     * @return the value at rank ⌈p/100 · n⌉, or 0 for an empty array
     */
    public static long percentile(long[] sorted, double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(1, rank) - 1];
    }

    /** Completed items per second of the measured window (0 when nothing was measured). */
    public double itemsPerSecond() {
        return elapsedNs <= 0 ? 0 : items * 1e9 / elapsedNs;
    }

    /** Median item latency in milliseconds. */
    public double p50Ms() {
        return percentile(latencies, 50) / 1e6;
    }

    /** 95th-percentile item latency in milliseconds (the "p95 < 100 ms" of issue 12 §4). */
    public double p95Ms() {
        return percentile(latencies, 95) / 1e6;
    }

    /** 99th-percentile item latency in milliseconds. */
    public double p99Ms() {
        return percentile(latencies, 99) / 1e6;
    }
}
