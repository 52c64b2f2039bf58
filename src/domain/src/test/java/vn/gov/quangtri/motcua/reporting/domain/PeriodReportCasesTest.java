package vn.gov.quangtri.motcua.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import vn.gov.quangtri.motcua.dossier.domain.Apology;
import vn.gov.quangtri.motcua.dossier.domain.Channel;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierPauses;
import vn.gov.quangtri.motcua.dossier.domain.Timeliness;

/**
 * The period report (docs/domain.md §6, report_columns.csv) on dossiers built with the domain API: docs/cases.md C33
 * with its exact figures, then hand-computed edge cases (appointment boundaries, apologies, pauses, the current
 * period, Vietnam day bounds). Dates: ReportFixtures.
 */
class PeriodReportCasesTest {

    static final Agency A = ReportFixtures.commune("QT25.XA_A", "Xã Vĩnh Linh", "000.00.61.H50");
    static final Agency B = ReportFixtures.commune("QT25.XA_B", "Phường Đông Hà", "000.00.62.H50");
    static final Agency C = ReportFixtures.commune("QT25.XA_C", "Xã Cam Lộ", "000.00.63.H50");
    static final Agency D = ReportFixtures.commune("QT25.XA_D", "Xã Đakrông", "000.00.64.H50");
    static final Agency E = ReportFixtures.commune("QT25.XA_E", "Đặc khu Cồn Cỏ", "000.00.65.H50");
    static final List<PeriodReport.Group> UNITS = List.of(A, B, C, D, E).stream()
        .map(a -> new PeriodReport.Group(a.code(), a.name())).toList();
    static final ReportPeriod MARCH = ReportPeriod.ofMonth(YearMonth.of(2026, 3));
    static final Instant AFTER_MARCH = vn(4, 10, 9, 0);

    // Carried over: received Fri 27 Feb 10:00, due Wed 4 Mar 10:00.
    static final Instant FEB_27 = vn(2, 27, 10, 0);
    // Received in March: Mon 2 Mar 10:00, due Thu 5 Mar 10:00.
    static final Instant MAR_2 = vn(3, 2, 10, 0);
    // Late in March: Mon 30 Mar 10:00, due Thu 2 Apr 10:00 (still within limit at the end of March).
    static final Instant MAR_30 = vn(3, 30, 10, 0);

    /** Adds dossiers to {@code out}; channels are handed out in order: online first, then postal, then direct. */
    private static final class Builder {
        final ReportFixtures f = new ReportFixtures();
        final List<Dossier> out = new ArrayList<>();
        Agency agency;
        int online;
        int postal;

        Builder unit(Agency a, int onlineCount, int postalCount) {
            agency = a;
            online = onlineCount;
            postal = postalCount;
            return this;
        }

        Channel next() {
            if (online > 0) {
                online--;
                return Channel.ONLINE;
            }
            if (postal > 0) {
                postal--;
                return Channel.POSTAL;
            }
            return Channel.DIRECT;
        }

        Builder resolved(int n, Instant received, Instant finished) {
            for (int i = 0; i < n; i++) {
                out.add(f.resolved(agency, next(), received, finished));
            }
            return this;
        }

        Builder open(int n, Instant received) {
            for (int i = 0; i < n; i++) {
                out.add(f.received(agency, next(), received));
            }
            return this;
        }
    }

