package vn.gov.quangtri.motcua.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.dossier.domain.Channel;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.dossier.domain.Timeliness;
import vn.gov.quangtri.motcua.reporting.domain.Indicators766.CostReason;
import vn.gov.quangtri.motcua.reporting.domain.Indicators766.Status;

/**
 * Decision 766 indicators on a hand-made March 2026 (no holiday; office hours 08–12, 13–17 = 480 working minutes a
 * day). Procedure of 3 working days, every dossier received Mon 2 Mar 09:00 (appointment Thu 5 Mar 09:00) unless
 * said otherwise:
 * <ul>
 *   <li>A direct, finished Tue 3 Mar 10:00 (early); rated "Không hài lòng". Net 420 + 120 = 540 min.</li>
 *   <li>B online, finished Thu 5 Mar 08:30 (on time); rated, satisfied. Net 420 + 480 + 480 + 30 = 1410 min.</li>
 *   <li>C direct, an apology on Thu 5 Mar did not move the appointment; finished Wed 11 Mar 10:00 (late); rated
 *       "Không hài lòng". Net 420 + 6 × 480 + 120 = 3420 min.</li>
 *   <li>D postal, two supplement requests: Tue 3 Mar 09:00–11:00 (120 min) and Wed 4 Mar 09:00–10:00 (60 min); the
 *       appointment moved to Thu 5 Mar 12:00; finished Thu 5 Mar 11:00 (on time by the clock, late for 766); rated,
 *       satisfied. Net
 *       (420 + 480 + 480 + 180) − 180 = 1380 min; allowed (420 + 480 + 480 + 240) − 180 = 1440.</li>
 *   <li>E direct, paused Tue 3 Mar 09:00 – Thu 5 Mar 09:00 for a supplement (420 + 480 + 60 = 960 min): the appointment
 *       moved to Mon 9 Mar 09:00; finished Fri 6 Mar 16:00, after the original appointment but on time once the
 *       supplement time is deducted; not rated. Net (420 + 3 × 480 + 420) − 960 = 1320 min.</li>
 *   <li>F online, received Mon 30 Mar 09:00, due Thu 2 Apr 09:00, in progress at the end of March (on time).</li>
 *   <li>G direct, received 2 Mar, stopped 4 Mar: in no indicator but 3.3.</li>
 *   <li>H online child of an inter-agency transfer: left out.</li>
 * </ul>
 */
class Indicators766Test {

    private static final WorkingCalendar CAL = WorkingCalendar.weekendsOnly();
    private static final ReportPeriod MARCH = ReportPeriod.ofMonth(YearMonth.of(2026, 3));
    private static final Instant NOW = t("2026-04-15T12:00");

    private static Instant t(String local) {
        return OffsetDateTime.parse(local + ":00+07:00").toInstant();
    }

    private static IndicatorDossier d(String code, Channel ch, DossierStatus st, String received, String due,
                                      String completed, Timeliness tl, List<IndicatorDossier.Supplement> sup,
                                      boolean disliked) {
        return d(code, ch, st, received, due, completed, tl, sup, disliked, disliked);
    }

    private static IndicatorDossier d(String code, Channel ch, DossierStatus st, String received, String due,
                                      String completed, Timeliness tl, List<IndicatorDossier.Supplement> sup,
                                      boolean rated, boolean disliked) {
        return new IndicatorDossier(code, "U", "Xã Thử", "1.004873", "Xác nhận tình trạng hôn nhân", st, ch,
            t(received), t(received), t(due), null, completed == null ? null : t(completed), tl, sup.size(), sup,
            false, false, rated, disliked, null, true);
    }

    /** The same dossier with what its files show. */
    private static IndicatorDossier withFiles(IndicatorDossier d, IndicatorDossier.Files files) {
        return new IndicatorDossier(d.code(), d.agencyCode(), d.agencyName(), d.procedureCode(), d.procedureName(),
            d.status(), d.channel(), d.receivedAt(), d.clockStartedAt(), d.dueAt(), d.pausedAt(), d.completedAt(),
            d.timeliness(), d.supplementRequests(), d.supplements(), d.child(), d.withdrawn(), d.rated(), d.disliked(),
            files, d.issuesElectronicResult());
    }

