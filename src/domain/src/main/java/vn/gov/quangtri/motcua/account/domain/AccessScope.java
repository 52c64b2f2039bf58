package vn.gov.quangtri.motcua.account.domain;

import java.util.EnumSet;
import java.util.Set;
import vn.gov.quangtri.motcua.catalogue.domain.StepRole;
import vn.gov.quangtri.motcua.dossier.domain.DossierAction;
import vn.gov.quangtri.motcua.shared.domain.ForbiddenException;
import vn.gov.quangtri.motcua.shared.domain.NotFoundException;

/**
 * What the acting user may see and do: the agency units whose dossiers are visible (the account's own
 * unit, its sub-units and the units it succeeded in a merger) and the roles held. A system administrator
 * sees the whole province. {@link #SYSTEM} is the scope of trusted in-process work (start-up, nightly
 * batch), never of a request.
 *
 * @param username    the acting account, or {@code "system"}
 * @param roles       the account's roles
 * @param agencyCodes visible receiving units; ignored when {@code everywhere}
 * @param everywhere  whether every unit is visible
 */
public record AccessScope(String username, Set<Role> roles, Set<String> agencyCodes, boolean everywhere) {

    /** Trusted in-process work: every unit, every action. */
    public static final AccessScope SYSTEM = new AccessScope("system", EnumSet.allOf(Role.class), Set.of(), true);

    /** No signed-in user: nothing visible. */
    public static final AccessScope NONE = new AccessScope("anonymous", EnumSet.noneOf(Role.class), Set.of(), false);

    public AccessScope {
        roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        agencyCodes = Set.copyOf(agencyCodes);
    }

    /** Whether dossiers received by this unit are visible (never to a kiosk device account). */
    public boolean covers(String agencyCode) {
        return everywhere || !kiosk() && agencyCodes.contains(agencyCode);
    }

    /** Whether this is a unit's rating kiosk (role {@link Role#KIOSK}): it sees no dossier and only rates. */
    public boolean kiosk() {
        return roles.contains(Role.KIOSK) && this != SYSTEM;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * Whether these roles allow the action on a dossier whose current internal step is done by
     * {@code currentStep} (null when no step is running).
     */
    public boolean permits(DossierAction action, StepRole currentStep) {
        if (this == SYSTEM) {
            return true;
        }
        return switch (action) {
            case SUBMIT_ONLINE, RECEIVE, REQUEST_SUPPLEMENT_AT_INTAKE, REFUSE, RETURN_RESULT -> has(Role.DESK_OFFICER);
            // the head of the unit assigns (phân công) a handler, docs/domain.md §2.5; never the handlers themselves
            case ASSIGN -> has(Role.LEADER);
            case COMPLETE_STEP -> performsStep(currentStep);
            case APPROVE, REJECT, STOP -> has(Role.LEADER);
            case REQUEST_SUPPLEMENT -> has(Role.SPECIALIST) || has(Role.LEADER);
            case REQUEST_FINANCIAL_OBLIGATION -> has(Role.SPECIALIST);
            case RESUME -> has(Role.DESK_OFFICER) || has(Role.SPECIALIST);
            case RESCHEDULE -> has(Role.DESK_OFFICER) || has(Role.LEADER);
            case RETURN_FOR_REWORK -> has(Role.LEADER) || performsStep(currentStep);
            case TRANSFER_OUT -> has(Role.DESK_OFFICER) || performsStep(currentStep);
            case RETURN_TO_SENDER -> has(Role.DESK_OFFICER) || has(Role.SPECIALIST) || has(Role.LEADER);
            // driven by partner messages only (trusted exchange code), never by an officer
            case INTERAGENCY_RESULT, INTERAGENCY_REJECTED, RECEIVE_TRANSFER -> false;
        };
    }

    /**
     * Whether the roles perform the step; with no step in progress any processing officer qualifies, so
     * that the dossier itself answers why the action is impossible now (409, not 403).
     */
    private boolean performsStep(StepRole step) {
        if (step == null) {
            return has(Role.DESK_OFFICER) || has(Role.SPECIALIST) || has(Role.LEADER);
        }
        return roles.stream().anyMatch(r -> r.performs(step));
    }

    /**
     * @throws ForbiddenException {@code OUT_OF_SCOPE} when the unit is not visible
     */
    public void requireCovers(String agencyCode) {
        if (!covers(agencyCode)) {
            throw new ForbiddenException("OUT_OF_SCOPE",
                "Account " + username + " has no access to unit " + agencyCode);
        }
    }

    /**
     * The scope check of anything addressed by its code (a dossier): a unit outside the scope answers exactly as a
     * code that does not exist, so that codes of other units cannot be confirmed by guessing (issue 16). The check
     * itself is {@link #covers}, as strict as {@link #requireCovers}.
     *
     * @param what       kind of thing, e.g. {@code "dossier"}
     * @param key        the code that was looked up (the only thing the answer names)
     * @param agencyCode the unit it belongs to, or null when nothing has that code
     * @throws NotFoundException the same for a missing code and one outside the scope
     */
    public void requireSees(String what, String key, String agencyCode) {
        if (agencyCode == null || !covers(agencyCode)) {
            throw new NotFoundException(what, key);
        }
    }

    /**
     * @throws ForbiddenException {@code OUT_OF_SCOPE} when the unit is not visible, {@code ROLE_REQUIRED} when
     *                            the roles do not allow the action at this step
     */
    public void requirePermits(String agencyCode, DossierAction action, StepRole currentStep) {
        requireCovers(agencyCode);
        if (!permits(action, currentStep)) {
            throw new ForbiddenException("ROLE_REQUIRED", "Account " + username + " (" + roles
                + ") may not " + action + (currentStep == null ? "" : " at a " + currentStep + " step"));
        }
    }

    /** Whether this is a signed-in account or trusted in-process work (anything but {@link #NONE}). */
    public boolean signedIn() {
        return !NONE.equals(this);
    }

    /** @throws ForbiddenException {@code SIGN_IN_REQUIRED} for {@link #NONE} (no signed-in account) */
    public void requireSignedIn() {
        if (!signedIn()) {
            throw new ForbiddenException("SIGN_IN_REQUIRED", "Sign-in required");
        }
    }

    /** @throws ForbiddenException {@code ROLE_REQUIRED} unless one of the roles is held */
    public void requireAny(Role... any) {
        for (Role r : any) {
            if (this == SYSTEM || has(r)) {
                return;
            }
        }
        throw new ForbiddenException("ROLE_REQUIRED", "Account " + username + " needs one of the roles "
            + java.util.Arrays.toString(any));
    }
}