    /**
     * C33 figures: carried over 10, received 49 (20 online, 28 direct, 1 postal), resolved 45 (25 early + 15 on
     * time = 40 in time, 5 late), in progress 13 (8 within limit, 5 overdue), stopped 1; one more refused at intake,
     * beside the balance (C33 counts it among 50 "received"; a refused dossier was never accepted, §6.1).
     * Per unit — A: carried 6, received 20; B: carried 4, received 17 and 1 refused; C: received 12; D and E:
     * nothing in March.
     */
    static List<Dossier> c33Dossiers() {
        Builder b = new Builder();
        // A, carried over (6): early 1, on time 1, late 2, overdue 2 (channels do not matter for carried over)
        b.unit(A, 0, 0).resolved(1, FEB_27, vn(3, 2, 14, 0)).resolved(1, FEB_27, vn(3, 4, 15, 0))
            .resolved(2, FEB_27, vn(3, 5, 9, 0)).open(2, FEB_27);
        // A, received in March (20, 8 online): early 9, on time 5, late 1 (with apology), within limit 4, stopped 1
        b.unit(A, 8, 0).resolved(9, MAR_2, vn(3, 4, 9, 0)).resolved(5, MAR_2, vn(3, 5, 16, 0));
        Dossier apologised = b.f.received(A, b.next(), MAR_2);
        Apology.reschedule(apologised, vn(3, 4, 9, 0), "lanhdao", vn(3, 10, 10, 0), "Chờ xác minh của cơ quan khác",
                ReportFixtures.CALENDAR);
        ReportFixtures.finish(apologised, vn(3, 6, 9, 0));
        b.out.add(apologised);
        b.open(3, MAR_30);
        Dossier finishedInApril = b.f.received(A, b.next(), MAR_30);
        ReportFixtures.finish(finishedInApril, vn(4, 2, 9, 0));
        b.out.add(finishedInApril);
        b.out.add(b.f.stopped(A, b.next(), MAR_2, vn(3, 3, 9, 0)));
        // B, carried over (4): early 2, late 1, overdue 1
        b.unit(B, 0, 0).resolved(2, FEB_27, vn(3, 3, 9, 0)).resolved(1, FEB_27, vn(3, 6, 9, 0)).open(1, FEB_27);
        // B, received in March (18: 7 online, 1 postal, 10 direct): early 7, on time 5, within 3, overdue 2, refused 1
        b.unit(B, 7, 1).resolved(7, MAR_2, vn(3, 3, 15, 0)).resolved(5, MAR_2, vn(3, 5, 10, 30))
            .open(3, MAR_30).open(2, MAR_2);
        b.out.add(b.f.refused(B, Channel.DIRECT, vn(3, 2, 11, 0)));
        // C, received in March (12, 5 online): early 6, on time 4, late 1, within limit 1
        b.unit(C, 5, 0).resolved(6, MAR_2, vn(3, 4, 11, 0)).resolved(4, MAR_2, vn(3, 5, 9, 0))
            .resolved(1, MAR_2, vn(3, 9, 9, 0)).open(1, MAR_30);
        // Noise that must not count in March: finished in February, received in April, refused in February,
        // an online submission never accepted, a January dossier of D.
        b.unit(A, 0, 0).resolved(1, vn(2, 9, 10, 0), vn(2, 11, 10, 0));
        b.unit(B, 0, 0).open(1, vn(4, 1, 9, 0));
        b.out.add(b.f.refused(C, Channel.DIRECT, vn(2, 25, 9, 0)));
        b.unit(D, 0, 0).resolved(1, vn(1, 5, 10, 0), vn(1, 7, 10, 0));
        return b.out;
    }

    private static List<DossierFacts> facts(List<Dossier> dossiers) {
        return dossiers.stream().map(DossierFacts::of).toList();
    }

    private static PeriodReport march(List<PeriodReport.Group> units, List<DossierFacts> facts, Instant now) {
        return PeriodReport.compute(MARCH, ReportGrouping.AGENCY, units, facts, now, false);
    }

