package vn.gov.quangtri.motcua.dossier.application;

import java.time.Instant;

/**
 * When an officer's action on a dossier happened, when that is not the moment it is keyed: a decision signed on
 * Friday and keyed on Monday is dated Friday, so deadlines, pauses and the early / on-time / late class follow what
 * happened (docs/domain.md §3.4). The history keeps both times ({@code DossierEvent.occurredAt} and
 * {@code recordedAt}); a time well before the keying needs a reason and, beyond a second limit, a leader's
 * approval ({@link DossierChanges#timeOf}).
 *
 * @param occurredAt       when the action happened; null for now
 * @param backdatingReason why it is keyed late (e.g. "Quyết định ký ngày 13/3, nhập hệ thống ngày 16/3"); null
 *                         when not needed
 */
public record ActionTime(Instant occurredAt, String backdatingReason) {

    /** The action happens as it is keyed. */
    public static final ActionTime NOW = new ActionTime(null, null);

    /** Null-safe: a missing time is now. */
    static ActionTime orNow(ActionTime t) {
        return t == null ? NOW : t;
    }
}
