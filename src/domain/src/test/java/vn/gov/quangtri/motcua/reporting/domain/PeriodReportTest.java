package vn.gov.quangtri.motcua.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.quangtri.motcua.reporting.domain.ReportFixtures.vn;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.agency.domain.Agency;
import vn.gov.quangtri.motcua.dossier.domain.Channel;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;

/**
 * The period report of issue 14 §2 (docs/domain.md §6) on dossiers built with the domain API, figures computed by
 * hand. Dates: ReportFixtures (received Fri 27 Feb 10:00 → due Wed 4 Mar 10:00; Mon 2 Mar 10:00 → Thu 5 Mar 10:00;
 * Mon 30 Mar 10:00 → Thu 2 Apr 10:00).
 */
class PeriodReportTest {

    static final Agency A = ReportFixtures.commune("QT25.XA_A", "Xã Vĩnh Linh", "000.00.61.H50");
    static final Agency B = ReportFixtures.commune("QT25.XA_B", "Xã Cồn Tiên", "000.00.62.H50");
    static final List<PeriodReport.Group> UNITS = List.of(new PeriodReport.Group(A.code(), A.name()),
        new PeriodReport.Group(B.code(), B.name()));
    static final ReportPeriod FEBRUARY = ReportPeriod.ofMonth(YearMonth.of(2026, 2));
    static final ReportPeriod MARCH = ReportPeriod.ofMonth(YearMonth.of(2026, 3));
    static final Instant NOW = vn(4, 10, 9, 0);

    /**
     * Unit A: (1) carried over, early (3 Mar); (2) carried over, on time (4 Mar 15:00); (3) carried over, still open
     * = overdue; (4) direct 2 Mar, late (9 Mar); (5) postal 2 Mar, stopped 3 Mar; (6) online 2 Mar, withdrawn 3 Mar;
     * (7) direct 30 Mar, open = not due; (8) refused at intake 2 Mar; (9) a child of an inter-agency transfer, direct
     * 2 Mar, open = overdue. Unit B: nothing.
     */
    static List<DossierFacts> dossiers() {
        ReportFixtures f = new ReportFixtures();
        List<Dossier> out = new ArrayList<>();
        Instant feb27 = vn(2, 27, 10, 0);
        Instant mar2 = vn(3, 2, 10, 0);
        out.add(f.resolved(A, Channel.DIRECT, feb27, vn(3, 3, 9, 0)));
        out.add(f.resolved(A, Channel.DIRECT, feb27, vn(3, 4, 15, 0)));
        out.add(f.received(A, Channel.DIRECT, feb27));
        out.add(f.resolved(A, Channel.DIRECT, mar2, vn(3, 9, 9, 0)));
        out.add(f.stopped(A, Channel.POSTAL, mar2, vn(3, 3, 9, 0)));
        out.add(f.withdrawn(A, Channel.ONLINE, mar2, vn(3, 3, 9, 0)));
        out.add(f.received(A, Channel.DIRECT, vn(3, 30, 10, 0)));
        out.add(f.refused(A, Channel.DIRECT, vn(3, 2, 11, 0)));
        List<DossierFacts> facts = new ArrayList<>(out.stream().map(DossierFacts::of).toList());
        DossierFacts c = DossierFacts.of(f.received(A, Channel.DIRECT, mar2));
        facts.add(new DossierFacts(c.code(), c.agencyCode(), c.status(), c.channel(), c.receivedAt(), c.dueAt(),
            c.pausedAt(), c.completedAt(), c.timeliness(), null, null, c.agencyLevel(), c.procedureCode(), c.field(),
            true, "000.00.01.H50-260302-0001", false));
        return facts;
    }

    private static void assertFigures(PeriodFigures r, long carried, long online, long direct, long postal, long early,
                                      long onTime, long late, long notDue, long overdue, long stopped, long withdrawn,
                                      long refused) {
        assertEquals(List.of(carried, online, direct, postal, early, onTime, late, notDue, overdue, stopped, withdrawn,
                refused),
            List.of(r.carriedOver(), r.receivedOnline(), r.receivedDirect(), r.receivedPostal(), r.resolvedEarly(),
                r.resolvedOnTime(), r.resolvedLate(), r.inProgressNotDue(), r.inProgressOverdue(), r.stopped(),
                r.withdrawn(), r.refused()), r.label());
    }

