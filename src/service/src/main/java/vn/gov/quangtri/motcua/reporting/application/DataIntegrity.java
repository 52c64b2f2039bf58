package vn.gov.quangtri.motcua.reporting.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.gov.quangtri.motcua.account.application.AccessControl;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.calendar.application.CalendarService;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.dossier.domain.BackdatingRequest;
import vn.gov.quangtri.motcua.dossier.domain.DossierAction;
import vn.gov.quangtri.motcua.dossier.domain.Timeliness;
import vn.gov.quangtri.motcua.reporting.domain.ReportPeriod;

/**
 * The data integrity list (docs/domain.md §3.4, metric integrity): for a unit and a period, the dossier events keyed
 * well after they happened (by whom, how far back in working time, why, approved by whom), the backdating requests
 * still waiting, and how much of the unit's on-time count rests on keyed times: dossiers finished early or on time
 * that had an event keyed after the appointment had passed but dated before it. A manager and an inspector read the
 * on-time rate beside it.
 *
 * <p>An event counts as keyed late when it was recorded at least {@code motcua.integrity.keyed-late-minutes}
 * (default 15) minutes after it happened. Events are taken by their business time within the period (Vietnam
 * calendar days); child dossiers of inter-agency transfers are left out of the counts, as in every statistic.
 */
@Stateless
public class DataIntegrity {

    /** Most rows listed; the counts cover every event. */
    public static final int MAX_ROWS = 1000;

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    @EJB
    private AccessControl access;

    @EJB
    private CalendarService calendars;

    /** Setting {@code motcua.integrity.keyed-late-minutes}: from how many minutes after it an event is keyed late. */
    @Inject
    @ConfigProperty(name = "motcua.integrity.keyed-late-minutes", defaultValue = "15")
    int keyedLateMinutes = 15;

    /**
     * One event keyed late.
     *
     * @param workingMinutesLate working minutes from the event to its recording on the working calendar (null when
     *                           the calendar does not cover those days)
     * @param backdatingReason   the reason given; null when none was needed
     * @param approvedBy         the leader who approved it; null when no approval was needed
     */
    public record Row(String dossierCode, String unitCode, String procedureName, DossierAction action,
                      Instant occurredAt, Instant recordedAt, Long workingMinutesLate, String actor,
                      String backdatingReason, String approvedBy) {
    }

    /**
     * The list and its counts.
     *
     * @param keyedLate        events keyed late in the period
     * @param dossiers         distinct dossiers with such an event
     * @param approved         of the events, those a leader approved
     * @param byActor          events keyed late per officer (user name), alphabetical
     * @param finished         dossiers finished in the period (result or reasoned rejection)
     * @param inTime           of which early or on time
     * @param inTimeOnKeyedTimes of those, the ones with an event keyed after the appointment had passed but dated
     *                         before it: without the keyed time they would be late
     * @param pending          backdating requests of the units still waiting for a leader
     * @param rows             the events, the latest keyed first (at most {@link #MAX_ROWS})
     * @param workingMinutesPerDay working minutes of an office day, to read {@link Row#workingMinutesLate} in days
     */
    public record Report(ReportPeriod period, long keyedLate, long dossiers, long approved, Map<String, Long> byActor,
                         long finished, long inTime, long inTimeOnKeyedTimes, long pending, List<Row> rows,
                         long workingMinutesPerDay) {

        /** inTime ÷ finished in per cent (one decimal), or null when nothing was finished. */
        public java.math.BigDecimal inTimePercent() {
            return percent(inTime);
        }

        /** (inTime − inTimeOnKeyedTimes) ÷ finished in per cent: the rate that does not rest on keyed times. */
        public java.math.BigDecimal inTimePercentWithoutKeyedTimes() {
            return percent(inTime - inTimeOnKeyedTimes);
        }

        private java.math.BigDecimal percent(long part) {
            return finished == 0 ? null : java.math.BigDecimal.valueOf(part * 100L)
                .divide(java.math.BigDecimal.valueOf(finished), 1, java.math.RoundingMode.HALF_UP);
        }
    }

