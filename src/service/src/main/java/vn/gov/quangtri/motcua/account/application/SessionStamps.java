package vn.gov.quangtri.motcua.account.application;

import vn.gov.quangtri.motcua.shared.application.NowAndAfterCompletion;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The current {@link vn.gov.quangtri.motcua.account.domain.UserAccount#securityStamp() security stamp}, active
 * flag and password fingerprint of each account, asked by the authentication mechanism on every screen request to
 * end sessions of accounts that were locked or whose roles or unit changed (issue 9 item 5), on every HTTP Basic
 * request to trust a remembered verification only while nothing changed, and by {@link AccessControl} to reuse an
 * account's access scope (issue 12).
 *
 * <p>Decision: an in-memory cache, because the check runs on every request and the server is a single node.
 * {@link AccountService} evicts an account's entry when it changes it, again after its transaction completed
 * (so a reader cannot cache the value of before the commit: an entry read while an eviction happened is not
 * kept), and every entry is re-read after {@link #MAX_AGE} at the latest, so a change made outside the
 * application (SQL) takes effect within that time. On a cluster the cache would have to go (one indexed
 * query per request) or be invalidated across nodes.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SessionStamps {

    /** Longest time an entry is trusted without reading the database again. */
    public static final Duration MAX_AGE = Duration.ofSeconds(30);

    /**
     * What a session, a remembered HTTP Basic verification and a cached access scope are compared with.
     *
     * @param active      whether the account may sign in
     * @param stamp       its security stamp (moves on at lock, unlock, change of roles or unit)
     * @param credentials fingerprint of its password hash (Base64 of SHA-256; a new password, even the same one,
     *                    gets a new salt and so a new fingerprint), so that a password change is seen without
     *                    moving the security stamp (which would end the user's own screen session)
     */
    public record Stamp(boolean active, long stamp, String credentials) {
    }

    private record Entry(Stamp stamp, long readAtNanos) {
    }

    @PersistenceContext(unitName = "motcua")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    private final AtomicLong evictions = new AtomicLong();

    /**
     * The account's current state.
     *
     * @return null for an unknown user name
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Stamp current(String username) {
        if (username == null) {
            return null;
        }
        Entry e = cache.get(username);
        long now = System.nanoTime();
        if (e != null && now - e.readAtNanos() < MAX_AGE.toNanos()) {
            return e.stamp();
        }
        long generation = evictions.get();
        List<Object[]> rows = em.createQuery("SELECT a.active, a.securityStamp, a.passwordHash FROM UserAccount a"
                + " WHERE a.username = :username", Object[].class)
            .setParameter("username", username).getResultList();
        if (rows.isEmpty()) {
            cache.remove(username);
            return null;
        }
        Stamp stamp = new Stamp((Boolean) rows.get(0)[0], ((Number) rows.get(0)[1]).longValue(),
            fingerprint((String) rows.get(0)[2]));
        Entry read = new Entry(stamp, now);
        cache.put(username, read);
        if (evictions.get() != generation) {
            cache.remove(username, read); // an eviction overlapped the read: the value may be from before a commit
        }
        return stamp;
    }

    /**
     * Forgets the account's entry now and once more when the caller's transaction has completed.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void changed(String username) {
        NowAndAfterCompletion.run(transactions, () -> evict(username));
    }

    /** Base64 of the SHA-256 of a password hash (never the hash itself is kept). */
    static String fingerprint(String passwordHash) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest((passwordHash == null ? "" : passwordHash).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }

    private void evict(String username) {
        evictions.incrementAndGet();
        cache.remove(username);
    }
}
