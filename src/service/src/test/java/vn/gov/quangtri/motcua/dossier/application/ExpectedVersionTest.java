package vn.gov.quangtri.motcua.dossier.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.gov.quangtri.motcua.account.application.SystemTask;
import vn.gov.quangtri.motcua.agency.domain.Agency;
import vn.gov.quangtri.motcua.catalogue.domain.DocumentForm;
import vn.gov.quangtri.motcua.catalogue.domain.Procedure;
import vn.gov.quangtri.motcua.dossier.domain.Applicant;
import vn.gov.quangtri.motcua.dossier.domain.Channel;
import vn.gov.quangtri.motcua.dossier.domain.DocumentLine;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierCode;
import vn.gov.quangtri.motcua.dossier.domain.DossierEvent;
import vn.gov.quangtri.motcua.dossier.domain.DossierIntake;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.dossier.domain.Submission;
import vn.gov.quangtri.motcua.dossier.infrastructure.DossierRepository;
import vn.gov.quangtri.motcua.interagency.application.TransferService;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;
import vn.gov.quangtri.motcua.shared.infrastructure.persistence.AdminTestBed;

/**
 * Every dossier action that takes an {@code expectedVersion} honours it (docs/cases.md C23): called with the
 * version before the last change (a stale screen), it is refused with {@code CONCURRENT_CHANGE} and the dossier
 * keeps its version, status and history; called with the current version it is not refused for concurrency.
 * The services are wired on an {@link AdminTestBed} (H2) and act as trusted work named "tiepnhan.vinhlinh".
 */
class ExpectedVersionTest {

    private static final String COMMUNE = "QT25.XA_VINH_LINH";
    private static final String ACTOR = "tiepnhan.vinhlinh";

    private static AdminTestBed bed;
    private static IntakeService intake;
    private static ProcessingService processing;
    private static TransferService transfers;
    private static int online = 9000;

    @BeforeAll
    static void wire() {
        bed = new AdminTestBed();
        DossierRepository repo = new DossierRepository();
        AdminTestBed.set(repo, "em", bed.em());
        DossierStore store = new DossierStore();
        AdminTestBed.set(store, "dossiers", repo);
        intake = bed.wire(new IntakeService());
        AdminTestBed.set(intake, "dossiers", repo);
        AdminTestBed.set(intake, "onlineClockStart", "ACCEPTANCE");
        processing = bed.wire(new ProcessingService());
        AdminTestBed.set(processing, "dossiers", repo);
        transfers = bed.wire(new TransferService());
        AdminTestBed.set(transfers, "dossiers", store);
    }

    @AfterAll
    static void close() {
        bed.close();
    }

    /** A dossier waiting for the officer's check of an online submission. */
    private static String submittedOnline() {
        return bed.tx(() -> {
            Procedure p = bed.em().createNamedQuery("Procedure.findByCode", Procedure.class)
                .setParameter("code", "H50-L006").getSingleResult();
            Agency agency = bed.em().find(Agency.class, COMMUNE);
            Instant at = AdminTestBed.vn(2026, 3, 2, 8, 30);
            DossierCode code = DossierCode.of(agency.edocCode(), VietnamTime.local(at).toLocalDate(), ++online);
            bed.em().persist(DossierIntake.submitOnline(new Submission(code, p, agency, Channel.ONLINE,
                new Applicant(Applicant.Kind.INDIVIDUAL, "Trần Văn Nộp", "045190009876", "0912000111", null, "Vĩnh Linh"),
                List.of(new DocumentLine(1, "Tờ khai", DocumentForm.ORIGINAL, 1)), at), "congdan.truc.tuyen"));
            return code.value();
        });
    }

    /** A dossier received at the desk, at its first step. */
    private static String received() {
        return bed.receive("H50-L006", COMMUNE, AdminTestBed.vn(2026, 3, 2, 9, 0));
    }

    private static Arguments action(String name, boolean online, BiFunction<String, Long, Object> call) {
        return Arguments.of(name, online, call);
    }

