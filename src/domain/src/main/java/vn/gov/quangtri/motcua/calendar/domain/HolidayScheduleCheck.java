package vn.gov.quangtri.motcua.calendar.domain;

import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plausibility check of a year's holiday list before an administrator applies it (docs/cases.md C05: lunar
 * holidays computed from a wrong table end up a month off and look plausible). It does not change the
 * list; it returns human-readable warnings (Vietnamese) for a reviewer. The calendar stays data-driven
 * (docs/domain.md §3.2); this class only compares the data with the lunar calendar ({@link LunarCalendar},
 * UTC+7) and the Labour Code rules.
 *
 * <p>Warnings are produced when:
 * <ul>
 *   <li>the year has no {@code tet} entry, or none of its {@code tet} entries lies in 21/01–20/02 (the only
 *       window in which the lunar new year can fall), or the computed first day of the lunar year (mùng 1)
 *       is not among its {@code tet} entries, or a {@code tet} entry lies more than 10 days from mùng 1
 *       (Labour Code 2019 art. 112 cl. 1);</li>
 *   <li>a holiday entry (kind {@code statutory} or {@code tet}) whose name contains "Hùng" is not on the
 *       10th day of the 3rd lunar month, or no day-off entry lies on that day (art. 112 cl. 1);
 *       compensatory and swap rows that mention Hùng Vương are checked by their own rules;</li>
 *   <li>a {@code swap_working_day} (make-up working day) is not a Saturday or Sunday;</li>
 *   <li>a {@code compensatory} day off is not Monday–Friday (art. 111 cl. 3);</li>
 *   <li>an entry has an unknown kind, lies outside the year, or a date appears more than once.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class HolidayScheduleCheck {

    /** Kind of a statutory public holiday (Labour Code 2019 art. 112). */
    public static final String STATUTORY = "statutory";
    /** Kind of a Tết (lunar new year) day off. */
    public static final String TET = "tet";
    /** Kind of a compensatory day off for a holiday on a weekly rest day (art. 111 cl. 3). */
    public static final String COMPENSATORY = "compensatory";
    /** Kind of a weekday made a day off by a swap. */
    public static final String SWAP_DAY_OFF = "swap_day_off";
    /** Kind of a weekend day made a working day by a swap ("ngày làm bù"). */
    public static final String SWAP_WORKING_DAY = "swap_working_day";

    /** The values of the {@code kind} column of holidays.csv. */
    public static final Set<String> KINDS = Set.of(STATUTORY, TET, COMPENSATORY, SWAP_DAY_OFF, SWAP_WORKING_DAY);

    private static final MonthDay TET_WINDOW_FROM = MonthDay.of(1, 21);
    private static final MonthDay TET_WINDOW_TO = MonthDay.of(2, 20);
    private static final int TET_MAX_DISTANCE_DAYS = 10;
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /**
     * One row of a holiday list (the {@code date}, {@code kind} and {@code name} columns of holidays.csv).
     *
     * @param date Vietnam local date, not null
     * @param kind one of {@link #KINDS}, not null
     * @param name display name, may be empty; null is stored as ""
     */
    public record Entry(LocalDate date, String kind, String name) {

        /**
         * Validates and normalises the row.
         *
         * @throws NullPointerException if {@code date} or {@code kind} is null
         */
        public Entry {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(kind, "kind");
            name = name == null ? "" : name;
        }

        /** Whether this row makes its date a day off (every kind except {@code swap_working_day}). */
        public boolean isDayOff() {
            return !SWAP_WORKING_DAY.equals(kind);
        }
    }

    private HolidayScheduleCheck() {
    }

    /**
     * Checks a year's holiday list and returns warnings for review (docs/cases.md C05). An empty list means no
     * problem was found; it does not prove the list is complete.
     *
     * @param year    the Gregorian year the list is for, {@value LunarCalendar#MIN_YEAR}–{@value LunarCalendar#MAX_YEAR}
     * @param entries the rows, not null, no null elements
     * @return Vietnamese warning texts, each naming the rule and its legal source; unmodifiable
     * @throws NullPointerException     if {@code entries} or an element is null
     * @throws IllegalArgumentException if {@code year} is outside the lunar calendar's supported range
     */
    public static List<String> check(int year, List<Entry> entries) {
        Objects.requireNonNull(entries, "entries");
        List<String> warnings = new ArrayList<>();
        Map<LocalDate, Integer> seen = new HashMap<>();
        for (Entry e : entries) {
            Objects.requireNonNull(e, "entry");
            if (!KINDS.contains(e.kind())) {
                warnings.add("Dòng \"" + e.name() + "\" ngày " + fmt(e.date()) + " có loại không hợp lệ \"" + e.kind()
                        + "\" (phải là một trong: statutory, tet, compensatory, swap_day_off, swap_working_day).");
            }
            if (e.date().getYear() != year) {
                warnings.add("Dòng \"" + e.name() + "\" ngày " + fmt(e.date()) + " không thuộc năm " + year + ".");
            }
            seen.merge(e.date(), 1, Integer::sum);
        }
        seen.entrySet().stream()
                .filter(s -> s.getValue() > 1)
                .map(Map.Entry::getKey)
                .sorted()
                .forEach(d -> warnings.add("Ngày " + fmt(d) + " xuất hiện " + seen.get(d)
                        + " lần trong danh sách; mỗi ngày chỉ được có một dòng."));

        checkTet(year, entries, warnings);
        checkHungKings(year, entries, warnings);

        for (Entry e : entries) {
            DayOfWeek dow = e.date().getDayOfWeek();
            boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
            if (SWAP_WORKING_DAY.equals(e.kind()) && !weekend) {
                warnings.add("Ngày làm bù \"" + e.name() + "\" ngày " + fmt(e.date()) + " là " + weekday(dow)
                        + ": ngày làm bù phải là thứ Bảy hoặc Chủ nhật (ngày thường vốn đã là ngày làm việc).");
            }
            if (COMPENSATORY.equals(e.kind()) && weekend) {
                warnings.add("Ngày nghỉ bù \"" + e.name() + "\" ngày " + fmt(e.date()) + " là " + weekday(dow)
                        + ": ngày nghỉ bù phải là ngày làm việc (thứ Hai đến thứ Sáu) kế tiếp ngày lễ trùng ngày nghỉ"
                        + " hằng tuần (Bộ luật Lao động 2019, Điều 111 khoản 3).");
            }
        }
        return List.copyOf(warnings);
    }

    private static void checkTet(int year, List<Entry> entries, List<String> warnings) {
        LocalDate firstDay = LunarCalendar.toSolar(1, 1, year, false);
        List<LocalDate> tet = entries.stream()
                .filter(e -> TET.equals(e.kind()) && e.date().getYear() == year)
                .map(Entry::date)
                .sorted()
                .collect(Collectors.toList());
        String rule = " (Bộ luật Lao động 2019, Điều 112 khoản 1; mùng 1 Tết năm " + year
                + " theo lịch âm Việt Nam, múi giờ UTC+7, là " + fmt(firstDay) + ")";
        if (tet.isEmpty()) {
            warnings.add("Không có ngày nghỉ Tết Nguyên đán nào cho năm " + year + rule + ".");
            return;
        }
        boolean anyInWindow = tet.stream().map(MonthDay::from)
                .anyMatch(md -> !md.isBefore(TET_WINDOW_FROM) && !md.isAfter(TET_WINDOW_TO));
        if (!anyInWindow) {
            warnings.add("Tết Nguyên Đán phải nằm trong khoảng 21/01–20/02 dương lịch, nhưng các ngày Tết đã nhập ("
                    + fmtList(tet) + ") đều nằm ngoài khoảng này" + rule + ". Kiểm tra lỗi lệch tháng âm lịch.");
        }
        if (!tet.contains(firstDay)) {
            warnings.add("Danh sách ngày nghỉ Tết năm " + year + " không có mùng 1 Tết (" + fmt(firstDay) + ")" + rule + ".");
        }
        List<LocalDate> far = tet.stream()
                .filter(d -> Math.abs(ChronoUnit.DAYS.between(firstDay, d)) > TET_MAX_DISTANCE_DAYS)
                .collect(Collectors.toList());
        if (!far.isEmpty()) {
            warnings.add("Các ngày Tết " + fmtList(far) + " cách mùng 1 Tết (" + fmt(firstDay) + ") hơn "
                    + TET_MAX_DISTANCE_DAYS + " ngày; kỳ nghỉ Tết phải bao quanh mùng 1" + rule + ".");
        }
    }

    private static void checkHungKings(int year, List<Entry> entries, List<String> warnings) {
        LocalDate hungDay = LunarCalendar.toSolar(10, 3, year, false);
        String rule = " (Bộ luật Lao động 2019, Điều 112 khoản 1: Giỗ Tổ Hùng Vương là ngày 10/3 âm lịch;"
                + " năm " + year + " là " + fmt(hungDay) + ")";
        for (Entry e : entries) {
            if ((STATUTORY.equals(e.kind()) || TET.equals(e.kind())) && mentionsHung(e.name())
                    && e.date().getYear() == year) {
                LunarDate lunar = LunarCalendar.toLunar(e.date());
                if (!(lunar.day() == 10 && lunar.month() == 3 && !lunar.leap())) {
                    warnings.add("Giỗ Tổ Hùng Vương phải là ngày 10/3 âm lịch, nhưng dòng \"" + e.name() + "\" ngày "
                            + fmt(e.date()) + " là ngày " + lunar.toVietnamese() + rule + ".");
                }
            }
        }
        boolean hungDayOff = entries.stream().anyMatch(e -> e.date().equals(hungDay) && e.isDayOff());
        if (!hungDayOff) {
            warnings.add("Không có ngày nghỉ nào vào ngày Giỗ Tổ Hùng Vương " + fmt(hungDay) + rule + ".");
        }
    }

    private static boolean mentionsHung(String name) {
        String normalized = Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return normalized.contains(Normalizer.normalize("hùng", Normalizer.Form.NFC));
    }

    private static String fmt(LocalDate date) {
        return DMY.format(date);
    }

    private static String fmtList(List<LocalDate> dates) {
        return dates.stream().map(HolidayScheduleCheck::fmt).collect(Collectors.joining(", "));
    }

    private static String weekday(DayOfWeek dow) {
        switch (dow) {
            case MONDAY: return "thứ Hai";
            case TUESDAY: return "thứ Ba";
            case WEDNESDAY: return "thứ Tư";
            case THURSDAY: return "thứ Năm";
            case FRIDAY: return "thứ Sáu";
            case SATURDAY: return "thứ Bảy";
            default: return "Chủ nhật";
        }
    }
}
