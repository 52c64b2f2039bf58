package vn.gov.quangtri.motcua.account.domain;

import vn.gov.quangtri.motcua.catalogue.domain.StepRole;

/**
 * What a back-office account may do. An account holds one or more roles and belongs to one agency unit
 * (docs/domain.md §2: Bộ phận Một cửa, chuyên viên, lãnh đạo).
 */
public enum Role {
    /** Desk officer of the One-stop Unit: receives dossiers, prints slips, returns results. */
    DESK_OFFICER("Cán bộ tiếp nhận và trả kết quả", "Desk officer"),
    /** Specialist who appraises dossiers (chuyên viên xử lý). */
    SPECIALIST("Chuyên viên xử lý", "Specialist"),
    /** Leader who approves, signs, stops or rejects (lãnh đạo phê duyệt). */
    LEADER("Lãnh đạo phê duyệt", "Leader"),
    /** Administrator of one agency and its units: accounts, procedures of the unit, tracking book. */
    AGENCY_ADMIN("Quản trị đơn vị", "Agency administrator"),
    /** Administrator of the whole system: agencies, catalogue, calendar, all accounts. */
    SYSTEM_ADMIN("Quản trị hệ thống", "System administrator"),
    /**
     * Device account of a unit's rating kiosk (touch screen at the desk, issue 13 §2): may only rate returned
     * dossiers of its unit tree; sees no dossier. Held alone.
     */
    KIOSK("Kiosk đánh giá (thiết bị)", "Rating kiosk (device)");

    private final String vietnamese;
    private final String english;

    Role(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    /** @return the role's name for the user interface in Vietnamese ({@code "vi"}) or English (anything else) */
    public String label(String language) {
        return "vi".equals(language) ? vietnamese : english;
    }

    /** Role names in a language ({@code "vi"} or English), comma separated, in the enum's order. */
    public static String labels(java.util.Collection<Role> roles, String language) {
        return String.join(", ", roles.stream().sorted().map(r -> r.label(language)).toList());
    }

    /**
     * Whether a holder of this role performs internal process steps of the given kind.
     * Records-clerk steps (văn thư) are done by the desk or a specialist, since the clerk has no account of
     * their own in most communes.
     */
    public boolean performs(StepRole step) {
        return switch (step) {
            case ONE_STOP_OFFICER -> this == DESK_OFFICER;
            case SPECIALIST -> this == SPECIALIST;
            case LEADER -> this == LEADER;
            case CLERK -> this == DESK_OFFICER || this == SPECIALIST;
        };
    }
}
