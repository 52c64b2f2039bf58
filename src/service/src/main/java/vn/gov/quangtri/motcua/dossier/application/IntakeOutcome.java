package vn.gov.quangtri.motcua.dossier.application;

/** What the desk officer decides at intake (docs/domain.md §2.2). */
public enum IntakeOutcome {
    /** Complete and valid: receive and issue the receipt and appointment slip (form 01). */
    RECEIVE,
    /** Incomplete: record the one-time supplement request (form 02); the clock does not start. */
    REQUEST_SUPPLEMENT,
    /** Not eligible or wrong authority: refuse with reasons (form 03). */
    REFUSE
}
