package vn.gov.quangtri.motcua.dossier.application;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.gov.quangtri.motcua.account.application.AccessControl;
import vn.gov.quangtri.motcua.account.application.SystemTask;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.dossier.domain.BackdatingRequest;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierAction;
import vn.gov.quangtri.motcua.dossier.domain.EventNotes;
import vn.gov.quangtri.motcua.dossier.infrastructure.DossierRepository;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.Texts;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * The one way a service starts a change to an existing dossier, shared by intake, processing and
 * inter-agency transfer. The checks run in a fixed order:
 * <ol>
 *   <li>the caller's scope is read (its queries may flush the persistence context, so it comes before the
 *       lock; see below);</li>
 *   <li>the dossier is found and the caller must cover its unit, else it is answered as unknown
 *       ({@code NOT_FOUND}, issue 16), so a stranger learns nothing from a version or role message, nor whether the
 *       code exists;</li>
 *   <li>the row is locked and its version forced up ({@link DossierRepository#lock});</li>
 *   <li>the version the caller saw is compared at once ({@code CONCURRENT_CHANGE}, docs/cases.md C23): nothing may run
 *       between lock and check, because a flush would already count the lock's own increment and refuse every
 *       up-to-date caller;</li>
 *   <li>the caller's roles must allow the action at the current step ({@code ROLE_REQUIRED}).</li>
 * </ol>
 * The service then applies the action (the aggregate appends the history event) and flushes.
 * Runs inside the calling service's transaction.
 *
 * <p>The actor recorded is the signed-in account; for trusted in-process work ({@link AccessScope#SYSTEM}) it is
 * the name given to {@link SystemTask#run(String, java.util.function.Supplier)}, and a system change without one
 * fails before anything is read ({@link #actorOf}).
 */
@ApplicationScoped
public class DossierChanges {

    @Inject
    private DossierRepository dossiers;

    @EJB
    private AccessControl access;

    @EJB
    private BackdatingRequests requests;

    @Inject
    private Event<DossierChanged> changed;

    /**
     * Setting {@code motcua.backdating.reason-after-days}: an action dated more than this many working days before it
     * is keyed needs a reason (default 1).
     */
    @Inject
    @ConfigProperty(name = "motcua.backdating.reason-after-days", defaultValue = "1")
    int reasonAfterDays = 1;

    /**
     * Setting {@code motcua.backdating.approval-after-days}: beyond this many working days a leader's approval is
     * needed (default 3).
     */
    @Inject
    @ConfigProperty(name = "motcua.backdating.approval-after-days", defaultValue = "3")
    int approvalAfterDays = 3;

    /**
     * A dossier locked for a change, with the account to record as its actor.
     *
     * @param dossier the locked dossier
     * @param actor   the signed-in account's user name (or the name trusted in-process work runs under)
     * @param trusted whether this is trusted in-process work ({@link AccessScope#SYSTEM}), not an officer
     */
    public record Locked(Dossier dossier, String actor, boolean trusted) {
    }

    /**
     * Runs the checks above and returns the locked dossier.
     *
     * @param code            dossier code
     * @param expectedVersion the version the caller's screen showed, or null to skip the check
     * @param action          the action about to be taken (decides the roles needed)
     * @throws vn.gov.quangtri.motcua.shared.domain.NotFoundException unknown code, or a dossier outside the scope
     * @throws vn.gov.quangtri.motcua.shared.domain.ForbiddenException {@code ROLE_REQUIRED}
     * @throws vn.gov.quangtri.motcua.shared.domain.ConflictException {@code CONCURRENT_CHANGE}
     * @throws IllegalStateException system scope without a named actor ({@link SystemTask#requireActor})
     */
    public Locked lock(String code, Long expectedVersion, DossierAction action) {
        AccessScope scope = access.current();
        Optional<ApprovedBackdating.Approval> approval = ApprovedBackdating.current();
        String actor = approval.isPresent() ? approval.get().requestedBy() : actorOf(scope, "dossier " + code);
        Dossier d = dossiers.find(code, scope); // outside the scope: as unknown (NOT_FOUND)
        String unit = d.receivingAgency().code();
        dossiers.lock(d);
        Versions.check(d, expectedVersion);
        if (approval.isEmpty()) { // an approved request's roles were checked when it was keyed
            scope.requirePermits(unit, action, d.currentStepRole());
        }
        // Whatever this change is (an action, an inter-agency message), the dossier moves on: its pending backdating
        // requests no longer fit its history. If the change fails or is itself held for a leader, this rolls back.
        requests.lapsePending(code, approval.map(ApprovedBackdating.Approval::requestId).orElse(null), Instant.now());
        return new Locked(d, actor, scope == AccessScope.SYSTEM);
    }

    /**
     * Applies an action to a locked dossier at its business time (docs/domain.md §3.4) and keeps what goes with it on
     * the history event: the reason for late keying, the approving leader, the signed decision.
     * <ul>
     *   <li>The time is the one given, or now; not in the future beyond the skew ({@link EventTimes#occurred},
     *       {@code FUTURE_TIME}); that it is not before the dossier's latest event the dossier checks
     *       ({@code OUT_OF_ORDER}).</li>
     *   <li>Lying more than {@code reasonAfterDays} working days before now (working time on the calendar,
     *       Asia/Ho_Chi_Minh) it needs {@link ActionTime#backdatingReason()} ({@code BACKDATING_REASON_REQUIRED}).</li>
     *   <li>Lying more than {@code approvalAfterDays} working days before now it needs a leader's approval: the action
     *       is tried on the dossier (so every rule of the dossier is checked now), then kept as a
     *       {@link vn.gov.quangtri.motcua.dossier.domain.BackdatingRequest} in a transaction of its own, and
     *       {@link BackdatingApprovalRequired} rolls the change back. A leader's approval replays it
     *       ({@link BackdatingApprovals}).</li>
     *   <li>Any other change lapses the dossier's pending requests ({@link #lock}): their actions no longer fit its
     *       history.</li>
     *   <li>A change that is made fires {@link DossierChanged} in this transaction (applicant notifications).</li>
     * </ul>
     *
     * @param locked  the dossier, locked by {@link #lock}
     * @param command the action with what was entered for it (kept by a backdating request)
     * @param when    the business time, or null for now
     * @param now     the server clock
     * @param action  applies the action to the dossier at the time given
     * @throws RuleViolationException      {@code FUTURE_TIME}, {@code BACKDATING_REASON_REQUIRED}, and the dossier's own
     * @throws BackdatingApprovalRequired  the action waits for a leader; nothing changed
     */
    public void apply(Locked locked, DossierCommand command, ActionTime when, Instant now, WorkingCalendar calendar,
                      Consumer<Instant> action) {
        ActionTime time = ActionTime.orNow(when);
        Optional<ApprovedBackdating.Approval> approval = ApprovedBackdating.current();
        Instant at = EventTimes.occurred("occurredAt", time.occurredAt(), now);
        String reason = time.backdatingReason() == null || time.backdatingReason().isBlank() ? null
            : Texts.plain("backdatingReason", Texts.limited("backdatingReason", time.backdatingReason().strip(),
                Texts.LONG), true);
        boolean needsApproval = false;
        if (!at.equals(now)) {
            long perDay = calendar.officeHours().workingMinutesPerDay();
            long late = calendar.workingMinutesBetween(at, now);
            if (late > reasonAfterDays * perDay && reason == null) {
                throw new RuleViolationException("BACKDATING_REASON_REQUIRED", "occurredAt " + VietnamTime.offset(at)
                    + " lies more than " + reasonAfterDays + " working day(s) before now: say why it is keyed late",
                    List.of("backdatingReason: required when occurredAt is more than " + reasonAfterDays
                        + " working day(s) before now"));
            }
            needsApproval = late > approvalAfterDays * perDay && approval.isEmpty();
        }
        Dossier d = locked.dossier();
        int basedOn = BackdatingRequest.latestEvent(d);
        action.accept(at);
        if (time.occurredAt() != null && reason != null) {
            EventNotes.noteBackdating(d, reason);
        }
        approval.ifPresent(a -> EventNotes.noteBackdatingApproval(d, a.approvedBy()));
        if (command.decision() != null) {
            EventNotes.noteDecision(d, command.decision());
        }
        if (needsApproval) {
            throw new BackdatingApprovalRequired(requests.hold(new BackdatingRequest(d.code(),
                d.receivingAgency().code(), basedOn, command.action(), command.toJson(), at, reason, locked.actor(),
                now)));
        }
        changed.fire(new DossierChanged(d, basedOn));
    }

    /**
     * The actor to record for a change made with this scope: the signed-in account's user name, or for
     * {@link AccessScope#SYSTEM} the name of the enclosing {@link SystemTask#run(String, java.util.function.Supplier)}.
     *
     * @param what what is being changed (for the error message)
     * @throws IllegalStateException system scope without a named actor
     */
    public static String actorOf(AccessScope scope, String what) {
        return scope == AccessScope.SYSTEM ? SystemTask.requireActor(what) : scope.username();
    }
}
