package vn.gov.quangtri.motcua.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.gov.quangtri.motcua.reporting.domain.ReportFixtures.vn;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.agency.domain.AgencyLevel;
import vn.gov.quangtri.motcua.dossier.domain.Channel;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.dossier.domain.Timeliness;

/**
 * The daily statistics snapshot: the rows of hand-picked days, and the period report composed from snapshot rows (plus
 * live facts after the last snapshot day) equal to the report computed from the dossiers, for several periods and
 * groupings. Dossiers of March 2026, Vietnam time; the snapshot covers 1–7 March, "now" is 10 March noon.
 */
class StatisticsSnapshotTest {

    static final Instant NOW = vn(3, 10, 12, 0);
    static final LocalDate FIRST = LocalDate.of(2026, 3, 1);
    static final LocalDate LAST = LocalDate.of(2026, 3, 7);

    static DossierFacts facts(String code, String unit, String procedure, String field, DossierStatus status,
                              Channel channel, Instant received, Instant due, Instant paused, Instant completed,
                              Timeliness t, Instant refused, Instant rescheduled, boolean withdrawn) {
        return new DossierFacts(code, unit, status, channel, received, due, paused, completed, t, refused, rescheduled,
            AgencyLevel.COMMUNE, procedure, field, false, null, withdrawn);
    }

    /** Eight dossiers of two units, two procedures (fields F1, F2) and one inter-agency child. */
    static final List<DossierFacts> ALL = List.of(
        // d1 received Mon 2 Mar, resolved early Wed 4 Mar
        facts("d1", "A", "P1", "F1", DossierStatus.RESULT_READY, Channel.DIRECT, vn(3, 2, 10, 0), vn(3, 5, 10, 0), null,
            vn(3, 4, 15, 0), Timeliness.EARLY, null, null, false),
        // d2 received online Tue 3 Mar, resolved late Mon 9 Mar (after the snapshot)
        facts("d2", "A", "P1", "F1", DossierStatus.RETURNED, Channel.ONLINE, vn(3, 3, 9, 0), vn(3, 6, 9, 0), null,
            vn(3, 9, 9, 0), Timeliness.LATE, null, null, false),
        // d3 by post Wed 4 Mar, due Mon 9 Mar, still in progress; apology Thu 5 Mar
        facts("d3", "B", "P2", "F2", DossierStatus.IN_PROCESS, Channel.POSTAL, vn(3, 4, 8, 30), vn(3, 9, 8, 30), null,
            null, null, null, vn(3, 5, 14, 0), false),
        // d4 received Thu 5 Mar, withdrawn Fri 6 Mar
        facts("d4", "B", "P2", "F2", DossierStatus.STOPPED, Channel.DIRECT, vn(3, 5, 9, 0), vn(3, 10, 9, 0), null,
            vn(3, 6, 10, 0), null, null, null, true),
        // d5 refused at intake Wed 4 Mar
        facts("d5", "A", "P2", "F2", DossierStatus.REFUSED, Channel.DIRECT, null, null, null, null, null,
            vn(3, 4, 11, 0), null, false),
        // d6 received Sun 1 Mar, due Wed 4 Mar, paused Tue 3 Mar (supplement), still paused
        facts("d6", "A", "P1", "F1", DossierStatus.SUPPLEMENT_REQUESTED_IN_PROCESS, Channel.DIRECT, vn(3, 1, 9, 0),
            vn(3, 4, 9, 0), vn(3, 3, 16, 0), null, null, null, null, false),
        // d7 received and resolved on time Fri 6 Mar; d8 received Sat 7 Mar, due Tue 10 Mar 8:00, overdue by now
        facts("d7", "B", "P2", "F2", DossierStatus.RESULT_READY, Channel.DIRECT, vn(3, 6, 8, 0), vn(3, 6, 17, 0), null,
            vn(3, 6, 16, 0), Timeliness.ON_TIME, null, null, false),
        facts("d8", "B", "P1", "F1", DossierStatus.IN_PROCESS, Channel.ONLINE, vn(3, 7, 9, 0), vn(3, 10, 8, 0), null,
            null, null, null, null, false),
        // an inter-agency child: left out of the province view and of the snapshot
        new DossierFacts("c1", "B", DossierStatus.IN_PROCESS, Channel.DIRECT, vn(3, 2, 9, 0), vn(3, 3, 9, 0), null, null,
            null, null, null, AgencyLevel.COMMUNE, "P2", "F2", true, "d3", false));

