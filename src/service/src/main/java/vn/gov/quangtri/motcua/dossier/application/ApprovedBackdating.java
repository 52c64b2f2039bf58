package vn.gov.quangtri.motcua.dossier.application;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Marks, on the current thread, the replay of an action a leader has just approved ({@link BackdatingApprovals}):
 * the dossier services then record the officer who keyed it as its actor, accept its time beyond the approval
 * limit, and note the approving leader on its history event ({@link DossierChanges}).
 */
final class ApprovedBackdating {

    /** The request being approved, who keyed its action and who approved it. */
    record Approval(long requestId, String requestedBy, String approvedBy) {
    }

    private static final ThreadLocal<Approval> CURRENT = new ThreadLocal<>();

    private ApprovedBackdating() {
    }

    /** Runs the replay of an approved action. */
    static <T> T run(Approval approval, Supplier<T> work) {
        Approval outer = CURRENT.get();
        CURRENT.set(approval);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** The approval being replayed on this thread, if any. */
    static Optional<Approval> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
