package vn.gov.quangtri.motcua.calendar.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.quangtri.motcua.calendar.domain.Fixtures.calendar2026Csv;
import static vn.gov.quangtri.motcua.calendar.domain.Fixtures.d;
import static vn.gov.quangtri.motcua.calendar.domain.Fixtures.vn;
import static vn.gov.quangtri.motcua.calendar.domain.Fixtures.wd;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Edge rules of the working calendar (docs/domain.md §3.1–3.3, docs/cases.md K1–K4). March 2026 has no holiday,
 * so most tests use the plain Monday–Friday calendar; expected values are worked out by hand.
 */
class WorkingCalendarRulesTest {

    private final WorkingCalendar plain = WorkingCalendar.weekendsOnly();

    @Test
    @DisplayName("K3 clock start: before opening -> 08:00 same day; lunch and 16:59 unchanged; 17:00 -> next day 08:00")
    void clockStartOnWorkingDay() {
        // Mon 2 Mar 2026 07:15 -> opening 08:00 the same day.
        assertEquals(vn(2026, 3, 2, 8, 0), plain.clockStart(vn(2026, 3, 2, 7, 15)));
        // 12:30 (lunch break) counts as inside office hours -> unchanged.
        assertEquals(vn(2026, 3, 2, 12, 30), plain.clockStart(vn(2026, 3, 2, 12, 30)));
        assertEquals(vn(2026, 3, 2, 16, 59), plain.clockStart(vn(2026, 3, 2, 16, 59)));
        // Closing is exclusive: 17:00 -> Tue 3 Mar 08:00.
        assertEquals(vn(2026, 3, 3, 8, 0), plain.clockStart(vn(2026, 3, 2, 17, 0)));
        // Fri 6 Mar 23:59 -> Mon 9 Mar 08:00.
        assertEquals(vn(2026, 3, 9, 8, 0), plain.clockStart(vn(2026, 3, 6, 23, 59)));
    }

    @Test
    @DisplayName("K3 clock start on a holiday (2026 csv): Thu 30 Apr 10:00 -> Mon 4 May 08:00")
    void clockStartOnHoliday() {
        // Thu 30 Apr, Fri 1 May holidays; Sat 2, Sun 3 weekend -> Mon 4 May 08:00.
        assertEquals(vn(2026, 5, 4, 8, 0), calendar2026Csv().clockStart(vn(2026, 4, 30, 10, 0)));
    }

    @Test
    @DisplayName("K1 working days: override false/true beats the Mon-Fri rule; nextWorkingDay is strictly after")
    void isWorkingDayAndNext() {
        WorkingCalendar cal = calendar2026Csv();
        assertTrue(cal.isWorkingDay(d(2026, 2, 13)));   // Friday
        assertFalse(cal.isWorkingDay(d(2026, 2, 14)));  // Saturday
        assertFalse(cal.isWorkingDay(d(2026, 2, 17)));  // Tuesday, Tết
        assertEquals(d(2026, 2, 23), cal.nextWorkingDay(d(2026, 2, 13)));
        assertEquals(d(2026, 3, 3), cal.nextWorkingDay(d(2026, 3, 2)));
    }

    @Test
    @DisplayName("K2 working days: 0 WD returns the start; 1 WD from Sunday 10:00 (not normalised) = Monday 10:00")
    void addWorkingDaysEdges() {
        Instant start = vn(2026, 3, 2, 10, 0);
        assertEquals(start, plain.addWorkingDays(start, 0));
        assertEquals(start, plain.dueAt(start, wd(0)));
        // Sun 8 Mar: the next working day after the date is Mon 9 Mar (callers normally pass clockStart()).
        assertEquals(vn(2026, 3, 9, 10, 0), plain.addWorkingDays(vn(2026, 3, 8, 10, 0), 1));
        assertThrows(IllegalArgumentException.class, () -> plain.addWorkingDays(start, -1));
    }

