package vn.gov.quangtri.motcua.dossier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.calendar.domain.Appointment;
import vn.gov.quangtri.motcua.calendar.domain.OfficeHours;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimit;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * Issue 10 item 3: the dossier's value objects on their own. Office hours 08–12 and 13–17, no holidays in
 * March 2026 except a made-up one on Wed 11 Mar where stated; Asia/Ho_Chi_Minh. Values worked out by hand.
 */
class DossierValueObjectsTest {

    private static final WorkingCalendar CALENDAR = new WorkingCalendar(OfficeHours.standard(), Map.of());

    private static Instant vn(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, VietnamTime.ZONE).toInstant();
    }

    @Test
    @DisplayName("Appointment: Saturday 9:00 + 3 working days starts Mon 08:00 and ends Thu 08:00")
    void appointmentComputedOnce() {
        Appointment a = Appointment.of(CALENDAR, vn(3, 7, 9, 0), TimeLimit.workingDays(3));
        assertEquals(vn(3, 9, 8, 0), a.clockStart());
        assertEquals(vn(3, 12, 8, 0), a.dueAt());
        Appointment overHoliday = Appointment.of(new WorkingCalendar(OfficeHours.standard(),
            Map.of(LocalDate.of(2026, 3, 11), false)), vn(3, 7, 9, 0), TimeLimit.workingDays(3));
        assertEquals(vn(3, 13, 8, 0), overHoliday.dueAt(), "Wed 11 Mar off: one day later");
    }

    @Test
    @DisplayName("Clock: a pause of Tue 14:00 → Thu 10:00 (10 working hours) moves the appointment and open steps by 10 hours")
    void pauseAndResume() {
        ProcessingClock clock = new ProcessingClock(TimeLimit.workingDays(5));
        clock.start(vn(3, 2, 10, 0), Appointment.of(CALENDAR, vn(3, 2, 10, 0), TimeLimit.workingDays(5)));
        assertEquals(vn(3, 9, 10, 0), clock.dueAt());
        clock.pause(vn(3, 3, 14, 0));
        assertNull(ProcessingClock.timeLeft(clock.dueAt(), clock.pausedAt(), vn(3, 4, 9, 0), CALENDAR),
            "issue 11 §3: no countdown while paused");
        // Overdue lists count at the pause: Tue 14:00 → Mon 9 Mar 10:00 = 3 + 8 + 8 + 8 + 2 h = 29 working hours left.
        assertEquals(29 * 60, ProcessingClock.lateness(clock.dueAt(), clock.pausedAt(), vn(3, 20, 9, 0), CALENDAR)
            .totalMinutes(), "a paused clock does not run down");
        UnaryOperator<Instant> shift = clock.resume(vn(3, 5, 10, 0), CALENDAR);
        // Tue 14–17 (3 h) + Wed (8 h) + Thu 08–10 (2 h) = 13 working hours = 1 day 5 hours
        assertEquals(vn(3, 10, 16, 0), clock.dueAt());
        assertEquals(vn(3, 6, 16, 0), shift.apply(vn(3, 5, 10, 0)), "a step due Thu 10:00 moves 13 working hours");
        assertNull(clock.pausedAt());
        assertEquals(UnaryOperator.identity(), clock.resume(vn(3, 5, 11, 0), CALENDAR), "not paused: nothing moves");
    }

    @Test
    @DisplayName("Clock: a new appointment is later and in the future; finishing after the original date stays LATE")
    void rescheduleAndFinish() {
        ProcessingClock clock = new ProcessingClock(TimeLimit.workingDays(1));
        clock.start(vn(3, 2, 10, 0), Appointment.of(CALENDAR, vn(3, 2, 10, 0), TimeLimit.workingDays(1)));
        assertEquals(vn(3, 3, 10, 0), clock.dueAt());
        assertEquals("NEW_DATE_NOT_LATER", assertThrows(RuleViolationException.class,
            () -> clock.reschedule(vn(3, 2, 11, 0), vn(3, 3, 9, 0))).reason());
        assertEquals("NEW_DATE_IN_PAST", assertThrows(RuleViolationException.class,
            () -> clock.reschedule(vn(3, 5, 11, 0), vn(3, 4, 9, 0))).reason());
        assertNull(clock.rescheduledDueAt(), "a refused date changes nothing");
        clock.reschedule(vn(3, 3, 9, 0), vn(3, 5, 8, 0));
        assertEquals(vn(3, 5, 8, 0), clock.rescheduledDueAt());
        assertEquals(vn(3, 5, 8, 0), clock.suggestedNewDueAt(vn(3, 4, 16, 0), CALENDAR),
            "opening of the working day after today (Wed) and the appointment (Tue)");
        clock.finish(vn(3, 4, 9, 0));
        assertEquals(Timeliness.LATE, clock.timeliness(), "judged against the original appointment");
        assertEquals(vn(3, 4, 9, 0), clock.completedAt());
    }

    @Test
    @DisplayName("Dossier code: well formed or refused; the inter-agency origin refuses a malformed parent code")
    void codesAndOrigin() {
        assertEquals("000.00.60.H50-260302-0007", DossierCode.of("000.00.60.H50", LocalDate.of(2026, 3, 2), 7).value());
        assertThrows(IllegalArgumentException.class, () -> new DossierCode("HS-2026-1"));
        assertThrows(IllegalArgumentException.class, () -> DossierCode.of("000.00.60.H50", LocalDate.of(2026, 3, 2), 0));
        InterAgencyOrigin o = InterAgencyOrigin.childOf("000.00.60.H50-260302-0007", 2);
        assertTrue(o.child());
        assertEquals(2, o.parentLeg());
        assertEquals("INVALID_PARENT_CODE", assertThrows(RuleViolationException.class,
            () -> InterAgencyOrigin.childOf("000.00.60.H50-260302", 1)).reason());
        assertFalse(InterAgencyOrigin.none().child());
    }

    @Test
    @DisplayName("History text: items one per line and numbered, the note after; handed-in items in the order requested")
    void historyText() {
        List<String> items = HistoryText.items(List.of(" Bản sao\n CCCD ", "", "Tờ khai", "Tờ khai "));
        assertEquals(List.of("Bản sao CCCD", "Tờ khai"), items);
        assertEquals("1. Bản sao CCCD\n2. Tờ khai\nGhi chú: nộp trước thứ Sáu",
            HistoryText.supplementRequest(items, " nộp trước thứ Sáu "));
        assertEquals(List.of("Bản sao CCCD", "Tờ khai"), HistoryText.handedIn(List.of("Tờ khai", "Bản sao CCCD"), items));
        assertEquals("UNKNOWN_ITEM", assertThrows(RuleViolationException.class,
            () -> HistoryText.handedIn(List.of("Sổ đỏ"), items)).reason());
        assertEquals("Đã nhận bổ sung:\n1. Tờ khai\nChưa nhận:\n1. Bản sao CCCD",
            HistoryText.supplementReceived(List.of("Tờ khai"), List.of("Bản sao CCCD"), null));
    }
}
