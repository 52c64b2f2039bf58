package vn.gov.quangtri.motcua.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
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
import vn.gov.quangtri.motcua.dossier.domain.DossierAction;
import vn.gov.quangtri.motcua.dossier.domain.DossierEvent;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.interagency.application.ExchangeLog;
import vn.gov.quangtri.motcua.interagency.application.PartnerRegistration;
import vn.gov.quangtri.motcua.interagency.application.PartnerRegistry;
import vn.gov.quangtri.motcua.interagency.application.PartnerSpec;
import vn.gov.quangtri.motcua.interagency.application.TransferService;
import vn.gov.quangtri.motcua.interagency.domain.EndpointStyle;
import vn.gov.quangtri.motcua.interagency.domain.HashChain;
import vn.gov.quangtri.motcua.interagency.domain.InterAgencyTransfer;
import vn.gov.quangtri.motcua.interagency.domain.PartnerSystem;
import vn.gov.quangtri.motcua.interagency.domain.TransferSide;
import vn.gov.quangtri.motcua.interagency.domain.TransferStatus;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * A whole liên thông scenario over real HTTP on one deployment (loopback): the installation registers itself
 * as two partner systems ({@link PartnerRegistry#registerLoopback}), one for Xã Vĩnh Linh, one for the tax
 * authority, both at {@code http://localhost:<httpPort>/motcua}. A land dossier (H50-L006) received at the
 * Vĩnh Linh desk is taken to step 4 and transferred on leg 2 to QT25.THUE; the outbox dispatcher (timer)
 * delivers the submit-transfer to this same server's inbound endpoint (REST, then SOAP), the child dossier
 * appears at the tax authority, its officer returns the result, the dispatcher delivers return-result back
 * and the parent resumes at step 5.
 *
 * <p>The API keys reach the sender as PartnerCredentials reads them: the property named by each partner's
 * outbound credential reference, here a JVM system property of the server (the test runs in-container).
 * Other partners serving the two agencies (left by other tests) are deactivated first so the transfer is
 * addressed to the loopback ones.
 *
 * <p>Needs the IT servers' fast settings (it-servers.sh): dispatch every second, back-off 2 s capped at 4 s.
 */
@MotcuaIT
class LoopbackTransferIT {

    private static final String XA = "QT25.XA_VINH_LINH";
    private static final String THUE = "QT25.THUE";

    @Deployment
    static EnterpriseArchive ear() {
        return EarDeployment.withTest(LoopbackTransferIT.class);
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
    vn.gov.quangtri.motcua.portal.application.PortalOutbox portal;

    @Inject
    ExchangeLog log;

    /** The server's HTTP port: from the port base it-servers.sh gave the domain, else the round's property. */
    private static int httpPort() {
        String base = System.getenv("MOTCUA_PORTBASE");
        if (base != null && !base.isBlank()) {
            return Integer.parseInt(base.strip()) + 80;
        }
        return TestServer.httpPort();
    }

    private static <T> T await(String what, long millis, Supplier<T> probe) throws InterruptedException {
        return Await.until(what, millis, 250, probe);
    }

    @Test
    @DisplayName("Loopback over REST: leg 2 to the tax authority, child created over HTTP, result returned, parent resumes")
    void loopbackRest() throws Exception {
        scenario(EndpointStyle.REST, "http://localhost:" + httpPort() + "/motcua");
    }

    @Test
    @DisplayName("Loopback over SOAP: the same scenario through /InterAgencyService")
    void loopbackSoap() throws Exception {
        scenario(EndpointStyle.SOAP, "http://localhost:" + httpPort() + "/motcua/InterAgencyService");
    }

    private void scenario(EndpointStyle style, String endpoint) throws Exception {
        String suffix = style + "-" + ThreadLocalRandom.current().nextInt(100000, 999999);
        String xaCode = "LB-XA-" + suffix;
        String thueCode = "LB-THUE-" + suffix;

        // Only the loopback partners serve the two agencies in this scenario.
        SystemTask.run(() -> {
            for (PartnerSystem p : partners.list()) {
                if (p.active() && (p.agencyCodes().contains(XA) || p.agencyCodes().contains(THUE))) {
                    partners.update(new PartnerSpec(p.code(), p.name(), p.agencyCodes(), p.endpointUrl(), p.style(),
                        p.outboundCredentialRef()), false, "it.admin", "Ngừng kết nối (kiểm thử)");
                }
            }
            return null;
        });
        List<PartnerRegistration> regs = SystemTask.run(() -> partners.registerLoopback(xaCode, Set.of(XA), thueCode,
            Set.of(THUE), endpoint, style, "it.admin"));
        // Each side presents the other's key: the reference names the alias of the partner it speaks as.
        for (PartnerRegistration r : regs) {
            System.setProperty(PartnerRegistry.alias(r.partner().code()), r.apiKey());
        }
        assertEquals(PartnerRegistry.alias(thueCode), regs.get(0).partner().outboundCredentialRef());
        try {
            exchange(style, suffix, xaCode, thueCode);
        } finally {
            // Leave the agencies to the partners of other tests.
            SystemTask.run(() -> {
                for (PartnerRegistration r : regs) {
                    PartnerSystem p = r.partner();
                    partners.update(new PartnerSpec(p.code(), p.name(), p.agencyCodes(), p.endpointUrl(), p.style(),
                        p.outboundCredentialRef()), false, "it.admin", "Ngừng kết nối (kiểm thử)");
                }
                return null;
            });
        }
    }

    private void exchange(EndpointStyle style, String suffix, String xaCode, String thueCode) throws Exception {

        // Received at the Vĩnh Linh commune desk, taken to step 4 (leg 2: the tax authority).
        IntakeRequest request = new IntakeRequest("H50-L006", XA, Channel.DIRECT,
            new Applicant(Applicant.Kind.INDIVIDUAL, "Vòng Lặp " + suffix, "045080007777", "0912000777", null,
                "xã Vĩnh Linh"),
            List.of(new DocumentLine(1, null, DocumentForm.ORIGINAL, 1), new DocumentLine(2, null, DocumentForm.COPY, 1),
                new DocumentLine(3, null, DocumentForm.ORIGINAL, 1), new DocumentLine(4, null, DocumentForm.COPY, 1)),
            ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, VietnamTime.ZONE).toInstant(), IntakeOutcome.RECEIVE,
            null, null, null);
        String parentCode = SystemTask.run("it.desk", () -> intake.lodge(request)).code();
        for (int i = 0; i < 3; i++) {
            SystemTask.run("it.specialist", () -> processing.completeStep(parentCode, null, ActionTime.NOW, null));
        }
        assertEquals(4, SystemTask.run(() -> processing.find(parentCode)).currentStep());
        InterAgencyTransfer sent = SystemTask.run("it.desk", () -> transfers.startTransfer(parentCode, 2, THUE,
            "Loopback " + style, null));
        assertEquals(thueCode, sent.partnerCode());
        assertEquals(DossierStatus.WAITING_INTERAGENCY, SystemTask.run(() -> processing.find(parentCode)).status());

        // The dispatcher delivers submit-transfer over HTTP to ourselves; the acknowledgement comes back.
        InterAgencyTransfer acknowledged = await("submit-transfer delivered and acknowledged", 30_000, () -> {
            InterAgencyTransfer t = senderSide(parentCode);
            return t.status() == TransferStatus.ACKNOWLEDGED && t.childCode() != null ? t : null;
        });
        String childCode = acknowledged.childCode();
        assertNotEquals(parentCode, childCode);
        Dossier child = SystemTask.run(() -> processing.find(childCode));
        assertEquals(THUE, child.receivingAgency().code());
        assertNotNull(child.clock().dueAt(), "the child has its own due date");
        List<InterAgencyTransfer> childSide = SystemTask.run(() -> transfers.transfersOf(childCode));
        assertEquals(1, childSide.size());
        assertEquals(TransferSide.RECEIVER, childSide.get(0).side());
        assertEquals(parentCode, childSide.get(0).parentCode());
        assertEquals(xaCode, childSide.get(0).partnerCode());
        assertEquals(acknowledged.transferId(), childSide.get(0).transferId());

        // An officer of the tax authority finishes the child and returns the result.
        for (int i = 0; i < 10 && SystemTask.run(() -> processing.find(childCode)).status() != DossierStatus.RESULT_READY; i++) {
            SystemTask.run("it.thue", () -> processing.completeStep(childCode, null, ActionTime.NOW, null));
        }
        SystemTask.run("it.thue", () -> transfers.returnToSender(childCode, "Thông báo nghĩa vụ tài chính " + suffix,
                null));
        assertEquals(DossierStatus.RETURNED, SystemTask.run(() -> processing.find(childCode)).status());

        // The dispatcher delivers return-result to ourselves: the parent resumes at step 5.
        Dossier parent = await("return-result delivered, parent resumed", 30_000, () -> {
            Dossier d = SystemTask.run(() -> processing.find(parentCode));
            return d.status() == DossierStatus.IN_PROCESS ? d : null;
        });
        assertEquals(5, parent.currentStep());
        List<DossierEvent> history = SystemTask.run(() -> List.copyOf(processing.find(parentCode).history()));
        List<DossierEvent> interAgency = history.stream()
            .filter(e -> e.action() == DossierAction.TRANSFER_OUT || e.action() == DossierAction.INTERAGENCY_RESULT)
            .toList();
        assertEquals(List.of(DossierAction.TRANSFER_OUT, DossierAction.INTERAGENCY_RESULT),
            interAgency.stream().map(DossierEvent::action).toList(), String.valueOf(history));
        assertEquals(DossierStatus.WAITING_INTERAGENCY, interAgency.get(0).toStatus());
        assertTrue(interAgency.get(0).reason().startsWith("Chờ liên thông: "), interAgency.get(0).reason());
        assertEquals(DossierStatus.IN_PROCESS, interAgency.get(1).toStatus());
        assertTrue(interAgency.get(1).reason().contains("Thông báo nghĩa vụ tài chính " + suffix),
            interAgency.get(1).reason());
        // the national portal hears of the hand-over and of the partner's result in order, never of the child
        List<String> reported = SystemTask.run(() -> portal.ofDossier(parentCode)).stream()
            .map(vn.gov.quangtri.motcua.portal.domain.PortalMessage::eventAction).toList();
        assertEquals(history.stream().map(e -> e.action().name()).toList(), reported, "every event, in order");
        assertTrue(reported.indexOf("TRANSFER_OUT") >= 0, reported.toString());
        assertEquals(List.of(), SystemTask.run(() -> portal.ofDossier(childCode)));

        // Exactly one child; both sides at RESULT_RETURNED; the exchange log's chain is intact.
        List<InterAgencyTransfer> parentSide = SystemTask.run(() -> transfers.transfersOf(parentCode));
        assertEquals(1, parentSide.size(), "exactly one transfer, so one child dossier");
        assertEquals(TransferSide.SENDER, parentSide.get(0).side());
        assertEquals(TransferStatus.RESULT_RETURNED, parentSide.get(0).status());
        assertEquals(childCode, parentSide.get(0).childCode());
        assertEquals(TransferStatus.RESULT_RETURNED,
                SystemTask.run(() -> transfers.transfersOf(childCode)).get(0).status());
        HashChain.Verification v = SystemTask.run(() -> log.verify());
        assertTrue(v.valid(), v.problem());
        assertTrue(SystemTask.run(() -> log.entriesOf(parentCode)).size() >= 4,
            "submit-transfer and return-result, each logged out and in");
    }

    private InterAgencyTransfer senderSide(String parentCode) {
        List<InterAgencyTransfer> ts = SystemTask.run(() -> transfers.transfersOf(parentCode));
        assertEquals(1, ts.size());
        return ts.get(0);
    }
}
