package vn.gov.quangtri.motcua.interagency.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.account.application.SystemTask;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.interagency.domain.ExchangeEntry;
import vn.gov.quangtri.motcua.interagency.domain.ExchangeEntry.Direction;
import vn.gov.quangtri.motcua.interagency.domain.ExchangeEntry.Outcome;
import vn.gov.quangtri.motcua.interagency.domain.ExchangeOperation;
import vn.gov.quangtri.motcua.interagency.domain.OutboxMessage;
import vn.gov.quangtri.motcua.interagency.domain.OutboxStatus;
import vn.gov.quangtri.motcua.interagency.domain.PartnerSystem;
import vn.gov.quangtri.motcua.interagency.domain.XRoadHeader;
import vn.gov.quangtri.motcua.shared.infrastructure.persistence.AdminTestBed;

/**
 * The sender's logic ({@link DispatchRun}) against the real {@link Outbox} on an H2 database, with a fake
 * HTTP sender: loopback partners as in {@link InterAgencyExchangeTest}, a delivered call hands the message to
 * {@link InboundExchange} like the partner would. Back-off 1, 2 min …, dead after 3 failed attempts.
 */
class DispatchRunTest {

    static final String COMMUNE = ExchangeFixture.COMMUNE;
    static final String BRANCH = ExchangeFixture.BRANCH;
    static final String XA = ExchangeFixture.XA;
    static final String DAT = ExchangeFixture.DAT;

    /** What the fake sender was asked to do. */
    record Call(String messageId, ExchangeOperation operation, String partner, String apiKey, String service) {
    }

    private ExchangeFixture fixture;
    private AdminTestBed bed;
    private AdminTestBed.MovableClock clock;
    private PartnerRegistry partners;
    private Outbox outbox;
    private TransferService transfers;
    private InboundExchange inbound;
    private final List<Call> calls = new ArrayList<>();
    /** Decides each call's answer; default: hand to the inbound side (delivered). */
    private Function<Delivery, DeliveryResult> answer;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static Instant vn(int month, int day, int hour, int minute) {
        return AdminTestBed.vn(2026, month, day, hour, minute);
    }

    private void setUp() {
        fixture = new ExchangeFixture("h2");
        bed = fixture.bed;
        clock = fixture.clock;
        partners = fixture.partners;
        outbox = fixture.outbox;
        transfers = fixture.transfers;
        inbound = fixture.inbound;
        answer = this::handOver;
    }

    /** A land dossier at Xã Vĩnh Linh at step 3, transferred (leg 1) to the branch at {@code at}. */
    private String transferredDossier(Instant received, Instant at) {
        String code = bed.receive("H50-L006", COMMUNE, received);
        bed.tx(() -> {
            Dossier d = bed.dossier(code);
            WorkingCalendar cal = bed.calendars().current();
            d.completeStep(received.plusSeconds(3600), "tiepnhan.vinhlinh", null, cal);
            d.completeStep(received.plusSeconds(7200), "chuyenvien.vinhlinh", null, cal);
            return null;
        });
        bed.em().clear();
        clock.now = at;
        bed.tx(() -> SystemTask.run("tiepnhan.vinhlinh", () -> transfers.startTransfer(code, 1, BRANCH, null, null)));
        bed.em().clear();
        return code;
    }

    /** The partner's side of a delivered call: the inbound exchange of the addressee. */
    private DeliveryResult handOver(Delivery d) {
        String from = d.partnerCode().equals(DAT) ? XA : DAT;
        XRoadHeader h = new XRoadHeader("VN/GOV/000.00.00.H50/" + from, "VN/GOV/000.00.00.H50/MOTCUA/"
            + d.operation().wireName(), d.userId(), d.messageId());
        bed.tx(() -> inbound.receive(from, h, d.operation().wireName(), d.payload()));
        bed.em().clear();
        return DeliveryResult.ok();
    }

