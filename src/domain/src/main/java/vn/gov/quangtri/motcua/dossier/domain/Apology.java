package vn.gov.quangtri.motcua.dossier.domain;

import java.time.Instant;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;

/**
 * The apology and new appointment (xin lỗi và hẹn lại, form 04, docs/domain.md §2.8), part of the {@link Dossier}
 * aggregate: when one is due, and giving it. Decree 118/2025 keeps Decree 61/2018's duty to apologise when a
 * dossier will be late. Times are working time of the {@link WorkingCalendar} (Asia/Ho_Chi_Minh).
 */
public final class Apology {

    private Apology() {
    }

    /**
     * Whether the dossier is late or cannot finish in time at {@code now}, so that an apology with a new
     * appointment is due. With the clock paused, the time left is counted at the pause. True when the
     * appointment has passed (working time), or the working time left is less than the allotments of the steps
     * not yet started (the current step has eaten into their time). Being close to the appointment is not
     * enough. False for a dossier without appointment, already finished, or already given a new appointment, and
     * wherever its status does not allow {@link DossierAction#RESCHEDULE}.
     *
     * @param now      the present moment
     * @param calendar working calendar (Asia/Ho_Chi_Minh)
     */
    public static boolean due(Dossier d, Instant now, WorkingCalendar calendar) {
        ProcessingClock c = d.clock();
        if (!d.status().allows(DossierAction.RESCHEDULE) || c.dueAt() == null || c.completedAt() != null
                || c.rescheduledDueAt() != null) {
            return false;
        }
        long left = c.workingMinutesLeft(now, calendar);
        return left <= 0 || left < d.process().minutesPlannedAfter(d.currentStep());
    }

    /**
     * Apologises for a delay and gives a new appointment, only when the dossier is late or cannot finish in time
     * ({@link #due}). The new date may be given only once (Lai Châu Decision 88/2025/QĐ-UBND art. 3 cl. 6, taken
     * as the standard rule) and is kept next to the original appointment, which stays the reference for early /
     * on time / late. The aggregate's check of the lifecycle table and {@link ActionRefusals} runs first.
     *
     * @param newDueAt the new appointment, after the current one and in the future
     * @param reason   the reason for the delay, required
     * @throws vn.gov.quangtri.motcua.shared.domain.ConflictException {@code ALREADY_RESCHEDULED} on a second
     *         apology, {@code NOT_LATE} while the dossier can still finish in time, or for a finished dossier
     */
    public static void reschedule(Dossier d, Instant at, String actor, Instant newDueAt, String reason,
                                  WorkingCalendar calendar) {
        d.requireAllowed(DossierAction.RESCHEDULE, at, calendar);
        String why = HistoryText.reason(reason);
        ProcessingClock clock = d.clock();
        clock.reschedule(at, newDueAt);
        d.record(at, actor, DossierAction.RESCHEDULE, d.currentStep(), why)
            .withAppointmentMove(clock.dueAt(), newDueAt);
    }
}
