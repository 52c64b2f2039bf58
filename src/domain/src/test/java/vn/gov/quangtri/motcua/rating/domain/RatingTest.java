package vn.gov.quangtri.motcua.rating.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.agency.domain.Agency;
import vn.gov.quangtri.motcua.agency.domain.AgencyKind;
import vn.gov.quangtri.motcua.agency.domain.AgencyLevel;
import vn.gov.quangtri.motcua.calendar.domain.Appointment;
import vn.gov.quangtri.motcua.calendar.domain.OfficeHours;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimit;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.catalogue.domain.DocumentForm;
import vn.gov.quangtri.motcua.catalogue.domain.Procedure;
import vn.gov.quangtri.motcua.catalogue.domain.ProcedureLevel;
import vn.gov.quangtri.motcua.dossier.domain.Applicant;
import vn.gov.quangtri.motcua.dossier.domain.Channel;
import vn.gov.quangtri.motcua.dossier.domain.DocumentLine;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierCode;
import vn.gov.quangtri.motcua.dossier.domain.DossierIntake;
import vn.gov.quangtri.motcua.dossier.domain.ProcessPlanner;
import vn.gov.quangtri.motcua.dossier.domain.Submission;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * Ratings, levels and the satisfaction rate worked out by hand (issue 13 §2; docs/domain.md §2.13).
 */
class RatingTest {

    private static final WorkingCalendar CALENDAR = new WorkingCalendar(OfficeHours.standard(), Map.of());
    private static final Agency COMMUNE = new Agency("QT25.XA_VINH_LINH", "Xã Vĩnh Linh", AgencyKind.COMMUNE,
        AgencyLevel.COMMUNE, null, "000.00.60.H50", true);

    private static Instant vn(int day, int hour) {
        return ZonedDateTime.of(2026, 3, day, hour, 0, 0, 0, VietnamTime.ZONE).toInstant();
    }

    /** A marriage-status certificate received Mon 2 Mar 10:00 by the desk and taken to RESULT_READY. */
    private static Dossier resultReady(String number) {
        Procedure p = new Procedure("1.004873", false, "Cấp Giấy xác nhận tình trạng hôn nhân", "Hộ tịch",
            Set.of(ProcedureLevel.COMMUNE), TimeLimit.workingDays(3));
        p.addRequiredDocument("Tờ khai", DocumentForm.ORIGINAL, 1);
        Instant at = vn(2, 10);
        Instant start = CALENDAR.clockStart(at);
        Instant due = CALENDAR.dueAt(start, p.timeLimit());
        Dossier d = DossierIntake.receive(new Submission(new DossierCode("000.00.60.H50-260302-" + number), p, COMMUNE,
                Channel.DIRECT, new Applicant(Applicant.Kind.INDIVIDUAL, "Lê Anh Tuấn", "045090001111", "0912000111",
                null, "xã Vĩnh Linh"), List.of(new DocumentLine(1, "Tờ khai", DocumentForm.ORIGINAL, 1)), at),
            new Appointment(start, due), ProcessPlanner.plan(p, CALENDAR, new Appointment(start, due)), CALENDAR,
            "tiepnhan.vinhlinh", null);
        d.completeStep(vn(2, 11), "tiepnhan.vinhlinh", null, CALENDAR);
        d.assign(vn(2, 11), "lanhdao.vinhlinh", "chuyenvien.vinhlinh");
        d.completeStep(vn(3, 9), "chuyenvien.vinhlinh", null, CALENDAR);
        d.approve(vn(3, 14), "lanhdao.vinhlinh", null, CALENDAR);
        d.completeStep(vn(3, 15), "tiepnhan.vinhlinh", null, CALENDAR);
        return d;
    }

