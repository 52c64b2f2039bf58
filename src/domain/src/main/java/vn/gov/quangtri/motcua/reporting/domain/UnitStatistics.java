package vn.gov.quangtri.motcua.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * One row of the periodic report on handling procedures (báo cáo tình hình, kết quả giải quyết TTHC;
 * docs/domain.md §6, report_columns.csv): counts of dossiers of one receiving unit, or the total of several.
 *
 * <p>Every counted dossier falls in exactly one bucket on each side of the balance
 * {@code carriedOver + received = resolved + inProgress + stoppedOrWithdrawn (+ refused when
 * refusedInBalance)} ({@link #balances()}).
 *
 * @param agencyCode             unit code, or null for a total row
 * @param agencyName             unit name (Vietnamese), or the total row's label
 * @param carriedOver            received before the period and not finished at its start (kỳ trước chuyển qua)
 * @param receivedOnline         accepted in the period, submitted online (trực tuyến)
 * @param receivedDirectOrPostal accepted in the period at the desk or by post (trực tiếp, bưu chính);
 *                               with {@code refusedInBalance} also the dossiers refused at intake
 * @param resolvedEarly          finished in the period before the appointment day (trước hạn)
 * @param resolvedOnTime         finished in the period on the appointment day (đúng hạn)
 * @param resolvedLate           finished in the period after the appointment day (quá hạn), judged
 *                               against the original appointment even after an apology
 * @param inProgressWithinLimit  not finished at period end, appointment not yet passed (còn hạn)
 * @param inProgressOverdue      not finished at period end, appointment passed (quá hạn)
 * @param refused                refused at intake in the period (từ chối tiếp nhận, form 03)
 * @param stoppedOrWithdrawn     stopped in the period at the applicant's request or by law (rút, dừng)
 * @param apologiesIssued        apologies with a new appointment issued in the period (form 04)
 * @param refusedInBalance       whether refused dossiers count as received and in the balance
 */
public record UnitStatistics(String agencyCode, String agencyName, long carriedOver, long receivedOnline,
                             long receivedDirectOrPostal, long resolvedEarly, long resolvedOnTime,
                             long resolvedLate, long inProgressWithinLimit, long inProgressOverdue,
                             long refused, long stoppedOrWithdrawn, long apologiesIssued,
                             boolean refusedInBalance) {

    /**
     * How the on-time rate is computed, for the report footer: the rate over resolved dossiers (Decision
     * 766 merges early and on time), not Gia Lai's "100 % − late rate".
     */
    public static final String ON_TIME_RATE_FORMULA =
        "Tỷ lệ giải quyết đúng hạn = (số hồ sơ giải quyết trước hạn + đúng hạn) ÷ tổng số hồ sơ đã giải quyết × 100%";

    /** How the late rate is computed (Gia Lai definition, report_columns.csv), for the report footer. */
    public static final String LATE_RATE_FORMULA =
        "Tỷ lệ trễ hạn = (số hồ sơ đã giải quyết quá hạn + đang giải quyết quá hạn) ÷ tổng số hồ sơ phải giải quyết × 100%";

    /** A row of zeros. */
    public static UnitStatistics empty(String agencyCode, String agencyName, boolean refusedInBalance) {
        return new UnitStatistics(agencyCode, agencyName, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, refusedInBalance);
    }

    /** Received in the period: online + direct/postal. */
    public long received() {
        return receivedOnline + receivedDirectOrPostal;
    }

    /** Total to process (tổng số hồ sơ phải giải quyết) = carried over + received. */
    public long totalToProcess() {
        return carriedOver + received();
    }

    /** Resolved in the period = early + on time + late. */
    public long resolved() {
        return resolvedEarly + resolvedOnTime + resolvedLate;
    }

    /** Resolved early or on time (the numerator of the on-time rate). */
    public long resolvedInTime() {
        return resolvedEarly + resolvedOnTime;
    }

    /** In progress at period end = within limit + overdue. */
    public long inProgress() {
        return inProgressWithinLimit + inProgressOverdue;
    }

    /** Right-hand side of the balance: resolved + in progress + stopped (+ refused when counted). */
    public long accountedFor() {
        return resolved() + inProgress() + stoppedOrWithdrawn + (refusedInBalance ? refused : 0);
    }

    /** True when carried over + received = resolved + in progress + stopped/withdrawn (+ refused). */
    public boolean balances() {
        return totalToProcess() == accountedFor();
    }

    /**
     * On-time rate in percent, one decimal, half up: (early + on time) ÷ resolved × 100 (C33: 40 ÷ 45 =
     * 88.9); null when nothing was resolved.
     */
    public BigDecimal onTimeRatePercent() {
        return percent(resolvedInTime(), resolved());
    }

    /**
     * Late rate in percent, one decimal, half up: (resolved late + in progress overdue) ÷ total to
     * process × 100 (Gia Lai definition); null when there was nothing to process.
     */
    public BigDecimal lateRatePercent() {
        return percent(resolvedLate + inProgressOverdue, totalToProcess());
    }

    /** The on-time computation with this row's figures, Vietnamese number format: "(25 + 15) ÷ 45 × 100% = 88,9%". */
    public String onTimeRateWorking() {
        BigDecimal rate = onTimeRatePercent();
        return "(" + resolvedEarly + " + " + resolvedOnTime + ") ÷ " + resolved() + " × 100% = "
            + (rate == null ? "không có hồ sơ đã giải quyết" : vietnamese(rate) + "%");
    }

    /** The late-rate computation with this row's figures: "(5 + 5) ÷ 60 × 100% = 16,7%". */
    public String lateRateWorking() {
        BigDecimal rate = lateRatePercent();
        return "(" + resolvedLate + " + " + inProgressOverdue + ") ÷ " + totalToProcess() + " × 100% = "
            + (rate == null ? "không có hồ sơ phải giải quyết" : vietnamese(rate) + "%");
    }

    /** This row plus another, under a new code and name (for total rows). */
    public UnitStatistics plus(UnitStatistics o, String code, String name) {
        return new UnitStatistics(code, name, carriedOver + o.carriedOver, receivedOnline + o.receivedOnline,
            receivedDirectOrPostal + o.receivedDirectOrPostal, resolvedEarly + o.resolvedEarly,
            resolvedOnTime + o.resolvedOnTime, resolvedLate + o.resolvedLate,
            inProgressWithinLimit + o.inProgressWithinLimit, inProgressOverdue + o.inProgressOverdue,
            refused + o.refused, stoppedOrWithdrawn + o.stoppedOrWithdrawn, apologiesIssued + o.apologiesIssued,
            refusedInBalance);
    }

    /** A percentage with one decimal in Vietnamese notation (decimal comma): 88.9 → "88,9". */
    public static String vietnamese(BigDecimal percent) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setDecimalSeparator(','); // not from locale data, which a slim runtime may lack
        return new DecimalFormat("0.0", symbols).format(percent);
    }

    private static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
            .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
