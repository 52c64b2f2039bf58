package vn.gov.quangtri.motcua.api.rest.dossier;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.gov.quangtri.motcua.api.rest.Times;

/** JSON shapes of dossiers. Moments are ISO-8601 strings with {@code +07:00}. */
public final class DossierDtos {

    private DossierDtos() {
    }

    /** Applicant in requests and responses; kind INDIVIDUAL or ORGANISATION. */
    public record ApplicantDto(
        @Schema(enumeration = {"INDIVIDUAL", "ORGANISATION"}, defaultValue = "INDIVIDUAL") String kind,
        @Schema(required = true, maxLength = 300) String name,
        @Schema(maxLength = 30, description = "citizen ID (CCCD) or enterprise/tax code") String idNumber,
        @Schema(maxLength = 30) String phone,
        @Schema(maxLength = 200) String email,
        @Schema(maxLength = 500) String address,
        @Schema(enumeration = {"vi", "en"}, defaultValue = "vi",
            description = "language of the applicant's notifications (e-mail, SMS, Zalo)") String language) {
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
    public record DocumentDto(
        @Schema(description = "position in the procedure's documents (GET /procedures/{code})") Integer requiredPosition,
        @Schema(maxLength = 1000) String name,
        @Schema(enumeration = {"ORIGINAL", "CERTIFIED_COPY", "COPY", "ANY"}, defaultValue = "ANY") String form,
        @Schema(minimum = "1", maximum = "1000", defaultValue = "1") Integer quantity) {
    }

    /**
     * Body of {@code POST /api/v1/dossiers}.
     *
     * @param submittedAt arrival or online submission moment (default now; never in the future)
     * @param outcome     RECEIVE (default), REQUEST_SUPPLEMENT or REFUSE; ignored for ONLINE
     */
    public record IntakeDto(
        @Schema(required = true, example = "H50-L006") String procedureCode,
        @Schema(required = true, example = "QT25.XA_VINH_LINH") String receivingAgencyCode,
        @Schema(enumeration = {"DIRECT", "ONLINE", "POSTAL"}, defaultValue = "DIRECT") String channel,
        @Schema(required = true) ApplicantDto applicant,
        @Schema(maxItems = 200) List<DocumentDto> documents,
        @Schema(example = "2026-03-02T10:00:00+07:00", description = "ISO-8601; Vietnam time when no offset") String submittedAt,
        @Schema(enumeration = {"RECEIVE", "REQUEST_SUPPLEMENT", "REFUSE"}, defaultValue = "RECEIVE") String outcome,
        @Schema(description = "for REQUEST_SUPPLEMENT: every missing item; 4000 characters in all") List<String> missingItems,
        @Schema(maxLength = 4000) String refusalReason,
        @Schema(maxLength = 4000) String note) {
    }

    /**
     * Body of the action endpoints; each action reads the fields it needs.
     *
     * @param expectedVersion the dossier version the caller saw; a mismatch gives 409 CONCURRENT_CHANGE
     */
    public record ActionDto(
        @Schema(maxLength = 4000) String note,
        @Schema(maxLength = 4000, description = "required by refuse, reject, stop, request-financial-obligation") String reason,
        @Schema(maxLength = 100, description = "assign: user name of the handler") String handler,
        @Schema(description = "request-supplement: every missing item, all at once") List<String> items,
        @Schema(maxLength = 300, description = "return-result: who collected the result") String receivedBy,
        @Schema(enumeration = {"DIRECT", "POSTAL", "ONLINE"}, defaultValue = "DIRECT") String method,
        @Schema(description = "the version the caller saw; a mismatch gives 409 CONCURRENT_CHANGE") Long expectedVersion,
        @Schema(description = "reschedule: the new appointment, ISO-8601", example = "2026-03-12T10:00:00+07:00") String newDueAt,
        @Schema(description = "transfer: the procedure's inter-agency leg (1, 2, …)", example = "1") Integer leg,
        @Schema(maxLength = 40, description = "transfer: the co-operating agency, required when the leg names only a kind of agency",
            example = "QT25.SNNMT") String receivingAgencyCode,
        @Schema(description = "resume after a supplement request: the requested items handed in, each as requested;"
            + " omitted = all of them; 422 UNKNOWN_ITEM for an item not requested, RECEIVED_ITEMS_REQUIRED for an empty list")
            List<String> receivedItems,
        @Schema(description = "when the action happened, ISO-8601 with offset; omitted = now. Not in the future, not"
            + " before the dossier's latest event (422 FUTURE_TIME, OUT_OF_ORDER); more than 1 working day back needs"
            + " backdatingReason (422 BACKDATING_REASON_REQUIRED); more than 3 needs a leader's approval: the answer is then"
            + " 202 Accepted with the backdating request (see /api/v1/backdating-requests) and the dossier does not"
            + " change until a leader approves. Deadlines, pauses and the early/on-time/late class use this time; the history"
            + " shows it beside the recording time", example = "2026-03-13T16:30:00+07:00") String occurredAt,
        @Schema(maxLength = 4000, description = "why the action is keyed late (see occurredAt)") String backdatingReason,
        @Schema(maxLength = 60, description = "approve, reject: number of the signed decision or reply letter",
            example = "125/QĐ-UBND") String decisionNumber,
        @Schema(description = "approve, reject: the date it was signed, YYYY-MM-DD; not after the action's day"
            + " (422 DECISION_AFTER_ACTION), not before the receipt (422 DECISION_BEFORE_RECEIPT)",
            example = "2026-03-13") String decisionDate,
        @Schema(maxLength = 200, description = "approve, reject: who signed it", example = "Phó Chủ tịch UBND xã Lê Văn B")
            String decisionSigner) {
    }

    /**
     * One inter-agency transfer of a dossier, as the sending side (parent) or the receiving side (child) sees it.
     *
     * @param side          SENDER (we transferred our dossier) or RECEIVER (our child dossier came from a partner)
     * @param dueAt         when the leg's share of the legal time ends (working days counted from the transfer)
     * @param timeliness    the leg's timeliness once its result is in (ON_TIME or LATE against {@code dueAt}), else null
     * @param reconciliation what the transfer reconciliation found and is still open (a mismatch with the partner, a
     *                      re-send, a partner that could not be asked), else null
     * @param files         on the receiving side, the files the sender announced and how their download stands
     *                      (issue 15 §1); empty on the sending side (its files are the dossier's own)
     */
    public record TransferDto(String transferId, String side, int leg, String parentCode, String childCode,
                              String sendingAgencyCode, String receivingAgencyCode, String receivingAgencyName,
                              String partnerCode, String action, String status, String transferredAt, String statusAt,
                              String dueAt, String resultAt, String resultSummary, String rejectionReason,
                              String timeliness, int ignoredUpdates, ReconciliationDto reconciliation,
                              List<TransferFileDto> files) {
    }

    /**
     * A file a partner announced with a transfer to us.
     *
     * @param name      its name as sent
     * @param component the component it copies, or null
     * @param sizeBytes announced size
     * @param sha256    announced SHA-256
     * @param state     PENDING (not yet fetched, or waiting for another attempt), RECEIVED (checked and attached as
     *                  file {@code fileId} of the dossier) or REFUSED
     * @param reason    why the last attempt failed or why it was refused (Vietnamese for a mismatch), else null
     * @param attempts  download attempts so far
     * @param endedAt   when it was received or refused (Vietnam time), else null
     * @param fileId    the dossier's file once received, else null
     */
    public record TransferFileDto(String name, Integer component, long sizeBytes, String sha256, String state,
                                  String reason, int attempts, String endedAt, Long fileId) {
    }

    /**
     * An open finding of the transfer reconciliation on a transfer (docs/interagency.md "Reconciliation").
     *
     * @param kind          MISMATCH, RESENT or SKIPPED
     * @param partnerStatus the partner's status when it answered one
     * @param reason        why, with both statuses and moments (English; Vietnam time)
     */
    public record ReconciliationDto(String kind, String partnerStatus, String partnerStatusAt, String reason,
                                    String firstSeenAt, String lastSeenAt, int seenCount) {
    }

    /** Working time left (or overdue) as days/hours/minutes of office time. */
    public record TimeLeftDto(boolean overdue, long days, long hours, long minutes, String text, String textEn) {
    }

    /** A step of the control sheet. */
    public record StepDto(int position, String name, String role, String kind, String responsibleUnit,
                          long allottedMinutes, String startedAt, String dueAt, String completedAt, String handler,
                          String completedBy, String timeliness, String note) {
    }

    /**
     * One history event.
     *
     * @param at         the moment the event refers to (e.g. a postal dossier's arrival)
     * @param recordedAt when the system recorded it
     * @param reason     reason or note in words; supplement requests and resumes list their items one per line
     * @param items      the items concerned: requested (request-supplement) or handed in (resume); else empty
     */
    public record EventDto(int seq, String at, String recordedAt, String actor, String action, String fromStatus,
                           String toStatus, Integer step, String reason,
                           @Schema(description = "request-supplement: the items requested; resume: the items handed in")
                           List<String> items,
                           @Schema(description = "resume, reschedule: the appointment before the event moved it")
                           String dueBefore,
                           @Schema(description = "resume, reschedule: the appointment after the event moved it")
                           String dueAfter,
                           @Schema(description = "why the event was keyed well after it happened") String backdatingReason,
                           @Schema(description = "the leader who approved the late keying") String backdatingApprovedBy,
                           @Schema(description = "approve, reject: the signed decision, when given") DecisionDto decision) {
    }

    /** The signed decision behind an approval or a reasoned rejection. */
    public record DecisionDto(String number, String date, String signer) {
    }

    /**
     * An action dated so far back that it waits for a leader (202 answer of an action; /api/v1/backdating-requests).
     *
     * @param id           the request's id
     * @param status       PENDING, APPROVED or REFUSED
     * @param action       the action waiting (RECEIVE, COMPLETE_STEP, APPROVE, …)
     * @param occurredAt   the business time the officer gave
     * @param requestedAt  when the officer keyed it
     * @param basedOnEvent the dossier's latest event when it was keyed; approval needs it still to be the latest
     */
    public record BackdatingRequestDto(long id, String dossierCode, String unitCode,
                                       @Schema(enumeration = {"PENDING", "APPROVED", "REFUSED", "LAPSED"},
                                           description = "LAPSED: the dossier changed before a leader decided")
                                       String status, String action,
                                       String occurredAt, String reason, String requestedBy, String requestedAt,
                                       String decidedBy, String decidedAt, String decisionNote,
                                       @Schema(description = "what the officer entered with the action, as it will be"
                                           + " applied on approval") ActionContentDto content) {

        /** A backdating request as the API shows it. */
        public static BackdatingRequestDto of(vn.gov.quangtri.motcua.dossier.domain.BackdatingRequest r) {
            var c = vn.gov.quangtri.motcua.dossier.application.DossierCommand.fromJson(r.command());
            var d = c.decision();
            return new BackdatingRequestDto(r.id(), r.dossierCode(), r.unitCode(), r.status().name(),
                r.action().name(), Times.format(r.occurredAt()), r.reason(), r.requestedBy(),
                Times.format(r.requestedAt()), r.decidedBy(), Times.format(r.decidedAt()), r.decisionNote(),
                new ActionContentDto(c.note(), c.reason(), c.handler(), c.items(), c.receivedItems(),
                    Times.format(c.newDueAt()), c.receivedBy(), c.method(), d == null ? null
                    : new DecisionDto(d.number(), d.date() == null ? null : d.date().toString(), d.signer())));
        }
    }

    /** The fields of an action kept by a backdating request (only those the action uses are set). */
    public record ActionContentDto(String note, String reason, String handler, List<String> items,
                                   List<String> receivedItems, String newDueAt, String receivedBy, String method,
                                   DecisionDto decision) {
    }

    /** The procedure as the dossier was received under it. */
    public record ProcedureRefDto(String code, String name, String field, int revision, BigDecimal timeLimitValue,
                                  String timeLimitUnit, Long feeVnd) {
    }

    /** Receiving agency. */
    public record AgencyRefDto(String code, String name, String edocCode) {
    }

    /**
     * A dossier with its current step, deadlines and full history.
     *
     * @param apologyDue whether reschedule is allowed now ({@code Dossier.apologyDue})
     * @param parentCode for a child dossier received by transfer (liên thông): the sending agency's dossier code
     *                   (the citizen's code), else null; {@code parentLeg} is then the leg it was sent for
     */
    public record DossierDto(String code, String status, int portalStatus, String regime, ProcedureRefDto procedure,
                             AgencyRefDto receivingAgency, String channel, ApplicantDto applicant,
                             List<DocumentDto> documents, String submittedAt, String receivedAt, String clockStartedAt,
                             String dueAt, String rescheduledDueAt, String pausedAt, String completedAt, String returnedAt, String timeliness,
                             int supplementCount, String returnedTo, String returnMethod, TimeLeftDto timeLeft,
                             StepDto currentStep, List<StepDto> steps, List<EventDto> history, long version,
                             String parentCode, Integer parentLeg,
                             @Schema(description = "whether an apology with a new appointment (reschedule) is allowed now:"
                                 + " overdue, or less working time left than the steps not yet started need (Decree 118/2025,"
                                 + " form 04); reschedule answers 409 NOT_LATE otherwise")
                             boolean apologyDue,
                             @Schema(description = "the lifecycle actions the signed-in account may take now (its units, its"
                                 + " roles at the current step, the dossier's status and state), e.g. COMPLETE_STEP, APPROVE,"
                                 + " RESCHEDULE; the verb of each is POST /dossiers/{code}/<verb> (docs/domain.md §2.11)")
                             List<String> allowedActions,
                             @Schema(description = "only in the intake answer (POST /dossiers), null elsewhere: the"
                                 + " applicant's other open dossiers in the caller's units, found by the same ID number or"
                                 + " the same full name and phone; a warning, never a refusal (GET"
                                 + " /dossiers/open-of-applicant lists the same before lodging)")
                             List<OtherOpenDossierDto> otherOpenDossiers,
                             @Schema(description = "the return record's electronic result: the id of the result file"
                                 + " (GET /dossiers/{code}/files/{id}) handed over with the paper result, when the procedure"
                                 + " issues one and it was attached; else null (issue 15 §2)")
                             Long returnedResultFileId) {
    }

    /**
     * Another open dossier of the same applicant (the duplicate-applicant warning at intake).
     *
     * @param rule why the applicant is taken for the same person: ID_NUMBER or NAME_AND_PHONE
     */
    public record OtherOpenDossierDto(
        @Schema(example = "000.00.21.H50-260302-0001") String code,
        String procedureCode, String procedureName,
        @Schema(description = "an open status, e.g. IN_PROCESS") String status,
        String receivingAgencyCode, String receivedAt,
        @Schema(description = "the appointment") String dueAt,
        @Schema(description = "the new appointment given with an apology, else null") String rescheduledDueAt,
        @Schema(enumeration = {"ID_NUMBER", "NAME_AND_PHONE"}) String rule) {
    }

    /** A dossier in search results. */
    public record DossierSummaryDto(String code, String status, String procedureCode, String procedureName,
                                    String receivingAgencyCode, String channel, String applicantName,
                                    String submittedAt, String receivedAt, String dueAt, String completedAt,
                                    String timeliness, Integer currentStep) {
    }

    /**
     * A page of dossiers.
     *
     * @param total       all matches, or the count bound (10,000) when {@code totalCapped}
     * @param totalCapped there are more matches than {@code total} (the count stops at the bound; narrow the search)
     */
    public record DossierPageDto(long total, boolean totalCapped, int offset, int limit, List<DossierSummaryDto> items) {
    }

    /**
     * A reissued public lookup secret (issue 13 §1), answered once.
     *
     * @param token     the secret to print on the new receipt slip
     * @param lookupUrl the public page with code and secret (what the receipt's QR code carries)
     */
    public record LookupTokenDto(String code, String token, String lookupUrl) {
    }
}
