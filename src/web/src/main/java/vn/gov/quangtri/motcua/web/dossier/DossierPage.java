package vn.gov.quangtri.motcua.web.dossier;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import vn.gov.quangtri.motcua.account.application.AccountService;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.account.domain.UserAccount;
import vn.gov.quangtri.motcua.agency.application.AgencyService;
import vn.gov.quangtri.motcua.agency.domain.Agency;
import vn.gov.quangtri.motcua.calendar.application.CalendarService;
import vn.gov.quangtri.motcua.catalogue.domain.ProcedureLeg;
import vn.gov.quangtri.motcua.catalogue.domain.StepRole;
import vn.gov.quangtri.motcua.dossier.application.IntakeService;
import vn.gov.quangtri.motcua.dossier.application.ProcessingService;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierAction;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.dossier.domain.DossierStep;
import vn.gov.quangtri.motcua.interagency.application.TransferService;
import vn.gov.quangtri.motcua.interagency.domain.InterAgencyTransfer;
import vn.gov.quangtri.motcua.interagency.domain.TransferSide;
import vn.gov.quangtri.motcua.interagency.domain.TransferStatus;
import vn.gov.quangtri.motcua.shared.domain.DomainException;
import vn.gov.quangtri.motcua.shared.domain.ForbiddenException;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;
import vn.gov.quangtri.motcua.web.shell.Actions;
import vn.gov.quangtri.motcua.web.shell.CurrentUser;
import vn.gov.quangtri.motcua.web.shell.Messages;

/**
 * Dossier detail (issue 3 §4–5): applicant, documents, internal steps with their deadlines and whether
 * they were met, the full history (who, when, what, why), working time left, the printable forms, and
 * the actions the signed-in officer may take now. Every action sends the version shown on screen, so an
 * action on a dossier someone else changed meanwhile is refused with a message (docs/cases.md C23); reasons are
 * mandatory where the law asks for one (refusal, rejection, supplement, stop, apology).
 */
