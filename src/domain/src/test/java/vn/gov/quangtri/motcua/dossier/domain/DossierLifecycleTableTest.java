package vn.gov.quangtri.motcua.dossier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
import vn.gov.quangtri.motcua.shared.domain.DomainException;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * The lifecycle table ({@link DossierStatus#allows}) and {@link Dossier#allowedActions} are the one answer to
 * "what may happen to a dossier now": for dossiers in every status, an action is listed exactly when applying it
 * (with well-formed input) succeeds. March 2026 has no holiday; office hours 08–12, 13–17.
 */
class DossierLifecycleTableTest {

    private static final WorkingCalendar CALENDAR = new WorkingCalendar(OfficeHours.standard(),
        Map.of(LocalDate.of(2026, 1, 1), false));
    private static final Agency COMMUNE = new Agency("QT25.XA_VINH_LINH", "Xã Vĩnh Linh", AgencyKind.COMMUNE,
        AgencyLevel.COMMUNE, null, "000.00.60.H50", true);
    private static final Applicant APPLICANT = new Applicant(Applicant.Kind.INDIVIDUAL, "Lê Anh Tuấn",
        "045090001111", "0912000111", null, "Khu phố 1, xã Vĩnh Linh");
    private static final List<DocumentLine> DOCS = List.of(new DocumentLine(1, "Tờ khai", DocumentForm.ORIGINAL, 1));

    private static Instant vn(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, VietnamTime.ZONE).toInstant();
    }

    /** Mon 2 Mar 10:00 + 3 working days → Thu 5 Mar 10:00; generic 4-step process (work, work, approval, work). */
    private static Procedure procedure() {
        Procedure p = new Procedure("1.004873", false, "Cấp Giấy xác nhận tình trạng hôn nhân", "Hộ tịch",
            Set.of(ProcedureLevel.COMMUNE), TimeLimit.workingDays(3));
        p.addRequiredDocument("Tờ khai", DocumentForm.ORIGINAL, 1);
        return p;
    }

    private static Dossier received() {
        Procedure p = procedure();
        Instant at = vn(3, 2, 10, 0);
        Instant due = CALENDAR.dueAt(at, p.timeLimit());
        return DossierIntake.receive(new Submission(new DossierCode("000.00.60.H50-260302-0001"), p, COMMUNE,
                Channel.DIRECT, APPLICANT, DOCS, at), new Appointment(at, due), ProcessPlanner.plan(p, CALENDAR,
                new Appointment(at, due)), CALENDAR, "desk", null);
    }

    private static Dossier online() {
        return DossierIntake.submitOnline(new Submission(new DossierCode("000.00.60.H50-260302-0002"), procedure(),
                COMMUNE, Channel.ONLINE, APPLICANT, DOCS, vn(3, 2, 9, 0)), "portal");
    }

    private static Dossier atStep(int step) {
        Dossier d = received();
        for (int i = 1; i < step; i++) {
            d.completeStep(vn(3, 2, 10, 10 + i), "officer", null, CALENDAR);
        }
        return d;
    }

    /** The dossiers of the test, one per situation, built afresh for each action tried. */
    private static Map<String, Supplier<Dossier>> situations() {
        Map<String, Supplier<Dossier>> m = new LinkedHashMap<>();
        m.put("submitted online", DossierLifecycleTableTest::online);
        m.put("supplement requested at intake", () -> {
            Dossier d = online();
            DossierIntake.requestSupplementAtIntake(d, vn(3, 2, 9, 30), "desk", List.of("Tờ khai chưa ký"), null);
            return d;
        });
        m.put("refused at intake", () -> {
            Dossier d = online();
            DossierIntake.refuse(d, vn(3, 2, 9, 30), "desk", "Không thuộc thẩm quyền");
            return d;
        });
        m.put("received, step 1 (work)", DossierLifecycleTableTest::received);
        m.put("in process, step 2 (work)", () -> atStep(2));
        m.put("in process, step 3 (approval)", () -> atStep(3));
        m.put("supplement requested in process", () -> {
            Dossier d = atStep(2);
            DossierPauses.requestSupplement(d, vn(3, 2, 11, 0), "specialist", List.of("Bản sao CCCD"), null);
            return d;
        });
        m.put("waiting for a financial obligation", () -> {
            Dossier d = atStep(2);
            DossierPauses.requestFinancialObligation(d, vn(3, 2, 11, 0), "specialist", "Lệ phí");
            return d;
        });
        m.put("waiting for another agency", () -> {
            Dossier d = atStep(2);
            InterAgencyLeg.awaitInterAgency(d, vn(3, 2, 11, 0), "specialist", "Thuế tỉnh", 2, null);
            return d;
        });
        m.put("result ready", () -> {
            Dossier d = atStep(3);
            d.approve(vn(3, 2, 11, 0), "leader", null, CALENDAR);
            d.completeStep(vn(3, 2, 11, 30), "clerk", null, CALENDAR);
            return d;
        });
        m.put("not approved", () -> {
            Dossier d = atStep(3);
            d.disapprove(vn(3, 2, 11, 0), "leader", "Không đủ điều kiện");
            return d;
        });
        m.put("stopped", () -> {
            Dossier d = atStep(2);
            d.stop(vn(3, 2, 11, 0), "leader", "Người dân rút hồ sơ");
            return d;
        });
        m.put("returned", () -> {
            Dossier d = atStep(3);
            d.approve(vn(3, 2, 11, 0), "leader", null, CALENDAR);
            d.completeStep(vn(3, 2, 11, 30), "clerk", null, CALENDAR);
            d.handOverResult(vn(3, 2, 14, 0), "desk", "Lê Anh Tuấn", "DIRECT", null);
            return d;
        });
        return m;
    }

    /** Each officer's action with well-formed input, taken at {@code at}. */
    private static Map<DossierAction, Consumer<Dossier>> actions(Instant at) {
        Map<DossierAction, Consumer<Dossier>> m = new LinkedHashMap<>();
        m.put(DossierAction.RECEIVE, d -> DossierIntake.accept(d, at, new Appointment(at, CALENDAR.dueAt(at, d.clock().timeLimit())),
            ProcessPlanner.plan(d.procedure(), CALENDAR, new Appointment(at, CALENDAR.dueAt(at, d.clock().timeLimit()))),
                    CALENDAR, "desk", null));
        m.put(DossierAction.REQUEST_SUPPLEMENT_AT_INTAKE, d -> DossierIntake.requestSupplementAtIntake(d, at, "desk",
                List.of("Tờ khai"), null));
        m.put(DossierAction.REFUSE, d -> DossierIntake.refuse(d, at, "desk", "Lý do"));
        m.put(DossierAction.ASSIGN, d -> d.assign(at, "leader", "specialist"));
        m.put(DossierAction.COMPLETE_STEP, d -> d.completeStep(at, "officer", null, CALENDAR));
        m.put(DossierAction.APPROVE, d -> d.approve(at, "leader", null, CALENDAR));
        m.put(DossierAction.REJECT, d -> d.disapprove(at, "leader", "Lý do"));
        m.put(DossierAction.RETURN_FOR_REWORK, d -> d.returnForRework(at, "leader", "Làm lại", CALENDAR));
        m.put(DossierAction.REQUEST_SUPPLEMENT, d -> DossierPauses.requestSupplement(d, at, "specialist", List.of("Bản sao"), null));
        m.put(DossierAction.REQUEST_FINANCIAL_OBLIGATION, d -> DossierPauses.requestFinancialObligation(d, at, "specialist", "Lệ phí"));
        m.put(DossierAction.RESUME, d -> DossierPauses.resume(d, at, "desk", null, null, CALENDAR));
        m.put(DossierAction.STOP, d -> d.stop(at, "leader", "Rút hồ sơ"));
        m.put(DossierAction.RESCHEDULE, d -> Apology.reschedule(d, at, "leader", vn(3, 20, 10, 0), "Chậm", CALENDAR));
        m.put(DossierAction.RETURN_RESULT, d -> d.handOverResult(at, "desk", "Lê Anh Tuấn", "DIRECT", null));
        m.put(DossierAction.TRANSFER_OUT, d -> InterAgencyLeg.awaitInterAgency(d, at, "desk", "Thuế tỉnh", d.currentStep(), null));
        m.put(DossierAction.INTERAGENCY_RESULT, d -> InterAgencyLeg.interAgencyResult(d, at, "liên thông", "Thuế tỉnh", true, null,
                CALENDAR));
        m.put(DossierAction.INTERAGENCY_REJECTED, d -> InterAgencyLeg.interAgencyRejected(d, at, "liên thông", "Thuế tỉnh", "Sai"));
        return m;
    }

    @Test
    @DisplayName("allowedActions lists an action exactly when the dossier accepts it (every status, every action)")
    void allowedActionsIsWhatTheAggregateEnforces() {
        List<String> disagreements = new ArrayList<>();
        for (Instant at : List.of(vn(3, 2, 15, 0), vn(3, 9, 10, 0))) { // same day (not late), a week on (late)
            for (Map.Entry<String, Supplier<Dossier>> situation : situations().entrySet()) {
                Set<DossierAction> allowed = situation.getValue().get().allowedActions(at, CALENDAR);
                for (Map.Entry<DossierAction, Consumer<Dossier>> action : actions(at).entrySet()) {
                    Dossier d = situation.getValue().get();
                    boolean accepted;
                    try {
                        action.getValue().accept(d);
                        accepted = true;
                    } catch (DomainException | NullPointerException e) {
                        accepted = false;
                    }
                    if (accepted != allowed.contains(action.getKey())) {
                        disagreements.add(situation.getKey() + " at " + VietnamTime.local(at) + ": " + action.getKey()
                            + (accepted ? " accepted but not listed" : " listed but refused"));
                    }
                }
            }
        }
        assertEquals(List.of(), disagreements);
    }

    @Test
    @DisplayName("The table by hand: what each kind of dossier allows")
    void tableByHand() {
        // Mon 10:30: 1,410 working minutes to Thu 10:00, steps 2–4 still need 864 + 288 + 216 = 1,368: no apology
        Instant sameDay = vn(3, 2, 10, 30);
        Instant late = vn(3, 9, 10, 0);
        Map<String, Supplier<Dossier>> s = situations();
        assertEquals(EnumSet.of(DossierAction.RECEIVE, DossierAction.REQUEST_SUPPLEMENT_AT_INTAKE, DossierAction.REFUSE,
            DossierAction.STOP), s.get("submitted online").get().allowedActions(sameDay, CALENDAR));
        assertEquals(EnumSet.of(DossierAction.ASSIGN, DossierAction.COMPLETE_STEP, DossierAction.REQUEST_SUPPLEMENT,
                DossierAction.REQUEST_FINANCIAL_OBLIGATION, DossierAction.TRANSFER_OUT, DossierAction.STOP),
            s.get("received, step 1 (work)").get().allowedActions(sameDay, CALENDAR));
        // at the approval step, after the appointment (Thu 5 Mar 10:00): approve or reject, rework, apologise
        assertEquals(EnumSet.of(DossierAction.ASSIGN, DossierAction.APPROVE, DossierAction.REJECT,
                DossierAction.RETURN_FOR_REWORK, DossierAction.REQUEST_SUPPLEMENT,
                DossierAction.REQUEST_FINANCIAL_OBLIGATION, DossierAction.TRANSFER_OUT, DossierAction.STOP,
                DossierAction.RESCHEDULE),
            s.get("in process, step 3 (approval)").get().allowedActions(late, CALENDAR));
        assertEquals(EnumSet.of(DossierAction.RESUME, DossierAction.STOP),
            s.get("supplement requested in process").get().allowedActions(late, CALENDAR),
            "paused on Mon 11:00 with 2 working days 7 hours left: no apology due");
        assertEquals(EnumSet.of(DossierAction.RETURN_RESULT), s.get("not approved").get().allowedActions(late, CALENDAR));
        assertTrue(s.get("returned").get().allowedActions(late, CALENDAR).isEmpty());
        assertEquals(DossierStatus.open(), EnumSet.of(DossierStatus.RECEIVED, DossierStatus.IN_PROCESS,
            DossierStatus.WAITING_INTERAGENCY, DossierStatus.SUPPLEMENT_REQUESTED_IN_PROCESS,
            DossierStatus.WAITING_FINANCIAL_OBLIGATION));
    }

    @Test
    @DisplayName("One time-left rule: working minutes to the appointment, none while paused (issue 11 §3) or once finished")
    void timeLeft() {
        Map<String, Supplier<Dossier>> s = situations();
        // Mon 15:00 → Thu 5 Mar 10:00: Mon 120 + Tue 480 + Wed 480 + Thu 120 = 1,200 working minutes
        assertEquals(1200, s.get("received, step 1 (work)").get().timeLeft(vn(3, 2, 15, 0), CALENDAR).totalMinutes());
        // paused Mon 11:00: no countdown; the overdue lists count at the pause: Mon 60 + 240 + Tue 480 + Wed 480
        // + Thu 120 = 1,380, a week later still
        Dossier paused = s.get("supplement requested in process").get();
        assertEquals(null, paused.timeLeft(vn(3, 9, 10, 0), CALENDAR));
        assertEquals(1380, ProcessingClock.lateness(paused.clock().dueAt(), paused.clock().pausedAt(), vn(3, 9, 10, 0), CALENDAR)
            .totalMinutes());
        assertEquals(null, s.get("returned").get().timeLeft(vn(3, 9, 10, 0), CALENDAR));
        assertEquals(null, s.get("submitted online").get().timeLeft(vn(3, 9, 10, 0), CALENDAR));
        assertTrue(s.get("received, step 1 (work)").get().timeLeft(vn(3, 9, 10, 0), CALENDAR).overdue());
    }

    @Test
    @DisplayName("Supplement items and holiday names refuse control and invisible characters (issue 9 §14)")
    void controlCharactersInItemsAndHolidays() {
        Dossier d = atStep(2);
        long events = d.history().size();
        vn.gov.quangtri.motcua.shared.domain.RuleViolationException bell = org.junit.jupiter.api.Assertions.assertThrows(
            vn.gov.quangtri.motcua.shared.domain.RuleViolationException.class,
            () -> DossierPauses.requestSupplement(d, vn(3, 2, 11, 0), "specialist", List.of("Bản sao\u0007 CCCD"), null));
        assertEquals("CONTROL_CHARACTER", bell.reason());
        assertEquals(DossierStatus.IN_PROCESS, d.status());
        assertEquals(events, d.history().size());
        for (String name : List.of("Lao \u202Eđộng", "Quốc\u200Bkhánh")) {
            assertEquals("CONTROL_CHARACTER", org.junit.jupiter.api.Assertions.assertThrows(
                vn.gov.quangtri.motcua.shared.domain.RuleViolationException.class,
                () -> vn.gov.quangtri.motcua.calendar.domain.CalendarDay.entered(LocalDate.of(2028, 9, 4), false,
                    "statutory", name, null)).reason());
        }
    }
}
