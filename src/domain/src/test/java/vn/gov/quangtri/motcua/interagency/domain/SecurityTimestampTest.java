package vn.gov.quangtri.motcua.interagency.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Case C27 (docs/cases.md): WS-Security timestamp format, clock skew and staleness. */
class SecurityTimestampTest {

    /** 09:00:00 Vietnam time on 2 March 2026. */
    private static final Instant NINE_VN = ZonedDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();
    private static final Duration SKEW = Duration.ofSeconds(300);
    private static final Duration TTL = Duration.ofMinutes(5);

    @Test
    @DisplayName("C27: an outgoing call at 09:00:00 Vietnam time says Created 2026-03-02T02:00:00Z (UTC with Z)")
    void outgoingInUtcWithZ() {
        SecurityTimestamp t = SecurityTimestamp.of(NINE_VN.plusMillis(431), TTL);
        assertEquals("2026-03-02T02:00:00Z", t.createdText());
        assertEquals("2026-03-02T02:05:00Z", t.expiresText());
    }

    @Test
    @DisplayName("C27: Created 90 s in the future with a 300 s skew is accepted; an offset instead of Z is read")
    void futureWithinSkewAccepted() {
        SecurityTimestamp.parse("2026-03-02T09:01:30+07:00", null).check(NINE_VN, SKEW, TTL);
        SecurityTimestamp.parse("2026-03-02T02:01:30.250Z", "2026-03-02T02:06:30Z").check(NINE_VN, SKEW, TTL);
    }

    @Test
    @DisplayName("C27: Created 10 minutes ago with a 5-minute time-to-live is refused as MessageExpired, naming both clocks")
    void staleRefused() {
        SecurityTimestamp.Refused r = assertThrows(SecurityTimestamp.Refused.class,
            () -> SecurityTimestamp.parse("2026-03-02T01:50:00Z", "2026-03-02T01:55:00Z").check(NINE_VN, SKEW, TTL));
        assertEquals(SecurityTimestamp.MESSAGE_EXPIRED, r.faultCode());
        assertTrue(r.getMessage().contains("2026-03-02T01:55:00Z") && r.getMessage().contains("2026-03-02T02:00:00Z"),
            r.getMessage());
        // Without Expires, the time-to-live decides.
        assertEquals(SecurityTimestamp.MESSAGE_EXPIRED, assertThrows(SecurityTimestamp.Refused.class,
            () -> SecurityTimestamp.parse("2026-03-02T01:50:00Z", null).check(NINE_VN, SKEW, TTL)).faultCode());
    }

    @Test
    @DisplayName("Created further ahead than the skew, Expires before Created, or no readable Created: InvalidSecurity")
    void impossibleRefused() {
        assertEquals(SecurityTimestamp.INVALID_SECURITY, assertThrows(SecurityTimestamp.Refused.class,
            () -> SecurityTimestamp.parse("2026-03-02T02:05:01Z", null).check(NINE_VN, SKEW, TTL)).faultCode());
        assertEquals(SecurityTimestamp.INVALID_SECURITY, assertThrows(SecurityTimestamp.Refused.class,
            () -> SecurityTimestamp.parse("2026-03-02T02:00:00Z", "2026-03-02T01:59:00Z").check(NINE_VN, SKEW, TTL)).faultCode());
        assertEquals(SecurityTimestamp.INVALID_SECURITY, assertThrows(SecurityTimestamp.Refused.class,
            () -> SecurityTimestamp.parse("2/3/2026 9:00", null)).faultCode());
        assertEquals(SecurityTimestamp.INVALID_SECURITY, assertThrows(SecurityTimestamp.Refused.class,
            () -> SecurityTimestamp.parse(" ", null)).faultCode());
    }

    @Test
    @DisplayName("C27: an exact replay (same message id and Created) is refused; a retry with a new Created and a token past its expiry are not")
    void replay() {
        ReplayGuard guard = new ReplayGuard();
        Instant expires = NINE_VN.plus(TTL);
        assertTrue(guard.firstSeen("m-1|2026-03-02T02:00:00Z", expires, NINE_VN));
        assertEquals(false, guard.firstSeen("m-1|2026-03-02T02:00:00Z", expires, NINE_VN.plusSeconds(30)));
        assertTrue(guard.firstSeen("m-1|2026-03-02T02:01:00Z", expires.plusSeconds(60), NINE_VN.plusSeconds(60)));
        assertTrue(guard.firstSeen("m-1|2026-03-02T02:00:00Z", expires, expires.plusSeconds(1)), "forgotten after expiry");
    }
}