@Named
@ViewScoped
public class DossierPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ProcessingService processing;

    @EJB
    private IntakeService intake;

    @EJB
    private CalendarService calendars;

    @EJB
    private AccountService accounts;

    @EJB
    private TransferService transferService;

    @EJB
    private AgencyService agencies;

    @Inject
    private Actions actions;

    @Inject
    private Messages messages;

    @Inject
    private CurrentUser user;

    @Inject
    private Clock clock;

    private String code;
    private transient Dossier dossier;
    private transient List<UserAccount> handlers;
    private DossierRow row;
    private boolean forbidden;

    private String note;
    private String reason;
    private String missingItems;
    private String handler;
    private LocalDateTime newDueAt;
    private List<String> receivedItems;
    private String receivedBy;
    private String returnMethod = "DIRECT";

    private transient java.util.Map<String, String> fullNames;
    private transient List<InterAgencyTransfer> transfers;
    private transient Set<DossierAction> allowed;
    private transient List<ProcedureLeg> legs;
    private String transferAgency;

    /** Loads the dossier named by the {@code code} parameter (view action). */
    public void load() {
        handlers = null;
        if (code == null || code.isBlank()) {
            messages.error(null, "dossier.codeMissing");
            return;
        }
        try {
            dossier = processing.find(code.strip());
            fullNames = null;
            transfers = null;
            allowed = null;
            legs = null;
            row = DossierRow.of(dossier, calendars.current(), clock.instant());
            forbidden = false;
            if (newDueAt == null && dossier.apologyDue(clock.instant(), calendars.current())) {
                newDueAt = VietnamTime.local(dossier.clock().suggestedNewDueAt(clock.instant(), calendars.current())).toLocalDateTime();
            }
            if (receivedItems == null && dossier.status() == DossierStatus.SUPPLEMENT_REQUESTED_IN_PROCESS) {
                receivedItems = new java.util.ArrayList<>(dossier.requestedSupplementItems());
            }
        } catch (ForbiddenException e) {
            forbidden = true;
            dossier = null;
            messages.refused(e);
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(HttpServletResponse.SC_FORBIDDEN);
        } catch (DomainException e) {
            dossier = null;
            messages.refused(e);
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void act(Supplier<Dossier> work) {
        Dossier changed = actions.run(work);
        if (changed != null) {
            messages.info("action.done");
            note = null;
            reason = null;
            missingItems = null;
            handler = null;
            newDueAt = null;
            receivedBy = null;
            receivedItems = null;
        }
        load();
    }

    private Long version() {
        return dossier == null ? null : dossier.version();
    }

    public void accept() {
        act(() -> intake.accept(code, note, version()));
    }

    public void requestSupplementAtIntake() {
        act(() -> intake.requestSupplementAtIntake(code, items(), note, version()));
    }

    public void refuse() {
        act(() -> intake.refuse(code, reason, version()));
    }

    public void assign() {
        act(() -> processing.assign(code, handler, version()));
    }

    public void completeStep() {
        act(() -> processing.completeStep(code, note, version()));
    }

    public void approve() {
        act(() -> processing.approve(code, note, version()));
    }

    public void reject() {
        act(() -> processing.disapprove(code, reason, version()));
    }

    public void returnForRework() {
        act(() -> processing.returnForRework(code, reason, version()));
    }

    public void requestSupplement() {
        act(() -> processing.requestSupplement(code, items(), note, version()));
    }

    public void requestFinancialObligation() {
        act(() -> processing.requestFinancialObligation(code, reason, version()));
    }

    /** Resumes; after a supplement request with the items ticked as handed in (none ticked is refused). */
    public void resume() {
        List<String> handedIn = dossier != null && dossier.status() == DossierStatus.SUPPLEMENT_REQUESTED_IN_PROCESS
            ? (receivedItems == null ? List.of() : receivedItems) : null;
        act(() -> processing.resume(code, note, handedIn, version()));
    }

    public void stop() {
        act(() -> processing.stop(code, reason, version()));
    }

    public void reschedule() {
        act(() -> processing.reschedule(code, newDueAt == null ? null : newDueAt.atZone(VietnamTime.ZONE).toInstant(),
            reason, version()));
    }

    public void returnResult() {
        act(() -> processing.handOverResult(code, receivedBy, returnMethod, note, version()));
    }

    /**
     * The inter-agency transfers of this dossier (as sender: one per leg started; as a child dossier: the
     * transfer it was received by), by leg.
     */
    public List<InterAgencyTransfer> getTransfers() {
        if (transfers == null) {
            List<InterAgencyTransfer> found = getDossier() == null ? null
                : actions.run(() -> transferService.transfersOf(dossier.code()));
            transfers = found == null ? List.of() : found;
        }
        return transfers;
    }

    /**
     * The legs the signed-in officer may start now: the dossier is worked on (received or in process) at
     * the leg's step, it is not itself a child dossier, the officer may transfer (desk officer or the
     * step's role) and the leg has no open transfer. The service checks all again.
     */
    public List<ProcedureLeg> getStartableLegs() {
        if (getDossier() == null || dossier.origin().child() || dossier.currentStep() == null
            || !(dossier.status() == DossierStatus.RECEIVED || dossier.status() == DossierStatus.IN_PROCESS)
            || !allowed().contains(DossierAction.TRANSFER_OUT)) {
            return List.of();
        }
        return legs().stream().filter(l -> l.stepPosition() == dossier.currentStep())
            .filter(l -> getTransfers().stream().noneMatch(t -> t.side() == TransferSide.SENDER
                && t.legPosition() == l.position() && t.status() != TransferStatus.RESULT_RETURNED
                && t.status() != TransferStatus.REJECTED))
            .toList();
    }

    /** The inter-agency legs of the dossier's procedure, read once per view. */
    private List<ProcedureLeg> legs() {
        if (legs == null) {
            List<ProcedureLeg> found = actions.run(() -> transferService.legs(dossier.procedureCode()));
            legs = found == null ? List.of() : found;
        }
        return legs;
    }

    /**
     * Whether the current step is another agency's (an inter-agency leg of a dossier received here): it is
     * not completed on this page but by the leg's result (the service refuses {@code STEP_OF_PARTNER_AGENCY}).
     */
    public boolean isAtPartnerStep() {
        return getDossier() != null && !dossier.origin().child() && dossier.currentStep() != null
            && legs().stream().anyMatch(l -> l.stepPosition() == dossier.currentStep());
    }

    /**
     * The agencies offered for a leg that names only a kind of agency: units existing today of that kind
     * ({@code AgencyKind} name), or, when the kind is not one of the catalogue's kinds, every unit existing
     * today that is not this dossier's own (the service refuses an agency no partner system serves).
     */
    public List<Agency> agenciesFor(ProcedureLeg leg) {
        if (leg == null || leg.partnerAgencyCode() != null || dossier == null) {
            return List.of();
        }
        List<Agency> all = actions.run(() -> agencies.list(getToday(), null, null, null));
        if (all == null) {
            return List.of();
        }
        List<Agency> ofKind = all.stream().filter(a -> a.kind() != null && a.kind().name().equals(leg.partnerKind()))
            .toList();
        return ofKind.isEmpty()
            ? all.stream().filter(a -> !a.code().equals(dossier.receivingAgency().code())).toList()
            : ofKind;
    }

    /** The agency that sent this child dossier (name, or its code when unknown here). */
    public String senderName(InterAgencyTransfer t) {
        Agency a = actions.run(() -> agencies.find(t.sendingAgencyCode()));
        return a == null ? t.sendingAgencyCode() : a.name();
    }

    /**
     * For a child dossier: the transfer it was received by while that transfer is still open (acknowledged or
     * in progress), else null. The receiving agency's answers (progress, result, refusal) go back through it.
     */
    public InterAgencyTransfer getOpenReceivedTransfer() {
        if (getDossier() == null || !dossier.origin().child()) {
            return null;
        }
        return getTransfers().stream().filter(t -> t.side() == TransferSide.RECEIVER)
            .filter(t -> t.status() == TransferStatus.ACKNOWLEDGED || t.status() == TransferStatus.IN_PROGRESS)
            .findFirst().orElse(null);
    }

    /** Whether "report progress" is offered: an open received transfer not yet reported in progress. */
    public boolean isCanReportProgress() {
        InterAgencyTransfer t = getOpenReceivedTransfer();
        return t != null && t.status() == TransferStatus.ACKNOWLEDGED && !dossier.status().isTerminal()
            && permits(DossierAction.RETURN_TO_SENDER);
    }

    /** Whether "return the result to the sending agency" is offered: the child's result is ready (or refused). */
    public boolean isCanReturnToSender() {
        return getOpenReceivedTransfer() != null
            && allowed().contains(DossierAction.RETURN_TO_SENDER);
    }

    /** Whether "refuse the transfer" is offered: the child is still being worked on. */
    public boolean isCanRefuseTransfer() {
        return getOpenReceivedTransfer() != null
            && (dossier.status() == DossierStatus.RECEIVED || dossier.status() == DossierStatus.IN_PROCESS)
            && permits(DossierAction.RETURN_TO_SENDER);
    }

    /** Child dossier: tells the sending agency that the work is in progress. */
    public void reportProgress() {
        answerSender(() -> transferService.reportProgress(code, note, version()), "transfer.progressReported");
    }

    /** Child dossier: returns its result (summary in the note) to the sending agency. */
    public void returnToSender() {
        answerSender(() -> transferService.returnToSender(code, note, version()), "transfer.resultSent");
    }

    /** Child dossier: refuses the transfer with the reason given. */
    public void refuseTransfer() {
        answerSender(() -> transferService.rejectTransfer(code, reason, version()), "transfer.refused");
    }

    private void answerSender(Supplier<InterAgencyTransfer> work, String doneKey) {
        InterAgencyTransfer t = actions.run(work);
        if (t != null) {
            messages.info(doneKey);
            note = null;
            reason = null;
        }
        load();
    }

    /** Starts the leg's transfer (to the chosen agency when the leg names only a kind). */
    public void startTransfer(int legPosition) {
        String agency = transferAgency == null || transferAgency.isBlank() ? null : transferAgency;
        InterAgencyTransfer t = actions.run(() -> transferService.startTransfer(code, legPosition, agency, note, version()));
        if (t != null) {
            messages.info("transfer.started", t.receivingAgencyName());
            note = null;
            transferAgency = null;
        }
        load();
    }

    private boolean permits(DossierAction a) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role r : Role.values()) {
            if (user.has(r.name())) {
                roles.add(r);
            }
        }
        return new AccessScope(user.getUsername(), roles, Set.of(), false).permits(a, dossier.currentStepRole());
    }

    public String getTransferAgency() {
        return transferAgency;
    }

    public void setTransferAgency(String transferAgency) {
        this.transferAgency = transferAgency;
    }

    private List<String> items() {
        return missingItems == null ? List.of()
            : Arrays.stream(missingItems.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * Whether the action is offered now: the dossier's status allows it and the signed-in officer's roles
     * do (the service checks both again).
     *
     * @param action a {@link DossierAction} name
     */
    public boolean can(String action) {
        if (dossier == null) {
            return false;
        }
        DossierAction a = DossierAction.valueOf(action);
        // inter-agency actions are offered in the "Liên thông" panel (getStartableLegs, isCanReturnToSender…)
        return !PANEL_ACTIONS.contains(a) && allowed().contains(a);
    }

    /** The actions of the "Liên thông" panel, not of the action bar. */
    private static final Set<DossierAction> PANEL_ACTIONS = EnumSet.of(DossierAction.TRANSFER_OUT,
        DossierAction.RETURN_TO_SENDER, DossierAction.INTERAGENCY_RESULT, DossierAction.INTERAGENCY_REJECTED);

    /** What the signed-in officer may do to this dossier now, from the service (read once per view). */
    private Set<DossierAction> allowed() {
        if (allowed == null) {
            Set<DossierAction> found = actions.run(() -> processing.allowedActions(dossier));
            allowed = found == null ? Set.of() : found;
        }
        return allowed;
    }

    /** Whether any action is offered now (otherwise the action panel is not shown). */
    public boolean isAnyAction() {
        for (DossierAction a : DossierAction.values()) {
            if (can(a.name())) {
                return true;
            }
        }
        return false;
    }

    /** Accounts of the dossier's unit who can take the current step, for "assign / forward". */
    public List<UserAccount> getHandlers() {
        if (handlers == null) {
            handlers = findHandlers();
        }
        return handlers;
    }

    /** One query per page view: the select list is read several times while the page renders. */
    private List<UserAccount> findHandlers() {
        StepRole step = dossier == null ? null : dossier.currentStepRole();
        if (step == null) {
            return List.of();
        }
        Role role = switch (step) {
            case ONE_STOP_OFFICER -> Role.DESK_OFFICER;
            case SPECIALIST, CLERK -> Role.SPECIALIST;
            case LEADER -> Role.LEADER;
        };
        List<UserAccount> found = actions.run(() -> accounts.colleagues(dossier.receivingAgency().code(), role));
        return found == null ? List.of() : found;
    }

    /**
     * The full name of an officer named in the history or the steps (they store user names), resolved once per
     * page view for all of them; the user name itself for an unknown account (e.g. {@code system}).
     */
    public String fullName(String username) {
        if (username == null) {
            return null;
        }
        if (fullNames == null) {
            java.util.Set<String> names = new java.util.HashSet<>();
            Dossier d = getDossier();
            if (d != null) {
                d.history().forEach(e -> names.add(e.actor()));
                d.steps().forEach(st -> {
                    names.add(st.handler());
                    names.add(st.completedBy());
                });
            }
            names.remove(null);
            fullNames = accounts.fullNames(names);
        }
        return fullNames.getOrDefault(username, username);
    }

    /** The step in progress, or null. */
    public DossierStep currentStepRow() {
        return dossier == null || dossier.currentStep() == null ? null : dossier.steps().get(dossier.currentStep() - 1);
    }

    /** Whether a form can be printed now: receipt/control sheet need an appointment, others their event. */
    public boolean printable(String form) {
        if (dossier == null) {
            return false;
        }
        return switch (form) {
            case "receipt-slip", "control-sheet" -> dossier.dueAt() != null;
            case "supplement-request" -> dossier.history().stream().anyMatch(e ->
                e.action() == DossierAction.REQUEST_SUPPLEMENT || e.action() == DossierAction.REQUEST_SUPPLEMENT_AT_INTAKE);
            case "refusal-slip" -> dossier.status() == DossierStatus.REFUSED;
            case "apology" -> dossier.clock().rescheduledDueAt() != null;
            case "rejection-reply" -> dossier.status() == DossierStatus.NOT_APPROVED;
            default -> false;
        };
    }

    /** Today in Vietnam: the earliest date offered for a new appointment. */
    public java.time.LocalDate getToday() {
        return java.time.LocalDate.now(clock.withZone(VietnamTime.ZONE));
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public Dossier getDossier() {
        if (dossier == null && !forbidden && code != null && row != null) {
            load(); // after the view state was restored from a serialized session
        }
        return dossier;
    }

    public DossierRow getRow() {
        return row;
    }

    public boolean isForbidden() {
        return forbidden;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getMissingItems() {
        return missingItems;
    }

    public void setMissingItems(String missingItems) {
        this.missingItems = missingItems;
    }

    public String getHandler() {
        return handler;
    }

    public void setHandler(String handler) {
        this.handler = handler;
    }

    /** The items of the latest supplement request, offered as tick boxes when resuming. */
    public List<String> getRequestedItems() {
        return dossier == null ? List.of() : dossier.requestedSupplementItems();
    }

    /** The requested items ticked as handed in; all of them by default. */
    public List<String> getReceivedItems() {
        return receivedItems;
    }

    public void setReceivedItems(List<String> receivedItems) {
        this.receivedItems = receivedItems;
    }

    public LocalDateTime getNewDueAt() {
        return newDueAt;
    }

    public void setNewDueAt(LocalDateTime newDueAt) {
        this.newDueAt = newDueAt;
    }

    public String getReceivedBy() {
        return receivedBy;
    }

    public void setReceivedBy(String receivedBy) {
        this.receivedBy = receivedBy;
    }

    public String getReturnMethod() {
        return returnMethod;
    }

    public void setReturnMethod(String returnMethod) {
        this.returnMethod = returnMethod;
    }
}
