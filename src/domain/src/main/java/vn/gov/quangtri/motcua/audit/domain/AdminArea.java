package vn.gov.quangtri.motcua.audit.domain;

/** What part of the reference data (or which accounts) an administrative change concerns. */
public enum AdminArea {
    /** The agency tree (cơ quan, đơn vị hành chính). */
    AGENCY,
    /** The procedure catalogue (thủ tục hành chính). */
    CATALOGUE,
    /** The holiday calendar (lịch nghỉ lễ, ngày làm bù). */
    CALENDAR,
    /** Partner systems of the inter-agency exchange and their dead-lettered messages. */
    PARTNER,
    /** Back-office accounts: creation, edits of name, unit and roles, lock/unlock, passwords. */
    ACCOUNT,
    /** A dossier's public lookup token reissued by a desk officer (the dossier itself is not changed). */
    DOSSIER,
    /** Notifications to applicants: re-sending, template edits (issue 13 §3). */
    NOTIFICATION,
    /** Synchronisation with the national portal: re-sending or discarding a refused message (issue 15 §3). */
    PORTAL
}