    private static IndicatorDossier.Supplement s(String from, String to) {
        return new IndicatorDossier.Supplement(t(from), to == null ? null : t(to));
    }

    static List<IndicatorDossier> march() {
        String mon = "2026-03-02T09:00";
        return List.of(
            d("A", Channel.DIRECT, DossierStatus.RETURNED, mon, "2026-03-05T09:00", "2026-03-03T10:00", Timeliness.EARLY,
                List.of(), true),
            d("B", Channel.ONLINE, DossierStatus.RESULT_READY, mon, "2026-03-05T09:00", "2026-03-05T08:30",
                Timeliness.ON_TIME, List.of(), true, false),
            d("C", Channel.DIRECT, DossierStatus.RETURNED, mon, "2026-03-05T09:00", "2026-03-11T10:00", Timeliness.LATE,
                List.of(), true),
            d("D", Channel.POSTAL, DossierStatus.RESULT_READY, mon, "2026-03-05T12:00", "2026-03-05T11:00",
                Timeliness.ON_TIME, List.of(s("2026-03-03T09:00", "2026-03-03T11:00"),
                    s("2026-03-04T09:00", "2026-03-04T10:00")), true, false),
            d("E", Channel.DIRECT, DossierStatus.RESULT_READY, mon, "2026-03-09T09:00", "2026-03-06T16:00",
                Timeliness.EARLY, List.of(s("2026-03-03T09:00", "2026-03-05T09:00")), false),
            d("F", Channel.ONLINE, DossierStatus.IN_PROCESS, "2026-03-30T09:00", "2026-04-02T09:00", null, null,
                List.of(), false),
            d("G", Channel.DIRECT, DossierStatus.STOPPED, mon, "2026-03-05T09:00", "2026-03-04T10:00", null, List.of(),
                false),
            new IndicatorDossier("H", "U2", "Sở", "1.004873", "x", DossierStatus.RESULT_READY, Channel.ONLINE,
                t(mon), t(mon), t("2026-03-05T09:00"), null, t("2026-03-10T09:00"), Timeliness.LATE, 0, List.of(),
                true, false, true, true, null, true));
    }

    private static List<String> codes(Indicators766 r, String id) {
        return r.costs().get(id).stream().map(Indicators766.Cost::code).toList();
    }

    @Test
    @DisplayName("The clock's shift of E's appointment is exactly its supplement time (the 766 deduction)")
    void pauseShiftIsTheSupplementTime() {
        assertEquals(t("2026-03-09T09:00"), CAL.shiftForPause(t("2026-03-05T09:00"), t("2026-03-03T09:00"),
            t("2026-03-05T09:00")));
        assertEquals(t("2026-03-05T12:00"), CAL.shiftForPause(CAL.shiftForPause(t("2026-03-05T09:00"),
            t("2026-03-03T09:00"), t("2026-03-03T11:00")), t("2026-03-04T09:00"), t("2026-03-04T10:00")));
    }

    @Test
    @DisplayName("2.1: A, B, E, F on time, C late, D late for two supplement requests: 4/6 = 66.67 %, 10 × 4/6 = 6.67")
    void onTime() {
        Indicators766 r = Indicators766.compute(MARCH, march(), NOW, CAL);
        Indicators766.Result x = r.result("2.1");
        assertEquals(Status.DATA, x.status());
        assertEquals(new BigDecimal("66.67"), x.value());
        assertEquals(BigDecimal.valueOf(4), x.numerator());
        assertEquals(6L, x.denominator());
        assertEquals(new BigDecimal("6.67"), x.points());
        assertEquals(new BigDecimal("10.00"), x.maxPoints());
        assertEquals(List.of("C", "D"), codes(r, "2.1"));
        assertEquals(List.of(CostReason.LATE), r.costs().get("2.1").get(0).reasons());
        assertEquals(List.of(CostReason.MULTIPLE_SUPPLEMENTS), r.costs().get("2.1").get(1).reasons());
    }

