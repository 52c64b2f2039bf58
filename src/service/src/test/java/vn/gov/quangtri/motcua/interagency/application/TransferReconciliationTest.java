package vn.gov.quangtri.motcua.interagency.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.gov.quangtri.motcua.account.application.SystemTask;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.interagency.domain.ExchangeOperation;
import vn.gov.quangtri.motcua.interagency.domain.InterAgencyTransfer;
import vn.gov.quangtri.motcua.interagency.domain.OutboxMessage;
import vn.gov.quangtri.motcua.interagency.domain.OutboxStatus;
import vn.gov.quangtri.motcua.interagency.domain.PartnerAnswer;
import vn.gov.quangtri.motcua.interagency.domain.ReconciliationFinding;
import vn.gov.quangtri.motcua.interagency.domain.TransferStatus;
import vn.gov.quangtri.motcua.interagency.domain.TransferUpdate;
import vn.gov.quangtri.motcua.interagency.domain.XRoadHeader;
import vn.gov.quangtri.motcua.shared.domain.ForbiddenException;
import vn.gov.quangtri.motcua.shared.domain.NotFoundException;
import vn.gov.quangtri.motcua.shared.infrastructure.persistence.AdminTestBed;

/**
 * The reconciliation service without the batch runtime, on the loopback fixture ({@link ExchangeFixture}): the
 * partner's answer to query-status comes from this same database's inbound side (as partner {@code DAT} answering
 * {@code XA}), or from a stub for an unreachable partner.
 */
class TransferReconciliationTest {

    private ExchangeFixture fixture;
    private AdminTestBed bed;
    private TransferReconciliation reconciliation;
    /** When set, what the partner answers instead of the inbound side. */
    private final AtomicReference<PartnerAnswer> override = new AtomicReference<>();
    private int asked;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private void setUp(String kind) {
        fixture = new ExchangeFixture(kind);
        bed = fixture.bed;
        reconciliation = bed.wire(new TransferReconciliation());
        AdminTestBed.set(reconciliation, "clock", fixture.clock);
        AdminTestBed.set(reconciliation, "outbox", fixture.outbox);
        AdminTestBed.set(reconciliation, "partners", fixture.partners);
        AdminTestBed.set(reconciliation, "self", reconciliation);
        reconciliation.grace = Duration.ofMinutes(30);
        reconciliation.calls = new PartnerCalls(p -> Optional.of("key-of-" + p.code()), DispatchRunTest.POLICY,
            "VN/GOV/000.00.00.H50/MOTCUA", "VN/GOV/000.00.00.H50/MOTCUA");
        reconciliation.query = d -> {
            asked++;
            assertEquals(ExchangeOperation.QUERY_STATUS, d.operation());
            assertEquals(ExchangeFixture.DAT, d.partnerCode());
            assertEquals("key-of-" + ExchangeFixture.DAT, d.apiKey());
            if (override.get() != null) {
                return override.get();
            }
            try {
                String body = bed.tx(() -> fixture.inbound.receive(ExchangeFixture.XA, new XRoadHeader(
                    "VN/GOV/000.00.00.H50/" + ExchangeFixture.XA, "VN/GOV/000.00.00.H50/MOTCUA/query-status", "system",
                    d.messageId()), "query-status", d.payload())).outcome().body();
                return PartnerAnswer.ofStateJson(body);
            } catch (NotFoundException | ForbiddenException e) {
                // Loopback: with no receiving row yet, the inbound side finds our own sending row, addressed to the
                // other partner (PARTNER_NOT_ADDRESSEE); a separate partner system answers NOT_FOUND.
                return PartnerAnswer.unknown();
            } finally {
                bed.em().clear();
            }
        };
    }

    /** A land dossier at the commune at step 3, transferred (leg 1) to the branch at {@code at}. */
    private InterAgencyTransfer transferred(Instant at) {
        String code = bed.receive("H50-L006", ExchangeFixture.COMMUNE, AdminTestBed.vn(2026, 3, 2, 10, 0));
        bed.tx(() -> {
            Dossier d = bed.dossier(code);
            WorkingCalendar cal = bed.calendars().current();
            d.completeStep(AdminTestBed.vn(2026, 3, 2, 11, 0), "tiepnhan.vinhlinh", null, cal);
            d.completeStep(AdminTestBed.vn(2026, 3, 13, 15, 0), "chuyenvien.vinhlinh", null, cal);
            return null;
        });
        bed.em().clear();
        fixture.clock.now = at;
        return bed.tx(() -> SystemTask.run("tiepnhan.vinhlinh", () -> fixture.transfers.startTransfer(code, 1,
            ExchangeFixture.BRANCH, null, null)));
    }

    private TransferReconciliation.Outcome reconcile(InterAgencyTransfer t, long execution) {
        bed.em().clear();
        TransferReconciliation.Check c = reconciliation.check(t.id()).orElseThrow();
        bed.em().clear();
        return bed.tx(() -> reconciliation.record(c, execution));
    }

