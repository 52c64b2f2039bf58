package vn.gov.quangtri.motcua.dossier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZonedDateTime;
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
import vn.gov.quangtri.motcua.catalogue.domain.StepKind;
import vn.gov.quangtri.motcua.catalogue.domain.StepRole;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * Issue 9 items 9–11: the dossier's clock (apology only when late or at risk), step deadlines from the plan
 * made at receipt, and the supplement request's note and items. Times worked out by hand; office hours
 * 08–12 and 13–17 (480 working minutes a day), March 2026 without holidays, Asia/Ho_Chi_Minh.
 *
 * <p>The dossier: 5 working days, received Mon 2 Mar 2026 10:00 (clock starts at once), three steps of
 * 1, 3 and 1 working days (480, 1,440, 480 minutes). Plan, cumulative from Mon 10:00: step 1 at 480 →
 * Tue 3 Mar 10:00; step 2 at 1,920 → Fri 6 Mar 10:00; step 3 at 2,400 → Mon 9 Mar 10:00 = the appointment.
 */
class DossierClockTest {

    private static final WorkingCalendar CALENDAR = new WorkingCalendar(OfficeHours.standard(), Map.of());
    private static final Agency COMMUNE = new Agency("QT25.XA_VINH_LINH", "Xã Vĩnh Linh", AgencyKind.COMMUNE,
        AgencyLevel.COMMUNE, null, "000.00.60.H50", true);
    private static final Applicant APPLICANT = new Applicant(Applicant.Kind.INDIVIDUAL, "Lê Anh Tuấn",
        "045090001111", "0912000111", "tuan@example.vn", "Khu phố 1, xã Vĩnh Linh");
    private static final String CCCD = "Bản sao CCCD của người yêu cầu";
    private static final String FORM = "Tờ khai có chữ ký người yêu cầu";

