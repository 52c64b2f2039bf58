package vn.gov.quangtri.motcua.reporting.application;

import java.time.LocalDate;
import java.util.Collection;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;

/**
 * Filters of the dossier tracking book; every field is optional (null = no filter).
 *
 * @param agencyCodes   receiving units; null = whole province, empty = nothing
 * @param receivedFrom  received on or after this Vietnam-local day
 * @param receivedTo    received on or before this Vietnam-local day (inclusive)
 * @param procedureCode procedure code as received
 * @param field         procedure field (lĩnh vực) as received, exact text, e.g. "Hộ tịch"
 * @param status        current status
 */
public record TrackingBookFilter(Collection<String> agencyCodes, LocalDate receivedFrom, LocalDate receivedTo,
                                 String procedureCode, String field, DossierStatus status) {

    /** No filter: every received dossier of the province. */
    public static TrackingBookFilter all() {
        return new TrackingBookFilter(null, null, null, null, null, null);
    }
}
