package vn.gov.quangtri.motcua.web.dossier;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import vn.gov.quangtri.motcua.dossier.application.ActionTime;
import vn.gov.quangtri.motcua.dossier.application.BackdatingApprovalRequired;
import vn.gov.quangtri.motcua.dossier.application.BackdatingApprovals;
import vn.gov.quangtri.motcua.dossier.application.DossierView;
import vn.gov.quangtri.motcua.dossier.application.DossierViews;
import vn.gov.quangtri.motcua.dossier.application.IntakeService;
import vn.gov.quangtri.motcua.dossier.application.ProcessingService;
import vn.gov.quangtri.motcua.dossier.domain.Decision;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierAction;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.shared.domain.DomainException;
import vn.gov.quangtri.motcua.shared.domain.ForbiddenException;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;
import vn.gov.quangtri.motcua.web.shell.Actions;
import vn.gov.quangtri.motcua.web.shell.Messages;

/**
 * Dossier detail (issue 3 §4–5): applicant, documents, internal steps with their deadlines and whether
 * they were met, the full history (who, when, what, why), working time left, the printable forms, and
 * the actions the signed-in officer may take now. Every action sends the version shown on screen, so an
 * action on a dossier someone else changed meanwhile is refused with a message (docs/cases.md C23); reasons are
 * mandatory where the law asks for one (refusal, rejection, supplement, stop, apology). The page binds only the
 * read model {@link DossierView} (built by {@link DossierViews}); the "Liên thông" panel is
 * {@link DossierTransferPanel}. A leader decides the dossier's backdating requests here.
 *
 * <p>Size: above 400 lines because the action form has a field for every input the law asks of some action
 * (reason, items, handler, new appointment, receiver, decision, business time), each with its accessors; every
 * action is a one-line call into the services.
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
    private DossierViews views;

    @EJB
    private BackdatingApprovals approvals;

    @Inject
    private Actions actions;

    @Inject
    private Messages messages;

    @Inject
    private Clock clock;

    private String code;
    private DossierView view;

    @EJB
    private vn.gov.quangtri.motcua.dossier.application.PublicLookup publicLookup;

    @EJB
    private vn.gov.quangtri.motcua.rating.application.RatingService ratings;

    private String newLookupToken;
    private boolean forbidden;

    private String note;
    private String reason;
    private String missingItems;
    private String handler;
    private LocalDateTime newDueAt;
    private LocalDateTime occurredAt;
    private String backdatingReason;
    private String decisionNumber;
    private LocalDate decisionDate;
    private String decisionSigner;
    private String decisionNote;
    private List<String> receivedItems;
    private String receivedBy;
    private String returnMethod = "DIRECT";

    /** Loads the dossier named by the {@code code} parameter (view action). */
    public void load() {
        if (code == null || code.isBlank()) {
            messages.error(null, "dossier.codeMissing");
            return;
        }
        try {
            view = views.of(code.strip());
            forbidden = false;
            Instant suggested = view.deadline().suggestedNewDueAt();
            if (newDueAt == null && suggested != null) {
                newDueAt = VietnamTime.local(suggested).toLocalDateTime();
            }
            if (receivedItems == null && view.status() == DossierStatus.SUPPLEMENT_REQUESTED_IN_PROCESS) {
                receivedItems = new ArrayList<>(view.requestedItems());
            }
        } catch (ForbiddenException e) {
            forbidden = true;
            view = null;
            messages.refused(e);
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(HttpServletResponse.SC_FORBIDDEN);
        } catch (DomainException e) {
            view = null;
            messages.refused(e);
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void act(Supplier<Dossier> work) {
        boolean[] held = {false};
        Dossier changed = actions.run(() -> {
            try {
                return work.get();
            } catch (BackdatingApprovalRequired e) {
                held[0] = true; // waits for a leader; the dossier did not change
                messages.info("backdating.held", String.valueOf(e.request().id()));
                return null;
            }
        });
        if (changed != null || held[0]) {
            if (changed != null) {
                messages.info("action.done");
            }
            note = null;
            reason = null;
            missingItems = null;
            handler = null;
            newDueAt = null;
            receivedBy = null;
            receivedItems = null;
            occurredAt = null;
            backdatingReason = null;
            decisionNumber = null;
            decisionDate = null;
            decisionSigner = null;
        }
        load();
    }

    /** The signed decision typed with an approval or rejection, or null. */
    private Decision decision() {
        return Decision.of(decisionNumber, decisionDate, decisionSigner);
    }

    /** A leader approves a backdating request of this dossier: its action is applied at its business time. */
    public void approveBackdating(long id) {
        Dossier changed = actions.run(() -> approvals.approve(id, decisionNote));
        if (changed != null) {
            messages.info("backdating.approved", String.valueOf(id));
            decisionNote = null;
        }
        load();
    }

    /** A leader refuses a backdating request of this dossier (the note says why): the dossier does not change. */
    public void refuseBackdating(long id) {
        if (actions.run(() -> approvals.refuse(id, decisionNote)) != null) {
            messages.info("backdating.refused", String.valueOf(id));
            decisionNote = null;
        }
        load();
    }

    /**
     * When the action happened, as the officer keyed it (Vietnam time; empty = now) with the reason for keying it
     * late; the service checks both (docs/domain.md §3.4).
     */
    private ActionTime time() {
        return new ActionTime(occurredAt == null ? null : occurredAt.atZone(VietnamTime.ZONE).toInstant(),
            backdatingReason);
    }

    /** The version shown on screen, sent with every action (docs/cases.md C23). */
    Long version() {
        return view == null ? null : view.version();
    }

    public void accept() {
        act(() -> intake.accept(code, note, time(), version()));
    }

    public void requestSupplementAtIntake() {
        act(() -> intake.requestSupplementAtIntake(code, items(), note, time(), version()));
    }

    public void refuse() {
        act(() -> intake.refuse(code, reason, time(), version()));
    }

    public void assign() {
        act(() -> processing.assign(code, handler, time(), version()));
    }

    public void completeStep() {
        act(() -> processing.completeStep(code, note, time(), version()));
    }

    public void approve() {
        act(() -> processing.approve(code, note, decision(), time(), version()));
    }

    public void reject() {
        act(() -> processing.disapprove(code, reason, decision(), time(), version()));
    }

    public void returnForRework() {
        act(() -> processing.returnForRework(code, reason, time(), version()));
    }

    public void requestSupplement() {
        act(() -> processing.requestSupplement(code, items(), note, time(), version()));
    }

    public void requestFinancialObligation() {
        act(() -> processing.requestFinancialObligation(code, reason, time(), version()));
    }

    /** Resumes; after a supplement request with the items ticked as handed in (none ticked is refused). */
    public void resume() {
        List<String> handedIn = view != null && view.status() == DossierStatus.SUPPLEMENT_REQUESTED_IN_PROCESS
            ? (receivedItems == null ? List.of() : receivedItems) : null;
        act(() -> processing.resume(code, note, handedIn, time(), version()));
    }

    public void stop() {
        act(() -> processing.stop(code, reason, time(), version()));
    }

    public void reschedule() {
        act(() -> processing.reschedule(code, newDueAt == null ? null : newDueAt.atZone(VietnamTime.ZONE).toInstant(),
            reason, time(), version()));
    }

    public void returnResult() {
        act(() -> processing.handOverResult(code, receivedBy, returnMethod, note, time(), version()));
    }

    private List<String> items() {
        return missingItems == null ? List.of()
            : Arrays.stream(missingItems.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * Whether the action is offered now: the dossier's status allows it and the signed-in officer's roles
     * do (the service checks both again). Inter-agency actions are offered in the "Liên thông" panel
     * ({@link DossierTransferPanel}), not here.
     *
     * @param action a {@link DossierAction} name
     */
    public boolean can(String action) {
        if (view == null) {
            return false;
        }
        DossierAction a = DossierAction.valueOf(action);
        return !DossierViews.panelAction(a) && view.allows(a);
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

    /**
     * Reissues the public lookup secret (issue 13 §1): the old one stops working; the new one is shown once and the
     * receipt link prints it (desk officers of the unit; the service checks).
     */
    public void reissueLookupToken() {
        String token = actions.run(() -> publicLookup.reissue(view.code()));
        if (token != null) {
            newLookupToken = token;
            messages.info("dossier.lookupToken.reissued", view.code(), token);
        }
    }

    /**
     * Invites the citizen at the desk to rate this returned dossier at the unit's kiosk (issue 13 §2): the kiosk shows
     * it within seconds.
     */
    public void inviteToKiosk() {
        if (actions.run(() -> {
            ratings.inviteAtKiosk(view.code());
            return Boolean.TRUE;
        }) != null) {
            messages.info("dossier.kioskInvited", view.code());
        }
    }

    /** Whether the kiosk invitation is offered: the result was handed over (the service checks the rest). */
    public boolean isKioskInvitable() {
        return view != null && view.status() == vn.gov.quangtri.motcua.dossier.domain.DossierStatus.RETURNED;
    }

    /** The secret just reissued on this page, else null. */
    public String getNewLookupToken() {
        return newLookupToken;
    }

    /** Whether a new lookup secret is offered: the dossier has a receipt slip (the service checks the rest). */
    public boolean isLookupTokenReissuable() {
        return printable("receipt-slip");
    }

    /** Whether a form can be printed now: receipt/control sheet need an appointment, others their event. */
    public boolean printable(String form) {
        return view != null && view.printableForms().contains(form);
    }

    /** Today in Vietnam: the earliest date offered for a new appointment. */
    public LocalDate getToday() {
        return LocalDate.now(clock.withZone(VietnamTime.ZONE));
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    /** The dossier as shown (read model), or null when none could be shown. */
    public DossierView getView() {
        return view;
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
        return view == null ? List.of() : view.requestedItems();
    }

    /** The requested items ticked as handed in; all of them by default. */
    public List<String> getReceivedItems() {
        return receivedItems;
    }

    public void setReceivedItems(List<String> receivedItems) {
        this.receivedItems = receivedItems;
    }

    /** When the action happened (Vietnam time), empty for now. */
    public LocalDateTime getOccurredAt() {
        return occurredAt;
    }

    public void setOccurredAt(LocalDateTime occurredAt) {
        this.occurredAt = occurredAt;
    }

    /** Why the action is keyed late. */
    public String getBackdatingReason() {
        return backdatingReason;
    }

    public void setBackdatingReason(String backdatingReason) {
        this.backdatingReason = backdatingReason;
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

    public String getDecisionNumber() {
        return decisionNumber;
    }

    public void setDecisionNumber(String decisionNumber) {
        this.decisionNumber = decisionNumber;
    }

    public LocalDate getDecisionDate() {
        return decisionDate;
    }

    public void setDecisionDate(LocalDate decisionDate) {
        this.decisionDate = decisionDate;
    }

    public String getDecisionSigner() {
        return decisionSigner;
    }

    public void setDecisionSigner(String decisionSigner) {
        this.decisionSigner = decisionSigner;
    }

    /** The leader's note when deciding a backdating request (required to refuse). */
    public String getDecisionNote() {
        return decisionNote;
    }

    public void setDecisionNote(String decisionNote) {
        this.decisionNote = decisionNote;
    }
}
