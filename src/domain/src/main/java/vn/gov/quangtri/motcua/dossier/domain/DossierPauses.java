package vn.gov.quangtri.motcua.dossier.domain;

import java.time.Instant;
import java.util.List;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.Texts;

/**
 * The pauses during processing (tạm dừng, docs/domain.md §3.4), part of the {@link Dossier} aggregate: a
 * supplement request during appraisal, a financial obligation, and the resumption after either. The legal clock
 * ({@link ProcessingClock}) stops while the applicant owes something, and the appointment and the open steps'
 * deadlines move by the paused working time when processing resumes (Asia/Ho_Chi_Minh working time). Each action
 * first runs the aggregate's check of the lifecycle table and {@link ActionRefusals}, so an illegal one throws
 * {@link vn.gov.quangtri.motcua.shared.domain.ConflictException} and changes nothing.
 */
public final class DossierPauses {

    private DossierPauses() {
    }

    /**
     * Requests a supplement during appraisal (form 02) with the officer's note: the clock pauses until the
     * applicant delivers; time already used still counts (docs/domain.md §3.4). The history keeps the items
     * (one per line, also as {@link DossierEvent#items()}) followed by "Ghi chú: " and the note.
     *
     * @param missing all missing or incorrect items; not empty
     * @param note    the officer's note to the applicant, may be null
     */
    public static void requestSupplement(Dossier d, Instant at, String actor, List<String> missing, String note) {
        d.requireAllowed(DossierAction.REQUEST_SUPPLEMENT, at, null);
        List<String> items = HistoryText.items(missing);
        String why = HistoryText.supplementRequest(items, note);
        d.clock().pause(at);
        d.countSupplement();
        d.transition(at, actor, DossierAction.REQUEST_SUPPLEMENT, d.status(),
            DossierStatus.SUPPLEMENT_REQUESTED_IN_PROCESS, d.currentStep(), why).withItems(items);
    }

    /**
     * Asks the applicant to fulfil a financial obligation (tax, levy). The clock pauses only where sector
     * law excludes that time (snapshot flag of the procedure, e.g. land: Decree 101/2024/NĐ-CP).
     */
    public static void requestFinancialObligation(Dossier d, Instant at, String actor, String reason) {
        d.requireAllowed(DossierAction.REQUEST_FINANCIAL_OBLIGATION, at, null);
        if (d.snapshot().pauseForFinancialObligation()) {
            d.clock().pause(at);
        }
        d.transition(at, actor, DossierAction.REQUEST_FINANCIAL_OBLIGATION, d.status(),
            DossierStatus.WAITING_FINANCIAL_OBLIGATION, d.currentStep(), HistoryText.reason(reason));
    }

    /**
     * Resumes processing after the applicant supplemented or paid. A paused clock restarts: the appointment
     * and the deadlines of every step not yet completed move by the paused working time (the plan keeps its
     * order); the event keeps the appointment before and after ({@link DossierEvent#dueBefore()}). After a
     * supplement the history records which of the requested items were handed in (one per
     * line, and as {@link DossierEvent#items()}), and those still missing.
     *
     * @param receivedItems after a supplement request: the requested items handed in, each exactly as
     *                      requested; null for all of them. Must be null after a financial obligation.
     * @throws RuleViolationException {@code RECEIVED_ITEMS_REQUIRED} for an empty list,
     *                                {@code UNKNOWN_ITEM} for an item that was not requested,
     *                                {@code NO_SUPPLEMENT_REQUESTED} for items after a financial obligation
     */
    public static void resume(Dossier d, Instant at, String actor, String note, List<String> receivedItems,
                              WorkingCalendar calendar) {
        d.requireAllowed(DossierAction.RESUME, at, calendar);
        List<String> received = null;
        String why = note;
        if (d.status() == DossierStatus.SUPPLEMENT_REQUESTED_IN_PROCESS) {
            DossierHistory.SupplementReceipt receipt = d.log().supplementReceived(receivedItems, note);
            why = receipt.text();
            received = receipt.handedIn();
        } else if (receivedItems != null) {
            throw new RuleViolationException("NO_SUPPLEMENT_REQUESTED", "Dossier " + d.code()
                + " waits for a financial obligation, not a supplement: no items to hand in",
                List.of("receivedItems: only after a supplement request"));
        }
        Texts.limited("note", why, Texts.LONG);
        ProcessingClock clock = d.clock();
        Instant dueBefore = clock.dueAt();
        d.process().shiftOpenDeadlines(clock.resume(at, calendar));
        DossierEvent resumed = d.transition(at, actor, DossierAction.RESUME, d.status(), DossierStatus.IN_PROCESS,
            d.currentStep(), why);
        if (received != null) {
            resumed.withItems(received);
        }
        if (!dueBefore.equals(clock.dueAt())) {
            resumed.withAppointmentMove(dueBefore, clock.dueAt());
        }
    }
}
