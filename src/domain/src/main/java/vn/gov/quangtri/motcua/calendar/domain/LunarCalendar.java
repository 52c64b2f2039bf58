package vn.gov.quangtri.motcua.calendar.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Conversion between Gregorian (solar) dates and the Vietnamese lunisolar calendar (âm lịch).
 *
 * <p>The Vietnamese calendar follows the same astronomical rules as the Chinese one but is computed for
 * the meridian of UTC+7 (Vietnam has used UTC+7 for its calendar since 1968), which is why the two
 * calendars sometimes differ (e.g. Tết 1985: 21 January in Vietnam, 20 February in China; Tết 2007:
 * 17 February vs 18 February). Rules:
 * <ol>
 *   <li>A lunar month begins on the local (UTC+7) day that contains the astronomical new moon.</li>
 *   <li>Month 11 is the month containing the winter solstice (sun longitude 270°).</li>
 *   <li>A lunar year with 13 months between two months 11 has a leap month: the first month after
 *       month 11 that contains no major solar term (no multiple of 30° of sun longitude); it repeats the
 *       number of the month before it.</li>
 * </ol>
 * New moons and sun longitude use the usual low-precision series (Meeus, "Astronomical Algorithms"),
 * accurate to minutes for 1900–2199, which is the supported range.
 *
 * <p>Used for lunar-dated holidays (Tết Nguyên Đán 1/1, Giỗ Tổ Hùng Vương 10/3; Labour Code 2019
 * art. 112; docs/domain.md §3.2) and for checking holiday tables ({@link HolidayScheduleCheck}, docs/cases.md C05).
 * The holiday calendar itself stays data maintained by an administrator; this class only checks it.
 *
 * <p>Stateless and thread-safe; all methods are static.
 */
public final class LunarCalendar {

    /** Hours east of UTC used for the Vietnamese calendar. */
    public static final double TIME_ZONE_HOURS = 7.0;

    /** Earliest supported Gregorian year. */
    public static final int MIN_YEAR = 1900;

    /** Latest supported Gregorian year. */
    public static final int MAX_YEAR = 2199;

    /** Julian Day Number of 1970-01-01 (epoch day 0). */
    private static final long JDN_OF_EPOCH_DAY_0 = 2_440_588L;

    /** Mean length of a synodic month in days. */
    private static final double SYNODIC_MONTH = 29.530588853;

    /** Julian date of the reference new moon (6 January 1900) used to number lunations. */
    private static final double REFERENCE_NEW_MOON = 2_415_021.076998695;

    private static final double DEG = Math.PI / 180.0;

    private LunarCalendar() {
    }

    /**
     * Converts a Gregorian date to the Vietnamese lunar date (UTC+7).
     *
     * @param solar a Gregorian date in years {@value #MIN_YEAR}–{@value #MAX_YEAR}, not null
     * @return the lunar date
     * @throws NullPointerException     if {@code solar} is null
     * @throws IllegalArgumentException if the year is outside the supported range
     */
    public static LunarDate toLunar(LocalDate solar) {
        Objects.requireNonNull(solar, "solar");
        checkYear(solar.getYear());
        long day = julianDayNumber(solar);

        // Start of the lunar month containing the day.
        long lunation = (long) Math.floor((day - REFERENCE_NEW_MOON) / SYNODIC_MONTH);
        long monthStart = newMoonDay(lunation + 1);
        if (monthStart > day) {
            monthStart = newMoonDay(lunation);
        }

        // The two months 11 that bracket the day, and the lunar year.
        int year = solar.getYear();
        long month11 = month11Start(year);
        long nextMonth11;
        int lunarYear;
        if (month11 >= monthStart) {
            lunarYear = year;
            nextMonth11 = month11;
            month11 = month11Start(year - 1);
        } else {
            lunarYear = year + 1;
            nextMonth11 = month11Start(year + 1);
        }

        int lunarDay = (int) (day - monthStart + 1);
        int monthsAfter11 = (int) Math.floor((monthStart - month11) / 29.0);
        boolean leap = false;
        int lunarMonth = monthsAfter11 + 11;
        if (nextMonth11 - month11 > 365) {
            int leapOffset = leapMonthOffset(month11);
            if (monthsAfter11 >= leapOffset) {
                lunarMonth = monthsAfter11 + 10;
                leap = monthsAfter11 == leapOffset;
            }
        }
        if (lunarMonth > 12) {
            lunarMonth -= 12;
        }
        if (lunarMonth >= 11 && monthsAfter11 < 4) {
            lunarYear -= 1;
        }
        return new LunarDate(lunarDay, lunarMonth, lunarYear, leap);
    }

