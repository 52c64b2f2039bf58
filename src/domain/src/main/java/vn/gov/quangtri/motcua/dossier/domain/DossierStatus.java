package vn.gov.quangtri.motcua.dossier.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Internal dossier status (dossier_statuses.csv, docs/domain.md §2.11), each mapped to the National Public
 * Service Portal's {@code TrangThaiHoSo} code 1–10.
 */
public enum DossierStatus {
    /** Submitted online, awaiting the officer's check; clock not started. */
    SUBMITTED_ONLINE(1, false),
    /** Incomplete at intake; the applicant was asked once for everything missing (form 02). */
    SUPPLEMENT_REQUESTED_AT_INTAKE(5, false),
    /** Refused at intake with reasons (form 03). */
    REFUSED(3, true),
    /** Received; receipt and appointment slip issued (form 01); clock running. */
    RECEIVED(2, false),
    /** Being handled at an internal step. */
    IN_PROCESS(4, false),
    /** At a co-operating agency (inter-agency transfer). */
    WAITING_INTERAGENCY(4, false),
    /** Supplement requested during appraisal; clock paused (docs/domain.md §3.4). */
    SUPPLEMENT_REQUESTED_IN_PROCESS(5, false),
    /** Waiting for the applicant's financial obligation; pauses the clock only where sector law says. */
    WAITING_FINANCIAL_OBLIGATION(6, false),
    /** Processing stopped at the applicant's request or by law (Decree 118/2025 art. 21; form 05). */
    STOPPED(8, true),
    /** Reasoned negative reply: a result to be returned. */
    NOT_APPROVED(9, false),
    /** Result ready at the One-stop Unit, awaiting collection. */
    RESULT_READY(9, false),
    /** Result returned to the applicant. */
    RETURNED(10, true);

    private final int portalCode;
    private final boolean terminal;

    DossierStatus(int portalCode, boolean terminal) {
        this.portalCode = portalCode;
        this.terminal = terminal;
    }

    /** National portal status code ({@code TrangThaiHoSo}, 1–10). */
    public int portalCode() {
        return portalCode;
    }

    /** True when no further transition is possible. */
    public boolean isTerminal() {
        return terminal;
    }

    /**
     * Received and not yet finished: the processing clock runs or is paused, so the dossier can be (over)due
     * and counts as "in progress" in reports (docs/domain.md §3, §6).
     */
    public boolean isOpen() {
        return Lifecycle.OPEN.contains(this);
    }

    /** The statuses for which {@link #isOpen()} holds, for queries. */
    public static Set<DossierStatus> open() {
        return Lifecycle.OPEN;
    }

    /**
     * Whether the lifecycle allows this action in this status at all (the lifecycle table below). The dossier
     * adds its own conditions (kind of the current step, inter-agency child, apology due…) in
     * {@link Dossier#allowedActions}; the signed-in account's roles are checked by
     * {@code AccessScope.permits}.
     */
    public boolean allows(DossierAction action) {
        return Lifecycle.TABLE.get(this).contains(action);
    }

    /** The statuses in which the lifecycle allows at least one of these actions (e.g. a role's inbox). */
    public static Set<DossierStatus> allowing(DossierAction... any) {
        Set<DossierStatus> found = EnumSet.noneOf(DossierStatus.class);
        for (DossierStatus s : values()) {
            for (DossierAction a : any) {
                if (s.allows(a)) {
                    found.add(s);
                }
            }
        }
        return found;
    }

    /** The actions the lifecycle allows in this status (see {@link #allows}). */
    public Set<DossierAction> actions() {
        return Lifecycle.TABLE.get(this);
    }

    /**
     * The lifecycle table: which actions each status allows (docs/domain.md §2.11). Creation actions
     * ({@code SUBMIT_ONLINE}, {@code RECEIVE_TRANSFER}) apply to no existing dossier.
     */
    private static final class Lifecycle {

        static final Set<DossierStatus> OPEN = Collections.unmodifiableSet(EnumSet.of(RECEIVED, IN_PROCESS,
            WAITING_INTERAGENCY, SUPPLEMENT_REQUESTED_IN_PROCESS, WAITING_FINANCIAL_OBLIGATION));

        static final Map<DossierStatus, Set<DossierAction>> TABLE = table();

        private static Map<DossierStatus, Set<DossierAction>> table() {
            Map<DossierStatus, Set<DossierAction>> t = new EnumMap<>(DossierStatus.class);
            // before the decision: stop (Decree 118/2025 art. 21) and, once there is an appointment, apologise
            Set<DossierAction> anyTimeBeforeDecision = EnumSet.of(DossierAction.STOP, DossierAction.RESCHEDULE);
            t.put(SUBMITTED_ONLINE, with(anyTimeBeforeDecision, DossierAction.RECEIVE,
                DossierAction.REQUEST_SUPPLEMENT_AT_INTAKE, DossierAction.REFUSE));
            t.put(SUPPLEMENT_REQUESTED_AT_INTAKE, with(anyTimeBeforeDecision, DossierAction.RECEIVE, DossierAction.REFUSE));
            Set<DossierAction> working = with(anyTimeBeforeDecision, DossierAction.ASSIGN, DossierAction.COMPLETE_STEP,
                DossierAction.APPROVE, DossierAction.REJECT, DossierAction.RETURN_FOR_REWORK,
                DossierAction.REQUEST_SUPPLEMENT, DossierAction.REQUEST_FINANCIAL_OBLIGATION, DossierAction.TRANSFER_OUT);
            t.put(RECEIVED, working);
            t.put(IN_PROCESS, working);
            // a leg's result may hand the dossier straight on to the next leg
            t.put(WAITING_INTERAGENCY, with(anyTimeBeforeDecision, DossierAction.INTERAGENCY_RESULT,
                DossierAction.INTERAGENCY_REJECTED, DossierAction.TRANSFER_OUT));
            t.put(SUPPLEMENT_REQUESTED_IN_PROCESS, with(anyTimeBeforeDecision, DossierAction.RESUME));
            t.put(WAITING_FINANCIAL_OBLIGATION, with(anyTimeBeforeDecision, DossierAction.RESUME));
            Set<DossierAction> result = EnumSet.of(DossierAction.RETURN_RESULT, DossierAction.RETURN_TO_SENDER);
            t.put(RESULT_READY, Collections.unmodifiableSet(result));
            t.put(NOT_APPROVED, Collections.unmodifiableSet(result));
            for (DossierStatus finished : List.of(REFUSED, STOPPED, RETURNED)) {
                t.put(finished, Collections.unmodifiableSet(EnumSet.noneOf(DossierAction.class)));
            }
            return Collections.unmodifiableMap(t);
        }

        private static Set<DossierAction> with(Set<DossierAction> base, DossierAction... more) {
            EnumSet<DossierAction> s = EnumSet.copyOf(base);
            s.addAll(List.of(more));
            return Collections.unmodifiableSet(s);
        }
    }
}