    @Test
    @DisplayName("Province view of March: every bucket by hand, the balance without refused, the unit with none")
    void provinceView() {
        PeriodReport r = PeriodReport.compute(MARCH, ReportGrouping.AGENCY, UNITS, dossiers(), NOW, false);
        assertEquals(2, r.rows().size());
        PeriodFigures a = r.rows().get(0);
        assertEquals("QT25.XA_A", a.key());
        assertFigures(a, 3, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        assertEquals(4, a.received());
        assertEquals(3, a.resolved());
        assertEquals(2, a.inProgress());
        assertEquals(7, a.toProcess()); // 3 + 4 = 3 + 2 + 1 + 1
        assertTrue(a.balances());
        assertEquals(new BigDecimal("66.7"), a.onTimeRate()); // (1 + 1) ÷ 3
        assertEquals(new BigDecimal("28.6"), a.lateRate()); // (1 + 1) ÷ 7
        PeriodFigures b = r.rows().get(1);
        assertEquals("Xã Cồn Tiên", b.label());
        assertFigures(b, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertNull(b.onTimeRate());
        assertNull(b.lateRate());
        assertFigures(r.total(), 3, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        assertEquals(PeriodReport.TOTAL_LABEL, r.total().label());
        assertTrue(r.balances());
    }

    @Test
    @DisplayName("Workload view counts the inter-agency child in its unit's row; the province view does not")
    void workloadView() {
        PeriodReport r = PeriodReport.compute(MARCH, ReportGrouping.AGENCY, UNITS, dossiers(), NOW, true);
        assertFigures(r.rows().get(0), 3, 1, 3, 1, 1, 1, 1, 1, 2, 1, 1, 1);
        assertEquals(new BigDecimal("37.5"), r.rows().get(0).lateRate()); // (1 + 2) ÷ 8
        assertTrue(r.balances());
    }

    @Test
    @DisplayName("carriedOver of March = inProgress at the end of February, per row and in total")
    void continuity() {
        List<DossierFacts> facts = dossiers();
        PeriodReport feb = PeriodReport.compute(FEBRUARY, ReportGrouping.AGENCY, UNITS, facts, NOW, false);
        PeriodReport mar = PeriodReport.compute(MARCH, ReportGrouping.AGENCY, UNITS, facts, NOW, false);
        assertFigures(feb.rows().get(0), 0, 0, 3, 0, 0, 0, 0, 3, 0, 0, 0, 0);
        assertEquals(3, feb.total().inProgress());
        assertEquals(3, mar.total().carriedOver());
        assertTrue(mar.continuesFrom(feb));
        assertFalse(feb.continuesFrom(mar));
        assertEquals(FEBRUARY, MARCH.previous());
    }

    @Test
    @DisplayName("Group by level and by procedure: one row each, the declared level row even when empty")
    void otherGroupings() {
        List<PeriodReport.Group> levels = List.of(new PeriodReport.Group("DEPARTMENT", "Sở, ban, ngành"),
            new PeriodReport.Group("COMMUNE", "Cấp xã"));
        PeriodReport byLevel = PeriodReport.compute(MARCH, ReportGrouping.LEVEL, levels, dossiers(), NOW, false);
        assertFigures(byLevel.rows().get(0), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertFigures(byLevel.rows().get(1), 3, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        PeriodReport byProcedure = PeriodReport.compute(MARCH, ReportGrouping.PROCEDURE, List.of(), dossiers(), NOW,
            false);
        assertEquals(1, byProcedure.rows().size());
        assertEquals("1.004873", byProcedure.rows().get(0).key());
        PeriodReport byField = PeriodReport.compute(MARCH, ReportGrouping.FIELD, List.of(), dossiers(), NOW, false);
        assertEquals("Hộ tịch", byField.rows().get(0).key());
        assertEquals(7, byField.total().toProcess());
    }

    @Test
    @DisplayName("The dossiers behind a figure are exactly as many as the figure")
    void dossiersBehindAFigure() {
        List<DossierFacts> facts = dossiers();
        PeriodReport r = PeriodReport.compute(MARCH, ReportGrouping.AGENCY, UNITS, facts, NOW, false);
        for (PeriodBucket figure : PeriodBucket.values()) {
            long behind = facts.stream().filter(d -> PeriodReport.isBehind(d, MARCH, NOW, false, ReportGrouping.AGENCY,
                A.code(), figure)).count();
            assertEquals(r.rows().get(0).count(figure), behind, figure.jsonName());
        }
        List<DossierFacts> late = facts.stream().filter(d -> PeriodReport.isBehind(d, MARCH, NOW, false,
            ReportGrouping.AGENCY, A.code(), PeriodBucket.RESOLVED_LATE)).toList();
        assertEquals(1, late.size());
        assertEquals(vn(3, 2, 10, 0), late.get(0).receivedAt());
        assertEquals(PeriodBucket.RESOLVED_LATE, PeriodBucket.parse("resolvedLate"));
        assertEquals("inProgressNotDue", PeriodBucket.IN_PROGRESS_NOT_DUE.jsonName());
        assertThrows(IllegalArgumentException.class, () -> PeriodBucket.parse("late"));
    }

    @Test
    @DisplayName("Named periods: calendar and Decree 09/2019 cut-off (15th of the month before to the 14th)")
    void namedPeriods() {
        assertEquals(new ReportPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)),
            ReportPeriod.named("2026-Q1", false));
        assertEquals(new ReportPeriod(LocalDate.of(2025, 12, 15), LocalDate.of(2026, 3, 14)),
            ReportPeriod.named("2026-q1", true));
        assertEquals(new ReportPeriod(LocalDate.of(2026, 10, 15), LocalDate.of(2026, 11, 14)),
            ReportPeriod.named("2026-11", true));
        assertEquals(new ReportPeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)),
            ReportPeriod.named("2026-11", false));
        assertEquals(new ReportPeriod(LocalDate.of(2025, 12, 15), LocalDate.of(2026, 12, 14)),
            ReportPeriod.named("2026", true));
        assertEquals(new ReportPeriod(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31)),
            ReportPeriod.named("2026-H2", false));
        assertEquals(new ReportPeriod(LocalDate.of(2025, 12, 15), LocalDate.of(2026, 6, 14)),
            ReportPeriod.named("2026-H1", true));
        assertEquals(new ReportPeriod(LocalDate.of(2025, 9, 15), LocalDate.of(2025, 12, 14)),
            ReportPeriod.named("2026-Q1", true).previous());
        assertThrows(IllegalArgumentException.class, () -> ReportPeriod.named("2026-Q5", false));
        assertThrows(IllegalArgumentException.class, () -> ReportPeriod.named("2026-13", false));
        assertThrows(IllegalArgumentException.class, () -> ReportPeriod.named("Q1", false));
        assertThrows(IllegalArgumentException.class, () -> ReportGrouping.parse("unit"));
        assertEquals(ReportGrouping.AGENCY, ReportGrouping.parse(null));
    }
}
