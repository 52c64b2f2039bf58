package vn.gov.quangtri.motcua.calendar.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.quangtri.motcua.calendar.domain.Fixtures.calendar2026Csv;
import static vn.gov.quangtri.motcua.calendar.domain.Fixtures.d;
import static vn.gov.quangtri.motcua.calendar.domain.Fixtures.rows;
import static vn.gov.quangtri.motcua.calendar.domain.Fixtures.vn;
import static vn.gov.quangtri.motcua.calendar.domain.Fixtures.wd;

import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * The calendar cases of docs/cases.md. Every expected value was worked out by hand from the case text and
 * the rules (docs/domain.md §3); the reasoning is in the comment next to it. Each test loads only the
 * calendar rows the case states.
 */
class WorkingCalendarCasesTest {

    // ------------------------------------------------------------------ C03

    @Test
    @DisplayName("C03: 2024 swap (29 Apr off, Sat 4 May working): Fri 26 Apr 10:00 + 3 WD = Sat 4 May 10:00")
    void c03WithSwap() {
        WorkingCalendar cal = rows()
                .off(d(2024, 4, 29))                 // swapped day off
                .off(d(2024, 4, 30), d(2024, 5, 1))  // Victory Day, Labour Day
                .working(d(2024, 5, 4))              // make-up working Saturday
                .build();
        // Sat 27, Sun 28 weekend; Mon 29 off; Tue 30, Wed 1 holidays; Thu 2 = 1; Fri 3 = 2; Sat 4 (working) = 3.
        assertEquals(vn(2024, 5, 4, 10, 0), cal.dueAt(vn(2024, 4, 26, 10, 0), wd(3)));
    }

    @Test
    @DisplayName("C03: without the swap rows (only 30 Apr, 1 May off) = Fri 3 May 2024 10:00")
    void c03WithoutSwap() {
        WorkingCalendar cal = rows().off(d(2024, 4, 30), d(2024, 5, 1)).build();
        // Mon 29 = 1; Tue 30, Wed 1 holidays; Thu 2 = 2; Fri 3 = 3.
        assertEquals(vn(2024, 5, 3, 10, 0), cal.dueAt(vn(2024, 4, 26, 10, 0), wd(3)));
    }

    @Test
    @DisplayName("C03: weekends only (no holiday rows) = Wed 1 May 2024 10:00, a holiday: the wrong answer the case warns of")
    void c03WeekendsOnly() {
        // Mon 29 = 1; Tue 30 = 2; Wed 1 = 3.
        assertEquals(vn(2024, 5, 1, 10, 0), WorkingCalendar.weekendsOnly().dueAt(vn(2024, 4, 26, 10, 0), wd(3)));
    }

    // ------------------------------------------------------------------ C04

    @Test
    @DisplayName("C04: Hùng Kings' day Sun 26 Apr 2026 + compensatory Mon 27: Fri 24 Apr 10:00 + 3 WD = Mon 4 May 10:00")
    void c04WithCompensatoryDay() {
        WorkingCalendar cal = rows()
                .off(d(2026, 4, 26), d(2026, 4, 27), d(2026, 4, 30), d(2026, 5, 1))
                .build();
        // Sat 25, Sun 26 off; Mon 27 compensatory; Tue 28 = 1; Wed 29 = 2; Thu 30, Fri 1 holidays;
        // Sat 2, Sun 3 weekend; Mon 4 = 3.
        assertEquals(vn(2026, 5, 4, 10, 0), cal.dueAt(vn(2026, 4, 24, 10, 0), wd(3)));
    }

    @Test
    @DisplayName("C04: without the compensatory row = Wed 29 Apr 2026 10:00")
    void c04WithoutCompensatoryDay() {
        WorkingCalendar cal = rows().off(d(2026, 4, 26), d(2026, 4, 30), d(2026, 5, 1)).build();
        // Mon 27 = 1; Tue 28 = 2; Wed 29 = 3.
        assertEquals(vn(2026, 4, 29, 10, 0), cal.dueAt(vn(2026, 4, 24, 10, 0), wd(3)));
    }

    // ------------------------------------------------------------------ Tết 2026 (holidays.csv rows)

