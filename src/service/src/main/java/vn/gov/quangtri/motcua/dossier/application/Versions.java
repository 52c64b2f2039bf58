package vn.gov.quangtri.motcua.dossier.application;

import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;

/** Optimistic check for actions taken on a screen (or by a client) that may be stale (docs/cases.md C23). */
public final class Versions {

    private Versions() {
    }

    /**
     * @param expected the version the caller saw, or null to skip the check
     * @throws ConflictException when the dossier changed since
     */
    public static void check(Dossier dossier, Long expected) {
        if (expected != null && expected != dossier.version()) {
            throw new ConflictException("CONCURRENT_CHANGE", "Dossier " + dossier.code()
                + " was changed by someone else (version " + dossier.version() + ", you saw " + expected
                + "); reload it and try again");
        }
    }
}