    private DispatchRun run() {
        PartnerSender sender = d -> {
            calls.add(new Call(d.messageId(), d.operation(), d.partnerCode(), d.apiKey(), d.service()));
            return answer.apply(d);
        };
        OutboxAccess access = new OutboxAccess() {
            @Override
            public List<OutboxMessage> pending(int limit) {
                bed.em().clear();
                return bed.tx(() -> outbox.pending(limit));
            }

            @Override
            public void markSent(String messageId, String attemptId) {
                bed.tx(() -> outbox.markSent(messageId, attemptId));
                bed.em().clear();
            }

            @Override
            public OutboxStatus markFailed(String messageId, String attemptId, String error, boolean refused) {
                OutboxStatus s = bed.tx(() -> outbox.markFailed(messageId, attemptId, error, refused));
                bed.em().clear();
                return s;
            }

            @Override
            public Optional<PartnerSystem> partner(String code) {
                return bed.tx(() -> partners.partner(code));
            }
        };
        return new DispatchRun(access, sender, p -> Optional.of("key-of-" + p.code()), POLICY, "VN/GOV/000.00.00.H50/MOTCUA",
            "VN/GOV/000.00.00.H50/MOTCUA", 50, 20);
    }

    private OutboxMessage message(ExchangeOperation op) {
        bed.em().clear();
        return bed.em().createQuery("SELECT m FROM OutboxMessage m WHERE m.operation = :op ORDER BY m.id",
            OutboxMessage.class).setParameter("op", op).getResultList().get(0);
    }

    @Test
    @DisplayName("A 2xx marks sent; the transfer's next messages follow in sequence order in the same run, each sent once")
    void deliversInOrder() {
        setUp();
        String parent = transferredDossier(vn(3, 2, 10, 0), vn(3, 13, 15, 30));
        DispatchRun.Summary first = run().runOnce();
        // submit-transfer to DAT, then (the child was created) acknowledge back to XA
        assertEquals(List.of(ExchangeOperation.SUBMIT_TRANSFER, ExchangeOperation.ACKNOWLEDGE),
            calls.stream().map(Call::operation).toList());
        assertEquals(new DispatchRun.Summary(2, 0, 0, 0), first);
        assertEquals(List.of(DAT, "key-of-" + DAT, "VN/GOV/000.00.00.H50/MOTCUA/submit-transfer"),
            List.of(calls.get(0).partner(), calls.get(0).apiKey(), calls.get(0).service()));
        assertEquals(OutboxStatus.SENT, message(ExchangeOperation.SUBMIT_TRANSFER).status());
        assertEquals(1, message(ExchangeOperation.SUBMIT_TRANSFER).attempts());

        // The branch reports progress, then returns the result: two messages of one transfer.
        String child = bed.em().createQuery("SELECT d.code FROM Dossier d WHERE d.origin.parentCode = :p", String.class)
            .setParameter("p", parent).getSingleResult();
        clock.now = vn(3, 16, 9, 0);
        bed.tx(() -> SystemTask.run("chuyenvien.dat", () -> transfers.reportProgress(child, "Đang kiểm tra", null)));
        clock.now = vn(3, 24, 16, 0);
        bed.tx(() -> {
            bed.dossier(child).completeStep(clock.now, "chuyenvien.dat", null, bed.calendars().current());
            return SystemTask.run("chuyenvien.dat", () -> transfers.returnToSender(child,
                    "Đã cập nhật hồ sơ địa chính", null));
        });
        bed.em().clear();
        calls.clear();
        run().runOnce();
        List<ExchangeOperation> ops = calls.stream().map(Call::operation).toList();
        assertEquals(List.of(ExchangeOperation.REPORT_STATUS, ExchangeOperation.RETURN_RESULT),
            ops.subList(0, 2), "progress before result");
        assertEquals(calls.size(), calls.stream().map(Call::messageId).distinct().count(), "no message sent twice");
        calls.clear();
        run().runOnce();
        assertTrue(calls.stream().noneMatch(c -> c.operation() == ExchangeOperation.REPORT_STATUS
            || c.operation() == ExchangeOperation.RETURN_RESULT), "nothing re-sent");
    }

