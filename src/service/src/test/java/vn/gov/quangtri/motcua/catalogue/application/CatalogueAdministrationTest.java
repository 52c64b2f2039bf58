package vn.gov.quangtri.motcua.catalogue.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.quangtri.motcua.shared.infrastructure.persistence.AdminTestBed.vn;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.audit.application.AdminAuditLog;
import vn.gov.quangtri.motcua.audit.domain.AdminArea;
import vn.gov.quangtri.motcua.audit.domain.AdminChange;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimit;
import vn.gov.quangtri.motcua.catalogue.domain.AllotmentCheck;
import vn.gov.quangtri.motcua.catalogue.domain.DocumentForm;
import vn.gov.quangtri.motcua.catalogue.domain.DocumentSpec;
import vn.gov.quangtri.motcua.catalogue.domain.Procedure;
import vn.gov.quangtri.motcua.catalogue.domain.ProcedureDetails;
import vn.gov.quangtri.motcua.catalogue.domain.ProcessStepTemplate;
import vn.gov.quangtri.motcua.catalogue.domain.StepKind;
import vn.gov.quangtri.motcua.catalogue.domain.StepRole;
import vn.gov.quangtri.motcua.catalogue.domain.StepSpec;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.shared.domain.DomainException;
import vn.gov.quangtri.motcua.shared.domain.ForbiddenException;
import vn.gov.quangtri.motcua.shared.infrastructure.persistence.AdminTestBed;

/** Catalogue administration on H2 with the reference catalogue: revisions, snapshots, allotments, audit. */
class CatalogueAdministrationTest {

    private AdminTestBed bed;
    private CatalogueAdministration admin;
    private CatalogueService catalogue;
    private AdminAuditLog log;

    @BeforeEach
    void setUp() {
        bed = new AdminTestBed();
        setUpServices();
    }

    private void setUpServices() {
        admin = bed.wire(new CatalogueAdministration());
        catalogue = bed.wire(new CatalogueService());
        log = bed.wire(new AdminAuditLog());
    }

