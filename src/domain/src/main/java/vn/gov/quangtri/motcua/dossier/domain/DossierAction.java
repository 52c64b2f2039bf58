package vn.gov.quangtri.motcua.dossier.domain;

/** What happened to a dossier; one history event per action. */
public enum DossierAction {
    SUBMIT_ONLINE, RECEIVE, REQUEST_SUPPLEMENT_AT_INTAKE, REFUSE,
    ASSIGN, COMPLETE_STEP, APPROVE, REJECT,
    REQUEST_SUPPLEMENT, REQUEST_FINANCIAL_OBLIGATION, RESUME,
    STOP, RETURN_RESULT, RESCHEDULE, RETURN_FOR_REWORK
}