    static Stream<Arguments> actions() {
        Instant later = AdminTestBed.vn(2026, 4, 20, 9, 0);
        return Stream.of(
            action("IntakeService.accept", true, (c, v) -> intake.accept(c, "đủ", ActionTime.NOW, v)),
            action("IntakeService.requestSupplementAtIntake", true,
                (c, v) -> intake.requestSupplementAtIntake(c, List.of("Bản sao CCCD"), ActionTime.NOW, v)),
            action("IntakeService.requestSupplementAtIntake (note)", true,
                (c, v) -> intake.requestSupplementAtIntake(c, List.of("Bản sao CCCD"), "bổ sung một lần", ActionTime.NOW, v)),
            action("IntakeService.refuse", true, (c, v) -> intake.refuse(c, "Không thuộc thẩm quyền", ActionTime.NOW, v)),
            action("ProcessingService.assign", false, (c, v) -> processing.assign(c, "", ActionTime.NOW, v)),
            action("ProcessingService.completeStep", false, (c, v) -> processing.completeStep(c, "xong", ActionTime.NOW, v)),
            action("ProcessingService.approve", false, (c, v) -> processing.approve(c, "đồng ý", ActionTime.NOW, v)),
            action("ProcessingService.returnForRework", false, (c, v) -> processing.returnForRework(c, "làm lại", ActionTime.NOW, v)),
            action("ProcessingService.disapprove", false, (c, v) -> processing.disapprove(c, "Không đủ điều kiện", ActionTime.NOW, v)),
            action("ProcessingService.requestSupplement", false,
                (c, v) -> processing.requestSupplement(c, List.of("Sơ đồ thửa đất"), ActionTime.NOW, v)),
            action("ProcessingService.requestSupplement (note)", false,
                (c, v) -> processing.requestSupplement(c, List.of("Sơ đồ thửa đất"), "nộp tại bộ phận một cửa", ActionTime.NOW, v)),
            action("ProcessingService.requestFinancialObligation", false,
                (c, v) -> processing.requestFinancialObligation(c, "Lệ phí trước bạ", ActionTime.NOW, v)),
            action("ProcessingService.resume", false, (c, v) -> processing.resume(c, "đã bổ sung", ActionTime.NOW, v)),
            action("ProcessingService.resume (items)", false, (c, v) -> processing.resume(c, "đã bổ sung", null, ActionTime.NOW, v)),
            action("ProcessingService.stop", false, (c, v) -> processing.stop(c, "Công dân rút hồ sơ", ActionTime.NOW, v)),
            action("ProcessingService.reschedule", false, (c, v) -> processing.reschedule(c, later, "Quá tải", ActionTime.NOW, v)),
            action("ProcessingService.handOverResult", false,
                (c, v) -> processing.handOverResult(c, "Trần Văn Nộp", "DIRECT", null, ActionTime.NOW, v)),
            action("TransferService.startTransfer", false,
                (c, v) -> transfers.startTransfer(c, 1, "QT25.CNVPDKDD_VINH_LINH", null, v)),
            action("TransferService.reportProgress", false, (c, v) -> transfers.reportProgress(c, "đang xử lý", v)),
            action("TransferService.returnToSender", false, (c, v) -> transfers.returnToSender(c, "Đã xong", v)),
            action("TransferService.rejectTransfer", false, (c, v) -> transfers.rejectTransfer(c, "Sai thẩm quyền", v)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actions")
    @DisplayName("A stale expectedVersion is refused with CONCURRENT_CHANGE and changes nothing; the current one is not")
    void staleVersionRefused(String name, boolean awaitingIntake, BiFunction<String, Long, Object> call) {
        String code = awaitingIntake ? submittedOnline() : received();
        // Another officer's change after the screen was shown (every change locks the row and raises the version).
        long shown = bed.tx(() -> bed.dossier(code).version());
        bed.tx(() -> {
            bed.em().lock(bed.dossier(code), LockModeType.PESSIMISTIC_FORCE_INCREMENT);
            return null;
        });
        Dossier before = bed.tx(() -> bed.fresh().find(Dossier.class, bed.dossier(code).id()));
        long current = before.version();
        DossierStatus status = before.status();
        int events = before.history().size();
        assertNotEquals(shown, current);

        RuntimeException stale = bed.failing(() -> SystemTask.run(ACTOR, () -> call.apply(code, shown)));
        assertInstanceOf(ConflictException.class, stale, name + ": " + stale);
        assertEquals("CONCURRENT_CHANGE", ((ConflictException) stale).reason(), name);
        Dossier after = bed.tx(() -> bed.fresh().find(Dossier.class, before.id()));
        assertEquals(current, after.version(), name + " changed the version");
        assertEquals(status, after.status(), name + " changed the status");
        assertEquals(events, after.history().size(), name + " wrote history");
        assertEquals(0L, bed.tx(() -> bed.em().createQuery("SELECT COUNT(t) FROM InterAgencyTransfer t",
            Long.class).getSingleResult()), name + " wrote a transfer");

        // With the version now shown, the version check passes: the action succeeds or meets another rule.
        RuntimeException fresh = bed.failing(() -> SystemTask.run(ACTOR, () -> call.apply(code, current)));
        if (fresh instanceof ConflictException c) {
            assertNotEquals("CONCURRENT_CHANGE", c.reason(), name);
        }
    }

    @Test
    @DisplayName("A change with system scope that names no actor fails and records nothing")
    void unnamedSystemChangeFails() {
        String code = received();
        int events = bed.tx(() -> bed.dossier(code).history().size());
        RuntimeException e = bed.failing(() -> processing.completeStep(code, "xong", ActionTime.NOW, null));
        assertInstanceOf(IllegalStateException.class, e);
        assertEquals(events, bed.tx(() -> bed.fresh().find(Dossier.class, bed.dossier(code).id()).history().size()));
        Dossier done = bed.tx(() -> SystemTask.run(ACTOR, () -> processing.completeStep(code, "xong", ActionTime.NOW, null)));
        assertNotNull(done);
        assertEquals(ACTOR, bed.tx(() -> {
            List<DossierEvent> h = bed.fresh().find(Dossier.class, done.id()).history();
            return h.get(h.size() - 1).actor();
        }));
    }
}
