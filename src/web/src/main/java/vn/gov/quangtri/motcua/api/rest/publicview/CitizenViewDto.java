package vn.gov.quangtri.motcua.api.rest.publicview;

import java.util.List;
import vn.gov.quangtri.motcua.api.rest.Times;
import vn.gov.quangtri.motcua.dossier.application.CitizenView;

/**
 * The public lookup's answer (issue 13 §1): the citizen's view of a dossier, times as ISO-8601 with the Vietnam
 * offset. No ID number, phone, e-mail, address, officer or internal note, by construction ({@link CitizenView}).
 *
 * @param status         RECEIVED, IN_PROCESS, WAITING_FOR_YOU, WAITING_FOR_OTHER_AGENCY, RESULT_READY, RETURNED,
 *                       REFUSED or STOPPED
 * @param waitingFor     SUPPLEMENT or FINANCIAL_OBLIGATION while WAITING_FOR_YOU, else null
 * @param toBring        the supplement items to bring, in order
 * @param apologised     the unit apologised and set {@code newAppointment} (form 04)
 * @param paused         the clock is paused (waiting for the applicant): no countdown
 * @param timeLeft       working time left to the (new) appointment in Vietnamese, empty when paused or finished
 * @param timeLeftEn     the same in English
 * @param electronicResult the electronic result once issued, where the procedure issues one (issue 15 §2), else null;
 *                       its bytes: {@code GET /api/v1/public/lookup/result} with the same code and secret
 */
public record CitizenViewDto(String code, String procedureName, String receivingUnit, String contact,
                             String applicantName, String status, String waitingFor, List<String> toBring,
                             String receivedAt, String appointment, String newAppointment, boolean apologised,
                             boolean paused, String pausedSince, String timeLeft, String timeLeftEn,
                             String completedAt, ElectronicResultDto electronicResult) {

    /**
     * The electronic result: what it is and whether its digital signature holds against the configured trust anchors.
     *
     * @param signature VALID, UNTRUSTED, INVALID or NOT_SIGNED
     */
    public record ElectronicResultDto(String title, String documentNumber, String documentDate, String signer,
                                      String signature, String certificateName, String signedAt, String fileName,
                                      long sizeBytes, String sha256) {
    }

    /** Maps the application's view. */
    public static CitizenViewDto of(CitizenView v) {
        return new CitizenViewDto(v.code(), v.procedureName(), v.receivingUnit(), v.contact(), v.applicantName(),
            v.status().name(), v.waitingFor() == null ? null : v.waitingFor().name(), v.toBring(),
            Times.format(v.receivedAt()), Times.format(v.appointment()), Times.format(v.newAppointment()),
            v.apologised(), v.pausedSince() != null, Times.format(v.pausedSince()), v.timeLeftVi(), v.timeLeftEn(),
            Times.format(v.completedAt()), v.electronicResult() == null ? null : result(v.electronicResult()));
    }

    private static ElectronicResultDto result(CitizenView.ElectronicResult r) {
        return new ElectronicResultDto(r.title(), r.documentNumber(),
            r.documentDate() == null ? null : r.documentDate().toString(), r.signer(), r.signature(), r.certificateName(),
            Times.format(r.signedAt()), r.fileName(), r.sizeBytes(), r.sha256());
    }
}
