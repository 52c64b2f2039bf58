package vn.gov.quangtri.motcua.agency.application;

/** What happens to the still-existing units under an agency that is closed or merged. */
public enum ChildUnits {
    /** They move under another unit (the one named, else the successor). */
    MOVE,
    /** They are closed on the same date, with the closed unit's successor as their successor. */
    CLOSE
}
