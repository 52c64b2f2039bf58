package vn.gov.quangtri.motcua.catalogue.application;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import vn.gov.quangtri.motcua.shared.application.NowAndAfterCompletion;

/**
 * The catalogue's field list (lĩnh vực) as last read, for a minute (issue 12 §4): the inbox's filter showed it on
 * every view, a {@code SELECT DISTINCT} over the 1,100 procedures each time. The list changes only when a system
 * administrator edits a procedure's field ({@link CatalogueAdministration#editDetails}, which forgets it) or the
 * reference data is loaded at deployment; another server of a cluster shows an edit within {@link #MAX_AGE}.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CatalogueFields {

    /** How long a read list is used. */
    public static final Duration MAX_AGE = Duration.ofMinutes(1);

    private record Read(Instant at, List<String> fields) {
    }

    private volatile Read last;

    /** Moves on at every {@link #forget}: a list read while it moved is used but not kept. */
    private final AtomicLong forgets = new AtomicLong();

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * The list read less than {@link #MAX_AGE} before {@code now}, or a fresh one from {@code read}.
     *
     * @param now  the current time
     * @param read reads the list from the database
     */
    public List<String> fields(Instant now, Supplier<List<String>> read) {
        Read r = last;
        if (r != null && !r.at().isAfter(now) && r.at().plus(MAX_AGE).isAfter(now)) {
            return r.fields();
        }
        long generation = forgets.get();
        List<String> fresh = List.copyOf(read.get());
        if (forgets.get() == generation) {
            last = new Read(now, fresh);
        }
        return fresh;
    }

    /**
     * Forgets the list after a procedure's field was edited: now, and again when the editing transaction has
     * completed (a view in between may have read the list of before the commit).
     */
    public void forget() {
        NowAndAfterCompletion.run(transactions, () -> {
            forgets.incrementAndGet();
            last = null;
        });
    }
}
