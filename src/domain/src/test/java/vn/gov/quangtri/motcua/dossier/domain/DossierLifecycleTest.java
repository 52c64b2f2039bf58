package vn.gov.quangtri.motcua.dossier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
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
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * The dossier lifecycle with deadlines worked out by hand (docs/domain.md §2.11, §3). Calendar: 2026 rows of
 * holidays.csv that matter here (Tết 16–20 Feb); office hours 08–12, 13–17.
 */
class DossierLifecycleTest {

    static final WorkingCalendar CALENDAR = new WorkingCalendar(OfficeHours.standard(), Map.of(
        LocalDate.of(2026, 2, 16), false, LocalDate.of(2026, 2, 17), false, LocalDate.of(2026, 2, 18), false,
        LocalDate.of(2026, 2, 19), false, LocalDate.of(2026, 2, 20), false));
    private static final Agency COMMUNE = new Agency("QT25.XA_VINH_LINH", "Xã Vĩnh Linh", AgencyKind.COMMUNE,
        AgencyLevel.COMMUNE, null, "000.00.60.H50", true);
    private static final Applicant APPLICANT = new Applicant(Applicant.Kind.INDIVIDUAL, "Lê Anh Tuấn",
        "045090001111", "0912000111", "tuan@example.vn", "Khu phố 1, xã Vĩnh Linh");

