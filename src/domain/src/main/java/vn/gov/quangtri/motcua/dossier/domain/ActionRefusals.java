package vn.gov.quangtri.motcua.dossier.domain;

import java.time.Instant;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.catalogue.domain.StepKind;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * Why a dossier refuses an action, beside the lifecycle table of {@link DossierStatus}: what kind of dossier it
 * is (an inter-agency child returns its result to the sender, not to the applicant) and its state (the kind of
 * the current step, a previous step to return to, an apology being due). {@link Dossier#allowedActions} and every
 * action method ask here, so the list shown and the check applied cannot differ (docs/domain.md §2.11).
 */
final class ActionRefusals {

    private ActionRefusals() {
    }

    /** Why an action does not fit this kind of dossier, whatever its status; null when it fits. */
    static ConflictException byKind(Dossier d, DossierAction action) {
        boolean child = d.origin().child();
        if (action == DossierAction.RETURN_RESULT && child) {
            return new ConflictException("RETURN_TO_SENDER_REQUIRED", "Dossier " + d.code() + " was received by"
                + " transfer from " + d.origin().parentCode() + "; its result goes back to the sending agency"
                + " (return-to-sender), which returns it to the applicant");
        }
        if (action == DossierAction.RETURN_TO_SENDER && !child) {
            return new ConflictException("NOT_INTERAGENCY_CHILD", "Dossier " + d.code() + " was not received by transfer");
        }
        return null;
    }

    /** Why an action the status allows is impossible in the dossier's present state; null when possible. */
    static ConflictException byState(Dossier d, DossierAction action, Instant now, WorkingCalendar calendar) {
        Integer step = d.currentStep();
        DossierStep row = step == null ? null : d.steps().get(step - 1);
        StepKind kind = row == null ? null : row.kind();
        return switch (action) {
            case ASSIGN, COMPLETE_STEP, APPROVE, REJECT, RETURN_FOR_REWORK, TRANSFER_OUT, INTERAGENCY_RESULT ->
                kind == null ? illegal(d, action)
                    : action == DossierAction.COMPLETE_STEP && kind == StepKind.APPROVAL
                    ? new ConflictException("APPROVAL_STEP", "Step " + step + " is an approval step: approve or reject it")
                    : (action == DossierAction.APPROVE || action == DossierAction.REJECT) && kind != StepKind.APPROVAL
                    ? new ConflictException("NOT_APPROVAL_STEP", action + " is only possible at an approval step; the"
                        + " current step " + step + " (" + row.name() + ") is ordinary work")
                    : action == DossierAction.RETURN_FOR_REWORK && step <= 1
                    ? new ConflictException("NO_PREVIOUS_STEP", "Dossier " + d.code() + " is at its first step: nothing to return to")
                    : null;
            case RESCHEDULE -> rescheduleRefusal(d, now, calendar);
            default -> null;
        };
    }

    private static ConflictException rescheduleRefusal(Dossier d, Instant now, WorkingCalendar calendar) {
        ProcessingClock clock = d.clock();
        if (clock.dueAt() == null) {
            return illegal(d, DossierAction.RESCHEDULE);
        }
        if (clock.rescheduledDueAt() != null) {
            return new ConflictException("ALREADY_RESCHEDULED", "Dossier " + d.code()
                + " already has a new appointment; it may be given only once");
        }
        if (!Apology.due(d, now, calendar)) {
            return new ConflictException("NOT_LATE", "Dossier " + d.code() + " can still be finished by its appointment "
                + VietnamTime.local(clock.dueAt()).format(HistoryText.DAY_TIME) + ": an apology with a new date is"
                + " given only when it is overdue or cannot finish in time (less working time left than the steps not"
                + " yet started need)");
        }
        return null;
    }

    /** The refusal of an action the status does not allow ({@code ILLEGAL_TRANSITION}). */
    static ConflictException illegal(Dossier d, DossierAction action) {
        return new ConflictException("ILLEGAL_TRANSITION",
            "Action " + action + " is not allowed for dossier " + d.code() + " in status " + d.status());
    }
}