    private static Map<RatingCriterion, RatingLevel> answers(Object... pairs) {
        Map<RatingCriterion, RatingLevel> m = new EnumMap<>(RatingCriterion.class);
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((RatingCriterion) pairs[i], (RatingLevel) pairs[i + 1]);
        }
        return m;
    }

    @Test
    @DisplayName("Only a returned dossier is rated; the rating keeps unit, procedure, officers and raw answers, no rater")
    void ratesReturnedDossierOnly() {
        Dossier d = resultReady("0001");
        var one = answers(RatingCriterion.ATTITUDE, RatingLevel.VERY_SATISFIED);
        ConflictException early = assertThrows(ConflictException.class,
            () -> Rating.of(d, RatingChannel.PUBLIC_LINK, one, null, vn(4, 9), vn(4, 9)));
        assertEquals("NOT_RETURNED", early.reason());

        d.handOverResult(vn(4, 9), "tiepnhan.vinhlinh", "Lê Anh Tuấn", "DIRECT", null);
        Rating r = Rating.of(d, RatingChannel.KIOSK, answers(RatingCriterion.ATTITUDE, RatingLevel.VERY_SATISFIED,
            RatingCriterion.TOTAL_TIME, RatingLevel.NOT_SATISFIED), "  Cán bộ nhiệt tình  ", vn(4, 10), vn(4, 10));
        assertEquals("000.00.60.H50-260302-0001", r.dossierCode());
        assertEquals("QT25.XA_VINH_LINH", r.agencyCode());
        assertEquals("1.004873", r.procedureCode());
        assertEquals(RatingChannel.KIOSK, r.channel());
        assertEquals("Cán bộ nhiệt tình", r.comment());
        assertEquals(List.of("chuyenvien.vinhlinh", "lanhdao.vinhlinh", "tiepnhan.vinhlinh"), r.officers());
        assertEquals(List.of(RatingCriterion.TOTAL_TIME, RatingCriterion.ATTITUDE), List.copyOf(r.answers().keySet()),
            "criteria in the decree's order");
        assertEquals(RatingLevel.NOT_SATISFIED, r.answers().get(RatingCriterion.TOTAL_TIME));

        assertEquals("NO_ANSWER", assertThrows(RuleViolationException.class,
            () -> Rating.of(d, RatingChannel.KIOSK, Map.of(), null, vn(4, 10), vn(4, 10))).reason());
        assertEquals("COMMENT_TOO_LONG", assertThrows(RuleViolationException.class,
            () -> Rating.of(d, RatingChannel.KIOSK, one, "x".repeat(1001), vn(4, 10), vn(4, 10))).reason());
    }

    @Test
    @DisplayName("Levels: very satisfied and satisfied count as satisfied; neutral and not satisfied do not")
    void levels() {
        assertTrue(RatingLevel.VERY_SATISFIED.satisfied());
        assertTrue(RatingLevel.SATISFIED.satisfied());
        assertFalse(RatingLevel.NEUTRAL.satisfied());
        assertFalse(RatingLevel.NOT_SATISFIED.satisfied());
        assertEquals("Rất hài lòng", RatingLevel.VERY_SATISFIED.label("vi"));
        assertEquals("Không hài lòng", RatingLevel.NOT_SATISFIED.label("vi"));
        assertEquals(9, RatingCriterion.values().length, "Decree 61 art. 33: nine indicators");
        assertEquals(7, RatingCriterion.ATTITUDE.number());
    }

    @Test
    @DisplayName("Satisfaction rate by hand: 2 very satisfied + 3 satisfied of 7 answers = 71.4 %; none = null")
    void rate() {
        SatisfactionTally t = new SatisfactionTally();
        assertNull(t.ratePercent());
        for (RatingLevel l : List.of(RatingLevel.VERY_SATISFIED, RatingLevel.VERY_SATISFIED, RatingLevel.SATISFIED,
            RatingLevel.SATISFIED, RatingLevel.SATISFIED, RatingLevel.NEUTRAL, RatingLevel.NOT_SATISFIED)) {
            t.add(l);
        }
        assertEquals(7, t.answers());
        assertEquals(5, t.satisfied());
        // 5 / 7 = 0.714285… → 71.4 %
        assertEquals(new BigDecimal("71.4"), t.ratePercent());
        // 2 of 3 = 66.666… → 66.7 % (half up)
        assertEquals(new BigDecimal("66.7"), new SatisfactionTally().add(RatingLevel.SATISFIED)
            .add(RatingLevel.VERY_SATISFIED).add(RatingLevel.NOT_SATISFIED).ratePercent());
    }

    @Test
    @DisplayName("Report by criterion, unit and officer: two ratings worked out by hand")
    void report() {
        Dossier a = resultReady("0001");
        a.handOverResult(vn(4, 9), "tiepnhan.vinhlinh", "Lê Anh Tuấn", "DIRECT", null);
        Dossier b = resultReady("0002");
        b.handOverResult(vn(4, 9), "tiepnhan.vinhlinh", "Lê Anh Tuấn", "DIRECT", null);
        Rating ra = Rating.of(a, RatingChannel.PUBLIC_LINK, answers(RatingCriterion.TOTAL_TIME, RatingLevel.VERY_SATISFIED,
            RatingCriterion.ATTITUDE, RatingLevel.SATISFIED), null, vn(4, 10), vn(4, 10));
        Rating rb = Rating.of(b, RatingChannel.KIOSK, answers(RatingCriterion.ATTITUDE, RatingLevel.NOT_SATISFIED),
            null, vn(4, 11), vn(4, 11));

        RatingReport byCriterion = RatingReport.of(List.of(ra, rb), RatingReport.Grouping.CRITERION, u -> u);
        assertEquals(List.of("TOTAL_TIME", "ATTITUDE"), byCriterion.rows().stream().map(RatingReport.Row::key).toList());
        SatisfactionTally attitude = byCriterion.rows().get(1).tally();
        assertEquals(2, attitude.ratings());
        assertEquals(2, attitude.answers());
        assertEquals(new BigDecimal("50.0"), attitude.ratePercent(), "1 satisfied of 2");
        assertEquals(new BigDecimal("100.0"), byCriterion.rows().get(0).tally().ratePercent());
        // total: 3 answers, 2 satisfied → 66.7 %
        assertEquals(2, byCriterion.total().tally().ratings());
        assertEquals(3, byCriterion.total().tally().answers());
        assertEquals(new BigDecimal("66.7"), byCriterion.total().tally().ratePercent());

        RatingReport byUnit = RatingReport.of(List.of(ra, rb), RatingReport.Grouping.UNIT, u -> u);
        assertEquals(1, byUnit.rows().size());
        assertEquals("Xã Vĩnh Linh", byUnit.rows().get(0).label());
        assertEquals(new BigDecimal("66.7"), byUnit.rows().get(0).tally().ratePercent());

        RatingReport byOfficer = RatingReport.of(List.of(ra, rb), RatingReport.Grouping.OFFICER,
            u -> u.equals("chuyenvien.vinhlinh") ? "Nguyễn Văn Đức" : u);
        assertEquals(3, byOfficer.rows().size(), "three officers handled both dossiers");
        RatingReport.Row duc = byOfficer.rows().stream().filter(r -> r.key().equals("chuyenvien.vinhlinh")).findFirst()
            .orElseThrow();
        assertEquals("Nguyễn Văn Đức", duc.label());
        assertEquals(2, duc.tally().ratings());
        assertEquals(3, duc.tally().answers());

        assertThrows(IllegalArgumentException.class, () -> RatingReport.Grouping.parse("citizen"));
        assertEquals(RatingReport.Grouping.OFFICER, RatingReport.Grouping.parse("officer"));
    }
}
