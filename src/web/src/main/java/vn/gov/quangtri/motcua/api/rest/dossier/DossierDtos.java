package vn.gov.quangtri.motcua.api.rest.dossier;

import java.math.BigDecimal;
import java.util.List;

/** JSON shapes of dossiers. Moments are ISO-8601 strings with {@code +07:00}. */
public final class DossierDtos {

    private DossierDtos() {
    }

    /** Applicant in requests and responses; kind INDIVIDUAL or ORGANISATION. */
    public record ApplicantDto(String kind, String name, String idNumber, String phone, String email, String address) {
    }

    /**
     * A document handed in.
     *
     * @param requiredPosition position of the procedure's required document it satisfies (see GET /procedures/{code}),
     *                         or null for an extra paper
     * @param name             name; defaults to the required document's name
     * @param form             ORIGINAL, CERTIFIED_COPY, COPY or ANY
     * @param quantity         copies, default 1
     */
    public record DocumentDto(Integer requiredPosition, String name, String form, Integer quantity) {
    }

    /**
     * Body of {@code POST /api/v1/dossiers}.
     *
     * @param submittedAt arrival or online submission moment (default now; never in the future)
     * @param outcome     RECEIVE (default), REQUEST_SUPPLEMENT or REFUSE; ignored for ONLINE
     */
    public record IntakeDto(String procedureCode, String receivingAgencyCode, String channel, ApplicantDto applicant,
                            List<DocumentDto> documents, String submittedAt, String outcome,
                            List<String> missingItems, String refusalReason, String note) {
    }

    /**
     * Body of the action endpoints; each action reads the fields it needs.
     *
     * @param expectedVersion the dossier version the caller saw; a mismatch gives 409 CONCURRENT_CHANGE
     */
    public record ActionDto(String note, String reason, String handler, List<String> items, String receivedBy,
                            String method, Long expectedVersion) {
    }

    /** Working time left (or overdue) as days/hours/minutes of office time. */
    public record TimeLeftDto(boolean overdue, long days, long hours, long minutes, String text, String textEn) {
    }

    /** A step of the control sheet. */
    public record StepDto(int position, String name, String role, String kind, String responsibleUnit,
                          long allottedMinutes, String startedAt, String dueAt, String completedAt, String handler,
                          String completedBy, String timeliness, String note) {
    }

    /** One history event. */
    public record EventDto(int seq, String at, String actor, String action, String fromStatus, String toStatus,
                           Integer step, String reason) {
    }

    /** The procedure as the dossier was received under it. */
    public record ProcedureRefDto(String code, String name, String field, int revision, BigDecimal timeLimitValue,
                                  String timeLimitUnit, Long feeVnd) {
    }

    /** Receiving agency. */
    public record AgencyRefDto(String code, String name, String edocCode) {
    }

    /** A dossier with its current step, deadlines and full history. */
    public record DossierDto(String code, String status, int portalStatus, String regime, ProcedureRefDto procedure,
                             AgencyRefDto receivingAgency, String channel, ApplicantDto applicant,
                             List<DocumentDto> documents, String submittedAt, String receivedAt, String clockStartedAt,
                             String dueAt, String pausedAt, String completedAt, String returnedAt, String timeliness,
                             int supplementCount, String returnedTo, String returnMethod, TimeLeftDto timeLeft,
                             StepDto currentStep, List<StepDto> steps, List<EventDto> history, long version) {
    }

    /** A dossier in search results. */
    public record DossierSummaryDto(String code, String status, String procedureCode, String procedureName,
                                    String receivingAgencyCode, String channel, String applicantName,
                                    String submittedAt, String receivedAt, String dueAt, String completedAt,
                                    String timeliness, Integer currentStep) {
    }

    /** A page of dossiers. */
    public record DossierPageDto(long total, int offset, int limit, List<DossierSummaryDto> items) {
    }
}
