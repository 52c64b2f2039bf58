package vn.gov.quangtri.motcua.reporting.application;

import java.time.Instant;
import vn.gov.quangtri.motcua.calendar.domain.WorkingDuration;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;

/**
 * A dossier past its appointment and not finished (hồ sơ quá hạn), for the back-office dashboard.
 *
 * @param code              dossier code
 * @param procedureName     procedure name as received
 * @param applicantName     applicant
 * @param agencyCode        receiving unit code
 * @param agencyName        receiving unit name
 * @param status            current status
 * @param dueAt             the original appointment (extended by clock pauses only); Vietnam time for display
 * @param rescheduledDueAt  the new appointment given with an apology (form 04), or null
 * @param lateBy            overdue working time up to now (or to the start of a clock pause), in working
 *                          days / hours / minutes of the office calendar (C10); {@link WorkingDuration#toVietnamese()}
 *                          gives "Quá hạn 1 ngày 4 giờ 30 phút"
 */
public record OverdueDossier(String code, String procedureName, String applicantName, String agencyCode,
                             String agencyName, DossierStatus status, Instant dueAt, Instant rescheduledDueAt,
                             WorkingDuration lateBy) {
}