    @Test
    @DisplayName("2.2: (540 + 1410 + 3420 + 1380 + 1320) ÷ 5 = 1614 min = 3.36 working days; 10 × 7200 ÷ 8070 = 8.92; C over")
    void handlingTime() {
        Indicators766 r = Indicators766.compute(MARCH, march(), NOW, CAL);
        Indicators766.Result x = r.result("2.2");
        assertEquals(new BigDecimal("3.36"), x.value());
        assertEquals("working days", x.unit());
        assertEquals(new BigDecimal("16.81"), x.numerator()); // 8070 ÷ 480 = 16.8125
        assertEquals(5L, x.denominator());
        assertEquals(new BigDecimal("8.92"), x.points());
        assertEquals(List.of("C"), codes(r, "2.2"));
        assertEquals("7.13 / 3.00 ngày làm việc / working days", r.costs().get("2.2").get(0).detail());
    }

    @Test
    @DisplayName("4.3 / 4.4: no dossier of March has a file: no data (never 0 %); with A's ID card from the citizen's"
        + " data store, E's land record from a national database and C's desk scan: 4.3 = 2 of 7 = 28.57 %,"
        + " 4.4 × 28.57 ÷ 80 = 1.57; 4.4 = 1 of 7 = 14.29 %, 4.4 × 0.1429 = 0.63")
    void digitisation() {
        Indicators766 none = Indicators766.compute(MARCH, march(), NOW, CAL);
        assertEquals(Status.NO_DATA, none.result("4.3").status());
        assertEquals(Status.NO_DATA, none.result("4.4").status());
        assertEquals("No dossier received in the period has an attached file", none.result("4.3").reasonEn());

        List<IndicatorDossier> dossiers = new java.util.ArrayList<>();
        for (IndicatorDossier d : march()) {
            dossiers.add(switch (d.code()) {
                case "A" -> withFiles(d, new IndicatorDossier.Files(true, true, true));
                case "C" -> withFiles(d, new IndicatorDossier.Files(true, false, false));
                case "E" -> withFiles(d, new IndicatorDossier.Files(true, true, false));
                default -> d;
            });
        }
        Indicators766 r = Indicators766.compute(MARCH, dossiers, NOW, CAL);
        Indicators766.Result reuse = r.result("4.3");
        assertEquals(new BigDecimal("28.57"), reuse.value());
        assertEquals(7L, reuse.denominator());
        assertEquals(new BigDecimal("1.57"), reuse.points());
        assertEquals(List.of("B", "C", "D", "F", "G"), codes(r, "4.3"));
        assertEquals(List.of(CostReason.NOT_REUSED), r.costs().get("4.3").get(0).reasons());
        Indicators766.Result store = r.result("4.4");
        assertEquals(new BigDecimal("14.29"), store.value());
        assertEquals(new BigDecimal("0.63"), store.points());
        assertEquals(List.of("B", "C", "D", "E", "F", "G"), codes(r, "4.4"));
    }