    /** Runs the test on another database than the default H2. */
    private void onDatabase(String kind) {
        if (!"h2".equals(kind)) {
            bed.close();
            bed = new AdminTestBed(kind);
            setUpServices();
        }
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    private String reason(Runnable r) {
        RuntimeException e = bed.failing(r);
        return e instanceof DomainException d ? d.reason() : String.valueOf(e);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("Time limit 3 → 5 working days: the dossier received Mon 2/3/2026 10:00 stays due Thu 5/3 10:00 (revision 1); a new one is due Mon 9/3")
    void editDoesNotMoveReceivedDossier(String kind) {
        onDatabase(kind);
        Procedure before = catalogue.find("1.004873");
        int revision = before.revision();
        assertEquals(TimeLimit.workingDays(3), before.timeLimit());
        String old = bed.receive("1.004873", "QT25.XA_VINH_LINH", vn(2026, 3, 2, 10, 0));

        Procedure after = bed.tx(() -> admin.editDetails("1.004873", new ProcedureDetails(before.name(), before.field(),
            TimeLimit.workingDays(5), 15_000L), revision, "admin.tthc", "Quyết định công bố số 123/QĐ-UBND (thử)"));
        assertEquals(revision + 1, after.revision());

        bed.fresh();
        Dossier d = bed.dossier(old);
        assertEquals(vn(2026, 3, 5, 10, 0), d.clock().dueAt());
        assertEquals(revision, d.snapshot().revision());
        assertEquals(TimeLimit.workingDays(3), d.clock().timeLimit());
        assertEquals(TimeLimit.workingDays(5), catalogue.find("1.004873").timeLimit());
        String fresh = bed.receive("1.004873", "QT25.XA_VINH_LINH", vn(2026, 3, 2, 10, 30));
        assertEquals(vn(2026, 3, 9, 10, 30), bed.dossier(fresh).clock().dueAt());
        assertEquals(revision + 1, bed.dossier(fresh).snapshot().revision());

        AdminChange audit = log.latestFor(AdminArea.CATALOGUE, "1.004873", 5).get(0);
        assertEquals("PROCEDURE_EDIT", audit.action());
        assertEquals("admin.tthc", audit.actor());
        assertTrue(audit.details().contains("thời hạn: 3 ngày làm việc → 5 ngày làm việc"), audit.details());
        assertTrue(audit.details().startsWith("phiên bản " + revision + " → " + (revision + 1)), audit.details());

        assertEquals("CONCURRENT_CHANGE", reason(() -> admin.editDetails("1.004873", new ProcedureDetails(before.name(),
            before.field(), TimeLimit.workingDays(4), null), revision, "admin.khac", "Sửa cùng lúc")));
    }

    @Test
    @DisplayName("H50-L006 (23 working days, 6 steps adding up to 23): one more day on a step is refused; the steps and documents are saved in order")
    void stepsAndDocuments() {
        Procedure land = catalogue.find("H50-L006");
        AllotmentCheck check = admin.allotmentCheck("H50-L006");
        assertEquals(23 * 480L, check.limitMinutes());
        assertEquals(0L, check.unallottedMinutes());
        List<StepSpec> steps = new ArrayList<>(land.steps().stream().map(s -> new StepSpec(s.name(), s.role(), s.kind(),
            s.responsibleUnit(), s.allotment())).toList());
        StepSpec second = steps.get(1);
        steps.set(1, new StepSpec(second.name(), second.role(), second.kind(), second.responsibleUnit(),
            new TimeLimit(second.allotment().value().add(java.math.BigDecimal.ONE), second.allotment().unit())));
        assertEquals("STEP_ALLOTMENTS_EXCEED_LIMIT", reason(() -> admin.replaceSteps("H50-L006", steps, null, "a", "r")));
        assertEquals("STEP_ALLOTMENTS_EXCEED_LIMIT", reason(() -> admin.editDetails("H50-L006", new ProcedureDetails(
            land.name(), land.field(), TimeLimit.workingDays(20), land.feeVnd()), null, "a", "r")));

        // Its inter-agency legs are steps 3 (land office) and 4 (tax): removing the steps, or making step 3 an
        // approval step, would leave dossiers at a step nobody may complete (found by a trial user).
        assertEquals("LEG_STEP_INVALID", reason(() -> admin.replaceSteps("H50-L006", List.of(), null, "a", "r")));
        List<StepSpec> approvalAtLeg = new ArrayList<>(steps);
        StepSpec third = approvalAtLeg.get(2);
        approvalAtLeg.set(2, new StepSpec(third.name(), StepRole.LEADER, StepKind.APPROVAL, third.responsibleUnit(),
            third.allotment()));
        assertEquals("LEG_STEP_INVALID", reason(() -> admin.replaceSteps("H50-L006", approvalAtLeg, null, "a", "r")));

        int revision = catalogue.find("H50-L006").revision();
        steps.set(1, new StepSpec("Thẩm định, kiểm tra thực địa", second.role(), second.kind(), "Văn phòng đăng ký đất đai",
            second.allotment()));
        bed.tx(() -> admin.replaceSteps("H50-L006", steps, revision, "admin.tthc", "Quy trình nội bộ sửa đổi"));
        bed.fresh();
        Procedure saved = catalogue.find("H50-L006");
        assertEquals(revision + 1, saved.revision());
        assertEquals("Thẩm định, kiểm tra thực địa", saved.steps().get(1).name());
        assertEquals(List.of(1, 2, 3, 4, 5, 6), saved.steps().stream().map(ProcessStepTemplate::position).toList());

        bed.tx(() -> admin.replaceDocuments("H50-L006", List.of(
            DocumentSpec.required("Đơn đăng ký đất đai, tài sản gắn liền với đất", DocumentForm.ORIGINAL, 1),
            new DocumentSpec("Văn bản ủy quyền", DocumentForm.CERTIFIED_COPY, 1, false, "Trường hợp nộp thay")),
            revision + 1, "admin.tthc", "Cập nhật thành phần hồ sơ"));
        bed.fresh();
        saved = catalogue.find("H50-L006");
        assertEquals(revision + 2, saved.revision());
        assertEquals(2, saved.documents().size());
        assertEquals("Trường hợp nộp thay", saved.documents().get(1).condition());
        assertEquals(List.of("PROCEDURE_DOCUMENTS", "PROCEDURE_STEPS"),
            log.latest(10).stream().map(AdminChange::action).toList());
    }

    @Test
    @DisplayName("Only a system administrator saves: an agency administrator is refused, nothing is stored, the revision stays")
    void agencyAdminRefused() {
        Procedure before = catalogue.find("1.004873");
        int revision = before.revision();
        long changes = log.latest(500).size();
        bed.actAs(new AccessScope("quantri.vinhlinh", EnumSet.of(Role.AGENCY_ADMIN, Role.LEADER),
            Set.of("QT25.XA_VINH_LINH"), false));
        List<RuntimeException> refusals = List.of(
            bed.committedDespite(() -> admin.editDetails("1.004873", new ProcedureDetails("Tên khác", before.field(),
                TimeLimit.workingDays(5), 1L), revision, "x", "r")),
            bed.committedDespite(() -> admin.replaceDocuments("1.004873", List.of(), revision, "x", "r")),
            bed.committedDespite(() -> admin.replaceSteps("1.004873", List.of(), revision, "x", "r")));
        refusals.forEach(e -> assertEquals("ROLE_REQUIRED",
                e instanceof ForbiddenException f ? f.reason() : String.valueOf(e)));
        admin.allotmentCheck("1.004873");
        bed.fresh();
        Procedure after = catalogue.find("1.004873");
        assertEquals(revision, after.revision());
        assertEquals(before.name(), after.name());
        assertEquals(TimeLimit.workingDays(3), after.timeLimit());
        assertEquals(before.documents().size(), after.documents().size());
        assertEquals(changes, log.latest(500).size());

        bed.actAs(new AccessScope("quantri.tinh", EnumSet.of(Role.SYSTEM_ADMIN), Set.of(), true));
        Procedure saved = bed.tx(() -> admin.editDetails("1.004873", new ProcedureDetails(before.name(), before.field(),
            TimeLimit.workingDays(3), 20_000L), revision, "given.name", "Quyết định (thử)"));
        assertEquals(revision + 1, saved.revision());
        assertEquals("quantri.tinh", log.latest(1).get(0).actor());
    }
}