    @Test
    @DisplayName("Failures (503, 400) wait 1 then 2 minutes, the third failure dead-letters; re-sent, a 2xx marks it sent")
    void backoffAndDeadLetter() {
        setUp();
        transferredDossier(vn(3, 2, 10, 0), vn(3, 13, 15, 30));
        answer = d -> DeliveryResult.failed("HTTP 503 from partner");
        Instant t0 = clock.now;
        assertEquals(new DispatchRun.Summary(0, 1, 0, 0), run().runOnce());
        OutboxMessage m = message(ExchangeOperation.SUBMIT_TRANSFER);
        assertEquals(List.of(OutboxStatus.PENDING, 1, t0.plus(Duration.ofMinutes(1)), "HTTP 503 from partner"),
            List.of(m.status(), m.attempts(), m.nextAttemptAt(), m.lastError()));
        // not due yet: no call
        clock.now = t0.plusSeconds(59);
        assertEquals(new DispatchRun.Summary(0, 0, 0, 0), run().runOnce());
        assertEquals(1, calls.size());

        clock.now = t0.plusSeconds(60);
        answer = d -> DeliveryResult.refused("HTTP 400 from partner: bad payload");
        run().runOnce();
        m = message(ExchangeOperation.SUBMIT_TRANSFER);
        assertEquals(List.of(2, clock.now.plus(Duration.ofMinutes(2))), List.of(m.attempts(), m.nextAttemptAt()));

        clock.now = clock.now.plus(Duration.ofMinutes(2));
        answer = d -> DeliveryResult.unreachable("No answer within 20 s");
        assertEquals(new DispatchRun.Summary(0, 0, 1, 0), run().runOnce());
        m = message(ExchangeOperation.SUBMIT_TRANSFER);
        assertEquals(List.of(OutboxStatus.DEAD, 3, "No answer within 20 s"), List.of(m.status(), m.attempts(),
                m.lastError()));
        clock.now = clock.now.plus(Duration.ofHours(2));
        assertEquals(new DispatchRun.Summary(0, 0, 0, 0), run().runOnce(), "dead letters are not sent");
        assertEquals(3, calls.size());
        assertEquals(1, bed.tx(() -> outbox.deadLetters()).size());

        String id = m.messageId();
        bed.tx(() -> outbox.resend(id, "quantri.tinh"));
        answer = this::handOver;
        run().runOnce();
        assertEquals(OutboxStatus.SENT, message(ExchangeOperation.SUBMIT_TRANSFER).status());
        assertEquals(id, calls.get(3).messageId(), "same message id on the re-sent attempt");
        assertNull(message(ExchangeOperation.SUBMIT_TRANSFER).lastError());

        // Exchange evidence: the queued message, then one entry per try, each with its own attempt id.
        List<ExchangeEntry> out = outEntries(id);
        assertEquals(List.of(Outcome.QUEUED, Outcome.FAILED, Outcome.REFUSED, Outcome.FAILED, Outcome.DELIVERED),
            out.stream().map(ExchangeEntry::outcome).toList());
        assertEquals(Arrays.asList(null, "HTTP 503 from partner", "HTTP 400 from partner: bad payload",
            "No answer within 20 s", null), out.stream().map(ExchangeEntry::detail).toList());
        assertEquals(5, out.stream().map(ExchangeEntry::attemptId).distinct().count(), "a new attempt id per try");
        assertTrue(out.stream().allMatch(e -> e.messageId().equals(id) && e.partnerCode().equals(DAT)));
        assertTrue(bed.tx(() -> fixture.log.verify()).valid());
    }

