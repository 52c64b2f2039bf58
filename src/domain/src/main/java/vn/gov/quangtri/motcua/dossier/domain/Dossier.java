package vn.gov.quangtri.motcua.dossier.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import vn.gov.quangtri.motcua.agency.domain.Agency;
import vn.gov.quangtri.motcua.calendar.domain.Appointment;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimit;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.calendar.domain.WorkingDuration;
import vn.gov.quangtri.motcua.catalogue.domain.Procedure;
import vn.gov.quangtri.motcua.catalogue.domain.StepRole;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.InstantConverter;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.Texts;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * A dossier (hồ sơ): the aggregate root of one applicant's request under one procedure.
 *
 * <p>Lifecycle (docs/domain.md §2.11): SUBMITTED_ONLINE → {RECEIVED | SUPPLEMENT_REQUESTED_AT_INTAKE |
 * REFUSED}; RECEIVED → IN_PROCESS through the internal steps (with supplement / financial-obligation
 * pauses) → {RESULT_READY | NOT_APPROVED} → RETURNED; any state before a decision → STOPPED. Which action a
 * status allows is the table in {@link DossierStatus}; what else rules an action out is in
 * {@link ActionRefusals}; {@link #allowedActions} combines both and every action method checks it first.
 * Every change appends a {@link DossierEvent} (who, when, from → to, why; wording in {@link HistoryText}). An
 * illegal action throws {@link ConflictException} and changes nothing.
 *
 * <p>A dossier comes into existence only through {@link DossierIntake} (online submission, receipt, supplement
 * request or refusal at intake, receipt by transfer). Its parts are value objects on its own columns: the
 * {@link ProcedureSnapshot} it was received under (so later catalogue edits never move its deadline,
 * docs/domain.md §0), its {@link ProcessingClock} (appointment, pauses, apology, finish; Asia/Ho_Chi_Minh working
 * time), the {@link ResultHandOver} and, for a dossier received by transfer, its {@link InterAgencyOrigin}. Two
 * package-private helpers work on its lists for it, after its checks: {@link InternalProcess} (the steps: plan,
 * advance, rework, deadlines) and {@link DossierHistory} (appending events in business-time order, reading back
 * the latest supplement request). Each legal action stays one documented method here, the only way the dossier
 * changes.
 */
@Entity
@Table(name = "dossier")
@NamedQuery(name = "Dossier.findByCode", query = "SELECT d FROM Dossier d WHERE d.code = :code")
public class Dossier {

    @Id
    @SequenceGenerator(name = "dossier_seq", sequenceName = "dossier_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dossier_seq")
    private Long id;

    @Column(name = "code", length = 40, nullable = false, unique = true, updatable = false)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(name = "regime", length = 30, nullable = false, updatable = false)
    private LegalRegime regime;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "procedure_id", updatable = false)
    private Procedure procedure;

    @Embedded
    private ProcedureSnapshot snapshot;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "receiving_agency_code", updatable = false)
    private Agency receivingAgency;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", length = 10, nullable = false, updatable = false)
    private Channel channel;

    @Embedded
    private Applicant applicant;

    @Convert(converter = InstantConverter.class)
    @Column(name = "submitted_at", nullable = false, updatable = false)
    private Instant submittedAt;

    @Embedded
    private ProcessingClock clock;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 40, nullable = false)
    private DossierStatus status;

    @Column(name = "current_step")
    private Integer currentStep;

    @Column(name = "supplement_count", nullable = false)
    private int supplementCount;

    @Embedded
    private ResultHandOver handOver;

    @Embedded
    private InterAgencyOrigin origin;

    @OneToMany(mappedBy = "dossier", cascade = CascadeType.ALL)
    @OrderBy("position")
    private List<ReceivedDocument> documents = new ArrayList<>();

    @OneToMany(mappedBy = "dossier", cascade = CascadeType.ALL)
    @OrderBy("position")
    private List<DossierStep> steps = new ArrayList<>();

    @OneToMany(mappedBy = "dossier", cascade = CascadeType.ALL)
    @OrderBy("seq")
    private List<DossierEvent> history = new ArrayList<>();

    @Version
    @Column(name = "version")
    private long version;

    /** For JPA only. */
    protected Dossier() {
    }

    /** A new dossier in its first status, without history yet: only {@link DossierIntake} creates one. */
    Dossier(Submission s, DossierStatus status) {
        this.code = s.code().value();
        this.procedure = s.procedure();
        this.snapshot = ProcedureSnapshot.of(s.procedure());
        this.clock = new ProcessingClock(s.procedure().timeLimit());
        this.receivingAgency = s.receivingAgency();
        this.channel = s.channel();
        this.applicant = s.applicant();
        this.submittedAt = s.at();
        this.regime = LegalRegime.inForceOn(VietnamTime.local(s.at()).toLocalDate());
        this.origin = InterAgencyOrigin.none();
        this.status = status;
        for (DocumentLine line : s.documents()) {
            this.documents.add(new ReceivedDocument(this, this.documents.size() + 1, line));
        }
    }

    /**
     * Accepts an online submission (or a dossier completed after a supplement request at intake):
     * status RECEIVED, clock started, first step started.
     *
     * @throws ConflictException when the dossier is not awaiting intake
     */
    public void accept(Instant at, Appointment appointment, List<StepPlan> plan, WorkingCalendar calendar,
                       String actor, String note) {
        requireAllowed(DossierAction.RECEIVE, at, calendar);
        DossierStatus from = status;
        startClock(at, appointment, plan, calendar);
        transition(at, actor, DossierAction.RECEIVE, from, DossierStatus.RECEIVED, 1, note);
    }

    /**
     * Asks the online applicant, once and for everything, to complete the dossier (form 02), with the
     * officer's note kept in the history after the items.
     *
     * @param missing all missing or incorrect items; not empty
     * @param note    may be null
     */
    public void requestSupplementAtIntake(Instant at, String actor, List<String> missing, String note) {
        requireAllowed(DossierAction.REQUEST_SUPPLEMENT_AT_INTAKE, at, null);
        List<String> items = HistoryText.items(missing);
        transition(at, actor, DossierAction.REQUEST_SUPPLEMENT_AT_INTAKE, status,
            DossierStatus.SUPPLEMENT_REQUESTED_AT_INTAKE, null, HistoryText.supplementRequest(items, note))
            .withItems(items);
    }

    /** Refuses a dossier awaiting intake with its reasons (form 03). */
    public void refuse(Instant at, String actor, String reason) {
        requireAllowed(DossierAction.REFUSE, at, null);
        transition(at, actor, DossierAction.REFUSE, status, DossierStatus.REFUSED, null, HistoryText.reason(reason));
    }

    /**
     * Assigns the current step to a handler (e.g. the head of division assigns a specialist).
     *
     * @param handler user name of the handler
     */
    public void assign(Instant at, String actor, String handler) {
        requireAllowed(DossierAction.ASSIGN, at, null);
        if (handler == null || handler.isBlank()) {
            throw new RuleViolationException("HANDLER_REQUIRED", "A handler must be named");
        }
        String name = Texts.limited("handler", handler, Texts.NAME);
        record(at, actor, DossierAction.ASSIGN, currentStep, HistoryText.assignedTo(name));
        process().step(currentStep).assign(name);
    }

    /**
     * Completes the current (work) step and hands the dossier to the next step; after the last step the
     * result is ready and the dossier is classified early / on time / late.
     *
     * @throws ConflictException {@code APPROVAL_STEP} when the current step is an approval step
     */
    public void completeStep(Instant at, String actor, String note, WorkingCalendar calendar) {
        requireAllowed(DossierAction.COMPLETE_STEP, at, calendar);
        advance(at, actor, DossierAction.COMPLETE_STEP, note, calendar, true);
    }

    /**
     * Approves at the approval step (phê duyệt) and hands the dossier to the next step.
     *
     * @throws ConflictException {@code NOT_APPROVAL_STEP} when the current step is not an approval step
     */
    public void approve(Instant at, String actor, String note, WorkingCalendar calendar) {
        requireAllowed(DossierAction.APPROVE, at, calendar);
        advance(at, actor, DossierAction.APPROVE, note, calendar, true);
    }

    /**
     * Sends the dossier back to the previous internal step for rework (e.g. the leader returns it to the
     * specialist), with a mandatory reason. The previous step opens again; step deadlines and the
     * appointment keep the plan made at receipt: the time spent still counts (docs/domain.md §3.4).
     *
     * @throws ConflictException {@code NO_PREVIOUS_STEP} at the first step
     */
    public void returnForRework(Instant at, String actor, String reason, WorkingCalendar calendar) {
        requireAllowed(DossierAction.RETURN_FOR_REWORK, at, calendar);
        String why = HistoryText.reason(reason);
        int from = currentStep;
        currentStep = process().stepBack(from, at, calendar);
        transition(at, actor, DossierAction.RETURN_FOR_REWORK, status, DossierStatus.IN_PROCESS, from, why);
    }

    /**
     * Decides against the request on the merits with a reasoned reply (không giải quyết, status NOT_APPROVED):
     * the dossier is finished with a negative result that is still returned (docs/domain.md §2.5). Not to be
     * confused with {@link #refuse}, which declines to receive a dossier at intake.
     */
    public void disapprove(Instant at, String actor, String reason) {
        requireAllowed(DossierAction.REJECT, at, null);
        String why = HistoryText.reason(reason);
        transition(at, actor, DossierAction.REJECT, status, DossierStatus.NOT_APPROVED, currentStep, why);
        process().step(currentStep).complete(at, actor, why);
        clock.finish(at);
        currentStep = null;
    }

    /**
     * Requests a supplement during appraisal (form 02) with the officer's note: the clock pauses until the
     * applicant delivers; time already used still counts (docs/domain.md §3.4). The history keeps the items
     * (one per line, also as {@link DossierEvent#items()}) followed by "Ghi chú: " and the note.
     *
     * @param missing all missing or incorrect items; not empty
     * @param note    the officer's note to the applicant, may be null
     */
    public void requestSupplement(Instant at, String actor, List<String> missing, String note) {
        requireAllowed(DossierAction.REQUEST_SUPPLEMENT, at, null);
        List<String> items = HistoryText.items(missing);
        String why = HistoryText.supplementRequest(items, note);
        clock.pause(at);
        supplementCount++;
        transition(at, actor, DossierAction.REQUEST_SUPPLEMENT, status,
            DossierStatus.SUPPLEMENT_REQUESTED_IN_PROCESS, currentStep, why).withItems(items);
    }

    /**
     * Asks the applicant to fulfil a financial obligation (tax, levy). The clock pauses only where sector
     * law excludes that time (snapshot flag of the procedure, e.g. land: Decree 101/2024/NĐ-CP).
     */
    public void requestFinancialObligation(Instant at, String actor, String reason) {
        requireAllowed(DossierAction.REQUEST_FINANCIAL_OBLIGATION, at, null);
        if (snapshot.pauseForFinancialObligation()) {
            clock.pause(at);
        }
        transition(at, actor, DossierAction.REQUEST_FINANCIAL_OBLIGATION, status,
            DossierStatus.WAITING_FINANCIAL_OBLIGATION, currentStep, HistoryText.reason(reason));
    }

    /**
     * Resumes processing after the applicant supplemented or paid. A paused clock restarts: the appointment
     * and the deadlines of every step not yet completed move by the paused working time (the plan keeps its
     * order); the event keeps the appointment before and after ({@link DossierEvent#dueBefore()}). After a
     * supplement the history records which of the requested items were handed in (one per
     * line, and as {@link DossierEvent#items()}), and those still missing.
     *
     * @param receivedItems after a supplement request: the requested items handed in, each exactly as
     *                      requested; null for all of them. Must be null after a financial obligation.
     * @throws RuleViolationException {@code RECEIVED_ITEMS_REQUIRED} for an empty list,
     *                                {@code UNKNOWN_ITEM} for an item that was not requested,
     *                                {@code NO_SUPPLEMENT_REQUESTED} for items after a financial obligation
     */
    public void resume(Instant at, String actor, String note, List<String> receivedItems, WorkingCalendar calendar) {
        requireAllowed(DossierAction.RESUME, at, calendar);
        List<String> received = null;
        String why = note;
        if (status == DossierStatus.SUPPLEMENT_REQUESTED_IN_PROCESS) {
            DossierHistory.SupplementReceipt receipt = log().supplementReceived(receivedItems, note);
            why = receipt.text();
            received = receipt.handedIn();
        } else if (receivedItems != null) {
            throw new RuleViolationException("NO_SUPPLEMENT_REQUESTED", "Dossier " + code
                + " waits for a financial obligation, not a supplement: no items to hand in",
                List.of("receivedItems: only after a supplement request"));
        }
        Texts.limited("note", why, Texts.LONG);
        Instant dueBefore = clock.dueAt();
        process().shiftOpenDeadlines(clock.resume(at, calendar));
        DossierEvent resumed = transition(at, actor, DossierAction.RESUME, status, DossierStatus.IN_PROCESS,
            currentStep, why);
        if (received != null) {
            resumed.withItems(received);
        }
        if (!dueBefore.equals(clock.dueAt())) {
            resumed.withAppointmentMove(dueBefore, clock.dueAt());
        }
    }

    /**
     * The items of the latest supplement request during processing, in order (empty when none); for events
     * stored before items were kept, read from the numbered lines of its text.
     */
    public List<String> requestedSupplementItems() {
        return log().requestedSupplementItems();
    }

    /**
     * Stops processing at the applicant's request or by law before any decision (Decree 118/2025 art. 21;
     * form 05 notice).
     */
    public void stop(Instant at, String actor, String reason) {
        requireAllowed(DossierAction.STOP, at, null);
        String why = HistoryText.reason(reason);
        clock.end(at);
        transition(at, actor, DossierAction.STOP, status, DossierStatus.STOPPED, currentStep, why);
        currentStep = null;
    }

    /**
     * Working time left to the appointment (negative: overdue), the one rule every screen, report and API
     * answer uses: none without an appointment, once the dossier is finished, or while the clock is paused (the
     * pause is shown instead: {@link ProcessingClock#pausedAt()}; docs/domain.md §3.4).
     *
     * @return null when no countdown applies
     */
    public WorkingDuration timeLeft(Instant now, WorkingCalendar calendar) {
        ProcessingClock c = clock();
        if (c.dueAt() == null || c.completedAt() != null || status.isTerminal()) {
            return null;
        }
        return ProcessingClock.timeLeft(c.dueAt(), c.pausedAt(), now, calendar);
    }

    /**
     * Whether the dossier is late or cannot finish in time at {@code now}, so that an apology with a new
     * appointment is due (Decree 118/2025 keeps Decree 61/2018's duty to apologise when a dossier will be
     * late, form 04; docs/domain.md §2.8). With the clock paused, the time left is counted at the pause. True
     * when the appointment has passed (working time), or the working time left is less than the allotments of
     * the steps not yet started (the current step has eaten into their time). Being close to the appointment
     * is not enough. False for a dossier without appointment, already finished, or already given a new
     * appointment.
     *
     * @param now      the present moment
     * @param calendar working calendar (Asia/Ho_Chi_Minh)
     */
    public boolean apologyDue(Instant now, WorkingCalendar calendar) {
        ProcessingClock c = clock();
        if (!status.allows(DossierAction.RESCHEDULE) || c.dueAt() == null || c.completedAt() != null
                || c.rescheduledDueAt() != null) {
            return false;
        }
        long left = c.workingMinutesLeft(now, calendar);
        return left <= 0 || left < process().minutesPlannedAfter(currentStep);
    }

    /**
     * Apologises for a delay and gives a new appointment (form 04, docs/domain.md §2.8), only when the dossier is
     * late or cannot finish in time ({@link #apologyDue}). The new date may be given only once (Lai Châu
     * Decision 88/2025/QĐ-UBND art. 3 cl. 6, taken as the standard rule) and is kept next to the original
     * appointment, which stays the reference for early / on time / late.
     *
     * @param newDueAt the new appointment, after the current one and in the future
     * @param reason   the reason for the delay, required
     * @throws ConflictException {@code ALREADY_RESCHEDULED} on a second apology, {@code NOT_LATE} while the
     *                           dossier can still finish in time, or for a finished dossier
     */
    public void reschedule(Instant at, String actor, Instant newDueAt, String reason, WorkingCalendar calendar) {
        requireAllowed(DossierAction.RESCHEDULE, at, calendar);
        String why = HistoryText.reason(reason);
        clock.reschedule(at, newDueAt);
        record(at, actor, DossierAction.RESCHEDULE, currentStep, why).withAppointmentMove(clock.dueAt(), newDueAt);
    }

    /**
     * Hands the result over to the applicant at the desk (or by post / online).
     *
     * @param receivedBy name of the person who collected it
     * @param method     DIRECT, POSTAL or ONLINE (see {@link ResultHandOver#toApplicant})
     * @throws ConflictException {@code RETURN_TO_SENDER_REQUIRED} for a child dossier received by transfer,
     *                           {@code ILLEGAL_TRANSITION} unless the result is ready (or refused on the merits)
     */
    public void handOverResult(Instant at, String actor, String receivedBy, String method, String note) {
        requireAllowed(DossierAction.RETURN_RESULT, at, null);
        ResultHandOver toApplicant = ResultHandOver.toApplicant(at, receivedBy, method);
        transition(at, actor, DossierAction.RETURN_RESULT, status, DossierStatus.RETURNED, null, note);
        handOver = toApplicant;
    }

    // ---------------------------------------------------------------- inter-agency (liên thông, docs/domain.md §2.6)

    /**
     * The dossier goes to a co-operating agency for the current step (a leg of an inter-agency procedure):
     * status WAITING_INTERAGENCY with the history line "Chờ liên thông: &lt;agency&gt; từ HH:mm dd/MM/yyyy"
     * (Vietnam time). The appointment does not move: the leg's time is a share of it. Also used for the
     * next leg of a chain while the dossier is already waiting.
     *
     * @param stepPosition the internal step the leg performs; must be the current step
     * @throws ConflictException {@code NOT_AT_LEG_STEP} when the dossier is at another step
     */
    public void awaitInterAgency(Instant at, String actor, String agencyName, int stepPosition, String note) {
        requireAllowed(DossierAction.TRANSFER_OUT, at, null);
        if (currentStep == null || currentStep != stepPosition) {
            throw new ConflictException("NOT_AT_LEG_STEP", "Dossier " + code + " is at step " + currentStep
                + "; this inter-agency leg belongs to step " + stepPosition);
        }
        transition(at, actor, DossierAction.TRANSFER_OUT, status, DossierStatus.WAITING_INTERAGENCY, currentStep,
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
    public void interAgencyResult(Instant at, String actor, String agencyName, boolean resume, String summary,
                                  WorkingCalendar calendar) {
        requireAllowed(DossierAction.INTERAGENCY_RESULT, at, calendar);
        advance(at, actor, DossierAction.INTERAGENCY_RESULT, HistoryText.partnerResult(agencyName, summary),
            calendar, resume);
    }

    /**
     * The co-operating agency refused the transfer: back IN_PROCESS at the same step, so the officers decide
     * (correct and transfer again, request a supplement, or disapprove).
     */
    public void interAgencyRejected(Instant at, String actor, String agencyName, String reason) {
        requireAllowed(DossierAction.INTERAGENCY_REJECTED, at, null);
        transition(at, actor, DossierAction.INTERAGENCY_REJECTED, status, DossierStatus.IN_PROCESS, currentStep,
            HistoryText.partnerRefusal(agencyName, reason));
    }

    /**
     * Returns a child dossier's result to the agency that sent it (instead of to the applicant).
     *
     * @throws ConflictException {@code NOT_INTERAGENCY_CHILD} for an ordinary dossier
     */
    public void returnToSender(Instant at, String actor, String sendingAgencyName, String note) {
        requireAllowed(DossierAction.RETURN_TO_SENDER, at, null);
        transition(at, actor, DossierAction.RETURN_TO_SENDER, status, DossierStatus.RETURNED, null, note);
        handOver = ResultHandOver.toSender(at, sendingAgencyName);
    }

    /**
     * Keeps, on the event this change just recorded, why it is dated well before it was keyed (docs/domain.md §3.4).
     *
     * @throws IllegalStateException when the latest event is already stored (events are never changed)
     */
    public void noteBackdating(String reason) {
        log().unrecorded().withBackdatingReason(reason);
    }

    /**
     * Keeps, on the event this change just recorded, the leader who approved its late keying (docs/domain.md §3.4).
     *
     * @throws IllegalStateException when the latest event is already stored
     */
    public void noteBackdatingApproval(String leader) {
        log().unrecorded().withBackdatingApproval(leader);
    }

    /**
     * Keeps, on the approval or rejection this change just recorded, the signed decision behind it: it may not be
     * signed after the action's business day nor before the dossier was received (Vietnam calendar dates).
     *
     * @throws RuleViolationException {@code DECISION_NOT_EXPECTED} on another action, {@code DECISION_AFTER_ACTION},
     *                                {@code DECISION_BEFORE_RECEIPT}
     * @throws IllegalStateException  when the latest event is already stored
     */
    public void noteDecision(Decision decision) {
        DossierEvent latest = log().unrecorded();
        if (latest.action() != DossierAction.APPROVE && latest.action() != DossierAction.REJECT) {
            throw new RuleViolationException("DECISION_NOT_EXPECTED", "A decision number, date and signer belong to an"
                + " approval or a reasoned rejection");
        }
        decision.requireSignedBetween(submittedAt, latest.occurredAt());
        latest.withDecision(decision);
    }

    /** The code the citizen knows and tracks: the parent's for a child, else this dossier's own. */
    public String citizenCode() {
        return origin().child() ? origin().parentCode() : code;
    }

    /**
     * Starts the legal clock and the internal process (first step at once); for {@link DossierIntake} and
     * {@link #accept} after its checks.
     *
     * @throws RuleViolationException {@code TIME_LIMIT_MISSING} when the procedure has no time limit
     */
    void startClock(Instant at, Appointment appointment, List<StepPlan> plan, WorkingCalendar calendar) {
        if (clock.timeLimit() == null) {
            throw new RuleViolationException("TIME_LIMIT_MISSING", "Procedure " + snapshot.code()
                + " has no statutory time limit configured; an administrator must complete it before intake");
        }
        InternalProcess.requireSteps(plan);
        clock.start(at, appointment);
        currentStep = process().plan(plan, at, appointment.clockStart(), calendar);
    }

    /** A child dossier (for {@link DossierIntake}): its clock runs on the leg's share, its origin is the parent. */
    void receivedByTransfer(TimeLimit share, InterAgencyOrigin origin) {
        clock.runOn(Objects.requireNonNull(share, "share"));
        this.origin = origin;
    }

    /** Completes the current step and starts the next (planned deadline kept), or finishes after the last. */
    private void advance(Instant at, String actor, DossierAction action, String note, WorkingCalendar calendar,
                         boolean inProcess) {
        Texts.limited("note", note, Texts.LONG);
        Integer done = currentStep;
        DossierStatus from = status;
        currentStep = process().advance(done, at, DossierHistory.actor(actor), note, calendar);
        if (currentStep != null) {
            transition(at, actor, action, from,
                inProcess ? DossierStatus.IN_PROCESS : DossierStatus.WAITING_INTERAGENCY, done, note);
        } else {
            clock.finish(at);
            transition(at, actor, action, from, DossierStatus.RESULT_READY, done, note);
        }
    }

    /** Appends the event of a change of status and moves to the new status. */
    private DossierEvent transition(Instant at, String actor, DossierAction action, DossierStatus from,
                                    DossierStatus to, Integer step, String reason) {
        DossierEvent event = log().append(at, actor, action, from, to, step, reason);
        status = to;
        return event;
    }

    /** Appends an event that keeps the status (the first one of a new dossier, an assignment, an apology). */
    DossierEvent record(Instant at, String actor, DossierAction action, Integer step, String reason) {
        return log().record(at, actor, action, status, step, reason);
    }

    private DossierHistory log() {
        return new DossierHistory(this, history);
    }

    private InternalProcess process() {
        return new InternalProcess(this, steps);
    }

    /**
     * The actions this dossier allows now: those its status allows in the lifecycle table
     * ({@link DossierStatus#allows}) that {@link ActionRefusals} does not rule out for its kind or state. The one
     * answer the aggregate enforces (every action method checks it first) and the screens and the API display;
     * who may take an action is the roles' business ({@code AccessScope.permits}) and a leg's step the service's
     * ({@code ProcessingService.legAtCurrentStep}).
     *
     * @param now      the present moment (for an apology, {@link #apologyDue})
     * @param calendar working calendar (Asia/Ho_Chi_Minh)
     */
    public Set<DossierAction> allowedActions(Instant now, WorkingCalendar calendar) {
        Set<DossierAction> allowed = EnumSet.noneOf(DossierAction.class);
        for (DossierAction a : status.actions()) {
            if (ActionRefusals.byKind(this, a) == null && ActionRefusals.byState(this, a, now, calendar) == null) {
                allowed.add(a);
            }
        }
        return allowed;
    }

    /** Checks the time's order, kind, the lifecycle table, then state; throws the first refusal (nothing changed yet). */
    private void requireAllowed(DossierAction action, Instant now, WorkingCalendar calendar) {
        log().requireInOrder(now);
        ConflictException refused = ActionRefusals.byKind(this, action);
        if (refused == null && !status.allows(action)) {
            refused = ActionRefusals.illegal(this, action);
        }
        if (refused == null) {
            refused = ActionRefusals.byState(this, action, now, calendar);
        }
        if (refused != null) {
            throw refused;
        }
    }

    public Long id() {
        return id;
    }

    /** The dossier code's text (see {@link DossierCode}). */
    public String code() {
        return code;
    }

    /** The legal regime in force on the day of submission (Vietnam date), kept for life. */
    public LegalRegime regime() {
        return regime;
    }

    /** The procedure's catalogue entry (its current revision; the dossier's own terms are {@link #snapshot()}). */
    public Procedure procedure() {
        return procedure;
    }

    /** The procedure as it stood when this dossier was submitted. */
    public ProcedureSnapshot snapshot() {
        return snapshot;
    }

    /** The procedure code of the snapshot. */
    public String procedureCode() {
        return snapshot.code();
    }

    /** The procedure name of the snapshot. */
    public String procedureName() {
        return snapshot.name();
    }

    public Agency receivingAgency() {
        return receivingAgency;
    }

    /**
     * The receiving agency's name on the receipt date (Vietnam date of receipt, or of submission before
     * acceptance): a later rename does not change what the dossier's forms show ({@link Agency#nameOn}).
     */
    public String receivingAgencyName() {
        Instant at = receivedAt() != null ? receivedAt() : submittedAt;
        return receivingAgency.nameOn(VietnamTime.local(at).toLocalDate());
    }

    public Channel channel() {
        return channel;
    }

    public Applicant applicant() {
        return applicant;
    }

    /** The moment of submission (online) or receipt (desk, post). */
    public Instant submittedAt() {
        return submittedAt;
    }

    /** The legal clock: appointment, pause, new appointment, finish. */
    public ProcessingClock clock() {
        if (clock == null) { // all its columns empty: read back as absent
            clock = new ProcessingClock(null);
        }
        return clock;
    }

    /** The time limit the clock runs on (see {@link ProcessingClock#timeLimit()}). */
    public TimeLimit timeLimit() {
        return clock().timeLimit();
    }

    /** The appointment (see {@link ProcessingClock#dueAt()}). */
    public Instant dueAt() {
        return clock().dueAt();
    }

    /** Moment of receipt; null before. */
    public Instant receivedAt() {
        return clock().receivedAt();
    }

    /** When finished or stopped; null while open. */
    public Instant completedAt() {
        return clock().completedAt();
    }

    /** Early / on time / late once decided. */
    public Timeliness timeliness() {
        return clock().timeliness();
    }

    public DossierStatus status() {
        return status;
    }

    /** 1-based position of the step in progress; null when none. */
    public Integer currentStep() {
        return currentStep;
    }

    /** The role that performs the current step; null when none. */
    public StepRole currentStepRole() {
        return currentStep == null ? null : process().step(currentStep).role();
    }

    /** How many supplement requests were made during processing. */
    public int supplementCount() {
        return supplementCount;
    }

    /** How the result left; empty (all null) before the hand-over. */
    public ResultHandOver handOver() {
        return handOver == null ? new ResultHandOver() : handOver;
    }

    /** The inter-agency origin of a dossier received by transfer. */
    public InterAgencyOrigin origin() {
        if (origin == null) {
            origin = InterAgencyOrigin.none();
        }
        return origin;
    }

    public List<ReceivedDocument> documents() {
        return Collections.unmodifiableList(documents);
    }

    public List<DossierStep> steps() {
        return Collections.unmodifiableList(steps);
    }

    /** The append-only history, oldest first. */
    public List<DossierEvent> history() {
        return Collections.unmodifiableList(history);
    }

    /** The optimistic-lock version (the {@code expectedVersion} a caller saw). */
    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dossier other && code.equals(other.code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }
}
