package vn.gov.quangtri.motcua.dossier.domain;

/**
 * Internal dossier status (dossier_statuses.csv, docs/domain.md §2.11), each mapped to the National Public
 * Service Portal's {@code TrangThaiHoSo} code 1–10.
 */
public enum DossierStatus {
    /** Submitted online, awaiting the officer's check; clock not started. */
    SUBMITTED_ONLINE(1, false),
    /** Incomplete at intake; the applicant was asked once for everything missing (form 02). */
    SUPPLEMENT_REQUESTED_AT_INTAKE(5, false),
    /** Refused at intake with reasons (form 03). */
    REFUSED(3, true),
    /** Received; receipt and appointment slip issued (form 01); clock running. */
    RECEIVED(2, false),
    /** Being handled at an internal step. */
    IN_PROCESS(4, false),
    /** At a co-operating agency (inter-agency transfer). */
    WAITING_INTERAGENCY(4, false),
    /** Supplement requested during appraisal; clock paused (docs/domain.md §3.4). */
    SUPPLEMENT_REQUESTED_IN_PROCESS(5, false),
    /** Waiting for the applicant's financial obligation; pauses the clock only where sector law says. */
    WAITING_FINANCIAL_OBLIGATION(6, false),
    /** Processing stopped at the applicant's request or by law (Decree 118/2025 art. 21; form 05). */
    STOPPED(8, true),
    /** Reasoned negative reply: a result to be returned. */
    NOT_APPROVED(9, false),
    /** Result ready at the One-stop Unit, awaiting collection. */
    RESULT_READY(9, false),
    /** Result returned to the applicant. */
    RETURNED(10, true);

    private final int portalCode;
    private final boolean terminal;

    DossierStatus(int portalCode, boolean terminal) {
        this.portalCode = portalCode;
        this.terminal = terminal;
    }

    /** National portal status code ({@code TrangThaiHoSo}, 1–10). */
    public int portalCode() {
        return portalCode;
    }

    /** True when no further transition is possible. */
    public boolean isTerminal() {
        return terminal;
    }
}
