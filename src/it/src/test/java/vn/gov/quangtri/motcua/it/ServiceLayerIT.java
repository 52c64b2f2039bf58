package vn.gov.quangtri.motcua.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.account.application.SystemTask;
import vn.gov.quangtri.motcua.calendar.application.CalendarService;
import vn.gov.quangtri.motcua.catalogue.domain.DocumentForm;
import vn.gov.quangtri.motcua.dossier.application.ActionTime;
import vn.gov.quangtri.motcua.dossier.application.DossierSearch;
import vn.gov.quangtri.motcua.dossier.application.IntakeOutcome;
import vn.gov.quangtri.motcua.dossier.application.IntakeRequest;
import vn.gov.quangtri.motcua.dossier.application.IntakeService;
import vn.gov.quangtri.motcua.dossier.application.ProcessingService;
import vn.gov.quangtri.motcua.dossier.domain.Applicant;
import vn.gov.quangtri.motcua.dossier.domain.Channel;
import vn.gov.quangtri.motcua.dossier.domain.DocumentLine;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.ForbiddenException;
import vn.gov.quangtri.motcua.shared.domain.NotFoundException;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * The EJB services called directly inside the server (Arquillian in-container), against the round's
 * database: one transaction per use case, rule violations reach the caller unwrapped and roll back.
 * The test runs without a signed-in user, so it acts as trusted in-process work through
 * {@link SystemTask#run}; outside it the services refuse (no account, no units). Trusted work names the actor
 * recorded in the history with {@link SystemTask#run(String, java.util.function.Supplier)}; unnamed, a dossier
 * change fails and stores nothing.
 */
@MotcuaIT
class ServiceLayerIT {

    @Deployment
    static EnterpriseArchive ear() {
        return EarDeployment.withTest(ServiceLayerIT.class);
    }

    @Inject
    IntakeService intake;

    @Inject
    ProcessingService processing;

    @Inject
    DossierSearch search;

    @Inject
    CalendarService calendars;

    private static Instant vn(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, VietnamTime.ZONE).toInstant();
    }

    private static IntakeRequest land(String name, List<DocumentLine> docs, Instant at) {
        return new IntakeRequest("H50-L006", "QT25.XA_VINH_LINH", Channel.DIRECT,
            new Applicant(Applicant.Kind.INDIVIDUAL, name, "045080009999", "0912000999", null, "xã Vĩnh Linh"),
            docs, at, IntakeOutcome.RECEIVE, null, null, null);
    }

    private static List<DocumentLine> allFour() {
        return List.of(new DocumentLine(1, null, DocumentForm.ORIGINAL, 1), new DocumentLine(2, null, DocumentForm.COPY, 1),
            new DocumentLine(3, null, DocumentForm.ORIGINAL, 1), new DocumentLine(4, null, DocumentForm.COPY, 1));
    }

    @Test
    @DisplayName("IntakeService receives a land dossier with the legal appointment; ProcessingService pauses and resumes it")
    void intakeAndProcessing() {
        String name = "Hoàng Thị Dịch Vụ " + System.nanoTime();
        Dossier d = SystemTask.run("it.desk", () -> intake.lodge(land(name, allFour(), vn(2026, 3, 2, 10, 0))));
        assertTrue(d.code().matches("000\\.00\\.60\\.H50-260302-\\d{4}"), d.code());
        assertEquals(vn(2026, 4, 2, 10, 0), d.clock().dueAt(), "23 working days, none of them a holiday");
        assertEquals(DossierStatus.RECEIVED, d.status());
        assertEquals("Đơn đăng ký đất đai, tài sản gắn liền với đất (Mẫu 04/ĐK)", d.documents().get(0).name());

        SystemTask.run("it.desk", () -> processing.completeStep(d.code(), null, ActionTime.NOW, null));
        Dossier paused = SystemTask.run("it.diachinh", () -> processing.requestSupplement(d.code(),
                List.of("Sơ đồ nhà ở"), ActionTime.NOW, null));
        assertEquals(DossierStatus.SUPPLEMENT_REQUESTED_IN_PROCESS, paused.status());
        assertThrows(ConflictException.class, () -> SystemTask.run("it.leader", () -> processing.approve(d.code(),
                null, ActionTime.NOW, null)));
        Dossier resumed = SystemTask.run("it.desk", () -> processing.resume(d.code(), "đã bổ sung", ActionTime.NOW, null));
        assertEquals(DossierStatus.IN_PROCESS, resumed.status());
        assertEquals(1, resumed.supplementCount());
        Dossier found = SystemTask.run(() -> processing.find(d.code()));
        assertEquals(List.of("RECEIVE", "COMPLETE_STEP", "REQUEST_SUPPLEMENT", "RESUME"),
            found.history().stream().map(e -> e.action().name()).toList());
        // Trusted in-process work records the actor it names.
        assertEquals(List.of("it.desk", "it.desk", "it.diachinh", "it.desk"),
            found.history().stream().map(e -> e.actor()).toList());
        assertTrue(calendars.coveredYears().containsAll(List.of(2024, 2025, 2026, 2027)));
    }

    @Test
    @DisplayName("A refused intake throws the rule violation itself and stores nothing")
    void refusedIntakeStoresNothing() {
        String name = "Lê Văn Thiếu Giấy " + System.nanoTime();
        RuleViolationException e = assertThrows(RuleViolationException.class,
            () -> SystemTask.run("it.desk", () -> intake.lodge(land(name, List.of(new DocumentLine(1, null,
                    DocumentForm.ORIGINAL, 1)),
                vn(2026, 3, 2, 10, 0)))));
        assertEquals("INCOMPLETE_DOSSIER", e.reason());
        // H50-L006 requires components 1 and 3; 2 and 4 are "(nếu có)": only component 3 is missing.
        assertEquals(1, e.details().size());
        assertEquals(0, SystemTask.run(() -> search.search(
            new DossierSearch.Criteria(null, null, null, name, null, null, null), 0, 10)).total());
        assertThrows(NotFoundException.class,
            () -> SystemTask.run("x", () -> processing.completeStep("000.00.60.H50-200101-0001", null, ActionTime.NOW, null)));
    }

    @Test
    @DisplayName("Without a signed-in user and outside SystemTask.run the services grant nothing and change nothing")
    void noSignedInUserNoAccess() {
        String name = "Trần Thị Không Quyền " + System.nanoTime();
        ForbiddenException refused = assertThrows(ForbiddenException.class,
            () -> intake.lodge(land(name, allFour(), vn(2026, 3, 2, 10, 0))));
        assertEquals("OUT_OF_SCOPE", refused.reason());
        Dossier d = SystemTask.run("it.desk", () -> intake.lodge(land(name, allFour(), vn(2026, 3, 2, 10, 0))));
        long version = d.version();
        // An existing dossier outside the scope is answered as a missing one (issue 16).
        assertEquals("NOT_FOUND", assertThrows(NotFoundException.class, () -> processing.find(d.code())).reason());
        assertEquals("NOT_FOUND", assertThrows(NotFoundException.class,
            () -> processing.completeStep(d.code(), null, ActionTime.NOW, null)).reason());
        assertEquals(0, search.search(new DossierSearch.Criteria(null, null, null, name, null, null, null), 0, 10).total());
        Dossier after = SystemTask.run(() -> processing.find(d.code()));
        assertEquals(version, after.version(), "a refused action changes nothing");
        assertEquals(List.of("RECEIVE"), after.history().stream().map(e -> e.action().name()).toList());
        assertEquals(1, SystemTask.run(() -> search.search(
            new DossierSearch.Criteria(null, null, null, name, null, null, null), 0, 10)).total());
    }

    @Test
    @DisplayName("Trusted work that names no actor cannot change a dossier: the change fails and is rolled back")
    void unnamedTrustedWorkChangesNothing() {
        String name = "Phạm Văn Vô Danh " + System.nanoTime();
        assertThrows(RuntimeException.class, () -> SystemTask.run(() -> intake.lodge(land(name, allFour(),
            vn(2026, 3, 2, 10, 0)))));
        assertEquals(0, SystemTask.run(() -> search.search(
            new DossierSearch.Criteria(null, null, null, name, null, null, null), 0, 10)).total());
        Dossier d = SystemTask.run("it.desk", () -> intake.lodge(land(name, allFour(), vn(2026, 3, 2, 10, 0))));
        RuntimeException e = assertThrows(RuntimeException.class,
            () -> SystemTask.run(() -> processing.completeStep(d.code(), null, ActionTime.NOW, null)));
        assertTrue(rootCause(e) instanceof IllegalStateException, String.valueOf(rootCause(e)));
        Dossier after = SystemTask.run(() -> processing.find(d.code()));
        assertEquals(d.version(), after.version(), "nothing changed");
        assertEquals(List.of("it.desk"), after.history().stream().map(x -> x.actor()).toList());
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