    /**
     * Converts a Vietnamese lunar date (UTC+7) to the Gregorian date.
     *
     * @param lunarDay   day of the lunar month, 1–30 (30 only in a 30-day month)
     * @param lunarMonth lunar month, 1–12
     * @param lunarYear  lunar year, {@value #MIN_YEAR}–{@value #MAX_YEAR}
     * @param leapMonth  true for the leap (nhuận) month that repeats {@code lunarMonth}
     * @return the Gregorian date
     * @throws IllegalArgumentException if an argument is out of range, if {@code leapMonth} is true but
     *                                  that year has no leap month numbered {@code lunarMonth}, or if the
     *                                  month has only 29 days and {@code lunarDay} is 30
     */
    public static LocalDate toSolar(int lunarDay, int lunarMonth, int lunarYear, boolean leapMonth) {
        if (lunarDay < 1 || lunarDay > 30) {
            throw new IllegalArgumentException("lunar day must be 1-30: " + lunarDay);
        }
        if (lunarMonth < 1 || lunarMonth > 12) {
            throw new IllegalArgumentException("lunar month must be 1-12: " + lunarMonth);
        }
        checkYear(lunarYear);

        // Months 11 and 12 of lunar year Y begin after the solstice of Gregorian year Y;
        // months 1 to 10 of lunar year Y lie after the solstice of Gregorian year Y-1.
        long month11;
        long nextMonth11;
        if (lunarMonth < 11) {
            month11 = month11Start(lunarYear - 1);
            nextMonth11 = month11Start(lunarYear);
        } else {
            month11 = month11Start(lunarYear);
            nextMonth11 = month11Start(lunarYear + 1);
        }
        long lunation11 = Math.round((month11 - REFERENCE_NEW_MOON) / SYNODIC_MONTH);
        int offset = lunarMonth - 11;
        if (offset < 0) {
            offset += 12;
        }
        if (nextMonth11 - month11 > 365) {
            int leapOffset = leapMonthOffset(month11);
            if (leapMonth && lunarMonth != leapMonthNumber(leapOffset)) {
                throw noSuchLeapMonth(lunarMonth, lunarYear);
            }
            if (leapMonth || offset >= leapOffset) {
                offset += 1;
            }
        } else if (leapMonth) {
            throw noSuchLeapMonth(lunarMonth, lunarYear);
        }
        long monthStart = newMoonDay(lunation11 + offset);
        long nextMonthStart = newMoonDay(lunation11 + offset + 1);
        if (lunarDay > nextMonthStart - monthStart) {
            throw new IllegalArgumentException("lunar month " + lunarMonth + (leapMonth ? " (leap)" : "") + "/"
                    + lunarYear + " has only " + (nextMonthStart - monthStart) + " days");
        }
        return fromJulianDayNumber(monthStart + lunarDay - 1);
    }

    /**
     * The number of the leap month of a lunar year, or 0 if the year has none (e.g. 2023 → 2,
     * 2025 → 6, 2026 → 0).
     *
     * @param lunarYear lunar year, {@value #MIN_YEAR}–{@value #MAX_YEAR}
     * @throws IllegalArgumentException if the year is outside the supported range
     */
    public static int leapMonthOf(int lunarYear) {
        checkYear(lunarYear);
        // Leap months 1-10 of lunar year Y lie between the months 11 that follow the solstices of Y-1 and Y;
        // a leap month 11 or 12 of lunar year Y lies between those of Y and Y+1.
        int early = leapMonthBetween(month11Start(lunarYear - 1), month11Start(lunarYear));
        if (early >= 1 && early <= 10) {
            return early;
        }
        int late = leapMonthBetween(month11Start(lunarYear), month11Start(lunarYear + 1));
        return late >= 11 ? late : 0;
    }

    /** Number of the leap month between two consecutive months 11, or 0 if that span has 12 months. */
    private static int leapMonthBetween(long month11, long nextMonth11) {
        return nextMonth11 - month11 > 365 ? leapMonthNumber(leapMonthOffset(month11)) : 0;
    }

    /** The month number a leap month at {@code leapOffset} months after month 11 repeats (1-12). */
    private static int leapMonthNumber(int leapOffset) {
        // offset 0 = month 11, 1 = month 12, 2 = month 1, ...; the leap month repeats the month before it.
        return Math.floorMod(leapOffset + 9, 12) + 1;
    }

    // ---------------------------------------------------------------- astronomy

