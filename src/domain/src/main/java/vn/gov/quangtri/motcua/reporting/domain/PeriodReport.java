package vn.gov.quangtri.motcua.reporting.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.gov.quangtri.motcua.agency.domain.AgencyLevel;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.dossier.domain.Timeliness;

/**
 * The period report of issue 14 §2 (docs/domain.md §6): rows by unit, field, level or procedure and their total,
 * each dossier in its {@link PeriodBucket}s. Pure computation over {@link DossierFacts}; days are Vietnam days
 * (Asia/Ho_Chi_Minh) through {@link ReportPeriod}.
 *
 * <p>Received is split online / direct / postal, stopped (by law or the agency) and withdrawn (the applicant) are
 * apart, and a dossier refused at intake is never received: it stands beside the balance
 * {@code carriedOver + received = resolved + inProgress + stopped + withdrawn} (form 03, never accepted;
 * docs/domain.md §2.2, §6.1). The province view counts the citizen's dossier once and leaves out the children
 * an inter-agency transfer created at co-operating agencies (their time is part of the parent's); the workload
 * view ({@code workload = true}) counts them in their own unit's row, shown with the parent's code.
 *
 * @param period   the period
 * @param groupBy  how rows are formed
 * @param workload whether inter-agency children are counted (per-agency workload) rather than left out (province)
 * @param rows     the rows: every group passed in, in the order given (zeros when nothing counted), then any group
 *                 met in the data only
 * @param total    the sum of the rows
 */
