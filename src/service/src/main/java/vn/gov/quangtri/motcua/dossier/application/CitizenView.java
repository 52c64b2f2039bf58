package vn.gov.quangtri.motcua.dossier.application;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import vn.gov.quangtri.motcua.dossier.domain.CitizenStatus;

/**
 * What the public lookup shows a citizen of his dossier (issue 13 §1; docs/domain.md §2.12), and nothing more:
 * never an ID number, phone, e-mail, address, officer's name or internal note. Built by {@link PublicLookup}
 * only.
 *
 * @param code           the dossier code
 * @param procedureName  the procedure as it stood at submission
 * @param receivingUnit  the receiving unit's name on the receipt date
 * @param contact        where to ask and collect: the unit's One-stop Unit (the model holds no phone number)
 * @param applicantName  the applicant's name masked ({@link vn.gov.quangtri.motcua.dossier.domain.NameMask})
 * @param status         the citizen's status
 * @param waitingFor     what is asked of the applicant while {@link CitizenStatus#WAITING_FOR_YOU}, else null
 * @param toBring        the supplement items to bring (form 02's list), empty otherwise
 * @param receivedAt     moment of receipt (null for an online submission not yet accepted)
 * @param appointment    the appointment of the receipt slip (null before receipt)
 * @param newAppointment the new appointment of an apology (form 04), else null
 * @param pausedSince    while the clock is paused (waiting for the applicant): since when; no countdown then
 * @param timeLeftVi     working time left to the (new) appointment, "Còn 2 ngày 3 giờ" / "Quá hạn 1 ngày"; empty
 *                       while paused, once finished or without an appointment
 * @param timeLeftEn     the same in English
 * @param completedAt    when the result was ready, the dossier refused or stopped; null while open
 * @param electronicResult the electronic result the citizen may download, once the result is ready (or the reasoned
 *                       refusal issued) and when the procedure issues one and it is attached; else null (issue 15 §2)
 */
public record CitizenView(String code, String procedureName, String receivingUnit, String contact,
                          String applicantName, CitizenStatus status, CitizenStatus.WaitingFor waitingFor,
                          List<String> toBring, Instant receivedAt, Instant appointment, Instant newAppointment,
                          Instant pausedSince, String timeLeftVi, String timeLeftEn, Instant completedAt,
                          ElectronicResult electronicResult)
    implements Serializable {

    /**
     * The electronic result as the public page shows it: what it is and whether its digital signature holds.
     *
     * @param title           "số 12/QĐ-UBND ngày 05/12/2026 (tệp "x.pdf")"
     * @param documentNumber  its number, or null
     * @param documentDate    its date, or null
     * @param signer          who signed it as printed, or null
     * @param signature       VALID, UNTRUSTED, INVALID or NOT_SIGNED (against the configured trust anchors)
     * @param certificateName the signing certificate's name, or null
     * @param signedAt        the signing time, or null
     * @param fileName        the file's name
     * @param sizeBytes       its size in bytes
     * @param sha256          its SHA-256, for a check of the copy
     */
    public record ElectronicResult(String title, String documentNumber, java.time.LocalDate documentDate, String signer,
                                   String signature, String certificateName, Instant signedAt, String fileName,
                                   long sizeBytes, String sha256) implements Serializable {
    }

    public CitizenView {
        toBring = List.copyOf(toBring);
    }

    /** Whether the receiving unit apologised and set a new appointment (form 04). */
    public boolean apologised() {
        return newAppointment != null;
    }
}
