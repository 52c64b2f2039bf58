package vn.gov.quangtri.motcua.account.application;

import vn.gov.quangtri.motcua.shared.application.NowAndAfterCompletion;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import vn.gov.quangtri.motcua.account.domain.AccessScope;

/**
 * The access scope of each account (its unit tree: own unit, sub-units and predecessors), so that
 * {@link AccessControl} does not walk the agency tree again on every service call (issue 12).
 *
 * <p>An entry is used only while (1) the account's {@link SessionStamps.Stamp} is the one it was built with
 * (a change of roles, unit or lock moves the security stamp), (2) no agency changed since (every change of
 * {@code AgencyAdministration} calls {@link #agenciesChanged}, now and again after its transaction completed) and
 * (3) it is younger than {@link #MAX_AGE} (changes made by SQL). In memory, per server, like {@link SessionStamps}.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ScopeCache {

    /** Longest time an entry is used without building the scope again. */
    public static final Duration MAX_AGE = Duration.ofSeconds(30);

    /** Most accounts kept; beyond it the cache is emptied (rebuilt on demand). */
    static final int MAX_ENTRIES = 10_000;

    private record Entry(AccessScope scope, SessionStamps.Stamp stamp, long generation, long builtAtNanos) {
    }

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    /** The current agency generation, to pass to {@link #put} with a scope built after reading it. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long generation() {
        return generation.get();
    }

    /**
     * The account's remembered scope.
     *
     * @param stamp the account's current stamp
     * @return null when absent, built with another stamp, before an agency change, or too old
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AccessScope get(String username, SessionStamps.Stamp stamp) {
        Entry e = cache.get(username);
        if (e == null || !e.stamp().equals(stamp) || e.generation() != generation.get()
                || System.nanoTime() - e.builtAtNanos() >= MAX_AGE.toNanos()) {
            return null;
        }
        return e.scope();
    }

    /**
     * Remembers a scope built for the account at this stamp and agency generation (read before building it).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void put(String username, SessionStamps.Stamp stamp, long builtAtGeneration, AccessScope scope) {
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(username, new Entry(scope, stamp, builtAtGeneration, System.nanoTime()));
    }

    /** The agency tree changed: every scope is built again, now and after the caller's transaction completed. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void agenciesChanged() {
        NowAndAfterCompletion.run(transactions, generation::incrementAndGet);
    }
}
