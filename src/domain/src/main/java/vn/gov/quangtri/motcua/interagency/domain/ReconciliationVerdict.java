package vn.gov.quangtri.motcua.interagency.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of comparing one of our outbound transfers with the partner's answer ({@link ReconciliationRules}).
 *
 * @param kind            what to do
 * @param reason          why, in a sentence (English, moments in Vietnam time), for the administrators
 * @param fingerprint     the situation found, equal between two checks exactly when nothing changed on either side
 *                        (a rerun over the same state records no second finding)
 * @param ourStatus       our status of the transfer
 * @param partnerStatus   the partner's status when it answered one, else null
 * @param partnerStatusAt the partner's moment of that status, else null
 */
public record ReconciliationVerdict(Kind kind, String reason, String fingerprint, TransferStatus ourStatus,
                                    TransferStatus partnerStatus, Instant partnerStatusAt) {

    /** What a check concludes. */
    public enum Kind {
        /** Both sides agree: nothing to do (earlier findings are resolved). */
        IN_SYNC,
        /** The partner is ahead of us by less than the grace period: its message is probably on the way. */
        SETTLING,
        /** The partner never received the transfer: send the submit-transfer again through the outbox. */
        RESEND,
        /** The two sides disagree: flag it with the reason. */
        MISMATCH,
        /** The partner could not be asked: skip the transfer with the reason. */
        SKIPPED
    }

    public ReconciliationVerdict {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(ourStatus, "ourStatus");
    }

    /** Whether the verdict is kept as a {@link ReconciliationFinding} (MISMATCH, RESEND, SKIPPED). */
    public boolean finding() {
        return kind == Kind.MISMATCH || kind == Kind.RESEND || kind == Kind.SKIPPED;
    }

    /** The same verdict with a longer reason (what was done about it). */
    public ReconciliationVerdict withReason(String newReason) {
        return new ReconciliationVerdict(kind, newReason, fingerprint, ourStatus, partnerStatus, partnerStatusAt);
    }
}