    @Test
    @DisplayName("§3.6 working minutes: walk through intervals only, skip lunch, nights and weekends")
    void addWorkingMinutes() {
        // Mon 2 Mar 11:00 + 120: 11-12 = 60, lunch skipped, 13-14 = 60 -> 14:00.
        assertEquals(vn(2026, 3, 2, 14, 0), plain.addWorkingMinutes(vn(2026, 3, 2, 11, 0), 120));
        // Start in the lunch break 12:30 + 30 -> counting starts 13:00 -> 13:30.
        assertEquals(vn(2026, 3, 2, 13, 30), plain.addWorkingMinutes(vn(2026, 3, 2, 12, 30), 30));
        // Fri 6 Mar 17:30 + 60 -> Mon 9 Mar 08:00 + 60 = 09:00.
        assertEquals(vn(2026, 3, 9, 9, 0), plain.addWorkingMinutes(vn(2026, 3, 6, 17, 30), 60));
        // 08:00 + 480 fills the day exactly -> 17:00 the same day, not 08:00 next day.
        assertEquals(vn(2026, 3, 2, 17, 0), plain.addWorkingMinutes(vn(2026, 3, 2, 8, 0), 480));
        // 0 minutes -> unchanged even outside office hours (Saturday 10:00).
        assertEquals(vn(2026, 3, 7, 10, 0), plain.addWorkingMinutes(vn(2026, 3, 7, 10, 0), 0));
        assertThrows(IllegalArgumentException.class, () -> plain.addWorkingMinutes(vn(2026, 3, 2, 8, 0), -1));
    }

    @Test
    @DisplayName("§3.1 fractional working days: 0.5 WD = 240 working minutes added after the whole days")
    void fractionalWorkingDays() {
        Instant mon10 = vn(2026, 3, 2, 10, 0);
        // 0.5 x 480 = 240: 10-12 = 120, 13-15 = 120 -> Mon 15:00.
        assertEquals(vn(2026, 3, 2, 15, 0), plain.dueAt(mon10, new TimeLimit(new BigDecimal("0.5"), TimeLimitUnit.WORKING_DAY)));
        // 1.5: Tue 3 Mar 10:00, then + 240 -> Tue 15:00.
        assertEquals(vn(2026, 3, 3, 15, 0), plain.dueAt(mon10, new TimeLimit(new BigDecimal("1.5"), TimeLimitUnit.WORKING_DAY)));
        // 0.5 from Mon 15:00: 15-17 = 120, Tue 08-10 = 120 -> Tue 10:00.
        assertEquals(vn(2026, 3, 3, 10, 0),
                plain.dueAt(vn(2026, 3, 2, 15, 0), new TimeLimit(new BigDecimal("0.5"), TimeLimitUnit.WORKING_DAY)));
    }

    @Test
    @DisplayName("§3.1 working hours: 1.5 h from Mon 11:30 = 14:00 (11:30-12 + 13-14)")
    void fractionalWorkingHours() {
        assertEquals(vn(2026, 3, 2, 14, 0),
                plain.dueAt(vn(2026, 3, 2, 11, 30), new TimeLimit(new BigDecimal("1.5"), TimeLimitUnit.WORKING_HOUR)));
    }

    @Test
    @DisplayName("§3.3 calendar days: Mon 2 Mar 10:00 + 5 ends on Sat 7 Mar -> Mon 9 Mar 17:00; fractional calendar days rejected")
    void calendarDays() {
        // 2 + 5 = Sat 7 Mar (rest day) -> end of the next working day, Mon 9 Mar 17:00.
        assertEquals(vn(2026, 3, 9, 17, 0), plain.dueAt(vn(2026, 3, 2, 10, 0), TimeLimit.calendarDays(5)));
        // 2 + 3 = Thu 5 Mar (working) -> same clock time.
        assertEquals(vn(2026, 3, 5, 10, 0), plain.dueAt(vn(2026, 3, 2, 10, 0), TimeLimit.calendarDays(3)));
        assertThrows(IllegalArgumentException.class, () -> plain.dueAt(vn(2026, 3, 2, 10, 0),
                new TimeLimit(new BigDecimal("1.5"), TimeLimitUnit.CALENDAR_DAY)));
    }

