package vn.gov.quangtri.motcua.reporting.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;

/**
 * The back-office dashboard of a scope (a set of units, or the whole province).
 *
 * @param asOf           the moment the figures were taken
 * @param countsByStatus number of dossiers in each status (every status present, zeros included)
 * @param overdueTotal   number of overdue dossiers in the scope
 * @param overdue        the most overdue ones first, at most the requested number
 * @param onTimeThisMonth on-time rate per unit for the current Vietnam calendar month, every unit of the scope
 */
public record Dashboard(Instant asOf, Map<DossierStatus, Long> countsByStatus, long overdueTotal,
                       List<OverdueDossier> overdue, List<UnitOnTimeRate> onTimeThisMonth) {
}