    private static Instant vn(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, VietnamTime.ZONE).toInstant();
    }

    private static Dossier threeSteps() {
        Procedure p = new Procedure("1.000001", false, "Thủ tục thử ba bước", "Hộ tịch",
            Set.of(ProcedureLevel.COMMUNE), TimeLimit.workingDays(5));
        p.addRequiredDocument("Tờ khai", DocumentForm.ORIGINAL, 1);
        Instant at = vn(3, 2, 10, 0);
        Instant start = CALENDAR.clockStart(at);
        List<StepPlan> plan = List.of(
            new StepPlan("Tiếp nhận, chuyển hồ sơ", StepRole.ONE_STOP_OFFICER, StepKind.WORK, null, 480),
            new StepPlan("Thẩm định hồ sơ", StepRole.SPECIALIST, StepKind.WORK, null, 1440),
            new StepPlan("Phê duyệt", StepRole.LEADER, StepKind.APPROVAL, null, 480));
        return DossierIntake.receive(new Submission(new DossierCode("000.00.60.H50-260302-0001"), p, COMMUNE,
                Channel.DIRECT, APPLICANT, List.of(new DocumentLine(1, "Tờ khai", DocumentForm.ORIGINAL, 1)), at),
                new Appointment(start, CALENDAR.dueAt(start, p.timeLimit())), plan, CALENDAR, "motcua.desk", null);
    }

    @Test
    @DisplayName("Step deadlines are planned at receipt: step 2 done late does not push step 3 past the plan")
    void stepDeadlinesFollowThePlan() {
        Dossier d = threeSteps();
        assertEquals(vn(3, 9, 10, 0), d.clock().dueAt());
        assertEquals(List.of(vn(3, 3, 10, 0), vn(3, 6, 10, 0), vn(3, 9, 10, 0)),
            d.steps().stream().map(DossierStep::dueAt).toList(), "all three planned at receipt, in order");
        assertNull(d.steps().get(2).startedAt());

        d.completeStep(vn(3, 3, 9, 0), "motcua.desk", null, CALENDAR);
        assertEquals(Timeliness.ON_TIME, d.steps().get(0).timeliness(), "same day as its deadline Tue 10:00");
        // Step 2 finishes Fri 6 Mar 15:00, five hours after its planned deadline.
        d.completeStep(vn(3, 6, 15, 0), "chuyenvien.hoa", null, CALENDAR);
        assertEquals(Timeliness.LATE, d.steps().get(1).timeliness());
        DossierStep step3 = d.steps().get(2);
        assertEquals(vn(3, 6, 15, 0), step3.startedAt());
        // Counted from its start (the old rule) it would be Fri 15:00 + 480 = Mon 9 Mar 15:00, after the appointment.
        assertEquals(vn(3, 9, 10, 0), step3.dueAt(), "step 3 keeps the plan's deadline");
        assertFalse(step3.dueAt().isBefore(d.steps().get(1).dueAt()), "deadlines stay in step order");
    }

    @Test
    @DisplayName("A pause moves the deadlines of the open steps and the appointment by its working time (660 min)")
    void pauseMovesRemainingDeadlines() {
        Dossier d = threeSteps();
        d.completeStep(vn(3, 3, 9, 0), "motcua.desk", null, CALENDAR);
        // Paused Wed 4 Mar 10:00 → resumed Thu 5 Mar 14:00: Wed 120 + 240 = 360, Thu 240 + 60 = 300 → 660 min.
        DossierPauses.requestSupplement(d, vn(3, 4, 10, 0), "chuyenvien.hoa", List.of(CCCD), null);
        DossierPauses.resume(d, vn(3, 5, 14, 0), "motcua.desk", null, null, CALENDAR);
        assertEquals(vn(3, 3, 10, 0), d.steps().get(0).dueAt(), "a completed step keeps its deadline");
        // Step 2: Fri 6 Mar 10:00 + 660 = Fri 360 (to 17:00), Mon 300 → Mon 9 Mar 14:00.
        assertEquals(vn(3, 9, 14, 0), d.steps().get(1).dueAt());
        // Step 3 and the appointment: Mon 9 Mar 10:00 + 660 = Mon 360, Tue 300 → Tue 10 Mar 14:00.
        assertEquals(vn(3, 10, 14, 0), d.steps().get(2).dueAt());
        assertEquals(vn(3, 10, 14, 0), d.clock().dueAt());
        DossierEvent resumed = d.history().get(d.history().size() - 1);
        assertEquals(vn(3, 9, 10, 0), resumed.dueBefore(), "issue 11 §3: the resume event keeps the old appointment");
        assertEquals(vn(3, 10, 14, 0), resumed.dueAfter(), "and the new one");
        assertNull(d.history().get(1).dueAfter(), "completing a step does not move the appointment");
    }

    @Test
    @DisplayName("Apology only when overdue or unable to finish: refused 10 minutes after receipt with NOT_LATE")
    void apologyOnlyWhenLateOrAtRisk() {
        Dossier d = threeSteps();
        // Mon 10:10: 2,390 working minutes left, steps 2 and 3 need 1,920, more than a day left.
        assertFalse(Apology.due(d, vn(3, 2, 10, 10), CALENDAR));
        ConflictException early = assertThrows(ConflictException.class,
            () -> Apology.reschedule(d, vn(3, 2, 10, 10), "lanhdao", vn(3, 10, 8, 0), "Chờ xác minh", CALENDAR));
        assertEquals("NOT_LATE", early.reason());
        assertNull(d.clock().rescheduledDueAt());
        assertEquals(1, d.history().size(), "nothing recorded");

        // Still at step 1 on Wed 4 Mar 10:00: left 360 + 480 + 480 + 120 = 1,440 < 1,920 for steps 2 and 3.
        assertFalse(Apology.due(d, vn(3, 3, 10, 0), CALENDAR), "Tue 10:00: 1,920 left, exactly enough");
        assertTrue(Apology.due(d, vn(3, 4, 10, 0), CALENDAR), "the plan can no longer end by the appointment");
        d.completeStep(vn(3, 4, 10, 0), "motcua.desk", null, CALENDAR);
        d.completeStep(vn(3, 5, 9, 0), "chuyenvien.hoa", null, CALENDAR);
        // At the last step on Fri 6 Mar 09:00: 420 + 120 = 540 left, nothing planned after it.
        assertFalse(Apology.due(d, vn(3, 6, 9, 0), CALENDAR));
        // Fri 11:00: 60 + 240 + 120 = 420 left, less than a day but the last step can still end on time.
        assertFalse(Apology.due(d, vn(3, 6, 11, 0), CALENDAR), "close to the appointment is not late");
        assertTrue(Apology.due(d, vn(3, 9, 10, 0), CALENDAR),
                "Mon 10:00, the appointment itself: nothing left, not finished");
        assertTrue(Apology.due(d, vn(3, 9, 10, 1), CALENDAR), "overdue");

        assertEquals(vn(3, 10, 8, 0), d.clock().suggestedNewDueAt(vn(3, 6, 11, 0), CALENDAR),
            "the opening of the working day after the appointment (Mon 9 Mar)");
        assertEquals(vn(3, 12, 8, 0), d.clock().suggestedNewDueAt(vn(3, 11, 15, 0), CALENDAR),
            "overdue on Wed 11 Mar: Thu 12 Mar 08:00");
        assertEquals(vn(3, 16, 8, 0), d.clock().suggestedNewDueAt(vn(3, 13, 16, 0), CALENDAR),
            "on a Friday: the next Monday 08:00");

        Apology.reschedule(d, vn(3, 9, 10, 1), "lanhdao", vn(3, 10, 8, 0), "Chờ xác minh", CALENDAR);
        assertEquals(vn(3, 10, 8, 0), d.clock().rescheduledDueAt());
        assertFalse(Apology.due(d, vn(3, 9, 11, 0), CALENDAR), "given once only");
    }

    @Test
    @DisplayName("With the clock paused the time left is counted at the pause")
    void pausedClockDoesNotBecomeLate() {
        Dossier d = threeSteps();
        d.completeStep(vn(3, 2, 11, 0), "motcua.desk", null, CALENDAR);
        DossierPauses.requestSupplement(d, vn(3, 2, 11, 0), "chuyenvien.hoa", List.of(CCCD), null);
        assertFalse(Apology.due(d, vn(3, 30, 9, 0), CALENDAR), "weeks later, still 2,340 minutes left at the pause");
        ConflictException e = assertThrows(ConflictException.class,
            () -> Apology.reschedule(d, vn(3, 30, 9, 0), "lanhdao", vn(4, 2, 8, 0), "x", CALENDAR));
        assertEquals("NOT_LATE", e.reason());
    }

    @Test
    @DisplayName("Supplement request keeps the note and the items one per line; resume records the items handed in")
    void supplementNoteAndItems() {
        Dossier d = threeSteps();
        d.completeStep(vn(3, 2, 11, 0), "motcua.desk", null, CALENDAR);
        DossierPauses.requestSupplement(d, vn(3, 3, 9, 0), "chuyenvien.hoa", List.of(" " + CCCD, FORM), "Nộp trước ngày 10/3");
        DossierEvent request = d.history().get(d.history().size() - 1);
        assertEquals("1. " + CCCD + "\n2. " + FORM + "\nGhi chú: Nộp trước ngày 10/3", request.reason());
        assertEquals(List.of(CCCD, FORM), request.items());

        int events = d.history().size();
        RuleViolationException unknown = assertThrows(RuleViolationException.class,
            () -> DossierPauses.resume(d, vn(3, 4, 9, 0), "motcua.desk", null, List.of("Giấy khai sinh"), CALENDAR));
        assertEquals("UNKNOWN_ITEM", unknown.reason());
        RuleViolationException none = assertThrows(RuleViolationException.class,
            () -> DossierPauses.resume(d, vn(3, 4, 9, 0), "motcua.desk", null, List.of(), CALENDAR));
        assertEquals("RECEIVED_ITEMS_REQUIRED", none.reason());
        assertEquals(events, d.history().size());
        assertEquals(DossierStatus.SUPPLEMENT_REQUESTED_IN_PROCESS, d.status());
        assertEquals(vn(3, 3, 9, 0), d.clock().pausedAt(), "a refused resume leaves the clock paused");

        DossierPauses.resume(d, vn(3, 4, 9, 0), "motcua.desk", "Nộp tại quầy", List.of(FORM), CALENDAR);
        DossierEvent resume = d.history().get(d.history().size() - 1);
        assertEquals(DossierAction.RESUME, resume.action());
        assertEquals(List.of(FORM), resume.items());
        assertEquals("Đã nhận bổ sung:\n1. " + FORM + "\nChưa nhận:\n1. " + CCCD + "\nGhi chú: Nộp tại quầy",
            resume.reason());

        DossierPauses.requestSupplement(d, vn(3, 4, 10, 0), "chuyenvien.hoa", List.of(CCCD), null);
        assertEquals("1. " + CCCD, d.history().get(d.history().size() - 1).reason(), "no note, no note line");
        DossierPauses.resume(d, vn(3, 4, 11, 0), "motcua.desk", null, null, CALENDAR);
        DossierEvent all = d.history().get(d.history().size() - 1);
        assertEquals(List.of(CCCD), all.items(), "no list: every requested item was handed in");
        assertEquals("Đã nhận bổ sung:\n1. " + CCCD, all.reason());

        DossierPauses.requestFinancialObligation(d, vn(3, 4, 14, 0), "chuyenvien.hoa", "Lệ phí");
        RuleViolationException notSupplement = assertThrows(RuleViolationException.class,
            () -> DossierPauses.resume(d, vn(3, 4, 15, 0), "motcua.desk", null, List.of(CCCD), CALENDAR));
        assertEquals("NO_SUPPLEMENT_REQUESTED", notSupplement.reason());
    }

    @Test
    @DisplayName("A supplement request at intake keeps the note after the items")
    void supplementAtIntakeNote() {
        Dossier d = threeSteps();
        Submission s = new Submission(new DossierCode("000.00.60.H50-260302-0002"), d.procedure(), COMMUNE,
            Channel.ONLINE, APPLICANT, List.of(), vn(3, 2, 9, 0));
        Dossier online = DossierIntake.requestSupplementAtIntake(s, "motcua.desk", List.of(CCCD), "Bổ sung qua Cổng");
        assertEquals("1. " + CCCD + "\nGhi chú: Bổ sung qua Cổng", online.history().get(0).reason());
        assertEquals(List.of(CCCD), online.history().get(0).items());
    }
}