    @Test
    @DisplayName("4.1 / 4.2 over the resolved dossiers whose procedure issues an electronic result (A, C, D, E; B's"
        + " does not): A scanned with its result, C scanned, E with its result: 4.1 = 2 of 4 = 50 %, 4.4 × 0.5 = 2.20;"
        + " 4.2 = 1 of 4 = 25 %, 4.4 × 25 ÷ 80 = 1.375 → 1.38")
    void electronicResults() {
        Indicators766 none = Indicators766.compute(MARCH, march(), NOW, CAL);
        assertEquals(Status.NO_DATA, none.result("4.1").status());
        assertEquals("No dossier resolved in the period has an attached file", none.result("4.2").reasonEn());

        List<IndicatorDossier> dossiers = new java.util.ArrayList<>();
        for (IndicatorDossier d : march()) {
            dossiers.add(switch (d.code()) {
                case "A" -> withFiles(d, new IndicatorDossier.Files(true, false, false, true, true));
                case "B" -> new IndicatorDossier(d.code(), d.agencyCode(), d.agencyName(), d.procedureCode(),
                    d.procedureName(), d.status(), d.channel(), d.receivedAt(), d.clockStartedAt(), d.dueAt(),
                    d.pausedAt(), d.completedAt(), d.timeliness(), d.supplementRequests(), d.supplements(), d.child(),
                    d.withdrawn(), d.rated(), d.disliked(), d.files(), false);
                case "C" -> withFiles(d, new IndicatorDossier.Files(true, false, false, true, false));
                case "E" -> withFiles(d, new IndicatorDossier.Files(true, false, false, false, true));
                default -> d;
            });
        }
        Indicators766 r = Indicators766.compute(MARCH, dossiers, NOW, CAL);
        Indicators766.Result results = r.result("4.1");
        assertEquals(Status.DATA, results.status());
        assertEquals(new BigDecimal("50.00"), results.value());
        assertEquals(4L, results.denominator());
        assertEquals(new BigDecimal("2.20"), results.points());
        assertEquals(List.of("C", "D"), codes(r, "4.1"));
        assertEquals(List.of(CostReason.NO_ELECTRONIC_RESULT), r.costs().get("4.1").get(0).reasons());
        Indicators766.Result digitised = r.result("4.2");
        assertEquals(new BigDecimal("25.00"), digitised.value());
        assertEquals(new BigDecimal("1.38"), digitised.points());
        assertEquals(List.of("C", "D", "E"), codes(r, "4.2"));
        assertEquals(List.of(List.of(CostReason.NO_ELECTRONIC_RESULT),
                List.of(CostReason.NOT_DIGITISED, CostReason.NO_ELECTRONIC_RESULT), List.of(CostReason.NOT_DIGITISED)),
            r.costs().get("4.2").stream().map(Indicators766.Cost::reasons).toList());
    }

    @Test
    @DisplayName("1.4: A, B, F, G synchronised of the 7 received (H, a child, does not count) = 57.14 %;"
        + " 4.5 × 4/7 = 2.57; C, D, E cost points; without outbox facts NO_DATA")
    void syncRate() {
        Indicators766 r = Indicators766.compute(MARCH, march(), NOW, CAL, java.util.Set.of("A", "B", "F", "G", "H", "Z"));
        Indicators766.Result x = r.result("1.4");
        assertEquals(Status.DATA, x.status());
        assertEquals(new BigDecimal("57.14"), x.value());
        assertEquals(BigDecimal.valueOf(4), x.numerator());
        assertEquals(7L, x.denominator());
        assertEquals(new BigDecimal("2.57"), x.points());
        assertEquals("57,1", x.valueVi());
        assertEquals(List.of("C", "D", "E"), codes(r, "1.4"));
        assertEquals(List.of(CostReason.NOT_SYNCHRONISED), r.costs().get("1.4").get(0).reasons());
        assertEquals(new BigDecimal("2.57"), r.groups().get(0).points());
        assertEquals(new BigDecimal("4.50"), r.groups().get(0).maxPointsWithData());
        // Nothing synchronised: 0 %, 0 points; nothing received in April: no data.
        assertEquals(new BigDecimal("0.00"), Indicators766.compute(MARCH, march(), NOW, CAL, java.util.Set.of())
            .result("1.4").points());
        assertEquals(Status.NO_DATA, Indicators766.compute(ReportPeriod.ofMonth(YearMonth.of(2026, 4)), march(), NOW,
            CAL, java.util.Set.of("A")).result("1.4").status());
        assertEquals(Status.NO_DATA, Indicators766.compute(MARCH, march(), NOW, CAL).result("1.4").status());
    }

    @Test
    @DisplayName("3.3: 2 online of 7 received (G counts, H does not) = 28.57 %; 4.4 × 28.57 ÷ 50 = 2.51")
    void channels() {
        Indicators766 r = Indicators766.compute(MARCH, march(), NOW, CAL);
        Indicators766.Result x = r.result("3.3");
        assertEquals(new BigDecimal("28.57"), x.value());
        assertEquals(7L, x.denominator());
        assertEquals(new BigDecimal("2.51"), x.points());
        assertEquals(Map.of("online", new BigDecimal("28.57"), "direct", new BigDecimal("57.14"),
            "postal", new BigDecimal("14.29")), x.shares());
        assertEquals(List.of("A", "C", "D", "E", "G"), codes(r, "3.3"));
        assertEquals(List.of(CostReason.POSTAL), r.costs().get("3.3").get(2).reasons());
    }

