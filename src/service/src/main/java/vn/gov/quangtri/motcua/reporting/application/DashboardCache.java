package vn.gov.quangtri.motcua.reporting.application;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dashboards computed in the last minute, one per scope (issue 12 §4). The dashboard aggregates all dossiers of
 * the caller's units (count by status, overdue count and list, the month's on-time rates): on a province's year
 * that is 20–200 ms of database work per view, and every member of staff of a unit opens it. The staff of a unit
 * share one scope, so one computation a minute serves them all.
 *
 * <p>Semantics: a dashboard shown is at most {@link #MAX_AGE} old and says when it was computed
 * ({@link Dashboard#asOf()}). When a change to a dossier commits on this server (intake, any action, a transfer: the
 * {@link vn.gov.quangtri.motcua.dossier.application.DossierChanged} event), the dashboards that include its unit
 * are forgotten ({@link DashboardInvalidation}), so the next view shows it. What only time changes (a dossier
 * becoming overdue) and changes made on another server of a cluster or outside the application show within
 * {@link #MAX_AGE}. Lists, the dossier's screens and reports always read the database. The key is the exact set of
 * units (and the length of the overdue list), so a dashboard is only ever shown to accounts with the same units.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DashboardCache {

    /** How long a computed dashboard is shown. */
    public static final Duration MAX_AGE = Duration.ofMinutes(1);

    /** More scopes than this at once (there are about 200 units): expired entries are dropped, then all. */
    static final int MAX_ENTRIES = 1000;

    /**
     * What a dashboard was computed for.
     *
     * @param units        the receiving units, or null for the whole province
     * @param overdueLimit the length of its overdue list
     */
    public record Key(Set<String> units, int overdueLimit) {

        /** The key of a scope as {@link ReportingService} resolves it (null = whole province). */
        public static Key of(Collection<String> units, int overdueLimit) {
            return new Key(units == null ? null : Set.copyOf(units), overdueLimit);
        }
    }

    private final Map<Key, Dashboard> entries = new ConcurrentHashMap<>();

    /** Moves on at every {@link #forget} and {@link #clear}. */
    private final java.util.concurrent.atomic.AtomicLong forgets = new java.util.concurrent.atomic.AtomicLong();

    /**
     * The count of forgets so far: read it before computing a dashboard and give it to {@link #put}, so that a
     * dashboard computed while a change committed (it may show the state before) is not kept.
     */
    public long generation() {
        return forgets.get();
    }

    /**
     * The dashboard of {@code key} if it was computed less than {@link #MAX_AGE} before {@code now} (and not after
     * it), else null.
     */
    public Dashboard fresh(Key key, Instant now) {
        Dashboard d = entries.get(key);
        return d != null && current(d, now) ? d : null;
    }

    /**
     * Keeps a dashboard just computed, unless something was forgotten since {@code generation} ({@link #generation()}
     * read before computing it).
     */
    public void put(Key key, Dashboard dashboard, long generation) {
        if (forgets.get() != generation) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            Instant now = dashboard.asOf();
            entries.values().removeIf(d -> !current(d, now));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(key, dashboard);
    }

    /** Forgets the dashboards whose units include {@code agencyCode}, and those of the whole province. */
    public void forget(String agencyCode) {
        forgets.incrementAndGet();
        entries.keySet().removeIf(k -> k.units() == null || k.units().contains(agencyCode));
    }

    /** Forgets every dashboard (the next view computes afresh). */
    public void clear() {
        forgets.incrementAndGet();
        entries.clear();
    }

    private static boolean current(Dashboard d, Instant now) {
        return !d.asOf().isAfter(now) && d.asOf().plus(MAX_AGE).isAfter(now);
    }
}
