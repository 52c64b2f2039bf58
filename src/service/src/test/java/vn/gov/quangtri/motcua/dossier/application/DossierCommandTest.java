package vn.gov.quangtri.motcua.dossier.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.dossier.domain.Decision;
import vn.gov.quangtri.motcua.dossier.domain.DossierAction;

/** What a backdating request keeps of an action comes back unchanged (issue 11 item 2). */
class DossierCommandTest {

    @Test
    @DisplayName("Every field of an action survives the JSON a backdating request stores, Vietnamese text included")
    void roundTrip() {
        DossierCommand approve = new DossierCommand(DossierAction.APPROVE, "Đồng ý \"cấp\"\nlần 2", null, null, null,
            null, null, null, null, new Decision("125/QĐ-UBND", LocalDate.of(2026, 3, 6), "Chủ tịch UBND xã"));
        assertEquals(approve, DossierCommand.fromJson(approve.toJson()));
        DossierCommand resume = new DossierCommand(DossierAction.RESUME, null, null, null, null,
            List.of("Bản sao CCCD", "Trích lục"), null, null, null, null);
        assertEquals(resume, DossierCommand.fromJson(resume.toJson()));
        DossierCommand all = new DossierCommand(DossierAction.RETURN_RESULT, "n", "r", "h", List.of("a"), List.of(),
            Instant.parse("2026-03-12T03:00:00Z"), "Nguyễn Thị Lan", "POSTAL", null);
        DossierCommand back = DossierCommand.fromJson(all.toJson());
        assertEquals(all, back);
        assertEquals(List.of(), back.receivedItems(), "an empty list is not 'all items' (null)");
        assertNull(DossierCommand.fromJson(DossierCommand.withNote(DossierAction.STOP, null).toJson()).receivedItems());
    }
}