    /** Figures of a row in report order: carried, received online/direct/postal, resolved early/on time/late,
     *  in progress not due/overdue, stopped, withdrawn, refused, apologies. */
    private static void assertRow(PeriodFigures r, long... expected) {
        long[] actual = {r.carriedOver(), r.receivedOnline(), r.receivedDirect(), r.receivedPostal(), r.resolvedEarly(),
            r.resolvedOnTime(), r.resolvedLate(), r.inProgressNotDue(), r.inProgressOverdue(), r.stopped(), r.withdrawn(),
            r.refused(), r.apologies()};
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(actual), r.label()
            + ": carried, online, direct, postal, early, on time, late, not due, overdue, stopped, withdrawn, refused,"
            + " apologies");
    }

    @Test
    @DisplayName("C33: five units listed (two with zeros); 10 + 49 = 45 + 13 + 1 = 59, 1 refused beside; on-time rate 40 ÷ 45 = 88.9%")
    void c33() {
        PeriodReport s = march(UNITS, facts(c33Dossiers()), AFTER_MARCH);

        assertEquals(List.of("QT25.XA_A", "QT25.XA_B", "QT25.XA_C", "QT25.XA_D", "QT25.XA_E"),
            s.rows().stream().map(PeriodFigures::key).toList(), "every unit, in the order given");
        assertRow(s.rows().get(0), 6, 8, 12, 0, 10, 6, 3, 4, 2, 1, 0, 0, 1);
        assertRow(s.rows().get(1), 4, 7, 9, 1, 9, 5, 1, 3, 3, 0, 0, 1, 0);
        assertRow(s.rows().get(2), 0, 5, 7, 0, 6, 4, 1, 1, 0, 0, 0, 0, 0);
        assertRow(s.rows().get(3), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertRow(s.rows().get(4), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertNull(s.rows().get(3).onTimeRate(), "no rate without resolved dossiers");

        PeriodFigures t = s.total();
        assertEquals(PeriodReport.TOTAL_LABEL, t.label());
        assertRow(t, 10, 20, 28, 1, 25, 15, 5, 8, 5, 1, 0, 1, 1);
        assertEquals(49, t.received());
        assertEquals(59, t.toProcess());
        assertEquals(45, t.resolved());
        assertEquals(13, t.inProgress());
        assertTrue(t.balances(), "10 + 49 = 45 + 13 + 1 + 0");
        assertTrue(s.balances());
        assertEquals(new BigDecimal("88.9"), t.onTimeRate());
        assertEquals("88,9", PeriodFigures.vietnamese(t.onTimeRate()));
        // Late rate: (5 late resolved + 5 overdue in progress) ÷ 59 = 16.9 %
        assertEquals(new BigDecimal("16.9"), t.lateRate());
    }

    @Test
    @DisplayName("Second identity: carried over in March = in progress at the end of February, per unit")
    void carriedOverContinuesFromPreviousPeriod() {
        List<DossierFacts> facts = facts(c33Dossiers());
        PeriodReport march = march(UNITS, facts, AFTER_MARCH);
        assertEquals(new ReportPeriod(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)), MARCH.previous());
        PeriodReport february = PeriodReport.compute(MARCH.previous(), ReportGrouping.AGENCY, UNITS, facts,
            AFTER_MARCH, false);
        assertEquals(List.of(6L, 4L, 0L, 0L, 0L), february.rows().stream().map(PeriodFigures::inProgress).toList());
        assertEquals(1, february.rows().get(0).resolvedEarly(), "the February noise dossier of A");
        assertEquals(1, february.rows().get(2).refused());
        assertTrue(march.continuesFrom(february));
        assertTrue(february.balances());
    }

    @Test
    @DisplayName("A unit met in the data but not passed in is appended, never dropped; a unit with nothing in the period is not")
    void unknownUnitAppended() {
        PeriodReport s = march(UNITS.subList(0, 1), facts(c33Dossiers()), AFTER_MARCH);
        assertEquals(List.of("QT25.XA_A", "QT25.XA_B", "QT25.XA_C"), s.rows().stream().map(PeriodFigures::key).toList());
        assertEquals(59, s.total().toProcess());
    }

    @Test
    @DisplayName("Finished exactly at the appointment (Thu 5 Mar 10:00) is ON TIME; 17:00 same day too; Fri 08:00 LATE")
    void finishedAtAppointment() {
        ReportFixtures f = new ReportFixtures();
        Dossier exact = f.resolved(A, Channel.DIRECT, MAR_2, vn(3, 5, 10, 0));
        assertEquals(vn(3, 5, 10, 0), exact.clock().dueAt());
        assertEquals(Timeliness.ON_TIME, exact.clock().timeliness());
        Dossier sameDay = f.resolved(A, Channel.DIRECT, MAR_2, vn(3, 5, 17, 0));
        Dossier nextDay = f.resolved(A, Channel.DIRECT, MAR_2, vn(3, 6, 8, 0));
        PeriodReport s = march(UNITS.subList(0, 1), facts(List.of(exact, sameDay, nextDay)), AFTER_MARCH);
        assertRow(s.rows().get(0), 0, 0, 3, 0, 0, 2, 1, 0, 0, 0, 0, 0, 0);
        assertEquals(new BigDecimal("66.7"), s.total().onTimeRate());
    }

    @Test
    @DisplayName("Apology with a new appointment: still late and overdue against the ORIGINAL appointment")
    void rescheduledCountsAgainstOriginalAppointment() {
        ReportFixtures f = new ReportFixtures();
        Dossier d = f.received(A, Channel.DIRECT, MAR_2);
        Apology.reschedule(d, vn(3, 4, 9, 0), "lanhdao", vn(3, 10, 10, 0), "Chờ kết quả xác minh", ReportFixtures.CALENDAR);
        ReportPeriod firstWeek = new ReportPeriod(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 6));
        // At the end of 6 Mar: original appointment 5 Mar 10:00 has passed, the new one (10 Mar) has not.
        PeriodReport week = PeriodReport.compute(firstWeek, ReportGrouping.AGENCY, UNITS.subList(0, 1),
            List.of(DossierFacts.of(d)), vn(3, 20, 9, 0), false);
        assertRow(week.rows().get(0), 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1);

        ReportFixtures.finish(d, vn(3, 9, 9, 0)); // before the new appointment, after the original one
        assertEquals(Timeliness.LATE, d.clock().timeliness());
        PeriodReport month = march(UNITS.subList(0, 1), List.of(DossierFacts.of(d)), AFTER_MARCH);
        assertRow(month.rows().get(0), 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1);
        assertEquals(new BigDecimal("0.0"), month.total().onTimeRate());
    }

    @Test
    @DisplayName("Clock paused for a supplement before the appointment: in progress within limit, not overdue")
    void pausedDossierIsNotOverdue() {
        ReportFixtures f = new ReportFixtures();
        Dossier d = f.received(A, Channel.DIRECT, MAR_2);
        d.completeStep(vn(3, 2, 11, 0), "desk", null, ReportFixtures.CALENDAR);
        DossierPauses.requestSupplement(d, vn(3, 3, 10, 0), "chuyenvien", List.of("Bản sao CCCD"), null);
        PeriodReport s = march(UNITS.subList(0, 1), List.of(DossierFacts.of(d)), AFTER_MARCH);
        assertRow(s.rows().get(0), 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0);
    }

    @Test
    @DisplayName("Current period (now = Wed 4 Mar 12:00): due Thu 5 Mar is within limit, due Wed 4 Mar 10:00 is overdue")
    void currentPeriodJudgedAgainstNow() {
        ReportFixtures f = new ReportFixtures();
        List<DossierFacts> facts = facts(List.of(f.received(A, Channel.ONLINE, MAR_2), f.received(A, Channel.DIRECT,
                FEB_27)));
        PeriodReport s = march(UNITS.subList(0, 1), facts, vn(3, 4, 12, 0));
        assertRow(s.rows().get(0), 1, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0);
        assertEquals(new BigDecimal("50.0"), s.total().lateRate());
        assertNull(s.total().onTimeRate());
    }

    @Test
    @DisplayName("Period bounds are Vietnam days: finished 31 Mar 23:59 counts in March, 1 Apr 00:00 does not; received Sun 1 Mar 00:30 (+07) is March")
    void vietnamDayBounds() {
        ReportFixtures f = new ReportFixtures();
        Dossier lastMinute = f.resolved(A, Channel.DIRECT, MAR_30, vn(3, 31, 23, 59));
        Dossier midnight = f.resolved(A, Channel.DIRECT, MAR_30, vn(4, 1, 0, 0));
        Dossier earlySunday = f.received(A, Channel.ONLINE, vn(3, 1, 0, 30));
        assertEquals(Instant.parse("2026-02-28T17:30:00Z"), earlySunday.clock().receivedAt());
        PeriodReport s = march(UNITS.subList(0, 1), facts(List.of(lastMinute, midnight, earlySunday)), AFTER_MARCH);
        // earlySunday: clock from Mon 2 Mar 08:00, due Thu 5 Mar 08:00, never finished → overdue at the end of March
        assertRow(s.rows().get(0), 0, 1, 2, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0);
        assertEquals(3, s.rows().get(0).toProcess());
    }

    @Test
    @DisplayName("ReportPeriod: March 2026 is [28 Feb 17:00Z, 31 Mar 17:00Z); Q1 → Q4 of the year before; a week → the week before")
    void periods() {
        assertEquals(Instant.parse("2026-02-28T17:00:00Z"), MARCH.start());
        assertEquals(Instant.parse("2026-03-31T17:00:00Z"), MARCH.endExclusive());
        assertEquals("từ ngày 01/03/2026 đến ngày 31/03/2026", MARCH.label());
        ReportPeriod q1 = new ReportPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31));
        assertEquals(new ReportPeriod(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 31)), q1.previous());
        ReportPeriod week = new ReportPeriod(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 15));
        assertEquals(new ReportPeriod(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 8)), week.previous());
    }
}