    @Test
    @DisplayName("5.4 over the rated A, B, C, D only: late C, D (50 %) + disliked A not late (25 %) ⇒ 25 %;"
        + " 4.5 × 25 ÷ 90 = 1.25; unrated E costs nothing")
    void satisfaction() {
        Indicators766 r = Indicators766.compute(MARCH, march(), NOW, CAL);
        Indicators766.Result x = r.result("5.4");
        assertEquals(Status.DATA, x.status());
        assertEquals(new BigDecimal("25.00"), x.value());
        assertEquals(4L, x.denominator());
        assertEquals(new BigDecimal("50.00"), x.shares().get("lateRate"));
        assertEquals(new BigDecimal("25.00"), x.shares().get("dislikeRate"));
        assertEquals(new BigDecimal("1.25"), x.points());
        assertEquals(List.of("A", "C", "D"), codes(r, "5.4"));
        assertEquals(List.of(CostReason.LATE, CostReason.DISLIKED), r.costs().get("5.4").get(1).reasons());
        assertEquals(List.of(CostReason.MULTIPLE_SUPPLEMENTS), r.costs().get("5.4").get(2).reasons());
    }

    @Test
    @DisplayName("5.4 is NO_DATA when no dossier of the unit was rated in the period, even with late dossiers;"
        + " 2.1 still has data")
    void satisfactionWithoutRatings() {
        String mon = "2026-03-02T09:00";
        List<IndicatorDossier> unrated = List.of(
            d("P", Channel.DIRECT, DossierStatus.RETURNED, mon, "2026-03-05T09:00", "2026-03-11T10:00", Timeliness.LATE,
                List.of(), false, false),
            d("Q", Channel.ONLINE, DossierStatus.RESULT_READY, mon, "2026-03-05T09:00", "2026-03-04T10:00",
                Timeliness.EARLY, List.of(), false, false));
        Indicators766 r = Indicators766.compute(MARCH, unrated, NOW, CAL);
        Indicators766.Result x = r.result("5.4");
        assertEquals(Status.NO_DATA, x.status());
        assertNull(x.value());
        assertNull(x.points());
        assertEquals("No dossier of the period was rated by its citizen", x.reasonEn());
        assertEquals("Không có hồ sơ được công dân đánh giá trong kỳ", x.reasonVi());
        assertNull(r.costs().get("5.4"));
        assertEquals(new BigDecimal("50.00"), r.result("2.1").value());
        assertEquals(BigDecimal.ZERO, r.groups().get(4).maxPointsWithData());
        assertThrows(IllegalArgumentException.class, () -> d("R", Channel.ONLINE, DossierStatus.RESULT_READY, mon,
            "2026-03-05T09:00", "2026-03-04T10:00", Timeliness.EARLY, List.of(), false, true));
    }

    @Test
    @DisplayName("Groups and total: 2 → 15.59 of 20, 3 → 2.51 (of 4.4 with data), 5 → 1.25; total 19.35 of 28.90 with data")
    void groupsAndTotal() {
        Indicators766 r = Indicators766.compute(MARCH, march(), NOW, CAL);
        assertEquals(new BigDecimal("0"), r.groups().get(0).points());
        assertEquals(new BigDecimal("15.59"), r.groups().get(1).points());
        assertEquals(new BigDecimal("20.00"), r.groups().get(1).maxPointsWithData());
        assertEquals(new BigDecimal("2.51"), r.groups().get(2).points());
        assertEquals(new BigDecimal("4.40"), r.groups().get(2).maxPointsWithData());
        assertEquals(new BigDecimal("1.25"), r.groups().get(4).points());
        assertEquals(new BigDecimal("19.35"), r.points());
        assertEquals(new BigDecimal("28.90"), r.maxPointsWithData());
        assertEquals(BigDecimal.valueOf(100), r.maxPoints());
    }

