package vn.gov.quangtri.motcua.reporting.application;

import java.time.Instant;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.dossier.domain.Timeliness;

/**
 * One line of the dossier tracking book (Sổ theo dõi hồ sơ, form 07 of Circular 03/2025/TT-VPCP;
 * column list reconstructed in docs/domain.md §2.3, unconfirmed). Moments are instants, shown in
 * Asia/Ho_Chi_Minh.
 *
 * @param sequence          running number in the book (1-based, in receipt order over the whole filter)
 * @param code              dossier code
 * @param procedureName     procedure name as received
 * @param numberOfSets      number of dossier sets (số bộ hồ sơ); the system records one set per dossier
 * @param applicantName     applicant
 * @param applicantAddress  address, may be null
 * @param applicantPhone    phone, may be null
 * @param receivingAgency   receiving unit name
 * @param leadAgency        lead deciding agency (cơ quan chủ trì giải quyết): the receiving unit, or for a
 *                          child dossier of an inter-agency transfer the agency that sent it
 * @param receivedAt        received (tiếp nhận)
 * @param dueAt             appointment (hẹn trả), original
 * @param rescheduledDueAt  new appointment given with an apology, or null
 * @param transferredAt     handed from the One-stop Unit to the deciding unit (end of the desk step), or null
 * @param resultReadyAt     result (or reasoned rejection) back at the One-stop Unit, or null
 * @param returnedAt        returned to the applicant, or null
 * @param returnedTo        who collected it, or null
 * @param status            current status
 * @param timeliness        early / on time / late once finished, or null
 * @param notes             Vietnamese notes (stopped, refused result, apology, lateness), may be empty
 * @param parentCode        for a child dossier received by inter-agency transfer, the code of the dossier it
 *                          belongs to (hồ sơ gốc, {@code Dossier.origin().parentCode()}); null otherwise
 */
public record TrackingBookRow(long sequence, String code, String procedureName, int numberOfSets,
                              String applicantName, String applicantAddress, String applicantPhone,
                              String receivingAgency, String leadAgency, Instant receivedAt, Instant dueAt,
                              Instant rescheduledDueAt, Instant transferredAt, Instant resultReadyAt,
                              Instant returnedAt, String returnedTo, DossierStatus status, Timeliness timeliness,
                              String notes, String parentCode) {

    /** A row of a dossier that is not an inter-agency child (no parent code). */
    public TrackingBookRow(long sequence, String code, String procedureName, int numberOfSets, String applicantName,
                           String applicantAddress, String applicantPhone, String receivingAgency, String leadAgency,
                           Instant receivedAt, Instant dueAt, Instant rescheduledDueAt, Instant transferredAt,
                           Instant resultReadyAt, Instant returnedAt, String returnedTo, DossierStatus status,
                           Timeliness timeliness, String notes) {
        this(sequence, code, procedureName, numberOfSets, applicantName, applicantAddress, applicantPhone,
            receivingAgency, leadAgency, receivedAt, dueAt, rescheduledDueAt, transferredAt, resultReadyAt, returnedAt,
            returnedTo, status, timeliness, notes, null);
    }
}
