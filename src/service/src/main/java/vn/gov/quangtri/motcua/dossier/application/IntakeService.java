package vn.gov.quangtri.motcua.dossier.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.gov.quangtri.motcua.account.application.AccessControl;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.agency.domain.Agency;
import vn.gov.quangtri.motcua.calendar.application.CalendarService;
import vn.gov.quangtri.motcua.calendar.domain.Appointment;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.catalogue.domain.Procedure;
import vn.gov.quangtri.motcua.dossier.domain.Channel;
import vn.gov.quangtri.motcua.dossier.domain.CompletenessCheck;
import vn.gov.quangtri.motcua.dossier.domain.DocumentLine;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierAction;
import vn.gov.quangtri.motcua.dossier.domain.DossierCode;
import vn.gov.quangtri.motcua.dossier.domain.DossierIntake;
import vn.gov.quangtri.motcua.dossier.domain.ProcessPlanner;
import vn.gov.quangtri.motcua.dossier.domain.Submission;
import vn.gov.quangtri.motcua.dossier.infrastructure.DossierCodeSequence;
import vn.gov.quangtri.motcua.dossier.infrastructure.DossierRepository;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * Intake at the One-stop Unit (tiếp nhận, docs/domain.md §2.2): completeness check, then receive with a
 * dossier code and appointment, or record a supplement request, or refuse; and the officer's check of
 * online submissions. Each method is one transaction; a refused rule stores nothing. Only desk officers of
 * the receiving unit may act (the signed-in account is recorded as the actor).
 *
 * <p>Setting {@code motcua.intake.online-clock-start}: {@code ACCEPTANCE} (default; the clock starts
 * when the officer accepts, docs/domain.md §2.2/§3.3) or {@code SUBMISSION} (from the online submission,
 * moved to the next working morning when outside office hours, docs/cases.md K3).
 */
@Stateless
public class IntakeService {


    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    @Inject
    private DossierRepository dossiers;

    @Inject
    private DossierChanges changes;

    @EJB
    private DossierCodeSequence sequence;

    @EJB
    private CalendarService calendars;

    @EJB
    private AccessControl access;

    @Inject
    private Clock clock;

    @Inject
    private jakarta.enterprise.event.Event<DossierChanged> changed;

    @Inject
    @ConfigProperty(name = "motcua.intake.online-clock-start", defaultValue = "ACCEPTANCE")
    String onlineClockStart;

    /**
     * Lodges a new dossier (nộp hồ sơ): an online submission is recorded and waits for the officer's check; at
     * the desk or by post the officer's outcome applies (received, supplement requested or refused). The
     * signed-in account is recorded as the actor (trusted work: the name of its {@code SystemTask.run}).
     *
     * @param request the dossier as handed in
     * @return the stored dossier
     * @throws RuleViolationException for an unknown procedure or agency, a closed agency, a procedure without a
     *                                time limit, an incomplete dossier marked RECEIVE, or a future submission time
     */
    public Dossier lodge(IntakeRequest request) {
        AccessScope scope = access.current();
        Instant now = clock.instant();
        Instant at = EventTimes.occurred("submittedAt", request.submittedAt(), now);
        Procedure procedure = procedure(request.procedureCode());
        Agency agency = receivingAgency(request.receivingAgencyCode(), VietnamTime.local(at).toLocalDate());
        scope.requirePermits(agency.code(), request.channel() == Channel.ONLINE ? DossierAction.SUBMIT_ONLINE
            : DossierAction.RECEIVE, null);
        String actor = DossierChanges.actorOf(scope, "a new dossier");
        List<DocumentLine> docs = CompletenessCheck.named(procedure,
            request.documents() == null ? List.of() : request.documents());
        calendars.requireCovered(at);
        Submission submission = new Submission(nextCode(agency, VietnamTime.local(at).toLocalDate()), procedure,
            agency, request.channel(), request.applicant(), docs, at);
        Dossier dossier;
        if (request.channel() == Channel.ONLINE) {
            dossier = DossierIntake.submitOnline(submission, actor);
        } else {
            IntakeOutcome outcome = request.outcome() == null ? IntakeOutcome.RECEIVE : request.outcome();
            dossier = switch (outcome) {
                case RECEIVE -> {
                    requireReceivable(procedure);
                    List<String> missing = CompletenessCheck.deficiencies(procedure, docs);
                    if (!missing.isEmpty()) {
                        throw new RuleViolationException("INCOMPLETE_DOSSIER",
                            "The dossier is incomplete: request a supplement listing every missing item", missing);
                    }
                    WorkingCalendar calendar = calendars.current();
                    Appointment appointment = Appointment.of(calendar, at, procedure.timeLimit());
                    calendars.requireCovered(appointment.clockStart(), appointment.dueAt());
                    yield DossierIntake.receive(submission, appointment,
                        ProcessPlanner.plan(procedure, calendar, appointment), calendar, actor, request.note());
                }
                case REQUEST_SUPPLEMENT -> DossierIntake.requestSupplementAtIntake(submission, actor,
                    request.missingItems(), request.note());
                case REFUSE -> DossierIntake.refuseAtIntake(submission, actor, request.refusalReason());
            };
        }
        dossiers.add(dossier);
        dossiers.flush();
        changed.fire(new DossierChanged(dossier, 0));
        return dossier;
    }

