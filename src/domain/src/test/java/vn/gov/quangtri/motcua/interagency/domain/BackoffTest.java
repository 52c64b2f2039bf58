package vn.gov.quangtri.motcua.interagency.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    @DisplayName("Default: 1, 2, 4, 8, 16, 32 min, then capped at 60 min; the 8th failure dead-letters")
    void defaultSchedule() {
        Backoff b = Backoff.DEFAULT;
        List<Duration> delays = IntStream.rangeClosed(1, 7).mapToObj(b::delayAfter).toList();
        assertEquals(List.of(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8),
            Duration.ofMinutes(16), Duration.ofMinutes(32), Duration.ofMinutes(60)), delays);
        assertFalse(b.exhausted(7));
        assertTrue(b.exhausted(8));
        assertEquals(Duration.ofMinutes(123), delays.subList(0, 7).stream().reduce(Duration.ZERO, Duration::plus));
    }

    @Test
    @DisplayName("Custom 30 s, cap 5 min, 4 attempts: 30 s, 60 s, 120 s; cap reached at 5 min; 30 s × 2^40 does not overflow")
    void customSchedule() {
        Backoff b = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(5), 4);
        assertEquals(Duration.ofSeconds(30), b.delayAfter(1));
        assertEquals(Duration.ofSeconds(60), b.delayAfter(2));
        assertEquals(Duration.ofSeconds(120), b.delayAfter(3));
        assertEquals(Duration.ofSeconds(240), b.delayAfter(4));
        assertEquals(Duration.ofMinutes(5), b.delayAfter(5));
        assertEquals(Duration.ofMinutes(5), b.delayAfter(41));
        assertTrue(b.exhausted(4));
        assertFalse(b.exhausted(3));
    }

    @Test
    void invalid() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofMinutes(1), 3));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1), 3));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(1), 0));
        assertThrows(IllegalArgumentException.class, () -> Backoff.DEFAULT.delayAfter(0));
    }
}
