package vn.gov.quangtri.motcua.dossier.domain;

import java.util.List;
import vn.gov.quangtri.motcua.calendar.domain.Appointment;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimit;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;

/**
 * Intake (tiếp nhận, docs/domain.md §2.2): the ways a new {@link Dossier} comes into existence from a
 * {@link Submission}, each with its first status and first {@link DossierEvent} dated at the submission's moment.
 * What happens to a dossier after that goes through the aggregate's own methods (an online submission is then
 * {@link Dossier#accept accepted}, {@link Dossier#requestSupplementAtIntake(java.time.Instant, String, List, String)
 * sent back for a supplement} or {@link Dossier#refuse refused}).
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
}
