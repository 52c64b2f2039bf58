package vn.gov.quangtri.motcua.interagency.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.gov.quangtri.motcua.account.application.AccessControl;
import vn.gov.quangtri.motcua.agency.domain.Agency;
import vn.gov.quangtri.motcua.calendar.application.CalendarService;
import vn.gov.quangtri.motcua.calendar.domain.Appointment;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.catalogue.domain.ProcedureLeg;
import vn.gov.quangtri.motcua.dossier.application.DossierChanged;
import vn.gov.quangtri.motcua.dossier.application.DossierChanges;
import vn.gov.quangtri.motcua.dossier.application.DossierStore;
import vn.gov.quangtri.motcua.dossier.application.EventTimes;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierAction;
import vn.gov.quangtri.motcua.dossier.domain.InterAgencyLeg;
import vn.gov.quangtri.motcua.dossier.domain.ReceivedDocument;
import vn.gov.quangtri.motcua.interagency.domain.ExchangeOperation;
import vn.gov.quangtri.motcua.interagency.domain.InterAgencyTransfer;
import vn.gov.quangtri.motcua.interagency.domain.PartnerSystem;
import vn.gov.quangtri.motcua.interagency.domain.TransferPayload;
import vn.gov.quangtri.motcua.interagency.domain.TransferSide;
import vn.gov.quangtri.motcua.interagency.domain.TransferStatus;
import vn.gov.quangtri.motcua.interagency.domain.TransferUpdate;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.NotFoundException;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;

/**
 * Inter-agency transfers (liên thông, docs/domain.md §2.6), one transaction per method.
 *
 * <p>Sending side: {@link #startTransfer} by an officer of the parent's unit at the leg's step writes the
 * transfer, the parent's status and history ("Chờ liên thông: …") and the outbox message together. When
 * the co-operating agency's result comes back ({@link #applyToSender}, called by {@link InboundExchange}),
 * the leg's step is completed and the parent resumes at the desk's side, or, for a leg whose result does not
 * come back to the desk, the next leg is transferred at once. The parent's appointment never moves; each
 * leg has its own due moment (its share counted from the transfer with the working calendar,
 * Asia/Ho_Chi_Minh), kept on the transfer and on the child.
 *
 * <p>Receiving side: the officers of the co-operating agency work on the child dossier as on any other,
 * then {@link #reportProgress}, {@link #returnToSender} or {@link #rejectTransfer} send the news back.
 */
@Stateless
public class TransferService {

    @EJB
    private TransferFiles transferFiles;

    /** Actor recorded for changes driven by partner messages. */
    public static final String EXCHANGE_ACTOR = "liên thông";

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    @Inject
    private jakarta.enterprise.event.Event<DossierChanged> changed;

    @Inject
    private DossierStore dossiers;

    @Inject
    private DossierChanges changes;

    @EJB
    private CalendarService calendars;

    @EJB
    private AccessControl access;

    @EJB
    private PartnerRegistry partners;

    @EJB
    private Outbox outbox;

    @Inject
    private Clock clock;

    /** The legs of a procedure in order (empty for a procedure handled by one agency). */
    public List<ProcedureLeg> legs(String procedureCode) {
        return em.createNamedQuery("ProcedureLeg.ofProcedure", ProcedureLeg.class).setParameter("code", procedureCode)
            .getResultList();
    }

    /** Starts a leg whose co-operating agency the procedure fixes (no version check). */
    public InterAgencyTransfer startTransfer(String parentCode, int legPosition) {
        return startTransfer(parentCode, legPosition, null, null, null);
    }

