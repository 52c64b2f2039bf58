package vn.gov.quangtri.motcua.interagency.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.gov.quangtri.motcua.account.application.SystemTask;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.dossier.application.ActionTime;
import vn.gov.quangtri.motcua.dossier.application.ProcessingService;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.interagency.domain.EndpointStyle;
import vn.gov.quangtri.motcua.interagency.domain.ExchangeEntry;
import vn.gov.quangtri.motcua.interagency.domain.ExchangeEntry.Direction;
import vn.gov.quangtri.motcua.interagency.domain.ExchangeEntry.Outcome;
import vn.gov.quangtri.motcua.interagency.domain.ExchangeOperation;
import vn.gov.quangtri.motcua.interagency.domain.HashChain;
import vn.gov.quangtri.motcua.interagency.domain.InterAgencyTransfer;
import vn.gov.quangtri.motcua.interagency.domain.OutboxMessage;
import vn.gov.quangtri.motcua.interagency.domain.OutboxStatus;
import vn.gov.quangtri.motcua.interagency.domain.TransferSide;
import vn.gov.quangtri.motcua.interagency.domain.TransferStatus;
import vn.gov.quangtri.motcua.interagency.domain.TransferUpdate;
import vn.gov.quangtri.motcua.interagency.domain.XRoadHeader;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.DomainException;
import vn.gov.quangtri.motcua.shared.domain.ForbiddenException;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.infrastructure.persistence.AdminTestBed;

/**
 * The inter-agency services on a Flyway-built database (H2 and PostgreSQL) without a server: two agencies
 * on one deployment through loopback partners (QT-LOOPBACK-XA speaks for Xã Vĩnh Linh, QT-LOOPBACK-DAT for
 * the land registration branch and the tax authority). The tests play the HTTP sender by handing the
 * outbox messages to {@link InboundExchange}. March 2026 has no holiday; office hours 08–12, 13–17.
 */
class InterAgencyExchangeTest {

    static final String COMMUNE = ExchangeFixture.COMMUNE;
    static final String BRANCH = ExchangeFixture.BRANCH;
    static final String XA = ExchangeFixture.XA;
    static final String DAT = ExchangeFixture.DAT;
    static final String BRANCH_NAME = ExchangeFixture.BRANCH_NAME;

    private ExchangeFixture fixture;
    private AdminTestBed bed;
    private AdminTestBed.MovableClock clock;
    private PartnerRegistry partners;
    private ExchangeLog log;
    private Outbox outbox;
    private TransferService transfers;
    private InboundExchange inbound;
    private String parentCode;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static Instant vn(int month, int day, int hour, int minute) {
        return AdminTestBed.vn(2026, month, day, hour, minute);
    }

    private void setUp(String kind) {
        fixture = new ExchangeFixture(kind);
        bed = fixture.bed;
        clock = fixture.clock;
        partners = fixture.partners;
        log = fixture.log;
        outbox = fixture.outbox;
        transfers = fixture.transfers;
        inbound = fixture.inbound;
        List<PartnerRegistration> loop = fixture.loopback;
        assertEquals(XA, partners.authenticate(loop.get(0).apiKey()).code());
        assertEquals(DAT, partners.authenticate(loop.get(1).apiKey()).code());
        // A land dossier at Xã Vĩnh Linh, Mon 2 Mar 10:00, desk and commune appraisal done → step 3.
        parentCode = bed.receive("H50-L006", COMMUNE, vn(3, 2, 10, 0));
        bed.tx(() -> {
            Dossier d = bed.dossier(parentCode);
            WorkingCalendar cal = bed.calendars().current();
            d.completeStep(vn(3, 2, 11, 0), "tiepnhan.vinhlinh", null, cal);
            d.completeStep(vn(3, 13, 15, 0), "chuyenvien.vinhlinh", null, cal);
            return null;
        });
        bed.em().clear();
    }

    private static XRoadHeader header(String client, ExchangeOperation op, String messageId) {
        return new XRoadHeader("VN/GOV/000.00.00.H50/" + client, "VN/GOV/000.00.00.H50/MOTCUA/" + op.wireName(),
            "system", messageId);
    }

    /** Plays the HTTP sender for one pending message: delivers it to the inbound side as its addressee's caller. */
    private InboundReceipt deliver(OutboxMessage m) {
        String from = m.partnerCode().equals(DAT) ? XA : DAT;
        return bed.tx(() -> inbound.receive(from, header(from, m.operation(), m.messageId()), m.operation().wireName(),
            m.payload()));
    }

    private List<OutboxMessage> pending() {
        bed.em().clear();
        return bed.tx(() -> outbox.pending(50));
    }

