package vn.gov.quangtri.motcua.interagency.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import vn.gov.quangtri.motcua.dossier.application.DossierStore;
import vn.gov.quangtri.motcua.dossier.application.ProcessingService;
import vn.gov.quangtri.motcua.dossier.infrastructure.DossierCodeSequence;
import vn.gov.quangtri.motcua.dossier.infrastructure.DossierRepository;
import vn.gov.quangtri.motcua.interagency.domain.Backoff;
import vn.gov.quangtri.motcua.interagency.domain.EndpointStyle;
import vn.gov.quangtri.motcua.shared.infrastructure.persistence.AdminTestBed;

/**
 * The inter-agency services wired on an {@link AdminTestBed} (no server), as the exchange tests share them:
 * partner registry, exchange log, outbox (back-off 1 min → 1 h, 3 attempts), transfer service and inbound
 * exchange, all on one movable clock; the land registration branch {@link #BRANCH} exists (it is not in
 * agencies.csv) and this installation is registered in loopback as {@link #XA} (Xã Vĩnh Linh) and
 * {@link #DAT} (the branch and the tax authority).
 */
final class ExchangeFixture implements AutoCloseable {

    static final String COMMUNE = "QT25.XA_VINH_LINH";
    static final String BRANCH = "QT25.CNVPDKDD_VINH_LINH";
    static final String BRANCH_NAME = "Chi nhánh Văn phòng đăng ký đất đai khu vực Vĩnh Linh";
    static final String XA = "QT-LOOPBACK-XA";
    static final String DAT = "QT-LOOPBACK-DAT";

    final AdminTestBed bed;
    final AdminTestBed.MovableClock clock = new AdminTestBed.MovableClock();
    final PartnerRegistry partners;
    final ExchangeLog log;
    final Outbox outbox;
    final TransferService transfers;
    final InboundExchange inbound;
    /** Officers' processing of dossiers (complete, approve, …) on the same database and clock. */
    final ProcessingService processing;
    /** The national portal's outbox on the same database and clock (issue 15 §3). */
    final vn.gov.quangtri.motcua.portal.application.PortalOutbox portal;
    /** The loopback registrations: {@link #XA}'s, then {@link #DAT}'s (with their keys). */
    final List<PartnerRegistration> loopback;

    /** @param kind {@code h2} or {@code postgresql} (see {@link AdminTestBed}) */
    ExchangeFixture(String kind) {
        bed = new AdminTestBed(kind);
        DossierRepository repo = new DossierRepository();
        AdminTestBed.set(repo, "em", bed.em());
        DossierCodeSequence sequence = new DossierCodeSequence();
        AdminTestBed.set(sequence, "em", bed.em());
        AdminTestBed.set(sequence, "self", sequence);
        DossierStore store = new DossierStore();
        AdminTestBed.set(store, "dossiers", repo);
        AdminTestBed.set(store, "sequence", sequence);
        partners = wire(new PartnerRegistry());
        partners.policy = DispatchRunTest.POLICY;
        log = wire(new ExchangeLog());
        outbox = wire(new Outbox());
        AdminTestBed.set(outbox, "log", log);
        AdminTestBed.set(outbox, "backoff", new Backoff(Duration.ofMinutes(1), Duration.ofHours(1), 3));
        transfers = wire(new TransferService());
        AdminTestBed.set(transfers, "dossiers", store);
        AdminTestBed.set(transfers, "partners", partners);
        AdminTestBed.set(transfers, "outbox", outbox);
        TransferFiles transferFiles = wire(new TransferFiles());
        AdminTestBed.set(transferFiles, "dossiers", store);
        AdminTestBed.set(transferFiles, "outbox", outbox);
        AdminTestBed.set(transfers, "transferFiles", transferFiles);
        inbound = wire(new InboundExchange());
        AdminTestBed.set(inbound, "transferFiles", transferFiles);
        AdminTestBed.set(inbound, "dossiers", store);
        AdminTestBed.set(inbound, "transfers", transfers);
        AdminTestBed.set(inbound, "outbox", outbox);
        AdminTestBed.set(inbound, "log", log);
        portal = wire(new vn.gov.quangtri.motcua.portal.application.PortalOutbox());
        AdminTestBed.set(portal, "dossiers", store);
        processing = wire(new ProcessingService());
        AdminTestBed.set(processing, "dossiers", repo);
        bed.tx(() -> bed.em().createNativeQuery("INSERT INTO agency (code, name, kind, level, parent_code, edoc_code,"
                + " edoc_code_placeholder, receives_dossiers, version) VALUES (?, ?, 'DEPARTMENT', 'DEPARTMENT',"
                + " 'QT25.SNNMT', '000.01.99.H50', TRUE, FALSE, 0)").setParameter(1, BRANCH).setParameter(2, BRANCH_NAME)
            .executeUpdate());
        loopback = bed.tx(() -> partners.registerLoopback(XA, Set.of(COMMUNE), DAT, Set.of(BRANCH, "QT25.THUE"),
            "http://localhost:8080/motcua", EndpointStyle.REST, "quantri.tinh"));
    }

    private <T> T wire(T service) {
        bed.wire(service);
        try {
            service.getClass().getDeclaredField("clock");
            AdminTestBed.set(service, "clock", clock);
        } catch (NoSuchFieldException e) {
            // no clock needed
        }
        return service;
    }

    @Override
    public void close() {
        bed.close();
    }
}
