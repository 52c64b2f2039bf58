package vn.gov.quangtri.motcua.calendar.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.calendar.domain.CalendarEdits.DayOffKind;
import vn.gov.quangtri.motcua.calendar.domain.CalendarYears.ProposedDay;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;

/** Setting up a new year of the holiday calendar (issue 9 item 2). */
class CalendarYearsTest {

    private static final Set<Integer> LOADED = Set.of(2024, 2025, 2026, 2027);

    @Test
    @DisplayName("Reminder: from 1 October when next year is missing; not on 30 September, not when it exists")
    void reminder() {
        assertEquals(Optional.of(2027), CalendarYears.yearToSetUp(LocalDate.of(2026, 10, 1), Set.of(2026)));
        assertEquals(Optional.empty(), CalendarYears.yearToSetUp(LocalDate.of(2026, 9, 30), Set.of(2026)));
        assertEquals(Optional.of(2027), CalendarYears.yearToSetUp(LocalDate.of(2026, 12, 31), Set.of(2026)));
        assertEquals(Optional.empty(), CalendarYears.yearToSetUp(LocalDate.of(2026, 10, 1), LOADED));
        assertEquals(Optional.of(2028), CalendarYears.yearToSetUp(LocalDate.of(2027, 10, 1), LOADED));
        assertEquals(Optional.empty(), CalendarYears.yearToSetUp(LocalDate.of(2027, 1, 5), LOADED));
    }

    @Test
    @DisplayName("A year can be created once, from the current year to ten years ahead")
    void newYear() {
        LocalDate today = LocalDate.of(2026, 12, 5);
        CalendarYears.checkNewYear(2028, today, LOADED);
        CalendarYears.checkNewYear(2036, today, LOADED);
        assertEquals("CALENDAR_YEAR_EXISTS",
            assertThrows(ConflictException.class, () -> CalendarYears.checkNewYear(2027, today, LOADED)).reason());
        assertEquals("YEAR_OUT_OF_RANGE",
            assertThrows(RuleViolationException.class, () -> CalendarYears.checkNewYear(2019, today, LOADED)).reason());
        assertEquals("YEAR_OUT_OF_RANGE",
            assertThrows(RuleViolationException.class, () -> CalendarYears.checkNewYear(2037, today, LOADED)).reason());
    }

    /**
     * 2028 by hand: 1/1 is a Saturday (compensatory Mon 3/1); Tết Mậu Thân is Wed 26/1/2028, so the eve is
     * Tue 25/1 and lunar 4/1 is Sat 29/1 (compensatory Mon 31/1); lunar 10/3 is Tue 4/4 (lunar month 3 begins
     * with the new moon of 26/3/2028); 30/4 is a Sunday, Mon 1/5 is itself a holiday, so its compensatory day
     * is Tue 2/5; 2/9 is a Saturday, the adjacent day Fri 1/9, compensatory Mon 4/9.
     */
    @Test
    @DisplayName("Proposal for 2028: Labour Code art. 112 days with art. 111 compensatory days, computed by hand")
    void proposal2028() {
        List<ProposedDay> days = CalendarYears.statutoryProposal(2028);
        assertEquals(List.of(
                LocalDate.of(2028, 1, 1), LocalDate.of(2028, 1, 3),
                LocalDate.of(2028, 1, 25), LocalDate.of(2028, 1, 26), LocalDate.of(2028, 1, 27),
                LocalDate.of(2028, 1, 28), LocalDate.of(2028, 1, 29), LocalDate.of(2028, 1, 31),
                LocalDate.of(2028, 4, 4), LocalDate.of(2028, 4, 30), LocalDate.of(2028, 5, 1), LocalDate.of(2028, 5, 2),
                LocalDate.of(2028, 9, 1), LocalDate.of(2028, 9, 2), LocalDate.of(2028, 9, 4)),
            days.stream().map(ProposedDay::date).toList());
        assertEquals(List.of(DayOffKind.HOLIDAY, DayOffKind.COMPENSATORY, DayOffKind.TET, DayOffKind.TET, DayOffKind.TET,
                DayOffKind.TET, DayOffKind.TET, DayOffKind.COMPENSATORY, DayOffKind.HOLIDAY, DayOffKind.HOLIDAY,
                DayOffKind.HOLIDAY, DayOffKind.COMPENSATORY, DayOffKind.HOLIDAY, DayOffKind.HOLIDAY, DayOffKind.COMPENSATORY),
            days.stream().map(ProposedDay::kind).toList());
        assertEquals("Nghỉ bù Ngày Chiến thắng (Chủ nhật 30/4)", days.get(11).name());
    }

    @Test
    @DisplayName("Proposal for 2026 agrees with the loaded schedule's statutory days (Hùng Kings Sun 26/4 → Mon 27/4)")
    void proposal2026MatchesLoadedData() {
        List<LocalDate> dates = CalendarYears.statutoryProposal(2026).stream().map(ProposedDay::date).toList();
        assertEquals(List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 17),
            LocalDate.of(2026, 2, 18), LocalDate.of(2026, 2, 19), LocalDate.of(2026, 2, 20), LocalDate.of(2026, 4, 26),
            LocalDate.of(2026, 4, 27), LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 9, 1),
            LocalDate.of(2026, 9, 2)), dates);
    }
}
