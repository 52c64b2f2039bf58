package vn.gov.quangtri.motcua.dossier.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.gov.quangtri.motcua.account.application.AccessControl;
import vn.gov.quangtri.motcua.account.application.AccountService;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.agency.application.AgencyService;
import vn.gov.quangtri.motcua.agency.domain.Agency;
import vn.gov.quangtri.motcua.calendar.application.CalendarService;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.catalogue.domain.ProcedureLeg;
import vn.gov.quangtri.motcua.catalogue.domain.StepRole;
import vn.gov.quangtri.motcua.dossier.application.DossierView.ApplicantDetails;
import vn.gov.quangtri.motcua.dossier.application.DossierView.BackdatingLine;
import vn.gov.quangtri.motcua.dossier.application.DossierView.Choice;
import vn.gov.quangtri.motcua.dossier.application.DossierView.Deadline;
import vn.gov.quangtri.motcua.dossier.application.DossierView.DocumentItem;
import vn.gov.quangtri.motcua.dossier.application.DossierView.HistoryEntry;
import vn.gov.quangtri.motcua.dossier.application.DossierView.InterAgency;
import vn.gov.quangtri.motcua.dossier.application.DossierView.Leg;
import vn.gov.quangtri.motcua.dossier.application.DossierView.Person;
import vn.gov.quangtri.motcua.dossier.application.DossierView.ProcedureRef;
import vn.gov.quangtri.motcua.dossier.application.DossierView.StepLine;
import vn.gov.quangtri.motcua.dossier.application.DossierView.TransferLine;
import vn.gov.quangtri.motcua.dossier.domain.Apology;
import vn.gov.quangtri.motcua.dossier.domain.Applicant;
import vn.gov.quangtri.motcua.dossier.domain.BackdatingRequest;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierAction;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.interagency.application.TransferService;
import vn.gov.quangtri.motcua.interagency.domain.InterAgencyTransfer;
import vn.gov.quangtri.motcua.interagency.domain.TransferSide;
import vn.gov.quangtri.motcua.interagency.domain.TransferStatus;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * Builds the dossier screen's read model ({@link DossierView}) in one read transaction: the dossier with its
 * steps, documents and history, the actions the signed-in account may take ({@link ProcessingService#allowedActions}),
 * the officers' full names, the handlers to choose from and the "Liên thông" panel. The one place where the
 * screens' dossier model reads the {@link Dossier} entity: a renamed getter is fixed here.
 */
@Stateless
public class DossierViews {

    /** The inter-agency actions, offered in the "Liên thông" panel rather than the action bar. */
    private static final Set<DossierAction> PANEL_ACTIONS = Set.of(DossierAction.TRANSFER_OUT,
        DossierAction.RETURN_TO_SENDER, DossierAction.INTERAGENCY_RESULT, DossierAction.INTERAGENCY_REJECTED);

    @EJB
    private ProcessingService processing;

    @EJB
    private TransferService transfers;

    @EJB
    private AccountService accounts;

    @EJB
    private AgencyService agencies;

    @EJB
    private CalendarService calendars;

    @EJB
    private AccessControl access;

    @EJB
    private BackdatingRequests requests;

    @Inject
    private Clock clock;

    /**
     * The dossier as the signed-in account sees it now.
     *
     * @throws vn.gov.quangtri.motcua.shared.domain.NotFoundException  no dossier has that code
     * @throws vn.gov.quangtri.motcua.shared.domain.ForbiddenException {@code OUT_OF_SCOPE}
     */
    public DossierView of(String code) {
        ProcessingService.Seen seen = processing.see(code);
        Dossier d = seen.dossier();
        Set<DossierAction> allowed = seen.allowedActions();
        Instant now = clock.instant();
        return assemble(d, now, calendars.current(), allowed, fullNames(d),
            allowed.contains(DossierAction.ASSIGN) ? handlers(d) : List.of(), interAgency(d, allowed, now),
            backdating(d));
    }

    /** The dossier's backdating requests, each marked whether the signed-in account may decide it now. */
    private List<BackdatingLine> backdating(Dossier d) {
        return lines(requests.ofDossier(d.code()));
    }

    /** The backdating requests of the signed-in account's units waiting for a leader, oldest first (at most 500). */
    public List<BackdatingLine> pendingBackdating() {
        return lines(requests.inScope(BackdatingRequest.Status.PENDING));
    }

    private List<BackdatingLine> lines(List<BackdatingRequest> found) {
        AccessScope scope = access.current();
        boolean leader = scope.has(Role.LEADER) && scope != AccessScope.SYSTEM;
        return found.stream().map(r -> new BackdatingLine(r.id(), r.dossierCode(), r.action(), r.occurredAt(),
            r.reason(), r.requestedBy(), r.requestedAt(), r.status(), r.decidedBy(), r.decidedAt(), r.decisionNote(),
            leader && r.status() == BackdatingRequest.Status.PENDING
                && !r.requestedBy().equalsIgnoreCase(scope.username()),
            DossierCommand.fromJson(r.command()).summary())).toList();
    }

    /**
     * Builds the view from what the services gathered (pure: no query), at {@code now} on {@code calendar}.
     *
     * @param names    user name → full name of the officers named in the steps and the history
     * @param handlers the officers to choose for "assign / forward"
     */
    static DossierView assemble(Dossier d, Instant now, WorkingCalendar calendar, Set<DossierAction> allowed,
                                Map<String, String> names, List<Person> handlers, InterAgency interAgency,
                                List<BackdatingLine> backdating) {
        Applicant a = d.applicant();
        return new DossierView(d.code(), d.version(), d.status(), d.regime(), d.channel(),
            new ProcedureRef(d.snapshot().code(), d.snapshot().name(), d.snapshot().revision(), d.snapshot().field(),
                d.snapshot().feeVnd()),
            d.receivingAgency().code(), d.receivingAgency().name(),
            new ApplicantDetails(a.kind() == null ? null : a.kind().name(), a.name(), a.idNumber(), a.phone(),
                a.email(), a.address()),
            d.submittedAt(), d.clock().receivedAt(), deadline(d, now, calendar), d.handOver().returnedTo(), d.handOver().method(),
            d.handOver().returnedAt(), d.supplementCount(), d.currentStep(),
            d.steps().stream().map(s -> {
                String by = s.completedBy() != null ? s.completedBy() : s.handler();
                boolean overdueNow = s.startedAt() != null && s.completedAt() == null && s.dueAt() != null
                    && d.clock().pausedAt() == null && now.isAfter(s.dueAt());
                return new StepLine(s.position(), s.name(), s.responsibleUnit(), by, name(names, by), s.startedAt(),
                    s.dueAt(), s.completedAt(), s.timeliness(), overdueNow);
            }).toList(),
            d.documents().stream().map(doc -> new DocumentItem(doc.position(), doc.name(), doc.form(),
                doc.quantity())).toList(),
            d.history().stream().map(e -> new HistoryEntry(e.seq(), e.occurredAt(), e.recordedAt(), e.actor(),
                name(names, e.actor()), e.action(), e.stepPosition(), e.fromStatus(), e.toStatus(), e.reason(),
                e.dueBefore(), e.dueAfter(), e.backdatingReason(), e.backdatingApprovedBy(), e.decision())).toList(),
            d.requestedSupplementItems(), allowed, handlers, printableForms(d), interAgency, backdating);
    }

    /** The inter-agency actions: not in the action bar but in the "Liên thông" panel. */
    public static boolean panelAction(DossierAction action) {
        return PANEL_ACTIONS.contains(action);
    }

    private static Deadline deadline(Dossier d, Instant now, WorkingCalendar calendar) {
        Countdown c = Countdown.of(d, now, calendar);
        Instant suggested = Apology.due(d, now, calendar) ? d.clock().suggestedNewDueAt(now, calendar) : null;
        return new Deadline(d.clock().dueAt(), d.clock().rescheduledDueAt(), c.vi(), c.en(), c.overdue(), c.dueSoon(),
            d.clock().timeliness(), suggested, d.clock().pausedAt(), Countdown.toNewAppointment(d, now, calendar));
    }

    /** Full names of every officer named in the history or the steps, one query. */
    private Map<String, String> fullNames(Dossier d) {
        Set<String> wanted = new HashSet<>();
        d.history().forEach(e -> wanted.add(e.actor()));
        d.steps().forEach(s -> {
            wanted.add(s.handler());
            wanted.add(s.completedBy());
        });
        wanted.remove(null);
        return accounts.fullNames(wanted);
    }

    private static String name(Map<String, String> names, String username) {
        return username == null ? null : names.getOrDefault(username, username);
    }

    /** Active accounts of the dossier's unit whose roles do the current step, for "assign / forward". */
    private List<Person> handlers(Dossier d) {
        StepRole step = d.currentStepRole();
        if (step == null) {
            return List.of();
        }
        Role role = switch (step) {
            case ONE_STOP_OFFICER -> Role.DESK_OFFICER;
            case SPECIALIST, CLERK -> Role.SPECIALIST;
            case LEADER -> Role.LEADER;
        };
        return accounts.colleagues(d.receivingAgency().code(), role).stream()
            .map(u -> new Person(u.username(), u.fullName())).toList();
    }

    /** The forms that can be printed now: receipt slip and control sheet need an appointment, others their event. */
    private static Set<String> printableForms(Dossier d) {
        Set<String> forms = new TreeSet<>();
        if (d.clock().dueAt() != null) {
            forms.add("receipt-slip");
            forms.add("control-sheet");
        }
        if (d.history().stream().anyMatch(e -> e.action() == DossierAction.REQUEST_SUPPLEMENT
                || e.action() == DossierAction.REQUEST_SUPPLEMENT_AT_INTAKE)) {
            forms.add("supplement-request");
        }
        if (d.status() == DossierStatus.REFUSED) {
            forms.add("refusal-slip");
        }
        if (d.clock().rescheduledDueAt() != null) {
            forms.add("apology");
        }
        if (d.status() == DossierStatus.NOT_APPROVED) {
            forms.add("rejection-reply");
        }
        return forms;
    }

    private InterAgency interAgency(Dossier d, Set<DossierAction> allowed, Instant now) {
        List<InterAgencyTransfer> found = transfers.transfersOf(d.code());
        List<ProcedureLeg> legs = transfers.legs(d.snapshot().code());
        boolean child = d.origin().child();
        Integer current = d.currentStep();

        Map<String, String> agencyNames = new HashMap<>();
        List<Agency> all = found.stream().anyMatch(t -> t.side() != TransferSide.SENDER)
            || legs.stream().anyMatch(l -> l.partnerAgencyCode() == null)
            ? agencies.list(null, null, null, null) : List.of();
        all.forEach(ag -> agencyNames.put(ag.code(), ag.name()));

        List<TransferLine> lines = found.stream().map(t -> new TransferLine(t.legPosition(), t.side(),
            t.partnerCode(), t.side() == TransferSide.SENDER ? t.receivingAgencyName()
                : agencyNames.getOrDefault(t.sendingAgencyCode(), t.sendingAgencyCode()),
            t.status(), t.transferredAt(), t.statusAt(), t.resultAt(), t.dueAt(), t.legTimeliness(), t.childCode(),
            t.parentCode(), t.rejectionReason(), t.resultSummary())).toList();

        // legs startable now: worked on at the leg's step, not a child, TRANSFER_OUT allowed, no open transfer
        List<Leg> startable = child || current == null || !allowed.contains(DossierAction.TRANSFER_OUT)
            ? List.of()
            : legs.stream().filter(l -> l.stepPosition() == current)
                .filter(l -> found.stream().noneMatch(t -> t.side() == TransferSide.SENDER
                    && t.legPosition() == l.position() && !t.status().isFinal()))
                .map(l -> new Leg(l.position(), l.actionName(), l.partnerAgencyCode(), l.partnerKind(),
                    agenciesFor(l, all, d.receivingAgency().code(), now)))
                .toList();
        boolean atPartnerStep = !child && current != null && legs.stream().anyMatch(l -> l.stepPosition() == current);

        // a child dossier answers the sending agency through the transfer it was received by, while open
        InterAgencyTransfer open = !child ? null : found.stream().filter(t -> t.side() == TransferSide.RECEIVER)
            .filter(t -> t.status() == TransferStatus.ACKNOWLEDGED || t.status() == TransferStatus.IN_PROGRESS)
            .findFirst().orElse(null);
        // the answers follow the rules TransferService applies: progress from a dossier still being worked on (not
        // finished or stopped), refusal by whoever may stop it (STOP allowed now), the result when RETURN_TO_SENDER is
        boolean answers = open != null && access.current().permits(DossierAction.RETURN_TO_SENDER, d.currentStepRole());
        return new InterAgency(lines, startable, atPartnerStep,
            answers && open.status() == TransferStatus.ACKNOWLEDGED && !d.status().isTerminal(),
            open != null && allowed.contains(DossierAction.RETURN_TO_SENDER),
            open != null && allowed.contains(DossierAction.STOP),
            d.origin().parentCode() != null ? d.origin().parentCode() : d.code());
    }

    /**
     * The agencies offered for a leg that names only a kind: units existing today (Vietnam date) of that kind
     * ({@code AgencyKind} name), or, when the kind is not one of the catalogue's kinds, every unit existing today
     * but the dossier's own (the service refuses an agency no partner system serves).
     */
    private static List<Choice> agenciesFor(ProcedureLeg leg, List<Agency> all, String ownCode, Instant now) {
        if (leg.partnerAgencyCode() != null) {
            return List.of();
        }
        LocalDate today = VietnamTime.local(now).toLocalDate();
        List<Agency> existing = all.stream().filter(ag -> ag.isValidOn(today)).toList();
        List<Agency> ofKind = existing.stream()
            .filter(ag -> ag.kind() != null && ag.kind().name().equals(leg.partnerKind())).toList();
        return (ofKind.isEmpty() ? existing.stream().filter(ag -> !ag.code().equals(ownCode)).toList() : ofKind)
            .stream().map(ag -> new Choice(ag.code(), ag.name())).toList();
    }
}
