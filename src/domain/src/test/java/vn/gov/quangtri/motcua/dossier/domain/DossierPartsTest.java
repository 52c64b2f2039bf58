package vn.gov.quangtri.motcua.dossier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.agency.domain.Agency;
import vn.gov.quangtri.motcua.agency.domain.AgencyKind;
import vn.gov.quangtri.motcua.agency.domain.AgencyLevel;
import vn.gov.quangtri.motcua.calendar.domain.OfficeHours;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimit;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.catalogue.domain.Procedure;
import vn.gov.quangtri.motcua.catalogue.domain.ProcedureLevel;
import vn.gov.quangtri.motcua.catalogue.domain.StepKind;
import vn.gov.quangtri.motcua.catalogue.domain.StepRole;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * The aggregate's package-private helpers on their own: {@link InternalProcess} over a fresh step list and
 * {@link DossierHistory} over a fresh event list (the dossier serves only as owner), and the hand-over value
 * {@link ResultHandOver#toApplicant}. Office hours 08–12 and 13–17 (480 working minutes a day), March 2026
 * without holidays, Asia/Ho_Chi_Minh.
 *
 * <p>The plan: three steps of 480, 1,440 and 480 working minutes from a clock start Mon 2 Mar 10:00. Cumulative
 * 480 → Tue 3 Mar 10:00; 1,920 (four days) → Fri 6 Mar 10:00; 2,400 (five days, over the weekend) → Mon 9 Mar
 * 10:00.
 */
class DossierPartsTest {

    private static final WorkingCalendar CALENDAR = new WorkingCalendar(OfficeHours.standard(), Map.of());
    private static final Agency COMMUNE = new Agency("QT25.XA_VINH_LINH", "Xã Vĩnh Linh", AgencyKind.COMMUNE,
        AgencyLevel.COMMUNE, null, "000.00.60.H50", true);
    private static final List<StepPlan> PLAN = List.of(
        new StepPlan("Tiếp nhận, chuyển hồ sơ", StepRole.ONE_STOP_OFFICER, StepKind.WORK, null, 480),
        new StepPlan("Thẩm định hồ sơ", StepRole.SPECIALIST, StepKind.WORK, null, 1440),
        new StepPlan("Phê duyệt", StepRole.LEADER, StepKind.APPROVAL, null, 480));

    private static Instant vn(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, VietnamTime.ZONE).toInstant();
    }

    /** An online submission, not yet received: owner of the lists under test. */
    private static Dossier owner() {
        Procedure p = new Procedure("1.000001", false, "Thủ tục thử ba bước", "Hộ tịch",
            Set.of(ProcedureLevel.COMMUNE), TimeLimit.workingDays(5));
        return DossierIntake.submitOnline(new Submission(new DossierCode("000.00.60.H50-260302-0001"), p, COMMUNE,
            Channel.ONLINE, new Applicant(Applicant.Kind.INDIVIDUAL, "Lê Anh Tuấn", "045090001111", "0912000111",
                null, null), List.of(), vn(3, 2, 9, 0)), "portal");
    }

    private static List<Instant> deadlines(List<DossierStep> steps) {
        return steps.stream().map(DossierStep::dueAt).toList();
    }

    @Test
    @DisplayName("Planning: cumulative deadlines from the clock start; the first step starts at once")
    void planning() {
        List<DossierStep> steps = new ArrayList<>();
        InternalProcess process = new InternalProcess(owner(), steps);

        assertEquals(1, process.plan(PLAN, vn(3, 2, 9, 30), vn(3, 2, 10, 0), CALENDAR));
        assertEquals(List.of(1, 2, 3), steps.stream().map(DossierStep::position).toList());
        assertEquals(List.of(vn(3, 3, 10, 0), vn(3, 6, 10, 0), vn(3, 9, 10, 0)), deadlines(steps));
        assertEquals(vn(3, 2, 9, 30), steps.get(0).startedAt(), "received before the clock start: starts then");
        assertNull(steps.get(1).startedAt());

        process.plan(PLAN, vn(3, 2, 10, 30), vn(3, 2, 10, 0), CALENDAR);
        assertEquals(3, steps.size(), "a new plan replaces the rows");
        assertEquals(vn(3, 2, 10, 0), steps.get(0).startedAt(), "received after the clock start: starts at it");

        assertThrows(IllegalArgumentException.class, () -> process.plan(List.of(), vn(3, 2, 11, 0), vn(3, 2, 11, 0),
            CALENDAR));
        assertThrows(IllegalArgumentException.class, () -> InternalProcess.requireSteps(null));
        assertEquals(3, steps.size(), "an empty plan changes nothing");
    }

    @Test
    @DisplayName("Advancing: the step is classified against its deadline, the next keeps its planned one")
    void advancing() {
        List<DossierStep> steps = new ArrayList<>();
        InternalProcess process = new InternalProcess(owner(), steps);
        process.plan(PLAN, vn(3, 2, 10, 0), vn(3, 2, 10, 0), CALENDAR);

        assertEquals(2, process.advance(1, vn(3, 3, 9, 0), "motcua.desk", "Đã chuyển", CALENDAR));
        DossierStep first = steps.get(0);
        assertEquals(vn(3, 3, 9, 0), first.completedAt());
        assertEquals("motcua.desk", first.completedBy());
        assertEquals("Đã chuyển", first.note());
        assertEquals(Timeliness.ON_TIME, first.timeliness(), "Tue 09:00, deadline Tue 10:00 the same day");
        assertEquals(vn(3, 3, 9, 0), steps.get(1).startedAt());
        assertEquals(vn(3, 6, 10, 0), steps.get(1).dueAt(), "the plan's deadline, not start + 1,440 minutes");

        assertEquals(3, process.advance(2, vn(3, 6, 11, 0), "cv", null, CALENDAR));
        assertEquals(Timeliness.LATE, steps.get(1).timeliness(), "Fri 11:00, an hour past Fri 10:00");
        assertNull(process.advance(3, vn(3, 6, 15, 0), "ld", null, CALENDAR), "after the last step: none");
        assertEquals(Timeliness.EARLY, steps.get(2).timeliness(), "Fri, a working day before Mon 9 Mar");

        ConflictException none = assertThrows(ConflictException.class,
            () -> process.advance(null, vn(3, 6, 16, 0), "ld", null, CALENDAR));
        assertEquals("NO_CURRENT_STEP", none.reason());
        assertEquals("NO_CURRENT_STEP", assertThrows(ConflictException.class, () -> process.step(null)).reason());
    }

    @Test
    @DisplayName("Return for rework: the previous step opens again on its planned deadline, the left one waits")
    void stepBack() {
        List<DossierStep> steps = new ArrayList<>();
        InternalProcess process = new InternalProcess(owner(), steps);
        process.plan(PLAN, vn(3, 2, 10, 0), vn(3, 2, 10, 0), CALENDAR);
        process.advance(1, vn(3, 3, 9, 0), "motcua.desk", null, CALENDAR);

        assertEquals(1, process.stepBack(2, vn(3, 4, 14, 0), CALENDAR));
        DossierStep first = steps.get(0);
        assertNull(first.completedAt());
        assertNull(first.completedBy());
        assertNull(first.timeliness());
        assertEquals(vn(3, 4, 14, 0), first.startedAt());
        assertEquals(vn(3, 3, 10, 0), first.dueAt(), "the deadline stays Tue 10:00: the time spent counts");
        assertNull(steps.get(1).startedAt(), "the step left starts again later");
        assertEquals(vn(3, 6, 10, 0), steps.get(1).dueAt());
    }

    @Test
    @DisplayName("Minutes still planned after a step, and open deadlines shifted by a resumption")
    void plannedMinutesAndShift() {
        List<DossierStep> steps = new ArrayList<>();
        InternalProcess process = new InternalProcess(owner(), steps);
        process.plan(PLAN, vn(3, 2, 10, 0), vn(3, 2, 10, 0), CALENDAR);

        assertEquals(0, process.minutesPlannedAfter(null));
        assertEquals(1440 + 480, process.minutesPlannedAfter(1));
        assertEquals(480, process.minutesPlannedAfter(2));
        assertEquals(0, process.minutesPlannedAfter(3));

        process.advance(1, vn(3, 3, 9, 0), "motcua.desk", null, CALENDAR);
        process.shiftOpenDeadlines(t -> CALENDAR.addWorkingMinutes(t, 240));
        // 240 working minutes from 10:00: 10–12 and 13–15 → 15:00; the completed step keeps Tue 10:00
        assertEquals(List.of(vn(3, 3, 10, 0), vn(3, 6, 15, 0), vn(3, 9, 15, 0)), deadlines(steps));
    }

    @Test
    @DisplayName("History: numbered in order, the first event has no 'from', an earlier time is refused")
    void historyOrder() {
        Dossier d = owner();
        List<DossierEvent> events = new ArrayList<>();
        DossierHistory history = new DossierHistory(d, events);

        assertEquals("ACTOR_REQUIRED", assertThrows(RuleViolationException.class, () -> history.record(
            vn(3, 2, 10, 0), " ", DossierAction.SUBMIT_ONLINE, DossierStatus.SUBMITTED_ONLINE, null, null)).reason());
        assertEquals(0, events.size());

        DossierEvent first = history.record(vn(3, 2, 10, 0), "portal", DossierAction.SUBMIT_ONLINE,
            DossierStatus.SUBMITTED_ONLINE, null, null);
        assertEquals(1, first.seq());
        assertNull(first.fromStatus());
        DossierEvent second = history.append(vn(3, 2, 10, 0), "motcua.desk", DossierAction.RECEIVE,
            DossierStatus.SUBMITTED_ONLINE, DossierStatus.RECEIVED, 1, "Đủ giấy tờ");
        assertEquals(2, second.seq());
        assertEquals(DossierStatus.SUBMITTED_ONLINE, second.fromStatus());
        assertSame(second, history.latest());

        history.requireInOrder(vn(3, 2, 10, 0)); // the same moment is in order
        RuleViolationException early = assertThrows(RuleViolationException.class,
            () -> history.requireInOrder(vn(3, 2, 9, 59)));
        assertEquals("OUT_OF_ORDER", early.reason());
        assertEquals(List.of("occurredAt: at or after 2026-03-02T10:00+07:00"), early.details());

        history.noteBackdating("Nhập muộn do mất điện");
        assertEquals("Nhập muộn do mất điện", second.backdatingReason());
        assertNull(first.backdatingReason());
    }

    @Test
    @DisplayName("History: the latest supplement request's items, and what a resumption records of them")
    void supplementItems() {
        List<DossierEvent> events = new ArrayList<>();
        DossierHistory history = new DossierHistory(owner(), events);
        history.record(vn(3, 2, 10, 0), "portal", DossierAction.SUBMIT_ONLINE, DossierStatus.SUBMITTED_ONLINE,
            null, null);
        assertEquals(List.of(), history.requestedSupplementItems());

        history.append(vn(3, 3, 9, 0), "cv", DossierAction.REQUEST_SUPPLEMENT, DossierStatus.IN_PROCESS,
            DossierStatus.SUPPLEMENT_REQUESTED_IN_PROCESS, 2, "1. Cũ").withItems(List.of("Cũ"));
        history.append(vn(3, 3, 10, 0), "cv", DossierAction.RESUME, DossierStatus.SUPPLEMENT_REQUESTED_IN_PROCESS,
            DossierStatus.IN_PROCESS, 2, null);
        history.append(vn(3, 4, 9, 0), "cv", DossierAction.REQUEST_SUPPLEMENT, DossierStatus.IN_PROCESS,
            DossierStatus.SUPPLEMENT_REQUESTED_IN_PROCESS, 2, "1. A\n2. B\n3. C"); // stored without items
        assertEquals(List.of("A", "B", "C"), history.requestedSupplementItems(), "the latest, read from its lines");

        DossierHistory.SupplementReceipt some = history.supplementReceived(List.of("C", " A "), "Nộp tại quầy");
        assertEquals(List.of("A", "C"), some.handedIn(), "in the order requested");
        assertEquals("Đã nhận bổ sung:\n1. A\n2. C\nChưa nhận:\n1. B\nGhi chú: Nộp tại quầy", some.text());
        DossierHistory.SupplementReceipt all = history.supplementReceived(null, null);
        assertEquals(List.of("A", "B", "C"), all.handedIn());
        assertEquals("Đã nhận bổ sung:\n1. A\n2. B\n3. C", all.text());
        assertEquals("UNKNOWN_ITEM", assertThrows(RuleViolationException.class,
            () -> history.supplementReceived(List.of("D"), null)).reason());
    }

    @Test
    @DisplayName("Hand-over to the applicant: method in any case, DIRECT when blank, a receiver required")
    void handOver() {
        ResultHandOver posted = ResultHandOver.toApplicant(vn(3, 9, 9, 0), "Lê Anh Tuấn", " postal ");
        assertEquals("POSTAL", posted.method());
        assertEquals("Lê Anh Tuấn", posted.returnedTo());
        assertEquals(vn(3, 9, 9, 0), posted.returnedAt());
        assertEquals("DIRECT", ResultHandOver.toApplicant(vn(3, 9, 9, 0), "Lê Anh Tuấn", " ").method());
        assertEquals("RECEIVER_REQUIRED", assertThrows(RuleViolationException.class,
            () -> ResultHandOver.toApplicant(vn(3, 9, 9, 0), "  ", "DIRECT")).reason());
        assertEquals(ResultHandOver.INTERAGENCY, ResultHandOver.toSender(vn(3, 9, 9, 0), "Văn phòng đăng ký đất đai")
            .method());
    }
}
