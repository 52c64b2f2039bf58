package vn.gov.quangtri.motcua.shared.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AttemptWindowTest {

    private static final Instant T0 = Instant.parse("2026-03-02T03:00:00Z");

    @Test
    @DisplayName("10 failures in 10 minutes block the key until the first one is 10 minutes old")
    void blocksAfterTenFailures() {
        AttemptWindow w = new AttemptWindow(10, Duration.ofMinutes(10), 1000);
        for (int i = 0; i < 9; i++) {
            w.fail("a:203.0.113.5", T0.plusSeconds(i * 30L)); // 0 s, 30 s, … 240 s
        }
        assertEquals(Duration.ZERO, w.blockedFor("a:203.0.113.5", T0.plusSeconds(250)), "9 failures: not yet");
        w.fail("a:203.0.113.5", T0.plusSeconds(270));
        // The 10th failure at 270 s: blocked until the first (0 s) is 600 s old → 600 − 300 = 300 s left at 300 s.
        assertEquals(Duration.ofSeconds(300), w.blockedFor("a:203.0.113.5", T0.plusSeconds(300)));
        assertEquals(Duration.ZERO, w.blockedFor("a:198.51.100.7", T0.plusSeconds(300)), "another key is free");
        // At 600 s the first failure leaves the window: 9 remain, the key may try again.
        assertEquals(Duration.ZERO, w.blockedFor("a:203.0.113.5", T0.plusSeconds(600)));
    }

    @Test
    @DisplayName("Blocked for at least one second; failures older than the window are forgotten")
    void edges() {
        AttemptWindow w = new AttemptWindow(2, Duration.ofSeconds(60), 1000);
        w.fail("k", T0);
        w.fail("k", T0.plusSeconds(1));
        assertEquals(Duration.ofSeconds(1), w.blockedFor("k", T0.plusMillis(59_700)), "0.3 s left is told as 1 s");
        w.fail("k", T0.plusSeconds(200));
        assertEquals(Duration.ZERO, w.blockedFor("k", T0.plusSeconds(200)), "the two old ones are gone: one failure");
    }

    @Test
    @DisplayName("Keys without failures in the window are swept when the map is full")
    void bounded() {
        AttemptWindow w = new AttemptWindow(3, Duration.ofSeconds(60), 3);
        w.fail("a", T0);
        w.fail("b", T0);
        w.fail("c", T0);
        w.fail("d", T0.plusSeconds(61)); // a, b, c have expired: swept before d is added
        assertEquals(1, w.keys());
    }
}
