package vn.gov.quangtri.motcua.dossier.application;

import vn.gov.quangtri.motcua.dossier.domain.BackdatingRequest;
import vn.gov.quangtri.motcua.shared.domain.DomainException;

/**
 * An action was dated so far back that it waits for a leader's approval: the dossier did not change (the
 * transaction rolls back), and the request holding the action was stored on its own ({@link BackdatingRequests}).
 * Not an error for the caller: the REST API answers 202 Accepted with the request, the screens an information
 * message.
 */
public class BackdatingApprovalRequired extends DomainException {

    private final transient BackdatingRequest request;

    /** @param request the stored request */
    public BackdatingApprovalRequired(BackdatingRequest request) {
        super("BACKDATING_APPROVAL_REQUESTED", "The action on dossier " + request.dossierCode() + " is dated "
            + vn.gov.quangtri.motcua.shared.domain.VietnamTime.offset(request.occurredAt()) + ", too far before it was"
            + " keyed to take effect at once: backdating request " + request.id() + " waits for a leader's approval");
        this.request = request;
    }

    /** The stored request. */
    public BackdatingRequest request() {
        return request;
    }
}
