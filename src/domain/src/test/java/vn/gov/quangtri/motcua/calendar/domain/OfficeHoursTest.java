package vn.gov.quangtri.motcua.calendar.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OfficeHoursTest {

    @Test
    @DisplayName("K4: standard hours 08:00-12:00, 13:00-17:00 = 480 working minutes; cut-off 15:00 (Decree 63/2024 art. 7 cl. 2)")
    void standard() {
        OfficeHours h = OfficeHours.standard();
        assertEquals(LocalTime.of(8, 0), h.opening());
        assertEquals(LocalTime.of(17, 0), h.closing());
        assertEquals(480, h.workingMinutesPerDay()); // 4 h + 4 h
        assertEquals(LocalTime.of(15, 0), h.sameDayCutOff());
        assertEquals(2, h.intervals().size());
    }

    @Test
    @DisplayName("K4: invalid hours rejected (empty, overlapping, reversed, seconds)")
    void invalid() {
        LocalTime cut = LocalTime.of(15, 0);
        assertThrows(IllegalArgumentException.class, () -> new OfficeHours(List.of(), cut));
        assertThrows(IllegalArgumentException.class, () -> new OfficeHours(List.of(
                new OfficeHours.Interval(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                new OfficeHours.Interval(LocalTime.of(11, 0), LocalTime.of(17, 0))), cut));
        assertThrows(IllegalArgumentException.class,
                () -> new OfficeHours.Interval(LocalTime.of(12, 0), LocalTime.of(8, 0)));
        assertThrows(IllegalArgumentException.class,
                () -> new OfficeHours.Interval(LocalTime.of(8, 0, 30), LocalTime.of(12, 0)));
        assertThrows(NullPointerException.class, () -> new OfficeHours(List.of(
                new OfficeHours.Interval(LocalTime.of(8, 0), LocalTime.of(12, 0))), null));
    }
}