    @Test
    @DisplayName("Tết 2026 (holidays.csv): Thu 12 Feb 09:30 + 3 WD = Tue 24 Feb 09:30")
    void tet2026WorkingDays() {
        WorkingCalendar cal = calendar2026Csv();
        // Fri 13 = 1; Sat 14 - Sun 22 off (weekends + Tết 16-20); Mon 23 = 2; Tue 24 = 3.
        assertEquals(vn(2026, 2, 24, 9, 30), cal.dueAt(vn(2026, 2, 12, 9, 30), wd(3)));
    }

    @Test
    @DisplayName("Tết 2026 (holidays.csv): Fri 13 Feb 15:00 + 4 working hours = Mon 23 Feb 10:00")
    void tet2026WorkingHoursShort() {
        WorkingCalendar cal = calendar2026Csv();
        // Fri 15:00-17:00 = 2 h; next working day Mon 23 Feb 08:00-10:00 = 2 h.
        assertEquals(vn(2026, 2, 23, 10, 0), cal.dueAt(vn(2026, 2, 13, 15, 0), TimeLimit.workingHours(4)));
    }

    @Test
    @DisplayName("Tết 2026 (holidays.csv): Thu 12 Feb 09:30 + 16 working hours = Mon 23 Feb 09:30")
    void tet2026WorkingHoursAcrossBreak() {
        WorkingCalendar cal = calendar2026Csv();
        // Thu 09:30-12:00 = 2.5 h, 13:00-17:00 = 4 h (6.5 h); Fri 13 = 8 h (14.5 h);
        // 14-22 Feb off; Mon 23 08:00 + 1.5 h = 09:30 (16 h).
        assertEquals(vn(2026, 2, 23, 9, 30), cal.dueAt(vn(2026, 2, 12, 9, 30), TimeLimit.workingHours(16)));
    }

    @Test
    @DisplayName("Tết 2026 (holidays.csv): Mon 9 Feb 10:00 + 10 calendar days ends on Tết Thu 19 Feb -> Mon 23 Feb 17:00")
    void tet2026CalendarDaysEndingOnTet() {
        WorkingCalendar cal = calendar2026Csv();
        // 9 + 10 = Thu 19 Feb, a Tết day; Civil Code art. 148 by analogy: end of the next working day,
        // Fri 20 (Tết), Sat 21, Sun 22 off -> Mon 23 Feb at closing 17:00.
        assertEquals(vn(2026, 2, 23, 17, 0), cal.dueAt(vn(2026, 2, 9, 10, 0), TimeLimit.calendarDays(10)));
    }

    @Test
    @DisplayName("Tết 2026 (holidays.csv): Mon 9 Feb 10:00 + 15 calendar days = Tue 24 Feb 10:00 (a working day, same clock time)")
    void tet2026CalendarDaysEndingOnWorkingDay() {
        WorkingCalendar cal = calendar2026Csv();
        // 9 + 15 = Tue 24 Feb, a working day -> same clock time 10:00; the Tết days inside are counted.
        assertEquals(vn(2026, 2, 24, 10, 0), cal.dueAt(vn(2026, 2, 9, 10, 0), TimeLimit.calendarDays(15)));
    }

    // ------------------------------------------------------------------ make-up working Saturday (docs/cases.md 2026 table)

    private static WorkingCalendar calendar2026CasesNationalDay() {
        // docs/cases.md 2026 table, National Day part: Sat 22 Aug make-up working day (swapped with Mon 31 Aug),
        // Mon 31 Aug day off, Tue 1 and Wed 2 Sep National Day.
        return rows()
                .working(d(2026, 8, 22))
                .off(d(2026, 8, 31), d(2026, 9, 1), d(2026, 9, 2))
                .build();
    }

    @Test
    @DisplayName("Make-up Saturday (cases.md 2026 table): Fri 21 Aug 10:00 + 1 WD = Sat 22 Aug 10:00")
    void makeUpSaturdayCounts() {
        // Sat 22 Aug is a make-up working day = 1.
        assertEquals(vn(2026, 8, 22, 10, 0), calendar2026CasesNationalDay().dueAt(vn(2026, 8, 21, 10, 0), wd(1)));
    }

