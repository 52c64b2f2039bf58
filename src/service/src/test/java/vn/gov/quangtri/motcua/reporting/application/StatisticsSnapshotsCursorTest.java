package vn.gov.quangtri.motcua.reporting.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.agency.domain.AgencyLevel;
import vn.gov.quangtri.motcua.reporting.domain.StatisticsSnapshot;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;

/** The keyset cursor of the statistics snapshot's pages, and the unit-code shape of the report scope. */
class StatisticsSnapshotsCursorTest {

    @Test
    @DisplayName("A cursor gives back the key of the row it was made from (Vietnamese field, empty procedure)")
    void roundTrip() {
        StatisticsSnapshot.Row row = new StatisticsSnapshot.Row(LocalDate.of(2026, 3, 2), "QT25.XA_HAI_LANG", "",
            "Hộ tịch", AgencyLevel.COMMUNE, Map.of());
        String cursor = StatisticsSnapshots.encodeCursor(row);
        assertEquals(false, cursor.contains("=") || cursor.contains("/") || cursor.contains("+"), cursor);
        assertArrayEquals(new String[] {"2026-03-02", "QT25.XA_HAI_LANG", "", "Hộ tịch"},
            StatisticsSnapshots.decodeCursor(cursor));
    }

    @Test
    @DisplayName("Anything else is 400 INVALID_INPUT")
    void refused() {
        for (String bad : new String[] {"not-a-cursor", "!!", java.util.Base64.getUrlEncoder().encodeToString(
            "2026-13-01\u001fA\u001fB\u001fC".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            java.util.Base64.getUrlEncoder().encodeToString("2026-03-01\u001fA".getBytes(
                java.nio.charset.StandardCharsets.UTF_8))}) {
            RuleViolationException e = assertThrows(RuleViolationException.class,
                () -> StatisticsSnapshots.decodeCursor(bad), bad);
            assertEquals("INVALID_INPUT", e.reason());
        }
    }

    @Test
    @DisplayName("Unit codes: letters, digits, '.', '_', '-'; path pieces and quotes are malformed")
    void unitCodes() {
        for (String ok : new String[] {"QT25.XA_HAI_LANG", "QT", "QT25.PHUONG_DONG_HA", "a-1"}) {
            assertEquals(true, ReportScope.UNIT_CODE.matcher(ok).matches(), ok);
        }
        for (String bad : new String[] {"../../", "..", ".QT", "QT25/XA", "QT'--", "QT XA", "", "A".repeat(65)}) {
            assertEquals(false, ReportScope.UNIT_CODE.matcher(bad).matches(), bad);
        }
    }
}