    /** The outbound log entries of one message, oldest first. */
    private List<ExchangeEntry> outEntries(String messageId) {
        bed.em().clear();
        return bed.tx(() -> fixture.log.entriesOfMessage(Direction.OUT, DAT, messageId));
    }

    @Test
    @DisplayName("Issue 11 §5: a delivery that fails once then succeeds logs two attempts, different attempt ids, same message id")
    void attemptsLoggedOnePerTry() {
        setUp();
        String parent = transferredDossier(vn(3, 2, 10, 0), vn(3, 13, 15, 30));
        answer = d -> DeliveryResult.failed("HTTP 503 from partner");
        assertEquals(new DispatchRun.Summary(0, 1, 0, 0), run().runOnce());
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        answer = this::handOver;
        run().runOnce();
        String id = message(ExchangeOperation.SUBMIT_TRANSFER).messageId();
        List<ExchangeEntry> out = outEntries(id);
        assertEquals(List.of(Outcome.QUEUED, Outcome.FAILED, Outcome.DELIVERED),
            out.stream().map(ExchangeEntry::outcome).toList());
        ExchangeEntry failed = out.get(1);
        ExchangeEntry delivered = out.get(2);
        assertNotEquals(failed.attemptId(), delivered.attemptId());
        assertEquals(List.of(id, id), List.of(failed.messageId(), delivered.messageId()));
        assertEquals(List.of(vn(3, 13, 15, 30), vn(3, 13, 15, 31)), List.of(failed.at(), delivered.at()));
        assertEquals(List.of(parent, parent), List.of(failed.dossierCode(), delivered.dossierCode()),
            "under the dossier code the message was queued with");
        assertEquals(out.get(0).payloadSha256(), delivered.payloadSha256(), "the same message body on every try");
        // The receiving side logged its one arrival, accepted.
        List<ExchangeEntry> in = bed.tx(() -> fixture.log.entriesOfMessage(Direction.IN, XA, id));
        assertEquals(1, in.size());
        assertEquals(List.of(Outcome.ACCEPTED, "ACCEPTED"), List.of(in.get(0).outcome(), in.get(0).detail()));
        assertTrue(bed.tx(() -> fixture.log.verify()).valid());
    }

    @Test
    @DisplayName("After a partner timed out, its other messages wait for the next run (one timeout per run, C28); they are then delivered")
    void unreachablePartnerCostsOneTimeoutPerRun() {
        setUp();
        transferredDossier(vn(3, 2, 10, 0), vn(3, 13, 15, 30));
        transferredDossier(vn(3, 3, 10, 0), vn(3, 13, 15, 40));
        answer = d -> DeliveryResult.unreachable("No answer within 20 s");
        DispatchRun.Summary s = run().runOnce();
        assertEquals(new DispatchRun.Summary(0, 1, 0, 1), s);
        assertEquals(1, calls.size());
        answer = this::handOver;
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        calls.clear();
        run().runOnce();
        assertEquals(List.of(ExchangeOperation.SUBMIT_TRANSFER, ExchangeOperation.SUBMIT_TRANSFER),
            calls.stream().map(Call::operation).filter(o -> o == ExchangeOperation.SUBMIT_TRANSFER).toList());
        bed.em().clear();
        assertEquals(0L, bed.em().createQuery("SELECT COUNT(m) FROM OutboxMessage m WHERE m.status <> "
            + "vn.gov.quangtri.motcua.interagency.domain.OutboxStatus.SENT", Long.class).getSingleResult());
    }