    @Test
    @DisplayName("Make-up Saturday (cases.md 2026 table): Fri 28 Aug 14:00 + 2 WD = Fri 4 Sep 14:00")
    void nationalDay2026Swap() {
        // Sat 29, Sun 30 weekend; Mon 31 swapped off; Tue 1, Wed 2 National Day; Thu 3 = 1; Fri 4 = 2.
        assertEquals(vn(2026, 9, 4, 14, 0), calendar2026CasesNationalDay().dueAt(vn(2026, 8, 28, 14, 0), wd(2)));
    }

    @Test
    @DisplayName("Make-up Saturday (cases.md 2026 table): Sat 22 Aug is a working day, Mon 31 Aug is not; clock starts as received")
    void makeUpSaturdayIsWorkingDay() {
        WorkingCalendar cal = calendar2026CasesNationalDay();
        assertTrue(cal.isWorkingDay(d(2026, 8, 22)));
        assertFalse(cal.isWorkingDay(d(2026, 8, 29))); // an ordinary Saturday
        assertFalse(cal.isWorkingDay(d(2026, 8, 31)));
        // Received Sat 22 Aug 09:00 at the desk: a working day within office hours -> unchanged.
        assertEquals(vn(2026, 8, 22, 9, 0), cal.clockStart(vn(2026, 8, 22, 9, 0)));
        // Fri 21 -> next working day is Sat 22; Sat 29 -> Sun 30, Mon 31, Tue 1, Wed 2 off -> Thu 3 Sep.
        assertEquals(d(2026, 8, 22), cal.nextWorkingDay(d(2026, 8, 21)));
        assertEquals(d(2026, 9, 3), cal.nextWorkingDay(d(2026, 8, 29)));
    }

    // ------------------------------------------------------------------ C06

    @Test
    @DisplayName("C06(a): desk receipt Mon 2 Mar 2026 10:00 + 2 WD = Wed 4 Mar 2026 10:00 (receipt time, not action time)")
    void c06a() {
        WorkingCalendar cal = calendar2026Csv();
        Instant received = vn(2026, 3, 2, 10, 0);
        // Mon 10:00 is inside office hours -> clock starts at receipt.
        Instant start = cal.clockStart(received);
        assertEquals(received, start);
        // Tue 3 = 1, Wed 4 = 2, same clock time.
        assertEquals(vn(2026, 3, 4, 10, 0), cal.dueAt(start, wd(2)));
    }

    @Test
    @DisplayName("C06(b): online Fri 13 Feb 2026 17:30 -> clock Mon 23 Feb 08:00 (K3) -> + 3 WD = Thu 26 Feb 08:00")
    void c06b() {
        WorkingCalendar cal = calendar2026Csv();
        // 17:30 is after closing; Sat 14 - Sun 22 off -> Mon 23 Feb at opening 08:00.
        Instant start = cal.clockStart(vn(2026, 2, 13, 17, 30));
        assertEquals(vn(2026, 2, 23, 8, 0), start);
        // Tue 24 = 1, Wed 25 = 2, Thu 26 = 3.
        assertEquals(vn(2026, 2, 26, 8, 0), cal.dueAt(start, wd(3)));
    }

    @Test
    @DisplayName("C06(c): online Sun 8 Mar 2026 10:00 -> clock Mon 9 Mar 08:00 -> + 1 WD = Tue 10 Mar 08:00")
    void c06c() {
        WorkingCalendar cal = calendar2026Csv();
        // Sunday is not a working day -> opening of Mon 9 Mar.
        Instant start = cal.clockStart(vn(2026, 3, 8, 10, 0));
        assertEquals(vn(2026, 3, 9, 8, 0), start);
        // Counting from Mon 9 Mar 08:00: Tue 10 = 1, at the 08:00 clock time of the deemed receipt.
        assertEquals(vn(2026, 3, 10, 8, 0), cal.dueAt(start, wd(1)));
    }

