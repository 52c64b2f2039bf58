package vn.gov.quangtri.motcua.dossier.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.account.application.SystemTask;
import vn.gov.quangtri.motcua.dossier.domain.DossierAction;
import vn.gov.quangtri.motcua.dossier.infrastructure.DossierRepository;
import vn.gov.quangtri.motcua.shared.domain.DomainException;
import vn.gov.quangtri.motcua.shared.infrastructure.persistence.AdminTestBed;

/**
 * What a trial user found offered and then refused, or accepted though it should not be (issue 10: allowed actions
 * are the one answer): a transfer offered where the step has no inter-agency leg, and a new appointment in a year
 * without a holiday calendar. Bed clock Mon 2 Mar 2026 09:00 (Asia/Ho_Chi_Minh).
 */
class ProcessingRulesTest {

    private static final String COMMUNE = "QT25.XA_VINH_LINH";

    private static AdminTestBed bed;
    private static ProcessingService processing;

    @BeforeAll
    static void wire() {
        bed = new AdminTestBed();
        DossierRepository repo = new DossierRepository();
        AdminTestBed.set(repo, "em", bed.em());
        processing = bed.wire(new ProcessingService());
        AdminTestBed.set(processing, "dossiers", repo);
    }

    @AfterAll
    static void close() {
        bed.close();
    }

    private static Set<DossierAction> allowed(String code) {
        return bed.tx(() -> processing.allowedActions(bed.dossier(code)));
    }

    @Test
    @DisplayName("TRANSFER_OUT is offered only at a step an inter-agency leg performs, while that leg is not at the partner")
    void transferOnlyAtALegStep() {
        String plain = bed.receive("1.004873", COMMUNE, AdminTestBed.vn(2026, 3, 2, 8, 0));
        assertFalse(allowed(plain).contains(DossierAction.TRANSFER_OUT), "1.004873 has no leg");
        // H50-L006: legs at steps 3 (land office) and 4 (tax).
        String land = bed.receive("H50-L006", COMMUNE, AdminTestBed.vn(2026, 3, 2, 8, 0));
        assertFalse(allowed(land).contains(DossierAction.TRANSFER_OUT), "step 1 is the desk's");
        for (int step = 1; step <= 2; step++) {
            bed.tx(() -> SystemTask.run("it.desk", () -> processing.completeStep(land, null, ActionTime.NOW, null)));
        }
        assertTrue(allowed(land).contains(DossierAction.TRANSFER_OUT), "step 3 is leg 1");
    }

    @Test
    @DisplayName("A new appointment in a year without a holiday calendar (2031) is refused: CALENDAR_YEAR_MISSING")
    void newAppointmentNeedsACalendar() {
        String code = bed.receive("1.004873", COMMUNE, AdminTestBed.vn(2026, 2, 23, 8, 0)); // overdue by 2 Mar
        Instant in2031 = AdminTestBed.vn(2031, 3, 3, 9, 0);
        RuntimeException e = bed.failing(() -> SystemTask.run("lanhdao.vinhlinh",
            () -> processing.reschedule(code, in2031, "Chờ xác minh", ActionTime.NOW, null)));
        assertEquals("CALENDAR_YEAR_MISSING", assertInstanceOf(DomainException.class, e).reason());
    }
}
