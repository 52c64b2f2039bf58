package vn.gov.quangtri.motcua.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The cache of successful HTTP Basic verifications (issue 12). */
class VerifiedCredentialsTest {

    private static final Duration FIVE_MINUTES = Duration.ofSeconds(300);

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private VerifiedCredentials cache(int max) {
        return new VerifiedCredentials(FIVE_MINUTES, max, nanos::get);
    }

    @Test
    @DisplayName("A remembered verification is found with the same user, password and stamp; not with another password")
    void hit() {
        VerifiedCredentials c = cache(10);
        assertNull(c.find("tiepnhan.vinhlinh", "Motcua@2026", "stamp-1"));
        c.remember("tiepnhan.vinhlinh", "Motcua@2026", Set.of("DESK_OFFICER"), "stamp-1");
        VerifiedCredentials.Verified v = c.find("tiepnhan.vinhlinh", "Motcua@2026", "stamp-1");
        assertNotNull(v);
        assertEquals("tiepnhan.vinhlinh", v.username());
        assertEquals(Set.of("DESK_OFFICER"), v.groups());
        assertNull(c.find("tiepnhan.vinhlinh", "Motcua@2025", "stamp-1"), "wrong password");
        assertNull(c.find("tiepnhan.vinhlin", "hMotcua@2026", "stamp-1"), "user and password are kept apart");
        assertEquals(1, c.size());
    }

    @Test
    @DisplayName("An entry is used up to 300 s after the verification, not at 300 s")
    void expiry() {
        VerifiedCredentials c = cache(10);
        c.remember("u", "p", Set.of(), 7L);
        nanos.addAndGet(Duration.ofSeconds(299).toNanos());
        assertNotNull(c.find("u", "p", 7L));
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertNull(c.find("u", "p", 7L));
        assertEquals(0, c.size(), "the expired entry is dropped");
    }

    @Test
    @DisplayName("A new stamp (password changed, locked, roles or unit changed) drops the entry at once, also for the old one")
    void droppedOnStampChange() {
        VerifiedCredentials c = cache(10);
        c.remember("u", "p", Set.of("SPECIALIST"), "v1");
        assertNull(c.find("u", "p", "v2"));
        assertEquals(0, c.size());
        assertNull(c.find("u", "p", "v1"), "dropped, not just hidden");
        c.remember("u", "p", Set.of("SPECIALIST"), "v1");
        assertNull(c.find("u", "p", null), "the account is gone");
    }

    @Test
    @DisplayName("At most N entries: the oldest verification is dropped first; nothing is kept without a stamp or TTL")
    void bounded() {
        VerifiedCredentials c = cache(2);
        c.remember("a", "p", Set.of(), 1);
        c.remember("b", "p", Set.of(), 1);
        c.remember("a", "p", Set.of(), 1); // verified again: now the newest
        c.remember("c", "p", Set.of(), 1);
        assertEquals(2, c.size());
        assertNull(c.find("b", "p", 1));
        assertNotNull(c.find("a", "p", 1));
        assertNotNull(c.find("c", "p", 1));
        c.remember("d", "p", Set.of(), null);
        assertNull(c.find("d", "p", 1));
        VerifiedCredentials off = new VerifiedCredentials(Duration.ZERO, 10, nanos::get);
        off.remember("a", "p", Set.of(), 1);
        assertEquals(0, off.size());
    }
}
