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
 * {@link ActionRefusals}; {@link #allowedActions} combines both and every action checks it first
 * ({@code requireAllowed}). Every change appends a {@link DossierEvent} (who, when, from → to, why; wording in
 * {@link HistoryText}). An illegal action throws {@link ConflictException} and changes nothing.
 *
 * <p>The aggregate is this root and its collaborators in this package, the only code that may use its
 * package-private hooks ({@code requireAllowed}, {@code transition}, {@code advance}, {@code record}, ...). The
 * actions of the internal process (assign, complete, approve, rework, disapprove), stop and the hand-over to the
 * applicant are methods here; the stage-specific ones are public static entry points of the collaborators, each
 * taking the dossier first and running the same check first:
 * <ul>
 *   <li>{@link DossierIntake}: creating a dossier (online submission, receipt, supplement request or refusal at
 *       intake, receipt by transfer) and deciding on one awaiting intake ({@code accept},
 *       {@code requestSupplementAtIntake}, {@code refuse});</li>
 *   <li>{@link DossierPauses}: supplement request during appraisal, financial obligation, resumption;</li>
 *   <li>{@link Apology}: whether an apology is due, and the new appointment;</li>
 *   <li>{@link InterAgencyLeg}: waiting for a co-operating agency, its result or refusal, a child's return to
 *       the sender;</li>
 *   <li>{@link EventNotes}: what goes with the event just recorded (backdating reason and approval, decision).</li>
 * </ul>
 * Two package-private helpers work on its lists: {@link InternalProcess} (the steps: plan, advance, rework,
 * deadlines) and {@link DossierHistory} (appending events in business-time order, the latest supplement request).
 * Its parts are value objects on its own columns: the {@link ProcedureSnapshot} it was received under (so later
 * catalogue edits never move its deadline, docs/domain.md §0; read procedure code and name there), its
 * {@link ProcessingClock} (appointment, receipt, pauses, apology, finish, timeliness; Asia/Ho_Chi_Minh working
 * time), the {@link ResultHandOver} and, for a dossier received by transfer, its {@link InterAgencyOrigin}.
 *
 * <p>Size: about 500 lines: its JPA mapping, the internal-process actions, the lifecycle check and its accessors.
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

    /** A stop at the applicant's request (rút hồ sơ) rather than by law or by the agency (docs/domain.md §2.9, §6). */
    @Column(name = "withdrawn", nullable = false)
    private boolean withdrawn;

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
     * confused with {@link DossierIntake#refuse}, which declines to receive a dossier at intake.
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
     * Stops processing because the applicant withdrew the dossier (rút hồ sơ, Decree 118/2025 art. 21 cl. 1–2):
     * the same {@code STOP} as {@link #stop}, counted as withdrawn rather than stopped in the period report (§6).
     */
    public void withdraw(Instant at, String actor, String reason) {
        stop(at, actor, reason);
        withdrawn = true;
    }

    /** Whether the dossier was stopped because the applicant withdrew it ({@link #withdraw}). */
    public boolean withdrawn() {
        return withdrawn;
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
     * Hands the result over to the applicant at the desk (or by post / online).
     *
     * @param receivedBy name of the person who collected it
     * @param method     DIRECT, POSTAL or ONLINE (see {@link ResultHandOver#toApplicant})
     * @throws ConflictException {@code RETURN_TO_SENDER_REQUIRED} for a child dossier received by transfer,
     *                           {@code ILLEGAL_TRANSITION} unless the result is ready (or refused on the merits)
     */
    public void handOverResult(Instant at, String actor, String receivedBy, String method, String note) {
        handOverResult(at, actor, receivedBy, method, note, null);
    }

    /**
     * Hands the result over together with its electronic version (issue 15 §2): the return record points to the
     * file and the history says which document went out ("Kèm kết quả điện tử: …").
     *
     * @param electronicResult the dossier's current result file (purpose RESULT, not withdrawn), or null for none
     * @throws RuleViolationException {@code NOT_A_RESULT} for a file of another dossier, another purpose, or withdrawn
     * @see #handOverResult(Instant, String, String, String, String)
     */
    public void handOverResult(Instant at, String actor, String receivedBy, String method, String note,
                               DossierFile electronicResult) {
        requireAllowed(DossierAction.RETURN_RESULT, at, null);
        ResultHandOver toApplicant = ResultHandOver.toApplicant(at, receivedBy, method);
        String recorded = note;
        if (electronicResult != null) {
            if (!code.equals(electronicResult.dossierCode()) || electronicResult.purpose() != FilePurpose.RESULT
                || electronicResult.withdrawn()) {
                throw new RuleViolationException(DossierFile.NOT_A_RESULT, "File " + electronicResult.id()
                    + " is not a current result document of dossier " + code);
            }
            toApplicant = toApplicant.withElectronicResult(electronicResult.id());
            String pointer = "Kèm kết quả điện tử: " + electronicResult.resultTitle() + ".";
            recorded = note == null || note.isBlank() ? pointer : note.strip() + " " + pointer;
        }
        transition(at, actor, DossierAction.RETURN_RESULT, status, DossierStatus.RETURNED, null, recorded);
        handOver = toApplicant;
    }

    /** The code the citizen knows and tracks: the parent's for a child, else this dossier's own. */
    public String citizenCode() {
        return origin().child() ? origin().parentCode() : code;
    }

    // ------------------------------------------------ hooks for the aggregate's collaborators in this package

    /**
     * Starts the legal clock and the internal process (first step at once); for {@link DossierIntake} (receipt,
     * acceptance) after its checks.
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

    /** One more supplement request during processing ({@link DossierPauses}). */
    void countSupplement() {
        supplementCount++;
    }

    /** The result has left ({@link InterAgencyLeg#returnToSender}). */
    void handedOver(ResultHandOver handOver) {
        this.handOver = handOver;
    }

    /** Completes the current step and starts the next (planned deadline kept), or finishes after the last. */
    void advance(Instant at, String actor, DossierAction action, String note, WorkingCalendar calendar,
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
    DossierEvent transition(Instant at, String actor, DossierAction action, DossierStatus from,
                            DossierStatus to, Integer step, String reason) {
        DossierEvent event = log().append(at, actor, action, from, to, step, reason);
        status = to;
        return event;
    }

    /** Appends an event that keeps the status (the first one of a new dossier, an assignment, an apology). */
    DossierEvent record(Instant at, String actor, DossierAction action, Integer step, String reason) {
        return log().record(at, actor, action, status, step, reason);
    }

    /** The history at work (for the collaborators: appending, the latest event, the supplement items). */
    DossierHistory log() {
        return new DossierHistory(this, history);
    }

    /** The internal process at work (for the collaborators: steps, planned minutes, shifted deadlines). */
    InternalProcess process() {
        return new InternalProcess(this, steps);
    }

    /**
     * The actions this dossier allows now: those its status allows in the lifecycle table
     * ({@link DossierStatus#allows}) that {@link ActionRefusals} does not rule out for its kind or state. The one
     * answer the aggregate enforces (every action method checks it first) and the screens and the API display;
     * who may take an action is the roles' business ({@code AccessScope.permits}) and a leg's step the service's
     * ({@code ProcessingService.legAtCurrentStep}).
     *
     * @param now      the present moment (for an apology, {@link Apology#due})
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

    /**
     * Checks the time's order, kind, the lifecycle table, then state; throws the first refusal (nothing changed
     * yet). Every action runs it first, here or in a collaborator ({@link DossierIntake}, {@link DossierPauses},
     * {@link Apology}, {@link InterAgencyLeg}).
     */
    void requireAllowed(DossierAction action, Instant now, WorkingCalendar calendar) {
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

    public Agency receivingAgency() {
        return receivingAgency;
    }

    /**
     * The receiving agency's name on the receipt date (Vietnam date of receipt, or of submission before
     * acceptance): a later rename does not change what the dossier's forms show ({@link Agency#nameOn}).
     */
    public String receivingAgencyName() {
        Instant at = clock().receivedAt() != null ? clock().receivedAt() : submittedAt;
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
