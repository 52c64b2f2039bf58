package vn.gov.quangtri.motcua.reporting.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import vn.gov.quangtri.motcua.agency.domain.AgencyLevel;

/**
 * The daily statistics snapshot (issue 14 §1, §2) and the period report read from it. A row holds, for one Vietnam
 * day, receiving unit, procedure and field (province view: inter-agency children left out), the day's flows (received
 * by channel, resolved early/on time/late, stopped, withdrawn, refused, apologies) and the stock at the end of the day
 * (in progress, not due / overdue), each dossier classified by {@link PeriodReport#classify} for that one day.
 *
 * <p>Why the sum gives the live report: a dossier is received, finished or refused on exactly one day, so the flows of a
 * period are the sums of its days' flows; it is carried over into a period exactly when it was in progress at the end
 * of the day before; and it is in progress at the end of a closed period exactly as at the end of its last day. Days
 * after the last snapshot are classified live as one period and added (their carried-over part replaced by the
 * snapshot's stock). This holds while the dossiers of the snapshot days are not changed afterwards (a backdated action
 * changes a past day: run the job again).
 */
public final class StatisticsSnapshot {

    /** The figures a row stores, in the table's column order. */
    public static final List<PeriodBucket> STORED = List.of(PeriodBucket.RECEIVED_ONLINE, PeriodBucket.RECEIVED_DIRECT,
        PeriodBucket.RECEIVED_POSTAL, PeriodBucket.RESOLVED_EARLY, PeriodBucket.RESOLVED_ON_TIME,
        PeriodBucket.RESOLVED_LATE, PeriodBucket.STOPPED, PeriodBucket.WITHDRAWN, PeriodBucket.REFUSED,
        PeriodBucket.APOLOGIES, PeriodBucket.IN_PROGRESS_NOT_DUE, PeriodBucket.IN_PROGRESS_OVERDUE);

    private static final Set<PeriodBucket> STOCK = Set.of(PeriodBucket.IN_PROGRESS_NOT_DUE,
        PeriodBucket.IN_PROGRESS_OVERDUE);

    private StatisticsSnapshot() {
    }

    /**
     * One row.
     *
     * @param procedureCode the procedure's code, "" when unknown
     * @param field         the procedure's field, "" when unknown
     * @param level         the unit's level, null when unknown
     * @param counts        the {@link #STORED} figures (missing = 0)
     */
    public record Row(LocalDate day, String agencyCode, String procedureCode, String field, AgencyLevel level,
                      Map<PeriodBucket, Long> counts) {
        public Row {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(agencyCode, "agencyCode");
            procedureCode = procedureCode == null ? "" : procedureCode;
            field = field == null ? "" : field;
            counts = Map.copyOf(counts);
        }

        /** One figure (0 when absent). */
        public long count(PeriodBucket b) {
            return counts.getOrDefault(b, 0L);
        }

        /** The row's key under a grouping, as {@link ReportGrouping#keyOf}. */
        public String key(ReportGrouping g) {
            return switch (g) {
                case AGENCY -> agencyCode;
                case FIELD -> field;
                case LEVEL -> level == null ? "" : level.name();
                case PROCEDURE -> procedureCode;
            };
        }
    }