    @Test
    @DisplayName("C06(d): no time limit configured -> IllegalArgumentException, never the submission date")
    void c06d() {
        WorkingCalendar cal = calendar2026Csv();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> cal.dueAt(vn(2026, 3, 2, 10, 0), null));
        assertTrue(e.getMessage().contains("C06(d)"));
    }

    // ------------------------------------------------------------------ C07

    @Test
    @DisplayName("C07: working days in (Fri 13 Feb, Mon 23 Feb 2026] = 1")
    void c07FridayToMonday() {
        // 14-15 weekend, 16-20 Tết, 21-22 weekend, Mon 23 working -> 1.
        assertEquals(1, calendar2026Csv().workingDaysBetween(d(2026, 2, 13), d(2026, 2, 23)));
    }

    @Test
    @DisplayName("C07: working days in (Sat 14 Feb, Mon 23 Feb 2026] = 1")
    void c07SaturdayToMonday() {
        // Same as above minus Sat 14, which is not working -> 1.
        assertEquals(1, calendar2026Csv().workingDaysBetween(d(2026, 2, 14), d(2026, 2, 23)));
    }

    @Test
    @DisplayName("C07: working days in (Fri 13 Feb, Sun 22 Feb 2026] = 0")
    void c07FridayToSunday() {
        // 14-22 all off -> 0.
        assertEquals(0, calendar2026Csv().workingDaysBetween(d(2026, 2, 13), d(2026, 2, 22)));
    }

    @Test
    @DisplayName("C07: due Fri 13 Feb 2026, returned Tue 24 Feb 2026 = 2 working days late (Mon 23, Tue 24), not 11 calendar days")
    void c07LateDossier() {
        WorkingCalendar cal = calendar2026Csv();
        assertEquals(2, cal.workingDaysBetween(d(2026, 2, 13), d(2026, 2, 24)));
        // Reversed interval is the negated count of (13 Feb, 24 Feb].
        assertEquals(-2, cal.workingDaysBetween(d(2026, 2, 24), d(2026, 2, 13)));
    }

    @Test
    @DisplayName("C07: holiday rows stored as 2026-02-16 00:00:00+07 timestamps give the same counts as plain dates")
    void c07HolidaysAsTimestamps() {
        List<String> stamps = List.of("2026-02-16T00:00:00+07:00", "2026-02-17T00:00:00+07:00",
                "2026-02-18T00:00:00+07:00", "2026-02-19T00:00:00+07:00", "2026-02-20T00:00:00+07:00");
        Fixtures.Rows fromStamps = rows();
        for (String s : stamps) {
            fromStamps.off(OffsetDateTime.parse(s).atZoneSameInstant(VietnamTime.ZONE).toLocalDate());
        }
        WorkingCalendar viaStamps = fromStamps.build();
        WorkingCalendar viaDates = rows().offRange(d(2026, 2, 16), d(2026, 2, 20)).build();
        assertEquals(viaDates.dayOverrides(), viaStamps.dayOverrides());
        // Same hand-computed values as the plain-date tests: 1, 1, 0, 2.
        assertEquals(1, viaStamps.workingDaysBetween(d(2026, 2, 13), d(2026, 2, 23)));
        assertEquals(1, viaStamps.workingDaysBetween(d(2026, 2, 14), d(2026, 2, 23)));
        assertEquals(0, viaStamps.workingDaysBetween(d(2026, 2, 13), d(2026, 2, 22)));
        assertEquals(2, viaStamps.workingDaysBetween(d(2026, 2, 13), d(2026, 2, 24)));
        // The pitfall the case reports: taking the date in UTC moves every holiday one day back (15 Feb).
        assertEquals(d(2026, 2, 15), OffsetDateTime.parse(stamps.get(0)).atZoneSameInstant(ZoneOffset.UTC).toLocalDate());
    }

    // ------------------------------------------------------------------ C09

    @Test
    @DisplayName("C09: 1-WD supplement window requested Fri 13 Feb 2026 16:00 expires Mon 23 Feb 16:00, not minutes later")
    void c09SupplementWindow() {
        WorkingCalendar cal = calendar2026Csv();
        Instant requested = vn(2026, 2, 13, 16, 0);
        Instant expires = cal.dueAt(requested, wd(1));
        // Next working day after Fri 13 is Mon 23 (Tết break), same clock time 16:00.
        assertEquals(vn(2026, 2, 23, 16, 0), expires);
        // First scheduler run one minute after the request (16:01, and the 5-minute run at 16:05): not expired.
        // 16:05: Fri 16:05-17:00 = 55 min + Mon 08:00-12:00 = 240 + 13:00-16:00 = 180 -> 475 min = 7 h 55 min.
        WorkingDuration firstRun = cal.timeLeft(vn(2026, 2, 13, 16, 5), expires);
        assertFalse(firstRun.overdue());
        assertEquals(475, firstRun.totalMinutes());
        assertEquals("Còn 7 giờ 55 phút", firstRun.toVietnamese());
        // Mon 23 Feb 15:59: 1 minute left; 16:01: overdue by 1 minute (exactly one transition after expiry).
        assertEquals(1, cal.timeLeft(vn(2026, 2, 23, 15, 59), expires).totalMinutes());
        assertFalse(cal.timeLeft(vn(2026, 2, 23, 16, 0), expires).overdue());
        WorkingDuration after = cal.timeLeft(vn(2026, 2, 23, 16, 1), expires);
        assertTrue(after.overdue());
        assertEquals(-1, after.totalMinutes());
    }

    @Test
    @DisplayName("C09: three supplement rounds, each window measured from its own request, none overdue")
    void c09ThreeRounds() {
        WorkingCalendar cal = calendar2026Csv();
        // Round 1: requested Mon 2 Mar 09:00 -> window ends Tue 3 Mar 09:00; answered Tue 08:30 (30 min left).
        // Round 2: requested Wed 4 Mar 14:00 -> Thu 5 Mar 14:00; answered Thu 11:00 (11-12 + 13-14 = 120 min left).
        // Round 3: requested Fri 6 Mar 16:00 -> Mon 9 Mar 16:00; answered Mon 10:00 (10-12 + 13-16 = 300 min left).
        Instant[] requested = {vn(2026, 3, 2, 9, 0), vn(2026, 3, 4, 14, 0), vn(2026, 3, 6, 16, 0)};
        Instant[] expectedExpiry = {vn(2026, 3, 3, 9, 0), vn(2026, 3, 5, 14, 0), vn(2026, 3, 9, 16, 0)};
        Instant[] answered = {vn(2026, 3, 3, 8, 30), vn(2026, 3, 5, 11, 0), vn(2026, 3, 9, 10, 0)};
        long[] expectedLeft = {30, 120, 300};
        for (int i = 0; i < 3; i++) {
            Instant expiry = cal.dueAt(requested[i], wd(1));
            assertEquals(expectedExpiry[i], expiry, "round " + (i + 1));
            WorkingDuration left = cal.timeLeft(answered[i], expiry);
            assertFalse(left.overdue(), "round " + (i + 1));
            assertEquals(expectedLeft[i], left.totalMinutes(), "round " + (i + 1));
        }
        // The OpenCPS bug: measuring round 3 against round 1's window (Tue 3 Mar 09:00) would flag it overdue.
        assertTrue(cal.timeLeft(answered[2], expectedExpiry[0]).overdue());
    }

    // ------------------------------------------------------------------ C10

    @Test
    @DisplayName("C10: due Mon 16 Mar 2026 09:00, viewed Fri 13 Mar 15:00 -> 3 working hours left (\"Còn 3 giờ\")")
    void c10Remaining() {
        WorkingCalendar cal = new WorkingCalendar(OfficeHours.standard(), Map.of()); // K4 hours, no holidays in March
        WorkingDuration left = cal.timeLeft(vn(2026, 3, 13, 15, 0), vn(2026, 3, 16, 9, 0));
        // Fri 15:00-17:00 = 2 h + Mon 08:00-09:00 = 1 h = 3 h = 180 min.
        assertFalse(left.overdue());
        assertEquals(180, left.totalMinutes());
        assertEquals(0, left.days());
        assertEquals(3, left.hours());
        assertEquals(0, left.minutes());
        assertEquals("Còn 3 giờ", left.toVietnamese());
        assertEquals("3 hours left", left.toEnglish());
    }

    @Test
    @DisplayName("C10: due Mon 16 Mar 2026 09:00, viewed Tue 17 Mar 14:30 -> overdue 1 day 4 hours 30 minutes")
    void c10Overdue() {
        WorkingCalendar cal = new WorkingCalendar(OfficeHours.standard(), Map.of());
        WorkingDuration late = cal.timeLeft(vn(2026, 3, 17, 14, 30), vn(2026, 3, 16, 9, 0));
        // Mon 09-12 (3 h) + 13-17 (4 h) + Tue 08-12 (4 h) + 13-14:30 (1.5 h) = 12.5 h = 750 min = 1 day (8 h) 4 h 30 min.
        assertTrue(late.overdue());
        assertEquals(-750, late.totalMinutes());
        assertEquals(1, late.days());
        assertEquals(4, late.hours());
        assertEquals(30, late.minutes());
        assertEquals("Quá hạn 1 ngày 4 giờ 30 phút", late.toVietnamese());
        assertEquals("overdue 1 day 4 hours 30 minutes", late.toEnglish());
    }

    // ------------------------------------------------------------------ C13

    @Test
    @DisplayName("C13: JVM default zone Europe/Amsterdam (DST 29 Mar / 25 Oct 2026) does not move deadlines")
    void c13DstHost() {
        TimeZone saved = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Europe/Amsterdam"));
            WorkingCalendar cal = calendar2026Csv();
            // Fri 27 Mar 09:00 + 2 WD: Sat 28, Sun 29 (DST starts in Amsterdam) weekend; Mon 30 = 1; Tue 31 = 2.
            Instant due1 = cal.dueAt(vn(2026, 3, 27, 9, 0), wd(2));
            assertEquals(vn(2026, 3, 31, 9, 0), due1);
            assertEquals(Instant.parse("2026-03-31T02:00:00Z"), due1); // 09:00 at UTC+7
            // Fri 23 Oct 09:00 + 1 WD: Sat 24, Sun 25 (DST ends in Amsterdam) weekend; Mon 26 = 1.
            Instant due2 = cal.dueAt(vn(2026, 10, 23, 9, 0), wd(1));
            assertEquals(vn(2026, 10, 26, 9, 0), due2);
            assertEquals(Instant.parse("2026-10-26T02:00:00Z"), due2);
            assertEquals(LocalTime.of(9, 0), ZonedDateTime.ofInstant(due2, VietnamTime.ZONE).toLocalTime());
            // Working minutes across the DST weekend: Fri 09-12 + 13-17 = 7 h, Mon 08-09 = 1 h -> 480 min.
            assertEquals(480, cal.workingMinutesBetween(vn(2026, 10, 23, 9, 0), due2));
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    // ------------------------------------------------------------------ SAME_DAY (Decree 63/2024 art. 7 cl. 2)

    @Test
    @DisplayName("SAME_DAY (domain.md §3.3, Decree 63/2024 art. 7 cl. 2): 14:59 -> 17:00 same day; 15:00 -> same day; 15:01 -> next working day 17:00")
    void sameDayCutOff() {
        WorkingCalendar cal = calendar2026Csv();
        TimeLimit sameDay = TimeLimit.sameDay();
        // Wed 4 Mar 2026 is a working day; at or before 15:00 -> Wed 17:00.
        assertEquals(vn(2026, 3, 4, 17, 0), cal.dueAt(vn(2026, 3, 4, 14, 59), sameDay));
        assertEquals(vn(2026, 3, 4, 17, 0), cal.dueAt(vn(2026, 3, 4, 15, 0), sameDay));
        // After the cut-off -> closing of Thu 5 Mar.
        assertEquals(vn(2026, 3, 5, 17, 0), cal.dueAt(vn(2026, 3, 4, 15, 1), sameDay));
    }

    @Test
    @DisplayName("SAME_DAY: Fri 13 Feb 2026 15:30 before the Tết break -> Mon 23 Feb 17:00")
    void sameDayBeforeTet() {
        // After 15:00 on Fri 13; 14-22 Feb off -> closing of Mon 23 Feb.
        assertEquals(vn(2026, 2, 23, 17, 0), calendar2026Csv().dueAt(vn(2026, 2, 13, 15, 30), TimeLimit.sameDay()));
    }

    @Test
    @DisplayName("SAME_DAY: received on Saturday 7 Mar 2026 09:00 -> Mon 9 Mar 17:00")
    void sameDayOnWeekend() {
        // Saturday is not a working day -> closing of the next working day, Mon 9 Mar.
        assertEquals(vn(2026, 3, 9, 17, 0), calendar2026Csv().dueAt(vn(2026, 3, 7, 9, 0), TimeLimit.sameDay()));
    }

    // ------------------------------------------------------------------ pause (docs/domain.md §3.4, §12 item 3)

    @Test
    @DisplayName("Supplement pause (domain.md §3.4): due Wed 4 Mar 10:00, paused Mon 2 Mar 10:00, resumed Thu 5 Mar 10:00 -> Mon 9 Mar 10:00")
    void pauseAndResume() {
        WorkingCalendar cal = calendar2026Csv();
        Instant due = vn(2026, 3, 4, 10, 0);
        Instant paused = vn(2026, 3, 2, 10, 0);
        // Left at the pause: Mon 10-12 (2 h) + 13-17 (4 h) + Tue 8 h + Wed 08-10 (2 h) = 16 h = 960 min.
        assertEquals(960, cal.workingMinutesBetween(paused, due));
        // From Thu 5 Mar 10:00: Thu 10-12, 13-17 = 6 h; Fri 6 = 8 h (14 h); Mon 9 08-10 = 2 h (16 h).
        assertEquals(vn(2026, 3, 9, 10, 0), cal.shiftForPause(due, paused, vn(2026, 3, 5, 10, 0)));
    }

    @Test
    @DisplayName("Supplement pause across Tết 2026: due Wed 25 Feb 10:00, paused Thu 12 Feb 10:00, resumed Mon 2 Mar 08:00 -> Thu 5 Mar 17:00")
    void pauseAcrossTet() {
        WorkingCalendar cal = calendar2026Csv();
        // Left: Thu 12 10-12, 13-17 = 6 h; Fri 13 = 8 h (14); Mon 23 = 8 h (22); Tue 24 = 8 h (30);
        // Wed 25 08-10 = 2 h (32 h = 1920 min).
        // From Mon 2 Mar 08:00: Mon, Tue, Wed = 24 h; Thu 5 Mar 08:00-17:00 = 8 h -> 32 h exactly at Thu 17:00.
        assertEquals(vn(2026, 3, 5, 17, 0),
                cal.shiftForPause(vn(2026, 2, 25, 10, 0), vn(2026, 2, 12, 10, 0), vn(2026, 3, 2, 8, 0)));
    }

    @Test
    @DisplayName("Supplement pause when already overdue: due unchanged; resume before pause rejected")
    void pauseWhenOverdue() {
        WorkingCalendar cal = calendar2026Csv();
        Instant due = vn(2026, 3, 4, 10, 0);
        // Paused Wed 4 Mar 11:00, after the due moment -> unchanged.
        assertEquals(due, cal.shiftForPause(due, vn(2026, 3, 4, 11, 0), vn(2026, 3, 6, 9, 0)));
        // Paused exactly at the due moment -> unchanged.
        assertEquals(due, cal.shiftForPause(due, due, vn(2026, 3, 6, 9, 0)));
        assertThrows(IllegalArgumentException.class,
                () -> cal.shiftForPause(due, vn(2026, 3, 3, 9, 0), vn(2026, 3, 2, 9, 0)));
    }

    // ------------------------------------------------------------------ data loaded as in the shipped file

    @Test
    @DisplayName("K1: holidays.csv 2026 has 2 Jan off and no 22 Aug swap; cases.md table has the swap; both loadable")
    void bothVariantsLoadable() {
        WorkingCalendar csv = calendar2026Csv();
        WorkingCalendar cases = calendar2026CasesNationalDay();
        assertFalse(csv.isWorkingDay(d(2026, 1, 2)));
        assertFalse(csv.isWorkingDay(d(2026, 8, 22)));   // Saturday, no make-up row in the csv
        assertTrue(csv.isWorkingDay(d(2026, 8, 31)));    // Monday, no swap row in the csv
        assertTrue(cases.isWorkingDay(d(2026, 8, 22)));
        assertFalse(cases.isWorkingDay(d(2026, 8, 31)));
        // Fri 28 Aug 14:00 + 2 WD with the csv rows: Mon 31 = 1; Tue 1, Wed 2 Sep off; Thu 3 = 2.
        assertEquals(vn(2026, 9, 3, 14, 0), csv.dueAt(vn(2026, 8, 28, 14, 0), wd(2)));
        assertFalse(csv.isWorkingDay(d(2026, 1, 1)));
    }
}
