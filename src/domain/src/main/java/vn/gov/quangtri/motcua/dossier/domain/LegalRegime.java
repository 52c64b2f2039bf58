package vn.gov.quangtri.motcua.dossier.domain;

import java.time.LocalDate;

/**
 * The one-stop legal regime a dossier is received under; a dossier keeps it for life (docs/domain.md §0).
 */
public enum LegalRegime {
    /** Decree 61/2018/NĐ-CP (as amended by Decree 107/2021) with Circular 01/2018/TT-VPCP: 21/6/2018–30/6/2025. */
    DECREE_61_2018(LocalDate.of(2018, 6, 21)),
    /** Decree 118/2025/NĐ-CP with Circular 03/2025/TT-VPCP: from 1/7/2025. */
    DECREE_118_2025(LocalDate.of(2025, 7, 1));

    private final LocalDate inForceFrom;

    LegalRegime(LocalDate inForceFrom) {
        this.inForceFrom = inForceFrom;
    }

    /** First day the regime applies. */
    public LocalDate inForceFrom() {
        return inForceFrom;
    }

    /**
     * The regime in force on a Vietnam-local date.
     *
     * @throws IllegalArgumentException for a date before 21/6/2018
     */
    public static LegalRegime inForceOn(LocalDate day) {
        if (!day.isBefore(DECREE_118_2025.inForceFrom)) {
            return DECREE_118_2025;
        }
        if (!day.isBefore(DECREE_61_2018.inForceFrom)) {
            return DECREE_61_2018;
        }
        throw new IllegalArgumentException("no one-stop regime modelled before 21/6/2018: " + day);
    }
}
