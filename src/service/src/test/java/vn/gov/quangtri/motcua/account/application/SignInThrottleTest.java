package vn.gov.quangtri.motcua.account.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The sign-in throttle (issue 12): counts, delays, locks, lifting, account versus address. */
class SignInThrottleTest {

    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

    /** Slow from the 5th failure by 250 ms more each, at most 1 s; lock an account at 20, an address at 30; 15 min. */
    private static final SignInThrottle.Settings SETTINGS = new SignInThrottle.Settings(5, 20, 30,
        Duration.ofMinutes(15), Duration.ofMillis(250), Duration.ofSeconds(1));

    /** A clock the test moves. */
    private static final class Moving extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Moving clock = new Moving();
    private final SignInThrottle throttle = new SignInThrottle(SETTINGS, clock);

    @Test
    @DisplayName("Failures 1–4 answer at once; from the 5th each waits 250 ms more, at most 1 s")
    void slowsDownAfterFive() {
        long[] delays = new long[10];
        for (int i = 0; i < 10; i++) {
            delays[i] = throttle.failed("tiepnhan.thu", "10.0.0.1").delay().toMillis();
        }
        assertEquals("[0, 0, 0, 0, 250, 500, 750, 1000, 1000, 1000]", java.util.Arrays.toString(delays));
    }

    @Test
    @DisplayName("The 20th consecutive failure locks the account for 15 minutes: even a check is refused, then it ends")
    void locksAfterTwenty() {
        for (int i = 1; i <= 19; i++) {
            SignInThrottle.Failure f = throttle.failed("tiepnhan.thu", "10.0.0." + i); // 19 addresses, 1 failure each
            assertEquals(i, f.accountFailures());
            assertNull(f.accountLockedNow());
        }
        assertTrue(throttle.check("tiepnhan.thu", "10.0.0.1").allowed());
        SignInThrottle.Failure twentieth = throttle.failed("tiepnhan.thu", "10.0.0.20");
        assertEquals(Instant.parse("2026-03-02T02:15:00Z"), twentieth.accountLockedNow());
        assertNull(twentieth.addressLockedNow());
        SignInThrottle.Verdict locked = throttle.check("tiepnhan.thu", "10.9.9.9");
        assertFalse(locked.allowed());
        assertEquals(Instant.parse("2026-03-02T02:15:00Z"), locked.accountLockedUntil());
        assertNull(locked.addressLockedUntil());
        assertTrue(throttle.check("chuyenvien.thu", "10.9.9.9").allowed(), "another account is not locked");
        assertEquals(Map.of("tiepnhan.thu", Instant.parse("2026-03-02T02:15:00Z")), throttle.lockedAccounts());

        clock.now = Instant.parse("2026-03-02T02:14:59Z");
        assertFalse(throttle.check("tiepnhan.thu", null).allowed());
        clock.now = Instant.parse("2026-03-02T02:15:00Z");
        assertTrue(throttle.check("tiepnhan.thu", null).allowed());
        assertEquals(Map.of(), throttle.lockedAccounts());
        assertEquals(1, throttle.failed("tiepnhan.thu", "10.0.0.1").accountFailures(), "a new count after the lock");
    }

    @Test
    @DisplayName("Lifting ends the lock at once and forgets the failures; lifting an unlocked account returns null")
    void liftEndsLock() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("tiepnhan.thu", "10.0.0.1");
        }
        assertEquals(Instant.parse("2026-03-02T02:15:00Z"), throttle.lockedUntil("tiepnhan.thu"));
        assertEquals(Instant.parse("2026-03-02T02:15:00Z"), throttle.lift("tiepnhan.thu"));
        assertNull(throttle.lockedUntil("tiepnhan.thu"));
        assertTrue(throttle.check("tiepnhan.thu", null).allowed());
        assertEquals(1, throttle.failed("tiepnhan.thu", null).accountFailures());
        assertNull(throttle.lift("chuyenvien.thu"));
    }

    @Test
    @DisplayName("A success clears the account's count; failures older than 15 minutes are forgotten")
    void successAndAgeReset() {
        for (int i = 0; i < 19; i++) {
            throttle.failed("tiepnhan.thu", null);
        }
        throttle.succeeded("tiepnhan.thu");
        assertEquals(1, throttle.failed("tiepnhan.thu", null).accountFailures());
        for (int i = 0; i < 17; i++) {
            throttle.failed("tiepnhan.thu", null);
        }
        clock.now = T0.plus(Duration.ofMinutes(15)); // 15 minutes after the last failure
        assertEquals(1, throttle.failed("tiepnhan.thu", null).accountFailures());
    }

    @Test
    @DisplayName("An address is counted over every user name it tries (unknown ones too) and locks at 30; a success"
        + " of one account does not clear it; other addresses and the accounts stay open")
    void addressVersusAccount() {
        for (int i = 1; i <= 29; i++) {
            SignInThrottle.Failure f = throttle.failed(i % 2 == 0 ? null : "user" + i, "203.0.113.5");
            assertNull(f.addressLockedNow(), "failure " + i);
            assertNull(f.accountLockedNow());
        }
        throttle.succeeded("user1");
        SignInThrottle.Failure thirtieth = throttle.failed(null, "203.0.113.5");
        assertEquals(Instant.parse("2026-03-02T02:15:00Z"), thirtieth.addressLockedNow());
        assertEquals(0, thirtieth.accountFailures(), "an unknown user name is not counted as an account");
        SignInThrottle.Verdict fromThere = throttle.check("user3", "203.0.113.5");
        assertFalse(fromThere.allowed());
        assertNull(fromThere.accountLockedUntil());
        assertEquals(Instant.parse("2026-03-02T02:15:00Z"), fromThere.addressLockedUntil());
        assertTrue(throttle.check("user3", "198.51.100.7").allowed());
        assertEquals(Map.of(), throttle.lockedAccounts());
        // The slow-down follows the worse of the two counts: account user3 has 1 failure, the address 30.
        assertEquals(Duration.ofSeconds(1), throttle.failed("user3", "203.0.113.5").delay());
        assertEquals(Duration.ZERO, throttle.failed("user5", "198.51.100.7").delay());
    }

    @Test
    @DisplayName("Issue 16: a user name no account has is counted and locked at the 20th failure like a real one; an"
        + " over-long name is keyed by its first 100 characters and a hash")
    void anySubmittedNameIsCounted() {
        for (int i = 1; i <= 19; i++) {
            assertNull(throttle.failed("khong.ton.tai", null).accountLockedNow(), "failure " + i);
        }
        SignInThrottle.Failure twentieth = throttle.failed("khong.ton.tai", null);
        assertEquals(20, twentieth.accountFailures());
        assertEquals(Instant.parse("2026-03-02T02:15:00Z"), twentieth.accountLockedNow());
        assertEquals(Instant.parse("2026-03-02T02:15:00Z"), throttle.check("khong.ton.tai", null).accountLockedUntil());
        String longName = "a".repeat(5000);
        String key = SignInThrottle.key(longName);
        assertEquals(100 + 1 + Integer.toHexString(longName.hashCode()).length(), key.length());
        assertTrue(key.startsWith("a".repeat(100) + "#"));
        assertEquals("tiepnhan.thu", SignInThrottle.key("tiepnhan.thu"));
        assertEquals(1, throttle.failed(longName, null).accountFailures());
        assertEquals(2, throttle.failed(longName, null).accountFailures());
    }
}