    /**
     * Julian date (days, TT approximated as UT) of the k-th new moon after the reference new moon of
     * 6 January 1900 (Meeus ch. 49, truncated series).
     */
    private static double newMoon(long k) {
        double t = k / 1236.85; // Julian centuries since 1900
        double t2 = t * t;
        double t3 = t2 * t;
        double mean = 2_415_020.75933 + SYNODIC_MONTH * k + 0.0001178 * t2 - 0.000000155 * t3
                + 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEG);
        double sunAnomaly = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * DEG;
        double moonAnomaly = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * DEG;
        double latitudeArg = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * DEG;
        double correction = (0.1734 - 0.000393 * t) * Math.sin(sunAnomaly)
                + 0.0021 * Math.sin(2 * sunAnomaly)
                - 0.4068 * Math.sin(moonAnomaly)
                + 0.0161 * Math.sin(2 * moonAnomaly)
                - 0.0004 * Math.sin(3 * moonAnomaly)
                + 0.0104 * Math.sin(2 * latitudeArg)
                - 0.0051 * Math.sin(sunAnomaly + moonAnomaly)
                - 0.0074 * Math.sin(sunAnomaly - moonAnomaly)
                + 0.0004 * Math.sin(2 * latitudeArg + sunAnomaly)
                - 0.0004 * Math.sin(2 * latitudeArg - sunAnomaly)
                - 0.0006 * Math.sin(2 * latitudeArg + moonAnomaly)
                + 0.0010 * Math.sin(2 * latitudeArg - moonAnomaly)
                + 0.0005 * Math.sin(2 * moonAnomaly + sunAnomaly);
        double deltaT; // TT - UT, in days
        if (t < -11) {
            deltaT = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3;
        } else {
            deltaT = -0.000278 + 0.000265 * t + 0.000262 * t2;
        }
        return mean + correction - deltaT;
    }

    /** Julian Day Number of the UTC+7 civil day containing the k-th new moon. */
    private static long newMoonDay(long k) {
        return (long) Math.floor(newMoon(k) + 0.5 + TIME_ZONE_HOURS / 24.0);
    }

    /** Apparent sun longitude in radians, normalised to [0, 2π), at Julian date {@code jd} (Meeus ch. 25). */
    private static double sunLongitude(double jd) {
        double t = (jd - 2_451_545.0) / 36_525.0; // Julian centuries since J2000
        double t2 = t * t;
        double meanAnomaly = (357.52910 + 35_999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * DEG;
        double meanLongitude = 280.46645 + 36_000.76983 * t + 0.0003032 * t2;
        double centre = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(meanAnomaly)
                + (0.019993 - 0.000101 * t) * Math.sin(2 * meanAnomaly)
                + 0.000290 * Math.sin(3 * meanAnomaly);
        double longitude = (meanLongitude + centre) * DEG;
        return longitude - 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
    }

    /**
     * The 30° sector (0–11) of the sun's longitude at the local (UTC+7) midnight that begins the day
     * with Julian Day Number {@code dayNumber}. Sector 9 begins at the winter solstice (270°).
     */
    private static int sunSector(long dayNumber) {
        double localMidnight = dayNumber - 0.5 - TIME_ZONE_HOURS / 24.0;
        return (int) Math.floor(sunLongitude(localMidnight) / Math.PI * 6);
    }

    /** Julian Day Number of the first day of lunar month 11 (the one containing the December solstice of {@code year}). */
    private static long month11Start(int year) {
        long dec31 = julianDayNumber(LocalDate.of(year, 12, 31));
        long k = (long) Math.floor((dec31 - 2_415_021) / SYNODIC_MONTH);
        long start = newMoonDay(k);
        if (sunSector(start) >= 9) {
            // The solstice was already past when this month began, so month 11 is the one before.
            start = newMoonDay(k - 1);
        }
        return start;
    }

    /**
     * For a 13-month lunar year starting at month 11 ({@code month11} = its Julian Day Number), the
     * offset (in months after month 11) of the leap month: the first month without a major solar term,
     * detected as two consecutive month starts in the same 30° sun sector.
     */
    private static int leapMonthOffset(long month11) {
        long k = Math.round((month11 - REFERENCE_NEW_MOON) / SYNODIC_MONTH);
        int i = 1;
        int sector = sunSector(newMoonDay(k + i));
        int previous;
        do {
            previous = sector;
            i++;
            sector = sunSector(newMoonDay(k + i));
        } while (sector != previous && i < 14);
        return i - 1;
    }

    // ---------------------------------------------------------------- helpers

    private static long julianDayNumber(LocalDate date) {
        return date.toEpochDay() + JDN_OF_EPOCH_DAY_0;
    }

    private static LocalDate fromJulianDayNumber(long jdn) {
        return LocalDate.ofEpochDay(jdn - JDN_OF_EPOCH_DAY_0);
    }

    private static void checkYear(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException(
                    "year " + year + " outside the supported range " + MIN_YEAR + "-" + MAX_YEAR);
        }
    }

    private static IllegalArgumentException noSuchLeapMonth(int lunarMonth, int lunarYear) {
        return new IllegalArgumentException("lunar year " + lunarYear + " has no leap month " + lunarMonth);
    }
}
