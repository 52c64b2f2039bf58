package vn.gov.quangtri.motcua.dossier.domain;

/**
 * Where the electronic copy of a dossier component came from (issue 15 §1). Decision 766/QĐ-TTg counts
 * digitisation (a paper handed in and scanned at the desk) and re-use (a document taken from the citizen's data
 * store or a national database instead of being asked for again) separately, so the source decides the default of
 * {@link DossierFile#digitised()} and {@link DossierFile#reused()}.
 */
public enum FileSource {
    /** Scanned at the one-stop desk from the paper handed in (số hóa tại Bộ phận Một cửa). */
    DESK_SCAN(true, false),
    /** Uploaded by the applicant with an online submission. */
    CITIZEN_UPLOAD(false, false),
    /** Taken from the citizen's electronic data store on the portal (kho quản lý dữ liệu điện tử). */
    CITIZEN_DATA_STORE(false, true),
    /** Taken from a national or specialised database (e.g. population, land, business registration). */
    NATIONAL_DATABASE(false, true),
    /** Received with an inter-agency transfer from another agency's system. */
    PARTNER_TRANSFER(false, false),
    /** Produced by the agency while handling the dossier (appraisal papers, the result document). */
    AGENCY(false, false);

    private final boolean digitisedByDefault;
    private final boolean reusedByDefault;

    FileSource(boolean digitisedByDefault, boolean reusedByDefault) {
        this.digitisedByDefault = digitisedByDefault;
        this.reusedByDefault = reusedByDefault;
    }

    /** Whether a file of this source counts as digitised unless the officer says otherwise. */
    public boolean digitisedByDefault() {
        return digitisedByDefault;
    }

    /** Whether a file of this source counts as re-used data unless the officer says otherwise. */
    public boolean reusedByDefault() {
        return reusedByDefault;
    }
}
