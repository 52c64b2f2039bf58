package vn.gov.quangtri.motcua.dossier.application;

import java.time.Instant;
import java.util.List;
import vn.gov.quangtri.motcua.dossier.domain.Applicant;
import vn.gov.quangtri.motcua.dossier.domain.Channel;
import vn.gov.quangtri.motcua.dossier.domain.DocumentLine;

/**
 * A new dossier as the desk (or the national portal) hands it in.
 *
 * @param procedureCode       national or local procedure code
 * @param receivingAgencyCode internal code of the receiving unit (its electronic identifier starts the dossier code)
 * @param channel             direct, postal or online
 * @param applicant           the applicant
 * @param documents           documents handed in
 * @param submittedAt         when it arrived (postal arrival, online submission); null = now; never in the future
 * @param outcome             the officer's intake decision; ignored for online submissions (they await the check)
 * @param missingItems        for {@link IntakeOutcome#REQUEST_SUPPLEMENT}: everything missing, all at once
 * @param refusalReason       for {@link IntakeOutcome#REFUSE}
 * @param note                free note for the history
 */
public record IntakeRequest(String procedureCode, String receivingAgencyCode, Channel channel, Applicant applicant,
                            List<DocumentLine> documents, Instant submittedAt, IntakeOutcome outcome,
                            List<String> missingItems, String refusalReason, String note) {
}
