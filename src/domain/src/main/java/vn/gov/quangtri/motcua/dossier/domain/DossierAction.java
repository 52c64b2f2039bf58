package vn.gov.quangtri.motcua.dossier.domain;

/** What happened to a dossier; one history event per action. */
public enum DossierAction {
    SUBMIT_ONLINE, RECEIVE, REQUEST_SUPPLEMENT_AT_INTAKE, REFUSE,
    ASSIGN, COMPLETE_STEP, APPROVE, REJECT,
    REQUEST_SUPPLEMENT, REQUEST_FINANCIAL_OBLIGATION, RESUME,
    STOP, RETURN_RESULT, RESCHEDULE, RETURN_FOR_REWORK,
    /** The dossier went to a co-operating agency (liên thông); the parent waits. */
    TRANSFER_OUT,
    /** The co-operating agency returned its result; the step is done. */
    INTERAGENCY_RESULT,
    /** The co-operating agency refused the transfer; the step is open again. */
    INTERAGENCY_REJECTED,
    /** A child dossier was created from an inbound transfer (at the co-operating agency). */
    RECEIVE_TRANSFER,
    /** The child's result went back to the sending agency. */
    RETURN_TO_SENDER
}
