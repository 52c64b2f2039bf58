package vn.gov.quangtri.motcua.dossier.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import vn.gov.quangtri.motcua.account.application.AccessControl;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.dossier.domain.BackdatingRequest;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.infrastructure.DossierRepository;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.ForbiddenException;
import vn.gov.quangtri.motcua.shared.domain.Texts;

/**
 * A leader's decision on a backdating request (docs/domain.md §3.4, metric integrity): approving applies the
 * action exactly as the officer keyed it, at its business time, recorded as the officer's with the leader named on
 * the history event; refusing leaves the dossier as it is. Only a leader ({@link Role#LEADER}) of the dossier's unit
 * decides (a leader whose units include the dossier's, e.g. of the unit or the province), never the officer who
 * keyed the action; and only while that officer may still take the action.
 */
@Stateless
public class BackdatingApprovals {

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    @Inject
    private DossierRepository dossiers;

    @EJB
    private BackdatingRequests requests;

    @EJB
    private AccessControl access;

    @EJB
    private IntakeService intake;

    @EJB
    private ProcessingService processing;

    @Inject
    private Clock clock;

    /**
     * Approves: the action is applied to the dossier at its business time, then the request is marked approved.
     *
     * @param id   the request
     * @param note the leader's note; may be null
     * @return the dossier after the action
     * @throws vn.gov.quangtri.motcua.shared.domain.NotFoundException unknown request or outside the leader's units
     * @throws ForbiddenException {@code ROLE_REQUIRED} (not a leader), {@code OWN_REQUEST}
     * @throws vn.gov.quangtri.motcua.shared.domain.ConflictException {@code REQUEST_DECIDED},
     *         {@code DOSSIER_CHANGED_SINCE} (the dossier moved on: refuse the request), {@code REQUESTER_NOT_PERMITTED}
     *         (the officer's roles or unit changed since), and whatever the action itself refuses now
     */
    public Dossier approve(long id, String note) {
        String leader = requireLeader();
        BackdatingRequest r = decidable(id, leader);
        Dossier d = dossiers.find(r.dossierCode());
        r.requireStillFits(d);
        long version = d.version();
        DossierCommand c = DossierCommand.fromJson(r.command());
        ActionTime when = new ActionTime(r.occurredAt(), r.reason());
        AccessScope keyedBy = access.scopeOf(r.requestedBy());
        if (!keyedBy.covers(r.unitCode()) || !keyedBy.permits(r.action(), d.currentStepRole())) {
            throw new ConflictException("REQUESTER_NOT_PERMITTED", "Account " + r.requestedBy() + " may no longer take"
                + " this action on dossier " + r.dossierCode() + " (its roles or unit changed); refuse the request");
        }
        Dossier done = ApprovedBackdating.run(new ApprovedBackdating.Approval(r.id(), r.requestedBy(), leader),
            () -> replay(r.dossierCode(), c, when, version));
        r.approved(leader, clock.instant(), noteOf(note));
        em.flush();
        return done;
    }

    /**
     * Refuses: the dossier does not change; the request keeps who refused, when and why.
     *
     * @param note why (required: {@code REASON_REQUIRED})
     * @throws ForbiddenException as for {@link #approve}
     */
    public BackdatingRequest refuse(long id, String note) {
        String leader = requireLeader();
        String why = noteOf(note);
        if (why == null) {
            throw new vn.gov.quangtri.motcua.shared.domain.RuleViolationException("REASON_REQUIRED",
                "Say why the backdating request is refused", java.util.List.of("note: required"));
        }
        BackdatingRequest r = decidable(id, leader);
        r.refused(leader, clock.instant(), why);
        em.flush();
        return r;
    }

    private String requireLeader() {
        AccessScope scope = access.current();
        if (scope == AccessScope.SYSTEM) {
            return DossierChanges.actorOf(scope, "a backdating request");
        }
        if (!scope.has(Role.LEADER)) {
            throw new ForbiddenException("ROLE_REQUIRED", "Only a leader decides a backdating request");
        }
        return scope.username();
    }

    private BackdatingRequest decidable(long id, String leader) {
        BackdatingRequest r = requests.find(id);
        em.lock(r, LockModeType.PESSIMISTIC_WRITE);
        r.requireDecidableBy(leader);
        return r;
    }

    private static String noteOf(String note) {
        return note == null || note.isBlank() ? null
            : Texts.plain("note", Texts.limited("note", note.strip(), Texts.LONG), true);
    }

    /** Applies the kept action through the service that takes it, as the officer keyed it. */
    private Dossier replay(String code, DossierCommand c, ActionTime when, long version) {
        return switch (c.action()) {
            case RECEIVE -> intake.accept(code, c.note(), when, version);
            case REQUEST_SUPPLEMENT_AT_INTAKE -> intake.requestSupplementAtIntake(code, c.items(), c.note(), when,
                version);
            case REFUSE -> intake.refuse(code, c.reason(), when, version);
            case ASSIGN -> processing.assign(code, c.handler(), when, version);
            case COMPLETE_STEP -> processing.completeStep(code, c.note(), when, version);
            case APPROVE -> processing.approve(code, c.note(), c.decision(), when, version);
            case REJECT -> processing.disapprove(code, c.reason(), c.decision(), when, version);
            case RETURN_FOR_REWORK -> processing.returnForRework(code, c.reason(), when, version);
            case REQUEST_SUPPLEMENT -> processing.requestSupplement(code, c.items(), c.note(), when, version);
            case REQUEST_FINANCIAL_OBLIGATION -> processing.requestFinancialObligation(code, c.reason(), when, version);
            case RESUME -> processing.resume(code, c.note(), c.receivedItems(), when, version);
            case STOP -> DossierCommand.WITHDRAWN.equals(c.method()) ? processing.withdraw(code, c.reason(), when, version)
                : processing.stop(code, c.reason(), when, version);
            case RESCHEDULE -> processing.reschedule(code, c.newDueAt(), c.reason(), when, version);
            case RETURN_RESULT -> processing.handOverResult(code, c.receivedBy(), c.method(), c.note(), when, version);
            default -> throw new IllegalStateException("No backdating request is kept for " + c.action());
        };
    }
}
