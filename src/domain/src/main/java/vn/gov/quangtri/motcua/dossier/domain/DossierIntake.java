package vn.gov.quangtri.motcua.dossier.domain;

import java.time.Instant;
import java.util.List;
import vn.gov.quangtri.motcua.calendar.domain.Appointment;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimit;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;

/**
 * Intake (tiếp nhận, docs/domain.md §2.2), part of the {@link Dossier} aggregate: the ways a new dossier comes
 * into existence from a {@link Submission}, each with its first status and first {@link DossierEvent} dated at the
 * submission's moment, and the officer's decision on a dossier awaiting intake (an online submission, or one sent
 * back for a supplement): {@link #accept}, {@link #requestSupplementAtIntake(Dossier, Instant, String, List, String)
 * request a supplement} or {@link #refuse}. Each decision first runs the aggregate's check of the lifecycle table
 * and {@link ActionRefusals}, so an illegal one throws {@link vn.gov.quangtri.motcua.shared.domain.ConflictException}
 * and changes nothing.
 */
public final class DossierIntake {

    private DossierIntake() {
    }

    /**
     * Registers an online submission awaiting the officer's check (status 1 "Mới đăng ký"); the clock
     * does not run yet (docs/domain.md §2.2).
     *
     * @param actor who registered it (the portal, or the applicant's account)
     * @throws IllegalArgumentException when the submission did not come over the ONLINE channel
     */
    public static Dossier submitOnline(Submission s, String actor) {
        if (s.channel() != Channel.ONLINE) {
            throw new IllegalArgumentException("an online submission comes over the ONLINE channel: " + s.channel());
        }
        Dossier d = new Dossier(s, DossierStatus.SUBMITTED_ONLINE);
        d.record(s.at(), actor, DossierAction.SUBMIT_ONLINE, null, null);
        return d;
    }

    /**
     * Receives a complete and valid dossier at the desk or by post and issues the appointment computed once by
     * {@link Appointment#of} (docs/domain.md §3.3). The first internal step starts at once.
     *
     * @param plan the internal steps with their allotments; at least one
     * @throws RuleViolationException {@code TIME_LIMIT_MISSING} if the procedure has no time limit (C06(d))
     */
    public static Dossier receive(Submission s, Appointment appointment, List<StepPlan> plan, WorkingCalendar calendar,
                                  String actor, String note) {
        Dossier d = new Dossier(s, DossierStatus.RECEIVED);
        d.startClock(s.at(), appointment, plan, calendar);
        d.record(s.at(), actor, DossierAction.RECEIVE, 1, note);
        return d;
    }

    /**
     * Records an incomplete dossier at intake together with the one-time list of everything missing
     * (form 02), the officer's note after the items; the clock does not start (docs/domain.md §2.2, §3.4).
     *
     * @param missing every missing or incorrect item, all at once; not empty
     * @param note    may be null
     */
    public static Dossier requestSupplementAtIntake(Submission s, String actor, List<String> missing, String note) {
        List<String> items = HistoryText.items(missing);
        Dossier d = new Dossier(s, DossierStatus.SUPPLEMENT_REQUESTED_AT_INTAKE);
        d.record(s.at(), actor, DossierAction.REQUEST_SUPPLEMENT_AT_INTAKE, null,
            HistoryText.supplementRequest(items, note)).withItems(items);
        return d;
    }

    /** Records a dossier refused at intake with its specific reasons (form 03); the reason is required. */
    public static Dossier refuseAtIntake(Submission s, String actor, String reason) {
        Dossier d = new Dossier(s, DossierStatus.REFUSED);
        d.record(s.at(), actor, DossierAction.REFUSE, null, HistoryText.reason(reason));
        return d;
    }

    /**
     * Creates the child dossier at a co-operating agency from an inbound transfer. It has its own code
     * (the receiving unit's identifier, Circular 01/2018/TT-VPCP art. 19) and its own clock running on the
     * leg's share, so its appointment is the leg's due moment. The citizen-facing code stays the parent's
     * ({@link Dossier#citizenCode()}); statistics count the parent only.
     *
     * @param share  the leg's share of the legal time (the appointment was computed on it)
     * @param plan   the child's internal steps (at least one)
     * @param origin the parent's code and the leg ({@link InterAgencyOrigin#childOf})
     */
    public static Dossier receiveInterAgency(Submission s, Appointment appointment, TimeLimit share,
                                             List<StepPlan> plan, WorkingCalendar calendar, InterAgencyOrigin origin,
                                             String actor, String note) {
        Dossier d = new Dossier(s, DossierStatus.RECEIVED);
        d.receivedByTransfer(share, origin);
        d.startClock(s.at(), appointment, plan, calendar);
        d.record(s.at(), actor, DossierAction.RECEIVE_TRANSFER, 1, HistoryText.childOf(origin.parentCode(), note));
        return d;
    }

    /**
     * Accepts a dossier awaiting intake (an online submission, or one completed after a supplement request at
     * intake): status RECEIVED, clock started with the appointment, first step started.
     *
     * @param plan the internal steps with their allotments; at least one
     * @throws vn.gov.quangtri.motcua.shared.domain.ConflictException when the dossier is not awaiting intake
     * @throws RuleViolationException {@code TIME_LIMIT_MISSING} if the procedure has no time limit
     */
    public static void accept(Dossier d, Instant at, Appointment appointment, List<StepPlan> plan,
                              WorkingCalendar calendar, String actor, String note) {
        d.requireAllowed(DossierAction.RECEIVE, at, calendar);
        DossierStatus from = d.status();
        d.startClock(at, appointment, plan, calendar);
        d.transition(at, actor, DossierAction.RECEIVE, from, DossierStatus.RECEIVED, 1, note);
    }

    /**
     * Asks the online applicant, once and for everything, to complete the dossier (form 02), with the
     * officer's note kept in the history after the items; the clock does not start.
     *
     * @param missing all missing or incorrect items; not empty
     * @param note    may be null
     */
    public static void requestSupplementAtIntake(Dossier d, Instant at, String actor, List<String> missing,
                                                 String note) {
        d.requireAllowed(DossierAction.REQUEST_SUPPLEMENT_AT_INTAKE, at, null);
        List<String> items = HistoryText.items(missing);
        d.transition(at, actor, DossierAction.REQUEST_SUPPLEMENT_AT_INTAKE, d.status(),
            DossierStatus.SUPPLEMENT_REQUESTED_AT_INTAKE, null, HistoryText.supplementRequest(items, note))
            .withItems(items);
    }

    /** Refuses a dossier awaiting intake with its reasons (form 03); the reason is required. */
    public static void refuse(Dossier d, Instant at, String actor, String reason) {
        d.requireAllowed(DossierAction.REFUSE, at, null);
        d.transition(at, actor, DossierAction.REFUSE, d.status(), DossierStatus.REFUSED, null,
            HistoryText.reason(reason));
    }
}
