package vn.gov.quangtri.motcua.interagency.batch;

import vn.gov.quangtri.motcua.interagency.application.TransferReconciliation;

/**
 * The partner of a transfer could not be asked (no answer, an error): the item is skipped (the step lists this
 * class among its skippable exceptions) and {@link TransferReconciliationSkips} records the check's reason.
 */
public class PartnerNotAsked extends Exception {

    private static final long serialVersionUID = 1L;

    private final TransferReconciliation.Check check;

    public PartnerNotAsked(TransferReconciliation.Check check) {
        super(check.verdict().reason());
        this.check = check;
    }

    /** The check, with the SKIPPED verdict and its reason. */
    public TransferReconciliation.Check check() {
        return check;
    }
}