public record PeriodReport(ReportPeriod period, ReportGrouping groupBy, boolean workload, List<PeriodFigures> rows,
                           PeriodFigures total) {

    /** Label of the total row. */
    public static final String TOTAL_LABEL = "Tổng cộng";

    /** A row to list even without dossiers: key (as {@link ReportGrouping#keyOf}) and Vietnamese label. */
    public record Group(String key, String label) {
        public Group {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(label, "label");
        }
    }

    public PeriodReport {
        rows = List.copyOf(rows);
    }

    /**
     * Computes the report.
     *
     * @param period   Vietnam-local days
     * @param groupBy  row grouping
     * @param groups   rows to list in this order, each even without dossiers
     * @param dossiers facts of (at least) every dossier that can count; others are ignored
     * @param now      the present: in-progress dossiers of a period not yet over are judged against now
     * @param workload count inter-agency children (workload view) instead of leaving them out (province view)
     */
    public static PeriodReport compute(ReportPeriod period, ReportGrouping groupBy, List<Group> groups,
                                       Collection<DossierFacts> dossiers, Instant now, boolean workload) {
        Objects.requireNonNull(groupBy, "groupBy");
        Map<String, PeriodFigures> byKey = new LinkedHashMap<>();
        for (Group g : groups) {
            byKey.putIfAbsent(g.key(), PeriodFigures.empty(g.key(), g.label()));
        }
        for (DossierFacts d : dossiers) {
            if (!counts(d, workload)) {
                continue;
            }
            Set<PeriodBucket> buckets = classify(d, period, now);
            if (buckets.isEmpty()) {
                continue;
            }
            String key = groupBy.keyOf(d);
            PeriodFigures row = byKey.computeIfAbsent(key, k -> PeriodFigures.empty(k, fallbackLabel(groupBy, k)));
            byKey.put(key, row.add(buckets));
        }
        List<PeriodFigures> rows = new ArrayList<>(byKey.values());
        PeriodFigures total = PeriodFigures.empty(null, TOTAL_LABEL);
        for (PeriodFigures r : rows) {
            total = total.plus(r, null, TOTAL_LABEL);
        }
        return new PeriodReport(period, groupBy, workload, rows, total);
    }

    /** Whether a dossier counts in this view: always in the workload view, only if not a child for the province. */
    public static boolean counts(DossierFacts d, boolean workload) {
        return workload || !d.child();
    }

    /**
     * The detailed buckets a dossier falls in for a period (empty when it does not count in it): one left-hand and one
     * right-hand bucket of the balance, or {@link PeriodBucket#REFUSED} alone, plus {@link PeriodBucket#APOLOGIES}
     * when an apology was issued in the period.
     *
     * <ul>
     *   <li>Counted from acceptance ({@code receivedAt}): online submissions not yet accepted and dossiers awaiting a
     *       supplement at intake are not counted (§3.3).</li>
     *   <li>Carried over: accepted before the start, not finished before it; received: accepted in the period, by
     *       channel.</li>
     *   <li>Finished in the period: a stop is withdrawn (the applicant) or stopped; a result or reasoned rejection is
     *       early / on time / late by its stored classification (§3.5, never moved by an apology, §2.8).</li>
     *   <li>Otherwise in progress at the end: overdue when the appointment lies before the earlier of the end and
     *       now, or before the start of a clock pause (§3.4).</li>
     * </ul>
     */
    public static Set<PeriodBucket> classify(DossierFacts d, ReportPeriod period, Instant now) {
        Objects.requireNonNull(now, "now");
        Set<PeriodBucket> out = EnumSet.noneOf(PeriodBucket.class);
        if (period.contains(d.rescheduledAt())) {
            out.add(PeriodBucket.APOLOGIES);
        }
        if (d.status() == DossierStatus.REFUSED) {
            if (period.contains(d.refusedAt())) {
                out.add(PeriodBucket.REFUSED);
            }
            return out;
        }
        Instant start = period.start();
        Instant end = period.endExclusive();
        Instant finished = d.completedAt();
        if (d.receivedAt() == null || !d.receivedAt().isBefore(end) || (finished != null && finished.isBefore(start))) {
            out.remove(PeriodBucket.APOLOGIES); // not counted in the period at all
            return out;
        }
        if (d.receivedAt().isBefore(start)) {
            out.add(PeriodBucket.CARRIED_OVER);
        } else {
            out.add(switch (d.channel()) {
                case ONLINE -> PeriodBucket.RECEIVED_ONLINE;
                case DIRECT -> PeriodBucket.RECEIVED_DIRECT;
                case POSTAL -> PeriodBucket.RECEIVED_POSTAL;
            });
        }
        if (finished != null && finished.isBefore(end)) {
            if (d.status() == DossierStatus.STOPPED) {
                out.add(d.withdrawn() ? PeriodBucket.WITHDRAWN : PeriodBucket.STOPPED);
            } else {
                Timeliness t = d.timeliness() != null ? d.timeliness() : Timeliness.ofDossier(finished, d.dueAt());
                out.add(switch (t) {
                    case EARLY -> PeriodBucket.RESOLVED_EARLY;
                    case ON_TIME -> PeriodBucket.RESOLVED_ON_TIME;
                    case LATE -> PeriodBucket.RESOLVED_LATE;
                });
            }
        } else {
            Instant asOf = now.isBefore(end) ? now : end;
            Instant judgedAt = d.pausedAt() != null && d.pausedAt().isBefore(asOf) ? d.pausedAt() : asOf;
            out.add(d.dueAt() != null && d.dueAt().isBefore(judgedAt)
                ? PeriodBucket.IN_PROGRESS_OVERDUE : PeriodBucket.IN_PROGRESS_NOT_DUE);
        }
        return out;
    }

    /**
     * Whether a dossier is behind a figure: counted in this view, in the row {@code key} (null = any row, the total)
     * and in one of the figure's parts. The list behind a figure has exactly as many dossiers as the figure.
     */
    public static boolean isBehind(DossierFacts d, ReportPeriod period, Instant now, boolean workload,
                                   ReportGrouping groupBy, String key, PeriodBucket figure) {
        if (!counts(d, workload) || (key != null && !key.equals(groupBy.keyOf(d)))) {
            return false;
        }
        Set<PeriodBucket> in = classify(d, period, now);
        return figure.parts().stream().anyMatch(in::contains);
    }

    /** True when every row and the total balance ({@link PeriodFigures#balances()}). */
    public boolean balances() {
        return total.balances() && rows.stream().allMatch(PeriodFigures::balances);
    }

    /**
     * Identity 2 of docs/domain.md §6: every row's carried-over count equals its in-progress count at the end of the
     * previous period (the report of the period just before, same grouping and view).
     */
    public boolean continuesFrom(PeriodReport previous) {
        Map<String, Long> before = new LinkedHashMap<>();
        previous.rows().forEach(r -> before.put(r.key(), r.inProgress()));
        return total.carriedOver() == previous.total().inProgress()
            && rows.stream().allMatch(r -> r.carriedOver() == before.getOrDefault(r.key(), 0L));
    }

    private static String fallbackLabel(ReportGrouping groupBy, String key) {
        if (key.isEmpty()) {
            return "(chưa xác định)";
        }
        if (groupBy == ReportGrouping.LEVEL) {
            return ReportGrouping.levelLabel(AgencyLevel.valueOf(key));
        }
        return key;
    }
}
