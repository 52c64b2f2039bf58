package vn.gov.quangtri.motcua.reporting.domain;

import java.util.Locale;
import vn.gov.quangtri.motcua.agency.domain.AgencyLevel;

/** How the rows of the period report are formed (docs/domain.md §6). */
public enum ReportGrouping {
    /** One row per receiving unit (the default; every unit of the scope appears, with zeros). */
    AGENCY,
    /** One row per field of the procedure (lĩnh vực). */
    FIELD,
    /** One row per administrative level of the receiving unit (every level appears). */
    LEVEL,
    /** One row per procedure (by procedure code). */
    PROCEDURE;

    /** Key of a dossier's row under this grouping; never null ("" when the fact is unknown). */
    public String keyOf(DossierFacts d) {
        String key = switch (this) {
            case AGENCY -> d.agencyCode();
            case FIELD -> d.field();
            case LEVEL -> d.agencyLevel() == null ? null : d.agencyLevel().name();
            case PROCEDURE -> d.procedureCode();
        };
        return key == null ? "" : key;
    }

    /** Vietnamese label of a level row. */
    public static String levelLabel(AgencyLevel level) {
        return switch (level) {
            case PROVINCE -> "Cấp tỉnh";
            case DEPARTMENT -> "Sở, ban, ngành";
            case DISTRICT -> "Cấp huyện";
            case COMMUNE -> "Cấp xã";
        };
    }

    /** Lower-case name as used in the API ({@code agency}). */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The grouping of an API value, case-insensitive; null or blank = {@link #AGENCY}.
     *
     * @throws IllegalArgumentException for an unknown value
     */
    public static ReportGrouping parse(String value) {
        if (value == null || value.isBlank()) {
            return AGENCY;
        }
        for (ReportGrouping g : values()) {
            if (g.name().equalsIgnoreCase(value.trim())) {
                return g;
            }
        }
        throw new IllegalArgumentException("Unknown groupBy: " + value);
    }
}
