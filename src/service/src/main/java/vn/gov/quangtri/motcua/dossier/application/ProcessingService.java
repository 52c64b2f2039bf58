package vn.gov.quangtri.motcua.dossier.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.gov.quangtri.motcua.account.application.AccessControl;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.calendar.application.CalendarService;
import vn.gov.quangtri.motcua.catalogue.domain.ProcedureLeg;
import vn.gov.quangtri.motcua.catalogue.domain.StepRole;
import vn.gov.quangtri.motcua.dossier.domain.Apology;
import vn.gov.quangtri.motcua.dossier.domain.Decision;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierFile;
import vn.gov.quangtri.motcua.dossier.domain.DossierAction;
import vn.gov.quangtri.motcua.dossier.domain.DossierPauses;
import vn.gov.quangtri.motcua.dossier.infrastructure.DossierRepository;
import vn.gov.quangtri.motcua.interagency.domain.TransferSide;
import vn.gov.quangtri.motcua.interagency.domain.TransferStatus;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.Texts;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * Handling of received dossiers (docs/domain.md §2.5–2.10): assignment, completing internal steps, approval or
 * reasoned rejection, supplement and financial-obligation pauses, stopping, and returning the result.
 * One transaction per method; the dossier row is locked for the change, every change appends a history
 * event in the same transaction, and an illegal transition changes nothing.
 *
 * <p>Every method checks that the signed-in account may see the dossier's unit and that its roles allow
 * the action at the current step ({@link AccessScope#permits}); otherwise it throws
 * {@link vn.gov.quangtri.motcua.shared.domain.ForbiddenException} and changes nothing.
 *
 * <p>{@code expectedVersion} (optional) is the dossier version the officer's screen showed; a mismatch
 * is refused as a concurrent change (docs/cases.md C23).
 */
@Stateless
public class ProcessingService {

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    @Inject
    private DossierRepository dossiers;

    @Inject
    private DossierChanges changes;

    @EJB
    private DossierFiles files;

    @EJB
    private CalendarService calendars;

    @EJB
    private AccessControl access;

    @Inject
    private Clock clock;

    /**
     * Assigns the current step to a handler: an active account of the dossier's unit whose roles perform
     * the step ({@code HANDLER_NOT_ELIGIBLE} otherwise).
     */
    public Dossier assign(String code, String handler, ActionTime when, Long expectedVersion) {
        return change(code, new DossierCommand(DossierAction.ASSIGN, null, null, handler, null, null, null, null, null,
            null), when, expectedVersion, (d, who, at) -> {
            requireEligible(d, handler);
            d.assign(at, who, handler);
        });
    }

    private void requireEligible(Dossier d, String handler) {
        if (handler == null || handler.isBlank()) {
            return; // the dossier answers HANDLER_REQUIRED
        }
        AccessScope candidate = access.scopeOf(handler.strip());
        StepRole step = d.currentStepRole();
        if (candidate == AccessScope.NONE || !candidate.covers(d.receivingAgency().code()) || step == null
                || candidate.roles().stream().noneMatch(r -> r.performs(step))) {
            throw new RuleViolationException("HANDLER_NOT_ELIGIBLE", "Account " + Texts.limited("handler", handler, 300)
                + " cannot handle this step", List.of("handler: an active account of " + d.receivingAgency().code()
                + " performing " + step + " steps"));
        }
    }

    /** A new appointment falls on a working day within office hours (opening to closing, Vietnam time). */
    private void requireOfficeTime(Instant at) {
        if (at == null) {
            return; // the dossier answers NEW_DATE_NOT_LATER
        }
        var calendar = calendars.current();
        var local = VietnamTime.local(at);
        var hours = calendar.officeHours();
        if (!calendar.isWorkingDay(local.toLocalDate()) || local.toLocalTime().isBefore(hours.opening())
                || local.toLocalTime().isAfter(hours.closing())) {
            throw new RuleViolationException("NEW_DATE_NOT_OFFICE_TIME", "The new appointment must be on a working day"
                + " within office hours", List.of("newDueAt: a working day, " + hours.opening() + "–" + hours.closing()));
        }
    }

    /**
     * Completes the current work step and passes the dossier on (or makes the result ready after the last).
     *
     * @throws ConflictException {@code STEP_OF_PARTNER_AGENCY} when the step is an inter-agency leg: another
     *                           agency performs it and only that leg's result completes it
     */
    public Dossier completeStep(String code, String note, ActionTime when, Long expectedVersion) {
        return change(code, DossierCommand.withNote(DossierAction.COMPLETE_STEP, note), when, expectedVersion,
            (locked, d, who, at) -> {
            requireOwnStep(locked);
            d.completeStep(at, who, note, calendars.current());
        });
    }

    /**
     * Approves at the approval step.
     *
     * @throws ConflictException {@code STEP_OF_PARTNER_AGENCY} as for {@link #completeStep}
     */
    public Dossier approve(String code, String note, ActionTime when, Long expectedVersion) {
        return approve(code, note, null, when, expectedVersion);
    }

    /**
     * Approves at the approval step, with the signed decision (number, date, signer; kept on the history event).
     *
     * @param decision may be null; its date may not be after the approval's business day nor before the receipt
     *                 ({@code DECISION_AFTER_ACTION}, {@code DECISION_BEFORE_RECEIPT})
     * @throws ConflictException {@code STEP_OF_PARTNER_AGENCY} as for {@link #completeStep}
     */
    public Dossier approve(String code, String note, Decision decision, ActionTime when, Long expectedVersion) {
        return change(code, new DossierCommand(DossierAction.APPROVE, note, null, null, null, null, null, null, null,
            decision), when, expectedVersion, (locked, d, who, at) -> {
            requireOwnStep(locked);
            d.approve(at, who, note, calendars.current());
        });
    }

    /**
     * The leg of the dossier's procedure performed at its current step, if any: that step belongs to a
     * co-operating agency (liên thông, Decree 118/2025 art. 26; docs/interagency.md) and is completed by the
     * leg's result coming back ({@code TransferService.applyToSender}), never by an officer here. A child
     * dossier received by transfer works its own steps.
     */
    public Optional<ProcedureLeg> legAtCurrentStep(Dossier d) {
        if (d.origin().child() || d.currentStep() == null) {
            return Optional.empty();
        }
        return em.createNamedQuery("ProcedureLeg.ofProcedure", ProcedureLeg.class)
            .setParameter("code", d.snapshot().code()).getResultList().stream()
            .filter(l -> l.stepPosition() == d.currentStep()).findFirst();
    }

    /**
     * The actions the signed-in account may take on the dossier now: what the dossier allows
     * ({@link Dossier#allowedActions}: lifecycle table and its own state, at this moment on the working calendar),
     * less what its roles do not permit at the current step ({@link AccessScope#permits}), the completion of a
     * step that belongs to another agency ({@link #legAtCurrentStep}), and a transfer when the current step has no
     * leg or its leg is already at the partner. Empty outside the account's units. The
     * screens offer exactly these actions and the API lists them as {@code allowedActions}; each action is
     * checked again when taken.
     */
    public Set<DossierAction> allowedActions(Dossier d) {
        AccessScope scope = access.current();
        Set<DossierAction> allowed = EnumSet.noneOf(DossierAction.class);
        if (!scope.covers(d.receivingAgency().code())) {
            return allowed;
        }
        Optional<ProcedureLeg> leg = legAtCurrentStep(d);
        boolean partnerStep = scope != AccessScope.SYSTEM && leg.isPresent();
        for (DossierAction a : d.allowedActions(clock.instant(), calendars.current())) {
            if (partnerStep && (a == DossierAction.COMPLETE_STEP || a == DossierAction.APPROVE)) {
                continue;
            }
            if (a == DossierAction.TRANSFER_OUT && (leg.isEmpty() || transferOpen(d, leg.get()))) {
                continue; // nothing to transfer at this step, or its leg is already at the partner
            }
            if (scope.permits(a, d.currentStepRole())) {
                allowed.add(a);
            }
        }
        return allowed;
    }

    /** Whether the leg has a transfer of this dossier still under way (not answered with a result or a refusal). */
    private boolean transferOpen(Dossier d, ProcedureLeg leg) {
        return em.createQuery("SELECT COUNT(t) FROM InterAgencyTransfer t WHERE t.dossier = :d AND t.side = :side"
                + " AND t.legPosition = :leg AND t.status NOT IN :answered", Long.class)
            .setParameter("d", d).setParameter("side", TransferSide.SENDER).setParameter("leg", leg.position())
            .setParameter("answered", TransferStatus.FINAL)
            .getSingleResult() > 0;
    }

    /**
     * Officers may not complete another agency's step; trusted in-process work (migration of results received
     * on paper, sample data) may.
     */
    private void requireOwnStep(DossierChanges.Locked locked) {
        if (locked.trusted()) {
            return;
        }
        legAtCurrentStep(locked.dossier()).ifPresent(leg -> {
            throw new ConflictException("STEP_OF_PARTNER_AGENCY", "Step " + leg.stepPosition() + " of dossier "
                + locked.dossier().code() + " is performed by another agency (inter-agency leg " + leg.position()
                + "): transfer the dossier; the leg's result completes the step");
        });
    }

    /** Sends the dossier back to the previous step for rework, with a reason; the appointment stays. */
    public Dossier returnForRework(String code, String reason, ActionTime when, Long expectedVersion) {
        return change(code, DossierCommand.withReason(DossierAction.RETURN_FOR_REWORK, reason), when, expectedVersion,
            (d, who, at) -> d.returnForRework(at, who, reason, calendars.current()));
    }

    /**
     * Disapproves on the merits with a reasoned reply (không giải quyết, NOT_APPROVED); not to be confused with
     * {@link IntakeService#refuse} (từ chối tiếp nhận at intake).
     */
    public Dossier disapprove(String code, String reason, ActionTime when, Long expectedVersion) {
        return disapprove(code, reason, null, when, expectedVersion);
    }

    /**
     * Disapproves on the merits with a reasoned reply and the signed decision or reply letter behind it (number,
     * date, signer; kept on the history event, dated as for {@link #approve(String, String, Decision, ActionTime,
     * Long)}).
     *
     * @param decision may be null
     */
    public Dossier disapprove(String code, String reason, Decision decision, ActionTime when, Long expectedVersion) {
        return change(code, new DossierCommand(DossierAction.REJECT, null, reason, null, null, null, null, null, null,
            decision), when, expectedVersion, (d, who, at) -> d.disapprove(at, who, reason));
    }

    /** Requests a supplement during appraisal; the clock pauses. */
    public Dossier requestSupplement(String code, List<String> missing, ActionTime when, Long expectedVersion) {
        return requestSupplement(code, missing, null, when, expectedVersion);
    }

    /**
     * Requests a supplement during appraisal with the officer's note (kept in the history after the items,
     * one per line); the clock pauses.
     *
     * @param note may be null
     */
    public Dossier requestSupplement(String code, List<String> missing, String note, ActionTime when,
                                     Long expectedVersion) {
        return change(code, new DossierCommand(DossierAction.REQUEST_SUPPLEMENT, note, null, null, missing, null, null,
            null, null, null), when, expectedVersion,
            (d, who, at) -> DossierPauses.requestSupplement(d, at, who, missing, note));
    }

    /** Asks the applicant to fulfil a financial obligation. */
    public Dossier requestFinancialObligation(String code, String reason, ActionTime when, Long expectedVersion) {
        return change(code, DossierCommand.withReason(DossierAction.REQUEST_FINANCIAL_OBLIGATION, reason), when,
            expectedVersion,
            (d, who, at) -> DossierPauses.requestFinancialObligation(d, at, who, reason));
    }

    /** Resumes after the applicant supplemented or paid; a paused clock restarts and deadlines move. */
    public Dossier resume(String code, String note, ActionTime when, Long expectedVersion) {
        return resume(code, note, null, when, expectedVersion);
    }

    /**
     * Resumes after the applicant supplemented or paid; a paused clock restarts and the appointment and the
     * open steps' deadlines move by the paused working time. After a supplement the history records the
     * requested items handed in.
     *
     * @param receivedItems the requested items handed in (each as requested); null for all of them
     */
    public Dossier resume(String code, String note, List<String> receivedItems, ActionTime when, Long expectedVersion) {
        return change(code, new DossierCommand(DossierAction.RESUME, note, null, null, null, receivedItems, null, null,
            null, null), when, expectedVersion,
            (d, who, at) -> DossierPauses.resume(d, at, who, note, receivedItems, calendars.current()));
    }

    /** Stops processing before a decision (Decree 118/2025 art. 21). */
    public Dossier stop(String code, String reason, ActionTime when, Long expectedVersion) {
        return change(code, DossierCommand.withReason(DossierAction.STOP, reason), when, expectedVersion,
            (d, who, at) -> d.stop(at, who, reason));
    }

    /**
     * Stops processing because the applicant withdrew the dossier (Decree 118/2025 art. 21): as {@link #stop}, counted
     * as withdrawn in the period report (a withdrawal held for a leader's backdating approval stays one).
     */
    public Dossier withdraw(String code, String reason, ActionTime when, Long expectedVersion) {
        return change(code, new DossierCommand(DossierAction.STOP, null, reason, null, null, null, null, null,
                DossierCommand.WITHDRAWN, null), when, expectedVersion,
            (d, who, at) -> d.withdraw(at, who, reason));
    }

    /**
     * Apology with a new appointment (form 04), once per dossier and only when the dossier is overdue or
     * cannot finish in time ({@link Dossier#apologyDue}, 409 {@code NOT_LATE} otherwise); the new date must be
     * on a working day in office hours; the original appointment stays the reference for lateness.
     */
    public Dossier reschedule(String code, Instant newDueAt, String reason, ActionTime when, Long expectedVersion) {
        return change(code, new DossierCommand(DossierAction.RESCHEDULE, null, reason, null, null, null, newDueAt, null,
            null, null), when, expectedVersion,
            (d, who, at) -> {
                if (newDueAt != null) {
                    calendars.requireCovered(newDueAt); // never an appointment in a year without a holiday calendar
                }
                requireOfficeTime(newDueAt);
                Apology.reschedule(d, at, who, newDueAt, reason, calendars.current());
            });
    }

    /** Hands the result (or the reasoned negative reply) over to the applicant (trả kết quả): RETURNED. */
    public Dossier handOverResult(String code, String receivedBy, String method, String note, ActionTime when,
                                  Long expectedVersion) {
        return change(code, new DossierCommand(DossierAction.RETURN_RESULT, note, null, null, null, null, null,
            receivedBy, method, null), when, expectedVersion,
            (d, who, at) -> d.handOverResult(at, who, receivedBy, method, note, electronicResult(d)));
    }

    /** The electronic result handed over with the paper one, when the procedure issues one and it is attached. */
    private DossierFile electronicResult(Dossier d) {
        return d.procedure() != null && d.procedure().electronicResult()
            ? files.currentResult(d.code()).orElse(null) : null;
    }

    /**
     * Reads a dossier with documents, steps and history loaded, for display only ({@link DossierRepository#findToRead}:
     * changes to it are never written).
     *
     * @throws vn.gov.quangtri.motcua.shared.domain.NotFoundException when there is none or it is outside the scope
     */
    public Dossier find(String code) {
        return loaded(dossiers.findToRead(code, access.current()));
    }

    /**
     * A dossier for display with the actions the signed-in account may take on it now ({@link #allowedActions}), read
     * in one transaction: what a lookup answers.
     *
     * @throws vn.gov.quangtri.motcua.shared.domain.NotFoundException when there is none or it is outside the scope
     */
    public Seen see(String code) {
        Dossier d = find(code);
        return new Seen(d, allowedActions(d));
    }

    /**
     * A dossier as read for display and the actions the signed-in account may take on it.
     *
     * @param dossier        loaded for display, not to be changed
     * @param allowedActions as {@link #allowedActions}
     */
    public record Seen(Dossier dossier, Set<DossierAction> allowedActions) {
    }

    /**
     * Applies an action through the one change path ({@link DossierChanges#lock}: scope, lock, version, role;
     * the signed-in account is the actor, or the name trusted work runs under) at the time it happened
     * ({@link DossierChanges#apply}: a time too far back waits for a leader) and writes it in this transaction.
     */
    private Dossier change(String code, DossierCommand command, ActionTime when, Long expectedVersion, Act action) {
        return change(code, command, when, expectedVersion, (locked, d, who, at) -> action.apply(d, who, at));
    }

    private Dossier change(String code, DossierCommand command, ActionTime when, Long expectedVersion,
                           Action action) {
        DossierChanges.Locked locked = changes.lock(code, expectedVersion, command.action());
        changes.apply(locked, command, when, clock.instant(), calendars.current(),
            at -> action.apply(locked, locked.dossier(), locked.actor(), at));
        dossiers.flush();
        return loaded(locked.dossier());
    }

    /** An action on a locked dossier at a business time. */
    @FunctionalInterface
    private interface Act {
        void apply(Dossier dossier, String actor, Instant at);
    }

    /** An action on a locked dossier at a business time, told whether the caller is trusted. */
    @FunctionalInterface
    private interface Action {
        void apply(DossierChanges.Locked locked, Dossier dossier, String actor, Instant at);
    }

    /** Loads the dossier's collections inside the transaction, for display after it ends. */
    private static Dossier loaded(Dossier d) {
        d.documents().size();
        d.steps().size();
        d.history().size();
        d.receivingAgency().name();
        return d;
    }
}
