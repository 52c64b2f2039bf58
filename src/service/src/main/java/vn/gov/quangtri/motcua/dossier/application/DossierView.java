package vn.gov.quangtri.motcua.dossier.application;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import vn.gov.quangtri.motcua.catalogue.domain.DocumentForm;
import vn.gov.quangtri.motcua.dossier.domain.BackdatingRequest;
import vn.gov.quangtri.motcua.dossier.domain.Channel;
import vn.gov.quangtri.motcua.dossier.domain.Decision;
import vn.gov.quangtri.motcua.dossier.domain.DossierAction;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.dossier.domain.LegalRegime;
import vn.gov.quangtri.motcua.dossier.domain.Timeliness;
import vn.gov.quangtri.motcua.interagency.domain.TransferSide;
import vn.gov.quangtri.motcua.interagency.domain.TransferStatus;

/**
 * The dossier screen's read model (issue 10 §4): everything the dossier page shows, as immutable values built by
 * {@link DossierViews} at one moment for the signed-in account; no entity, no account. Times are instants
 * (shown in Asia/Ho_Chi_Minh by the screens); "time left" is in working time on the calendar of that moment.
 * Serializable, so a view-scoped screen keeps it across requests.
 *
 * @param version        the dossier version shown, sent back with every action (docs/cases.md C23)
 * @param unitName       the receiving agency's current name
 * @param receivedAt     received at the desk, or null while only submitted online ({@code submittedAt})
 * @param returnedAt     when the result was handed over, or null
 * @param supplementCount how many supplements were requested during processing
 * @param currentStep    position (from 1) of the step in progress, or null
 * @param requestedItems the items of the latest supplement request (offered as handed in when resuming)
 * @param allowedActions what the signed-in account may do now ({@link ProcessingService#allowedActions})
 * @param handlers       accounts who may take the current step, when {@code ASSIGN} is allowed, else empty
 * @param printableForms the printable forms available now ({@code receipt-slip}, {@code control-sheet}, …)
 * @param backdatingRequests the actions of this dossier keyed too late to take effect without a leader, oldest first
 */
