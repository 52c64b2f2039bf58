package vn.gov.quangtri.motcua.catalogue.application;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

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
        List<String> fresh = List.copyOf(read.get());
        last = new Read(now, fresh);
        return fresh;
    }

    /** Forgets the list (after a procedure's field was edited). */
    public void forget() {
        last = null;
    }
}
