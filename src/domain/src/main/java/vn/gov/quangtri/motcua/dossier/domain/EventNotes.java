package vn.gov.quangtri.motcua.dossier.domain;

import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;

/**
 * What goes with the event a dossier change has just recorded, before it is stored (docs/domain.md §3.4): why it
 * is dated well before it was keyed, the leader who approved that late keying, the signed decision behind an
 * approval or rejection. Part of the {@link Dossier} aggregate; events are never changed once stored, so each
 * note throws {@link IllegalStateException} when the latest event already is.
 */
public final class EventNotes {

    private EventNotes() {
    }

    /**
     * Keeps, on the event this change just recorded, why it is dated well before it was keyed.
     *
     * @throws IllegalStateException when the latest event is already stored (events are never changed)
     */
    public static void noteBackdating(Dossier d, String reason) {
        d.log().noteBackdating(reason);
    }

    /**
     * Keeps, on the event this change just recorded, the leader who approved its late keying.
     *
     * @throws IllegalStateException when the latest event is already stored
     */
    public static void noteBackdatingApproval(Dossier d, String leader) {
        d.log().unrecorded().withBackdatingApproval(leader);
    }

    /**
     * Keeps, on the approval or rejection this change just recorded, the signed decision behind it: it may not be
     * signed after the action's business day nor before the dossier was received (Vietnam calendar dates).
     *
     * @throws RuleViolationException {@code DECISION_NOT_EXPECTED} on another action, {@code DECISION_AFTER_ACTION},
     *                                {@code DECISION_BEFORE_RECEIPT}
     * @throws IllegalStateException  when the latest event is already stored
     */
    public static void noteDecision(Dossier d, Decision decision) {
        DossierEvent latest = d.log().unrecorded();
        if (latest.action() != DossierAction.APPROVE && latest.action() != DossierAction.REJECT) {
            throw new RuleViolationException("DECISION_NOT_EXPECTED", "A decision number, date and signer belong to an"
                + " approval or a reasoned rejection");
        }
        decision.requireSignedBetween(d.submittedAt(), latest.occurredAt());
        latest.withDecision(decision);
    }
}
