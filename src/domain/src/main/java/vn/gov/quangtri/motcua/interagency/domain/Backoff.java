package vn.gov.quangtri.motcua.interagency.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * Retry schedule of the outbox (at-least-once delivery): after the n-th failed attempt the next attempt
 * waits {@code initial × 2^(n-1)}, never more than {@code cap}; after {@code maxAttempts} failed attempts
 * the message is dead-lettered (an administrator sees it and may re-send it). No jitter, so the schedule
 * is exact and testable; the sender runs single-threaded per installation.
 *
 * @param initial     delay after the first failure, positive
 * @param cap         the longest delay, ≥ initial
 * @param maxAttempts failed attempts after which the message is DEAD, ≥ 1
 */
public record Backoff(Duration initial, Duration cap, int maxAttempts) {

    /** Default: 1 min, 2, 4, … capped at 1 h; dead after 8 failed attempts (2 h 3 min of waiting in total). */
    public static final Backoff DEFAULT = new Backoff(Duration.ofMinutes(1), Duration.ofHours(1), 8);

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(cap, "cap");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial delay must be positive: " + initial);
        }
        if (cap.compareTo(initial) < 0) {
            throw new IllegalArgumentException("cap must not be shorter than the initial delay: " + cap);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
    }

    /**
     * @param failedAttempts how many attempts have failed so far, ≥ 1
     * @return the wait before the next attempt
     */
    public Duration delayAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1: " + failedAttempts);
        }
        Duration d = initial;
        for (int i = 1; i < failedAttempts; i++) {
            d = d.multipliedBy(2);
            if (d.compareTo(cap) >= 0) {
                return cap;
            }
        }
        return d.compareTo(cap) > 0 ? cap : d;
    }

    /** Whether a message with this many failed attempts goes to the dead-letter list. */
    public boolean exhausted(int failedAttempts) {
        return failedAttempts >= maxAttempts;
    }
}
