package vn.gov.quangtri.motcua.catalogue.domain;

/** Whether a step is ordinary work or the approval/signing decision. */
public enum StepKind {
    /** Work that is completed and passed on. */
    WORK,
    /** The decision: approve (go on) or reject with reasons (reasoned negative reply). */
    APPROVAL
}