public record DossierView(String code, long version, DossierStatus status, LegalRegime regime, Channel channel,
                          ProcedureRef procedure, String unitCode, String unitName, ApplicantDetails applicant,
                          Instant submittedAt, Instant receivedAt, Deadline deadline, String returnedTo,
                          String returnMethod, Instant returnedAt, int supplementCount, Integer currentStep, List<StepLine> steps, List<DocumentItem> documents,
                          List<HistoryEntry> history, List<String> requestedItems, Set<DossierAction> allowedActions,
                          List<Person> handlers, Set<String> printableForms, InterAgency interAgency,
                          List<BackdatingLine> backdatingRequests)
        implements Serializable {

    public DossierView {
        steps = List.copyOf(steps);
        documents = List.copyOf(documents);
        history = List.copyOf(history);
        requestedItems = List.copyOf(requestedItems);
        allowedActions = Set.copyOf(allowedActions);
        handlers = List.copyOf(handlers);
        printableForms = Set.copyOf(printableForms);
        backdatingRequests = backdatingRequests == null ? List.of() : List.copyOf(backdatingRequests);
    }

    /** Whether the signed-in account may decide one of the dossier's backdating requests now. */
    public boolean backdatingDecidable() {
        return backdatingRequests.stream().anyMatch(BackdatingLine::decidable);
    }

    /** Whether a backdating request of this dossier waits for a leader. */
    public boolean backdatingPending() {
        return backdatingRequests.stream().anyMatch(r -> r.status() == BackdatingRequest.Status.PENDING);
    }

    /** Whether the signed-in account may take the action now (the service checks again when it is taken). */
    public boolean allows(DossierAction action) {
        return allowedActions.contains(action);
    }

    /** Received at, or submitted at for a dossier not yet received. */
    public Instant receivedOrSubmittedAt() {
        return receivedAt != null ? receivedAt : submittedAt;
    }

    /** The procedure as received (snapshot: revision, field, fee in VND; fee null when unknown). */
    public record ProcedureRef(String code, String name, int revision, String field, Long feeVnd)
        implements Serializable {
    }

    /** The applicant as recorded at intake. */
    public record ApplicantDetails(String kind, String name, String idNumber, String phone, String email,
                                   String address) implements Serializable {
    }

    /**
     * The clock.
     *
     * @param dueAt             the appointment (ngày hẹn trả), null before receipt
     * @param rescheduledDueAt  the new appointment given with an apology (form 04), or null
     * @param timeLeftVi        "Còn 2 ngày 3 giờ" / "Quá hạn 1 ngày", empty when the clock does not run (also while
     *                          paused)
     * @param overdue           the appointment has passed in working time
     * @param dueSoon           less than one working day left
     * @param timeliness        early / on time / late once the result is ready, else null
     * @param suggestedNewDueAt the default new appointment when an apology is due now, else null
     * @param pausedAt          since when the clock is paused (supplement, financial obligation), else null; the
     *                          screen shows the pause and no countdown
     * @param toNewDueAt        after an apology: the countdown to the new appointment (the dossier stays late against
     *                          the original one, {@code timeLeftVi}); {@link Countdown#NONE} otherwise
     */
    public record Deadline(Instant dueAt, Instant rescheduledDueAt, String timeLeftVi, String timeLeftEn,
                           boolean overdue, boolean dueSoon, Timeliness timeliness, Instant suggestedNewDueAt,
                           Instant pausedAt, Countdown toNewDueAt) implements Serializable {
    }

    /**
     * One internal step (control sheet).
     *
     * @param performer     user name of who completed it, else of its handler, or null
     * @param performerName that account's full name (the user name when unknown)
     * @param overdueNow    the step is open and its deadline has passed (the clock running), so it is already late
     */
    public record StepLine(int position, String name, String responsibleUnit, String performer, String performerName,
                           Instant startedAt, Instant dueAt, Instant completedAt, Timeliness timeliness,
                           boolean overdueNow) implements Serializable {
    }

    /** One document received. */
    public record DocumentItem(int position, String name, DocumentForm form, int quantity) implements Serializable {
    }

    /**
     * One history event (who, when, what, why).
     *
     * @param occurredAt       when it happened (business time)
     * @param recordedAt       when it was keyed; shown beside {@code occurredAt} when they differ
     * @param actor            user name (or {@code system})
     * @param actorName        full name, the user name when unknown
     * @param dueBefore        the appointment before the event moved it (resume, apology), else null
     * @param dueAfter         the appointment after the event moved it, else null
     * @param backdatingReason why it was keyed well after it happened, else null
     */
    public record HistoryEntry(int seq, Instant occurredAt, Instant recordedAt, String actor, String actorName,
                               DossierAction action, Integer stepPosition, DossierStatus fromStatus,
                               DossierStatus toStatus, String reason, Instant dueBefore, Instant dueAfter,
                               String backdatingReason, String backdatingApprovedBy, Decision decision)
            implements Serializable {

        /** Whether it was keyed on another minute than it happened (the screen then shows both). */
        public boolean keyedLater() {
            return recordedAt != null && occurredAt != null
                && recordedAt.getEpochSecond() / 60 != occurredAt.getEpochSecond() / 60;
        }
    }

    /**
     * A backdating request of the dossier (docs/domain.md §3.4).
     *
     * @param decidable whether the signed-in account may approve or refuse it now (a leader covering the unit, not
     *                  the officer who keyed it, and it is pending)
     * @param content   what the officer entered with the action ({@link DossierCommand#summary()})
     */
    public record BackdatingLine(long id, String dossierCode, DossierAction action, Instant occurredAt, String reason,
                                 String requestedBy,
                                 Instant requestedAt, BackdatingRequest.Status status, String decidedBy,
                                 Instant decidedAt, String decisionNote, boolean decidable, List<String> content)
            implements Serializable {

        /** What the officer entered with the action, one item per line. */
        public String contentText() {
            return String.join("\n", content);
        }
    }

    /** An officer to choose. */
    public record Person(String username, String fullName) implements Serializable {
    }

    /** A choice in a list: a code and its label. */
    public record Choice(String code, String name) implements Serializable {
    }

    /**
     * The "Liên thông" panel.
     *
     * @param transfers         the transfers of this dossier (as sender: one per leg started; as a child: the one
     *                          it was received by), by leg
     * @param startableLegs     the legs the signed-in officer may start now
     * @param atPartnerStep     the current step is another agency's (completed by the leg's result)
     * @param evidenceCode      the dossier whose evidence bundle covers the exchange (the parent for a child)
     */
    public record InterAgency(List<TransferLine> transfers, List<Leg> startableLegs, boolean atPartnerStep,
                              boolean canReportProgress, boolean canReturnToSender, boolean canRefuseTransfer,
                              String evidenceCode) implements Serializable {

        public InterAgency {
            transfers = List.copyOf(transfers);
            startableLegs = List.copyOf(startableLegs);
        }

        /** Whether the panel is shown: a transfer exists or a leg can be started. */
        public boolean shown() {
            return !transfers.isEmpty() || !startableLegs.isEmpty();
        }

        /** Whether one of the answers to the sending agency is offered. */
        public boolean canAnswerSender() {
            return canReportProgress || canReturnToSender || canRefuseTransfer;
        }
    }

    /**
     * One transfer.
     *
     * @param agencyName the other agency: the receiving one for a transfer sent, the sending one for a child
     */
    public record TransferLine(int legPosition, TransferSide side, String partnerCode, String agencyName,
                               TransferStatus status, Instant transferredAt, Instant statusAt, Instant resultAt,
                               Instant dueAt, Timeliness legTimeliness, String childCode, String parentCode,
                               String rejectionReason, String resultSummary) implements Serializable {
    }

    /**
     * An inter-agency leg that can be started.
     *
     * @param partnerAgencyCode the agency the leg names, or null when it names only a kind
     * @param partnerKind       the kind of agency ({@code AgencyKind} name or free text)
     * @param agencies          the agencies offered when the leg names only a kind, else empty
     */
    public record Leg(int position, String actionName, String partnerAgencyCode, String partnerKind,
                      List<Choice> agencies) implements Serializable {

        public Leg {
            agencies = List.copyOf(agencies);
        }
    }
}
