package vn.gov.quangtri.motcua.agency.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.quangtri.motcua.shared.infrastructure.persistence.AdminTestBed.vn;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.agency.domain.Agency;
import vn.gov.quangtri.motcua.agency.domain.AgencyKind;
import vn.gov.quangtri.motcua.agency.domain.AgencyLevel;
import vn.gov.quangtri.motcua.audit.application.AdminAuditLog;
import vn.gov.quangtri.motcua.audit.domain.AdminArea;
import vn.gov.quangtri.motcua.audit.domain.AdminChange;
import vn.gov.quangtri.motcua.shared.domain.DomainException;
import vn.gov.quangtri.motcua.shared.domain.ForbiddenException;
import vn.gov.quangtri.motcua.shared.infrastructure.persistence.AdminTestBed;

/** Agency administration on H2 with the reference agencies: rename history, merge with children, deletion. */
class AgencyAdministrationTest {

    private static final LocalDate JUN_30 = LocalDate.of(2025, 6, 30);
    private static final LocalDate JUL_1 = LocalDate.of(2025, 7, 1);

    private AdminTestBed bed;
    private AgencyAdministration admin;
    private AdminAuditLog log;

    @BeforeEach
    void setUp() {
        bed = new AdminTestBed();
        admin = bed.wire(new AgencyAdministration());
        log = bed.wire(new AdminAuditLog());
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    private String reason(Runnable r) {
        RuntimeException e = bed.failing(r);
        return e instanceof DomainException d ? d.reason() : String.valueOf(e);
    }

    private Agency unit(String code, String name, String parent, LocalDate from) {
        return bed.tx(() -> admin.create(new NewAgency(code, name, AgencyLevel.DEPARTMENT, AgencyKind.DEPARTMENT, parent,
            from, null, false), "admin.donvi", "Quyết định thành lập (thử)"));
    }

    @Test
    @DisplayName("Rename of the provincial centre effective 1/7/2025: dossiers of 30/6 keep the old name, those of 1/7 show the new one")
    void renameShownBeforeAndAfter() {
        String oldName = bed.em().find(Agency.class, "QT.TTPVHCC").name();
        String june = bed.receive("1.004873", "QT.TTPVHCC", vn(2025, 6, 30, 10, 0));
        String july = bed.receive("1.004873", "QT.TTPVHCC", vn(2025, 7, 1, 10, 0));
        bed.tx(() -> admin.rename("QT.TTPVHCC", "Trung tâm Phục vụ hành chính công tỉnh Quảng Trị (tỉnh mới)", JUL_1,
            "admin.donvi", "Nghị quyết 202/2025/QH15 (thử)"));
        bed.fresh();
        assertEquals(oldName, bed.dossier(june).receivingAgencyName());
        assertEquals("Trung tâm Phục vụ hành chính công tỉnh Quảng Trị (tỉnh mới)", bed.dossier(july).receivingAgencyName());
        assertEquals(oldName, admin.nameOn("QT.TTPVHCC", JUN_30));
        Agency centre = bed.em().find(Agency.class, "QT.TTPVHCC");
        assertEquals(JUN_30, centre.formerNames().get(0).validTo());
        AdminChange audit = log.latestFor(AdminArea.AGENCY, "QT.TTPVHCC", 1).get(0);
        assertEquals("AGENCY_RENAME", audit.action());
        assertEquals("Nghị quyết 202/2025/QH15 (thử)", audit.reason());
        assertEquals("EFFECTIVE_DATE_NOT_AFTER_PREVIOUS_RENAME", reason(() -> admin.rename("QT.TTPVHCC", "Tên khác",
            JUN_30, "admin.donvi", "r")));
    }

    @Test
    @DisplayName("Merge of department A into B from 1/1/2026: A valid to 31/12/2025, successor B, its two units moved under B")
    void mergeMovesChildren() {
        unit("QT25.SO_A", "Sở A (thử)", "QT", JUL_1);
        unit("QT25.SO_A.CC1", "Chi cục 1 (thử)", "QT25.SO_A", JUL_1);
        unit("QT25.SO_A.CC2", "Chi cục 2 (thử)", "QT25.SO_A", JUL_1);
        unit("QT25.SO_B", "Sở B (thử)", "QT", JUL_1);
        assertEquals("CYCLE_IN_TREE", reason(() -> admin.move("QT25.SO_A", "QT25.SO_A.CC1", JUL_1, "a", "r")));
        assertEquals("CYCLE_IN_TREE", reason(() -> admin.close("QT25.SO_A", LocalDate.of(2026, 1, 1), "QT25.SO_B",
            ChildUnits.MOVE, "QT25.SO_A.CC2", "a", "r")));
        assertEquals("SUCCESSOR_INSIDE_CLOSED_UNIT", reason(() -> admin.close("QT25.SO_A", LocalDate.of(2026, 1, 1),
            "QT25.SO_A.CC1", ChildUnits.CLOSE, null, "a", "r")));
        assertEquals("NEW_PARENT_REQUIRED", reason(() -> admin.close("QT25.SO_A", LocalDate.of(2026, 1, 1), null,
            ChildUnits.MOVE, null, "a", "r")));

        Closure closure = bed.tx(() -> admin.close("QT25.SO_A", LocalDate.of(2026, 1, 1), "QT25.SO_B", ChildUnits.MOVE,
            null, "admin.donvi", "Quyết định hợp nhất (thử)"));
        assertEquals(List.of("QT25.SO_A.CC1", "QT25.SO_A.CC2"), closure.movedChildren());
        assertEquals(0, closure.openDossiers());
        bed.fresh();
        Agency a = bed.em().find(Agency.class, "QT25.SO_A");
        assertEquals(LocalDate.of(2025, 12, 31), a.validTo());
        assertEquals("QT25.SO_B", a.successor().code());
        assertTrue(a.isValidOn(LocalDate.of(2025, 12, 31)));
        assertFalse(a.isValidOn(LocalDate.of(2026, 1, 1)));
        assertEquals("QT25.SO_B", bed.em().find(Agency.class, "QT25.SO_A.CC1").parent().code());
        assertEquals("QT25.SO_B", bed.em().find(Agency.class, "QT25.SO_A.CC2").parent().code());
        assertEquals(List.of("AGENCY_MOVE", "AGENCY_MOVE", "AGENCY_CLOSE"),
            log.latest(3).stream().map(AdminChange::action).toList());
        assertEquals("AGENCY_ALREADY_CLOSED", reason(() -> admin.close("QT25.SO_A", LocalDate.of(2026, 2, 1), null,
            ChildUnits.CLOSE, null, "a", "r")));
    }

    @Test
    @DisplayName("Closing a district with CLOSE closes its communes too (successor passed on) and counts their open dossiers")
    void closeWithChildren() {
        unit("QT25.SO_C", "Sở C (thử)", "QT", JUL_1);
        bed.tx(() -> admin.create(new NewAgency("QT25.SO_C.DESK", "Bộ phận Một cửa C (thử)", AgencyLevel.DEPARTMENT,
            AgencyKind.SERVICE_CENTRE, "QT25.SO_C", JUL_1, "000.00.Z9.H50", true), "admin.donvi", "r"));
        bed.receive("1.004873", "QT25.SO_C.DESK", vn(2026, 3, 2, 10, 0));
        Closure closure = bed.tx(() -> admin.close("QT25.SO_C", LocalDate.of(2026, 4, 1), "QT.TTPVHCC", ChildUnits.CLOSE,
            null, "admin.donvi", "Giải thể (thử)"));
        assertEquals(List.of("QT25.SO_C.DESK"), closure.closedChildren());
        assertEquals(1, closure.openDossiers());
        bed.fresh();
        Agency desk = bed.em().find(Agency.class, "QT25.SO_C.DESK");
        assertEquals(LocalDate.of(2026, 3, 31), desk.validTo());
        assertEquals("QT.TTPVHCC", desk.successor().code());
        assertEquals("AGENCY_HAS_DOSSIERS", reason(() -> admin.delete("QT25.SO_C.DESK", "a", "r")));
    }

    @Test
    @DisplayName("Create refuses a duplicate code or identifier and a parent closed on the start date; a unit without dossiers can be deleted")
    void createAndDelete() {
        assertEquals("DUPLICATE_CODE", reason(() -> admin.create(new NewAgency("QT", "Tỉnh", AgencyLevel.PROVINCE,
            AgencyKind.PROVINCE, null, JUL_1, null, false), "a", "r")));
        assertEquals("DUPLICATE_EDOC_CODE", reason(() -> admin.create(new NewAgency("QT25.X", "Xã X", AgencyLevel.COMMUNE,
            AgencyKind.COMMUNE, "QT", JUL_1, "000.00.60.H50", true), "a", "r")));
        assertEquals("PARENT_NOT_VALID", reason(() -> admin.create(new NewAgency("QT.D464.X", "Xã X", AgencyLevel.COMMUNE,
            AgencyKind.COMMUNE, "QT.D464", JUL_1, null, false), "a", "r")));
        assertEquals("NOT_FOUND", reason(() -> admin.create(new NewAgency("QT25.X", "Xã X", AgencyLevel.COMMUNE,
            AgencyKind.COMMUNE, "QT.KHONG_CO", JUL_1, null, false), "a", "r")));
        unit("QT25.NHAP_SAI", "Đơn vị nhập sai", "QT", JUL_1);
        bed.tx(() -> {
            admin.delete("QT25.NHAP_SAI", "admin.donvi", "Nhập nhầm");
            return null;
        });
        assertNull(bed.em().find(Agency.class, "QT25.NHAP_SAI"));
        assertEquals("AGENCY_HAS_CHILDREN", reason(() -> admin.delete("QT", "a", "r")));
        assertEquals(List.of("AGENCY_DELETE", "AGENCY_CREATE"), log.latest(2).stream().map(AdminChange::action).toList());
    }

    private static final String VINH_LINH = "QT25.XA_VINH_LINH";

    private static AccessScope account(String username, Role role, String... units) {
        return new AccessScope(username, EnumSet.of(role), Set.of(units), false);
    }

    /** The refusal's reason; the transaction is committed afterwards, so anything written would stay. */
    private String refused(Runnable r) {
        RuntimeException e = bed.committedDespite(r);
        assertTrue(e instanceof ForbiddenException, "expected a refusal, got " + e);
        return ((ForbiddenException) e).reason();
    }

    @Test
    @DisplayName("A specialist may read but not change the tree: every change is refused before anything is stored")
    void specialistRefused() {
        long before = log.latest(500).size();
        String name = bed.em().find(Agency.class, VINH_LINH).name();
        bed.actAs(account("chuyenvien.vinhlinh", Role.SPECIALIST, VINH_LINH));
        assertEquals("ROLE_REQUIRED", refused(() -> admin.create(new NewAgency("QT25.XA_VINH_LINH.TO1", "Tổ 1 (thử)",
            AgencyLevel.DEPARTMENT, AgencyKind.DEPARTMENT, VINH_LINH, JUL_1, null, false), "x", "r")));
        assertEquals("ROLE_REQUIRED", refused(() -> admin.rename(VINH_LINH, "Tên khác", LocalDate.of(2026, 1, 1), "x", "r")));
        assertEquals("ROLE_REQUIRED", refused(() -> admin.correctName(VINH_LINH, "Tên khác", "x", "r")));
        assertEquals("ROLE_REQUIRED", refused(() -> admin.move(VINH_LINH, "QT.TTPVHCC", JUL_1, "x", "r")));
        assertEquals("ROLE_REQUIRED", refused(() -> admin.close(VINH_LINH, LocalDate.of(2026, 1, 1), null,
            ChildUnits.CLOSE, null, "x", "r")));
        assertEquals("ROLE_REQUIRED", refused(() -> admin.delete(VINH_LINH, "x", "r")));
        assertEquals(name, admin.nameOn(VINH_LINH, JUL_1));
        assertEquals(before, log.latest(500).size());
        bed.fresh();
        assertNull(bed.em().find(Agency.class, "QT25.XA_VINH_LINH.TO1"));
        Agency unit = bed.em().find(Agency.class, VINH_LINH);
        assertEquals(name, unit.name());
        assertNull(unit.validTo());
        bed.actAs(AccessScope.NONE);
        assertEquals("SIGN_IN_REQUIRED", refused(() -> admin.nameOn(VINH_LINH, JUL_1)));
        assertEquals("SIGN_IN_REQUIRED", refused(() -> log.latest(10)));
    }

    @Test
    @DisplayName("An agency administrator creates and renames units under its own unit only, is recorded as the actor, and cannot merge")
    void agencyAdminUnderOwnUnit() {
        bed.actAs(account("quantri.vinhlinh", Role.AGENCY_ADMIN, VINH_LINH));
        Agency created = bed.tx(() -> admin.create(new NewAgency("QT25.XA_VINH_LINH.VHXH", "Phòng Văn hóa - Xã hội (thử)",
            AgencyLevel.DEPARTMENT, AgencyKind.DEPARTMENT, VINH_LINH, JUL_1, null, false), "given.name", "Quyết định (thử)"));
        assertEquals(VINH_LINH, created.parent().code());
        assertEquals("quantri.vinhlinh", log.latest(1).get(0).actor());
        bed.tx(() -> admin.rename("QT25.XA_VINH_LINH.VHXH", "Phòng Văn hóa - Xã hội xã Vĩnh Linh (thử)",
            LocalDate.of(2026, 1, 1), "x", "Quyết định đổi tên (thử)"));
        assertEquals("OUT_OF_SCOPE", refused(() -> admin.create(new NewAgency("QT25.SO_X", "Sở X (thử)",
            AgencyLevel.DEPARTMENT, AgencyKind.DEPARTMENT, "QT", JUL_1, null, false), "x", "r")));
        assertEquals("ROLE_REQUIRED", refused(() -> admin.create(new NewAgency("QT2", "Tỉnh (thử)",
            AgencyLevel.PROVINCE, AgencyKind.PROVINCE, null, JUL_1, null, false), "x", "r")));
        assertEquals("OUT_OF_SCOPE", refused(() -> admin.rename(VINH_LINH, "Xã Vĩnh Linh mới", LocalDate.of(2026, 1, 1),
            "x", "r")));
        assertEquals("OUT_OF_SCOPE", refused(() -> admin.correctName("QT.TTPVHCC", "Trung tâm", "x", "r")));
        assertEquals("ROLE_REQUIRED", refused(() -> admin.close("QT25.XA_VINH_LINH.VHXH", LocalDate.of(2026, 2, 1), null,
            ChildUnits.CLOSE, null, "x", "r")));
        assertEquals("ROLE_REQUIRED", refused(() -> admin.delete("QT25.XA_VINH_LINH.VHXH", "x", "r")));
        bed.fresh();
        assertNull(bed.em().find(Agency.class, "QT25.SO_X"));
        assertEquals("Xã Vĩnh Linh", bed.em().find(Agency.class, VINH_LINH).name());
        assertNull(bed.em().find(Agency.class, "QT25.XA_VINH_LINH.VHXH").validTo());
        assertEquals(List.of("AGENCY_RENAME", "AGENCY_CREATE"), log.latest(2).stream().map(AdminChange::action).toList());
    }
}
