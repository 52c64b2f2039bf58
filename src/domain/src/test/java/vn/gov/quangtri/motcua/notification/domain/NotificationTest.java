package vn.gov.quangtri.motcua.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.interagency.domain.Backoff;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;

class NotificationTest {

    private static final Instant T0 = Instant.parse("2026-03-02T03:00:00Z");

    private static Notification mail() {
        return new Notification("000.00.60.H50-260302-0001", "QT25.XA_VINH_LINH", Milestone.RECEIVED,
            NotificationChannel.EMAIL, "vi", "dung@example.vn", "Hồ sơ đã được tiếp nhận", "Kính gửi", T0);
    }

    @Test
    @DisplayName("Back-off with the defaults: retries after 1, 2, 4, 8, 16, 32, 60 min; the 8th failure is the last")
    void backoffSchedule() {
        Notification n = mail();
        assertTrue(n.due(T0));
        Instant at = T0;
        long[] minutes = {1, 2, 4, 8, 16, 32, 60};
        for (int i = 0; i < minutes.length; i++) {
            Instant next = n.markFailed(at, "Connection refused", Backoff.DEFAULT);
            assertEquals(at.plus(Duration.ofMinutes(minutes[i])), next, "after failure " + (i + 1));
            assertEquals(NotificationStatus.FAILED, n.status());
            assertFalse(n.due(next.minusSeconds(1)));
            assertTrue(n.due(next));
            at = next;
        }
        assertNull(n.markFailed(at, "Connection refused", Backoff.DEFAULT));
        assertEquals(8, n.attempts());
        assertFalse(n.due(at.plus(Duration.ofDays(1))));
        assertEquals("Connection refused", n.lastError());
        // 1+2+4+8+16+32+60 = 123 minutes between the first and the last attempt
        assertEquals(T0.plus(Duration.ofMinutes(123)), n.lastAttemptAt());
    }

    @Test
    @DisplayName("Re-send: a failed row is due at once with attempts counted anew, then sent; a pending one refuses")
    void resend() {
        Notification n = mail();
        assertEquals("NOT_RESENDABLE", assertThrows(ConflictException.class, () -> n.resend(T0)).reason());
        n.markFailed(T0, "SMTP down", new Backoff(Duration.ofMinutes(5), Duration.ofMinutes(5), 3));
        Instant later = T0.plusSeconds(60);
        n.resend(later);
        assertEquals(NotificationStatus.PENDING, n.status());
        assertEquals(0, n.attempts());
        assertTrue(n.due(later));
        n.markSent(later.plusSeconds(1));
        assertEquals(NotificationStatus.SENT, n.status());
        assertEquals(1, n.attempts());
        assertNull(n.lastError());
        assertNull(n.nextAttemptAt());
    }

    @Test
    @DisplayName("Not sent (no mail session): kept with its reason, never tried again by itself")
    void notSent() {
        Notification n = mail();
        n.markNotSent(T0, "not sent: no mail session configured (mail/motcua)");
        assertEquals(NotificationStatus.NOT_SENT, n.status());
        assertFalse(n.due(T0.plus(Duration.ofDays(30))));
        assertEquals("not sent: no mail session configured (mail/motcua)", n.lastError());
    }
}
