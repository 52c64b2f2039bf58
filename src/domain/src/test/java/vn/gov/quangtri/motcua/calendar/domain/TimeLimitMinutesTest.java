package vn.gov.quangtri.motcua.calendar.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.catalogue.domain.AllotmentCheck;
import vn.gov.quangtri.motcua.catalogue.domain.Procedure;

/** The one conversion of a time limit into working minutes (office day 08–12, 13–17 = 480 minutes). */
class TimeLimitMinutesTest {

    @Test
    @DisplayName("Working days, hours, calendar days and same day as working minutes; half-minutes round up")
    void workingMinutes() {
        assertEquals(240, new TimeLimit(new BigDecimal("0.5"), TimeLimitUnit.WORKING_DAY).workingMinutes(480));
        assertEquals(600, new TimeLimit(new BigDecimal("1.25"), TimeLimitUnit.WORKING_DAY).workingMinutes(480));
        assertEquals(240, TimeLimit.workingHours(4).workingMinutes(480));
        assertEquals(4800, TimeLimit.calendarDays(10).workingMinutes(480));
        assertEquals(480, TimeLimit.sameDay().workingMinutes(480));
        assertEquals(1, new TimeLimit(new BigDecimal("0.01"), TimeLimitUnit.WORKING_HOUR).workingMinutes(480),
            "0.6 minute rounds to 1");
    }

    @Test
    @DisplayName("The allotment check of H50-L006's steps (0.5 + 7 + 8 + 3 + 3 + 1.5 = 23 working days) against 23 days")
    void allotmentCheck() {
        List<TimeLimit> steps = List.of(new TimeLimit(new BigDecimal("0.5"), TimeLimitUnit.WORKING_DAY),
            TimeLimit.workingDays(7), TimeLimit.workingDays(8), TimeLimit.workingDays(3), TimeLimit.workingDays(3),
            new TimeLimit(new BigDecimal("1.5"), TimeLimitUnit.WORKING_DAY));
        AllotmentCheck exact = Procedure.check(steps, TimeLimit.workingDays(23), 480);
        assertEquals(new AllotmentCheck(11040, 11040L), exact);
        assertEquals(false, exact.exceedsLimit());
        assertEquals(true, Procedure.check(steps, TimeLimit.workingDays(22), 480).exceedsLimit());
        assertEquals(new AllotmentCheck(11040, null), Procedure.check(steps, null, 480));
    }
}
