package vn.gov.quangtri.motcua.account.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per account and per client address, slows them down and then locks (issue 12):
 * from the {@code slowAfter}-th consecutive failure on, each further failure waits a little longer (one
 * {@code slowStep} more each time, at most {@code maxDelay}); at the {@code lockAfter}-th failure of an account
 * (the {@code addressLockAfter}-th of an address) sign-in is refused for {@code lockFor}, even with the right
 * password. A success clears the account's count (not the address's: one valid account must not reset an
 * address trying others). Failures older than {@code lockFor} are forgotten; an expired lock starts a new count.
 * Plain Java, thread-safe, in memory; {@link SignInGuard} holds the server's one instance.
 *
 * <p>Issue 16 (account enumeration): failures are counted per <em>submitted</em> user name, whether or not an
 * account has it, so the 20th wrong password answers {@code ACCOUNT_LOCKED} for an unknown name exactly as for a real
 * account; what a caller sees never depends on whether the account exists. (The alternatives were to never reveal the
 * lock, which leaves a civil servant locked out without a word, or to lock only real accounts, which tells who
 * exists.) Memory stays bounded: at most {@value #MAX_KEYS} names per map (pruned, unlocked ones first), and a very
 * long submitted name is keyed by its first {@value #MAX_KEY_LENGTH} characters and a hash.
 */
public final class SignInThrottle {

    /** More keys than this are pruned (unlocked keys first), so guessed user names cannot fill the memory. */
    static final int MAX_KEYS = 100_000;

    /** Longest key kept as given; a longer submitted name is shortened (no account name is this long). */
    static final int MAX_KEY_LENGTH = 100;

    /**
     * The rules.
     *
     * @param slowAfter        failures (account or address) from which each further failure is delayed
     * @param lockAfter        consecutive failures that lock an account
     * @param addressLockAfter failures that lock a client address (higher: an office shares one address)
     * @param lockFor          how long a lock lasts, and how long failures are remembered
     * @param slowStep         delay added per failure from {@code slowAfter} on
     * @param maxDelay         longest delay of one failure
     */
    public record Settings(int slowAfter, int lockAfter, int addressLockAfter, Duration lockFor, Duration slowStep,
                           Duration maxDelay) {
    }

    /**
     * The state before a password is checked.
     *
     * @param accountLockedUntil end of the account's lock, or null
     * @param addressLockedUntil end of the address's lock, or null
     */
    public record Verdict(Instant accountLockedUntil, Instant addressLockedUntil) {
        /** Whether the password may be checked at all. */
        public boolean allowed() {
            return accountLockedUntil == null && addressLockedUntil == null;
        }
    }

    /**
     * What a failure caused.
     *
     * @param delay            how long to hold the answer (zero below {@code slowAfter})
     * @param accountFailures  the user name's consecutive failures counted now (existing account or not)
     * @param accountLockedNow end of a lock of the account that this failure started, or null
     * @param addressLockedNow end of a lock of the address that this failure started, or null
     */
    public record Failure(Duration delay, int accountFailures, Instant accountLockedNow, Instant addressLockedNow) {
    }

    private static final class Counter {
        int failures;
        Instant last;
        Instant lockedUntil;
    }

    private final Settings settings;
    private final Clock clock;
    private final Map<String, Counter> accounts = new ConcurrentHashMap<>();
    private final Map<String, Counter> addresses = new ConcurrentHashMap<>();

    public SignInThrottle(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Whether a sign-in of this account from this address may be checked now.
     *
     * @param account submitted user name (existing or not), or null
     * @param address client address, or null
     */
    public Verdict check(String account, String address) {
        Instant now = clock.instant();
        return new Verdict(lockedUntil(accounts, key(account), now), lockedUntil(addresses, address, now));
    }

    /**
     * Counts a failed sign-in.
     *
     * @param account the submitted user name, whether an account has it or not (issue 16), or null for none
     * @param address client address, or null
     */
    public Failure failed(String account, String address) {
        Instant now = clock.instant();
        int[] a = count(accounts, key(account), now, settings.lockAfter());
        int[] b = count(addresses, address, now, settings.addressLockAfter());
        int worst = Math.max(a[0], b[0]);
        Duration delay = Duration.ZERO;
        if (worst >= settings.slowAfter()) {
            delay = settings.slowStep().multipliedBy(worst - settings.slowAfter() + 1L);
            if (delay.compareTo(settings.maxDelay()) > 0) {
                delay = settings.maxDelay();
            }
        }
        return new Failure(delay, a[0], a[1] == 1 ? now.plus(settings.lockFor()) : null,
            b[1] == 1 ? now.plus(settings.lockFor()) : null);
    }

    /** A successful sign-in: the account's count starts again (a lock stays until it ends or is lifted). */
    public void succeeded(String account) {
        if (account != null) {
            accounts.computeIfPresent(account, (k, c) -> c.lockedUntil == null ? null : c);
        }
    }

    /**
     * Lifts the account's lock and forgets its failures.
     *
     * @return the end of the lock that was lifted, or null when the account was not locked
     */
    public Instant lift(String account) {
        Counter c = account == null ? null : accounts.remove(account);
        if (c == null) {
            return null;
        }
        synchronized (c) {
            return c.lockedUntil != null && c.lockedUntil.isAfter(clock.instant()) ? c.lockedUntil : null;
        }
    }

    /** End of the account's lock, or null when it is not locked. */
    public Instant lockedUntil(String account) {
        return lockedUntil(accounts, key(account), clock.instant());
    }

    /** The key of a submitted user name: itself, or a shortened form of an over-long one (bounded memory). */
    static String key(String account) {
        if (account == null || account.length() <= MAX_KEY_LENGTH) {
            return account;
        }
        return account.substring(0, MAX_KEY_LENGTH) + "#" + Integer.toHexString(account.hashCode());
    }

    /** Accounts locked now, with the end of their lock, by user name. */
    public Map<String, Instant> lockedAccounts() {
        Instant now = clock.instant();
        Map<String, Instant> locked = new TreeMap<>();
        accounts.forEach((name, c) -> {
            synchronized (c) {
                if (c.lockedUntil != null && c.lockedUntil.isAfter(now)) {
                    locked.put(name, c.lockedUntil);
                }
            }
        });
        return locked;
    }

    private static Instant lockedUntil(Map<String, Counter> counters, String key, Instant now) {
        Counter c = key == null ? null : counters.get(key);
        if (c == null) {
            return null;
        }
        synchronized (c) {
            return c.lockedUntil != null && c.lockedUntil.isAfter(now) ? c.lockedUntil : null;
        }
    }

    /** @return {failures counted, 1 when this failure started a lock} */
    private int[] count(Map<String, Counter> counters, String key, Instant now, int lockAfter) {
        if (key == null) {
            return new int[] {0, 0};
        }
        if (counters.size() >= MAX_KEYS) {
            prune(counters, now);
        }
        Counter c = counters.computeIfAbsent(key, k -> new Counter());
        synchronized (c) {
            if (c.lockedUntil != null && !c.lockedUntil.isAfter(now)) {
                c.lockedUntil = null; // the lock ended: a new count
                c.failures = 0;
            }
            if (c.lockedUntil != null) {
                return new int[] {c.failures, 0}; // attempts while locked are refused before any check
            }
            if (c.last != null && !c.last.plus(settings.lockFor()).isAfter(now)) {
                c.failures = 0; // the earlier failures are too old to count
            }
            c.failures++;
            c.last = now;
            if (c.failures >= lockAfter) {
                c.lockedUntil = now.plus(settings.lockFor());
                return new int[] {c.failures, 1};
            }
            return new int[] {c.failures, 0};
        }
    }

    private void prune(Map<String, Counter> counters, Instant now) {
        counters.entrySet().removeIf(e -> {
            Counter c = e.getValue();
            synchronized (c) {
                return c.lockedUntil == null || !c.lockedUntil.isAfter(now);
            }
        });
    }
}
