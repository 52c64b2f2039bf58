package vn.gov.quangtri.motcua.reporting.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.gov.quangtri.motcua.dossier.domain.Channel;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.dossier.domain.Timeliness;

/**
 * The periodic report on handling procedures per receiving unit with a total row (docs/domain.md §6,
 * report_columns.csv, docs/cases.md C33). Pure computation over {@link DossierFacts}; moments are compared in
 * Asia/Ho_Chi_Minh through {@link ReportPeriod}.
 *
 * <p>Rules, for a period [start, end):
 * <ul>
 *   <li>A dossier counts from its acceptance ({@code receivedAt}); online submissions not yet accepted
 *       and dossiers awaiting a supplement at intake are not counted (the clock has not started, §3.3).</li>
 *   <li><b>Carried over</b>: accepted before start, not finished before start. <b>Received</b>: accepted
 *       in the period, split online / direct and postal by submission channel.</li>
 *   <li><b>Finished</b> ({@code completedAt}) in the period: a stop counts as stopped/withdrawn; a result
 *       or reasoned rejection (portal status 9) counts as resolved early / on time / late by its stored
 *       classification, which compares the completion day with the original appointment day (§3.5; an
 *       apology never moves it, §2.8).</li>
 *   <li><b>In progress</b>: not finished at the end. Overdue when the appointment lies before the earlier
 *       of the period end and now; when the clock is paused (supplement, financial obligation) the
 *       comparison moment is the pause start, since no time runs during a pause (§3.4).</li>
 *   <li><b>Refused</b> at intake in the period: with {@code refusedInBalance} they also count as received
 *       (by channel) and in the balance, otherwise they are shown beside it.</li>
 *   <li><b>Apologies</b>: form 04 letters issued in the period, whatever the dossier's state.</li>
 * </ul>
 *
 * @param period           the period
 * @param rows             one row per unit: every unit passed in, in the order given (with zeros when it
 *                         had no dossiers), then any unit met in the data but not passed in
 * @param total            the sum of the rows (province or scope total)
 * @param refusedInBalance whether refused dossiers count in the balance
 */
