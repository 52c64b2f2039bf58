package vn.gov.quangtri.motcua.reporting.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import vn.gov.quangtri.motcua.account.application.AccessControl;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.calendar.application.CalendarService;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.dossier.domain.ProcessingClock;
import vn.gov.quangtri.motcua.dossier.domain.Timeliness;
import vn.gov.quangtri.motcua.reporting.domain.PeriodReport;
import vn.gov.quangtri.motcua.reporting.domain.ReportPeriod;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * Back-office reporting: dashboard, periodic report per unit (docs/domain.md §6, docs/cases.md C33) and the dossier
 * tracking book (form 07). Read-only; every query reads only the columns it needs (aggregates or scalar
 * projections, never whole aggregates), a fixed number of queries per call.
 *
 * <p>Scope: a collection of receiving-unit codes ({@code agencyCodes}); {@code null} means the whole
 * province, an empty collection means no unit (empty results). Days and months are Vietnam-local
 * (Asia/Ho_Chi_Minh); "now" comes from the injected clock.
 *
 * <p>Every method keeps to the signed-in account's units: requested units outside them are dropped and
 * "null = whole province" means "all of my units" for anyone but a system administrator.
 *
 * <p>Size: just above 400 lines; it holds the aggregate JPQL of the dashboard and the period report, while the
 * tracking book ({@link TrackingBookQuery}) and the integrity list ({@link DataIntegrity}) have their own classes.
 */
@Stateless
public class ReportingService {

    /** Received and not finished: the clock has started and the dossier can be (over)due. */
    static final List<DossierStatus> OPEN = List.copyOf(DossierStatus.open());

    /**
     * Statistics count the citizen's dossier once: a child dossier created at a co-operating agency by an
     * inter-agency transfer ({@code Dossier.interAgencyChild()}) is left out of the dashboard, the on-time
     * rates, the overdue list and the periodic report (its time is part of the parent's). The tracking book
     * (form 07) still lists it: it is a register of what the unit received.
     */
    static final String COUNTED = "d.origin.child = FALSE";

    /** Largest page of the tracking book and of the overdue list. */
    public static final int MAX_LIMIT = 1000;

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private CalendarService calendars;

    @EJB
    private AccessControl access;

    @EJB
    private DashboardCache dashboards;

    private Supplier<WorkingCalendar> calendar;

    /** For the container. */
    public ReportingService() {
    }

    /** For tests outside the container. */
    ReportingService(EntityManager em, Clock clock, WorkingCalendar calendar) {
        this.em = em;
        this.clock = clock;
        this.calendar = () -> calendar;
    }

    /**
     * The units the caller may report on: the requested ones within the signed-in account's scope
     * (null = all of its scope). Outside the container (tests) the request is taken as it is.
     */
    private Collection<String> scoped(Collection<String> requested) {
        if (access == null) {
            return requested;
        }
        return within(access.current(), requested);
    }

    /**
     * The requested units within a scope: null (all) stays null for a scope covering everything and becomes the
     * scope's own units otherwise; requested units outside the scope are dropped.
     */
    static Collection<String> within(AccessScope scope, Collection<String> requested) {
        if (scope.everywhere()) {
            return requested;
        }
        if (requested == null) {
            return scope.agencyCodes();
        }
        return requested.stream().filter(scope::covers).toList();
    }

    @PostConstruct
    void init() {
        calendar = () -> calendars.current();
    }

    // ---------------------------------------------------------------- dashboard

    /**
     * The dashboard of a scope: counts by status, the overdue dossiers (most overdue first) and this
     * month's on-time rate per unit.
     *
     * @param agencyCodes  receiving units; null = whole province
     * @param overdueLimit how many overdue dossiers to list, 0–{@value #MAX_LIMIT}
     */
    public Dashboard dashboard(Collection<String> requested, int overdueLimit) {
        return compute(requested, overdueLimit);
    }

    /**
     * The dashboard of all the caller's units, as {@link #dashboard} computed it at most a minute ago
     * ({@link DashboardCache}: shared by the accounts with the same units; {@link Dashboard#asOf()} says when).
     * The back-office dashboard page shows this one.
     *
     * @param overdueLimit at most this many overdue dossiers, 0–{@value #MAX_LIMIT}
     */
    public Dashboard recentDashboard(int overdueLimit) {
        checkLimit(overdueLimit);
        if (dashboards == null) { // outside the container
            return compute(null, overdueLimit);
        }
        DashboardCache.Key key = DashboardCache.Key.of(scoped(null), overdueLimit);
        Dashboard d = dashboards.fresh(key, clock.instant());
        if (d == null) {
            long generation = dashboards.generation();
            d = compute(null, overdueLimit);
            dashboards.put(key, d, generation);
        }
        return d;
    }

