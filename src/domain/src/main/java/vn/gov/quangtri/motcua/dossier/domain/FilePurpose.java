package vn.gov.quangtri.motcua.dossier.domain;

/** When in a dossier's life a file was attached (issue 15 §1). */
public enum FilePurpose {
    /** With the components received at intake. */
    INTAKE,
    /** With a supplement the applicant brought after a request for supplement. */
    SUPPLEMENT,
    /** An appraisal paper (site inspection minutes, opinions of other bodies). */
    APPRAISAL,
    /** The result document returned to the applicant (electronic result). */
    RESULT
}