    static Instant vn(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, VietnamTime.ZONE).toInstant();
    }

    private static Procedure marriageStatusCertificate() {
        Procedure p = new Procedure("1.004873", false, "Cấp Giấy xác nhận tình trạng hôn nhân", "Hộ tịch",
            Set.of(ProcedureLevel.COMMUNE), TimeLimit.workingDays(3));
        p.addRequiredDocument("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", DocumentForm.ORIGINAL, 1);
        return p;
    }

    static Dossier receivedMonday10() {
        Procedure p = marriageStatusCertificate();
        Instant at = vn(3, 2, 10, 0);
        Instant start = CALENDAR.clockStart(at);
        Instant due = CALENDAR.dueAt(start, p.timeLimit());
        return DossierIntake.receive(new Submission(new DossierCode("000.00.60.H50-260302-0001"), p, COMMUNE,
                Channel.DIRECT, APPLICANT, List.of(new DocumentLine(1, "Tờ khai", DocumentForm.ORIGINAL, 1)), at),
                new Appointment(start, due), ProcessPlanner.plan(p, CALENDAR, new Appointment(start, due)), CALENDAR,
                "motcua.desk", null);
    }

    @Test
    @DisplayName("Issue 15 §2: the return record points to the electronic result handed over and the history names it;"
        + " a withdrawn file, a file of another purpose or of another dossier is refused")
    void electronicResultHandedOver() {
        Dossier d = receivedMonday10();
        d.completeStep(vn(3, 2, 11, 0), "motcua.desk", null, CALENDAR);
        d.assign(vn(3, 2, 11, 5), "lanhdao.tuphap", "chuyenvien.hoa");
        d.completeStep(vn(3, 3, 16, 0), "chuyenvien.hoa", null, CALENDAR);
        d.approve(vn(3, 4, 9, 0), "pho.chutich", null, CALENDAR);
        d.completeStep(vn(3, 4, 10, 0), "vanthu", null, CALENDAR);
        assertEquals(DossierStatus.RESULT_READY, d.status());
        String sha = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        DossierFile scan = new DossierFile(d, 1, FilePurpose.INTAKE, new FileContent(FileName.of("Tờ khai.pdf"),
            "application/pdf", 3, sha, 1, null), FileSource.DESK_SCAN, null, null, "db:1", "motcua.desk", vn(3, 2, 10, 5));
        DossierFile result = new DossierFile(d, null, FilePurpose.RESULT, new FileContent(
            FileName.of("Giấy xác nhận tình trạng hôn nhân.pdf"), "application/pdf", 3, sha, 1, null), FileSource.AGENCY,
            null, null, "db:2", "vanthu", vn(3, 4, 10, 0));
        result.describeResult("15/GXN-UBND", LocalDate.of(2026, 3, 4), "Nguyễn Văn Ký");
        setId(result, 350L); // as the sequence would give it
        assertEquals("số 15/GXN-UBND ngày 04/03/2026 (tệp \"Giấy xác nhận tình trạng hôn nhân.pdf\")", result.resultTitle());
        assertThrows(RuleViolationException.class,
            () -> d.handOverResult(vn(3, 5, 9, 0), "motcua.desk", "Lê Anh Tuấn", "DIRECT", null, scan));
        assertEquals(DossierStatus.RESULT_READY, d.status(), "nothing changed by the refusal");

        // issue 16 (fresh-user trial): a second withdrawal says when in Vietnam time, not UTC
        setId(scan, 349L);
        scan.withdraw("motcua.desk", vn(3, 2, 10, 30), "Quét nhầm");
        assertEquals("File 349 was withdrawn on 2026-03-02T10:30+07:00 by motcua.desk", assertThrows(
            RuleViolationException.class, () -> scan.withdraw("motcua.desk", vn(3, 2, 11, 0), "lần 2")).getMessage());

        d.handOverResult(vn(3, 5, 9, 0), "motcua.desk", "Lê Anh Tuấn", "DIRECT", "Trả tại quầy", result);
        assertEquals(DossierStatus.RETURNED, d.status());
        assertEquals(350L, d.handOver().resultFileId());
        assertEquals("Trả tại quầy Kèm kết quả điện tử: số 15/GXN-UBND ngày 04/03/2026 (tệp \"Giấy xác nhận tình trạng"
            + " hôn nhân.pdf\").", d.history().get(d.history().size() - 1).reason());
    }

    @Test
    @DisplayName("Whole life: received Mon 2 Mar 10:00 (3 working days → Thu 5 Mar 10:00), result Wed → EARLY")
    void wholeLifeEarly() {
        Dossier d = receivedMonday10();
        assertEquals(DossierStatus.RECEIVED, d.status());
        assertEquals(LegalRegime.DECREE_118_2025, d.regime());
        assertEquals(vn(3, 5, 10, 0), d.clock().dueAt());
        // Generic process over 3 × 480 = 1,440 working minutes: 72 / 864 / 288 / 216.
        assertEquals(List.of(72L, 864L, 288L, 216L), d.steps().stream().map(DossierStep::allottedMinutes).toList());
        assertEquals(vn(3, 2, 11, 12), d.steps().get(0).dueAt(), "step 1: 10:00 + 72 min");

        d.completeStep(vn(3, 2, 11, 0), "motcua.desk", "chuyển phòng Tư pháp", CALENDAR);
        assertEquals(DossierStatus.IN_PROCESS, d.status());
        assertEquals(Timeliness.ON_TIME, d.steps().get(0).timeliness());
        // Step deadlines are the plan's, cumulative from the clock start Mon 10:00 (Mon has 360 working
        // minutes left): step 2 at 72 + 864 = 936 → Mon 360, Tue 480, Wed 08:00 + 96 = 09:36.
        assertEquals(vn(3, 4, 9, 36), d.steps().get(1).dueAt());
        d.assign(vn(3, 2, 11, 5), "lanhdao.tuphap", "chuyenvien.hoa");
        assertEquals("chuyenvien.hoa", d.steps().get(1).handler());

        assertThrows(ConflictException.class, () -> d.approve(vn(3, 3, 9, 0), "x", null, CALENDAR),
            "step 2 is ordinary work, not an approval step");
        d.completeStep(vn(3, 3, 16, 0), "chuyenvien.hoa", "đủ điều kiện", CALENDAR);
        assertEquals(Timeliness.EARLY, d.steps().get(1).timeliness(), "done Tue, due Wed");
        // Step 3 at 936 + 288 = 1,224 → Mon 360, Tue 480, Wed 384: 240 to 12:00, 13:00 + 144 = 15:24.
        assertEquals(vn(3, 4, 15, 24), d.steps().get(2).dueAt());
        assertThrows(ConflictException.class, () -> d.completeStep(vn(3, 4, 8, 30), "x", null, CALENDAR));
        d.approve(vn(3, 4, 9, 0), "pho.chutich", "đồng ý", CALENDAR);
        // Step 4 at 1,440 = the whole limit: the appointment Thu 10:00.
        assertEquals(vn(3, 5, 10, 0), d.steps().get(3).dueAt());
        d.completeStep(vn(3, 4, 10, 0), "vanthu", "đã đóng dấu", CALENDAR);

        assertEquals(DossierStatus.RESULT_READY, d.status());
        assertEquals(vn(3, 4, 10, 0), d.clock().completedAt());
        assertEquals(Timeliness.EARLY, d.clock().timeliness());
        assertNull(d.currentStep());
        d.handOverResult(vn(3, 5, 9, 0), "motcua.desk", "Lê Anh Tuấn", "DIRECT", null);
        assertEquals(DossierStatus.RETURNED, d.status());
        assertEquals(List.of(DossierAction.RECEIVE, DossierAction.COMPLETE_STEP, DossierAction.ASSIGN,
                DossierAction.COMPLETE_STEP, DossierAction.APPROVE, DossierAction.COMPLETE_STEP,
                        DossierAction.RETURN_RESULT),
            d.history().stream().map(DossierEvent::action).toList());
        DossierEvent last = d.history().get(6);
        assertEquals(DossierStatus.RESULT_READY, last.fromStatus());
        assertEquals(DossierStatus.RETURNED, last.toStatus());
        assertEquals("motcua.desk", last.actor());
    }

    @Test
    @DisplayName("The leader sends the dossier back to the specialist: step 2 reopens with its planned deadline, appointment stays")
    void returnForRework() {
        Dossier d = receivedMonday10();
        assertThrows(ConflictException.class, () -> d.returnForRework(vn(3, 2, 10, 30), "x", "lý do", CALENDAR),
            "nothing before the first step");
        d.completeStep(vn(3, 2, 11, 0), "motcua.desk", null, CALENDAR);
        d.completeStep(vn(3, 3, 9, 0), "chuyenvien.hoa", "đủ điều kiện", CALENDAR);
        assertEquals(3, d.currentStep());
        assertThrows(RuleViolationException.class, () -> d.returnForRework(vn(3, 3, 10, 0), "lanhdao", " ", CALENDAR),
            "a reason is required");
        // Tue 3 Mar 10:00: back to step 2, whose deadline stays the plan's Wed 4 Mar 09:36 (the time spent counts).
        d.returnForRework(vn(3, 3, 10, 0), "lanhdao", "Thiếu xác minh nơi cư trú", CALENDAR);
        assertEquals(2, d.currentStep());
        assertEquals(DossierStatus.IN_PROCESS, d.status());
        DossierStep step2 = d.steps().get(1);
        assertNull(step2.completedAt());
        assertNull(step2.timeliness());
        assertEquals(vn(3, 3, 10, 0), step2.startedAt());
        assertEquals(vn(3, 4, 9, 36), step2.dueAt());
        assertEquals(vn(3, 4, 15, 24), d.steps().get(2).dueAt(), "step 3 keeps its planned deadline too");
        assertNull(d.steps().get(2).startedAt(), "the approval step starts again after the rework");
        assertEquals(vn(3, 5, 10, 0), d.clock().dueAt(), "the appointment does not move");
        DossierEvent last = d.history().get(d.history().size() - 1);
        assertEquals(DossierAction.RETURN_FOR_REWORK, last.action());
        assertEquals(3, last.stepPosition());
        assertEquals("Thiếu xác minh nơi cư trú", last.reason());
        d.completeStep(vn(3, 4, 9, 0), "chuyenvien.hoa", "đã xác minh", CALENDAR);
        d.approve(vn(3, 4, 10, 0), "lanhdao", null, CALENDAR);
        assertEquals(4, d.currentStep());
    }

    @Test
    @DisplayName("Finished on the appointment day after the appointment hour is ON_TIME; the day after is LATE (§3.5)")
    void onTimeAndLate() {
        assertEquals(Timeliness.ON_TIME, Timeliness.ofDossier(vn(3, 5, 15, 0), vn(3, 5, 10, 0)));
        assertEquals(Timeliness.LATE, Timeliness.ofDossier(vn(3, 6, 8, 0), vn(3, 5, 10, 0)));
        assertEquals(Timeliness.EARLY, Timeliness.ofDossier(vn(3, 4, 16, 59), vn(3, 5, 10, 0)));
    }

    @Test
    @DisplayName("Supplement during appraisal pauses the clock: paused Tue 3 Mar 10:00, resumed Mon 9 Mar 10:00 → due Wed 11 Mar 10:00")
    void supplementPausesTheClock() {
        Dossier d = receivedMonday10();
        d.completeStep(vn(3, 2, 11, 0), "desk", null, CALENDAR);
        Instant stepDue = d.steps().get(1).dueAt();
        DossierPauses.requestSupplement(d, vn(3, 3, 10, 0), "chuyenvien.hoa", List.of("Bản sao CCCD của người yêu cầu"), null);
        assertEquals(DossierStatus.SUPPLEMENT_REQUESTED_IN_PROCESS, d.status());
        assertEquals(1, d.supplementCount());
        assertThrows(ConflictException.class, () -> d.completeStep(vn(3, 4, 9, 0), "x", null, CALENDAR));
        DossierPauses.resume(d, vn(3, 9, 10, 0), "desk", "đã bổ sung", null, CALENDAR);
        assertEquals(DossierStatus.IN_PROCESS, d.status());
        // 2 working days were left at the pause (Tue 10:00 → Thu 10:00 = 960 min); Mon 9 Mar 10:00 + 960 min.
        assertEquals(vn(3, 11, 10, 0), d.clock().dueAt());
        // Step 2 was due Wed 4 Mar 09:36 (plan); left at the pause: Tue 10:00 → Wed 09:36 = 360 + 96 = 456 min;
        // Mon 9 Mar 10:00 + 456 min = Mon 360, Tue 08:00 + 96 = 09:36.
        assertEquals(vn(3, 4, 9, 36), stepDue);
        assertEquals(vn(3, 10, 9, 36), d.steps().get(1).dueAt());
        // Step 3 (Wed 15:24, not started) moves too: 360 + 384 = 744 min left → Mon 360, Tue 384 → Tue 15:24.
        assertEquals(vn(3, 10, 15, 24), d.steps().get(2).dueAt());
        assertEquals(d.clock().dueAt(), d.steps().get(3).dueAt(), "the last step ends with the appointment");
        assertNull(d.clock().pausedAt());
    }

    @Test
    @DisplayName("A pause without working time in it (Saturday 10:00 to Sunday 16:00) leaves the appointment where it was")
    void emptyPauseChangesNothing() {
        Dossier d = receivedMonday10();
        d.completeStep(vn(3, 2, 11, 0), "desk", null, CALENDAR);
        Instant due = d.clock().dueAt();
        DossierPauses.requestSupplement(d, vn(3, 7, 10, 0), "chuyenvien", List.of("Bản sao CCCD"), null);
        DossierPauses.resume(d, vn(3, 8, 16, 0), "desk", null, null, CALENDAR);
        assertEquals(due, d.clock().dueAt());
    }

    @Test
    @DisplayName("Over-long notes, reasons, handler names and an unknown return method are refused, nothing changes")
    void limits() {
        Dossier d = receivedMonday10();
        String tooLong = "N".repeat(4001);
        RuleViolationException e = assertThrows(RuleViolationException.class,
            () -> d.completeStep(vn(3, 2, 11, 0), "desk", tooLong, CALENDAR));
        assertEquals("TEXT_TOO_LONG", e.reason());
        assertThrows(RuleViolationException.class, () -> d.assign(vn(3, 2, 11, 0), "desk", "h".repeat(101)));
        assertThrows(RuleViolationException.class, () -> d.stop(vn(3, 2, 11, 0), "desk", tooLong));
        assertThrows(RuleViolationException.class,
            () -> DossierPauses.requestSupplement(d, vn(3, 2, 11, 0), "desk", List.of("I".repeat(2000), "J".repeat(2000),
                    "K".repeat(10)), null)); // distinct items: repeats are dropped
        assertEquals(1, d.history().size());
        assertEquals(DossierStatus.RECEIVED, d.status());
        assertNull(d.steps().get(0).handler());
        assertNull(d.steps().get(0).completedAt());
        d.completeStep(vn(3, 2, 11, 0), "desk", null, CALENDAR);
        d.completeStep(vn(3, 2, 14, 0), "cv", null, CALENDAR);
        d.approve(vn(3, 2, 15, 0), "ld", null, CALENDAR);
        d.completeStep(vn(3, 2, 16, 0), "vt", null, CALENDAR);
        RuleViolationException m = assertThrows(RuleViolationException.class,
            () -> d.handOverResult(vn(3, 3, 9, 0), "desk", "Lê Anh Tuấn", "PIGEON", null));
        assertEquals("UNKNOWN_RETURN_METHOD", m.reason());
        assertEquals(DossierStatus.RESULT_READY, d.status());
        assertNull(d.handOver().returnedTo());
    }

    @Test
    @DisplayName("Apology and new appointment: once only, later than the current one; finished after the original date → LATE")
    void rescheduleKeepsTheDossierLate() {
        Dossier d = receivedMonday10();
        assertThrows(RuleViolationException.class, () -> Apology.reschedule(d, vn(3, 4, 9, 0), "ld", vn(3, 5, 9, 0), "x", CALENDAR));
        assertThrows(RuleViolationException.class, () -> Apology.reschedule(d, vn(3, 4, 9, 0), "ld", vn(3, 9, 10, 0), " ",
                CALENDAR));
        Apology.reschedule(d, vn(3, 4, 9, 0), "lanhdao", vn(3, 9, 10, 0), "Chờ xác minh tại địa phương khác", CALENDAR);
        assertEquals(vn(3, 9, 10, 0), d.clock().rescheduledDueAt());
        assertEquals(vn(3, 5, 10, 0), d.clock().dueAt(), "the original appointment stays");
        ConflictException again = assertThrows(ConflictException.class,
            () -> Apology.reschedule(d, vn(3, 5, 9, 0), "lanhdao", vn(3, 10, 10, 0), "lần hai", CALENDAR));
        assertEquals("ALREADY_RESCHEDULED", again.reason());
        d.completeStep(vn(3, 5, 11, 0), "desk", null, CALENDAR);
        d.completeStep(vn(3, 6, 11, 0), "cv", null, CALENDAR);
        d.approve(vn(3, 6, 14, 0), "ld", null, CALENDAR);
        d.completeStep(vn(3, 9, 8, 30), "vt", null, CALENDAR);
        assertEquals(Timeliness.LATE, d.clock().timeliness(), "finished 9 Mar, original appointment 5 Mar");
        assertEquals(DossierAction.RESCHEDULE, d.history().get(1).action());
        assertEquals(DossierStatus.RECEIVED, d.history().get(1).toStatus());
    }

    @Test
    @DisplayName("Issue 11 §1: an action dated before the dossier's latest event is refused (OUT_OF_ORDER) and changes nothing")
    void eventsInOrder() {
        Dossier d = receivedMonday10();
        d.completeStep(vn(3, 3, 9, 0), "desk", null, CALENDAR);
        RuleViolationException e = assertThrows(RuleViolationException.class,
            () -> d.completeStep(vn(3, 3, 8, 59), "cv", null, CALENDAR));
        assertEquals("OUT_OF_ORDER", e.reason());
        assertEquals(2, d.currentStep(), "still at step 2");
        assertEquals(2, d.history().size());
        d.completeStep(vn(3, 3, 9, 0), "cv", null, CALENDAR); // the same minute is in order
        assertEquals(3, d.currentStep());
    }

    @Test
    @DisplayName("Illegal transitions are refused and change nothing")
    void illegalTransitions() {
        Dossier d = receivedMonday10();
        int events = d.history().size();
        ConflictException e = assertThrows(ConflictException.class,
            () -> d.handOverResult(vn(3, 2, 11, 0), "desk", "Lê Anh Tuấn", null, null));
        assertEquals("ILLEGAL_TRANSITION", e.reason());
        assertThrows(ConflictException.class, () -> DossierPauses.resume(d, vn(3, 2, 11, 0), "desk", null, null, CALENDAR));
        assertThrows(RuleViolationException.class, () -> DossierPauses.requestSupplement(d, vn(3, 2, 11, 0), "x", List.of(" "), null));
        assertThrows(RuleViolationException.class, () -> d.stop(vn(3, 2, 11, 0), "desk", ""));
        assertEquals(events, d.history().size());
        assertEquals(DossierStatus.RECEIVED, d.status());

        d.stop(vn(3, 2, 14, 0), "desk", "Công dân có đơn rút hồ sơ (Nghị định 118/2025 Điều 21)");
        assertEquals(DossierStatus.STOPPED, d.status());
        assertThrows(ConflictException.class, () -> d.completeStep(vn(3, 2, 15, 0), "x", null, CALENDAR));
        assertThrows(ConflictException.class, () -> d.stop(vn(3, 2, 15, 0), "x", "again"));
    }

    @Test
    @DisplayName("Reasoned rejection at the approval step finishes the dossier as NOT_APPROVED, still returned")
    void rejection() {
        Dossier d = receivedMonday10();
        d.completeStep(vn(3, 2, 11, 0), "desk", null, CALENDAR);
        d.completeStep(vn(3, 3, 11, 0), "chuyenvien", null, CALENDAR);
        assertThrows(RuleViolationException.class, () -> d.disapprove(vn(3, 3, 14, 0), "lanhdao", " "));
        d.disapprove(vn(3, 3, 14, 0), "lanhdao", "Người yêu cầu đang có đăng ký kết hôn chưa xóa");
        assertEquals(DossierStatus.NOT_APPROVED, d.status());
        assertEquals(Timeliness.EARLY, d.clock().timeliness());
        d.handOverResult(vn(3, 4, 8, 30), "desk", "Lê Anh Tuấn", "DIRECT", "trả văn bản trả lời");
        assertEquals(DossierStatus.RETURNED, d.status());
    }

    @Test
    @DisplayName("C06(d): a procedure without a time limit cannot receive; online Sunday submission counts from Monday 08:00")
    void noTimeLimitAndOnline() {
        Procedure none = new Procedure("1.001699", false, "Xác định mức độ khuyết tật", "Bảo trợ xã hội",
            Set.of(ProcedureLevel.COMMUNE), null);
        Instant at = vn(3, 2, 10, 0);
        RuleViolationException e = assertThrows(RuleViolationException.class,
                () -> DossierIntake.receive(new Submission(new DossierCode("000.00.60.H50-260302-0002"), none, COMMUNE,
                Channel.DIRECT, APPLICANT, List.of(), at), new Appointment(at, at), List.of(new StepPlan("x",
                vn.gov.quangtri.motcua.catalogue.domain.StepRole.SPECIALIST,
                vn.gov.quangtri.motcua.catalogue.domain.StepKind.WORK, null, 60)), CALENDAR, "desk", null));
        assertEquals("TIME_LIMIT_MISSING", e.reason());

        Procedure oneDay = new Procedure("1.003197", false, "Xóa đăng ký thường trú", "Cư trú",
            Set.of(ProcedureLevel.COMMUNE), TimeLimit.workingDays(1));
        Instant sunday = vn(3, 8, 10, 0);
        Dossier d = DossierIntake.submitOnline(new Submission(new DossierCode("000.00.60.H50-260308-0001"), oneDay,
                COMMUNE, Channel.ONLINE, APPLICANT, List.of(), sunday), "portal");
        assertEquals(DossierStatus.SUBMITTED_ONLINE, d.status());
        assertNull(d.clock().dueAt(), "no clock before acceptance");
        Instant start = CALENDAR.clockStart(sunday);
        assertEquals(vn(3, 9, 8, 0), start);
        DossierIntake.accept(d, vn(3, 9, 8, 30), new Appointment(start, CALENDAR.dueAt(start, oneDay.timeLimit())),
            ProcessPlanner.plan(oneDay, CALENDAR, new Appointment(start, CALENDAR.dueAt(start, oneDay.timeLimit()))),
                    CALENDAR, "desk",
            null);
        assertEquals(vn(3, 10, 8, 0), d.clock().dueAt());
        assertThrows(ConflictException.class, () -> DossierIntake.accept(d, vn(3, 9, 9, 0), new Appointment(start, start),
                List.of(), CALENDAR, "desk", null));
    }

    @Test
    @DisplayName("Regime is fixed by the receipt date: 30/6/2025 → Decree 61/2018, 1/7/2025 → Decree 118/2025")
    void regime() {
        assertEquals(LegalRegime.DECREE_61_2018, LegalRegime.inForceOn(LocalDate.of(2025, 6, 30)));
        assertEquals(LegalRegime.DECREE_118_2025, LegalRegime.inForceOn(LocalDate.of(2025, 7, 1)));
        assertThrows(IllegalArgumentException.class, () -> LegalRegime.inForceOn(LocalDate.of(2018, 6, 20)));
    }

    @Test
    @DisplayName("Dossier code: <unit identifier>-YYMMDD-XXXX (Circular 01/2018/TT-VPCP art. 19)")
    void dossierCode() {
        assertEquals("000.00.00.H50-250312-0007", DossierCode.of("000.00.00.H50", LocalDate.of(2025, 3, 12), 7).value());
        assertEquals("000.01.C8.H50-260101-9999", DossierCode.of("000.01.C8.H50", LocalDate.of(2026, 1, 1), 9999).value());
        assertThrows(IllegalArgumentException.class, () -> DossierCode.of("000.00.00.H50", LocalDate.of(2026, 1, 1),
                10000));
        assertThrows(IllegalArgumentException.class, () -> DossierCode.of("H50", LocalDate.of(2026, 1, 1), 1));
        assertEquals(false, DossierCode.isValid("HS-2026-000123"));
    }

    @Test
    @DisplayName("Completeness check lists every missing or deficient component at once")
    void completeness() {
        Procedure p = marriageStatusCertificate();
        p.addRequiredDocument("Bản sao trích lục ly hôn", DocumentForm.CERTIFIED_COPY, 2);
        assertEquals(List.of("Thiếu: Tờ khai cấp Giấy xác nhận tình trạng hôn nhân",
                "Thiếu số lượng (cần 2): Bản sao trích lục ly hôn"),
            CompletenessCheck.deficiencies(p, List.of(new DocumentLine(2, "Trích lục", DocumentForm.ORIGINAL, 1))));
        assertEquals(List.of("Sai hình thức (cần ORIGINAL): Tờ khai cấp Giấy xác nhận tình trạng hôn nhân"),
            CompletenessCheck.deficiencies(p, List.of(new DocumentLine(1, "Tờ khai", DocumentForm.COPY, 1),
                new DocumentLine(2, "Trích lục", DocumentForm.CERTIFIED_COPY, 2))));
    }

    static void setId(DossierFile f, long id) {
        try {
            java.lang.reflect.Field field = DossierFile.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(f, id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
