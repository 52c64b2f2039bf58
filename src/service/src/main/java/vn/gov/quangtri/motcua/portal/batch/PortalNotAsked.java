package vn.gov.quangtri.motcua.portal.batch;

import vn.gov.quangtri.motcua.portal.application.PortalReconciliation;

/**
 * The portal could not be asked about a dossier (not configured, down, an error): the item is skipped (the step lists
 * this class among its skippable exceptions), the dossier's recorded differences stay as they were, and the job goes
 * on and completes.
 */
public class PortalNotAsked extends Exception {

    private static final long serialVersionUID = 1L;

    public PortalNotAsked(PortalReconciliation.Check check) {
        super("Portal not asked about " + check.dossierCode() + ": " + check.reason());
    }
}
