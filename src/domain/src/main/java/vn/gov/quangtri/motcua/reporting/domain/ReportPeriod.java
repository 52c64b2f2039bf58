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
 * {@link #endExclusive()}). Which days make a quarter is the caller's choice (docs/domain.md §6: Decree
 * 09/2019 cut-off 15th–14th is unconfirmed; calendar months are used by some provinces).
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
     * The period before this one: as many whole months when this period is whole months (Q1 → Q4 of the
     * year before), otherwise as many days.
     */
    public ReportPeriod previous() {
        LocalDate end = from.minusDays(1);
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
