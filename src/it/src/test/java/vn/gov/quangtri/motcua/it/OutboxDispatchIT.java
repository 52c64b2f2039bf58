package vn.gov.quangtri.motcua.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.account.application.SystemTask;
import vn.gov.quangtri.motcua.catalogue.domain.DocumentForm;
import vn.gov.quangtri.motcua.dossier.application.ActionTime;
import vn.gov.quangtri.motcua.dossier.application.IntakeOutcome;
import vn.gov.quangtri.motcua.dossier.application.IntakeRequest;
import vn.gov.quangtri.motcua.dossier.application.IntakeService;
import vn.gov.quangtri.motcua.dossier.application.ProcessingService;
import vn.gov.quangtri.motcua.dossier.domain.Applicant;
import vn.gov.quangtri.motcua.dossier.domain.Channel;
import vn.gov.quangtri.motcua.dossier.domain.DocumentLine;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.interagency.application.ExchangeLog;
import vn.gov.quangtri.motcua.interagency.application.InboundExchange;
import vn.gov.quangtri.motcua.interagency.application.Outbox;
import vn.gov.quangtri.motcua.interagency.application.PartnerRegistry;
import vn.gov.quangtri.motcua.interagency.application.PartnerSpec;
import vn.gov.quangtri.motcua.interagency.application.TransferService;
import vn.gov.quangtri.motcua.interagency.domain.EndpointStyle;
import vn.gov.quangtri.motcua.interagency.domain.ExchangeEntry;
import vn.gov.quangtri.motcua.interagency.domain.ExchangeEntry.Direction;
import vn.gov.quangtri.motcua.interagency.domain.ExchangeEntry.Outcome;
import vn.gov.quangtri.motcua.interagency.domain.ExchangeOperation;
import vn.gov.quangtri.motcua.interagency.domain.OutboxMessage;
import vn.gov.quangtri.motcua.interagency.domain.OutboxStatus;
import vn.gov.quangtri.motcua.interagency.domain.TransferUpdate;
import vn.gov.quangtri.motcua.interagency.domain.XRoadHeader;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * The outbox dispatcher (timer) in the deployed application against a tiny partner server
 * (com.sun.net.httpserver on a free port, inside the server JVM, as this test runs in-container). Two
 * partners at that address: one for the tax authority (receives our submit-transfer), one for Xã Vĩnh Linh
 * (receives the child side's acknowledge and status reports, three messages of one transfer). The partner is
 * down at first: the messages stay pending with attempts counted and the later ones of a transfer are not
 * tried; once it is up everything is delivered, in order, each message id exactly once. Every try is in the
 * exchange log with its own attempt id (issue 11 §5).
 *
 * <p>Needs the IT servers' fast settings (it-servers.sh): dispatch every second, back-off 2 s capped at 4 s.
 */
@MotcuaIT
class OutboxDispatchIT {

    @Deployment
    static EnterpriseArchive ear() {
        return EarDeployment.withTest(OutboxDispatchIT.class);
    }

    @Inject
    IntakeService intake;

    @Inject
    ProcessingService processing;

    @Inject
    PartnerRegistry partners;

    @Inject
    TransferService transfers;

    @Inject
    InboundExchange inbound;

    @Inject
    Outbox outbox;

    @Inject
    ExchangeLog log;

    /** Requests seen by the partner server: message id → count, and the arrival order. */
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<String> arrivals = Collections.synchronizedList(new ArrayList<>());

    private static Instant vn(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, VietnamTime.ZONE).toInstant();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private HttpServer partnerServer(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/partner/api/v1/interagency/messages/", ex -> {
            ex.getRequestBody().readAllBytes();
            String id = ex.getRequestHeaders().getFirst("X-Road-Id");
            arrivals.add(id);
            counts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            byte[] out = "{\"status\":\"ACCEPTED\"}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
        return server;
    }

    private List<OutboxMessage> mine(Set<String> partnerCodes) {
        List<OutboxMessage> all = new ArrayList<>(SystemTask.run(() -> outbox.queue(1000)));
        all.addAll(SystemTask.run(() -> outbox.deadLetters()));
        return all.stream().filter(m -> partnerCodes.contains(m.partnerCode()))
            .sorted(Comparator.comparing(OutboxMessage::createdAt).thenComparing(OutboxMessage::id)).toList();
    }

    private static void await(String what, long millis, BooleanSupplier condition) throws InterruptedException {
        Await.until(what, millis, 250, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
    }

    @Test
    @DisplayName("Partner down: messages stay pending with attempts counted, later ones held back; partner up: all delivered in order, none lost, none doubled")
    void partnerDownThenUp() throws Exception {
        int port = freePort();
        String endpoint = "http://127.0.0.1:" + port + "/partner";
        String suffix = String.valueOf(ThreadLocalRandom.current().nextInt(100000, 999999));
        String xa = "IT-XA-" + suffix;
        String thue = "IT-THUE-" + suffix;
        SystemTask.run(() -> partners.register(new PartnerSpec(xa, "IT: Xã Vĩnh Linh", Set.of("QT25.XA_VINH_LINH"),
            endpoint, EndpointStyle.REST, null), "it.admin"));
        SystemTask.run(() -> partners.register(new PartnerSpec(thue, "IT: Thuế", Set.of("QT25.THUE"),
            endpoint, EndpointStyle.REST, null), "it.admin"));

        // A land dossier at step 3 (leg 1 names only a kind of agency: the tax authority is chosen here).
        IntakeRequest request = new IntakeRequest("H50-L006", "QT25.XA_VINH_LINH", Channel.DIRECT,
            new Applicant(Applicant.Kind.INDIVIDUAL, "Liên Thông " + suffix, "045080008888", "0912000888", null,
                "xã Vĩnh Linh"),
            List.of(new DocumentLine(1, null, DocumentForm.ORIGINAL, 1), new DocumentLine(2, null, DocumentForm.COPY, 1),
                new DocumentLine(3, null, DocumentForm.ORIGINAL, 1), new DocumentLine(4, null, DocumentForm.COPY, 1)),
            vn(2026, 3, 2, 10, 0), IntakeOutcome.RECEIVE, null, null, null);
        Dossier parent = SystemTask.run("it.desk", () -> intake.lodge(request));
        SystemTask.run("it.desk", () -> processing.completeStep(parent.code(), null, ActionTime.NOW, null));
        SystemTask.run("it.specialist", () -> processing.completeStep(parent.code(), null, ActionTime.NOW, null));
        SystemTask.run("it.desk", () -> transfers.startTransfer(parent.code(), 1, "QT25.THUE", null, null));

        // The receiving side (played here): takes the submit-transfer, acknowledges, reports progress, refuses.
        OutboxMessage submit = mine(Set.of(thue)).get(0);
        assertEquals(ExchangeOperation.SUBMIT_TRANSFER, submit.operation());
        String body = SystemTask.run(() -> inbound.receive(xa, new XRoadHeader("VN/GOV/000.00.00.H50/" + xa,
            "VN/GOV/000.00.00.H50/MOTCUA/submit-transfer", "system", submit.messageId()), "submit-transfer",
            submit.payload())).outcome().body();
        String child = TransferUpdate.fromJson(body, false).childCode();
        // The same message again (a sender's retry): answered from the stored outcome and logged as a replay.
        assertTrue(SystemTask.run(() -> inbound.receive(xa, new XRoadHeader("VN/GOV/000.00.00.H50/" + xa,
            "VN/GOV/000.00.00.H50/MOTCUA/submit-transfer", "system", submit.messageId()), "submit-transfer",
            " " + submit.payload() + "\n")).replay());
        assertEquals(List.of(Outcome.ACCEPTED, Outcome.REPLAYED), SystemTask.run(() -> log.entriesOfMessage(Direction.IN,
            xa, submit.messageId())).stream().map(ExchangeEntry::outcome).toList());
        SystemTask.run("it.thue", () -> transfers.reportProgress(child, "Đang xử lý", null));
        SystemTask.run("it.thue", () -> transfers.rejectTransfer(child, "Thiếu tờ khai", null));

        // Down: a few runs pass; only the head of each transfer is tried.
        await("attempts counted while the partner is down", 30_000, () -> mine(Set.of(xa, thue)).stream()
            .filter(m -> m.attempts() >= 2).count() >= 2);
        List<OutboxMessage> down = mine(Set.of(xa, thue));
        assertEquals(4, down.size(), "submit-transfer; acknowledge, progress, refusal");
        assertTrue(down.stream().allMatch(m -> m.status() == OutboxStatus.PENDING), String.valueOf(down));
        List<OutboxMessage> toXa = down.stream().filter(m -> m.partnerCode().equals(xa))
            .sorted(Comparator.comparingInt(OutboxMessage::sequence)).toList();
        assertEquals(List.of(ExchangeOperation.ACKNOWLEDGE, ExchangeOperation.REPORT_STATUS,
                ExchangeOperation.REPORT_STATUS),
            toXa.stream().map(OutboxMessage::operation).toList());
        assertTrue(toXa.get(0).attempts() >= 2 && toXa.get(0).lastError() != null, String.valueOf(toXa.get(0).lastError()));
        assertEquals(0, toXa.get(1).attempts() + toXa.get(2).attempts(), "later messages of the transfer wait");
        assertTrue(arrivals.isEmpty());

        // Up: everything is delivered.
        HttpServer server = partnerServer(port);
        try {
            await("all delivered", 60_000, () -> mine(Set.of(xa, thue)).stream()
                .allMatch(m -> m.status() == OutboxStatus.SENT));
        } finally {
            server.stop(0);
        }
        List<OutboxMessage> sent = mine(Set.of(xa, thue));
        for (OutboxMessage m : sent) {
            assertEquals(1, counts.getOrDefault(m.messageId(), new AtomicInteger()).get(),
                "exactly one request for " + m.operation() + " " + m.messageId());
        }
        assertEquals(4, arrivals.size(), String.valueOf(arrivals));
        List<String> xaOrder = arrivals.stream().filter(id -> toXa.stream().anyMatch(m -> m.messageId().equals(id))).toList();
        assertEquals(toXa.stream().map(OutboxMessage::messageId).toList(), xaOrder, "in sequence order");

        // Issue 11 §5: every try is in the exchange log under the same message id with its own attempt id: the
        // failures while the partner was down, then the delivery; as many tries logged as the message counts.
        for (OutboxMessage m : sent) {
            List<ExchangeEntry> out = SystemTask.run(() -> log.entriesOfMessage(Direction.OUT, m.partnerCode(),
                m.messageId()));
            List<Outcome> outcomes = out.stream().map(ExchangeEntry::outcome).toList();
            assertEquals(Outcome.QUEUED, outcomes.get(0), String.valueOf(outcomes));
            assertEquals(Outcome.DELIVERED, outcomes.get(outcomes.size() - 1), String.valueOf(outcomes));
            assertTrue(outcomes.subList(1, outcomes.size() - 1).stream().allMatch(o -> o == Outcome.FAILED),
                String.valueOf(outcomes));
            assertEquals(m.attempts(), outcomes.size() - 1, "one entry per try of " + m.operation());
            assertEquals(out.size(), out.stream().map(ExchangeEntry::attemptId).distinct().count(), "distinct attempt ids");
            assertTrue(out.stream().allMatch(e -> e.messageId().equals(m.messageId())));
            assertTrue(out.stream().skip(1).limit(out.size() - 2L).allMatch(e -> e.detail() != null), "failures say why");
        }
        List<ExchangeEntry> submitTries = SystemTask.run(() -> log.entriesOfMessage(Direction.OUT, thue,
            submit.messageId()));
        assertTrue(submitTries.size() >= 4, "queued, at least two failures while down, delivered: " + submitTries.size());
        assertTrue(SystemTask.run(() -> log.verify()).valid());
    }
}