    private long count(String table) {
        bed.em().clear();
        return ((Number) bed.em().createNativeQuery("SELECT COUNT(*) FROM " + table).getSingleResult()).longValue();
    }

    /**
     * Starts leg 1 (Fri 13 Mar 15:30), delivers the submit-transfer (the branch creates its child at 15:31) and
     * the acknowledgement back; returns the child's code.
     */
    private String leg1Acknowledged() {
        startLeg1();
        OutboxMessage submit = pending().get(0);
        clock.now = vn(3, 13, 15, 31);
        String childCode = TransferUpdate.fromJson(deliver(submit).outcome().body(), false).childCode();
        bed.tx(() -> outbox.markSent(submit.messageId()));
        OutboxMessage ack = pending().get(0);
        deliver(ack);
        bed.tx(() -> outbox.markSent(ack.messageId()));
        return childCode;
    }

    private InterAgencyTransfer startLeg1() {
        clock.now = vn(3, 13, 15, 30);
        return bed.tx(() -> SystemTask.run("tiepnhan.vinhlinh", () -> transfers.startTransfer(parentCode, 1, BRANCH,
                null, null)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("Issue 15 §3: the portal outbox numbers a dossier's events 1, 2, … across changes, with each event's"
        + " business time; the child of an inter-agency transfer sends nothing (its citizen's dossier is the parent)")
    void portalOutbox(String kind) {
        setUp(kind);
        String childCode = leg1Acknowledged();
        vn.gov.quangtri.motcua.portal.application.PortalOutbox portal = fixture.portal;
        bed.tx(() -> {
            portal.enqueue(bed.dossier(parentCode), 0);
            portal.enqueue(bed.dossier(childCode), 0);
            return null;
        });
        List<Object[]> rows = bed.tx(() -> bed.em().createQuery("SELECT m.dossierCode, m.sequence, m.eventAction,"
            + " m.eventAt FROM PortalMessage m ORDER BY m.dossierCode, m.sequence", Object[].class).getResultList());
        Dossier parent = bed.tx(() -> bed.dossier(parentCode));
        assertEquals(parent.history().size(), rows.size(), "one message per event of the parent, none of the child");
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(parentCode, rows.get(i)[0]);
            assertEquals(i + 1, rows.get(i)[1]);
            assertEquals(parent.history().get(i).action().name(), rows.get(i)[2]);
            assertEquals(parent.history().get(i).occurredAt(), rows.get(i)[3]);
        }
        assertEquals("TRANSFER_OUT", rows.get(rows.size() - 1)[2]);
        assertEquals(vn(3, 13, 15, 30), rows.get(rows.size() - 1)[3], "the transfer's business time");
        int before = rows.size();
        bed.tx(() -> {
            portal.enqueue(bed.dossier(parentCode), before - 1); // the last event again after a later change
            return null;
        });
        assertEquals(before + 1, count("portal_message"), "numbered after the dossier's last message");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("A refusal of a body with NUL in its transfer id, parent code and message id is logged without them (PostgreSQL refuses NUL)")
    void refusalOfHostileTextLogged(String kind) {
        setUp(kind);
        ExchangeEntry byId = bed.tx(() -> log.appendRefusal(XA, "m\u0000-1", "submit-transfer",
            "{\"transferId\":\"\u0000\"}", "CONTROL_CHARACTER", false));
        assertEquals(null, byId.dossierCode());
        assertEquals(null, byId.messageId());
        ExchangeEntry byParent = bed.tx(() -> log.appendRefusal(XA, null, "submit-transfer",
            "{\"parentCode\":\"000.00.60.H50-260302-0001\u0000\"}", "CONTROL_CHARACTER", false));
        assertEquals(null, byParent.dossierCode());
        ExchangeEntry named = bed.tx(() -> log.appendRefusal(XA, "m-2", "submit-transfer",
            "{\"parentCode\":\"" + parentCode + "\"}", "MALFORMED_PAYLOAD", false));
        assertEquals(parentCode, named.dossierCode(), "a well-formed parent code still names the dossier");
        assertEquals("m-2", named.messageId());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("A transfer from a stale screen (old version) is refused with CONCURRENT_CHANGE; the current version passes")
    void staleTransferRefused(String kind) {
        setUp(kind);
        long current = bed.tx(() -> bed.dossier(parentCode).version());
        clock.now = vn(3, 13, 15, 30);
        RuntimeException stale = bed.failing(() -> SystemTask.run("tiepnhan.vinhlinh",
                () -> transfers.startTransfer(parentCode, 1, BRANCH,
            null, current - 1)));
        assertEquals("CONCURRENT_CHANGE", ((ConflictException) stale).reason());
        assertEquals(0, count("inter_agency_transfer"));
        assertEquals(0, count("outbox_message"));
        InterAgencyTransfer t = bed.tx(() -> SystemTask.run("tiepnhan.vinhlinh",
                () -> transfers.startTransfer(parentCode, 1, BRANCH, null,
            current)));
        assertEquals(TransferStatus.SENT, t.status());
        assertEquals(1, count("outbox_message"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("Transfer, parent status/history and outbox message are stored together, or (crash) not at all")
    void transferAndOutboxTogether(String kind) {
        setUp(kind);
        // A failure inside the transaction after the transfer was written (exchange log head gone) → nothing stays.
        bed.tx(() -> bed.em().createNativeQuery("DELETE FROM exchange_log_head").executeUpdate());
        clock.now = vn(3, 13, 15, 30);
        RuntimeException crash = bed.failing(() -> SystemTask.run("tiepnhan.vinhlinh",
                () -> transfers.startTransfer(parentCode, 1, BRANCH, null, null)));
        assertInstanceOf(IllegalStateException.class, crash);
        assertEquals(0, count("inter_agency_transfer"));
        assertEquals(0, count("outbox_message"));
        assertEquals(0, count("exchange_log"));
        assertEquals(DossierStatus.IN_PROCESS, bed.dossier(parentCode).status());
        bed.tx(() -> bed.em().createNativeQuery("INSERT INTO exchange_log_head (id, last_seq, last_hash) VALUES (1, 0, '"
            + HashChain.GENESIS + "')").executeUpdate());

        InterAgencyTransfer t = startLeg1();
        bed.em().clear();
        Dossier parent = bed.dossier(parentCode);
        assertEquals(DossierStatus.WAITING_INTERAGENCY, parent.status());
        assertEquals("Chờ liên thông: " + BRANCH_NAME + " từ 15:30 13/03/2026",
            parent.history().get(parent.history().size() - 1).reason());
        assertEquals(vn(4, 2, 10, 0), parent.clock().dueAt(), "appointment unchanged: Mon 2 Mar 10:00 + 23 working days");
        InterAgencyTransfer stored = bed.em().find(InterAgencyTransfer.class, t.id());
        assertEquals(TransferStatus.SENT, stored.status());
        assertEquals(DAT, stored.partnerCode());
        assertEquals(vn(3, 25, 15, 30), stored.dueAt(), "Fri 13 Mar 15:30 + 8 working days across two weekends");
        List<OutboxMessage> out = pending();
        assertEquals(1, out.size());
        OutboxMessage m = out.get(0);
        assertEquals(List.of(ExchangeOperation.SUBMIT_TRANSFER, 1, DAT, OutboxStatus.PENDING),
            List.of(m.operation(), m.sequence(), m.partnerCode(), m.status()));
        JsonObject payload = readObject(m.payload());
        assertEquals(parentCode, payload.getString("parentCode"));
        assertEquals("2026-03-25T15:30+07:00", payload.getString("dueAt"));
        assertEquals(1L, count("exchange_log"));

        // A second start of the same leg is refused and changes nothing.
        RuntimeException again = bed.failing(() -> SystemTask.run("tiepnhan.vinhlinh",
                () -> transfers.startTransfer(parentCode, 1, BRANCH, null, null)));
        assertEquals("TRANSFER_ALREADY_OPEN", ((DomainException) again).reason());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("The same submit-transfer applied three times → one child dossier, three identical outcomes")
    void idempotentSubmit(String kind) {
        setUp(kind);
        startLeg1();
        OutboxMessage submit = pending().get(0);
        clock.now = vn(3, 13, 15, 31);
        InboundReceipt first = deliver(submit);
        clock.now = vn(3, 13, 16, 0);
        InboundReceipt second = deliver(submit);
        InboundReceipt third = deliver(submit);
        assertFalse(first.replay());
        assertTrue(second.replay() && third.replay());
        assertEquals(first.outcome(), second.outcome());
        assertEquals(first.outcome(), third.outcome());
        assertEquals("ACCEPTED", first.outcome().status());
        TransferUpdate state = TransferUpdate.fromJson(first.outcome().body(), false);
        assertEquals("000.01.99.H50-260313-0001", state.childCode(), "own code of the receiving agency");
        assertEquals(TransferStatus.ACKNOWLEDGED, state.status());

        bed.em().clear();
        List<Dossier> children = bed.em().createQuery("SELECT d FROM Dossier d WHERE d.origin.parentCode = :p",
                Dossier.class)
            .setParameter("p", parentCode).getResultList();
        assertEquals(1, children.size());
        Dossier child = children.get(0);
        assertEquals("000.01.99.H50-260313-0001", child.code());
        assertEquals(parentCode, child.citizenCode());
        assertTrue(child.origin().child());
        assertEquals(BRANCH, child.receivingAgency().code());
        assertEquals(vn(3, 25, 15, 30), child.clock().dueAt(), "8 working days from the transfer, Fri 13 Mar 15:30");
        assertEquals(1, count("inbound_message"));
        assertEquals(5, count("exchange_log"), "OUT submit queued, IN submit accepted, OUT acknowledge queued, "
            + "IN submit replayed twice");
        List<ExchangeEntry> arrivals = bed.tx(() -> log.entriesOfMessage(Direction.IN, XA, submit.messageId()));
        assertEquals(List.of(Outcome.ACCEPTED, Outcome.REPLAYED, Outcome.REPLAYED),
            arrivals.stream().map(ExchangeEntry::outcome).toList());
        assertEquals(List.of(vn(3, 13, 15, 31), vn(3, 13, 16, 0), vn(3, 13, 16, 0)),
            arrivals.stream().map(ExchangeEntry::at).toList());
        assertEquals(3, arrivals.stream().map(ExchangeEntry::attemptId).distinct().count(), "one attempt id per arrival");
        assertTrue(arrivals.stream().allMatch(e -> parentCode.equals(e.dossierCode()) && "ACCEPTED".equals(e.detail())));

        // The acknowledgement travels back.
        bed.tx(() -> outbox.markSent(submit.messageId()));
        OutboxMessage ack = pending().get(0);
        assertEquals(List.of(ExchangeOperation.ACKNOWLEDGE, XA), List.of(ack.operation(), ack.partnerCode()));
        assertEquals("APPLIED", deliver(ack).outcome().status());

        // The same document serialised otherwise (members reordered, indented, a number written 1.0, a character
        // escaped) is the same message: a replay. Another content under the same id is refused.
        JsonObject doc = readObject(submit.payload());
        StringBuilder reordered = new StringBuilder("{\n");
        List<String> keys = new java.util.ArrayList<>(doc.keySet());
        java.util.Collections.reverse(keys);
        for (String k : keys) {
            String value = k.equals("legPosition") ? "1.0" : doc.get(k).toString().replace("đ", "\\u0111");
            reordered.append("  \"").append(k).append("\" : ").append(value).append(",\n");
        }
        String other = reordered.substring(0, reordered.length() - 2) + "\n}";
        assertFalse(other.equals(submit.payload()));
        InboundReceipt again = bed.tx(() -> inbound.receive(XA, header(XA, ExchangeOperation.SUBMIT_TRANSFER,
            submit.messageId()), "submit-transfer", other));
        assertTrue(again.replay());
        assertEquals(first.outcome(), again.outcome());
        String changed = submit.payload().replace("\"legPosition\":1", "\"legPosition\":2");
        assertFalse(changed.equals(submit.payload()));
        RuntimeException reused = bed.failing(() -> inbound.receive(XA, header(XA, ExchangeOperation.SUBMIT_TRANSFER,
            submit.messageId()), "submit-transfer", changed));
        assertEquals("MESSAGE_ID_REUSED", ((ConflictException) reused).reason());
        // The endpoints log the refusal in a transaction of its own.
        bed.tx(() -> {
            InboundRefusal.record(log, XA, submit.messageId(), "submit-transfer", changed, reused);
            return null;
        });
        List<ExchangeEntry> all = bed.tx(() -> log.entriesOfMessage(Direction.IN, XA, submit.messageId()));
        assertEquals(List.of(Outcome.ACCEPTED, Outcome.REPLAYED, Outcome.REPLAYED, Outcome.REPLAYED, Outcome.REFUSED),
            all.stream().map(ExchangeEntry::outcome).toList());
        ExchangeEntry refused = all.get(4);
        assertTrue(refused.detail().startsWith("MESSAGE_ID_REUSED: Message id " + submit.messageId()), refused.detail());
        assertEquals(parentCode, refused.dossierCode());
        assertEquals(HashChain.sha256Hex(changed), refused.payloadSha256(), "the refused body's hash");
        assertEquals(2, count("inbound_message"), "the submit and the acknowledgement; the refused one stores nothing");

        // query-status by message id: the partner's own message, its stored outcome and every arrival.
        clock.now = vn(3, 13, 16, 5);
        InboundReceipt status = bed.tx(() -> inbound.receive(XA, header(XA, ExchangeOperation.QUERY_STATUS, "q-1"),
            "query-status", "{\"messageId\":\"" + submit.messageId() + "\"}"));
        assertEquals("OK", status.outcome().status());
        JsonObject answer = readObject(status.outcome().body());
        assertEquals(List.of(submit.messageId(), "submit-transfer", parentCode, "ACCEPTED"),
            List.of(answer.getString("messageId"), answer.getString("operation"), answer.getString("dossierCode"),
                answer.getString("status")));
        JsonArray attempts = answer.getJsonArray("attempts");
        assertEquals(List.of("ACCEPTED", "REPLAYED", "REPLAYED", "REPLAYED", "REFUSED"),
            attempts.getValuesAs(JsonObject.class).stream().map(a -> a.getString("outcome")).toList());
        assertEquals(all.get(0).attemptId(), attempts.getJsonObject(0).getString("attemptId"));
        assertEquals("2026-03-13T15:31+07:00", attempts.getJsonObject(0).getString("at"));
        // Another partner cannot see it; an unknown id is NOT_FOUND, as an unknown transfer.
        for (String[] ask : new String[][] {{DAT, submit.messageId()}, {XA, "no-such-message"}}) {
            RuntimeException unknown = bed.failing(() -> inbound.receive(ask[0], header(ask[0],
                ExchangeOperation.QUERY_STATUS, "q-" + ask[0] + ask[1]), "query-status", "{\"messageId\":\"" + ask[1] + "\"}"));
            assertEquals("NOT_FOUND", ((DomainException) unknown).reason());
        }
        bed.em().clear();
        InterAgencyTransfer sent = bed.em().createNamedQuery("InterAgencyTransfer.find", InterAgencyTransfer.class)
            .setParameter("id", state.transferId()).setParameter("side", TransferSide.SENDER).getSingleResult();
        assertEquals(TransferStatus.ACKNOWLEDGED, sent.status());
        assertEquals("000.01.99.H50-260313-0001", sent.childCode());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("A partner acting on a transfer not addressed to it is refused and nothing is stored; unknown and inactive partners too")
    void notAddressee(String kind) {
        setUp(kind);
        PartnerRegistration other = bed.tx(() -> partners.register(new PartnerSpec("QT-BHXH", "Bảo hiểm xã hội tỉnh",
            Set.of("QT25.BHXH"), "https://lgsp.quangtri.gov.vn/bhxh", EndpointStyle.SOAP, "motcua-partner-bhxh"),
                    "quantri.tinh"));
        assertNotNull(other.apiKey());
        InterAgencyTransfer t = startLeg1();
        long inboundBefore = count("inbound_message");
        long logBefore = count("exchange_log");
        String result = new TransferUpdate(t.transferId(), TransferStatus.RESULT_RETURNED, vn(3, 16, 9, 0), null,
            "Giả mạo").toJson();
        RuntimeException refused = bed.committedDespite(() -> inbound.receive("QT-BHXH",
            header("BHXH", ExchangeOperation.RETURN_RESULT, "bhxh-1"), "return-result", result));
        assertEquals("PARTNER_NOT_ADDRESSEE", ((ForbiddenException) refused).reason());
        RuntimeException query = bed.committedDespite(() -> inbound.receive("QT-BHXH",
            header("BHXH", ExchangeOperation.QUERY_STATUS, "bhxh-2"), "query-status",
                    TransferUpdate.query(t.transferId()).toJson()));
        assertEquals("PARTNER_NOT_ADDRESSEE", ((ForbiddenException) query).reason());
        // A service code that is not the operation is a malformed header, whoever sends it.
        RuntimeException misrouted = bed.committedDespite(() -> inbound.receive(DAT,
            header(DAT, ExchangeOperation.REPORT_STATUS, "dat-0"), "return-result", result));
        assertEquals("INVALID_XROAD_HEADER", ((RuleViolationException) misrouted).reason());
        RuntimeException unknown = bed.committedDespite(() -> inbound.receive("QT-NOBODY",
            header("X", ExchangeOperation.RETURN_RESULT, "x-1"), "return-result", result));
        assertEquals("PARTNER_UNKNOWN", ((ForbiddenException) unknown).reason());
        // The sender partner XA may not report a result on its own transfer either (it is not the addressee).
        RuntimeException self = bed.committedDespite(() -> inbound.receive(XA,
            header(XA, ExchangeOperation.RETURN_RESULT, "xa-1"), "return-result", result));
        assertEquals("PARTNER_NOT_ADDRESSEE", ((ForbiddenException) self).reason());
        assertEquals(inboundBefore, count("inbound_message"));
        assertEquals(logBefore, count("exchange_log"));
        assertEquals(TransferStatus.SENT, bed.em().find(InterAgencyTransfer.class, t.id()).status());
        assertEquals(DossierStatus.WAITING_INTERAGENCY, bed.dossier(parentCode).status());

        bed.tx(() -> partners.update(new PartnerSpec(DAT, "Loopback", Set.of(BRANCH), "http://localhost:8080/x",
            EndpointStyle.REST, null), false, "quantri.tinh", "Ngừng kết nối (kiểm thử)"));
        RuntimeException inactive = bed.committedDespite(() -> inbound.receive(DAT,
            header(DAT, ExchangeOperation.RETURN_RESULT, "dat-1"), "return-result", result));
        assertEquals("PARTNER_INACTIVE", ((ForbiddenException) inactive).reason());
        assertEquals(inboundBefore, count("inbound_message"));
        // Officers are not partners and cannot register them.
        bed.actAs(new AccessScope("tiepnhan.vinhlinh", Set.of(Role.DESK_OFFICER), Set.of(COMMUNE), false));
        RuntimeException notAdmin = bed.failing(() -> partners.register(new PartnerSpec("QT-X", "X", Set.of(COMMUNE),
            "https://x.example.vn", EndpointStyle.REST, null), "tiepnhan.vinhlinh"));
        assertEquals("ROLE_REQUIRED", ((ForbiddenException) notAdmin).reason());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("Another agency's step (a leg) is not completed by an officer here, only by the leg's result")
    void legStepCompletedOnlyByItsResult(String kind) {
        setUp(kind);
        ProcessingService processing = fixture.processing;
        AccessScope specialist = new AccessScope("chuyenvien.vinhlinh", Set.of(Role.SPECIALIST), Set.of(COMMUNE), false);
        long version = bed.tx(() -> bed.dossier(parentCode).version());
        clock.now = vn(3, 13, 15, 30);
        // Step 3 (land office: cadastral update, a specialist's step) is leg 1 of H50-L006.
        bed.actAs(specialist);
        RuntimeException refused = bed.failing(() -> processing.completeStep(parentCode, "xử lý hộ", ActionTime.NOW, version));
        assertEquals("STEP_OF_PARTNER_AGENCY", ((ConflictException) refused).reason());
        bed.em().clear();
        Dossier unchanged = bed.dossier(parentCode);
        assertEquals(List.of(3, version, 3), List.of(unchanged.currentStep(), unchanged.version(),
            unchanged.history().size()), "step, version and history as before");
        assertEquals(3, processing.legAtCurrentStep(unchanged).orElseThrow().stepPosition());
        // The leg's result completes it: transfer, acknowledgement, result → passed on to the tax leg (step 4).
        bed.actAs(AccessScope.SYSTEM);
        String childCode = leg1Acknowledged();
        clock.now = vn(3, 17, 10, 0);
        bed.tx(() -> {
            bed.dossier(childCode).completeStep(clock.now, "chuyenvien.dat", null, bed.calendars().current());
            return SystemTask.run("chuyenvien.dat", () -> transfers.returnToSender(childCode,
                    "Đã cập nhật hồ sơ địa chính", null));
        });
        OutboxMessage result = pending().get(0);
        assertEquals(ExchangeOperation.RETURN_RESULT, result.operation());
        deliver(result);
        bed.em().clear();
        Dossier parent = bed.dossier(parentCode);
        assertEquals(4, parent.currentStep(), "step 3 completed by the land office's result");
        assertEquals(TransferService.EXCHANGE_ACTOR, parent.steps().get(2).completedBy());
        // Step 4 is the tax authority's (leg 2): still not an officer's to complete.
        bed.actAs(specialist);
        long now = bed.tx(() -> bed.dossier(parentCode).version());
        RuntimeException tax = bed.failing(() -> processing.completeStep(parentCode, null, ActionTime.NOW, now));
        assertEquals("STEP_OF_PARTNER_AGENCY", ((ConflictException) tax).reason());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("Loopback round trip: result of the land office → tax leg transferred at once; a late status is recorded but ignored; tax result → parent IN_PROCESS at step 5")
    void roundTrip(String kind) {
        setUp(kind);
        String childCode = leg1Acknowledged();
        // The branch works, reports progress, finishes and returns the result (Tue 24 Mar 16:00).
        clock.now = vn(3, 16, 9, 0);
        bed.tx(() -> SystemTask.run("chuyenvien.dat", () -> transfers.reportProgress(childCode, "Đang kiểm tra", null)));
        clock.now = vn(3, 24, 16, 0);
        bed.tx(() -> {
            bed.dossier(childCode).completeStep(clock.now, "chuyenvien.dat", null, bed.calendars().current());
            return SystemTask.run("chuyenvien.dat", () -> transfers.returnToSender(childCode,
                    "Đã cập nhật hồ sơ địa chính", null));
        });
        List<OutboxMessage> fromBranch = pending();
        assertEquals(1, fromBranch.size(), "the result waits behind the progress report (same transfer, in order)");
        OutboxMessage progress = fromBranch.get(0);
        assertEquals(ExchangeOperation.REPORT_STATUS, progress.operation());
        OutboxMessage result = bed.em().createQuery("SELECT m FROM OutboxMessage m WHERE m.operation = :op",
                OutboxMessage.class)
            .setParameter("op", ExchangeOperation.RETURN_RESULT).getSingleResult();
        // Delivered out of order: the result first, then the late progress report.
        clock.now = vn(3, 24, 16, 1);
        int firedBefore = bed.dossierChanges.fired().size();
        assertEquals("APPLIED", deliver(result).outcome().status());
        // The partner's result is a change of the citizen's dossier: its milestones reach the applicant too.
        assertEquals(List.of(parentCode), bed.dossierChanges.fired().subList(firedBefore,
            bed.dossierChanges.fired().size()).stream().map(e -> e.dossier().code()).toList());
        InboundReceipt late = deliver(progress);
        assertEquals("IGNORED", late.outcome().status());
        assertEquals(TransferStatus.RESULT_RETURNED, TransferUpdate.fromJson(late.outcome().body(), false).status());

        bed.em().clear();
        Dossier parent = bed.dossier(parentCode);
        assertEquals(DossierStatus.WAITING_INTERAGENCY, parent.status(), "passed straight on to tax");
        assertEquals(4, parent.currentStep());
        assertEquals(vn(3, 24, 16, 0), parent.steps().get(2).completedAt(),
            "issue 11 §1: the land office's result time (16:00), not its arrival here (16:01)");
        List<InterAgencyTransfer> legs = bed.em().createNamedQuery("InterAgencyTransfer.ofDossier",
                InterAgencyTransfer.class)
            .setParameter("code", parentCode).getResultList();
        assertEquals(2, legs.size());
        assertEquals(1, legs.get(0).ignoredUpdates());
        assertEquals(vn(3, 24, 16, 0), legs.get(0).resultAt());
        InterAgencyTransfer tax = legs.get(1);
        assertEquals(List.of("QT25.THUE", DAT, TransferStatus.SENT), List.of(tax.receivingAgencyCode(),
                tax.partnerCode(), tax.status()));
        assertEquals(vn(3, 27, 16, 1), tax.dueAt(), "Tue 24 Mar 16:01 + 3 working days");
        assertEquals("Chờ liên thông: Thuế tỉnh Quảng Trị (ngành dọc) từ 16:01 24/03/2026. Chuyển tiếp sau kết quả của "
            + BRANCH_NAME,
            parent.history().get(parent.history().size() - 1).reason());
        assertEquals(DossierStatus.RETURNED, bed.dossier(childCode).status());

        // Tax receives, returns its notice; the parent resumes at step 5 with its appointment unchanged.
        OutboxMessage taxSubmit = pending().stream().filter(m -> m.operation() == ExchangeOperation.SUBMIT_TRANSFER)
            .findFirst().orElseThrow();
        String taxChild = TransferUpdate.fromJson(deliver(taxSubmit).outcome().body(), false).childCode();
        assertTrue(taxChild.matches("000\\.00\\.\\d{2}\\.H50-260324-0001"), taxChild);
        clock.now = vn(3, 26, 10, 0);
        bed.tx(() -> {
            bed.dossier(taxChild).completeStep(clock.now, "chuyenvien.thue", null, bed.calendars().current());
            return SystemTask.run("chuyenvien.thue", () -> transfers.returnToSender(taxChild,
                    "Thông báo nghĩa vụ tài chính số 12/TB-T", null));
        });
        OutboxMessage taxResult = bed.em().createQuery("SELECT m FROM OutboxMessage m WHERE m.operation = :op"
            + " AND m.transfer.side = :side ORDER BY m.id DESC", OutboxMessage.class)
            .setParameter("op", ExchangeOperation.RETURN_RESULT).setParameter("side", TransferSide.RECEIVER)
            .getResultList().get(0);
        clock.now = vn(3, 26, 10, 1);
        assertEquals("APPLIED", deliver(taxResult).outcome().status());
        bed.em().clear();
        parent = bed.dossier(parentCode);
        assertEquals(DossierStatus.IN_PROCESS, parent.status());
        assertEquals(5, parent.currentStep());
        assertEquals(vn(4, 2, 10, 0), parent.clock().dueAt());

        // Exchange log: intact chain; evidence bundle with every entry, payload and the verification.
        HashChain.Verification v = bed.tx(() -> log.verify());
        assertTrue(v.valid(), v.problem());
        byte[] zip = bed.tx(() -> log.evidenceBundle(parentCode));
        Map<String, String> files = unzip(zip);
        JsonArray entries = Json.createReader(new StringReader(files.get("entries.json"))).readArray();
        assertEquals(v.entries(), entries.size(), "every exchange of this installation concerns this dossier");
        // Issue 11 §5: each row has its own attempt id and an outcome; the two tries marked sent are DELIVERED.
        List<JsonObject> rows = entries.getValuesAs(JsonObject.class);
        assertEquals(rows.size(), rows.stream().map(r -> r.getString("attemptId")).distinct().count());
        assertEquals(2, rows.stream().filter(r -> r.getString("outcome").equals("DELIVERED")).count());
        assertTrue(rows.stream().allMatch(r -> Set.of("QUEUED", "DELIVERED", "ACCEPTED").contains(r.getString("outcome"))),
            String.valueOf(rows.stream().map(r -> r.getString("outcome")).toList()));
        assertTrue(rows.stream().allMatch(r -> r.getString("canonical").contains("|v2|" + r.getString("attemptId") + "|")));
        assertEquals(entries.size(), files.keySet().stream().filter(n -> n.startsWith("payloads/")).count());
        JsonObject summary = readObject(files.get("verification.json"));
        assertTrue(summary.getBoolean("chainValid"));
        assertEquals(entries.size(), summary.getJsonArray("entries").size());
        assertTrue(summary.getJsonArray("entries").getValuesAs(JsonObject.class).stream()
            .allMatch(e -> e.getBoolean("payloadMatches") && e.getBoolean("entryHashMatches")));
        // Tampering with one stored payload hash is detected.
        bed.tx(() -> bed.em().createNativeQuery("UPDATE exchange_log SET payload_sha256 = '" + HashChain.sha256Hex("x")
            + "' WHERE seq = 2").executeUpdate());
        bed.em().clear();
        HashChain.Verification broken = bed.tx(() -> log.verify());
        assertFalse(broken.valid());
        assertEquals(2L, broken.firstBrokenSeq());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("Three failed attempts → dead letter after 1 and 2 min back-off; an administrator re-sends it with the same id")
    void deadLetterAndResend(String kind) {
        setUp(kind);
        startLeg1();
        OutboxMessage m = pending().get(0);
        assertEquals(OutboxStatus.PENDING, bed.tx(() -> outbox.markFailed(m.messageId(), "Connection refused")));
        bed.em().clear();
        OutboxMessage once = bed.em().find(OutboxMessage.class, m.id());
        assertEquals(vn(3, 13, 15, 31), once.nextAttemptAt(), "retry after 1 minute");
        assertTrue(pending().isEmpty(), "not due before 15:31");
        clock.now = vn(3, 13, 15, 31);
        assertEquals(1, pending().size());
        assertEquals(OutboxStatus.PENDING, bed.tx(() -> outbox.markFailed(m.messageId(), "Read timed out")));
        bed.em().clear();
        assertEquals(vn(3, 13, 15, 33), bed.em().find(OutboxMessage.class, m.id()).nextAttemptAt(), "then 2 minutes");
        clock.now = vn(3, 13, 15, 33);
        assertEquals(OutboxStatus.DEAD, bed.tx(() -> outbox.markFailed(m.messageId(), "HTTP 503")));
        clock.now = vn(3, 14, 9, 0);
        assertTrue(pending().isEmpty());
        List<OutboxMessage> dead = bed.tx(() -> outbox.deadLetters());
        assertEquals(1, dead.size());
        assertEquals(List.of(m.messageId(), 3, "HTTP 503"), List.of(dead.get(0).messageId(), dead.get(0).attempts(),
            dead.get(0).lastError()));

        bed.actAs(new AccessScope("tiepnhan.vinhlinh", Set.of(Role.DESK_OFFICER), Set.of(COMMUNE), false));
        assertEquals("ROLE_REQUIRED", ((ForbiddenException) bed.failing(() -> outbox.resend(m.messageId(), "x"))).reason());
        bed.actAs(AccessScope.SYSTEM);
        OutboxMessage again = bed.tx(() -> outbox.resend(m.messageId(), "quantri.tinh"));
        assertEquals(List.of(OutboxStatus.PENDING, 0, vn(3, 14, 9, 0)), List.of(again.status(), again.attempts(),
            again.nextAttemptAt()));
        assertEquals(m.messageId(), pending().get(0).messageId());
        assertEquals("NOT_DEAD", ((ConflictException) bed.failing(() -> outbox.resend(m.messageId(),
                "quantri.tinh"))).reason());
        bed.tx(() -> outbox.markSent(m.messageId()));
        assertTrue(pending().isEmpty());
        assertEquals(1L, ((Number) bed.em().createNativeQuery(
            "SELECT COUNT(*) FROM admin_audit WHERE action = 'OUTBOX_RESEND'").getSingleResult()).longValue());
    }

    private static JsonObject readObject(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    private static Map<String, String> unzip(byte[] zip) {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertNull(files.get("missing"));
        return files;
    }
}
