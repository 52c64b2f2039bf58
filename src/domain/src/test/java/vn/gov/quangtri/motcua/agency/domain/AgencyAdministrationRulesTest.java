package vn.gov.quangtri.motcua.agency.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.DomainException;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;

/** Agency tree rules without a database: create, rename with history, close, move (cycles). */
class AgencyAdministrationRulesTest {

    private static final LocalDate JUN_30 = LocalDate.of(2025, 6, 30);
    private static final LocalDate JUL_1 = LocalDate.of(2025, 7, 1);

    private static Agency province() {
        return Agency.create("QT", "Ủy ban nhân dân tỉnh Quảng Trị", AgencyKind.PROVINCE, AgencyLevel.PROVINCE, null,
            LocalDate.of(1989, 7, 1), "000.00.00.H50", false);
    }

    private static String reason(Runnable r) {
        return assertThrows(DomainException.class, r::run).reason();
    }

    @Test
    @DisplayName("Rename effective 1/7/2025: 30/6 shows the old name, 1/7 the new; the old one is kept as former name")
    void renameKeepsHistory() {
        Agency qt = province();
        Agency dept = Agency.create("QT.SNN", "Sở Nông nghiệp và Phát triển nông thôn", AgencyKind.DEPARTMENT,
            AgencyLevel.DEPARTMENT, qt, LocalDate.of(2008, 1, 1), null, false);
        dept.rename("Sở Nông nghiệp và Môi trường", JUL_1);
        assertEquals("Sở Nông nghiệp và Môi trường", dept.name());
        assertEquals("Sở Nông nghiệp và Phát triển nông thôn", dept.nameOn(JUN_30));
        assertEquals("Sở Nông nghiệp và Môi trường", dept.nameOn(JUL_1));
        assertEquals(JUL_1, dept.currentNameSince());
        assertEquals(1, dept.formerNames().size());
        assertEquals(JUN_30, dept.formerNames().get(0).validTo());

        // A second rename must come after the first; the name in between stays reachable.
        assertEquals("EFFECTIVE_DATE_NOT_AFTER_PREVIOUS_RENAME", reason(() -> dept.rename("Sở X", JUL_1)));
        dept.rename("Sở Nông nghiệp, Môi trường và Thủy sản", LocalDate.of(2026, 1, 1));
        assertEquals("Sở Nông nghiệp và Phát triển nông thôn", dept.nameOn(JUN_30));
        assertEquals("Sở Nông nghiệp và Môi trường", dept.nameOn(LocalDate.of(2025, 12, 31)));
        assertEquals("Sở Nông nghiệp, Môi trường và Thủy sản", dept.nameOn(LocalDate.of(2026, 1, 1)));

        assertEquals("SAME_NAME", reason(() -> dept.rename("Sở Nông nghiệp, Môi trường và Thủy sản", LocalDate.of(2027, 1, 1))));
        assertEquals("NAME_REQUIRED", reason(() -> dept.rename("  ", LocalDate.of(2027, 1, 1))));
        assertEquals("EFFECTIVE_DATE_BEFORE_VALID_FROM", reason(() -> dept.rename("Sở Y", LocalDate.of(2008, 1, 1))));
        dept.correctName("Sở Nông nghiệp, Môi trường và Thuỷ sản");
        assertEquals(2, dept.formerNames().size(), "a correction keeps no former name");
    }

