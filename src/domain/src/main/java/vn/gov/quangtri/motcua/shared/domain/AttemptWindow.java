package vn.gov.quangtri.motcua.shared.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed attempts per key (a client address, a dossier code) within a sliding window: a key with
 * {@code maxFailures} failures in the last {@code window} is blocked until the oldest of them leaves the window.
 * In memory, so per server and forgotten on restart (docs/architecture.md, public lookup). Thread-safe; keys
 * without failures in the window are dropped when the map grows past {@code maxKeys}, and the newest failure
 * replaces the oldest of a key that already holds {@code maxFailures}, so memory stays bounded.
 */
public final class AttemptWindow {

    private final int maxFailures;
    private final Duration window;
    private final int maxKeys;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    /**
     * @param maxFailures failures allowed in the window (at least 1)
     * @param window      length of the window (positive)
     * @param maxKeys     keys kept before expired ones are swept
     */
    public AttemptWindow(int maxFailures, Duration window, int maxKeys) {
        if (maxFailures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("maxFailures >= 1 and a positive window are required");
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.maxKeys = maxKeys;
    }

    /**
     * How long a key stays blocked from {@code now}: zero when it has fewer than {@code maxFailures} failures in
     * the window, else the time until the oldest of them is older than the window (at least 1 s).
     */
    public Duration blockedFor(String key, Instant now) {
        Deque<Instant> q = failures.get(key);
        if (q == null) {
            return Duration.ZERO;
        }
        synchronized (q) {
            prune(q, now);
            if (q.size() < maxFailures) {
                return Duration.ZERO;
            }
            Duration left = Duration.between(now, q.peekFirst().plus(window));
            return left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
        }
    }

    /** Records a failure of a key at {@code now}. */
    public void fail(String key, Instant now) {
        if (failures.size() >= maxKeys) {
            sweep(now);
        }
        Deque<Instant> q = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (q) {
            prune(q, now);
            if (q.size() >= maxFailures) {
                q.pollFirst();
            }
            q.addLast(now);
        }
    }

    /** Number of keys currently held (for tests). */
    public int keys() {
        return failures.size();
    }

    private void prune(Deque<Instant> q, Instant now) {
        Instant cutoff = now.minus(window);
        while (!q.isEmpty() && !q.peekFirst().isAfter(cutoff)) {
            q.pollFirst();
        }
    }

    private void sweep(Instant now) {
        for (Iterator<Map.Entry<String, Deque<Instant>>> it = failures.entrySet().iterator(); it.hasNext();) {
            Deque<Instant> q = it.next().getValue();
            synchronized (q) {
                prune(q, now);
                if (q.isEmpty()) {
                    it.remove();
                }
            }
        }
    }
}