    static List<StatisticsSnapshot.Row> snapshot() {
        List<StatisticsSnapshot.Row> rows = new ArrayList<>();
        for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
            rows.addAll(StatisticsSnapshot.ofDay(d, ALL, NOW));
        }
        return rows;
    }

    @Test
    @DisplayName("a day's rows: Wed 4 Mar, worked out by hand")
    void dayRows() {
        List<StatisticsSnapshot.Row> rows = StatisticsSnapshot.ofDay(LocalDate.of(2026, 3, 4), ALL, NOW);
        // A/P1/F1: d1 resolved early; d2 in progress not due (due 6 Mar); d6 paused before its appointment: not due
        // A/P2/F2: d5 refused. B/P2/F2: d3 received by post, in progress not due. The child c1 is left out.
        assertEquals(3, rows.size(), rows.toString());
        StatisticsSnapshot.Row a1 = rows.get(0);
        assertEquals(List.of("A", "P1", "F1"), List.of(a1.agencyCode(), a1.procedureCode(), a1.field()));
        assertEquals(1, a1.count(PeriodBucket.RESOLVED_EARLY));
        assertEquals(2, a1.count(PeriodBucket.IN_PROGRESS_NOT_DUE));
        assertEquals(0, a1.count(PeriodBucket.IN_PROGRESS_OVERDUE));
        assertEquals(0, a1.count(PeriodBucket.RECEIVED_DIRECT));
        StatisticsSnapshot.Row a2 = rows.get(1);
        assertEquals(List.of("A", "P2", 1L), List.of(a2.agencyCode(), a2.procedureCode(), a2.count(PeriodBucket.REFUSED)));
        StatisticsSnapshot.Row b2 = rows.get(2);
        assertEquals(1, b2.count(PeriodBucket.RECEIVED_POSTAL));
        assertEquals(1, b2.count(PeriodBucket.IN_PROGRESS_NOT_DUE));
    }

    @Test
    @DisplayName("snapshot + live tail = live report, for periods inside, across and after the snapshot, every grouping")
    void composedEqualsLive() {
        List<StatisticsSnapshot.Row> rows = snapshot();
        List<ReportPeriod> periods = List.of(new ReportPeriod(FIRST, LAST), new ReportPeriod(LocalDate.of(2026, 3, 3),
            LocalDate.of(2026, 3, 5)), new ReportPeriod(LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 10)),
            new ReportPeriod(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9)),
            new ReportPeriod(LocalDate.of(2026, 3, 8), LocalDate.of(2026, 3, 9)),
            new ReportPeriod(LocalDate.of(2026, 3, 7), LocalDate.of(2026, 3, 7)));
        for (ReportPeriod p : periods) {
            for (ReportGrouping g : List.of(ReportGrouping.AGENCY, ReportGrouping.FIELD, ReportGrouping.LEVEL,
                ReportGrouping.PROCEDURE)) {
                PeriodReport live = PeriodReport.compute(p, g, List.of(), ALL, NOW, false);
                List<StatisticsSnapshot.Row> used = rows.stream().filter(r -> !r.day().isBefore(p.from().minusDays(1))
                    && !r.day().isAfter(p.to())).toList();
                PeriodReport composed = StatisticsSnapshot.compose(p, g, List.of(), used, LAST, ALL, NOW);
                assertEquals(byKey(live), byKey(composed), p + " " + g);
                assertEquals(live.total(), composed.total(), p + " " + g + " total");
            }
        }
    }

    @Test
    @DisplayName("1–7 March by unit, worked out by hand from the list above")
    void weekByHand() {
        PeriodReport r = StatisticsSnapshot.compose(new ReportPeriod(FIRST, LAST), ReportGrouping.AGENCY, List.of(),
            snapshot(), LAST, List.of(), NOW);
        PeriodFigures a = r.rows().stream().filter(x -> x.key().equals("A")).findFirst().orElseThrow();
        // A: received d1, d6 direct, d2 online; resolved early d1; in progress at 7 Mar end: d2 (due 6 Mar: overdue),
        // d6 (paused 3 Mar before its appointment 4 Mar: not due); refused d5
        assertEquals(List.of(0L, 1L, 2L, 0L, 1L, 0L, 0L, 1L, 1L, 0L, 0L, 1L, 0L), values(a));
        PeriodFigures b = r.rows().stream().filter(x -> x.key().equals("B")).findFirst().orElseThrow();
        // B: received d3 postal, d4, d7 direct, d8 online; d7 on time; d4 withdrawn; d3, d8 in progress not due;
        // apology d3
        assertEquals(List.of(0L, 1L, 2L, 1L, 0L, 1L, 0L, 2L, 0L, 0L, 1L, 0L, 1L), values(b));
        assertEquals(true, r.balances());
    }

    private static List<Long> values(PeriodFigures f) {
        return List.of(f.carriedOver(), f.receivedOnline(), f.receivedDirect(), f.receivedPostal(), f.resolvedEarly(),
            f.resolvedOnTime(), f.resolvedLate(), f.inProgressNotDue(), f.inProgressOverdue(), f.stopped(),
            f.withdrawn(), f.refused(), f.apologies());
    }

    private static Map<String, List<Long>> byKey(PeriodReport r) {
        Map<String, List<Long>> out = new TreeMap<>();
        r.rows().forEach(f -> out.put(f.key(), values(f)));
        return out;
    }
}
