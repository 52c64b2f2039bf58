package vn.gov.quangtri.motcua.dossier.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.account.application.SystemTask;
import vn.gov.quangtri.motcua.catalogue.domain.StepKind;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierAction;
import vn.gov.quangtri.motcua.dossier.domain.DossierEvent;
import vn.gov.quangtri.motcua.dossier.domain.Timeliness;
import vn.gov.quangtri.motcua.dossier.infrastructure.DossierRepository;
import vn.gov.quangtri.motcua.shared.domain.DomainException;
import vn.gov.quangtri.motcua.shared.infrastructure.persistence.AdminTestBed;

/**
 * Issue 11 §1–2: an officer's action carries the time it happened ({@link ActionTime}); deadlines, pauses and the
 * early / on-time / late class follow it, the history keeps both times, and a time keyed late needs a reason
 * (beyond 1 working day) or is refused until a leader's approval exists (beyond 3). Procedure 1.004873, 3 working
 * days, generic four-step plan; office hours 08–12, 13–17; March 2026 has no holiday; times Asia/Ho_Chi_Minh,
 * worked out by hand in the comments.
 */
class BusinessTimeTest {

    private static final String COMMUNE = "QT25.XA_VINH_LINH";

    private static AdminTestBed bed;
    private static ProcessingService processing;
    /** The server clock, moved by the test ("keyed at"). */
    private static final AdminTestBed.MovableClock CLOCK = new AdminTestBed.MovableClock();

    @BeforeAll
    static void wire() {
        bed = new AdminTestBed();
        DossierRepository repo = new DossierRepository();
        AdminTestBed.set(repo, "em", bed.em());
        processing = bed.wire(new ProcessingService());
        AdminTestBed.set(processing, "dossiers", repo);
        AdminTestBed.set(processing, "clock", CLOCK);
    }

    @AfterAll
    static void close() {
        bed.close();
    }

    private static Instant vn(int day, int hour, int minute) {
        return AdminTestBed.vn(2026, 3, day, hour, minute);
    }

    /** Runs an action keyed at {@code keyedAt} by the specialist (trusted work under that name). */
    private static Dossier keyed(Instant keyedAt, Supplier<Dossier> action) {
        CLOCK.now = keyedAt;
        return bed.tx(() -> SystemTask.run("chuyenvien.vinhlinh", action));
    }

    private static String reason(Instant keyedAt, Supplier<Dossier> action) {
        CLOCK.now = keyedAt;
        RuntimeException e = bed.failing(() -> SystemTask.run("chuyenvien.vinhlinh", action));
        return assertInstanceOf(DomainException.class, e).reason();
    }

    @Test
    @DisplayName("A supplement round keyed late but dated right moves the appointment by exactly the paused working time")
    void supplementKeyedLate() {
        // Received Mon 2 Mar 09:00 → appointment Thu 5 Mar 09:00 (3 working days).
        String code = bed.receive("1.004873", COMMUNE, vn(2, 9, 0));
        assertEquals(vn(5, 9, 0), bed.dossier(code).clock().dueAt());
        // Request sent Mon 14:00, keyed Tue 10:00 (5 working hours later: no reason needed).
        keyed(vn(3, 10, 0), () -> processing.requestSupplement(code, List.of("Bản sao trích lục ly hôn"), null,
            new ActionTime(vn(2, 14, 0), null), null));
        // Delivered Wed 10:00, keyed Thu 15:00: 12 working hours later, more than a working day → a reason is needed.
        ActionTime delivered = new ActionTime(vn(4, 10, 0), null);
        assertEquals("BACKDATING_REASON_REQUIRED", reason(vn(5, 15, 0),
            () -> processing.resume(code, null, delivered, null)));
        assertEquals(vn(2, 14, 0), bed.dossier(code).clock().pausedAt(), "the refusal changed nothing: still paused");
        keyed(vn(5, 15, 0), () -> processing.resume(code, null,
            new ActionTime(vn(4, 10, 0), "Công dân nộp bổ sung tại xã ngày 4/3, bộ phận một cửa chuyển hồ sơ ngày 5/3"),
            null));
        bed.em().clear();
        Dossier d = bed.dossier(code);
        // Paused Mon 14:00 → Wed 10:00 = Mon 3 h + Tue 8 h + Wed 2 h = 13 working hours:
        // Thu 5 Mar 09:00 + 13 h = Thu 9–12 (3) + 13–17 (4) + Fri 8–12 (4) + 13–15 (2) → Fri 6 Mar 15:00.
        // (Dated as keyed, Tue 10:00 → Thu 15:00, the pause would have been 20 hours.)
        assertEquals(vn(6, 15, 0), d.clock().dueAt());
        DossierEvent resumed = d.history().get(d.history().size() - 1);
        assertEquals(DossierAction.RESUME, resumed.action());
        assertEquals(vn(4, 10, 0), resumed.occurredAt());
        assertEquals(vn(5, 9, 0), resumed.dueBefore());
        assertEquals(vn(6, 15, 0), resumed.dueAfter());
        assertTrue(resumed.backdatingReason().startsWith("Công dân nộp bổ sung"));
        assertTrue(resumed.recordedAt().isAfter(resumed.occurredAt()), "both times kept");
    }

