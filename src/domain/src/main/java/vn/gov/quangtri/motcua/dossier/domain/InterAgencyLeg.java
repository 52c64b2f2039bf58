package vn.gov.quangtri.motcua.dossier.domain;

import java.time.Instant;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;

/**
 * The inter-agency legs of a dossier (liên thông, docs/domain.md §2.6), part of the {@link Dossier} aggregate: the
 * dossier waits while a co-operating agency performs the current step, then takes back its result or its refusal;
 * a child dossier received by transfer returns its own result to the agency that sent it. The transfer itself (the
 * messages, the partner's answers) is {@code interagency.domain.InterAgencyTransfer}; these are the dossier's side
 * of it. Each action first runs the aggregate's check of the lifecycle table and {@link ActionRefusals}, so an
 * illegal one throws {@link ConflictException} and changes nothing.
 */
public final class InterAgencyLeg {

    private InterAgencyLeg() {
    }

    /**
     * The dossier goes to a co-operating agency for the current step (a leg of an inter-agency procedure):
     * status WAITING_INTERAGENCY with the history line "Chờ liên thông: &lt;agency&gt; từ HH:mm dd/MM/yyyy"
     * (Vietnam time). The appointment does not move: the leg's time is a share of it. Also used for the
     * next leg of a chain while the dossier is already waiting.
     *
     * @param stepPosition the internal step the leg performs; must be the current step
     * @throws ConflictException {@code NOT_AT_LEG_STEP} when the dossier is at another step
     */
    public static void awaitInterAgency(Dossier d, Instant at, String actor, String agencyName, int stepPosition,
                                        String note) {
        d.requireAllowed(DossierAction.TRANSFER_OUT, at, null);
        Integer current = d.currentStep();
        if (current == null || current != stepPosition) {
            throw new ConflictException("NOT_AT_LEG_STEP", "Dossier " + d.code() + " is at step " + current
                + "; this inter-agency leg belongs to step " + stepPosition);
        }
        d.transition(at, actor, DossierAction.TRANSFER_OUT, d.status(), DossierStatus.WAITING_INTERAGENCY, current,
            HistoryText.awaitingPartner(agencyName, at, note));
    }

    /**
     * The co-operating agency returned its result: the current step is completed (timeliness against the
     * step's deadline) and the next step starts. With {@code resume} the dossier is back IN_PROCESS at the
     * desk's side; without, it keeps waiting because the next leg is transferred at once. After the last
     * step the result is ready.
     *
     * @param summary the partner's result summary, may be null (cut to 2000 characters)
     */
    public static void interAgencyResult(Dossier d, Instant at, String actor, String agencyName, boolean resume,
                                         String summary, WorkingCalendar calendar) {
        d.requireAllowed(DossierAction.INTERAGENCY_RESULT, at, calendar);
        d.advance(at, actor, DossierAction.INTERAGENCY_RESULT, HistoryText.partnerResult(agencyName, summary),
            calendar, resume);
    }

    /**
     * The co-operating agency refused the transfer: back IN_PROCESS at the same step, so the officers decide
     * (correct and transfer again, request a supplement, or disapprove).
     */
    public static void interAgencyRejected(Dossier d, Instant at, String actor, String agencyName, String reason) {
        d.requireAllowed(DossierAction.INTERAGENCY_REJECTED, at, null);
        d.transition(at, actor, DossierAction.INTERAGENCY_REJECTED, d.status(), DossierStatus.IN_PROCESS,
            d.currentStep(), HistoryText.partnerRefusal(agencyName, reason));
    }

    /**
     * Returns a child dossier's result to the agency that sent it (instead of to the applicant).
     *
     * @throws ConflictException {@code NOT_INTERAGENCY_CHILD} for an ordinary dossier
     */
    public static void returnToSender(Dossier d, Instant at, String actor, String sendingAgencyName, String note) {
        d.requireAllowed(DossierAction.RETURN_TO_SENDER, at, null);
        d.transition(at, actor, DossierAction.RETURN_TO_SENDER, d.status(), DossierStatus.RETURNED, null, note);
        d.handedOver(ResultHandOver.toSender(at, sendingAgencyName));
    }
}