public record PeriodStatistics(ReportPeriod period, List<UnitStatistics> rows, UnitStatistics total,
                               boolean refusedInBalance) {

    /** Label of the total row. */
    public static final String TOTAL_LABEL = "Tổng cộng";

    /** A unit of the report: code and Vietnamese name. */
    public record Unit(String code, String name) {
        public Unit {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
        }
    }

    public PeriodStatistics {
        rows = List.copyOf(rows);
    }

    /**
     * Computes the report with refused dossiers counted in the balance (C33: "withdrawn or returned").
     *
     * @see #compute(ReportPeriod, List, Collection, Instant, boolean)
     */
    public static PeriodStatistics compute(ReportPeriod period, List<Unit> units, Collection<DossierFacts> dossiers,
                                           Instant now) {
        return compute(period, units, dossiers, now, true);
    }

    /**
     * Computes the report.
     *
     * @param period           the period (Vietnam-local days)
     * @param units            the units to list, in display order; each appears even without dossiers
     * @param dossiers         facts of (at least) every dossier that can count in the period; others are ignored
     * @param now              the present moment: in-progress dossiers of a period not yet over are judged
     *                         overdue against now, not against the period end
     * @param refusedInBalance count refused-at-intake dossiers as received and in the balance
     */
    public static PeriodStatistics compute(ReportPeriod period, List<Unit> units, Collection<DossierFacts> dossiers,
                                           Instant now, boolean refusedInBalance) {
        Objects.requireNonNull(now, "now");
        Map<String, Counter> byUnit = new LinkedHashMap<>();
        for (Unit u : units) {
            byUnit.putIfAbsent(u.code(), new Counter(u.code(), u.name()));
        }
        Instant start = period.start();
        Instant end = period.endExclusive();
        Instant asOf = now.isBefore(end) ? now : end;
        for (DossierFacts d : dossiers) {
            Counter c = byUnit.computeIfAbsent(d.agencyCode(), code -> new Counter(code, code));
            if (period.contains(d.rescheduledAt())) {
                c.apologies++;
            }
            if (d.status() == DossierStatus.REFUSED) {
                if (period.contains(d.refusedAt())) {
                    c.refused++;
                    if (refusedInBalance) {
                        c.receive(d.channel());
                    }
                }
                continue;
            }
            if (d.receivedAt() == null || !d.receivedAt().isBefore(end)) {
                continue;
            }
            Instant finished = d.completedAt();
            if (finished != null && finished.isBefore(start)) {
                continue;
            }
            if (d.receivedAt().isBefore(start)) {
                c.carriedOver++;
            } else {
                c.receive(d.channel());
            }
            if (finished != null && finished.isBefore(end)) {
                if (d.status() == DossierStatus.STOPPED) {
                    c.stopped++;
                } else {
                    Timeliness t = d.timeliness() != null ? d.timeliness() : Timeliness.ofDossier(finished, d.dueAt());
                    switch (t) {
                        case EARLY -> c.early++;
                        case ON_TIME -> c.onTime++;
                        case LATE -> c.late++;
                    }
                }
            } else {
                Instant judgedAt = d.pausedAt() != null && d.pausedAt().isBefore(asOf) ? d.pausedAt() : asOf;
                if (d.dueAt() != null && d.dueAt().isBefore(judgedAt)) {
                    c.overdue++;
                } else {
                    c.withinLimit++;
                }
            }
        }
        List<UnitStatistics> rows = new ArrayList<>();
        UnitStatistics total = UnitStatistics.empty(null, TOTAL_LABEL, refusedInBalance);
        for (Counter c : byUnit.values()) {
            UnitStatistics row = c.toRow(refusedInBalance);
            rows.add(row);
            total = total.plus(row, null, TOTAL_LABEL);
        }
        return new PeriodStatistics(period, rows, total, refusedInBalance);
    }

    /** True when every row and the total balance (see {@link UnitStatistics#balances()}). */
    public boolean balances() {
        return total.balances() && rows.stream().allMatch(UnitStatistics::balances);
    }

    /** The rows that do not balance (empty when all do), for an error message. */
    public List<UnitStatistics> unbalancedRows() {
        return rows.stream().filter(r -> !r.balances()).toList();
    }

    /**
     * Second identity of docs/domain.md §6: each unit's carried-over count equals its in-progress count at the
     * end of the previous period.
     *
     * @param previous the report of the period just before, over the same units
     */
    public boolean continuesFrom(PeriodStatistics previous) {
        Map<String, Long> before = new LinkedHashMap<>();
        previous.rows().forEach(r -> before.put(r.agencyCode(), r.inProgress()));
        return rows.stream().allMatch(r -> r.carriedOver() == before.getOrDefault(r.agencyCode(), 0L));
    }

    /** The footer lines: both formulas and the total's working, e.g. "... = (25 + 15) ÷ 45 × 100% = 88,9%". */
    public List<String> footer() {
        return List.of(UnitStatistics.ON_TIME_RATE_FORMULA + "; " + TOTAL_LABEL.toLowerCase(java.util.Locale.ROOT)
                + ": " + total.onTimeRateWorking(),
            UnitStatistics.LATE_RATE_FORMULA + "; " + TOTAL_LABEL.toLowerCase(java.util.Locale.ROOT) + ": "
                + total.lateRateWorking(),
            refusedInBalance
                ? "Hồ sơ từ chối tiếp nhận được tính vào số tiếp nhận trong kỳ và vào cân đối: kỳ trước chuyển qua + "
                    + "tiếp nhận = đã giải quyết + đang giải quyết + rút/dừng + từ chối."
                : "Hồ sơ từ chối tiếp nhận không tính vào cân đối: kỳ trước chuyển qua + tiếp nhận = đã giải quyết + "
                    + "đang giải quyết + rút/dừng.");
    }

    private static final class Counter {
        final String code;
        final String name;
        long carriedOver, online, directOrPostal, early, onTime, late, withinLimit, overdue, refused, stopped, apologies;

        Counter(String code, String name) {
            this.code = code;
            this.name = name;
        }

        void receive(Channel channel) {
            if (channel == Channel.ONLINE) {
                online++;
            } else {
                directOrPostal++;
            }
        }

        UnitStatistics toRow(boolean refusedInBalance) {
            return new UnitStatistics(code, name, carriedOver, online, directOrPostal, early, onTime, late,
                withinLimit, overdue, refused, stopped, apologies, refusedInBalance);
        }
    }
}