    private Dashboard compute(Collection<String> requested, int overdueLimit) {
        Collection<String> agencyCodes = scoped(requested);
        Instant now = clock.instant();
        return new Dashboard(now, countByStatus(agencyCodes), countOverdue(agencyCodes, now),
            overdueDossiers(agencyCodes, overdueLimit, now), onTimeRateThisMonth(agencyCodes, now));
    }

    /**
     * Number of dossiers in each status (one GROUP BY query).
     *
     * @param agencyCodes receiving units; null = whole province
     * @return every status, zeros included, in the enum's order
     */
    public Map<DossierStatus, Long> countByStatus(Collection<String> requested) {
        Collection<String> agencyCodes = scoped(requested);
        Map<DossierStatus, Long> counts = new EnumMap<>(DossierStatus.class);
        for (DossierStatus s : DossierStatus.values()) {
            counts.put(s, 0L);
        }
        if (isEmptyScope(agencyCodes)) {
            return counts;
        }
        TypedQuery<Object[]> q = em.createQuery("SELECT d.status, COUNT(d) FROM Dossier d WHERE " + COUNTED
            + (agencyCodes == null ? "" : " AND d.receivingAgency.code IN :codes") + " GROUP BY d.status", Object[].class);
        scope(q, agencyCodes);
        for (Object[] r : q.getResultList()) {
            counts.put((DossierStatus) r[0], ((Number) r[1]).longValue());
        }
        return counts;
    }

    /**
     * Dossiers past their appointment and not finished, most overdue first. A dossier whose clock is
     * paused (supplement, financial obligation) is overdue only if the appointment had passed when the
     * pause began (docs/domain.md §3.4). The appointment is the original one: an apology does not move it (§2.8).
     *
     * @param agencyCodes receiving units; null = whole province
     * @param limit       at most this many, 0–{@value #MAX_LIMIT}
     */
    public List<OverdueDossier> overdueDossiers(Collection<String> agencyCodes, int limit) {
        return overdueDossiers(scoped(agencyCodes), limit, clock.instant());
    }

    private List<OverdueDossier> overdueDossiers(Collection<String> agencyCodes, int limit, Instant now) {
        checkLimit(limit);
        if (isEmptyScope(agencyCodes) || limit == 0) {
            return List.of();
        }
        TypedQuery<Object[]> q = em.createQuery("SELECT d.code, d.snapshot.name, d.applicant.name, a.code, a.name,"
            + " d.status, d.clock.dueAt, d.clock.rescheduledDueAt, d.clock.pausedAt FROM Dossier d JOIN d.receivingAgency a"
            // COALESCE(dueAt, receivedAt) is dueAt here (the filter asks dueAt < now). Ordered by the column itself,
            // PostgreSQL walked the appointment index from the oldest and read the province's finished dossiers
            // (1.2-1.7 s on a year of 1 M); by the expression it takes the few open ones by status and sorts them (25 ms).
            + overdueWhere(agencyCodes) + " ORDER BY COALESCE(d.clock.dueAt, d.clock.receivedAt), d.code", Object[].class);
        scope(q, agencyCodes).setParameter("open", OPEN).setParameter("now", now);
        WorkingCalendar cal = calendar.get();
        List<OverdueDossier> out = new ArrayList<>();
        for (Object[] r : q.setMaxResults(limit).getResultList()) {
            Instant due = (Instant) r[6];
            Instant paused = (Instant) r[8];
            out.add(new OverdueDossier((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                (DossierStatus) r[5], due, (Instant) r[7], ProcessingClock.lateness(due, paused, now, cal)));
        }
        return out;
    }

    private long countOverdue(Collection<String> agencyCodes, Instant now) {
        if (isEmptyScope(agencyCodes)) {
            return 0;
        }
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(d) FROM Dossier d JOIN d.receivingAgency a"
            + overdueWhere(agencyCodes), Long.class);
        return scope(q, agencyCodes).setParameter("open", OPEN).setParameter("now", now).getSingleResult();
    }

    private static String overdueWhere(Collection<String> agencyCodes) {
        return " WHERE " + COUNTED + " AND d.status IN :open AND d.clock.dueAt < :now AND (d.clock.pausedAt IS NULL OR d.clock.dueAt < d.clock.pausedAt)"
            + (agencyCodes == null ? "" : " AND a.code IN :codes");
    }

    /**
     * On-time rate of the current Vietnam calendar month per unit of the scope (units valid this month,
     * each listed even with nothing finished), over dossiers finished this month with a result or a
     * reasoned rejection (one GROUP BY query plus the unit list).
     *
     * @param agencyCodes receiving units; null = every unit of the province that receives dossiers
     */
    public List<UnitOnTimeRate> onTimeRateThisMonth(Collection<String> agencyCodes) {
        return onTimeRateThisMonth(scoped(agencyCodes), clock.instant());
    }

