package vn.gov.quangtri.motcua.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.naming.InitialContext;
import javax.sql.DataSource;
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
import vn.gov.quangtri.motcua.interagency.application.Outbox;
import vn.gov.quangtri.motcua.interagency.application.PartnerRegistry;
import vn.gov.quangtri.motcua.interagency.application.PartnerSpec;
import vn.gov.quangtri.motcua.interagency.application.TransferService;
import vn.gov.quangtri.motcua.interagency.domain.EndpointStyle;
import vn.gov.quangtri.motcua.interagency.domain.OutboxMessage;
import vn.gov.quangtri.motcua.interagency.domain.PartnerSystem;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * Security issue 16 §1 at send time, in the deployed application: a partner row whose credential reference names a
 * secret outside the partner namespace (written past the registry, as a row from before the policy would be) is
 * never called, so the secret is never delivered; the outbox says why. The partner server is a tiny HTTP server
 * inside the server JVM that records every {@code X-Api-Key} it receives.
 */
@MotcuaIT
class PartnerSecretIT {

    private static final String THUE = "QT25.THUE";

    @Deployment
    static EnterpriseArchive ear() {
        return EarDeployment.withTest(PartnerSecretIT.class);
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
    Outbox outbox;

    private static Instant vn(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, VietnamTime.ZONE).toInstant();
    }

    private List<OutboxMessage> mine(String partnerCode) {
        List<OutboxMessage> all = new ArrayList<>(SystemTask.run(() -> outbox.queue(1000)));
        all.addAll(SystemTask.run(() -> outbox.deadLetters()));
        return all.stream().filter(m -> m.partnerCode().equals(partnerCode)).toList();
    }

    private static void setReference(String code, String reference) throws Exception {
        DataSource ds = (DataSource) new InitialContext().lookup("jdbc/motcua");
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE partner_system SET outbound_credential_ref = ? WHERE code = ?")) {
            ps.setString(1, reference);
            ps.setString(2, code);
            assertEquals(1, ps.executeUpdate());
        }
    }

    @Test
    @DisplayName("A stored credential reference outside the partner namespace: the partner is not called, the secret never sent")
    void secretNeverDelivered() throws Exception {
        List<String> keys = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            keys.add(String.valueOf(ex.getRequestHeaders().getFirst("X-Api-Key")));
            byte[] out = "{\"status\":\"ACCEPTED\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
        String suffix = String.valueOf(ThreadLocalRandom.current().nextInt(100000, 999999));
        String code = "IT-SECRET-" + suffix;
        String secretName = "it.secret.db-password-" + suffix;
        String secret = "TOP-SECRET-" + UUID.randomUUID();
        System.setProperty(secretName, secret);
        try {
            // Other partners of the tax authority out of service, so the transfer goes to this one.
            SystemTask.run(() -> {
                for (PartnerSystem p : partners.list()) {
                    if (p.active() && p.serves(THUE)) {
                        partners.update(new PartnerSpec(p.code(), p.name(), p.agencyCodes(), p.endpointUrl(), p.style(),
                            p.outboundCredentialRef()), false, "it.admin", "Ngừng kết nối (kiểm thử)");
                    }
                }
                return null;
            });
            String endpoint = "http://127.0.0.1:" + server.getAddress().getPort() + "/partner";
            SystemTask.run(() -> partners.register(new PartnerSpec(code, "IT: Thuế (khóa)", Set.of(THUE), endpoint,
                EndpointStyle.REST, PartnerRegistry.alias(code)), "it.admin"));
            setReference(code, secretName);

            IntakeRequest request = new IntakeRequest("H50-L006", "QT25.XA_VINH_LINH", Channel.DIRECT,
                new Applicant(Applicant.Kind.INDIVIDUAL, "Bí Mật " + suffix, "045080009999", "0912000999", null,
                    "xã Vĩnh Linh"),
                List.of(new DocumentLine(1, null, DocumentForm.ORIGINAL, 1), new DocumentLine(2, null, DocumentForm.COPY, 1),
                    new DocumentLine(3, null, DocumentForm.ORIGINAL, 1), new DocumentLine(4, null, DocumentForm.COPY, 1)),
                vn(2026, 3, 2, 10, 0), IntakeOutcome.RECEIVE, null, null, null);
            Dossier parent = SystemTask.run("it.desk", () -> intake.lodge(request));
            SystemTask.run("it.desk", () -> processing.completeStep(parent.code(), null, ActionTime.NOW, null));
            SystemTask.run("it.specialist", () -> processing.completeStep(parent.code(), null, ActionTime.NOW, null));
            SystemTask.run("it.desk", () -> transfers.startTransfer(parent.code(), 1, THUE, null, null));

            Await.until("the dispatcher tried the message", 30_000, 250, () -> mine(code).stream()
                .filter(m -> m.attempts() >= 2).findFirst().orElse(null));
            OutboxMessage m = mine(code).get(0);
            assertTrue(m.lastError().startsWith("Not sent to partner " + code + ": outboundCredentialRef"), m.lastError());
            assertEquals(List.of(), keys, "the partner was never called");
            assertTrue(!m.lastError().contains(secret), "the secret is in no error either");
        } finally {
            server.stop(0);
            System.clearProperty(secretName);
            setReference(code, PartnerRegistry.alias(code));
            SystemTask.run(() -> {
                PartnerSystem p = partners.partner(code).orElseThrow();
                return partners.update(new PartnerSpec(p.code(), p.name(), p.agencyCodes(), p.endpointUrl(), p.style(),
                    p.outboundCredentialRef()), false, "it.admin", "Ngừng kết nối (kiểm thử)");
            });
        }
    }
}