    private List<OutboxMessage> submits(InterAgencyTransfer t) {
        bed.em().clear();
        return bed.em().createQuery("SELECT m FROM OutboxMessage m WHERE m.transfer.id = :t AND m.operation = :op"
                + " ORDER BY m.sequence", OutboxMessage.class).setParameter("t", t.id())
            .setParameter("op", ExchangeOperation.SUBMIT_TRANSFER).getResultList();
    }

    private List<ReconciliationFinding> findings(InterAgencyTransfer t) {
        bed.em().clear();
        return bed.em().createQuery("SELECT f FROM ReconciliationFinding f WHERE f.transfer.id = :t ORDER BY f.id",
            ReconciliationFinding.class).setParameter("t", t.id()).getResultList();
    }

    /** Delivers a pending message to the partner side (loopback) and marks it sent. */
    private void deliver(OutboxMessage m) {
        bed.tx(() -> fixture.inbound.receive(ExchangeFixture.XA, new XRoadHeader("VN/GOV/000.00.00.H50/" + ExchangeFixture.XA,
            "VN/GOV/000.00.00.H50/MOTCUA/" + m.operation().wireName(), "system", m.messageId()),
            m.operation().wireName(), m.payload()));
        bed.tx(() -> fixture.outbox.markSent(m.messageId()));
        bed.em().clear();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("Delivered but never received: the submit-transfer is queued again under a new message id, a rerun adds neither a message nor a finding; once received, in sync and the finding resolved")
    void deliveredButLost(String kind) {
        setUp(kind);
        InterAgencyTransfer t = transferred(AdminTestBed.vn(2026, 3, 13, 15, 30));
        OutboxMessage first = submits(t).get(0);
        // The dispatcher delivered it somewhere that did not keep it.
        bed.tx(() -> fixture.outbox.markSent(first.messageId()));
        fixture.clock.now = AdminTestBed.vn(2026, 3, 14, 2, 0);

        TransferReconciliation.Outcome o = reconcile(t, 7);
        assertEquals(TransferReconciliation.Action.RESENT, o.action(), o.reason());
        List<OutboxMessage> after = submits(t);
        assertEquals(2, after.size());
        OutboxMessage copy = after.get(1);
        assertEquals(OutboxStatus.PENDING, copy.status());
        assertEquals(first.payload(), copy.payload(), "the same document: the partner keys it by transfer id");
        assertTrue(o.reason().startsWith("Partner " + ExchangeFixture.DAT + " never received this transfer (query-status:"
            + " not found), we have SENT since 2026-03-13 15:30; submit-transfer queued again as message "
            + copy.messageId()), o.reason());

        // A second run before the copy left: the same situation, counted, nothing doubled.
        fixture.clock.now = AdminTestBed.vn(2026, 3, 14, 2, 5);
        TransferReconciliation.Outcome again = reconcile(t, 8);
        assertEquals(TransferReconciliation.Action.RESENT, again.action());
        assertEquals(2, submits(t).size());
        List<ReconciliationFinding> fs = findings(t);
        assertEquals(1, fs.size());
        assertEquals(ReconciliationFinding.Kind.RESENT, fs.get(0).kind());
        assertEquals(2, fs.get(0).seenCount());
        assertEquals(8L, fs.get(0).executionId());

        // The copy arrives: the branch creates the child once and acknowledges; our side moves to ACKNOWLEDGED.
        deliver(copy);
        OutboxMessage ack = bed.tx(() -> fixture.outbox.pending(50)).stream()
            .filter(m -> m.operation() == ExchangeOperation.ACKNOWLEDGE).findFirst().orElseThrow();
        bed.em().clear();
        bed.tx(() -> fixture.inbound.receive(ExchangeFixture.DAT, new XRoadHeader("VN/GOV/000.00.00.H50/" + ExchangeFixture.DAT,
            "VN/GOV/000.00.00.H50/MOTCUA/acknowledge", "system", ack.messageId()), "acknowledge", ack.payload()));
        bed.em().clear();
        TransferReconciliation.Outcome synced = reconcile(t, 9);
        assertEquals(TransferReconciliation.Action.IN_SYNC, synced.action());
        assertEquals("Both sides at ACKNOWLEDGED", synced.reason());
        ReconciliationFinding resolved = findings(t).get(0);
        assertEquals(AdminTestBed.vn(2026, 3, 14, 2, 5), resolved.resolvedAt());
        assertEquals(1L, ((Number) bed.em().createNativeQuery("SELECT COUNT(*) FROM dossier WHERE parent_code = ?")
            .setParameter(1, t.parentCode()).getSingleResult()).longValue(), "one child dossier");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2"})
    @DisplayName("Never received, still pending or dead-lettered: made due now, or put back in the queue (same message id)")
    void pendingAndDead(String kind) {
        setUp(kind);
        InterAgencyTransfer t = transferred(AdminTestBed.vn(2026, 3, 13, 15, 30));
        OutboxMessage first = submits(t).get(0);
        bed.tx(() -> fixture.outbox.markFailed(first.messageId(), "HTTP 503"));
        fixture.clock.now = AdminTestBed.vn(2026, 3, 13, 15, 30).plusSeconds(20);
        TransferReconciliation.Outcome o = reconcile(t, 1);
        assertEquals(TransferReconciliation.Action.RESENT, o.action(), o.reason());
        assertTrue(o.reason().endsWith("its submit-transfer " + first.messageId() + " was still queued: due now"), o.reason());
        assertEquals(fixture.clock.now, submits(t).get(0).nextAttemptAt());
        // Three failures: dead (the fixture's back-off gives three attempts).
        bed.tx(() -> fixture.outbox.markFailed(first.messageId(), "HTTP 503"));
        bed.tx(() -> fixture.outbox.markFailed(first.messageId(), "HTTP 503"));
        assertEquals(OutboxStatus.DEAD, submits(t).get(0).status());
        TransferReconciliation.Outcome dead = reconcile(t, 2);
        assertTrue(dead.reason().endsWith("its dead-lettered submit-transfer " + first.messageId() + " is back in the queue"),
            dead.reason());
        List<OutboxMessage> now = submits(t);
        assertEquals(1, now.size());
        assertEquals(OutboxStatus.PENDING, now.get(0).status());
        assertEquals(1, findings(t).size(), "one situation, one finding");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("A mismatch is flagged with the reason once and counted on a rerun; an unreachable partner is skipped with its reason (the mismatch stays open); both resolved when the sides agree")
    void mismatchAndUnreachable(String kind) {
        setUp(kind);
        InterAgencyTransfer t = transferred(AdminTestBed.vn(2026, 3, 13, 15, 30));
        fixture.clock.now = AdminTestBed.vn(2026, 3, 16, 2, 0);
        override.set(PartnerAnswer.known(new TransferUpdate(t.transferId(), TransferStatus.RESULT_RETURNED,
            AdminTestBed.vn(2026, 3, 15, 14, 5), "000.01.99.H50-260313-0001", "Đã xác minh")));
        TransferReconciliation.Outcome o = reconcile(t, 3);
        assertEquals(TransferReconciliation.Action.FLAGGED, o.action());
        String reason = "Partner QT-LOOPBACK-DAT says RESULT_RETURNED on 2026-03-15 14:05, we have SENT since 2026-03-13 15:30";
        assertEquals(reason, o.reason());
        fixture.clock.now = AdminTestBed.vn(2026, 3, 17, 2, 0);
        reconcile(t, 4);
        List<ReconciliationFinding> fs = findings(t);
        assertEquals(1, fs.size(), "a rerun over the same state records no second finding");
        assertEquals(2, fs.get(0).seenCount());
        assertEquals(reason, fs.get(0).reason());
        assertEquals(TransferStatus.RESULT_RETURNED, fs.get(0).partnerStatus());
        assertEquals(AdminTestBed.vn(2026, 3, 16, 2, 0), fs.get(0).firstSeenAt());
        assertEquals(AdminTestBed.vn(2026, 3, 17, 2, 0), fs.get(0).lastSeenAt());
        assertEquals(List.of(t.id()), reconciliation.transfersToCheck(0, 10).stream().filter(id -> id.equals(t.id())).toList());

        override.set(PartnerAnswer.unreachable("Cannot connect to http://localhost:8080/motcua/api/v1/interagency/messages/query-status"));
        TransferReconciliation.Outcome down = reconcile(t, 5);
        assertEquals(TransferReconciliation.Action.SKIPPED, down.action());
        fs = findings(t);
        assertEquals(2, fs.size());
        assertNull(fs.get(0).resolvedAt(), "an unanswered question neither confirms nor refutes the mismatch");
        assertEquals(ReconciliationFinding.Kind.SKIPPED, fs.get(1).kind());
        assertEquals("Partner QT-LOOPBACK-DAT did not answer query-status: Cannot connect to "
            + "http://localhost:8080/motcua/api/v1/interagency/messages/query-status", fs.get(1).reason());
        assertNull(fs.get(1).resolvedAt());
        assertEquals(List.of(fs.get(1).id(), fs.get(0).id()),
            reconciliation.findings(true, 10).stream().map(ReconciliationFinding::id).toList());
        // The partner answers again, in step with us: both findings resolved.
        override.set(PartnerAnswer.known(new TransferUpdate(t.transferId(), TransferStatus.SENT,
            AdminTestBed.vn(2026, 3, 13, 15, 30), null, null)));
        fixture.clock.now = AdminTestBed.vn(2026, 3, 18, 2, 0);
        assertEquals(TransferReconciliation.Action.IN_SYNC, reconcile(t, 6).action());
        assertTrue(findings(t).stream().allMatch(f -> AdminTestBed.vn(2026, 3, 18, 2, 0).equals(f.resolvedAt())));
        assertEquals(List.of(), reconciliation.findings(true, 10));
        assertEquals(4, asked);
    }
}