    /**
     * The rows of one day: the province view's dossiers classified for that day alone (judged at the end of the day
     * when {@code now} is later), grouped by unit, procedure and field; only rows with a count, ordered by unit,
     * procedure, field.
     *
     * @param facts the facts of (at least) every dossier that can count that day
     * @param now   the present (after the day for a closed day)
     */
    public static List<Row> ofDay(LocalDate day, Collection<DossierFacts> facts, Instant now) {
        ReportPeriod period = new ReportPeriod(day, day);
        Map<List<String>, Map<PeriodBucket, Long>> counts = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
            .thenComparing(k -> k.get(1)).thenComparing(k -> k.get(2)));
        Map<List<String>, AgencyLevel> levels = new LinkedHashMap<>();
        for (DossierFacts d : facts) {
            if (!PeriodReport.counts(d, false)) {
                continue;
            }
            Set<PeriodBucket> in = PeriodReport.classify(d, period, now);
            in.remove(PeriodBucket.CARRIED_OVER);
            if (in.isEmpty()) {
                continue;
            }
            List<String> k = List.of(d.agencyCode(), d.procedureCode() == null ? "" : d.procedureCode(),
                d.field() == null ? "" : d.field());
            levels.putIfAbsent(k, d.agencyLevel());
            Map<PeriodBucket, Long> row = counts.computeIfAbsent(k, x -> new EnumMap<>(PeriodBucket.class));
            in.forEach(b -> row.merge(b, 1L, Long::sum));
        }
        List<Row> out = new ArrayList<>();
        counts.forEach((k, c) -> out.add(new Row(day, k.get(0), k.get(1), k.get(2), levels.get(k), c)));
        return out;
    }

    /**
     * The period report from snapshot rows and live facts (province view).
     *
     * @param period     the period; {@code period.from()} must not be before the first snapshot day
     * @param groups     rows to list in this order, each even without dossiers (as {@link PeriodReport#compute})
     * @param rows       the snapshot rows of the days from {@code period.from() - 1} to the last snapshot day within
     *                   the period, already narrowed to the report's units, field and level
     * @param lastDay    the last snapshot day (on or after {@code period.from() - 1})
     * @param tailFacts  facts of the dossiers that can count in the days after {@code lastDay} up to the period's end
     *                   (ignored when the snapshot covers the whole period), narrowed like the rows
     * @param now        the present
     */
    public static PeriodReport compose(ReportPeriod period, ReportGrouping groupBy, List<PeriodReport.Group> groups,
                                       Collection<Row> rows, LocalDate lastDay, Collection<DossierFacts> tailFacts,
                                       Instant now) {
        LocalDate before = period.from().minusDays(1);
        LocalDate lastFlowDay = lastDay.isBefore(period.to()) ? lastDay : period.to();
        Map<String, long[]> byKey = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        groups.forEach(g -> {
            byKey.putIfAbsent(g.key(), new long[PeriodBucket.APOLOGIES.ordinal() + 1]);
            labels.putIfAbsent(g.key(), g.label());
        });
        Predicate<LocalDate> inFlows = d -> !d.isBefore(period.from()) && !d.isAfter(lastFlowDay);
        for (Row r : rows) {
            long[] v = byKey.computeIfAbsent(r.key(groupBy), k -> new long[PeriodBucket.APOLOGIES.ordinal() + 1]);
            if (r.day().equals(before)) {
                v[PeriodBucket.CARRIED_OVER.ordinal()] += r.count(PeriodBucket.IN_PROGRESS_NOT_DUE)
                    + r.count(PeriodBucket.IN_PROGRESS_OVERDUE);
            }
            if (inFlows.test(r.day())) {
                for (PeriodBucket b : STORED) {
                    if (!STOCK.contains(b) || (r.day().equals(period.to()))) {
                        v[b.ordinal()] += r.count(b);
                    }
                }
            }
        }
        if (lastDay.isBefore(period.to())) {
            ReportPeriod tail = new ReportPeriod(lastDay.plusDays(1), period.to());
            for (DossierFacts d : tailFacts) {
                if (!PeriodReport.counts(d, false)) {
                    continue;
                }
                Set<PeriodBucket> in = PeriodReport.classify(d, tail, now);
                in.remove(PeriodBucket.CARRIED_OVER);
                if (in.isEmpty()) {
                    continue;
                }
                long[] v = byKey.computeIfAbsent(groupBy.keyOf(d), k -> new long[PeriodBucket.APOLOGIES.ordinal() + 1]);
                in.forEach(b -> v[b.ordinal()]++);
            }
        }
        List<PeriodFigures> out = new ArrayList<>();
        PeriodFigures total = PeriodFigures.empty(null, PeriodReport.TOTAL_LABEL);
        for (Map.Entry<String, long[]> e : byKey.entrySet()) {
            long[] v = e.getValue();
            String label = labels.getOrDefault(e.getKey(), e.getKey().isEmpty() ? "(chưa xác định)"
                : groupBy == ReportGrouping.LEVEL ? ReportGrouping.levelLabel(AgencyLevel.valueOf(e.getKey()))
                : e.getKey());
            PeriodFigures f = new PeriodFigures(e.getKey(), label, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8],
                v[9], v[10], v[11], v[12]);
            if (!labels.containsKey(e.getKey()) && Arrays.stream(v).allMatch(x -> x == 0)) {
                continue; // a key met only in rows outside the period's figures
            }
            out.add(f);
            total = total.plus(f, null, PeriodReport.TOTAL_LABEL);
        }
        return new PeriodReport(period, groupBy, false, out, total);
    }
}