    @Test
    @DisplayName("Create: parent must exist on validFrom, codes and identifiers are checked, a desk needs an identifier")
    void createRules() {
        Agency qt = province();
        Agency district = Agency.create("QT.D464", "Huyện Vĩnh Linh", AgencyKind.DISTRICT, AgencyLevel.DISTRICT, qt,
            LocalDate.of(1990, 1, 1), null, false);
        district.close(JUL_1, null);
        assertEquals("PARENT_NOT_VALID", reason(() -> Agency.create("QT.D464.X", "Xã X", AgencyKind.COMMUNE,
            AgencyLevel.COMMUNE, district, JUL_1, null, false)));
        Agency ok = Agency.create("QT.D464.Y", "Xã Y", AgencyKind.COMMUNE, AgencyLevel.COMMUNE, district, JUN_30, null, false);
        assertSame(district, ok.parent());
        assertEquals("PARENT_REQUIRED", reason(() -> Agency.create("QT25.A", "Xã A", AgencyKind.COMMUNE,
            AgencyLevel.COMMUNE, null, JUL_1, null, false)));
        assertEquals("PROVINCE_HAS_NO_PARENT", reason(() -> Agency.create("QB", "Tỉnh B", AgencyKind.PROVINCE,
            AgencyLevel.PROVINCE, qt, JUL_1, null, false)));
        assertEquals("INVALID_AGENCY_CODE", reason(() -> Agency.create("qt25 a", "Xã A", AgencyKind.COMMUNE,
            AgencyLevel.COMMUNE, qt, JUL_1, null, false)));
        assertEquals("VALID_FROM_REQUIRED", reason(() -> Agency.create("QT25.A", "Xã A", AgencyKind.COMMUNE,
            AgencyLevel.COMMUNE, qt, null, null, false)));
        assertEquals("INVALID_EDOC_CODE", reason(() -> Agency.create("QT25.A", "Xã A", AgencyKind.COMMUNE,
            AgencyLevel.COMMUNE, qt, JUL_1, "H50-61", true)));
        assertEquals("EDOC_CODE_REQUIRED", reason(() -> Agency.create("QT25.A", "Xã A", AgencyKind.COMMUNE,
            AgencyLevel.COMMUNE, qt, JUL_1, null, true)));
        Agency desk = Agency.create("QT25.A", "Xã A", AgencyKind.COMMUNE, AgencyLevel.COMMUNE, qt, JUL_1, "000.00.61.H50", true);
        assertTrue(desk.receivesDossiers());
        assertFalse(desk.isValidOn(JUN_30));
        assertTrue(desk.isValidOn(JUL_1));
    }

    @Test
    @DisplayName("Close with successor: last valid day is the day before; successor must exist then; no second closing")
    void closeRules() {
        Agency qt = province();
        Agency oldCommune = Agency.create("QT.D464.HO_XA", "Thị trấn Hồ Xá", AgencyKind.TOWN, AgencyLevel.COMMUNE, qt,
            LocalDate.of(1990, 1, 1), null, false);
        Agency newCommune = Agency.create("QT25.XA_VINH_LINH", "Xã Vĩnh Linh", AgencyKind.COMMUNE, AgencyLevel.COMMUNE,
            qt, JUL_1, "000.00.60.H50", true);
        assertEquals("SUCCESSOR_NOT_VALID", reason(() -> oldCommune.close(JUN_30, newCommune)));
        assertEquals("SUCCESSOR_IS_SELF", reason(() -> oldCommune.close(JUL_1, oldCommune)));
        assertEquals("EFFECTIVE_DATE_BEFORE_VALID_FROM", reason(() -> oldCommune.close(LocalDate.of(1990, 1, 1), null)));
        oldCommune.close(JUL_1, newCommune);
        assertEquals(JUN_30, oldCommune.validTo());
        assertSame(newCommune, oldCommune.successor());
        assertTrue(oldCommune.isValidOn(JUN_30));
        assertFalse(oldCommune.isValidOn(JUL_1));
        assertThrows(ConflictException.class, () -> oldCommune.close(LocalDate.of(2026, 1, 1), null));
        assertEquals("AGENCY_CLOSED", reason(() -> oldCommune.rename("Thị trấn Hồ Xá mới", LocalDate.of(2025, 8, 1))));
    }

    @Test
    @DisplayName("Moving a unit under itself or a descendant is a cycle; the new parent must exist on the date")
    void moveRules() {
        Agency qt = province();
        Agency a = Agency.create("QT.A", "Sở A", AgencyKind.DEPARTMENT, AgencyLevel.DEPARTMENT, qt, JUN_30, null, false);
        Agency b = Agency.create("QT.A.B", "Chi cục B", AgencyKind.DEPARTMENT, AgencyLevel.DEPARTMENT, a, JUN_30, null, false);
        Agency c = Agency.create("QT.A.B.C", "Trạm C", AgencyKind.DEPARTMENT, AgencyLevel.DEPARTMENT, b, JUN_30, null, false);
        assertEquals("CYCLE_IN_TREE", reason(() -> a.moveUnder(c, JUL_1)));
        assertEquals("CYCLE_IN_TREE", reason(() -> a.moveUnder(a, JUL_1)));
        assertEquals("PROVINCE_HAS_NO_PARENT", reason(() -> qt.moveUnder(a, JUL_1)));
        Agency d = Agency.create("QT.D", "Sở D", AgencyKind.DEPARTMENT, AgencyLevel.DEPARTMENT, qt, JUN_30, null, false);
        d.close(JUL_1, a);
        RuleViolationException e = assertThrows(RuleViolationException.class, () -> c.moveUnder(d, JUL_1));
        assertEquals("PARENT_NOT_VALID", e.reason());
        assertTrue(e.getMessage().contains("01/07/2025"), e.getMessage());
        c.moveUnder(a, JUL_1);
        assertSame(a, c.parent());
        assertNull(qt.parent());
    }
}
