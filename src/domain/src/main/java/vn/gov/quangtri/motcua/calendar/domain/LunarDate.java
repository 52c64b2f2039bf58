package vn.gov.quangtri.motcua.calendar.domain;

/**
 * A date of the Vietnamese lunisolar calendar (âm lịch), as computed by {@link LunarCalendar} for
 * UTC+7. Lunar-dated holidays: Tết Nguyên Đán = 1/1, Giỗ Tổ Hùng Vương = 10/3 (Labour Code 2019
 * art. 112; docs/domain.md §3.2).
 *
 * @param day   day of the lunar month, 1–30
 * @param month lunar month, 1–12
 * @param year  lunar year (the Gregorian year in which its 1st month begins)
 * @param leap  whether the month is the intercalary (leap, "nhuận") month following month {@code month}
 */
public record LunarDate(int day, int month, int year, boolean leap) {

    /**
     * Validates the ranges.
     *
     * @throws IllegalArgumentException if day is not 1–30 or month not 1–12
     */
    public LunarDate {
        if (day < 1 || day > 30) {
            throw new IllegalArgumentException("lunar day must be 1-30: " + day);
        }
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("lunar month must be 1-12: " + month);
        }
    }

    /** Vietnamese rendering, e.g. {@code "10/3/2026 âm lịch"} or {@code "1/2 nhuận/2023 âm lịch"}. */
    public String toVietnamese() {
        return day + "/" + month + (leap ? " nhuận" : "") + "/" + year + " âm lịch";
    }
}
