package vn.gov.quangtri.motcua.dossier.application;

import vn.gov.quangtri.motcua.dossier.domain.Dossier;

/**
 * CDI event fired synchronously, inside the change's transaction, after a dossier was created or changed through
 * {@link IntakeService#lodge} or {@link DossierChanges#apply}: observers (the applicant notifications) see the history
 * events appended by the change and write what follows from them in the same transaction, so it commits or rolls back
 * with the change. An observer must not send anything itself.
 *
 * @param dossier  the dossier, still managed
 * @param afterSeq the sequence number of the latest history event before the change (0 for a new dossier): the
 *                 change's events are those after it
 */
public record DossierChanged(Dossier dossier, int afterSeq) {
}