    /**
     * Accepts a dossier awaiting intake (online submission, or completed after a supplement request):
     * RECEIVED, clock started, appointment set.
     *
     * @throws RuleViolationException when the procedure has no time limit
     */
    public Dossier accept(String code, String note, ActionTime when, Long expectedVersion) {
        DossierChanges.Locked locked = changes.lock(code, expectedVersion, DossierAction.RECEIVE);
        Dossier dossier = locked.dossier();
        String actor = locked.actor();
        requireReceivable(dossier.procedure());
        WorkingCalendar calendar = calendars.current();
        changes.apply(locked, DossierCommand.withNote(DossierAction.RECEIVE, note), when, clock.instant(), calendar,
            at -> {
                Instant from = dossier.channel() == Channel.ONLINE && "SUBMISSION".equalsIgnoreCase(onlineClockStart)
                    && dossier.history().size() == 1 ? dossier.submittedAt() : at;
                Appointment appointment = Appointment.of(calendar, from, dossier.clock().timeLimit());
                calendars.requireCovered(appointment.clockStart(), appointment.dueAt());
                DossierIntake.accept(dossier, at, appointment,
                    ProcessPlanner.plan(dossier.procedure(), calendar, appointment),
                    calendar, actor, note);
            });
        dossiers.flush();
        return dossier;
    }

    /** Asks the online applicant, once, for everything missing (form 02). */
    public Dossier requestSupplementAtIntake(String code, List<String> missing, ActionTime when,
                                             Long expectedVersion) {
        return requestSupplementAtIntake(code, missing, null, when, expectedVersion);
    }

    /**
     * Asks the online applicant, once, for everything missing (form 02), with the officer's note kept in the
     * history after the items.
     *
     * @param note may be null
     */
    public Dossier requestSupplementAtIntake(String code, List<String> missing, String note, ActionTime when,
                                             Long expectedVersion) {
        DossierChanges.Locked locked = changes.lock(code, expectedVersion, DossierAction.REQUEST_SUPPLEMENT_AT_INTAKE);
        Dossier dossier = locked.dossier();
        changes.apply(locked, new DossierCommand(DossierAction.REQUEST_SUPPLEMENT_AT_INTAKE, note, null, null, missing,
                null, null, null, null, null), when, clock.instant(), calendars.current(),
            at -> DossierIntake.requestSupplementAtIntake(dossier, at, locked.actor(), missing, note));
        dossiers.flush();
        return dossier;
    }

    /** Refuses a dossier awaiting intake with its reasons (từ chối tiếp nhận, form 03). */
    public Dossier refuse(String code, String reason, ActionTime when, Long expectedVersion) {
        DossierChanges.Locked locked = changes.lock(code, expectedVersion, DossierAction.REFUSE);
        Dossier dossier = locked.dossier();
        changes.apply(locked, DossierCommand.withReason(DossierAction.REFUSE, reason), when, clock.instant(),
            calendars.current(), at -> DossierIntake.refuse(dossier, at, locked.actor(), reason));
        dossiers.flush();
        return dossier;
    }

    private Procedure procedure(String code) {
        if (code == null || code.isBlank()) {
            throw new RuleViolationException("PROCEDURE_REQUIRED", "procedureCode is required");
        }
        List<Procedure> found = em.createNamedQuery("Procedure.findByCode", Procedure.class)
            .setParameter("code", code.strip()).getResultList();
        if (found.isEmpty()) {
            throw new RuleViolationException("UNKNOWN_PROCEDURE", "No procedure with code '" + code + "'");
        }
        return found.get(0);
    }

    private Agency receivingAgency(String code, LocalDate day) {
        Agency agency = code == null ? null : em.find(Agency.class, code.strip());
        if (agency == null) {
            throw new RuleViolationException("UNKNOWN_AGENCY", "No agency with code '" + code + "'");
        }
        if (!agency.receivesDossiers()) {
            throw new RuleViolationException("NOT_A_RECEIVING_UNIT",
                agency.name() + " has no One-stop desk; dossiers are received by service centres and communes");
        }
        if (!agency.isValidOn(day)) {
            throw new RuleViolationException("AGENCY_NOT_VALID",
                agency.name() + " did not exist on " + day + " (valid "
                    + (agency.validFrom() == null ? "" : "from " + agency.validFrom() + " ")
                    + (agency.validTo() == null ? "" : "until " + agency.validTo())
                    + (agency.successor() != null ? "; successor " + agency.successor().code() : "") + ")");
        }
        if (agency.edocCode() == null) {
            throw new RuleViolationException("NO_ELECTRONIC_IDENTIFIER", agency.name() + " has no electronic identifier");
        }
        return agency;
    }

    private DossierCode nextCode(Agency agency, LocalDate day) {
        int n = sequence.next(agency.edocCode(), day);
        if (n > 9999) {
            throw new RuleViolationException("DAILY_SEQUENCE_EXHAUSTED",
                "More than 9999 dossiers on " + day + " at " + agency.name());
        }
        return DossierCode.of(agency.edocCode(), day, n);
    }

    private static void requireReceivable(Procedure procedure) {
        if (!procedure.canReceiveDossiers()) {
            throw new RuleViolationException("TIME_LIMIT_MISSING", "Procedure " + procedure.code()
                + " has no statutory time limit configured; an administrator must complete it before dossiers can be received");
        }
    }
}
