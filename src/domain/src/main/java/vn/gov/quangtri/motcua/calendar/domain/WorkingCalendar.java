package vn.gov.quangtri.motcua.calendar.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Objects;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * The working calendar used for every legal deadline: which days are working days, when the clock
 * of a dossier starts, when it is due, and how much working time is left.
 *
 * <p><b>Working days</b> (docs/domain.md §3.2; docs/cases.md K1): Monday to Friday are working days and Saturday
 * and Sunday weekly rest days, unless a date has an override. An override {@code false} is a day off
 * (public holiday under Labour Code 2019 art. 112, a Tết day, a compensatory day off under art. 111
 * cl. 3, a swapped day off); an override {@code true} is a working day (a make-up working Saturday,
 * "ngày làm bù"). The overrides are data maintained by an administrator, never a formula.
 *
 * <p><b>Time zone</b> (docs/cases.md K5, C12, C13): moments are {@link Instant}s; every local date and clock
 * time is Vietnam local time, {@link VietnamTime#ZONE} (Asia/Ho_Chi_Minh, UTC+07:00, no DST). The JVM
 * default zone is never used.
 *
 * <p><b>Units</b>: working days are whole office days; working minutes/hours are counted only inside
 * the {@link OfficeHours} intervals of working days (lunch break and nights excluded).
 *
 * <p>Immutable and thread-safe.
 *
 * <p>Size: just above 400 lines; it is the one working-time rule (due moments, counting, pauses, time left) and
 * splitting it would spread that rule again.
 */
public final class WorkingCalendar {

    private static final WorkingCalendar WEEKENDS_ONLY = new WorkingCalendar(OfficeHours.standard(), Map.of());

    private final OfficeHours hours;
    private final Map<LocalDate, Boolean> overrides;

    /**
     * Creates a calendar.
     *
     * @param hours        daily office hours, not null
     * @param dayOverrides per-date exceptions to the Monday–Friday rule: {@code false} = day off
     *                     (holiday, Tết, compensatory or swapped day off), {@code true} = working day
     *                     (make-up working Saturday); dates are Vietnam local dates; copied
     * @throws NullPointerException if an argument, a key or a value is null
     */
    public WorkingCalendar(OfficeHours hours, Map<LocalDate, Boolean> dayOverrides) {
        this.hours = Objects.requireNonNull(hours, "hours");
        this.overrides = Map.copyOf(Objects.requireNonNull(dayOverrides, "dayOverrides"));
    }

    /** Calendar with the standard office hours ({@link OfficeHours#standard()}) and no holidays: Mon–Fri work. */
    public static WorkingCalendar weekendsOnly() {
        return WEEKENDS_ONLY;
    }

    /** The office hours of this calendar. */
    public OfficeHours officeHours() {
        return hours;
    }

    /** The per-date overrides (false = day off, true = working day); unmodifiable. */
    public Map<LocalDate, Boolean> dayOverrides() {
        return overrides;
    }

    /**
     * Whether the Vietnam local date is a working day: its override if it has one, else Monday–Friday
     * (docs/domain.md §3.2; docs/cases.md K1).
     *
     * @param date a Vietnam local date, not null
     */
    public boolean isWorkingDay(LocalDate date) {
        Boolean override = overrides.get(Objects.requireNonNull(date, "date"));
        if (override != null) {
            return override;
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /**
     * The first working day strictly after the given Vietnam local date.
     *
     * @param date a Vietnam local date, not null
     */
    public LocalDate nextWorkingDay(LocalDate date) {
        // Terminates: overrides are finite and after the last one every Monday-Friday is working.
        LocalDate d = Objects.requireNonNull(date, "date").plusDays(1);
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /**
     * The moment the legal clock starts for a dossier received (accepted as complete and valid) at
     * {@code receivedAt} (docs/domain.md §3.3; docs/cases.md K3, C06):
     * <ul>
     *   <li>on a working day from opening (inclusive) to closing (exclusive), the lunch break included:
     *       unchanged;</li>
     *   <li>on a working day before opening: opening time that day;</li>
     *   <li>on a working day at or after closing, or at any time on a non-working day: opening time of
     *       the next working day.</li>
     * </ul>
     * The out-of-hours rule for online submissions is [unconfirmed] in docs/domain.md §3.3/§12 item 4
     * (Decree 45/2020 art. 11 to be checked); it is the assumption K3 of docs/cases.md.
     *
     * @param receivedAt moment of receipt, not null
     * @return the clock start moment (Vietnam local time semantics)
     * @throws NullPointerException if {@code receivedAt} is null
     */
    public Instant clockStart(Instant receivedAt) {
        ZonedDateTime local = VietnamTime.local(Objects.requireNonNull(receivedAt, "receivedAt"));
        LocalDate date = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        if (isWorkingDay(date)) {
            if (time.isBefore(hours.opening())) {
                return at(date, hours.opening());
            }
            if (time.isBefore(hours.closing())) {
                return receivedAt;
            }
        }
        return at(nextWorkingDay(date), hours.opening());
    }

    /**
     * The appointment moment (ngày hẹn trả) for a time limit counted from {@code clockStart}
     * (normally the result of {@link #clockStart(Instant)}). Rules per unit (docs/domain.md §3.1, §3.3):
     * <ul>
     *   <li>{@link TimeLimitUnit#WORKING_DAY} N: the whole part is added with
     *       {@link #addWorkingDays(Instant, int)} (the N-th working day after the start's local date, at the
     *       same local clock time; docs/cases.md K2, C06(a)); a fractional part is then added as working
     *       minutes, {@code fraction × workingMinutesPerDay} rounded half-up to a whole minute, with
     *       {@link #addWorkingMinutes(Instant, long)}. 0 gives the start itself.</li>
     *   <li>{@link TimeLimitUnit#WORKING_HOUR} N: {@code addWorkingMinutes(start, N × 60)} (fractions
     *       allowed, rounded half-up to a whole minute).</li>
     *   <li>{@link TimeLimitUnit#CALENDAR_DAY} N (whole days only): the start's local date plus N calendar
     *       days at the same local clock time; if that date is not a working day the period ends at closing
     *       time of the next working day (Civil Code 2015 art. 147–148 applied by analogy, docs/domain.md §3.3,
     *       [unconfirmed] as binding for administrative procedures).</li>
     *   <li>{@link TimeLimitUnit#SAME_DAY}: closing time of the start's day if it is a working day and the
     *       local clock time is at or before the same-day cut-off (15:00), else closing time of the next
     *       working day (Decree 63/2024/NĐ-CP art. 7 cl. 2; docs/domain.md §3.3).</li>
     * </ul>
     *
     * @param clockStart moment the clock started, not null
     * @param limit      the time limit; must not be null
     * @return the due moment
     * @throws IllegalArgumentException if {@code limit} is null (docs/cases.md C06(d): a procedure without a
     *                                  time limit must never default to the submission date; the caller
     *                                  must block intake instead), or if a {@code CALENDAR_DAY} value is
     *                                  fractional or a value does not fit in an {@code int} of days
     * @throws NullPointerException     if {@code clockStart} is null
     */
    public Instant dueAt(Instant clockStart, TimeLimit limit) {
        if (limit == null) {
            throw new IllegalArgumentException(
                    "no time limit configured: the appointment cannot be computed and must not default to "
                            + "the submission date; block intake until the procedure has a time limit (C06(d))");
        }
        Objects.requireNonNull(clockStart, "clockStart");
        BigDecimal value = limit.value() == null ? BigDecimal.ZERO : limit.value();
        switch (limit.unit()) {
            case WORKING_DAY: {
                BigDecimal whole = value.setScale(0, RoundingMode.DOWN);
                BigDecimal fraction = value.subtract(whole);
                Instant afterWholeDays = addWorkingDays(clockStart, toIntExact(whole, limit));
                long fractionMinutes = fraction.multiply(BigDecimal.valueOf(hours.workingMinutesPerDay()))
                        .setScale(0, RoundingMode.HALF_UP).longValueExact();
                return addWorkingMinutes(afterWholeDays, fractionMinutes);
            }
            case WORKING_HOUR: {
                long minutes = value.multiply(BigDecimal.valueOf(60))
                        .setScale(0, RoundingMode.HALF_UP).longValueExact();
                return addWorkingMinutes(clockStart, minutes);
            }
            case CALENDAR_DAY: {
                if (value.stripTrailingZeros().scale() > 0) {
                    throw new IllegalArgumentException("calendar-day limits must be whole days: " + limit);
                }
                ZonedDateTime local = VietnamTime.local(clockStart);
                LocalDate last = local.toLocalDate().plusDays(toIntExact(value, limit));
                if (isWorkingDay(last)) {
                    return at(last, local.toLocalTime());
                }
                return at(nextWorkingDay(last), hours.closing());
            }
            case SAME_DAY: {
                ZonedDateTime local = VietnamTime.local(clockStart);
                LocalDate date = local.toLocalDate();
                if (isWorkingDay(date) && !local.toLocalTime().isAfter(hours.sameDayCutOff())) {
                    return at(date, hours.closing());
                }
                return at(nextWorkingDay(date), hours.closing());
            }
            default:
                throw new IllegalArgumentException("unsupported time limit unit: " + limit.unit());
        }
    }

    /**
     * Adds whole working days: the {@code days}-th working day after the start's Vietnam local date, at the
     * same local clock time (docs/cases.md K2; e.g. Monday 10:00 + 2 = Wednesday 10:00). The start date itself
     * is not counted (Civil Code 2015 art. 147 by analogy, docs/domain.md §3.3). {@code days = 0} returns the
     * start unchanged. A start on a non-working day counts from that date (Sunday + 1 = Monday); pass
     * {@link #clockStart(Instant)} first to apply the out-of-hours rule.
     *
     * @param start moment to count from, not null
     * @param days  number of working days, {@code >= 0}
     * @return the resulting moment
     * @throws IllegalArgumentException if {@code days} is negative
     * @throws NullPointerException     if {@code start} is null
     */
    public Instant addWorkingDays(Instant start, int days) {
        Objects.requireNonNull(start, "start");
        if (days < 0) {
            throw new IllegalArgumentException("days must be zero or positive: " + days);
        }
        if (days == 0) {
            return start;
        }
        ZonedDateTime local = VietnamTime.local(start);
        LocalDate date = local.toLocalDate();
        for (int i = 0; i < days; i++) {
            date = nextWorkingDay(date);
        }
        return at(date, local.toLocalTime());
    }

    /**
     * Adds working minutes, walking forward only through the office-hour intervals of working days
     * (docs/domain.md §3.6, hour allotments). If the start is outside office hours (night, lunch break,
     * non-working day), counting begins at the next interval start. A result that exactly fills an
     * interval ends at that interval's end (e.g. 08:00 + 480 min = 17:00 the same day).
     *
     * @param start   moment to count from, not null
     * @param minutes working minutes, {@code >= 0}; 0 returns {@code start} unchanged
     * @return the resulting moment
     * @throws IllegalArgumentException if {@code minutes} is negative
     * @throws NullPointerException     if {@code start} is null
     */
    public Instant addWorkingMinutes(Instant start, long minutes) {
        Objects.requireNonNull(start, "start");
        if (minutes < 0) {
            throw new IllegalArgumentException("minutes must be zero or positive: " + minutes);
        }
        if (minutes == 0) {
            return start;
        }
        ZonedDateTime local = VietnamTime.local(start);
        LocalDate date = local.toLocalDate();
        LocalTime from = local.toLocalTime();
        Duration remaining = Duration.ofMinutes(minutes);
        while (true) {
            if (isWorkingDay(date)) {
                for (OfficeHours.Interval interval : hours.intervals()) {
                    if (!from.isBefore(interval.end())) {
                        continue;
                    }
                    LocalTime segmentStart = from.isAfter(interval.start()) ? from : interval.start();
                    Duration available = Duration.between(segmentStart, interval.end());
                    if (remaining.compareTo(available) <= 0) {
                        return at(date, segmentStart.plus(remaining));
                    }
                    remaining = remaining.minus(available);
                }
            }
            date = nextWorkingDay(date);
            from = LocalTime.MIDNIGHT;
        }
    }

    /**
     * Working minutes between two moments: the time inside office-hour intervals of working days that
     * lies between them (docs/domain.md §3.5; docs/cases.md C10). Sub-minute remainders are truncated. If
     * {@code to} is before {@code from}, the result is the negated count from {@code to} to {@code from}.
     *
     * @param from start moment, not null
     * @param to   end moment, not null
     * @return signed working minutes
     * @throws NullPointerException if an argument is null
     */
    public long workingMinutesBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            return -workingMinutesBetween(to, from);
        }
        LocalDate last = VietnamTime.local(to).toLocalDate();
        Duration total = Duration.ZERO;
        for (LocalDate d = VietnamTime.local(from).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
            if (!isWorkingDay(d)) {
                continue;
            }
            for (OfficeHours.Interval interval : hours.intervals()) {
                Instant a = max(at(d, interval.start()), from);
                Instant b = min(at(d, interval.end()), to);
                if (a.isBefore(b)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
        }
        return total.toMinutes();
    }

    /**
     * Number of working days in the half-open interval {@code (from, to]} of Vietnam local dates
     * (docs/cases.md C07; Civil Code 2015 art. 147 by analogy: the first day is not counted). If {@code to}
     * is before {@code from}, the negated count of {@code (to, from]}. Used for lateness: a dossier due
     * Friday 13 Feb 2026 and returned Tuesday 24 Feb 2026 is 2 working days late with the 2026 calendar.
     *
     * @param from first date (excluded), not null
     * @param to   last date (included), not null
     * @return signed number of working days
     * @throws NullPointerException if an argument is null
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Moves a due moment for a clock pause (supplement requested during appraisal, docs/domain.md §3.4): the
     * working time already used before the pause still counts, the paused time does not. This is
     * "pause-and-resume", the recommendation of docs/domain.md §12 item 3 (in line with the Decision 766
     * computation, which deducts the supplement time) as opposed to restarting the clock.
     *
     * <p>New due = {@code addWorkingMinutes(resumedAt, workingMinutesBetween(pausedAt, dueAt))} when
     * {@code pausedAt} is before {@code dueAt}; when the pause starts at or after the due moment (already
     * overdue), or contains no working time (paused and resumed on the same weekend evening), the due
     * moment is returned unchanged.
     *
     * @param dueAt     the current due moment, not null
     * @param pausedAt  when the clock was paused (supplement request), not null
     * @param resumedAt when the clock resumed (supplement received), not before {@code pausedAt}
     * @return the new due moment
     * @throws IllegalArgumentException if {@code resumedAt} is before {@code pausedAt}
     * @throws NullPointerException     if an argument is null
     */
    public Instant shiftForPause(Instant dueAt, Instant pausedAt, Instant resumedAt) {
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(pausedAt, "pausedAt");
        Objects.requireNonNull(resumedAt, "resumedAt");
        if (resumedAt.isBefore(pausedAt)) {
            throw new IllegalArgumentException("resumedAt " + resumedAt + " is before pausedAt " + pausedAt);
        }
        if (!pausedAt.isBefore(dueAt) || workingMinutesBetween(pausedAt, resumedAt) == 0) {
            return dueAt;
        }
        return addWorkingMinutes(resumedAt, workingMinutesBetween(pausedAt, dueAt));
    }

    /**
     * Remaining (or overdue) working time at {@code now} against {@code dueAt}, counted in working
     * minutes inside office hours and split into days of {@link OfficeHours#workingMinutesPerDay()}
     * (docs/cases.md C10; docs/domain.md §3.5). Overdue when {@code now} is after {@code dueAt}; exactly at the due
     * moment it is "0 minutes left".
     *
     * @param now   the moment of viewing, not null
     * @param dueAt the due moment, not null
     * @return the working duration
     * @throws NullPointerException if an argument is null
     */
    public WorkingDuration timeLeft(Instant now, Instant dueAt) {
        long minutes = workingMinutesBetween(now, dueAt);
        return new WorkingDuration(minutes, now.isAfter(dueAt), hours.workingMinutesPerDay());
    }

    /** Value equality on office hours and overrides. */
    @Override
    public boolean equals(Object o) {
        return o instanceof WorkingCalendar other && hours.equals(other.hours) && overrides.equals(other.overrides);
    }

    /** Hash consistent with {@link #equals(Object)}. */
    @Override
    public int hashCode() {
        return Objects.hash(hours, overrides);
    }

    /** Short description: office hours and number of overrides. */
    @Override
    public String toString() {
        return "WorkingCalendar[" + hours + ", " + overrides.size() + " overrides]";
    }

    private static Instant at(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, VietnamTime.ZONE).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static int toIntExact(BigDecimal whole, TimeLimit limit) {
        try {
            return whole.intValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("time limit too large: " + limit, e);
        }
    }
}
