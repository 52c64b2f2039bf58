package vn.gov.quangtri.motcua.reporting.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * A reporting period (kỳ báo cáo): whole Vietnam-local days from {@code from} to {@code to}, both
 * inclusive, in Asia/Ho_Chi_Minh. As moments it is the half-open interval [{@link #start()},
 * {@link #endExclusive()}). Which days make a quarter is the caller's choice: calendar months or the Decree
 * 09/2019 cut-off 15th–14th ({@link #named}; docs/domain.md §6).
 *
 * @param from first day, inclusive
 * @param to   last day, inclusive, not before {@code from}
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** @throws IllegalArgumentException when {@code to} is before {@code from} */
    public ReportPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends before it starts: " + from + " – " + to);
        }
    }

    /** A calendar month, e.g. March 2026 = 1/3/2026 – 31/3/2026. */
    public static ReportPeriod ofMonth(YearMonth month) {
        return new ReportPeriod(month.atDay(1), month.atEndOfMonth());
    }

    /**
     * A named period: a year ({@code 2026}), half-year ({@code 2026-H1}), quarter ({@code 2026-Q1}) or month
     * ({@code 2026-11}). With calendar months it runs from the 1st of its first month to the last day of its last
     * month; with the Decree 09/2019/NĐ-CP cut-off (docs/domain.md §6) from the 15th of the month before its
     * first month to the 14th of its last month: 2026-Q1 = 15/12/2025 – 14/3/2026.
     *
     * @param name     the period's name, case-insensitive
     * @param decree09 use the Decree 09/2019 cut-off instead of calendar months
     * @throws IllegalArgumentException when the name has none of these forms
     */
    public static ReportPeriod named(String name, boolean decree09) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4})(?:-(?:(\\d{2})|([QqHh])(\\d)))?")
            .matcher(name == null ? "" : name.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a period name (2026, 2026-H1, 2026-Q1, 2026-11): " + name);
        }
        int year = Integer.parseInt(m.group(1));
        YearMonth first;
        int months;
        if (m.group(2) != null) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                throw new IllegalArgumentException("No such month: " + name);
            }
            first = YearMonth.of(year, month);
            months = 1;
        } else if (m.group(3) != null) {
            int n = Integer.parseInt(m.group(4));
            months = m.group(3).equalsIgnoreCase("Q") ? 3 : 6;
            if (n < 1 || n > 12 / months) {
                throw new IllegalArgumentException("No such " + (months == 3 ? "quarter" : "half-year") + ": " + name);
            }
            first = YearMonth.of(year, (n - 1) * months + 1);
        } else {
            first = YearMonth.of(year, 1);
            months = 12;
        }
        YearMonth last = first.plusMonths(months - 1L);
        return decree09 ? new ReportPeriod(first.minusMonths(1).atDay(15), last.atDay(14))
            : new ReportPeriod(first.atDay(1), last.atEndOfMonth());
    }

    /**
     * The period before this one: as many whole months when this period is whole months (Q1 → Q4 of the
     * year before), otherwise as many days.
     */
    public ReportPeriod previous() {
        LocalDate end = from.minusDays(1);
        if (from.getDayOfMonth() == 15 && to.getDayOfMonth() == 14) { // Decree 09/2019 cut-off periods
            long months = ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to));
            return new ReportPeriod(YearMonth.from(from).minusMonths(months).atDay(15), end);
        }
        if (from.getDayOfMonth() == 1 && to.equals(YearMonth.from(to).atEndOfMonth())) {
            long months = ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) + 1;
            return new ReportPeriod(YearMonth.from(from).minusMonths(months).atDay(1), end);
        }
        return new ReportPeriod(end.minusDays(ChronoUnit.DAYS.between(from, to)), end);
    }

    /** 00:00 of the first day, Vietnam time. */
    public Instant start() {
        return from.atStartOfDay(VietnamTime.ZONE).toInstant();
    }

    /** 00:00 of the day after the last day, Vietnam time (exclusive end). */
    public Instant endExclusive() {
        return to.plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant();
    }

    /** True when the moment lies in the period (Vietnam time); false for null. */
    public boolean contains(Instant moment) {
        return moment != null && !moment.isBefore(start()) && moment.isBefore(endExclusive());
    }

    /** "từ ngày 01/03/2026 đến ngày 31/03/2026", for report titles. */
    public String label() {
        return "từ ngày " + from.format(DAY) + " đến ngày " + to.format(DAY);
    }
}
