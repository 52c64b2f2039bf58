package vn.gov.quangtri.motcua.reporting.application;

import java.time.Instant;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;

/**
 * One dossier behind a figure of the period report (issue 14 §2).
 *
 * @param receivedAt  acceptance, null for a dossier refused at intake
 * @param dueAt       the original appointment (an apology does not move it), or null
 * @param completedAt result ready, reasoned rejection or stop, or null
 * @param parentCode  for a child of an inter-agency transfer, the citizen's (parent) dossier code; else null
 */
public record PeriodDossier(String code, String agencyCode, String procedureCode, String procedureName,
                            String applicantName, Instant receivedAt, Instant dueAt, Instant completedAt,
                            DossierStatus status, String parentCode) {
}
