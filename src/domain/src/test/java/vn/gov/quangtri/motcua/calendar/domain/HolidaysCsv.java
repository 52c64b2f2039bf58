package vn.gov.quangtri.motcua.calendar.domain;

import java.time.LocalDate;
import java.util.List;

/** The rows of /work/shared/data/holidays.csv, copied as test data (the date, kind and name columns). */
final class HolidaysCsv {

    private HolidaysCsv() {
    }

    static HolidayScheduleCheck.Entry e(int y, int m, int d, String kind, String name) {
        return new HolidayScheduleCheck.Entry(LocalDate.of(y, m, d), kind, name);
    }

    /** The 2024 rows of holidays.csv (date, kind, name). */
    static List<HolidayScheduleCheck.Entry> csv2024() {
        return List.of(
                e(2024, 1, 1, "statutory", "Tết Dương lịch"),
                e(2024, 2, 8, "tet", "Nghỉ Tết Âm lịch Giáp Thìn (29 tháng Chạp)"),
                e(2024, 2, 9, "tet", "Nghỉ Tết Âm lịch Giáp Thìn (30 tháng Chạp, giao thừa)"),
                e(2024, 2, 10, "tet", "Tết Nguyên Đán Giáp Thìn (mùng 1, Saturday)"),
                e(2024, 2, 11, "tet", "Tết Nguyên Đán (mùng 2, Sunday)"),
                e(2024, 2, 12, "tet", "Nghỉ Tết (mùng 3; compensatory)"),
                e(2024, 2, 13, "tet", "Nghỉ Tết (mùng 4; compensatory)"),
                e(2024, 2, 14, "tet", "Nghỉ Tết (mùng 5; compensatory)"),
                e(2024, 4, 18, "statutory", "Giỗ Tổ Hùng Vương (10/3 âm lịch)"),
                e(2024, 4, 29, "swap_day_off", "Nghỉ hoán đổi trước 30/4 (làm bù thứ Bảy 4/5)"),
                e(2024, 4, 30, "statutory", "Ngày Chiến thắng"),
                e(2024, 5, 1, "statutory", "Quốc tế Lao động"),
                e(2024, 5, 4, "swap_working_day", "Làm bù (Saturday working day)"),
                e(2024, 9, 2, "statutory", "Quốc khánh"),
                e(2024, 9, 3, "statutory", "Quốc khánh (ngày liền kề)"));
    }

    /** The 2025 rows of holidays.csv (date, kind, name). */
    static List<HolidayScheduleCheck.Entry> csv2025() {
        return List.of(
                e(2025, 1, 1, "statutory", "Tết Dương lịch"),
                e(2025, 1, 27, "tet", "Nghỉ Tết Âm lịch Ất Tỵ (28 tháng Chạp)"),
                e(2025, 1, 28, "tet", "Nghỉ Tết (29 tháng Chạp, giao thừa)"),
                e(2025, 1, 29, "tet", "Tết Nguyên Đán Ất Tỵ (mùng 1)"),
                e(2025, 1, 30, "tet", "Tết Nguyên Đán (mùng 2)"),
                e(2025, 1, 31, "tet", "Tết Nguyên Đán (mùng 3)"),
                e(2025, 4, 7, "statutory", "Giỗ Tổ Hùng Vương (10/3 âm lịch)"),
                e(2025, 4, 26, "swap_working_day", "Làm bù (Saturday working day for 2/5)"),
                e(2025, 4, 30, "statutory", "Ngày Chiến thắng"),
                e(2025, 5, 1, "statutory", "Quốc tế Lao động"),
                e(2025, 5, 2, "swap_day_off", "Nghỉ hoán đổi (thứ Sáu)"),
                e(2025, 9, 1, "statutory", "Quốc khánh (ngày liền kề)"),
                e(2025, 9, 2, "statutory", "Quốc khánh"));
    }

    /** The 2026 rows of holidays.csv (date, kind, name). */
    static List<HolidayScheduleCheck.Entry> csv2026() {
        return List.of(
                e(2026, 1, 1, "statutory", "Tết Dương lịch"),
                e(2026, 1, 2, "swap_day_off", "Nghỉ hoán đổi Tết Dương lịch (thứ Sáu)"),
                e(2026, 2, 16, "tet", "Nghỉ Tết Âm lịch Bính Ngọ (29 tháng Chạp, giao thừa)"),
                e(2026, 2, 17, "tet", "Tết Nguyên Đán Bính Ngọ (mùng 1)"),
                e(2026, 2, 18, "tet", "Tết Nguyên Đán (mùng 2)"),
                e(2026, 2, 19, "tet", "Tết Nguyên Đán (mùng 3)"),
                e(2026, 2, 20, "tet", "Tết Nguyên Đán (mùng 4)"),
                e(2026, 4, 26, "statutory", "Giỗ Tổ Hùng Vương (10/3 âm lịch, Sunday)"),
                e(2026, 4, 27, "compensatory", "Nghỉ bù Giỗ Tổ Hùng Vương (thứ Hai)"),
                e(2026, 4, 30, "statutory", "Ngày Chiến thắng"),
                e(2026, 5, 1, "statutory", "Quốc tế Lao động"),
                e(2026, 9, 1, "statutory", "Quốc khánh (ngày liền kề, dự kiến)"),
                e(2026, 9, 2, "statutory", "Quốc khánh"));
    }

    /** The 2027 rows of holidays.csv (date, kind, name). */
    static List<HolidayScheduleCheck.Entry> csv2027() {
        return List.of(
                e(2027, 1, 1, "statutory", "Tết Dương lịch"),
                e(2027, 2, 5, "tet", "Tết Âm lịch Đinh Mùi (29 tháng Chạp, giao thừa; expected day off)"),
                e(2027, 2, 6, "tet", "Tết Nguyên Đán Đinh Mùi (mùng 1, Saturday)"),
                e(2027, 2, 7, "tet", "Tết Nguyên Đán (mùng 2, Sunday)"),
                e(2027, 2, 8, "tet", "Tết Nguyên Đán (mùng 3; expected)"),
                e(2027, 2, 9, "tet", "Tết (compensatory; expected)"),
                e(2027, 2, 10, "tet", "Tết (compensatory; expected)"),
                e(2027, 4, 16, "statutory", "Giỗ Tổ Hùng Vương (10/3 âm lịch)"),
                e(2027, 4, 30, "statutory", "Ngày Chiến thắng"),
                e(2027, 5, 1, "statutory", "Quốc tế Lao động (thứ Bảy)"),
                e(2027, 5, 3, "compensatory", "Nghỉ bù Quốc tế Lao động (thứ Hai)"),
                e(2027, 9, 2, "statutory", "Quốc khánh"),
                e(2027, 9, 3, "statutory", "Quốc khánh (ngày liền kề, dự kiến)"));
    }
}
