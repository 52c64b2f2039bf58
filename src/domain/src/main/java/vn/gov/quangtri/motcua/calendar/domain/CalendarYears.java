package vn.gov.quangtri.motcua.calendar.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.gov.quangtri.motcua.calendar.domain.CalendarEdits.DayOffKind;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;

/**
 * Rules for setting up a new year of the holiday calendar (issue 9 item 2): which years may be created, when
 * administrators are reminded that next year is missing, and the statutory days off proposed for a year.
 * Dates are Vietnam local dates (Asia/Ho_Chi_Minh).
 */
public final class CalendarYears {

    /** From this day of the year on, administrators are warned when next year is not configured. */
    public static final MonthDay REMINDER_FROM = MonthDay.of(10, 1);

    /** How many years ahead a year may be created (holidays are decided year by year). */
    public static final int MAX_YEARS_AHEAD = 10;

    private CalendarYears() {
    }

    /**
     * Checks creating {@code year}: not already configured, not before the current year (past deadlines were
     * computed long ago and cannot be re-guessed), at most {@value #MAX_YEARS_AHEAD} years ahead.
     *
     * @param today      today in Vietnam
     * @param configured the years already configured
     * @throws ConflictException      {@code CALENDAR_YEAR_EXISTS}
     * @throws RuleViolationException {@code YEAR_OUT_OF_RANGE}
     */
    public static void checkNewYear(int year, LocalDate today, Set<Integer> configured) {
        if (configured.contains(year)) {
            throw new ConflictException("CALENDAR_YEAR_EXISTS", "Lịch nghỉ năm " + year + " đã được tạo.");
        }
        int first = today.getYear();
        int last = first + MAX_YEARS_AHEAD;
        if (year < first || year > last) {
            throw new RuleViolationException("YEAR_OUT_OF_RANGE", "Chỉ tạo được lịch nghỉ của các năm từ " + first
                + " đến " + last + " (nhận được " + year + ").", List.of("year: " + first + " to " + last));
        }
    }

    /**
     * The year administrators must set up now: next year, from {@link #REMINDER_FROM} (1 October) of the
     * current year, when it is not configured; empty otherwise.
     *
     * @param today      today in Vietnam
     * @param configured the configured years
     */
    public static Optional<Integer> yearToSetUp(LocalDate today, Set<Integer> configured) {
        int next = today.getYear() + 1;
        if (MonthDay.from(today).isBefore(REMINDER_FROM) || configured.contains(next)) {
            return Optional.empty();
        }
        return Optional.of(next);
    }

    /**
     * A proposed day off: the administrator confirms it (adds it) or not.
     *
     * @param date Vietnam local date
     * @param kind the kind it would be added as
     * @param name Vietnamese name
     */
    public record ProposedDay(LocalDate date, DayOffKind kind, String name) {
    }

    /**
     * The public holidays of Labour Code 2019 art. 112 cl. 1 for {@code year}, with the compensatory days of
     * art. 111 cl. 3, as a proposal: 1/1; Tết (the last day of the lunar year and lunar 1/1–4/1, the usual
     * split of its five days; the Prime Minister decides the actual one); Hùng Kings' day (lunar 10/3); 30/4;
     * 1/5; 2/9 and one adjacent day (1/9, or 3/9 when 1/9 is a weekend day). Each proposed day on a Saturday or
     * Sunday gets a compensatory day on the next Monday–Friday that is neither proposed nor already given.
     * Yearly swaps (make-up Saturdays) are decided by the government and never proposed.
     *
     * @param year Gregorian year, within {@link LunarCalendar#MIN_YEAR}–{@link LunarCalendar#MAX_YEAR} - 1
     * @return the days in date order
     */
    public static List<ProposedDay> statutoryProposal(int year) {
        List<ProposedDay> days = new ArrayList<>();
        days.add(new ProposedDay(LocalDate.of(year, 1, 1), DayOffKind.HOLIDAY, "Tết Dương lịch"));
        LocalDate tet = LunarCalendar.toSolar(1, 1, year, false);
        days.add(new ProposedDay(tet.minusDays(1), DayOffKind.TET, "Nghỉ Tết Âm lịch (giao thừa)"));
        for (int i = 0; i < 4; i++) {
            days.add(new ProposedDay(tet.plusDays(i), DayOffKind.TET, "Tết Nguyên Đán (mùng " + (i + 1) + ")"));
        }
        days.add(new ProposedDay(LunarCalendar.toSolar(10, 3, year, false), DayOffKind.HOLIDAY,
            "Giỗ Tổ Hùng Vương (10/3 âm lịch)"));
        days.add(new ProposedDay(LocalDate.of(year, 4, 30), DayOffKind.HOLIDAY, "Ngày Chiến thắng"));
        days.add(new ProposedDay(LocalDate.of(year, 5, 1), DayOffKind.HOLIDAY, "Ngày Quốc tế Lao động"));
        LocalDate national = LocalDate.of(year, 9, 2);
        LocalDate adjacent = CalendarEdits.isWeekend(national.minusDays(1)) ? national.plusDays(1) : national.minusDays(1);
        days.add(new ProposedDay(national, DayOffKind.HOLIDAY, "Quốc khánh"));
        days.add(new ProposedDay(adjacent, DayOffKind.HOLIDAY, "Quốc khánh (ngày liền kề)"));
        days.sort(Comparator.comparing(ProposedDay::date));

        Set<LocalDate> taken = new HashSet<>();
        days.forEach(d -> taken.add(d.date()));
        List<ProposedDay> out = new ArrayList<>();
        for (ProposedDay d : days) {
            out.add(d);
            if (CalendarEdits.isWeekend(d.date())) {
                LocalDate c = d.date().plusDays(1);
                while (CalendarEdits.isWeekend(c) || taken.contains(c)) {
                    c = c.plusDays(1);
                }
                taken.add(c);
                out.add(new ProposedDay(c, DayOffKind.COMPENSATORY, "Nghỉ bù " + d.name() + " ("
                    + weekday(d.date().getDayOfWeek()) + " " + d.date().getDayOfMonth() + "/" + d.date().getMonthValue() + ")"));
            }
        }
        out.sort(Comparator.comparing(ProposedDay::date));
        return List.copyOf(out);
    }

    private static String weekday(DayOfWeek d) {
        return d == DayOfWeek.SATURDAY ? "thứ Bảy" : "Chủ nhật";
    }
}
