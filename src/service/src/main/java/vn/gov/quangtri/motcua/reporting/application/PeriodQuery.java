package vn.gov.quangtri.motcua.reporting.application;

import java.util.Objects;
import vn.gov.quangtri.motcua.agency.domain.AgencyLevel;
import vn.gov.quangtri.motcua.reporting.domain.ReportGrouping;
import vn.gov.quangtri.motcua.reporting.domain.ReportPeriod;

/**
 * What the period report of issue 14 §2 is asked for (docs/domain.md §6.1).
 *
 * @param period   Vietnam-local days
 * @param groupBy  row grouping
 * @param agency   only this unit and the units under it (null = the caller's whole scope)
 * @param field    only dossiers of procedures in this field (null = all)
 * @param level    only units of this level (null = all)
 * @param workload per-agency workload view (inter-agency children counted) instead of the province view
 */
public record PeriodQuery(ReportPeriod period, ReportGrouping groupBy, String agency, String field, AgencyLevel level,
                          boolean workload) {

    public PeriodQuery {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(groupBy, "groupBy");
        agency = agency == null || agency.isBlank() ? null : agency.strip();
        field = field == null || field.isBlank() ? null : field.strip();
    }
}
