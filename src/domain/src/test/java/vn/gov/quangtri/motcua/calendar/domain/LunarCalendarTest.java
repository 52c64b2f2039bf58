package vn.gov.quangtri.motcua.calendar.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Reference values are published dates (docs/cases.md C05, holidays.csv "confirmed" rows, and well-known
 * calendar facts noted per assertion), not output of the code under test.
 */
class LunarCalendarTest {

    @Test
    @DisplayName("C05: Tết (1/1 lunar) = 10 Feb 2024, 29 Jan 2025, 17 Feb 2026, 6 Feb 2027")
    void tet() {
        assertEquals(LocalDate.of(2024, 2, 10), LunarCalendar.toSolar(1, 1, 2024, false));
        assertEquals(LocalDate.of(2025, 1, 29), LunarCalendar.toSolar(1, 1, 2025, false));
        assertEquals(LocalDate.of(2026, 2, 17), LunarCalendar.toSolar(1, 1, 2026, false));
        assertEquals(LocalDate.of(2027, 2, 6), LunarCalendar.toSolar(1, 1, 2027, false));
        assertEquals(new LunarDate(1, 1, 2024, false), LunarCalendar.toLunar(LocalDate.of(2024, 2, 10)));
        assertEquals(new LunarDate(1, 1, 2025, false), LunarCalendar.toLunar(LocalDate.of(2025, 1, 29)));
        assertEquals(new LunarDate(1, 1, 2026, false), LunarCalendar.toLunar(LocalDate.of(2026, 2, 17)));
        assertEquals(new LunarDate(1, 1, 2027, false), LunarCalendar.toLunar(LocalDate.of(2027, 2, 6)));
    }

    @Test
    @DisplayName("C05: Hùng Kings' day (10/3 lunar) = 18 Apr 2024, 7 Apr 2025, 26 Apr 2026, 16 Apr 2027")
    void hungKings() {
        assertEquals(LocalDate.of(2024, 4, 18), LunarCalendar.toSolar(10, 3, 2024, false));
        assertEquals(LocalDate.of(2025, 4, 7), LunarCalendar.toSolar(10, 3, 2025, false));
        assertEquals(LocalDate.of(2026, 4, 26), LunarCalendar.toSolar(10, 3, 2026, false));
        assertEquals(LocalDate.of(2027, 4, 16), LunarCalendar.toSolar(10, 3, 2027, false));
        assertEquals(new LunarDate(10, 3, 2026, false), LunarCalendar.toLunar(LocalDate.of(2026, 4, 26)));
        assertEquals(new LunarDate(10, 3, 2025, false), LunarCalendar.toLunar(LocalDate.of(2025, 4, 7)));
    }

    @Test
    @DisplayName("C05: last days of the 12th month as named in holidays.csv (29 or 30 tháng Chạp)")
    void endOfYear() {
        // holidays.csv: 9 Feb 2024 = 30 tháng Chạp; 27 Jan 2025 = 28 tháng Chạp; 16 Feb 2026 = 29 tháng Chạp;
        // 5 Feb 2027 = 29 tháng Chạp. The lunar year of the 12th month is the previous one.
        assertEquals(new LunarDate(30, 12, 2023, false), LunarCalendar.toLunar(LocalDate.of(2024, 2, 9)));
        assertEquals(new LunarDate(28, 12, 2024, false), LunarCalendar.toLunar(LocalDate.of(2025, 1, 27)));
        assertEquals(new LunarDate(29, 12, 2025, false), LunarCalendar.toLunar(LocalDate.of(2026, 2, 16)));
        assertEquals(new LunarDate(29, 12, 2026, false), LunarCalendar.toLunar(LocalDate.of(2027, 2, 5)));
        // The 12th month of 2025 has 29 days (16 Feb = 29, 17 Feb = mùng 1), so day 30 does not exist.
        assertThrows(IllegalArgumentException.class, () -> LunarCalendar.toSolar(30, 12, 2025, false));
    }

    @Test
    @DisplayName("C05: UTC+7 matters: Tết 1985 = 21 Jan (China: 20 Feb); Tết 2007 = 17 Feb (China: 18 Feb)")
    void vietnameseNotChinese() {
        assertEquals(LocalDate.of(1985, 1, 21), LunarCalendar.toSolar(1, 1, 1985, false));
        assertEquals(LocalDate.of(2007, 2, 17), LunarCalendar.toSolar(1, 1, 2007, false));
        assertEquals(new LunarDate(1, 1, 2007, false), LunarCalendar.toLunar(LocalDate.of(2007, 2, 17)));
    }

    @Test
    @DisplayName("C05: leap months (missing-leap-month bug): 2023 leap 2 from 22 Mar 2023; 2025 leap 6 from 25 Jul 2025; 2026 none")
    void leapMonths() {
        // 2023 Quý Mão: month 2 begins 20 Feb 2023, leap month 2 begins 22 Mar 2023 (new moon 21 Mar 17:23 UTC).
        assertEquals(new LunarDate(1, 2, 2023, false), LunarCalendar.toLunar(LocalDate.of(2023, 2, 20)));
        assertEquals(new LunarDate(1, 2, 2023, true), LunarCalendar.toLunar(LocalDate.of(2023, 3, 22)));
        assertEquals(LocalDate.of(2023, 3, 22), LunarCalendar.toSolar(1, 2, 2023, true));
        // 2025 Ất Tỵ: leap month 6 begins 25 Jul 2025 (new moon 24 Jul 19:11 UTC = 25 Jul 02:11 UTC+7).
        assertEquals(LocalDate.of(2025, 7, 25), LunarCalendar.toSolar(1, 6, 2025, true));
        assertEquals(2, LunarCalendar.leapMonthOf(2023));
        assertEquals(6, LunarCalendar.leapMonthOf(2025));
        assertEquals(0, LunarCalendar.leapMonthOf(2026));
        // No leap month 3 in 2026.
        assertThrows(IllegalArgumentException.class, () -> LunarCalendar.toSolar(10, 3, 2026, true));
    }

    @Test
    @DisplayName("C05: round trip solar -> lunar -> solar for every day of 2024-2027")
    void roundTrip() {
        for (LocalDate x = LocalDate.of(2024, 1, 1); x.getYear() <= 2027; x = x.plusDays(1)) {
            LunarDate l = LunarCalendar.toLunar(x);
            assertEquals(x, LunarCalendar.toSolar(l.day(), l.month(), l.year(), l.leap()), x.toString());
        }
    }

    @Test
    @DisplayName("C05: out-of-range input rejected")
    void ranges() {
        assertThrows(IllegalArgumentException.class, () -> LunarCalendar.toLunar(LocalDate.of(1800, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> LunarCalendar.toSolar(0, 1, 2026, false));
        assertThrows(IllegalArgumentException.class, () -> LunarCalendar.toSolar(1, 13, 2026, false));
        assertEquals("1/2 nhuận/2023 âm lịch", new LunarDate(1, 2, 2023, true).toVietnamese());
    }
}