    @Test
    @DisplayName("Indicators without our data are NO_DATA with a reason, never 0 or 100; so is a period without dossiers")
    void noData() {
        Indicators766 r = Indicators766.compute(MARCH, march(), NOW, CAL);
        for (String id : List.of("1.1", "1.4", "3.1", "3.6", "4.1", "4.2", "5.1", "5.3")) {
            Indicators766.Result x = r.result(id);
            assertEquals(Status.NO_DATA, x.status(), id);
            assertNull(x.value(), id);
            assertNull(x.points(), id);
            assertEquals(false, x.reasonVi().isBlank(), id);
        }
        assertEquals("Hồ sơ chưa có trạng thái đồng bộ lên Cổng Dịch vụ công quốc gia", r.result("1.4").reasonVi());
        Indicators766 empty = Indicators766.compute(ReportPeriod.ofMonth(YearMonth.of(2026, 1)), march(), NOW, CAL);
        assertEquals(Status.NO_DATA, empty.result("2.1").status());
        assertEquals("No dossiers to count in the period", empty.result("2.1").reasonEn());
        assertEquals(BigDecimal.ZERO, empty.points());
        assertEquals(BigDecimal.ZERO, empty.maxPointsWithData());
        assertThrows(IllegalArgumentException.class, () -> r.result("3.4"));
    }

    @Test
    @DisplayName("Pending: F judged at the end of March is on time; judged in April after its appointment it is overdue")
    void pending() {
        Indicators766 april = Indicators766.compute(ReportPeriod.ofMonth(YearMonth.of(2026, 4)), march(), NOW, CAL);
        assertEquals(List.of("F"), codes(april, "2.1"));
        assertEquals(List.of(CostReason.OVERDUE), april.costs().get("2.1").get(0).reasons());
        assertEquals(new BigDecimal("0.00"), april.result("2.1").value());
        assertEquals(Status.NO_DATA, april.result("3.3").status()); // nothing received in April
    }

    @Test
    @DisplayName("Screen texts the Vietnamese way: rates with 1 decimal from numerator ÷ denominator, working days and"
        + " points with 2, maxima without trailing zeros, counts without decimals")
    void vietnameseTexts() {
        Indicators766 r = Indicators766.compute(MARCH, march(), NOW, CAL);
        Indicators766.Result onTime = r.result("2.1"); // 4 of 6 = 66.666… %
        assertEquals(1, onTime.decimals());
        assertEquals("66,7", onTime.valueVi());
        assertEquals("4", onTime.numeratorVi());
        assertEquals("6,67 / 10", onTime.pointsVi());
        Indicators766.Result time = r.result("2.2"); // 16.81 working days over 5 dossiers
        assertEquals(2, time.decimals());
        assertEquals("3,36", time.valueVi());
        assertEquals("16,81", time.numeratorVi());
        assertEquals("8,92 / 10", time.pointsVi());
        Indicators766.Result online = r.result("3.3"); // 2 of 7 = 28.571… %
        assertEquals("28,6", online.valueVi());
        assertEquals("2,51 / 4,4", online.pointsVi());
        Indicators766.Result sync = r.result("1.4");
        assertEquals("", sync.valueVi());
        assertEquals("— / 4,5", sync.pointsVi());
        assertEquals("28,9", Indicators766.maximumVi(r.maxPointsWithData()));
        assertEquals("100", Indicators766.maximumVi(r.maxPoints()));
        assertEquals("0,05", PeriodFigures.vietnamese(new BigDecimal("0.045"), 2));
        assertEquals("12", PeriodFigures.vietnamese(new BigDecimal("12.00"), 0));
    }

    @Test
    @DisplayName("Points: equal split of the group, linear up to the threshold")
    void points() {
        assertEquals(new BigDecimal("4.50"), Decision766.indicator("1.4").maxPoints());
        assertEquals(new BigDecimal("4.40"), Decision766.indicator("4.2").maxPoints());
        assertEquals(new BigDecimal("4.40"), Decision766.points(Decision766.indicator("3.3"), 0.5));
        assertEquals(new BigDecimal("2.20"), Decision766.points(Decision766.indicator("3.3"), 0.25));
        assertEquals(new BigDecimal("4.50"), Decision766.points(Decision766.indicator("5.4"), 0.95));
        assertEquals(new BigDecimal("5.00"), Decision766.points(Decision766.indicator("2.1"), 0.5));
        assertEquals(100, Decision766.GROUPS.stream().mapToInt(Decision766.Group::maxPoints).sum());
    }
}
