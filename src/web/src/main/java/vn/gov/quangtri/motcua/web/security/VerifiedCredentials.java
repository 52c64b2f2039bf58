package vn.gov.quangtri.motcua.web.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Successful HTTP Basic verifications remembered for a short time (issue 12), so that an integrating system's
 * repeated calls do not run PBKDF2 (100,000 iterations) on every request.
 *
 * <p>Key: HMAC-SHA256 under a secret made at start-up and held only in memory, of user name + NUL + password
 * (neither the password nor a fast hash of it is kept, and a wrong password never finds an entry). Value: the
 * caller, its roles and the account's stamp at verification ({@code SessionStamps.Stamp}: active flag, security
 * stamp, password fingerprint). An entry is used only while it is younger than the time to live and the
 * account's current stamp equals the remembered one, so a password change, a lock or a change of roles or unit
 * ends it at the next request. At most {@code maxEntries} entries; the oldest is dropped first. Thread-safe.
 */
public final class VerifiedCredentials {

    /**
     * A remembered verification.
     *
     * @param username the caller principal's name
     * @param groups   its roles at verification
     * @param stamp    the account's stamp at verification (compared with equals)
     */
    public record Verified(String username, Set<String> groups, Object stamp) {
    }

    private record Entry(Verified verified, long expiresAtNanos) {
    }

    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;
    private final SecretKeySpec secret;
    private final LinkedHashMap<String, Entry> entries;

    /**
     * @param ttl        how long a verification is remembered (zero or negative: never)
     * @param maxEntries most entries kept
     * @param nanoTime   the monotonic clock ({@code System::nanoTime}; tests move their own)
     */
    public VerifiedCredentials(Duration ttl, int maxEntries, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = Math.max(1, maxEntries);
        this.nanoTime = nanoTime;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.secret = new SecretKeySpec(key, "HmacSHA256");
        this.entries = new LinkedHashMap<>(256, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > VerifiedCredentials.this.maxEntries;
            }
        };
    }

    /**
     * The remembered verification of these credentials, if still valid.
     *
     * @param currentStamp the account's stamp now (null for an unknown account)
     * @return null when none, expired, or the account's stamp moved on (the entry is then dropped)
     */
    public Verified find(String username, String password, Object currentStamp) {
        if (ttlNanos <= 0) {
            return null;
        }
        String key = key(username, password);
        synchronized (entries) {
            Entry e = entries.get(key);
            if (e == null) {
                return null;
            }
            if (nanoTime.getAsLong() - e.expiresAtNanos() >= 0 || currentStamp == null
                    || !currentStamp.equals(e.verified().stamp())) {
                entries.remove(key);
                return null;
            }
            return e.verified();
        }
    }

    /**
     * Remembers a successful verification.
     *
     * @param stamp the account's stamp read before the password was checked (null: not remembered)
     */
    public void remember(String username, String password, Set<String> groups, Object stamp) {
        if (ttlNanos <= 0 || stamp == null) {
            return;
        }
        String key = key(username, password);
        Entry e = new Entry(new Verified(username, Set.copyOf(groups), stamp), nanoTime.getAsLong() + ttlNanos);
        synchronized (entries) {
            entries.remove(key); // re-inserted last: the oldest verification goes first
            entries.put(key, e);
        }
    }

    /** Number of entries (for tests and monitoring). */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** Forgets everything. */
    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }

    private String key(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().withoutPadding().encodeToString(
                mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from the JVM", e);
        }
    }
}
