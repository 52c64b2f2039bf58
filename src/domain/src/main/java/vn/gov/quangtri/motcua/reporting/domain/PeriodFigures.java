package vn.gov.quangtri.motcua.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * One row (or the total) of the period report of issue 14 §2 (docs/domain.md §6): numbers of dossiers, each in one
 * {@link PeriodBucket}. Balance: {@code carriedOver + received = resolved + inProgress + stopped + withdrawn};
 * dossiers refused at intake were never received and stand beside it ({@link #balances()}).
 *
 * @param key               row key: unit code, field, level name or procedure code; null for the total
 * @param label             Vietnamese label (unit name, field, level, procedure name; "Tổng cộng")
 * @param carriedOver       received before the period, not finished at its start (kỳ trước chuyển qua)
 * @param receivedOnline    accepted in the period, submitted online (trực tuyến)
 * @param receivedDirect    accepted in the period at the desk (trực tiếp)
 * @param receivedPostal    accepted in the period, sent by post (bưu chính công ích)
 * @param resolvedEarly     result or reasoned rejection in the period before the appointment day (trước hạn)
 * @param resolvedOnTime    on the appointment day (đúng hạn)
 * @param resolvedLate      after the appointment day (quá hạn); the original appointment even after an apology
 * @param inProgressNotDue  not finished at the end, appointment not passed (trong hạn)
 * @param inProgressOverdue not finished at the end, appointment passed (quá hạn)
 * @param stopped           stopped in the period by law or by the agency (dừng xử lý)
 * @param withdrawn         stopped in the period because the applicant withdrew the dossier (rút hồ sơ)
 * @param refused           refused at intake in the period (từ chối tiếp nhận, form 03); not received
 * @param apologies         apologies with a new appointment issued in the period (form 04)
 */
public record PeriodFigures(String key, String label, long carriedOver, long receivedOnline, long receivedDirect,
                            long receivedPostal, long resolvedEarly, long resolvedOnTime, long resolvedLate,
                            long inProgressNotDue, long inProgressOverdue, long stopped, long withdrawn,
                            long refused, long apologies) {

    /** Formula of {@link #onTimeRate()}, as the API and the exports state it. */
    public static final String ON_TIME_RATE_FORMULA = "onTimeRate = (resolvedEarly + resolvedOnTime) / resolved * 100";
    /** Formula of {@link #lateRate()}. */
    public static final String LATE_RATE_FORMULA =
        "lateRate = (resolvedLate + inProgressOverdue) / (carriedOver + received) * 100";

    /** A row of zeros. */
    public static PeriodFigures empty(String key, String label) {
        return new PeriodFigures(key, label, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** Received in the period = online + direct + postal. */
    public long received() {
        return receivedOnline + receivedDirect + receivedPostal;
    }

    /** Resolved in the period = early + on time + late. */
    public long resolved() {
        return resolvedEarly + resolvedOnTime + resolvedLate;
    }

    /** In progress at the end = not due + overdue. */
    public long inProgress() {
        return inProgressNotDue + inProgressOverdue;
    }

    /** Total to process (tổng số phải giải quyết) = carried over + received. */
    public long toProcess() {
        return carriedOver + received();
    }

    /** True when carried over + received = resolved + in progress + stopped + withdrawn. */
    public boolean balances() {
        return toProcess() == resolved() + inProgress() + stopped + withdrawn;
    }

    /**
     * On-time rate in per cent, one decimal, half up: (early + on time) ÷ resolved × 100 (Decision 766/QĐ-TTg merges
     * early and on time); null when nothing was resolved.
     */
    public BigDecimal onTimeRate() {
        return percent(resolvedEarly + resolvedOnTime, resolved());
    }

    /**
     * Late rate in per cent, one decimal, half up: (resolved late + in progress overdue) ÷ (carried over + received)
     * × 100 (report_columns.csv, Gia Lai definition); null when there was nothing to process.
     */
    public BigDecimal lateRate() {
        return percent(resolvedLate + inProgressOverdue, toProcess());
    }

    /** The number of one figure (detailed or a sum). */
    public long count(PeriodBucket bucket) {
        return switch (bucket) {
            case CARRIED_OVER -> carriedOver;
            case RECEIVED_ONLINE -> receivedOnline;
            case RECEIVED_DIRECT -> receivedDirect;
            case RECEIVED_POSTAL -> receivedPostal;
            case RESOLVED_EARLY -> resolvedEarly;
            case RESOLVED_ON_TIME -> resolvedOnTime;
            case RESOLVED_LATE -> resolvedLate;
            case IN_PROGRESS_NOT_DUE -> inProgressNotDue;
            case IN_PROGRESS_OVERDUE -> inProgressOverdue;
            case STOPPED -> stopped;
            case WITHDRAWN -> withdrawn;
            case REFUSED -> refused;
            case APOLOGIES -> apologies;
            case RECEIVED -> received();
            case RESOLVED -> resolved();
            case IN_PROGRESS -> inProgress();
            case TO_PROCESS -> toProcess();
        };
    }

    /** This row with one more dossier in each of the given detailed buckets. */
    PeriodFigures add(Iterable<PeriodBucket> buckets) {
        long[] v = values();
        for (PeriodBucket b : buckets) {
            v[b.ordinal()]++;
        }
        return of(key, label, v);
    }

    /** The sum of this row and another, under a new key and label. */
    public PeriodFigures plus(PeriodFigures o, String newKey, String newLabel) {
        long[] v = values();
        long[] w = o.values();
        for (int i = 0; i < v.length; i++) {
            v[i] += w[i];
        }
        return of(newKey, newLabel, v);
    }

    /** The detailed figures in {@link PeriodBucket} order (carried over … apologies). */
    private long[] values() {
        return new long[] {carriedOver, receivedOnline, receivedDirect, receivedPostal, resolvedEarly, resolvedOnTime,
            resolvedLate, inProgressNotDue, inProgressOverdue, stopped, withdrawn, refused, apologies};
    }

    private static PeriodFigures of(String key, String label, long[] v) {
        return new PeriodFigures(key, label, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11],
            v[12]);
    }

    /** A percentage the Vietnamese way, one decimal with a comma: 88.9 → "88,9". */
    public static String vietnamese(BigDecimal percent) {
        return vietnamese(percent, 1);
    }

    /**
     * A number the Vietnamese way: a comma before exactly {@code decimals} decimals (rounded half up), no grouping:
     * (3.355, 2) → "3,36", (10, 2) → "10,00", (7, 0) → "7".
     */
    public static String vietnamese(BigDecimal value, int decimals) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setDecimalSeparator(','); // not from locale data, which a slim runtime may lack
        return new DecimalFormat(decimals <= 0 ? "0" : "0." + "0".repeat(decimals), symbols)
            .format(value.setScale(Math.max(0, decimals), java.math.RoundingMode.HALF_UP));
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1,
            RoundingMode.HALF_UP);
    }
}