    private List<UnitOnTimeRate> onTimeRateThisMonth(Collection<String> agencyCodes, Instant now) {
        if (isEmptyScope(agencyCodes)) {
            return List.of();
        }
        ReportPeriod month = ReportPeriod.ofMonth(YearMonth.from(VietnamTime.local(now)));
        TypedQuery<Object[]> q = em.createQuery("SELECT a.code, d.clock.timeliness, COUNT(d) FROM Dossier d"
            + " JOIN d.receivingAgency a WHERE " + COUNTED + " AND d.clock.completedAt >= :start AND d.clock.completedAt < :end"
            + " AND d.clock.timeliness IS NOT NULL" + (agencyCodes == null ? "" : " AND a.code IN :codes")
            + " GROUP BY a.code, d.clock.timeliness", Object[].class);
        scope(q, agencyCodes).setParameter("start", month.start()).setParameter("end", month.endExclusive());
        Map<String, long[]> byUnit = new HashMap<>();
        for (Object[] r : q.getResultList()) {
            long[] c = byUnit.computeIfAbsent((String) r[0], k -> new long[2]);
            long n = ((Number) r[2]).longValue();
            c[0] += n;
            if (r[1] != Timeliness.LATE) {
                c[1] += n;
            }
        }
        List<UnitOnTimeRate> out = new ArrayList<>();
        for (PeriodReport.Group u : ReportData.units(em, agencyCodes, month.from(), month.to(), null, byUnit.keySet())) {
            long[] c = byUnit.getOrDefault(u.key(), new long[2]);
            BigDecimal pct = c[0] == 0 ? null : BigDecimal.valueOf(c[1] * 100)
                .divide(BigDecimal.valueOf(c[0]), 1, RoundingMode.HALF_UP);
            out.add(new UnitOnTimeRate(u.key(), u.label(), c[0], c[1], pct));
        }
        return out;
    }

    // ---------------------------------------------------------------- tracking book

    /**
     * The dossier tracking book (Sổ theo dõi hồ sơ, form 07): received dossiers in receipt order (then by
     * code), numbered over the whole filter; the filter and scope are checked here, the page is read by
     * {@link TrackingBookQuery} (three queries; lead deciding agency, transfer date, notes).
     *
     * @param filter filters (null = none)
     * @param offset first line, ≥ 0
     * @param limit  page size, 1–{@value #MAX_LIMIT}
     * @throws RuleViolationException {@code DATE_RANGE_REVERSED} when the first receipt day lies after the last
     */
    public TrackingBookSlice trackingBook(TrackingBookFilter filter, int offset, int limit) {
        return trackingBook(filter, offset, limit, -1);
    }

    /**
     * The number of lines of the tracking book under the filter, for a lazy table: the count query alone.
     *
     * @throws RuleViolationException {@code DATE_RANGE_REVERSED} as {@link #trackingBook(TrackingBookFilter, int, int)}
     */
    public long trackingBookCount(TrackingBookFilter filter) {
        TrackingBookFilter f = checked(filter);
        return isEmptyScope(f.agencyCodes()) ? 0 : new TrackingBookQuery(em).count(f);
    }

    /**
     * As {@link #trackingBook(TrackingBookFilter, int, int)} with the count already known (from
     * {@link #trackingBookCount}), so that the page is read without counting again; {@code knownTotal} -1 counts.
     */
    public TrackingBookSlice trackingBook(TrackingBookFilter filter, int offset, int limit, long knownTotal) {
        TrackingBookFilter f = checked(filter);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be ≥ 0: " + offset);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be ≥ 1: " + limit);
        }
        checkLimit(limit);
        if (isEmptyScope(f.agencyCodes())) {
            return new TrackingBookSlice(0, offset, List.of());
        }
        return new TrackingBookQuery(em).page(f, offset, limit, knownTotal);
    }

    /** The filter checked (dates in order) and limited to the caller's scope. */
    private TrackingBookFilter checked(TrackingBookFilter filter) {
        TrackingBookFilter given = filter == null ? TrackingBookFilter.all() : filter;
        if (given.receivedFrom() != null && given.receivedTo() != null && given.receivedFrom().isAfter(given.receivedTo())) {
            throw new RuleViolationException("DATE_RANGE_REVERSED", "The first receipt day " + given.receivedFrom()
                + " lies after the last " + given.receivedTo(), List.of("receivedFrom: on or before " + given.receivedTo()));
        }
        return new TrackingBookFilter(scoped(given.agencyCodes()), given.receivedFrom(),
            given.receivedTo(), given.procedureCode(), given.field(), given.status());
    }

    // ---------------------------------------------------------------- helpers

    private static boolean isEmptyScope(Collection<String> agencyCodes) {
        return agencyCodes != null && agencyCodes.isEmpty();
    }

    private static <T> TypedQuery<T> scope(TypedQuery<T> q, Collection<String> agencyCodes) {
        return agencyCodes == null ? q : q.setParameter("codes", List.copyOf(agencyCodes));
    }

    private static void checkLimit(int limit) {
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 0–" + MAX_LIMIT + ": " + limit);
        }
    }
}
