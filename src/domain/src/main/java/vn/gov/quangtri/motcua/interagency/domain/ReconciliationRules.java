package vn.gov.quangtri.motcua.interagency.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * The comparison rules of the transfer reconciliation (issue 14 §1, docs/interagency.md "Reconciliation"): one of
 * our open outbound transfers (side SENDER) against what the partner answered to {@code query-status}. Pure: no
 * clock, no database.
 *
 * <ol>
 *   <li>The partner could not be asked (no answer, an error, no call possible): {@code SKIPPED} with the reason.</li>
 *   <li>The partner has no such transfer ({@code NOT_FOUND}): while we are still at SENT it never received it,
 *       {@code RESEND}; once it had acknowledged the transfer (ours ACKNOWLEDGED or beyond) it lost it, which a
 *       re-send would not mend (a second child dossier), so {@code MISMATCH}.</li>
 *   <li>The partner answered the same status (and, when both sides know one, the same child dossier code):
 *       {@code IN_SYNC}.</li>
 *   <li>The partner is ahead of us (higher rank) and reached that status less than the grace period ago: its
 *       message is probably still in its outbox, {@code SETTLING}, nothing flagged yet.</li>
 *   <li>Any other difference: {@code MISMATCH}, "Partner … says RESULT_RETURNED on 2026-12-06 14:05, we have
 *       ACKNOWLEDGED since 2026-12-06 09:12" (moments in Vietnam time).</li>
 * </ol>
 * Our statuses move only with the partner's messages, so a partner behind us, or a rejection against a result
 * (equal rank), is never in transit.
 */
public final class ReconciliationRules {

    /** Moments in reasons: Vietnam time, minutes. */
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ReconciliationRules() {
    }

    /**
     * Our side of a transfer as the rules need it.
     *
     * @param partnerCode the partner system the transfer went to
     * @param status      our status (SENDER side)
     * @param statusAt    when we recorded it (the partner's moment of its last update applied, or the transfer)
     * @param childCode   the child dossier code the partner gave us, null before its acknowledgement
     */
    public record OurTransfer(String transferId, String partnerCode, TransferStatus status, Instant statusAt,
                              String childCode) {
        public OurTransfer {
            Objects.requireNonNull(transferId, "transferId");
            Objects.requireNonNull(partnerCode, "partnerCode");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(statusAt, "statusAt");
        }

        /** Our side of a stored transfer. */
        public static OurTransfer of(InterAgencyTransfer t) {
            return new OurTransfer(t.transferId(), t.partnerCode(), t.status(), t.statusAt(), t.childCode());
        }
    }

    /**
     * Compares our transfer with the partner's answer.
     *
     * @param now   the moment of the check
     * @param grace how long a partner may be ahead of us before it counts as a mismatch (zero or more)
     */
    public static ReconciliationVerdict compare(OurTransfer ours, PartnerAnswer answer, Instant now, Duration grace) {
        Objects.requireNonNull(ours, "ours");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(now, "now");
        if (grace == null || grace.isNegative()) {
            throw new IllegalArgumentException("The grace period must be zero or more");
        }
        String partner = ours.partnerCode();
        TransferStatus we = ours.status();
        return switch (answer.kind()) {
            case UNREACHABLE -> verdict(ReconciliationVerdict.Kind.SKIPPED, "Partner " + partner
                + " did not answer query-status: " + answer.detail(), "SKIPPED|UNREACHABLE", we, null, null);
            case FAILED -> verdict(ReconciliationVerdict.Kind.SKIPPED, "Partner " + partner
                + " could not be asked: " + answer.detail(), "SKIPPED|FAILED", we, null, null);
            case UNKNOWN -> we == TransferStatus.SENT
                ? verdict(ReconciliationVerdict.Kind.RESEND, "Partner " + partner + " never received this transfer"
                    + " (query-status: not found), we have SENT since " + moment(ours.statusAt()), "RESENT|" + we, we,
                    null, null)
                : verdict(ReconciliationVerdict.Kind.MISMATCH, "Partner " + partner + " has no record of this transfer,"
                    + " we have " + we + " since " + moment(ours.statusAt()) + child(ours.childCode()),
                    "MISMATCH|" + we + "|UNKNOWN", we, null, null);
            case KNOWN -> known(ours, answer.state(), now, grace);
        };
    }

    private static ReconciliationVerdict known(OurTransfer ours, TransferUpdate theirs, Instant now, Duration grace) {
        String partner = ours.partnerCode();
        TransferStatus we = ours.status();
        TransferStatus they = theirs.status();
        String print = "MISMATCH|" + we + "|" + they + "|" + theirs.at().toEpochMilli() + "|"
            + (theirs.childCode() == null ? "" : theirs.childCode());
        if (they == we) {
            if (ours.childCode() != null && theirs.childCode() != null && !ours.childCode().equals(theirs.childCode())) {
                return verdict(ReconciliationVerdict.Kind.MISMATCH, "Partner " + partner + " names child dossier "
                    + theirs.childCode() + ", we have " + ours.childCode() + " (both " + we + ")", print, we, they,
                    theirs.at());
            }
            return verdict(ReconciliationVerdict.Kind.IN_SYNC, "Both sides at " + we, "IN_SYNC|" + we, we, they,
                theirs.at());
        }
        String says = "Partner " + partner + " says " + they + " on " + moment(theirs.at()) + ", we have " + we
            + " since " + moment(ours.statusAt());
        if (they.rank() > we.rank() && theirs.at().isAfter(now.minus(grace))) {
            return verdict(ReconciliationVerdict.Kind.SETTLING, says + "; within the grace period of " + grace
                + ", its message may still be on the way", "SETTLING|" + we + "|" + they, we, they, theirs.at());
        }
        return verdict(ReconciliationVerdict.Kind.MISMATCH, says, print, we, they, theirs.at());
    }

    private static ReconciliationVerdict verdict(ReconciliationVerdict.Kind kind, String reason, String print,
                                                 TransferStatus we, TransferStatus they, Instant theirAt) {
        return new ReconciliationVerdict(kind, reason, print, we, they, theirAt);
    }

    private static String child(String childCode) {
        return childCode == null ? "" : " (child dossier " + childCode + ")";
    }

    /** A moment as reasons write it: {@code 2026-12-06 14:05} in Asia/Ho_Chi_Minh. */
    public static String moment(Instant at) {
        return at == null ? "?" : MOMENT.format(VietnamTime.local(at));
    }
}