    /**
     * Transfers the parent dossier to the co-operating agency of a leg.
     *
     * @param receivingAgencyCode the agency, required when the leg names only a kind of agency
     * @param note                note for the partner and the history, may be null
     * @param expectedVersion     the parent's version the caller saw, or null to skip the check
     * @throws vn.gov.quangtri.motcua.shared.domain.ForbiddenException {@code OUT_OF_SCOPE}, {@code ROLE_REQUIRED}
     * @throws ConflictException {@code CONCURRENT_CHANGE}, {@code NOT_AT_LEG_STEP}, {@code ILLEGAL_TRANSITION},
     *                           {@code TRANSFER_ALREADY_OPEN}
     * @throws RuleViolationException {@code UNKNOWN_LEG}, {@code RECEIVING_AGENCY_REQUIRED},
     *                                {@code AGENCY_NOT_OF_LEG}, {@code UNKNOWN_AGENCY}, {@code NO_PARTNER_FOR_AGENCY},
     *                                {@code CALENDAR_YEAR_MISSING}
     */
    public InterAgencyTransfer startTransfer(String parentCode, int legPosition, String receivingAgencyCode,
                                             String note, Long expectedVersion) {
        DossierChanges.Locked locked = changes.lock(parentCode, expectedVersion, DossierAction.TRANSFER_OUT);
        Dossier parent = locked.dossier();
        String who = locked.actor();
        if (parent.origin().child()) {
            throw new RuleViolationException("CHILD_CANNOT_TRANSFER",
                "Dossier " + parentCode + " was itself received by transfer; its sender transfers further legs");
        }
        ProcedureLeg leg = leg(parent.snapshot().code(), legPosition);
        String agencyCode = leg.partnerAgencyCode();
        if (agencyCode == null) {
            if (receivingAgencyCode == null || receivingAgencyCode.isBlank()) {
                throw new RuleViolationException("RECEIVING_AGENCY_REQUIRED",
                    "Leg " + legPosition + " names only a kind of agency (" + leg.partnerKind() + "): choose the agency");
            }
            agencyCode = receivingAgencyCode.strip();
        } else if (receivingAgencyCode != null && !receivingAgencyCode.isBlank()
            && !receivingAgencyCode.strip().equals(agencyCode)) {
            throw new RuleViolationException("AGENCY_NOT_OF_LEG", "Leg " + legPosition + " goes to " + agencyCode);
        }
        int basedOn = vn.gov.quangtri.motcua.dossier.domain.BackdatingRequest.latestEvent(parent);
        InterAgencyTransfer t = send(parent, leg, agencyCode, who, note, clock.instant());
        // the hand-over is a change of the citizen's dossier like any other: the national portal learns it
        changed.fire(new DossierChanged(parent, basedOn));
        dossiers.flush();
        return t;
    }

    /** Transfers of a dossier (either side), by leg. */
    public List<InterAgencyTransfer> transfersOf(String dossierCode) {
        dossiers.find(dossierCode, access.current()); // unknown or outside the scope: NOT_FOUND
        return em.createNamedQuery("InterAgencyTransfer.ofDossier", InterAgencyTransfer.class)
            .setParameter("code", dossierCode).getResultList();
    }