    @Test
    @DisplayName("A partner whose credential is not configured is not called; the attempt fails with the reason")
    void missingCredential() {
        setUp();
        transferredDossier(vn(3, 2, 10, 0), vn(3, 13, 15, 30));
        DispatchRun r = new DispatchRun(new OutboxAccess() {
            @Override
            public List<OutboxMessage> pending(int limit) {
                bed.em().clear();
                return bed.tx(() -> outbox.pending(limit));
            }

            @Override
            public void markSent(String messageId, String attemptId) {
                throw new AssertionError("not sent");
            }

            @Override
            public OutboxStatus markFailed(String messageId, String attemptId, String error, boolean refused) {
                return bed.tx(() -> outbox.markFailed(messageId, attemptId, error, refused));
            }

            @Override
            public Optional<PartnerSystem> partner(String code) {
                return bed.tx(() -> partners.partner(code));
            }
        }, d -> {
            throw new AssertionError("no call without a key");
        }, p -> Optional.empty(), POLICY, "VN/GOV/000.00.00.H50/MOTCUA", "VN/GOV/000.00.00.H50/MOTCUA", 50, 20);
        assertEquals(new DispatchRun.Summary(0, 1, 0, 0), r.runOnce());
        assertTrue(message(ExchangeOperation.SUBMIT_TRANSFER).lastError().contains("motcua-partner-qt-loopback-xa"),
            message(ExchangeOperation.SUBMIT_TRANSFER).lastError());
    }

    @Test
    @DisplayName("Security issue 16: a stored credential reference outside the partner namespace or a link-local endpoint is"
        + " refused at send time; nothing is called, no secret is looked up")
    void policyAtSendTime() {
        setUp();
        transferredDossier(vn(3, 2, 10, 0), vn(3, 13, 15, 30));
        List<String> looked = new ArrayList<>();
        Function<PartnerSystem, Optional<String>> secrets = p -> {
            looked.add(p.outboundCredentialRef());
            return Optional.of("db-secret");
        };
        for (String[] row : List.of(new String[] {"MOTCUA_DB_NAME", "http://localhost:8080/motcua"},
                new String[] {"motcua-partner-qt-loopback-xa", "https://169.254.169.254/latest"})) {
            // A row written before the policy existed (the registry itself refuses both).
            bed.tx(() -> bed.em().createNativeQuery("UPDATE partner_system SET outbound_credential_ref = ?, endpoint_url = ?")
                .setParameter(1, row[0]).setParameter(2, row[1]).executeUpdate());
            bed.em().clear();
            DispatchRun r = new DispatchRun(new OutboxAccess() {
                @Override
                public List<OutboxMessage> pending(int limit) {
                    bed.em().clear();
                    return bed.tx(() -> outbox.pending(limit));
                }

                @Override
                public void markSent(String messageId, String attemptId) {
                    throw new AssertionError("not sent");
                }

                @Override
                public OutboxStatus markFailed(String messageId, String attemptId, String error, boolean refused) {
                    return bed.tx(() -> outbox.markFailed(messageId, attemptId, error, refused));
                }

                @Override
                public Optional<PartnerSystem> partner(String code) {
                    return bed.tx(() -> partners.partner(code));
                }
            }, d -> {
                throw new AssertionError("no call: " + d.endpointUrl() + " key " + d.apiKey());
            }, secrets, new PartnerPolicy(java.util.Set.of("localhost"), true, java.net.InetAddress::getAllByName),
                "VN/GOV/000.00.00.H50/MOTCUA", "VN/GOV/000.00.00.H50/MOTCUA", 50, 20);
            clock.now = clock.now.plus(Duration.ofHours(2));
            r.runOnce();
            String error = message(ExchangeOperation.SUBMIT_TRANSFER).lastError();
            assertTrue(error.startsWith("Not sent to partner"), error);
            assertTrue(error.contains(row[0].startsWith("MOTCUA") ? "outboundCredentialRef" : "link-local"), error);
        }
        assertEquals(List.of(), looked, "no secret was looked up");
    }

    /** Loopback http partners of the fixture (localhost) are allowed here, as in the integration tests' servers. */
    static final PartnerPolicy POLICY = new PartnerPolicy(java.util.Set.of("localhost"), true,
        java.net.InetAddress::getAllByName);
}
