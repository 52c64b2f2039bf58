package vn.gov.quangtri.motcua.agency.application;

import java.time.LocalDate;
import vn.gov.quangtri.motcua.agency.domain.AgencyKind;
import vn.gov.quangtri.motcua.agency.domain.AgencyLevel;

/**
 * A unit to create ({@link AgencyAdministration#create}).
 *
 * @param code             internal key, unique, e.g. {@code QT25.XA_VINH_LINH}
 * @param name             Vietnamese name
 * @param level            administrative level
 * @param kind             kind of unit
 * @param parentCode       code of the parent unit (null only for a province)
 * @param validFrom        first day of existence, Vietnam local date
 * @param edocCode         electronic identifier (Decision 20/2020/QĐ-TTg), unique, or null
 * @param receivesDossiers true for a unit with a One-stop desk (then {@code edocCode} is required)
 */
public record NewAgency(String code, String name, AgencyLevel level, AgencyKind kind, String parentCode,
                        LocalDate validFrom, String edocCode, boolean receivesDossiers) {
}
