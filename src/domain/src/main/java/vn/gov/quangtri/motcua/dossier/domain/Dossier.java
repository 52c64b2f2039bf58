package vn.gov.quangtri.motcua.dossier.domain;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
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
import vn.gov.quangtri.motcua.calendar.domain.TimeLimit;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.calendar.domain.WorkingDuration;
import vn.gov.quangtri.motcua.catalogue.domain.Procedure;
import vn.gov.quangtri.motcua.catalogue.domain.StepRole;
import vn.gov.quangtri.motcua.catalogue.domain.StepKind;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.InstantConverter;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.TextSearch;
import vn.gov.quangtri.motcua.shared.domain.Texts;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * A dossier (hồ sơ): the aggregate root of one applicant's request under one procedure.
 *
 * <p>Lifecycle (docs/domain.md §2.11): SUBMITTED_ONLINE → {RECEIVED | SUPPLEMENT_REQUESTED_AT_INTAKE |
 * REFUSED}; RECEIVED → IN_PROCESS through the internal steps (with supplement / financial-obligation
 * pauses) → {RESULT_READY | NOT_APPROVED} → RETURNED; any state before a decision → STOPPED.
 * Every change goes through an intention-revealing method that checks the transition, updates the
 * deadlines and appends a {@link DossierEvent} (who, when, from → to, why). An illegal transition throws
 * {@link ConflictException} and changes nothing.
 *
 * <p>The dossier keeps a snapshot of what it was received under: legal regime, procedure code, name,
 * revision, time limit and fee, so later catalogue edits never move its deadline (docs/domain.md §0).
 * Moments are {@link Instant}s; deadlines are computed by a {@link WorkingCalendar} in Asia/Ho_Chi_Minh.
 */
@Entity
@Table(name = "dossier")
@NamedQuery(name = "Dossier.findByCode", query = "SELECT d FROM Dossier d WHERE d.code = :code")
public class Dossier {

    private static final java.time.format.DateTimeFormatter DAY_TIME =
        java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

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

    @Column(name = "procedure_code", length = 40, nullable = false, updatable = false)
    private String procedureCode;

    @Column(name = "procedure_name", length = 2000, nullable = false, updatable = false)
    private String procedureName;

    @Column(name = "procedure_revision", nullable = false, updatable = false)
    private int procedureRevision;