    @Test
    @DisplayName("C10 working minutes between: signed, zero over lunch and over a weekend night")
    void workingMinutesBetween() {
        // Mon 08:00 -> Tue 08:00 = one full day = 480.
        assertEquals(480, plain.workingMinutesBetween(vn(2026, 3, 2, 8, 0), vn(2026, 3, 3, 8, 0)));
        assertEquals(-480, plain.workingMinutesBetween(vn(2026, 3, 3, 8, 0), vn(2026, 3, 2, 8, 0)));
        assertEquals(0, plain.workingMinutesBetween(vn(2026, 3, 2, 12, 10), vn(2026, 3, 2, 12, 50)));
        assertEquals(0, plain.workingMinutesBetween(vn(2026, 3, 6, 17, 0), vn(2026, 3, 9, 8, 0)));
        // Same instant -> 0.
        assertEquals(0, plain.workingMinutesBetween(vn(2026, 3, 2, 9, 0), vn(2026, 3, 2, 9, 0)));
    }

    @Test
    @DisplayName("C10 timeLeft: exactly at due = 0 min left; due Fri 17:00 viewed Saturday = overdue by 0 working minutes")
    void timeLeftEdges() {
        Instant due = vn(2026, 3, 6, 17, 0);
        WorkingDuration atDue = plain.timeLeft(due, due);
        assertFalse(atDue.overdue());
        assertEquals("Còn 0 phút", atDue.toVietnamese());
        WorkingDuration saturday = plain.timeLeft(vn(2026, 3, 7, 10, 0), due);
        assertTrue(saturday.overdue());
        assertEquals(0, saturday.totalMinutes());
        assertEquals("Đã quá hạn", saturday.toVietnamese());
        // Mon 2 Mar 10:00 to Wed 4 Mar 10:00 = 2 x 480 = 960 min = 2 days.
        assertEquals("Còn 2 ngày", plain.timeLeft(vn(2026, 3, 2, 10, 0), vn(2026, 3, 4, 10, 0)).toVietnamese());
    }

    @Test
    @DisplayName("K4 custom office hours 07:30-11:30, 13:30-17:30: clock start and minutes follow the configured hours")
    void customOfficeHours() {
        OfficeHours hours = new OfficeHours(List.of(
                new OfficeHours.Interval(LocalTime.of(7, 30), LocalTime.of(11, 30)),
                new OfficeHours.Interval(LocalTime.of(13, 30), LocalTime.of(17, 30))), LocalTime.of(15, 0));
        WorkingCalendar cal = new WorkingCalendar(hours, Map.of());
        // 07:00 -> opening 07:30.
        assertEquals(vn(2026, 3, 2, 7, 30), cal.clockStart(vn(2026, 3, 2, 7, 0)));
        // 11:00 + 60: 11:00-11:30 = 30, 13:30-14:00 = 30 -> 14:00.
        assertEquals(vn(2026, 3, 2, 14, 0), cal.addWorkingMinutes(vn(2026, 3, 2, 11, 0), 60));
        // SAME_DAY at 15:30 -> closing 17:30 of Tue 3 Mar.
        assertEquals(vn(2026, 3, 3, 17, 30), cal.dueAt(vn(2026, 3, 2, 15, 30), TimeLimit.sameDay()));
    }

    @Test
    @DisplayName("K1 overrides: copied defensively; null keys/values rejected")
    void overridesAreCopied() {
        Map<LocalDate, Boolean> rows = new HashMap<>();
        rows.put(d(2026, 3, 3), Boolean.FALSE);
        WorkingCalendar cal = new WorkingCalendar(OfficeHours.standard(), rows);
        rows.put(d(2026, 3, 4), Boolean.FALSE);
        assertFalse(cal.isWorkingDay(d(2026, 3, 3)));
        assertTrue(cal.isWorkingDay(d(2026, 3, 4)));
        Map<LocalDate, Boolean> withNull = new HashMap<>();
        withNull.put(d(2026, 3, 3), null);
        assertThrows(NullPointerException.class, () -> new WorkingCalendar(OfficeHours.standard(), withNull));
    }
}
