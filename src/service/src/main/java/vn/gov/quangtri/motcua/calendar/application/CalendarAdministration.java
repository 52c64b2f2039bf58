package vn.gov.quangtri.motcua.calendar.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.gov.quangtri.motcua.account.application.AccessControl;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.audit.domain.AdminArea;
import vn.gov.quangtri.motcua.audit.domain.AdminChange;
import vn.gov.quangtri.motcua.calendar.domain.CalendarDay;
import vn.gov.quangtri.motcua.calendar.domain.CalendarEdits.DayOffKind;
import vn.gov.quangtri.motcua.calendar.domain.CalendarEdits;
import vn.gov.quangtri.motcua.calendar.domain.CalendarYear;
import vn.gov.quangtri.motcua.calendar.domain.CalendarYears;
import vn.gov.quangtri.motcua.calendar.domain.HolidayScheduleCheck;
import vn.gov.quangtri.motcua.calendar.domain.LunarCalendar;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.dossier.domain.CalendarImpact;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.shared.domain.NotFoundException;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * Administration of the holiday calendar (docs/domain.md §3.2; Labour Code 2019 art. 111–112; the yearly
 * schedules of the Prime Minister / Ministry of Home Affairs): list a year, add a day off (holiday, Tết day,
 * compensatory day, swapped day off), add a make-up working day, remove an entry. Dates are Vietnam local
 * dates (Asia/Ho_Chi_Minh).
 *
 * <p>Each edit is one transaction: the rules of {@link CalendarEdits} are checked, the row is written, an
 * {@link AdminChange} is recorded, and the {@link CalendarService} singleton reloads its
 * {@link WorkingCalendar} (inside the same transaction, so it sees the change; new dossiers use it at
 * once). The result lists the open dossiers whose appointment the edit would change
 * ({@link CalendarImpact}); stored deadlines are never moved silently.
 *
 * <p>Who: the edits ({@link #createYear}, {@link #addDayOff}, {@link #addMakeUpWorkingDay}, {@link #remove})
 * require {@link Role#SYSTEM_ADMIN}, since one calendar serves every unit of the province; the reads
 * ({@link #years}, {@link #isConfigured}, {@link #proposal}, {@link #year}, {@link #checkYear}) are open to any
 * signed-in account. The check comes first ({@code ROLE_REQUIRED},
 * {@code SIGN_IN_REQUIRED}); nothing is read or written when it fails. The recorded actor is the signed-in
 * account; the {@code actor} argument counts only for trusted in-process work
 * ({@link vn.gov.quangtri.motcua.account.application.SystemTask}).
 *
 * <p>A year is set up with {@link #createYear} (weekends only at first; {@link #proposal} suggests its statutory
 * days off), then its days are added one by one. Single-day edits are refused in a year not created
 * ({@code CALENDAR_YEAR_MISSING}). {@link #yearToSetUp} tells system administrators, from 1 October, that next
 * year is still missing.
 */
@Stateless
public class CalendarAdministration {

    @PersistenceContext(unitName = "motcua")
    EntityManager em;

    @EJB
    CalendarService calendars;

    @Inject
    Clock clock;

    @EJB
    AccessControl access;

    /** The configured years, in order, with their number of days and who created them. */
    public List<ConfiguredYear> years() {
        access.current().requireSignedIn();
        Map<Integer, Long> counts = new HashMap<>();
        for (CalendarDay d : em.createNamedQuery("CalendarDay.findAll", CalendarDay.class).getResultList()) {
            counts.merge(d.day().getYear(), 1L, Long::sum);
        }
        return em.createNamedQuery("CalendarYear.findAll", CalendarYear.class).getResultList().stream()
            .map(y -> new ConfiguredYear(y.year(), counts.getOrDefault(y.year(), 0L), y.createdAt(), y.createdBy()))
            .toList();
    }

    /** True when {@code year} is configured (created or loaded with the reference data). */
    public boolean isConfigured(int year) {
        access.current().requireSignedIn();
        return em.find(CalendarYear.class, year) != null;
    }

    /**
     * Creates a year of the holiday calendar with weekends only (Monday–Friday working): deadlines in it are
     * computed from now on, and its holidays, compensatory days and make-up working days can be added. Audited
     * ({@code CALENDAR_CREATE_YEAR}); the {@link CalendarService} singleton reloads.
     *
     * @param year Gregorian year, from the current year (Vietnam) to {@value CalendarYears#MAX_YEARS_AHEAD} years ahead
     * @throws vn.gov.quangtri.motcua.shared.domain.ConflictException {@code CALENDAR_YEAR_EXISTS}
     * @throws RuleViolationException {@code YEAR_OUT_OF_RANGE}, {@code ACTOR_REQUIRED}, {@code REASON_REQUIRED}
     */
    public ConfiguredYear createYear(int year, String actor, String reason) {
        access.current().requireAny(Role.SYSTEM_ADMIN);
        String who = AdminChange.requireActor(access.actor(actor));
        String why = AdminChange.requireReason(reason);
        Set<Integer> configured = new HashSet<>();
        em.createNamedQuery("CalendarYear.findAll", CalendarYear.class).getResultList().forEach(y -> configured.add(y.year()));
        CalendarYears.checkNewYear(year, VietnamTime.local(clock.instant()).toLocalDate(), configured);
        Instant now = clock.instant();
        em.persist(new CalendarYear(year, now, who));
        em.persist(new AdminChange(now, who, AdminArea.CALENDAR, "CALENDAR_CREATE_YEAR", String.valueOf(year), why,
            "tạo lịch năm " + year + ": nghỉ thứ Bảy và Chủ nhật (làm việc thứ Hai–thứ Sáu), chưa có ngày lễ"));
        em.flush();
        calendars.reload();
        return new ConfiguredYear(year, rows(year).size(), now, who);
    }

    /**
     * The statutory days off proposed for a configured year (Labour Code 2019 art. 111–112,
     * {@link CalendarYears#statutoryProposal}) that it does not have yet; the administrator adds those it confirms.
     *
     * @throws RuleViolationException {@code CALENDAR_YEAR_MISSING}
     */
    public List<CalendarYears.ProposedDay> proposal(int year) {
        access.current().requireSignedIn();
        requireYearConfigured(year);
        Set<LocalDate> present = new HashSet<>();
        rows(year).forEach(d -> present.add(d.day()));
        return CalendarYears.statutoryProposal(year).stream().filter(p -> !present.contains(p.date()))
            .filter(p -> p.date().getYear() == year).toList();
    }

    /**
     * For the dashboard banner: next year, when the caller is a system administrator, today (Vietnam, injected
     * clock) is 1 October or later and next year is not configured; empty otherwise.
     */
    public Optional<Integer> yearToSetUp() {
        if (!access.current().has(Role.SYSTEM_ADMIN)) {
            return Optional.empty();
        }
        return CalendarYears.yearToSetUp(VietnamTime.local(clock.instant()).toLocalDate(), calendars.coveredYears());
    }

    /**
     * The configured days of a year, in date order, each with its weekday and lunar date.
     *
     * @param year Gregorian year
     */
    public List<CalendarEntry> year(int year) {
        access.current().requireSignedIn();
        return rows(year).stream().map(d -> new CalendarEntry(d.day(), d.day().getDayOfWeek(), d.kind(), d.name(),
            d.workingDay(), LunarCalendar.toLunar(d.day()).toVietnamese(), d.source())).toList();
    }

    /** The plausibility warnings (docs/cases.md C05) of a year's stored list; empty when nothing was found. */
    public List<String> checkYear(int year) {
        access.current().requireSignedIn();
        return warnings(year);
    }

    private List<String> warnings(int year) {
        return HolidayScheduleCheck.check(year, entries(rows(year)));
    }

    /**
     * Adds a day off.
     *
     * @param kind holiday, Tết day, compensatory day (Mon–Fri only) or swapped day off (Mon–Fri only)
     * @param name Vietnamese name shown to clerks
     * @throws vn.gov.quangtri.motcua.shared.domain.ConflictException {@code DAY_ALREADY_OFF},
     *                                {@code DAY_IS_MAKE_UP_WORKING_DAY}
     * @throws RuleViolationException {@code COMPENSATORY_NOT_WEEKDAY}, {@code SWAP_DAY_OFF_NOT_WEEKDAY},
     *                                {@code CALENDAR_YEAR_MISSING}, {@code NAME_REQUIRED}, {@code ACTOR_REQUIRED},
     *                                {@code REASON_REQUIRED}
     */
    public CalendarChange addDayOff(LocalDate date, DayOffKind kind, String name, String actor, String reason) {
        access.current().requireAny(Role.SYSTEM_ADMIN);
        String who = AdminChange.requireActor(access.actor(actor));
        String why = AdminChange.requireReason(reason);
        requireYearConfigured(date.getYear());
        String clean = CalendarEdits.checkDayOff(date, kind, name, em.find(CalendarDay.class, date));
        List<String> warnings = new ArrayList<>(CalendarEdits.warningsForDayOff(date, kind));
        return apply(date, CalendarDay.entered(date, false, kind.kind(), clean, why), null, "CALENDAR_ADD_DAY_OFF",
            who, why, CalendarDay.kindLabel(kind.kind()) + " \"" + clean + "\"", warnings);
    }

    /**
     * Adds a make-up working day (a Saturday or Sunday worked in exchange for a weekday off).
     *
     * @throws vn.gov.quangtri.motcua.shared.domain.ConflictException {@code DAY_ALREADY_HAS_ENTRY}
     * @throws RuleViolationException {@code MAKE_UP_DAY_NOT_WEEKEND}, {@code CALENDAR_YEAR_MISSING},
     *                                {@code NAME_REQUIRED}, {@code ACTOR_REQUIRED}, {@code REASON_REQUIRED}
     */
    public CalendarChange addMakeUpWorkingDay(LocalDate date, String name, String actor, String reason) {
        access.current().requireAny(Role.SYSTEM_ADMIN);
        String who = AdminChange.requireActor(access.actor(actor));
        String why = AdminChange.requireReason(reason);
        requireYearConfigured(date.getYear());
        String clean = CalendarEdits.checkMakeUpWorkingDay(date, name, em.find(CalendarDay.class, date));
        return apply(date, CalendarDay.entered(date, true, HolidayScheduleCheck.SWAP_WORKING_DAY, clean, why), null,
            "CALENDAR_ADD_MAKE_UP_DAY", who, why, "swap_working_day \"" + clean + "\"", new ArrayList<>());
    }

    /**
     * Removes a day's entry: the day follows the weekly rule again (Mon–Fri working).
     *
     * @throws NotFoundException      the day has no entry
     * @throws RuleViolationException {@code ACTOR_REQUIRED}, {@code REASON_REQUIRED}
     */
    public CalendarChange remove(LocalDate date, String actor, String reason) {
        access.current().requireAny(Role.SYSTEM_ADMIN);
        String who = AdminChange.requireActor(access.actor(actor));
        String why = AdminChange.requireReason(reason);
        CalendarDay existing = em.find(CalendarDay.class, date);
        if (existing == null) {
            throw new NotFoundException("calendar day", date.toString());
        }
        return apply(date, null, existing, "CALENDAR_REMOVE_DAY", who, why,
            "xóa " + CalendarDay.kindLabel(existing.kind()) + " \"" + existing.name() + "\"", new ArrayList<>());
    }

    private CalendarChange apply(LocalDate date, CalendarDay added, CalendarDay removed, String action, String who,
                                 String why, String what, List<String> warnings) {
        WorkingCalendar before = calendars.current();
        List<String> warningsBefore = warnings(date.getYear());
        if (added != null) {
            em.persist(added);
        }
        if (removed != null) {
            em.remove(removed);
        }
        WorkingCalendar after = CalendarEdits.with(before, date, added == null ? null : added.workingDay());
        List<CalendarImpact.Affected> affected = before.isWorkingDay(date) == after.isWorkingDay(date)
            ? List.of() : CalendarImpact.affected(openDossiersAround(date), before, after, List.of(date));
        em.flush();
        warnings(date.getYear()).stream().filter(w -> !warningsBefore.contains(w)).forEach(warnings::add);
        // The audit is a record in the language of the administration (Vietnamese), like the other areas.
        java.time.format.DateTimeFormatter hm = java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
            .withZone(VietnamTime.ZONE);
        StringBuilder details = new StringBuilder(what).append("; hồ sơ đang giải quyết bị ảnh hưởng: ")
            .append(affected.size());
        affected.stream().limit(50).forEach(a -> details.append("; ").append(a.code()).append(": hẹn ")
            .append(hm.format(a.dueAt())).append(" → ")
            .append(a.recomputedDueAt() == null ? "chưa tính lại được" : hm.format(a.recomputedDueAt())));
        em.persist(new AdminChange(clock.instant(), who, AdminArea.CALENDAR, action, date.toString(), why,
            details.toString()));
        em.flush();
        calendars.reload();
        return new CalendarChange(date, action, affected, List.copyOf(warnings));
    }

    /** Open dossiers whose clock started by the end of {@code date} and whose appointment is not before it, or that are paused. */
    private List<Dossier> openDossiersAround(LocalDate date) {
        return em.createQuery("SELECT d FROM Dossier d WHERE d.status IN :open AND d.clock.clockStartedAt IS NOT NULL"
                + " AND d.clock.clockStartedAt < :dayEnd AND (d.clock.dueAt >= :dayStart OR d.clock.pausedAt IS NOT NULL)"
                + " ORDER BY d.clock.dueAt, d.code", Dossier.class)
            .setParameter("open", CalendarImpact.OPEN)
            .setParameter("dayStart", date.atStartOfDay(VietnamTime.ZONE).toInstant())
            .setParameter("dayEnd", date.plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant())
            .getResultList();
    }

    private void requireYearConfigured(int year) {
        if (em.find(CalendarYear.class, year) == null) {
            throw new RuleViolationException("CALENDAR_YEAR_MISSING", "Lịch nghỉ năm " + year
                + " chưa được tạo; hãy tạo năm " + year + " trước khi thêm ngày nghỉ, ngày nghỉ bù hoặc ngày làm bù.",
                List.of("year: " + year));
        }
    }

    private List<CalendarDay> rows(int year) {
        return em.createQuery("SELECT c FROM CalendarDay c WHERE c.day >= :from AND c.day <= :to ORDER BY c.day",
                CalendarDay.class)
            .setParameter("from", LocalDate.of(year, 1, 1)).setParameter("to", LocalDate.of(year, 12, 31))
            .getResultList();
    }

    private static List<HolidayScheduleCheck.Entry> entries(List<CalendarDay> rows) {
        return rows.stream().map(d -> new HolidayScheduleCheck.Entry(d.day(), d.kind(), d.name())).toList();
    }
}