    @Test
    @DisplayName("A decision dated before the weekend and keyed after it keeps the dossier on time (early)")
    void decisionKeyedAfterWeekend() {
        // Received Wed 4 Mar 09:00 → appointment Mon 9 Mar 09:00.
        String code = bed.receive("1.004873", COMMUNE, vn(4, 9, 0));
        assertEquals(vn(9, 9, 0), bed.dossier(code).clock().dueAt());
        // Steps 1–3 done Thu 5 Mar at 09:00, 12:00 and 15:00 (the approval), keyed as they happen.
        Instant at = vn(5, 9, 0);
        while (bed.dossier(code).currentStep() < bed.dossier(code).steps().size()) {
            Instant now = at;
            boolean approval = bed.dossier(code).steps().get(bed.dossier(code).currentStep() - 1).kind()
                == StepKind.APPROVAL;
            keyed(now, () -> approval ? processing.approve(code, null, ActionTime.NOW, null)
                : processing.completeStep(code, null, ActionTime.NOW, null));
            at = at.plusSeconds(3 * 3600);
            bed.em().clear();
        }
        // The result was issued Fri 6 Mar 16:30 and keyed Tue 10 Mar 09:00: Fri 0.5 h + Mon 8 h + Tue 1 h = 9.5
        // working hours, more than one day → with a reason; within three days → accepted.
        String beforeApproval = reason(vn(10, 9, 0), () -> processing.completeStep(code, null,
            new ActionTime(vn(5, 14, 0), "x"), null));
        assertEquals("OUT_OF_ORDER", beforeApproval, "Thu 14:00 lies before the approval (Thu 15:00)");
        keyed(vn(10, 9, 0), () -> processing.completeStep(code, "Phát hành kết quả", new ActionTime(vn(6, 16, 30),
            "Văn thư nghỉ phép, nhập bù"), null));
        bed.em().clear();
        Dossier d = bed.dossier(code);
        assertEquals(vn(6, 16, 30), d.clock().completedAt());
        assertEquals(Timeliness.EARLY, d.clock().timeliness(), "Fri 6 Mar before the appointment's day Mon 9 Mar;"
            + " dated when keyed (Tue 10 Mar) it would be LATE");
    }

    @Test
    @DisplayName("A time in the future is refused; one keyed more than 3 working days late waits for a leader; neither changes the dossier")
    void limits() {
        String code = bed.receive("1.004873", COMMUNE, vn(2, 9, 0));
        long version = bed.tx(() -> bed.dossier(code).version());
        // Keyed Mon 2 Mar 10:00: 10:05 lies beyond the 2-minute skew.
        assertEquals("FUTURE_TIME", reason(vn(2, 10, 0),
            () -> processing.completeStep(code, null, new ActionTime(vn(2, 10, 5), null), null)));
        // Keyed Fri 6 Mar 11:00 for Mon 2 Mar 10:00: Mon 6 h + Tue, Wed, Thu 24 h + Fri 3 h = 33 h > 3 days (24 h).
        assertEquals("BACKDATING_APPROVAL_REQUESTED", reason(vn(6, 11, 0),
            () -> processing.completeStep(code, null, new ActionTime(vn(2, 10, 0), "quên nhập"), null)));
        // Keyed Thu 5 Mar 11:00 for Mon 2 Mar 10:00: 6 + 16 + 3 = 25 h > 24 h as well; Mon 11:00 → 24 h, accepted.
        assertEquals("BACKDATING_APPROVAL_REQUESTED", reason(vn(5, 11, 0),
            () -> processing.completeStep(code, null, new ActionTime(vn(2, 10, 0), "quên nhập"), null)));
        keyed(vn(5, 11, 0), () -> processing.completeStep(code, null, new ActionTime(vn(2, 11, 0), "quên nhập"), null));
        bed.em().clear();
        Dossier d = bed.dossier(code);
        assertEquals(version + 1, d.version(), "only the accepted action changed the dossier");
        assertEquals(vn(2, 11, 0), d.steps().get(0).completedAt());
    }
}