    /**
     * The list for units and a period.
     *
     * @param requested receiving units; null = every unit of the caller's scope (the whole province for a system
     *                  administrator)
     * @throws vn.gov.quangtri.motcua.shared.domain.ForbiddenException {@code ROLE_REQUIRED}: leaders and
     *         administrators read it; {@code OUT_OF_SCOPE}: a requested unit outside the caller's units
     */
    public Report report(Collection<String> requested, ReportPeriod period) {
        AccessScope scope = access.current();
        scope.requireAny(Role.LEADER, Role.AGENCY_ADMIN, Role.SYSTEM_ADMIN);
        if (requested != null) {
            requested.forEach(scope::requireCovers); // never an empty answer that reads as "nothing keyed late"
        }
        Collection<String> units = ReportingService.within(scope, requested);
        if (units != null && units.isEmpty()) {
            return new Report(period, 0, 0, 0, Map.of(), 0, 0, 0, 0, List.of(),
                calendars.current().officeHours().workingMinutesPerDay());
        }
        String unitFilter = units == null ? "" : " AND d.receivingAgency.code IN :codes";
        String late = "FROM DossierEvent e JOIN e.dossier d WHERE " + ReportingService.COUNTED
            + " AND e.keyedLateSeconds >= :min AND e.occurredAt >= :start AND e.occurredAt < :end" + unitFilter;
        Object[] counts = param(em.createQuery("SELECT COUNT(e), COUNT(DISTINCT d.id), COUNT(e.backdatingApprovedBy) "
            + late, Object[].class), period, units)
            .getSingleResult();
        Map<String, Long> byActor = new TreeMap<>();
        for (Object[] r : param(em.createQuery("SELECT e.actor, COUNT(e) " + late + " GROUP BY e.actor",
                Object[].class), period, units).getResultList()) {
            byActor.put((String) r[0], ((Number) r[1]).longValue());
        }
        WorkingCalendar calendar = calendars.current();
        List<Row> rows = param(em.createQuery("SELECT e, d.code, d.receivingAgency.code, d.snapshot.name " + late
            + " ORDER BY e.recordedAt DESC, d.code", Object[].class), period, units).setMaxResults(MAX_ROWS)
            .getResultList().stream().map(r -> row(calendar, (vn.gov.quangtri.motcua.dossier.domain.DossierEvent) r[0],
                (String) r[1], (String) r[2], (String) r[3])).toList();

        String finished = "FROM Dossier d WHERE " + ReportingService.COUNTED + " AND d.clock.completedAt >= :start"
            + " AND d.clock.completedAt < :end AND d.clock.timeliness IS NOT NULL" + unitFilter;
        long done = scope(em.createQuery("SELECT COUNT(d) " + finished, Long.class), period, units).getSingleResult();
        List<Timeliness> inTime = List.of(Timeliness.EARLY, Timeliness.ON_TIME);
        long onTime = scope(em.createQuery("SELECT COUNT(d) " + finished + " AND d.clock.timeliness IN :inTime",
            Long.class), period, units).setParameter("inTime", inTime).getSingleResult();
        // A join rather than EXISTS: EclipseLink writes the boolean of COUNTED as 0 on H2 in a query with a subquery.
        long resting = scope(em.createQuery("SELECT COUNT(DISTINCT d.id) FROM DossierEvent e JOIN e.dossier d WHERE "
            + ReportingService.COUNTED + " AND d.clock.completedAt >= :start AND d.clock.completedAt < :end"
            + " AND d.clock.timeliness IN :inTime" + unitFilter + " AND e.recordedAt > d.clock.dueAt"
            + " AND e.occurredAt <= d.clock.dueAt", Long.class), period, units).setParameter("inTime", inTime)
            .getSingleResult();
        long pending = units == null
            ? em.createQuery("SELECT COUNT(r) FROM BackdatingRequest r WHERE r.status = :s", Long.class)
                .setParameter("s", BackdatingRequest.Status.PENDING).getSingleResult()
            : em.createQuery("SELECT COUNT(r) FROM BackdatingRequest r WHERE r.status = :s AND r.unitCode IN :codes",
                    Long.class).setParameter("s", BackdatingRequest.Status.PENDING)
                .setParameter("codes", List.copyOf(units)).getSingleResult();
        return new Report(period, number(counts[0]), number(counts[1]), number(counts[2]), byActor, done, onTime,
            resting, pending, rows, calendar.officeHours().workingMinutesPerDay());
    }

    private Row row(WorkingCalendar calendar, vn.gov.quangtri.motcua.dossier.domain.DossierEvent e, String code,
                    String unit, String procedure) {
        Long working;
        try {
            working = calendar.workingMinutesBetween(e.occurredAt(), e.recordedAt());
        } catch (RuntimeException outsideCalendar) {
            working = null; // a year without a holiday calendar: the calendar duration still shows
        }
        return new Row(code, unit, procedure, e.action(), e.occurredAt(), e.recordedAt(), working, e.actor(),
            e.backdatingReason(), e.backdatingApprovedBy());
    }

    private <T> TypedQuery<T> param(TypedQuery<T> q, ReportPeriod period, Collection<String> units) {
        return scope(q, period, units).setParameter("min", keyedLateMinutes * 60L);
    }

    private static <T> TypedQuery<T> scope(TypedQuery<T> q, ReportPeriod period, Collection<String> units) {
        q.setParameter("start", period.start()).setParameter("end", period.endExclusive());
        return units == null ? q : q.setParameter("codes", List.copyOf(units));
    }

    private static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
