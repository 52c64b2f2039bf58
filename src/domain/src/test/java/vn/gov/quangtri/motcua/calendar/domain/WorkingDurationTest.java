package vn.gov.quangtri.motcua.calendar.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WorkingDurationTest {

    @Test
    @DisplayName("C10: 750 overdue minutes with an 8 h day = 1 day 4 h 30 min, both languages")
    void overdueSplit() {
        WorkingDuration w = WorkingDuration.of(-750, 480); // 750 = 480 + 4 x 60 + 30
        assertTrue(w.overdue());
        assertEquals(1, w.days());
        assertEquals(4, w.hours());
        assertEquals(30, w.minutes());
        assertEquals("Quá hạn 1 ngày 4 giờ 30 phút", w.toVietnamese());
        assertEquals("overdue 1 day 4 hours 30 minutes", w.toEnglish());
    }

    @Test
    @DisplayName("C10: zero parts omitted: 180 -> \"Còn 3 giờ\"; 960 -> \"Còn 2 ngày\"; 0 -> \"Còn 0 phút\"")
    void zeroPartsOmitted() {
        assertEquals("Còn 3 giờ", WorkingDuration.of(180, 480).toVietnamese());
        assertEquals("3 hours left", WorkingDuration.of(180, 480).toEnglish());
        assertEquals("Còn 2 ngày", WorkingDuration.of(960, 480).toVietnamese());
        assertEquals("2 days left", WorkingDuration.of(960, 480).toEnglish());
        WorkingDuration zero = WorkingDuration.of(0, 480);
        assertFalse(zero.overdue());
        assertEquals("Còn 0 phút", zero.toVietnamese());
        assertEquals("0 minutes left", zero.toEnglish());
        // 541 = 480 + 60 + 1 -> singular units in English.
        assertEquals("1 day 1 hour 1 minute left", WorkingDuration.of(541, 480).toEnglish());
        assertEquals("Còn 1 ngày 1 giờ 1 phút", WorkingDuration.of(541, 480).toVietnamese());
        // 45 -> minutes only.
        assertEquals("Quá hạn 45 phút", WorkingDuration.of(-45, 480).toVietnamese());
    }

    @Test
    @DisplayName("C10: overdue with zero working minutes renders \"Đã quá hạn\"; contradictory signs rejected")
    void signs() {
        WorkingDuration w = new WorkingDuration(0, true, 480);
        assertEquals("Đã quá hạn", w.toVietnamese());
        assertEquals("past due", w.toEnglish());
        assertThrows(IllegalArgumentException.class, () -> new WorkingDuration(10, true, 480));
        assertThrows(IllegalArgumentException.class, () -> new WorkingDuration(-10, false, 480));
        assertThrows(IllegalArgumentException.class, () -> new WorkingDuration(10, false, 0));
        assertEquals(WorkingDuration.of(-750, 480), new WorkingDuration(-750, true, 480));
    }
}