    @Column(name = "procedure_field", length = 300, updatable = false)
    private String procedureField;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "value", column = @Column(name = "time_limit_value", precision = 9, scale = 2)),
        @AttributeOverride(name = "unit", column = @Column(name = "time_limit_unit", length = 20))
    })
    private TimeLimit timeLimit;

    @Column(name = "fee_vnd", updatable = false)
    private Long feeVnd;

    @Column(name = "pause_for_financial_obligation", nullable = false, updatable = false)
    private boolean pauseForFinancialObligation;

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

    @Convert(converter = InstantConverter.class)
    @Column(name = "received_at")
    private Instant receivedAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "clock_started_at")
    private Instant clockStartedAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "due_at")
    private Instant dueAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "paused_at")
    private Instant pausedAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "rescheduled_due_at")
    private Instant rescheduledDueAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "completed_at")
    private Instant completedAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "returned_at")
    private Instant returnedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 40, nullable = false)
    private DossierStatus status;

    @Column(name = "current_step")
    private Integer currentStep;

    @Column(name = "supplement_count", nullable = false)
    private int supplementCount;

    @Enumerated(EnumType.STRING)
    @Column(name = "timeliness", length = 10)
    private Timeliness timeliness;

    @Column(name = "returned_to", length = 300)
    private String returnedTo;

    @Column(name = "return_method", length = 20)
    private String returnMethod;

    @Column(name = "inter_agency_child", nullable = false, updatable = false)
    private boolean interAgencyChild;

    @Column(name = "parent_code", length = 40, updatable = false)
    private String parentCode;

    @Column(name = "parent_leg", updatable = false)
    private Integer parentLeg;

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

    private Dossier(String code, Procedure procedure, Agency receivingAgency, Channel channel, Applicant applicant,
                    List<DocumentLine> documents, Instant submittedAt) {
        if (!DossierCode.isValid(code)) {
            throw new IllegalArgumentException("not a dossier code: " + code);
        }
        this.code = code;
        this.procedure = Objects.requireNonNull(procedure, "procedure");
        this.procedureCode = procedure.code();
        this.procedureName = procedure.name();
        this.procedureRevision = procedure.revision();
        this.procedureField = procedure.field();
        this.timeLimit = procedure.timeLimit();
        this.feeVnd = procedure.feeVnd();
        this.pauseForFinancialObligation = procedure.pauseForFinancialObligation();
        this.receivingAgency = Objects.requireNonNull(receivingAgency, "receivingAgency");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.applicant = Objects.requireNonNull(applicant, "applicant");
        this.submittedAt = Objects.requireNonNull(submittedAt, "submittedAt");
        this.regime = LegalRegime.inForceOn(VietnamTime.local(submittedAt).toLocalDate());
        for (DocumentLine line : documents) {
            this.documents.add(new ReceivedDocument(this, this.documents.size() + 1, line));
        }
    }

    /**
     * Registers an online submission awaiting the officer's check (status 1 "Mới đăng ký"); the clock
     * does not run yet (docs/domain.md §2.2).
     *
     * @param code        the dossier code assigned now, for life
     * @param submittedAt moment of the online submission
     * @param actor       who registered it (the portal, or the applicant's account)
     */
    public static Dossier submitOnline(String code, Procedure procedure, Agency receivingAgency, Applicant applicant,
                                       List<DocumentLine> documents, Instant submittedAt, String actor) {
        Dossier d = new Dossier(code, procedure, receivingAgency, Channel.ONLINE, applicant, documents, submittedAt);
        d.status = DossierStatus.SUBMITTED_ONLINE;
        d.record(submittedAt, actor, DossierAction.SUBMIT_ONLINE, null, null);
        return d;
    }

    /**
     * Receives a complete and valid dossier at the desk or by post and issues the appointment: the
     * clock starts at {@code clockStart} and the due moment follows the procedure's time limit
     * (docs/domain.md §3.3). The first internal step starts at once.
     *
     * @param receivedAt moment of receipt
     * @param clockStart when the legal clock starts (receipt moved into office hours)
     * @param plan       the internal steps with their allotments; at least one
     * @throws RuleViolationException if the procedure has no time limit (C06(d))
     */
    public static Dossier receive(String code, Procedure procedure, Agency receivingAgency, Channel channel,
                                  Applicant applicant, List<DocumentLine> documents, Instant receivedAt,
                                  Instant clockStart, List<StepPlan> plan, WorkingCalendar calendar,
                                  String actor, String note) {
        Dossier d = new Dossier(code, procedure, receivingAgency, channel, applicant, documents, receivedAt);
        d.startClock(receivedAt, clockStart, plan, calendar);
        d.status = DossierStatus.RECEIVED;
        d.record(receivedAt, actor, DossierAction.RECEIVE, 1, note);
        return d;
    }

    /**
     * Records an incomplete dossier at intake together with the one-time list of everything missing
     * (form 02); the clock does not start (docs/domain.md §2.2, §3.4).
     *
     * @param missing every missing or incorrect item, all at once; not empty
     */
    public static Dossier requestSupplementAtIntake(String code, Procedure procedure, Agency receivingAgency,
                                                    Channel channel, Applicant applicant,
                                                    List<DocumentLine> documents, Instant at, String actor,
                                                    List<String> missing) {
        return requestSupplementAtIntake(code, procedure, receivingAgency, channel, applicant, documents, at, actor,
            missing, null);
    }

    /**
     * As {@link #requestSupplementAtIntake(String, Procedure, Agency, Channel, Applicant, List, Instant, String, List)}
     * with the officer's note kept in the history after the items.
     *
     * @param note may be null
     */
    public static Dossier requestSupplementAtIntake(String code, Procedure procedure, Agency receivingAgency,
                                                    Channel channel, Applicant applicant,
                                                    List<DocumentLine> documents, Instant at, String actor,
                                                    List<String> missing, String note) {
        List<String> items = cleanItems(missing);
        String why = withNote(joinItems(items), note);
        Dossier d = new Dossier(code, procedure, receivingAgency, channel, applicant, documents, at);
        d.status = DossierStatus.SUPPLEMENT_REQUESTED_AT_INTAKE;
        d.record(at, actor, DossierAction.REQUEST_SUPPLEMENT_AT_INTAKE, null, why);
        d.history.get(0).withItems(items);
        return d;
    }

    /**
     * Records a dossier refused at intake with its specific reasons (form 03).
     *
     * @param reason the reason; required
     */
    public static Dossier refuseAtIntake(String code, Procedure procedure, Agency receivingAgency, Channel channel,
                                         Applicant applicant, List<DocumentLine> documents, Instant at,
                                         String actor, String reason) {
        Dossier d = new Dossier(code, procedure, receivingAgency, channel, applicant, documents, at);
        d.status = DossierStatus.REFUSED;
        d.record(at, actor, DossierAction.REFUSE, null, requireReason(reason));
        return d;
    }

    /**
     * Accepts an online submission (or a dossier completed after a supplement request at intake):
     * status RECEIVED, clock started, first step started.
     *
     * @throws ConflictException when the dossier is not awaiting intake
     */
    public void accept(Instant at, Instant clockStart, List<StepPlan> plan, WorkingCalendar calendar, String actor,
                       String note) {
        requireAllowed(DossierAction.RECEIVE, at, calendar);
        DossierStatus from = status;
        startClock(at, clockStart, plan, calendar);
        transition(at, actor, DossierAction.RECEIVE, from, DossierStatus.RECEIVED, 1, note);
    }

    /**
     * Asks the online applicant, once and for everything, to complete the dossier (form 02).
     *
     * @param missing all missing or incorrect items; not empty
     */
    public void requestSupplementAtIntake(Instant at, String actor, List<String> missing) {
        requestSupplementAtIntake(at, actor, missing, null);
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
        List<String> items = cleanItems(missing);
        String why = withNote(joinItems(items), note);
        transition(at, actor, DossierAction.REQUEST_SUPPLEMENT_AT_INTAKE, status,
            DossierStatus.SUPPLEMENT_REQUESTED_AT_INTAKE, null, why);
        history.get(history.size() - 1).withItems(items);
    }

    /** Refuses a dossier awaiting intake with its reasons (form 03). */
    public void refuse(Instant at, String actor, String reason) {
        requireAllowed(DossierAction.REFUSE, at, null);
        transition(at, actor, DossierAction.REFUSE, status, DossierStatus.REFUSED, null, requireReason(reason));
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
        record(at, actor, DossierAction.ASSIGN, currentStep, "→ " + name);
        currentStepRow().assign(name);
    }

    /**
     * Completes the current (work) step and hands the dossier to the next step; after the last step the
     * result is ready and the dossier is classified early / on time / late.
     *
     * @throws ConflictException when the current step is an approval step (use approve / reject)
     */
    public void completeStep(Instant at, String actor, String note, WorkingCalendar calendar) {
        requireAllowed(DossierAction.COMPLETE_STEP, at, calendar);
        advance(at, actor, DossierAction.COMPLETE_STEP, note, calendar);
    }

    /**
     * Approves at the approval step (phê duyệt) and hands the dossier to the next step.
     *
     * @throws ConflictException when the current step is not an approval step
     */
    public void approve(Instant at, String actor, String note, WorkingCalendar calendar) {
        requireAllowed(DossierAction.APPROVE, at, calendar);
        advance(at, actor, DossierAction.APPROVE, note, calendar);
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
        String why = requireReason(reason);
        int from = currentStep;
        currentStepRow().leave();
        currentStep = from - 1;
        DossierStep previous = currentStepRow();
        previous.reopen(at, calendar.addWorkingMinutes(at, previous.allottedMinutes()));
        transition(at, actor, DossierAction.RETURN_FOR_REWORK, status, DossierStatus.IN_PROCESS, from, why);
    }

    /**
     * Rejects on the merits with a reasoned reply (không giải quyết, văn bản trả lời nêu rõ lý do): the
     * dossier is finished with a negative result that is still returned (docs/domain.md §2.5).
     */
    public void reject(Instant at, String actor, String reason) {
        requireAllowed(DossierAction.REJECT, at, null);
        String why = requireReason(reason);
        transition(at, actor, DossierAction.REJECT, status, DossierStatus.NOT_APPROVED, currentStep, why);
        currentStepRow().complete(at, actor, why);
        finish(at);
        currentStep = null;
    }

    /**
     * Requests a supplement during appraisal (form 02): the clock pauses until the applicant delivers;
     * time already used still counts (docs/domain.md §3.4).
     *
     * @param missing all missing or incorrect items; not empty
     */
    public void requestSupplement(Instant at, String actor, List<String> missing) {
        requestSupplement(at, actor, missing, null);
    }

    /**
     * Requests a supplement during appraisal (form 02) with the officer's note: the history keeps the items
     * (one per line, also as a list: {@link DossierEvent#items()}) followed by "Ghi chú: " and the note.
     *
     * @param missing all missing or incorrect items; not empty
     * @param note    the officer's note to the applicant, may be null
     */
    public void requestSupplement(Instant at, String actor, List<String> missing, String note) {
        requireAllowed(DossierAction.REQUEST_SUPPLEMENT, at, null);
        List<String> items = cleanItems(missing);
        String why = withNote(joinItems(items), note);
        pausedAt = at;
        supplementCount++;
        transition(at, actor, DossierAction.REQUEST_SUPPLEMENT, status,
            DossierStatus.SUPPLEMENT_REQUESTED_IN_PROCESS, currentStep, why);
        history.get(history.size() - 1).withItems(items);
    }

    /**
     * Asks the applicant to fulfil a financial obligation (tax, levy). The clock pauses only where sector
     * law excludes that time (snapshot flag of the procedure, e.g. land: Decree 101/2024/NĐ-CP).
     */
    public void requestFinancialObligation(Instant at, String actor, String reason) {
        requireAllowed(DossierAction.REQUEST_FINANCIAL_OBLIGATION, at, null);
        if (pauseForFinancialObligation) {
            pausedAt = at;
        }
        transition(at, actor, DossierAction.REQUEST_FINANCIAL_OBLIGATION, status,
            DossierStatus.WAITING_FINANCIAL_OBLIGATION, currentStep, requireReason(reason));
    }

    /**
     * Resumes processing after the applicant supplemented or paid (all requested items handed in); see
     * {@link #resume(Instant, String, String, List, WorkingCalendar)}.
     */
    public void resume(Instant at, String actor, String note, WorkingCalendar calendar) {
        resume(at, actor, note, null, calendar);
    }

    /**
     * Resumes processing after the applicant supplemented or paid. A paused clock restarts: the appointment
     * and the deadlines of every step not yet completed move by the paused working time (the plan keeps its
     * order). After a supplement the history records which of the requested items were handed in (one per
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
            List<String> requested = requestedSupplementItems();
            List<String> handedIn = receivedItems == null ? requested : requireRequested(receivedItems, requested);
            List<String> notReceived = requested.stream().filter(r -> !handedIn.contains(r)).toList();
            why = withNote("Đã nhận bổ sung:\n" + numbered(handedIn)
                + (notReceived.isEmpty() ? "" : "\nChưa nhận:\n" + numbered(notReceived)), note);
            received = handedIn;
        } else if (receivedItems != null) {
            throw new RuleViolationException("NO_SUPPLEMENT_REQUESTED", "Dossier " + code
                + " waits for a financial obligation, not a supplement: no items to hand in",
                List.of("receivedItems: only after a supplement request"));
        }
        Texts.limited("note", why, Texts.LONG);
        if (pausedAt != null) {
            dueAt = calendar.shiftForPause(dueAt, pausedAt, at);
            for (DossierStep step : steps) {
                if (step.open() && step.dueAt() != null) {
                    step.moveDue(calendar.shiftForPause(step.dueAt(), pausedAt, at));
                }
            }
            pausedAt = null;
        }
        transition(at, actor, DossierAction.RESUME, status, DossierStatus.IN_PROCESS, currentStep, why);
        if (received != null) {
            history.get(history.size() - 1).withItems(received);
        }
    }

    /**
     * The items of the latest supplement request during processing, in order (empty when none); for events
     * stored before items were kept, read from the numbered lines of its text.
     */
    public List<String> requestedSupplementItems() {
        for (int i = history.size() - 1; i >= 0; i--) {
            DossierEvent e = history.get(i);
            if (e.action() == DossierAction.REQUEST_SUPPLEMENT) {
                if (!e.items().isEmpty()) {
                    return e.items();
                }
                List<String> parsed = new ArrayList<>();
                for (String line : (e.reason() == null ? "" : e.reason()).split("\\R")) {
                    java.util.regex.Matcher m = NUMBERED.matcher(line);
                    if (m.matches()) {
                        parsed.add(m.group(1));
                    }
                }
                return parsed;
            }
        }
        return List.of();
    }

    private static final java.util.regex.Pattern NUMBERED = java.util.regex.Pattern.compile("\\d+\\. (.+)");

    private static List<String> requireRequested(List<String> given, List<String> requested) {
        List<String> clean = given.stream().filter(s -> s != null && !s.isBlank()).map(s -> TextSearch.nfc(s.strip()))
            .distinct().toList();
        if (clean.isEmpty()) {
            throw new RuleViolationException("RECEIVED_ITEMS_REQUIRED",
                "Name the requested items handed in (omit the list when all were)",
                List.of("receivedItems: one or more of " + requested));
        }
        List<String> unknown = clean.stream().filter(s -> !requested.contains(s)).toList();
        if (!unknown.isEmpty()) {
            throw new RuleViolationException("UNKNOWN_ITEM", "Not requested with the supplement request: " + unknown,
                List.of("receivedItems: each one of " + requested));
        }
        return requested.stream().filter(clean::contains).toList(); // in the order requested
    }

    /**
     * Stops processing at the applicant's request or by law before any decision (Decree 118/2025 art. 21;
     * form 05 notice).
     */
    public void stop(Instant at, String actor, String reason) {
        requireAllowed(DossierAction.STOP, at, null);
        String why = requireReason(reason);
        completedAt = at;
        transition(at, actor, DossierAction.STOP, status, DossierStatus.STOPPED, currentStep, why);
        currentStep = null;
    }

    /**
     * Working time left to the appointment (negative: overdue), the one rule every screen, report and API
     * answer uses: none without an appointment or once the dossier is finished; while the clock is paused it
     * is counted at the pause, so it does not run down (docs/domain.md §3.4).
     *
     * @return null when no countdown applies
     */
    public WorkingDuration timeLeft(Instant now, WorkingCalendar calendar) {
        if (dueAt == null || completedAt != null || status.isTerminal()) {
            return null;
        }
        return timeLeft(dueAt, pausedAt, now, calendar);
    }

    /** {@link #timeLeft(Instant, WorkingCalendar)} for a dossier read as a projection (appointment and pause). */
    public static WorkingDuration timeLeft(Instant dueAt, Instant pausedAt, Instant now, WorkingCalendar calendar) {
        return calendar.timeLeft(pausedAt != null ? pausedAt : now, dueAt);
    }

    /**
     * Whether the dossier is late or cannot finish in time at {@code now}, so that an apology with a new
     * appointment is due (Decree 118/2025 keeps Decree 61/2018's duty to apologise when a dossier will be
     * late, form 04; docs/domain.md §2.8). With the clock paused, the time left is counted at the pause. True when
     * <ul>
     *   <li>the appointment has passed ({@link #dueAt()}, working time), or</li>
     *   <li>the working time left is less than the allotments of the steps not yet started (the current step
     *       has eaten into their time, so the plan can no longer end by the appointment).</li>
     * </ul>
     * Only being close to the appointment is not enough: a same-day procedure, or the last step working within
     * its own share, can still finish on time.
     * False for a dossier without appointment, already finished, or already given a new appointment.
     *
     * @param now      the present moment
     * @param calendar working calendar (Asia/Ho_Chi_Minh)
     */
    public boolean apologyDue(Instant now, WorkingCalendar calendar) {
        if (!status.allows(DossierAction.RESCHEDULE) || dueAt == null || completedAt != null
                || rescheduledDueAt != null) {
            return false;
        }
        Instant clockAt = pausedAt != null ? pausedAt : now;
        long left = calendar.workingMinutesBetween(clockAt, dueAt);
        return left <= 0 || left < minutesStillPlanned();
    }

    /** Working minutes allotted to the steps after the current one (none started yet); 0 without a current step. */
    long minutesStillPlanned() {
        if (currentStep == null) {
            return 0;
        }
        long sum = 0;
        for (int i = currentStep; i < steps.size(); i++) {
            sum += steps.get(i).allottedMinutes();
        }
        return sum;
    }

    /**
     * The new appointment offered by default with an apology: the opening hour (Asia/Ho_Chi_Minh) of the
     * first working day after both today and the appointment's day; never midnight, always within office time.
     *
     * @return null when the dossier has no appointment
     */
    public Instant suggestedNewDueAt(Instant now, WorkingCalendar calendar) {
        if (dueAt == null) {
            return null;
        }
        java.time.LocalDate today = VietnamTime.local(now).toLocalDate();
        java.time.LocalDate dueDay = VietnamTime.local(dueAt).toLocalDate();
        java.time.LocalDate day = calendar.nextWorkingDay(today.isAfter(dueDay) ? today : dueDay);
        return day.atTime(calendar.officeHours().opening()).atZone(VietnamTime.ZONE).toInstant();
    }

    /**
     * Apologises for a delay and gives a new appointment (form 04, docs/domain.md §2.8), only when the dossier is
     * late or cannot finish in time ({@link #apologyDue}). The new date may be given only once (Lai Châu
     * Decision 88/2025/QĐ-UBND art. 3 cl. 6, taken as the standard rule) and is kept next to the original
     * appointment, which stays the reference for early / on time / late: a dossier finished after its
     * original appointment still counts as late.
     *
     * @param newDueAt the new appointment, after the current one
     * @param reason   the reason for the delay, required
     * @throws ConflictException {@code ALREADY_RESCHEDULED} on a second apology, {@code NOT_LATE} while the
     *                           dossier can still finish in time, or for a finished dossier
     */
    public void reschedule(Instant at, String actor, Instant newDueAt, String reason, WorkingCalendar calendar) {
        requireAllowed(DossierAction.RESCHEDULE, at, calendar);
        if (newDueAt == null || !newDueAt.isAfter(dueAt)) {
            throw new RuleViolationException("NEW_DATE_NOT_LATER", "The new appointment must be later than the current one",
                List.of("newDueAt: after " + VietnamTime.offset(dueAt)));
        }
        if (!newDueAt.isAfter(at)) {
            throw new RuleViolationException("NEW_DATE_IN_PAST", "The new appointment must lie in the future",
                List.of("newDueAt: after " + VietnamTime.offset(at)));
        }
        String why = requireReason(reason);
        record(at, actor, DossierAction.RESCHEDULE, currentStep, why);
        rescheduledDueAt = newDueAt;
    }

    /**
     * Returns the result to the applicant at the desk (or by post / online).
     *
     * @param receivedBy name of the person who collected it
     * @param method     DIRECT, POSTAL or ONLINE
     * @throws ConflictException {@code RETURN_TO_SENDER_REQUIRED} for a child dossier received by transfer,
     *                           {@code ILLEGAL_TRANSITION} unless the result is ready (or refused on the merits)
     */
    public void returnResult(Instant at, String actor, String receivedBy, String method, String note) {
        requireAllowed(DossierAction.RETURN_RESULT, at, null);
        if (receivedBy == null || receivedBy.isBlank()) {
            throw new RuleViolationException("RECEIVER_REQUIRED", "Name the person who collected the result");
        }
        String receiver = Texts.limited("receivedBy", receivedBy, Texts.PERSON);
        Channel how;
        try {
            how = method == null || method.isBlank() ? Channel.DIRECT : Channel.valueOf(method.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException("UNKNOWN_RETURN_METHOD", "method must be DIRECT, POSTAL or ONLINE",
                List.of("method: one of [DIRECT, POSTAL, ONLINE]"));
        }
        transition(at, actor, DossierAction.RETURN_RESULT, status, DossierStatus.RETURNED, null, note);
        returnedAt = at;
        returnedTo = receiver;
        returnMethod = how.name();
    }

    // ---------------------------------------------------------------- inter-agency (liên thông, docs/domain.md §2.6)

    /**
     * The dossier goes to a co-operating agency for the current step (a leg of an inter-agency procedure):
     * status WAITING_INTERAGENCY with the history line "Chờ liên thông: &lt;agency&gt; từ HH:mm dd/MM/yyyy"
     * (Vietnam time). The appointment does not move: the leg's time is a share of it. Also used for the
     * next leg of a chain while the dossier is already waiting.
     *
     * @param agencyName   the co-operating agency's name
     * @param stepPosition the internal step the leg performs; must be the current step
     * @throws ConflictException {@code NOT_AT_LEG_STEP} when the dossier is at another step
     */
    public void awaitInterAgency(Instant at, String actor, String agencyName, int stepPosition, String note) {
        requireAllowed(DossierAction.TRANSFER_OUT, at, null);
        if (currentStep == null || currentStep != stepPosition) {
            throw new ConflictException("NOT_AT_LEG_STEP", "Dossier " + code + " is at step " + currentStep
                + "; this inter-agency leg belongs to step " + stepPosition);
        }
        String why = "Chờ liên thông: " + agencyName + " từ " + VietnamTime.local(at).format(DAY_TIME)
            + (note == null || note.isBlank() ? "" : ". " + note.strip());
        transition(at, actor, DossierAction.TRANSFER_OUT, status, DossierStatus.WAITING_INTERAGENCY, currentStep,
            Texts.limited("note", why, Texts.LONG));
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
        String why = "Kết quả liên thông từ " + agencyName + (summary == null || summary.isBlank() ? ""
            : ": " + (summary.length() > 2000 ? summary.substring(0, 2000) : summary.strip()));
        currentStepRow().complete(at, actorName(actor), why);
        int done = currentStep;
        if (done < steps.size()) {
            currentStep = done + 1;
            DossierStep next = currentStepRow();
            next.start(at, calendar.addWorkingMinutes(at, next.allottedMinutes())); // planned deadline kept
            transition(at, actor, DossierAction.INTERAGENCY_RESULT, status,
                resume ? DossierStatus.IN_PROCESS : DossierStatus.WAITING_INTERAGENCY, done, why);
        } else {
            currentStep = null;
            finish(at);
            transition(at, actor, DossierAction.INTERAGENCY_RESULT, status, DossierStatus.RESULT_READY, done, why);
        }
    }

    /**
     * The co-operating agency refused the transfer: back IN_PROCESS at the same step, so the officers decide
     * (correct and transfer again, request a supplement, or reject).
     */
    public void interAgencyRejected(Instant at, String actor, String agencyName, String reason) {
        requireAllowed(DossierAction.INTERAGENCY_REJECTED, at, null);
        String why = agencyName + " từ chối liên thông" + (reason == null || reason.isBlank() ? ""
            : ": " + (reason.length() > 2000 ? reason.substring(0, 2000) : reason.strip()));
        transition(at, actor, DossierAction.INTERAGENCY_REJECTED, status, DossierStatus.IN_PROCESS, currentStep, why);
    }

    /**
     * Creates the child dossier at a co-operating agency from an inbound transfer. It has its own code
     * (the receiving unit's identifier, Circular 01/2018/TT-VPCP art. 19) and its own clock: the time limit
     * is the leg's share, counted from {@code clockStart} (the transfer moment moved into office hours), so
     * its appointment is the leg's due moment. The citizen-facing code stays the parent's
     * ({@link #citizenCode()}); statistics count the parent only ({@link #interAgencyChild()}).
     *
     * @param share      the leg's share of the legal time
     * @param plan       the child's internal steps (at least one)
     * @param parentCode the parent dossier's code at the sending agency
     * @param legPosition which leg of the procedure
     */
    public static Dossier receiveInterAgency(String code, Procedure procedure, Agency receivingAgency, Channel channel,
                                             Applicant applicant, List<DocumentLine> documents, Instant receivedAt,
                                             Instant clockStart, TimeLimit share, List<StepPlan> plan,
                                             WorkingCalendar calendar, String parentCode, int legPosition,
                                             String actor, String note) {
        if (!DossierCode.isValid(parentCode)) {
            throw new RuleViolationException("INVALID_PARENT_CODE", "Not a dossier code: " + parentCode);
        }
        Dossier d = new Dossier(code, procedure, receivingAgency, channel, applicant, documents, receivedAt);
        d.timeLimit = Objects.requireNonNull(share, "share");
        d.interAgencyChild = true;
        d.parentCode = parentCode;
        d.parentLeg = legPosition;
        d.startClock(receivedAt, clockStart, plan, calendar);
        d.status = DossierStatus.RECEIVED;
        d.record(receivedAt, actor, DossierAction.RECEIVE_TRANSFER, 1,
            Texts.limited("note", "Hồ sơ liên thông của hồ sơ " + parentCode
                + (note == null || note.isBlank() ? "" : ". " + note.strip()), Texts.LONG));
        return d;
    }

    /**
     * Returns a child dossier's result to the agency that sent it (instead of to the citizen).
     *
     * @throws ConflictException {@code NOT_INTERAGENCY_CHILD} for an ordinary dossier
     */
    public void returnToSender(Instant at, String actor, String sendingAgencyName, String note) {
        requireAllowed(DossierAction.RETURN_TO_SENDER, at, null);
        transition(at, actor, DossierAction.RETURN_TO_SENDER, status, DossierStatus.RETURNED, null, note);
        returnedAt = at;
        returnedTo = Texts.limited("receivedBy", sendingAgencyName, Texts.PERSON);
        returnMethod = "INTERAGENCY";
    }

    /** Whether this dossier was created from an inbound transfer (not counted in statistics). */
    public boolean interAgencyChild() {
        return interAgencyChild;
    }

    /** The parent's code for a child dossier, else null. */
    public String parentCode() {
        return parentCode;
    }

    /** The leg of the parent's procedure a child performs, else null. */
    public Integer parentLeg() {
        return parentLeg;
    }

    /** The code the citizen knows and tracks: the parent's for a child, else this dossier's own. */
    public String citizenCode() {
        return interAgencyChild ? parentCode : code;
    }

    private void startClock(Instant at, Instant clockStart, List<StepPlan> plan, WorkingCalendar calendar) {
        if (timeLimit == null) {
            throw new RuleViolationException("TIME_LIMIT_MISSING", "Procedure " + procedureCode
                + " has no statutory time limit configured; an administrator must complete it before intake");
        }
        if (plan == null || plan.isEmpty()) {
            throw new IllegalArgumentException("an internal process needs at least one step");
        }
        receivedAt = at;
        clockStartedAt = clockStart;
        dueAt = calendar.dueAt(clockStart, timeLimit);
        steps.clear();
        for (StepPlan p : plan) {
            steps.add(new DossierStep(this, steps.size() + 1, p));
        }
        long cumulative = 0;
        for (DossierStep s : steps) {
            cumulative += s.allottedMinutes();
            s.plan(calendar.addWorkingMinutes(clockStart, cumulative));
        }
        currentStep = 1;
        steps.get(0).start(at.isBefore(clockStart) ? at : clockStart, null);
    }

    private void advance(Instant at, String actor, DossierAction action, String note, WorkingCalendar calendar) {
        Texts.limited("note", note, Texts.LONG);
        DossierStep step = currentStepRow();
        step.complete(at, actor, note);
        int done = currentStep;
        DossierStatus from = status;
        if (done < steps.size()) {
            currentStep = done + 1;
            DossierStep next = currentStepRow();
            next.start(at, calendar.addWorkingMinutes(at, next.allottedMinutes())); // planned deadline kept
            transition(at, actor, action, from, DossierStatus.IN_PROCESS, done, note);
        } else {
            currentStep = null;
            finish(at);
            transition(at, actor, action, from, DossierStatus.RESULT_READY, done, note);
        }
    }

    private void finish(Instant at) {
        completedAt = at;
        timeliness = Timeliness.ofDossier(at, dueAt);
    }

    private void transition(Instant at, String actor, DossierAction action, DossierStatus from, DossierStatus to,
                            Integer step, String reason) {
        DossierEvent event = new DossierEvent(this, history.size() + 1, at, actorName(actor), action, from, to, step,
            Texts.limited("note/reason", reason, Texts.LONG));
        status = to;
        history.add(event);
    }

    private void record(Instant at, String actor, DossierAction action, Integer step, String reason) {
        history.add(new DossierEvent(this, history.size() + 1, at, actorName(actor), action,
            history.isEmpty() ? null : status, status, step, Texts.limited("note/reason", reason, Texts.LONG)));
    }

    private static String actorName(String actor) {
        if (actor == null || actor.isBlank()) {
            throw new RuleViolationException("ACTOR_REQUIRED", "Every change must name who makes it");
        }
        return Texts.limited("actor", actor, Texts.NAME);
    }

    /**
     * The actions this dossier allows now: those its status allows in the lifecycle table
     * ({@link DossierStatus#allows}) that its own state does not rule out (the kind of the current step, a
     * previous step to return to, an apology being due, whether it is a child of an inter-agency transfer).
     * This is the one answer the aggregate enforces (every action method checks it first) and the screens and
     * the API display; who may take an action is the roles' business ({@code AccessScope.permits}) and a leg's
     * step the service's ({@code ProcessingService.legAtCurrentStep}).
     *
     * @param now      the present moment (for an apology, {@link #apologyDue})
     * @param calendar working calendar (Asia/Ho_Chi_Minh)
     */
    public Set<DossierAction> allowedActions(Instant now, WorkingCalendar calendar) {
        Set<DossierAction> allowed = EnumSet.noneOf(DossierAction.class);
        for (DossierAction a : status.actions()) {
            if (refusalByKind(a) == null && refusalByState(a, now, calendar) == null) {
                allowed.add(a);
            }
        }
        return allowed;
    }

    /**
     * Checks an action before it is applied: first what kind of dossier this is, then the lifecycle table, then
     * the dossier's state; throws the first reason it is impossible (nothing has changed yet).
     *
     * @param calendar needed for {@code RESCHEDULE} only (may be null otherwise)
     */
    private void requireAllowed(DossierAction action, Instant now, WorkingCalendar calendar) {
        ConflictException refused = refusalByKind(action);
        if (refused == null && !status.allows(action)) {
            refused = illegal(action);
        }
        if (refused == null) {
            refused = refusalByState(action, now, calendar);
        }
        if (refused != null) {
            throw refused;
        }
    }

    /** Why an action does not fit this kind of dossier (an inter-agency child or not), whatever its status. */
    private ConflictException refusalByKind(DossierAction action) {
        if (action == DossierAction.RETURN_RESULT && interAgencyChild) {
            return new ConflictException("RETURN_TO_SENDER_REQUIRED", "Dossier " + code + " was received by transfer"
                + " from " + parentCode + "; its result goes back to the sending agency (return-to-sender), which"
                + " returns it to the applicant");
        }
        if (action == DossierAction.RETURN_TO_SENDER && !interAgencyChild) {
            return new ConflictException("NOT_INTERAGENCY_CHILD", "Dossier " + code + " was not received by transfer");
        }
        return null;
    }

    /** Why an action the status allows is impossible in the dossier's present state, or null. */
    private ConflictException refusalByState(DossierAction action, Instant now, WorkingCalendar calendar) {
        StepKind kind = currentStep == null ? null : currentStepRow().kind();
        return switch (action) {
            case ASSIGN, COMPLETE_STEP, APPROVE, REJECT, RETURN_FOR_REWORK, TRANSFER_OUT, INTERAGENCY_RESULT ->
                kind == null ? illegal(action)
                    : action == DossierAction.COMPLETE_STEP && kind == StepKind.APPROVAL
                    ? new ConflictException("APPROVAL_STEP", "Step " + currentStep + " is an approval step: approve or reject it")
                    : (action == DossierAction.APPROVE || action == DossierAction.REJECT) && kind != StepKind.APPROVAL
                    ? new ConflictException("NOT_APPROVAL_STEP", action + " is only possible at an approval step; the"
                        + " current step " + currentStep + " (" + currentStepRow().name() + ") is ordinary work")
                    : action == DossierAction.RETURN_FOR_REWORK && currentStep <= 1
                    ? new ConflictException("NO_PREVIOUS_STEP", "Dossier " + code + " is at its first step: nothing to return to")
                    : null;
            case RESCHEDULE -> dueAt == null ? illegal(action)
                : rescheduledDueAt != null ? new ConflictException("ALREADY_RESCHEDULED", "Dossier " + code
                    + " already has a new appointment; it may be given only once")
                : !apologyDue(now, calendar) ? new ConflictException("NOT_LATE", "Dossier " + code
                    + " can still be finished by its appointment " + VietnamTime.local(dueAt).format(DAY_TIME)
                    + ": an apology with a new date is given only when it is overdue or cannot finish in time (less"
                    + " working time left than the steps not yet started need)")
                : null;
            default -> null;
        };
    }

    private ConflictException illegal(DossierAction action) {
        return new ConflictException("ILLEGAL_TRANSITION",
            "Action " + action + " is not allowed for dossier " + code + " in status " + status);
    }

    private DossierStep currentStepRow() {
        if (currentStep == null) {
            throw new ConflictException("NO_CURRENT_STEP", "Dossier " + code + " has no step in progress");
        }
        return steps.get(currentStep - 1);
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolationException("REASON_REQUIRED", "A reason is required for this action");
        }
        return Texts.limited("reason", reason, Texts.LONG);
    }

    private static List<String> cleanItems(List<String> items) {
        if (items == null || items.stream().allMatch(s -> s == null || s.isBlank())) {
            throw new RuleViolationException("ITEMS_REQUIRED",
                "List everything that must be supplemented, all at once");
        }
        return items.stream().filter(s -> s != null && !s.isBlank())
            .map(s -> Texts.plain("items", TextSearch.nfc(s.strip().replaceAll("\\s*\\R\\s*", " ")), false))
            .toList(); // one item, one line
    }

    private static String numbered(List<String> items) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            sb.append(i + 1).append(". ").append(items.get(i));
            if (i < items.size() - 1) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static String withNote(String text, String note) {
        String why = note == null || note.isBlank() ? text : text + "\nGhi chú: " + note.strip();
        return Texts.limited("note", why, Texts.LONG);
    }

    private static String joinItems(List<String> items) {
        return Texts.limited("items", numbered(cleanItems(items)), Texts.LONG);
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public LegalRegime regime() {
        return regime;
    }

    public Procedure procedure() {
        return procedure;
    }

    public String procedureCode() {
        return procedureCode;
    }

    public String procedureName() {
        return procedureName;
    }

    public int procedureRevision() {
        return procedureRevision;
    }

    public String procedureField() {
        return procedureField;
    }

    /** The time limit as received (snapshot). */
    public TimeLimit timeLimit() {
        return timeLimit;
    }

    public Long feeVnd() {
        return feeVnd;
    }

    public Agency receivingAgency() {
        return receivingAgency;
    }

    /**
     * The receiving agency's name as it was on the receipt date (Vietnam local date of receipt, or of
     * submission before acceptance): a later rename does not change what the dossier's forms show
     * ({@link Agency#nameOn}).
     */
    public String receivingAgencyName() {
        Instant at = receivedAt != null ? receivedAt : submittedAt;
        return receivingAgency.nameOn(VietnamTime.local(at).toLocalDate());
    }

    public Channel channel() {
        return channel;
    }

    public Applicant applicant() {
        return applicant;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    /** Moment of acceptance, null before. */
    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant clockStartedAt() {
        return clockStartedAt;
    }

    /** Appointment (ngày hẹn trả), extended by clock pauses; null before acceptance. */
    public Instant dueAt() {
        return dueAt;
    }

    /** The new appointment given with an apology (form 04), or null; the original stays in {@link #dueAt()}. */
    public Instant rescheduledDueAt() {
        return rescheduledDueAt;
    }

    /** Start of the current clock pause, or null when the clock runs. */
    public Instant pausedAt() {
        return pausedAt;
    }

    /** When the result became ready (or the dossier was rejected or stopped). */
    public Instant completedAt() {
        return completedAt;
    }

    public Instant returnedAt() {
        return returnedAt;
    }

    public DossierStatus status() {
        return status;
    }

    /** Position (1-based) of the step in progress, or null. */
    public Integer currentStep() {
        return currentStep;
    }

    /** Who performs the step in progress, or null when no step runs. */
    public StepRole currentStepRole() {
        return currentStep == null ? null : currentStepRow().role();
    }

    public int supplementCount() {
        return supplementCount;
    }

    /** Early / on time / late once finished, null before. */
    public Timeliness timeliness() {
        return timeliness;
    }

    public String returnedTo() {
        return returnedTo;
    }

    public String returnMethod() {
        return returnMethod;
    }

    public List<ReceivedDocument> documents() {
        return Collections.unmodifiableList(documents);
    }

    public List<DossierStep> steps() {
        return Collections.unmodifiableList(steps);
    }

    public List<DossierEvent> history() {
        return Collections.unmodifiableList(history);
    }

    /** Optimistic-lock version, incremented on every change. */
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
