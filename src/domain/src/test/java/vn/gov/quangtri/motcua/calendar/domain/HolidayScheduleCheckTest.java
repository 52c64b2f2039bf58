package vn.gov.quangtri.motcua.calendar.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.quangtri.motcua.calendar.domain.HolidaysCsv.e;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HolidayScheduleCheckTest {

    @Test
    @DisplayName("C05: the correct 2026 list from holidays.csv produces no warning")
    void correct2026() {
        assertEquals(List.of(), HolidayScheduleCheck.check(2026, HolidaysCsv.csv2026()));
    }

    @Test
    @DisplayName("C05: the 2024, 2025 and 2027 lists from holidays.csv produce no warning")
    void correctOtherYears() {
        assertEquals(List.of(), HolidayScheduleCheck.check(2024, HolidaysCsv.csv2024()));
        assertEquals(List.of(), HolidayScheduleCheck.check(2025, HolidaysCsv.csv2025()));
        assertEquals(List.of(), HolidayScheduleCheck.check(2027, HolidaysCsv.csv2027()));
    }

    @Test
    @DisplayName("C05: Tết on 7 January and Hùng Kings' day on 16 March 2026 are flagged, not applied silently")
    void wrongList() {
        List<HolidayScheduleCheck.Entry> wrong = List.of(
                e(2026, 1, 1, "statutory", "Tết Dương lịch"),
                e(2026, 1, 6, "tet", "Nghỉ Tết (29 tháng Chạp)"),
                e(2026, 1, 7, "tet", "Tết Nguyên Đán (mùng 1)"),
                e(2026, 1, 8, "tet", "Tết Nguyên Đán (mùng 2)"),
                e(2026, 1, 9, "tet", "Tết Nguyên Đán (mùng 3)"),
                e(2026, 3, 16, "statutory", "Giỗ Tổ Hùng Vương (10/3 âm lịch)"),
                e(2026, 4, 30, "statutory", "Ngày Chiến thắng"),
                e(2026, 5, 1, "statutory", "Quốc tế Lao động"),
                e(2026, 9, 2, "statutory", "Quốc khánh"));
        List<String> w = HolidayScheduleCheck.check(2026, wrong);
        // Expected by hand: mùng 1 Tết 2026 is 17/02/2026 and 10/3 lunar is 26/04/2026 (C05 reference values).
        // 1) no Tết entry in 21/01-20/02; 2) 17/02/2026 missing; 3) 6-9 Jan are > 10 days from 17 Feb;
        // 4) the Hùng row on 16/03/2026 is not 10/3 lunar (new moons 17 Feb and 19 Mar 2026 -> 16 Mar = 28/1);
        // 5) no day off on 26/04/2026.
        assertEquals(5, w.size(), String.join("\n", w));
        assertTrue(w.get(0).startsWith("Tết Nguyên Đán phải nằm trong khoảng 21/01–20/02"), w.get(0));
        assertTrue(w.get(1).contains("không có mùng 1 Tết (17/02/2026)"), w.get(1));
        assertTrue(w.get(2).contains("06/01/2026, 07/01/2026, 08/01/2026, 09/01/2026"), w.get(2));
        assertTrue(w.get(3).startsWith("Giỗ Tổ Hùng Vương phải là ngày 10/3 âm lịch"), w.get(3));
        assertTrue(w.get(3).contains("16/03/2026 là ngày 28/1/2026 âm lịch"), w.get(3));
        assertTrue(w.get(3).contains("26/04/2026"), w.get(3));
        assertTrue(w.get(4).contains("Giỗ Tổ Hùng Vương 26/04/2026"), w.get(4));
    }

    @Test
    @DisplayName("C05: make-up working day on a weekday and compensatory day on a Sunday are flagged")
    void swapAndCompensatoryDays() {
        List<HolidayScheduleCheck.Entry> list = new ArrayList<>(HolidaysCsv.csv2026());
        list.add(e(2026, 8, 26, "swap_working_day", "Làm bù (Wednesday?)"));   // Wed 26 Aug 2026
        list.add(e(2026, 5, 3, "compensatory", "Nghỉ bù (Sunday?)"));          // Sun 3 May 2026
        List<String> w = HolidayScheduleCheck.check(2026, list);
        assertEquals(2, w.size(), String.join("\n", w));
        assertTrue(w.get(0).contains("26/08/2026 là thứ Tư"), w.get(0));
        assertTrue(w.get(1).contains("03/05/2026 là Chủ nhật"), w.get(1));
    }

    @Test
    @DisplayName("C05: 'Hùng' found in decomposed (NFD) Unicode too; unknown kind and other-year rows flagged")
    void normalisationAndHygiene() {
        List<HolidayScheduleCheck.Entry> list = new ArrayList<>(HolidaysCsv.csv2026());
        list.removeIf(x -> x.date().equals(java.time.LocalDate.of(2026, 4, 26)));
        // Hùng Kings' day typed on 25 Apr 2026 (9/3 lunar) with an NFD-encoded name.
        list.add(e(2026, 4, 25, "statutory", Normalizer.normalize("Giỗ Tổ Hùng Vương", Normalizer.Form.NFD)));
        list.add(e(2025, 12, 31, "holiday", "Sai loại"));
        List<String> w = HolidayScheduleCheck.check(2026, list);
        // unknown kind, other year, Hùng row not on 10/3 (25/04 = 9/3), no day off on 26/04.
        assertEquals(4, w.size(), String.join("\n", w));
        assertTrue(w.get(0).contains("loại không hợp lệ \"holiday\""), w.get(0));
        assertTrue(w.get(1).contains("không thuộc năm 2026"), w.get(1));
        assertTrue(w.get(2).contains("25/04/2026 là ngày 9/3/2026 âm lịch"), w.get(2));
        assertTrue(w.get(3).contains("Giỗ Tổ Hùng Vương 26/04/2026"), w.get(3));
    }
}
