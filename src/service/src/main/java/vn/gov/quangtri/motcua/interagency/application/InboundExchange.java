package vn.gov.quangtri.motcua.interagency.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import vn.gov.quangtri.motcua.agency.domain.Agency;
import vn.gov.quangtri.motcua.calendar.application.CalendarService;
import vn.gov.quangtri.motcua.calendar.domain.Appointment;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.catalogue.domain.DocumentForm;
import vn.gov.quangtri.motcua.catalogue.domain.Procedure;
import vn.gov.quangtri.motcua.catalogue.domain.StepKind;
import vn.gov.quangtri.motcua.catalogue.domain.StepRole;
import vn.gov.quangtri.motcua.dossier.application.DossierStore;
import vn.gov.quangtri.motcua.dossier.domain.Applicant;
import vn.gov.quangtri.motcua.dossier.domain.Channel;
import vn.gov.quangtri.motcua.dossier.domain.DocumentLine;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierCode;
import vn.gov.quangtri.motcua.dossier.domain.DossierIntake;
import vn.gov.quangtri.motcua.dossier.domain.InterAgencyOrigin;
import vn.gov.quangtri.motcua.dossier.domain.StepPlan;
import vn.gov.quangtri.motcua.dossier.domain.Submission;
import vn.gov.quangtri.motcua.interagency.domain.CanonicalContent;
import vn.gov.quangtri.motcua.interagency.domain.ExchangeEntry;
import vn.gov.quangtri.motcua.interagency.domain.ExchangeEntry.Direction;
import vn.gov.quangtri.motcua.interagency.domain.ExchangeEntry.Outcome;
import vn.gov.quangtri.motcua.interagency.domain.ExchangeOperation;
import vn.gov.quangtri.motcua.interagency.domain.HashChain;
import vn.gov.quangtri.motcua.interagency.domain.InboundMessage;
import vn.gov.quangtri.motcua.interagency.domain.InterAgencyTransfer;
import vn.gov.quangtri.motcua.interagency.domain.MessageStatus;
import vn.gov.quangtri.motcua.interagency.domain.PartnerSystem;
import vn.gov.quangtri.motcua.interagency.domain.TransferPayload;
import vn.gov.quangtri.motcua.interagency.domain.TransferSide;
import vn.gov.quangtri.motcua.interagency.domain.TransferStatus;
import vn.gov.quangtri.motcua.interagency.domain.TransferUpdate;
import vn.gov.quangtri.motcua.interagency.domain.XRoadHeader;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.ForbiddenException;
import vn.gov.quangtri.motcua.shared.domain.NotFoundException;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * Receives partner messages (the REST and SOAP endpoints call {@link #receive} after
 * {@link PartnerRegistry#authenticate}). One transaction per message: the {@code inbound_message} row
 * (with the outcome), the effect and the exchange-log entry commit together or not at all; a refused
 * message stores nothing here (the endpoints then log the refusal in a transaction of its own).
 *
 * <p>Idempotency: (partner, message id) is looked up first; a repeat returns the stored outcome and changes
 * nothing but the exchange log (an entry REPLAYED). A repeat is the same message when its content after parsing
 * is the same ({@link CanonicalContent}: another serialisation of the same JSON document is a repeat); a repeat
 * with another content or operation is refused, {@code MESSAGE_ID_REUSED}. Every arrival applied is logged
 * ACCEPTED with its own attempt id; refusals are logged by the endpoints ({@link ExchangeLog#appendRefusal}).
 *
 * <p>{@code query-status} asks about a transfer ({@code {"transferId":"…"}}) or about a message the partner sent
 * ({@code {"messageId":"…"}}, answered with {@link MessageStatus}). Two deliveries of the same
 * message at the same moment: the unique key lets one commit; the other fails and its retry gets the
 * stored outcome. A submit-transfer for a transfer id already received returns that transfer's state.
 *
 * <p>Authorisation: the partner must be registered and active ({@code PARTNER_UNKNOWN},
 * {@code PARTNER_INACTIVE}); a submit-transfer must come from a partner serving the sending agency
 * ({@code AGENCY_NOT_SERVED}); every other operation may touch only a transfer whose other side is the
 * calling partner ({@code PARTNER_NOT_ADDRESSEE}).
 */
@Stateless
public class InboundExchange {

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    @Inject
    private DossierStore dossiers;

    @EJB
    private TransferFiles transferFiles;

    @EJB
    private CalendarService calendars;

    @EJB
    private TransferService transfers;

    @EJB
    private Outbox outbox;

    @EJB
    private ExchangeLog log;

    @Inject
    private Clock clock;

    /**
     * Applies one inbound message.
     *
     * @param partnerCode the authenticated partner
     * @param header      the X-Road header (validated when built)
     * @param operation   wire name: submit-transfer, acknowledge, report-status, return-result, query-status
     * @param payload     the JSON document as received
     * @return the outcome, and whether it is a replay
     * @throws ForbiddenException     {@code PARTNER_UNKNOWN}, {@code PARTNER_INACTIVE}, {@code AGENCY_NOT_SERVED},
     *                                {@code PARTNER_NOT_ADDRESSEE}
     * @throws RuleViolationException {@code INVALID_XROAD_HEADER} (also when the service code is not the operation),
     *                                {@code UNKNOWN_OPERATION}, {@code MALFORMED_PAYLOAD}, {@code UNKNOWN_AGENCY},
     *                                {@code UNKNOWN_PROCEDURE}, {@code STATUS_NOT_FOR_OPERATION}, …
     * @throws NotFoundException      for an unknown transfer
     * @throws ConflictException      {@code MESSAGE_ID_REUSED}
     */
    public InboundReceipt receive(String partnerCode, XRoadHeader header, String operation, String payload) {
        if (header == null) {
            throw new RuleViolationException("INVALID_XROAD_HEADER", "The X-Road header is missing");
        }
        ExchangeOperation op = ExchangeOperation.ofWireName(operation);
        if (!header.serviceCode().equals(op.wireName())) {
            throw new RuleViolationException("INVALID_XROAD_HEADER", "X-Road-Service names the service "
                + header.serviceCode() + " but the message is a " + op.wireName(),
                List.of("service: its service code must be " + op.wireName()));
        }
        PartnerSystem partner = partnerCode == null ? null : em.find(PartnerSystem.class, partnerCode);
        if (partner == null) {
            throw new ForbiddenException("PARTNER_UNKNOWN", "No partner system " + partnerCode);
        }
        if (!partner.active()) {
            throw new ForbiddenException("PARTNER_INACTIVE", "Partner system " + partnerCode + " is inactive");
        }
        if (payload == null) {
            throw new RuleViolationException("MALFORMED_PAYLOAD", "The message has no body");
        }
        List<InboundMessage> seen = em.createNamedQuery("InboundMessage.find", InboundMessage.class)
            .setParameter("partner", partner.code()).setParameter("id", header.messageId()).getResultList();
        if (!seen.isEmpty()) {
            InboundMessage first = seen.get(0);
            if (first.operation() != op || !sameContent(first, payload)) {
                throw new ConflictException("MESSAGE_ID_REUSED", "Message id " + header.messageId()
                    + " was already used for another message by " + partner.code());
            }
            String dossierCode = log.entriesOfMessage(Direction.IN, partner.code(), header.messageId()).stream()
                .map(ExchangeEntry::dossierCode).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            log.append(Direction.IN, partner.code(), header.messageId(), op, dossierCode, payload, clock.instant(),
                Outcome.REPLAYED, first.outcomeStatus());
            return new InboundReceipt(new InboundOutcome(first.outcomeStatus(), first.outcomeBody()), true);
        }
        Instant now = clock.instant();
        Result r = switch (op) {
            case SUBMIT_TRANSFER -> submit(partner, payload, now);
            case ACKNOWLEDGE, REPORT_STATUS, RETURN_RESULT -> update(partner, op, payload);
            case QUERY_STATUS -> query(partner, payload);
        };
        em.persist(new InboundMessage(partner.code(), header, op, payload, now, r.outcome.status(), r.outcome.body()));
        log.append(Direction.IN, partner.code(), header.messageId(), op, r.dossierCode, payload, now, Outcome.ACCEPTED,
            r.outcome.status());
        em.flush();
        return new InboundReceipt(r.outcome, false);
    }

    /**
     * Whether a repeat carries the first message's content: the same bytes, or the same document after parsing
     * ({@link CanonicalContent}: key order, whitespace, escapes and number notation do not matter).
     */
    static boolean sameContent(InboundMessage first, String payload) {
        return first.payloadSha256().equals(HashChain.sha256Hex(payload)) || CanonicalContent.same(first.payload(), payload);
    }

    private record Result(InboundOutcome outcome, String dossierCode) {
    }

    private Result submit(PartnerSystem partner, String json, Instant now) {
        TransferPayload p = TransferPayload.fromJson(json);
        if (!partner.serves(p.sendingAgencyCode())) {
            throw new ForbiddenException("AGENCY_NOT_SERVED", "Partner " + partner.code()
                + " does not speak for the sending agency " + p.sendingAgencyCode());
        }
        InterAgencyTransfer known = find(p.transferId(), TransferSide.RECEIVER);
        if (known != null) {
            requireAddressee(partner, known);
            return new Result(new InboundOutcome("ACCEPTED", state(known)), known.parentCode());
        }
        Agency agency = em.find(Agency.class, p.receivingAgencyCode());
        if (agency == null || agency.edocCode() == null) {
            throw new RuleViolationException("UNKNOWN_AGENCY", "No agency " + p.receivingAgencyCode() + " here");
        }
        List<Procedure> procedures = em.createNamedQuery("Procedure.findByCode", Procedure.class)
            .setParameter("code", p.procedureCode()).getResultList();
        if (procedures.isEmpty()) {
            throw new RuleViolationException("UNKNOWN_PROCEDURE", "No procedure with code '" + p.procedureCode() + "'");
        }
        WorkingCalendar calendar = calendars.current();
        calendars.requireCovered(p.transferredAt());
        Appointment appointment;
        try {
            appointment = Appointment.of(calendar, p.transferredAt(), p.share());
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            // A share the calendar cannot count (a fractional calendar-day limit, too large): the partner's mistake.
            throw new RuleViolationException("MALFORMED_PAYLOAD", "The share of the legal time cannot be counted: "
                + e.getMessage(), List.of("share: a whole number of calendar days, or working days / hours"));
        }
        calendars.requireCovered(appointment.clockStart(), appointment.dueAt());
        LocalDate day = VietnamTime.local(now).toLocalDate();
        int n = dossiers.nextNumber(agency.edocCode(), day);
        if (n > 9999) {
            throw new RuleViolationException("DAILY_SEQUENCE_EXHAUSTED", "More than 9999 dossiers on " + day);
        }
        DossierCode childCode = DossierCode.of(agency.edocCode(), day, n);
        String code = childCode.value();
        List<StepPlan> plan = List.of(new StepPlan(p.actionName(), StepRole.SPECIALIST, StepKind.WORK, agency.name(),
            Math.max(0, calendar.workingMinutesBetween(appointment.clockStart(), appointment.dueAt()))));
        Submission submission = new Submission(childCode, procedures.get(0), agency, channel(p.channel()),
            applicant(p.applicant()), documents(p.documents()), now);
        Dossier child = DossierIntake.receiveInterAgency(submission, appointment, p.share(), plan, calendar,
            InterAgencyOrigin.childOf(p.parentCode(), p.legPosition()), TransferService.EXCHANGE_ACTOR, p.note());
        dossiers.add(child);
        InterAgencyTransfer t = new InterAgencyTransfer(p.transferId(), TransferSide.RECEIVER, partner.code(), child,
            p.parentCode(), p.legPosition(), p.sendingAgencyCode(), agency.code(), agency.name(), p.action(),
            p.transferredAt(), child.clock().dueAt());
        t.apply(TransferStatus.ACKNOWLEDGED, now, code, null);
        em.persist(t);
        transferFiles.announce(t, child, p.files());
        outbox.enqueue(t, ExchangeOperation.ACKNOWLEDGE,
            new TransferUpdate(t.transferId(), TransferStatus.ACKNOWLEDGED, now, code, null).toJson(), p.parentCode());
        return new Result(new InboundOutcome("ACCEPTED", state(t)), p.parentCode());
    }

    private Result update(PartnerSystem partner, ExchangeOperation op, String json) {
        TransferUpdate u = TransferUpdate.fromJson(json, false);
        boolean fits = switch (op) {
            case ACKNOWLEDGE -> u.status() == TransferStatus.ACKNOWLEDGED;
            case RETURN_RESULT -> u.status() == TransferStatus.RESULT_RETURNED;
            default -> u.status() == TransferStatus.IN_PROGRESS || u.status() == TransferStatus.REJECTED;
        };
        if (!fits) {
            throw new RuleViolationException("STATUS_NOT_FOR_OPERATION",
                "Status " + u.status() + " cannot be reported with " + op.wireName());
        }
        InterAgencyTransfer t = find(u.transferId(), TransferSide.SENDER);
        if (t == null) {
            throw new NotFoundException("transfer", u.transferId());
        }
        requireAddressee(partner, t);
        dossiers.findForUpdate(t.parentCode());
        em.lock(t, LockModeType.PESSIMISTIC_WRITE);
        boolean applied = transfers.applyToSender(t, u);
        return new Result(new InboundOutcome(applied ? "APPLIED" : "IGNORED", state(t)), t.parentCode());
    }

    private Result query(PartnerSystem partner, String json) {
        String asked = MessageStatus.askedMessageId(json);
        if (asked != null) {
            return queryMessage(partner, asked);
        }
        TransferUpdate q = TransferUpdate.fromJson(json, true);
        InterAgencyTransfer t = find(q.transferId(), TransferSide.RECEIVER);
        if (t == null || !t.partnerCode().equals(partner.code())) {
            InterAgencyTransfer sent = find(q.transferId(), TransferSide.SENDER);
            t = t == null || sent != null && sent.partnerCode().equals(partner.code()) ? sent : t;
        }
        if (t == null) {
            throw new NotFoundException("transfer", q.transferId());
        }
        requireAddressee(partner, t);
        return new Result(new InboundOutcome("OK", state(t)), t.parentCode());
    }

    /**
     * The status of a message the partner sent us, by its message id: its stored outcome (or, never applied, the
     * last arrival's outcome) and every arrival logged. Only the partner's own messages: another partner's id is
     * unknown here ({@code NOT_FOUND}, as for an unknown transfer).
     */
    private Result queryMessage(PartnerSystem partner, String messageId) {
        List<ExchangeEntry> arrivals = log.entriesOfMessage(Direction.IN, partner.code(), messageId);
        if (arrivals.isEmpty()) {
            throw new NotFoundException("message", messageId);
        }
        InboundMessage stored = em.createNamedQuery("InboundMessage.find", InboundMessage.class)
            .setParameter("partner", partner.code()).setParameter("id", messageId).getResultList().stream()
            .findFirst().orElse(null);
        ExchangeEntry last = arrivals.get(arrivals.size() - 1);
        String status = stored != null ? stored.outcomeStatus()
            : last.outcome() == null ? null : last.outcome().name();
        ExchangeOperation op = stored != null ? stored.operation()
            : arrivals.stream().map(ExchangeEntry::operation).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        String dossierCode = arrivals.stream().map(ExchangeEntry::dossierCode).filter(java.util.Objects::nonNull)
            .findFirst().orElse(null);
        List<MessageStatus.Attempt> attempts = arrivals.stream().map(e -> new MessageStatus.Attempt(e.attemptId(), e.at(),
            e.outcome() == null ? null : e.outcome().name(), e.detail())).toList();
        MessageStatus answer = new MessageStatus(messageId, op == null ? null : op.wireName(), dossierCode, status,
            attempts);
        return new Result(new InboundOutcome("OK", answer.toJson()), dossierCode);
    }

    private InterAgencyTransfer find(String transferId, TransferSide side) {
        return em.createNamedQuery("InterAgencyTransfer.find", InterAgencyTransfer.class).setParameter("id", transferId)
            .setParameter("side", side).getResultList().stream().findFirst().orElse(null);
    }

    private static void requireAddressee(PartnerSystem partner, InterAgencyTransfer t) {
        if (!t.partnerCode().equals(partner.code())) {
            throw new ForbiddenException("PARTNER_NOT_ADDRESSEE",
                "Transfer " + t.transferId() + " is not addressed to partner " + partner.code());
        }
    }

    private static String state(InterAgencyTransfer t) {
        String note = t.status() == TransferStatus.REJECTED ? t.rejectionReason()
            : t.status() == TransferStatus.RESULT_RETURNED ? t.resultSummary() : null;
        return new TransferUpdate(t.transferId(), t.status(), t.statusAt(), t.childCode(), note).toJson();
    }

    private static Channel channel(String name) {
        try {
            return Channel.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException("MALFORMED_PAYLOAD", "channel must be DIRECT, ONLINE or POSTAL",
                List.of("channel: one of [DIRECT, ONLINE, POSTAL]"));
        }
    }

    private static Applicant applicant(TransferPayload.ApplicantData a) {
        Applicant.Kind kind;
        List<String> problems;
        try {
            kind = Applicant.Kind.valueOf(a.kind());
            problems = Applicant.problems(kind, a.name(), a.idNumber(), a.phone(), a.email(), a.address());
        } catch (IllegalArgumentException e) {
            kind = null;
            problems = new java.util.ArrayList<>(Applicant.problems(a.name(), a.idNumber(), a.phone(), a.email(),
                a.address()));
            problems.add("applicant.kind: INDIVIDUAL or ORGANISATION");
        }
        if (!problems.isEmpty()) {
            throw new RuleViolationException("MALFORMED_PAYLOAD", "Applicant data invalid: " + problems, problems);
        }
        return new Applicant(kind, a.name(), a.idNumber(), a.phone(), a.email(), a.address());
    }

    private static List<DocumentLine> documents(List<TransferPayload.DocumentData> docs) {
        try {
            return docs.stream().map(d -> new DocumentLine(null, d.name(), DocumentForm.valueOf(d.form()),
                Math.max(1, d.quantity()))).toList();
        } catch (RuntimeException e) {
            // Never the exception's text: it names Java classes (an unknown enum constant).
            throw new RuleViolationException("MALFORMED_PAYLOAD", "Document list invalid: each document needs a name, a"
                + " form of " + java.util.Arrays.toString(DocumentForm.values()) + " and a quantity",
                List.of("documents: name, form " + java.util.Arrays.toString(DocumentForm.values()) + " and quantity"));
        }
    }
}