    private InterAgencyTransfer send(Dossier parent, ProcedureLeg leg, String agencyCode, String who, String note,
                                     Instant now) {
        Agency agency = em.find(Agency.class, agencyCode);
        if (agency == null) {
            throw new RuleViolationException("UNKNOWN_AGENCY", "No agency with code '" + agencyCode + "'");
        }
        boolean open = em.createQuery("SELECT COUNT(t) FROM InterAgencyTransfer t WHERE t.dossier = :d"
                + " AND t.side = :side AND t.legPosition = :leg AND t.status NOT IN :final", Long.class)
            .setParameter("d", parent).setParameter("side", TransferSide.SENDER).setParameter("leg", leg.position())
            .setParameter("final", TransferStatus.FINAL)
            .getSingleResult() > 0;
        if (open) {
            throw new ConflictException("TRANSFER_ALREADY_OPEN", "Leg " + leg.position() + " of " + parent.code()
                + " is already at a co-operating agency");
        }
        PartnerSystem partner = partners.serving(agency.code());
        WorkingCalendar calendar = calendars.current();
        Appointment legDue = Appointment.of(calendar, now, leg.share());
        Instant due = legDue.dueAt();
        calendars.requireCovered(legDue.clockStart(), due);
        InterAgencyLeg.awaitInterAgency(parent, now, who, agency.name(), leg.stepPosition(), note);
        InterAgencyTransfer t = new InterAgencyTransfer(UUID.randomUUID().toString(), TransferSide.SENDER,
            partner.code(), parent, parent.code(), leg.position(), parent.receivingAgency().code(), agency.code(),
            agency.name(), leg.action(), now, due);
        em.persist(t);
        TransferPayload payload = new TransferPayload(t.transferId(), parent.code(), leg.position(),
            parent.snapshot().code(), parent.snapshot().name(), parent.receivingAgency().code(),
            parent.receivingAgency().name(), agency.code(), leg.action(), leg.actionName(), leg.share(),
            parent.channel().name(), now, due,
            new TransferPayload.ApplicantData(parent.applicant().kind().name(), parent.applicant().name(),
                parent.applicant().idNumber(), parent.applicant().phone(), parent.applicant().email(),
                parent.applicant().address()),
            parent.documents().stream().map(TransferService::document).toList(), note,
            transferFiles.references(parent.code()));
        outbox.enqueue(t, ExchangeOperation.SUBMIT_TRANSFER, payload.toJson(), parent.code());
        return t;
    }

    private static TransferPayload.DocumentData document(ReceivedDocument d) {
        return new TransferPayload.DocumentData(d.position(), d.name(), d.form().name(), d.quantity());
    }

    /**
     * Applies a partner's status update to a transfer we sent (in the caller's transaction, the parent and
     * the transfer locked by the caller). Forward only; when the result comes back the leg's step is done
     * and the parent resumes or the next leg starts.
     *
     * @return whether the update moved the transfer (false: recorded as ignored)
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean applyToSender(InterAgencyTransfer t, TransferUpdate update) {
        Instant now = clock.instant();
        boolean applied = t.apply(update.status(), update.at(), update.childCode(), update.note());
        if (!applied) {
            return false;
        }
        Dossier parent = t.dossier();
        int basedOn = vn.gov.quangtri.motcua.dossier.domain.BackdatingRequest.latestEvent(parent);
        Instant partnerAt = EventTimes.partner(parent, update.at(), now); // the partner's time, not the arrival
        if (update.status() == TransferStatus.REJECTED) {
            InterAgencyLeg.interAgencyRejected(parent, partnerAt, EXCHANGE_ACTOR, t.receivingAgencyName(),
                update.note());
        } else if (update.status() == TransferStatus.RESULT_RETURNED) {
            ProcedureLeg leg = leg(parent.snapshot().code(), t.legPosition());
            ProcedureLeg next = legs(parent.snapshot().code()).stream().filter(l -> l.position() == leg.position() + 1)
                .findFirst().orElse(null);
            boolean chain = !leg.resultToDesk() && next != null && next.partnerAgencyCode() != null;
            InterAgencyLeg.interAgencyResult(parent, partnerAt, EXCHANGE_ACTOR, t.receivingAgencyName(), !chain,
                update.note(), calendars.current());
            if (chain) {
                send(parent, next, next.partnerAgencyCode(), EXCHANGE_ACTOR,
                    "Chuyển tiếp sau kết quả của " + t.receivingAgencyName(), now);
            }
        }
        // A partner's answer is a change of the citizen's dossier like any other: its milestones (a result ready,
        // a refusal) reach the applicant as well.
        changed.fire(new DossierChanged(parent, basedOn));
        return true;
    }

    /**
     * The co-operating agency reports that it is working on the child dossier (a report-status message).
     *
     * @param expectedVersion the child's version the caller saw, or null to skip the check
     * @throws ConflictException {@code CONCURRENT_CHANGE}, {@code NOT_INTERAGENCY_CHILD},
     *                           {@code TRANSFER_FINAL_OR_AHEAD} (already reported or returned), {@code ILLEGAL_TRANSITION}
     *                           (the child is already finished or stopped)
     */
    public InterAgencyTransfer reportProgress(String childCode, String note, Long expectedVersion) {
        return fromChild(childCode, TransferStatus.IN_PROGRESS, note, expectedVersion);
    }

