package vn.gov.quangtri.motcua.reporting.application;

import java.math.BigDecimal;

/**
 * On-time rate of one unit over the dossiers it finished in a period (Decision 766 style: early and on
 * time merged).
 *
 * @param agencyCode unit code
 * @param agencyName unit name
 * @param resolved   dossiers finished with a result or a reasoned rejection in the period
 * @param inTime     of which early or on time
 * @param percent    inTime ÷ resolved × 100, one decimal half up; null when nothing was finished
 */
public record UnitOnTimeRate(String agencyCode, String agencyName, long resolved, long inTime, BigDecimal percent) {
}
