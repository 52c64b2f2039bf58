package vn.gov.quangtri.motcua.dossier.domain;

import java.time.Instant;
import java.util.List;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.Texts;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * The dossier's history (lịch sử xử lý) while it changes: appends {@link DossierEvent}s in order, keeps the
 * business-time order (docs/domain.md §3.4) and reads back what a later action needs from it (the items of the
 * latest supplement request). Not an entity: a short-lived helper over the aggregate's own {@code history} list
 * that {@link Dossier} creates for each change; the events are never changed once stored. Wording is in
 * {@link HistoryText}. Package-private: only the aggregate (the root and its collaborators, such as
 * {@link DossierIntake} for a new dossier's first event and {@link EventNotes}) calls it.
 */
final class DossierHistory {

    private final Dossier dossier;
    private final List<DossierEvent> events;

    /**
     * @param dossier the owner (new events belong to it)
     * @param events  the dossier's own, mutable list of events, oldest first
     */
    DossierHistory(Dossier dossier, List<DossierEvent> events) {
        this.dossier = dossier;
        this.events = events;
    }

    /**
     * Appends the next event (sequence number = position in the history, from 1).
     *
     * @param reason note or reason, at most {@link Texts#LONG} characters
     * @return the new event, to attach items or an appointment move to before it is stored
     * @throws RuleViolationException {@code ACTOR_REQUIRED} without an actor, {@code TEXT_TOO_LONG} for a text
     *                                over its limit
     */
    DossierEvent append(Instant at, String actor, DossierAction action, DossierStatus from, DossierStatus to,
                        Integer step, String reason) {
        DossierEvent event = new DossierEvent(dossier, events.size() + 1, at, actor(actor), action, from, to, step,
            Texts.limited("note/reason", reason, Texts.LONG));
        events.add(event);
        return event;
    }

    /**
     * Appends an event that leaves the status as it is ({@code status} → {@code status}; the first event of a new
     * dossier has no "from").
     */
    DossierEvent record(Instant at, String actor, DossierAction action, DossierStatus status, Integer step,
                        String reason) {
        return append(at, actor, action, events.isEmpty() ? null : status, status, step, reason);
    }

    /** The latest event; the history is never empty once the dossier exists. */
    DossierEvent latest() {
        return events.get(events.size() - 1);
    }

    /**
     * An event happens at or after the dossier's latest event (business time, docs/domain.md §3.4), so a history
     * read in order is the order things happened in.
     *
     * @throws RuleViolationException {@code OUT_OF_ORDER} naming the latest event's moment (Vietnam time)
     */
    void requireInOrder(Instant at) {
        if (!events.isEmpty() && at.isBefore(latest().occurredAt())) {
            Instant last = latest().occurredAt();
            throw new RuleViolationException("OUT_OF_ORDER", "The action's time " + VietnamTime.offset(at)
                + " lies before the dossier's latest event (" + VietnamTime.offset(last) + ")",
                List.of("occurredAt: at or after " + VietnamTime.offset(last)));
        }
    }

    /**
     * The items of the latest supplement request during processing, in order (empty when none); for events
     * stored before items were kept, read from the numbered lines of its text.
     */
    List<String> requestedSupplementItems() {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).action() == DossierAction.REQUEST_SUPPLEMENT) {
                return HistoryText.requestedItems(events.get(i));
            }
        }
        return List.of();
    }

    /**
     * What a resumption after the latest supplement request records.
     *
     * @param handedIn the requested items handed in, in the order requested
     * @param text     the event's text: items handed in, those still missing, then the note
     */
    record SupplementReceipt(List<String> handedIn, String text) {
    }

    /**
     * The receipt of the latest supplement request's items.
     *
     * @param receivedItems the requested items handed in, each exactly as requested; null for all of them
     * @param note          the officer's note, may be null
     * @throws RuleViolationException {@code RECEIVED_ITEMS_REQUIRED} for an empty list, {@code UNKNOWN_ITEM} for an
     *                                item that was not requested
     */
    SupplementReceipt supplementReceived(List<String> receivedItems, String note) {
        List<String> requested = requestedSupplementItems();
        List<String> handedIn = receivedItems == null ? requested : HistoryText.handedIn(receivedItems, requested);
        return new SupplementReceipt(handedIn, HistoryText.supplementReceived(handedIn,
            requested.stream().filter(r -> !handedIn.contains(r)).toList(), note));
    }

    /**
     * Keeps on the latest event why it is dated well before it was keyed.
     *
     * @throws IllegalStateException when the latest event is already stored (events are never changed)
     */
    void noteBackdating(String reason) {
        unrecorded().withBackdatingReason(reason);
    }

    /**
     * The latest event, which the change under way has just recorded and which is not yet stored: what goes with it
     * (a backdating reason or approval, a signed decision) may still be attached.
     *
     * @throws IllegalStateException when it is already stored (events are never changed)
     */
    DossierEvent unrecorded() {
        DossierEvent latest = latest();
        if (latest.recordedAt() != null) {
            throw new IllegalStateException("event " + latest.seq() + " of " + dossier.code() + " is already recorded");
        }
        return latest;
    }

    /**
     * The actor's name as the history keeps it.
     *
     * @throws RuleViolationException {@code ACTOR_REQUIRED} when blank, {@code TEXT_TOO_LONG} when longer than
     *                                {@link Texts#NAME}
     */
    static String actor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw new RuleViolationException("ACTOR_REQUIRED", "Every change must name who makes it");
        }
        return Texts.limited("actor", actor, Texts.NAME);
    }
}