    /**
     * Returns the child's result to the sending agency (not to the citizen: that is
     * {@code ProcessingService.handOverResult}): the child is RETURNED and a return-result message is queued.
     *
     * @param summary the result in a sentence (notice number, amount…), sent to the partner
     * @throws ConflictException {@code ILLEGAL_TRANSITION} unless the child's result is ready (or rejected on the merits)
     */
    public InterAgencyTransfer returnToSender(String childCode, String summary, Long expectedVersion) {
        return fromChild(childCode, TransferStatus.RESULT_RETURNED, summary, expectedVersion);
    }

    /**
     * The co-operating agency refuses the transfer with a reason; the child dossier is stopped, so the roles that
     * stop a dossier (leaders) refuse it ({@code ROLE_REQUIRED} otherwise).
     */
    public InterAgencyTransfer rejectTransfer(String childCode, String reason, Long expectedVersion) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolationException("REASON_REQUIRED", "A reason is required to refuse a transfer");
        }
        return fromChild(childCode, TransferStatus.REJECTED, reason, expectedVersion);
    }

    private InterAgencyTransfer fromChild(String childCode, TransferStatus status, String note, Long expectedVersion) {
        // Refusing a transfer stops the child dossier: the roles that may stop a dossier (leaders) refuse it.
        DossierChanges.Locked locked = changes.lock(childCode, expectedVersion,
            status == TransferStatus.REJECTED ? DossierAction.STOP : DossierAction.RETURN_TO_SENDER);
        Dossier child = locked.dossier();
        String who = locked.actor();
        if (!child.origin().child()) {
            throw new ConflictException("NOT_INTERAGENCY_CHILD", "Dossier " + childCode + " was not received by transfer");
        }
        if (status == TransferStatus.IN_PROGRESS && child.status().isTerminal()) {
            throw new ConflictException("ILLEGAL_TRANSITION", "Dossier " + childCode + " is " + child.status()
                + ": there is no progress to report");
        }
        InterAgencyTransfer t = em.createQuery("SELECT t FROM InterAgencyTransfer t WHERE t.dossier = :d AND t.side = :side",
                InterAgencyTransfer.class).setParameter("d", child).setParameter("side", TransferSide.RECEIVER)
            .getResultList().stream().findFirst().orElseThrow(() -> new NotFoundException("transfer of", childCode));
        em.lock(t, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (status == TransferStatus.RESULT_RETURNED) {
            InterAgencyLeg.returnToSender(child, now, who, senderName(t), note);
        } else if (status == TransferStatus.REJECTED) {
            child.stop(now, who, "Từ chối liên thông: " + note);
        }
        if (!t.apply(status, now, child.code(), note)) {
            throw new ConflictException("TRANSFER_FINAL_OR_AHEAD", "Transfer " + t.transferId() + " is already "
                + t.status() + "; " + status + " would move it backwards");
        }
        outbox.enqueue(t, status == TransferStatus.IN_PROGRESS ? ExchangeOperation.REPORT_STATUS
                : status == TransferStatus.REJECTED ? ExchangeOperation.REPORT_STATUS : ExchangeOperation.RETURN_RESULT,
            new TransferUpdate(t.transferId(), status, now, child.code(), note).toJson(), t.parentCode());
        dossiers.flush();
        return t;
    }

    private String senderName(InterAgencyTransfer t) {
        Agency a = em.find(Agency.class, t.sendingAgencyCode());
        return a == null ? t.sendingAgencyCode() : a.name();
    }

    private ProcedureLeg leg(String procedureCode, int position) {
        return legs(procedureCode).stream().filter(l -> l.position() == position).findFirst()
            .orElseThrow(() -> new RuleViolationException("UNKNOWN_LEG",
                "Procedure " + procedureCode + " has no inter-agency leg " + position));
    }
}
