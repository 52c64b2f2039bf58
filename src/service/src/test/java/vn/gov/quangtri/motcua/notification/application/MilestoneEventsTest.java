package vn.gov.quangtri.motcua.notification.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.account.application.SystemTask;
import vn.gov.quangtri.motcua.dossier.application.ActionTime;
import vn.gov.quangtri.motcua.dossier.application.DossierChanged;
import vn.gov.quangtri.motcua.dossier.application.ProcessingService;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.infrastructure.DossierRepository;
import vn.gov.quangtri.motcua.notification.domain.Milestone;
import vn.gov.quangtri.motcua.shared.infrastructure.persistence.AdminTestBed;

/**
 * What the applicant notifications see of dossier changes (docs/domain.md §2.14): each change made through the
 * change path fires one {@link DossierChanged} whose new history events map to the milestones announced; a change
 * held for a leader's approval (keyed too late) fires nothing.
 */
class MilestoneEventsTest {

    private static AdminTestBed bed;
    private static ProcessingService processing;
    private static final AdminTestBed.MovableClock CLOCK = new AdminTestBed.MovableClock();

    @BeforeAll
    static void wire() {
        bed = new AdminTestBed();
        DossierRepository repo = new DossierRepository();
        AdminTestBed.set(repo, "em", bed.em());
        processing = bed.wire(new ProcessingService());
        AdminTestBed.set(processing, "dossiers", repo);
        AdminTestBed.set(processing, "clock", CLOCK);
    }

    @AfterAll
    static void close() {
        bed.close();
    }

    private static Instant vn(int day, int hour) {
        return AdminTestBed.vn(2026, 3, day, hour, 0);
    }

    /** The milestones of the last change fired. */
    private static List<Milestone> lastMilestones() {
        List<DossierChanged> fired = bed.dossierChanges.fired();
        DossierChanged last = fired.get(fired.size() - 1);
        return last.dossier().history().stream().filter(e -> e.seq() > last.afterSeq()).map(Milestone::of)
            .filter(Objects::nonNull).toList();
    }

    private static void as(String actor, Instant now, java.util.function.Supplier<Dossier> action) {
        CLOCK.now = now;
        bed.tx(() -> SystemTask.run(actor, action));
    }

    @Test
    @DisplayName("Supplement, resume, obligation, step, refusal: one event per change, milestones only where due")
    void milestones() {
        String code = bed.receive("1.004873", "QT25.XA_VINH_LINH", vn(2, 9));
        int before = bed.dossierChanges.fired().size();
        as("chuyenvien.vinhlinh", vn(2, 10), () -> processing.requestSupplement(code, List.of("Bản sao trích lục ly hôn"),
            "Mang bản chính", ActionTime.NOW, null));
        assertEquals(List.of(Milestone.SUPPLEMENT_REQUESTED), lastMilestones());
        as("tiepnhan.vinhlinh", vn(2, 11), () -> processing.resume(code, null, ActionTime.NOW, null));
        assertEquals(List.of(), lastMilestones());
        as("chuyenvien.vinhlinh", vn(2, 14), () -> processing.requestFinancialObligation(code,
            "Nộp lệ phí 15.000 đồng", ActionTime.NOW, null));
        assertEquals(List.of(Milestone.FINANCIAL_OBLIGATION), lastMilestones());
        assertEquals(before + 3, bed.dossierChanges.fired().size());

        // Keyed a week after it happened: held for a leader's approval, rolled back, nothing announced.
        CLOCK.now = vn(13, 10);
        RuntimeException held = bed.failing(() -> SystemTask.run("tiepnhan.vinhlinh", () -> processing.resume(code,
            null, new ActionTime(vn(3, 9), "Sổ sách nhập muộn"), null)));
        assertEquals("BACKDATING_APPROVAL_REQUESTED",
            ((vn.gov.quangtri.motcua.shared.domain.DomainException) held).reason());
        assertEquals(before + 3, bed.dossierChanges.fired().size());

        as("lanhdao.vinhlinh", vn(13, 11), () -> processing.stop(code, "Công dân rút hồ sơ", ActionTime.NOW, null));
        assertEquals(List.of(), lastMilestones());
    }
}
