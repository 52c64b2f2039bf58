package vn.gov.quangtri.motcua.dossier.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.agency.domain.Agency;
import vn.gov.quangtri.motcua.agency.domain.AgencyKind;
import vn.gov.quangtri.motcua.agency.domain.AgencyLevel;
import vn.gov.quangtri.motcua.calendar.domain.Appointment;
import vn.gov.quangtri.motcua.calendar.domain.OfficeHours;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimit;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.catalogue.domain.DocumentForm;
import vn.gov.quangtri.motcua.catalogue.domain.Procedure;
import vn.gov.quangtri.motcua.catalogue.domain.ProcedureLevel;
import vn.gov.quangtri.motcua.dossier.domain.Apology;
import vn.gov.quangtri.motcua.dossier.domain.Applicant;
import vn.gov.quangtri.motcua.dossier.domain.Channel;
import vn.gov.quangtri.motcua.dossier.domain.DocumentLine;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierAction;
import vn.gov.quangtri.motcua.dossier.domain.DossierCode;
import vn.gov.quangtri.motcua.dossier.domain.DossierIntake;
import vn.gov.quangtri.motcua.dossier.domain.DossierPauses;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.dossier.domain.ProcessPlanner;
import vn.gov.quangtri.motcua.dossier.domain.Submission;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/** The dossier screen's read model assembled from a domain dossier, without a container (issue 10 §4). */
class DossierViewsTest {

    private static final WorkingCalendar CAL = new WorkingCalendar(OfficeHours.standard(), Map.of());

    private static final DossierView.InterAgency NO_TRANSFERS =
        new DossierView.InterAgency(List.of(), List.of(), false, false, false, false, "X");

    private static Instant vn(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 3, day, hour, minute, 0, 0, VietnamTime.ZONE).toInstant();
    }

    /** 3 working days, received Mon 2 Mar 2026 08:15 (appointment Thu 5 Mar 08:15). */
    private static Dossier received() {
        Procedure p = new Procedure("1.004873", false, "Cấp Giấy xác nhận tình trạng hôn nhân", "Hộ tịch",
            Set.of(ProcedureLevel.COMMUNE), TimeLimit.workingDays(3));
        p.addRequiredDocument("Tờ khai", DocumentForm.ORIGINAL, 1);
        Agency commune = new Agency("QT25.XA_VINH_LINH", "Xã Vĩnh Linh", AgencyKind.COMMUNE, AgencyLevel.COMMUNE, null,
            "000.00.60.H50", true);
        Instant at = vn(2, 8, 15);
        Instant start = CAL.clockStart(at);
        Instant due = CAL.dueAt(start, p.timeLimit());
        Submission s = new Submission(new DossierCode("000.00.60.H50-260302-0007"), p, commune, Channel.DIRECT,
            new Applicant(Applicant.Kind.INDIVIDUAL, "Trần Thị Mỹ Duyên", "045190001234", "0912345678", null, null),
            List.of(new DocumentLine(1, "Tờ khai", DocumentForm.ORIGINAL, 1)), at);
        Appointment appointment = new Appointment(start, due);
        return DossierIntake.receive(s, appointment, ProcessPlanner.plan(p, CAL, appointment), CAL, "nguyen.van.a",
            null);
    }

    @Test
    @DisplayName("After an apology the desk sees the countdown to the new appointment beside the lateness against the original")
    void countdownToTheNewAppointment() {
        Dossier d = received();
        Apology.reschedule(d, vn(6, 9, 0), "lanhdao", vn(10, 8, 0), "Chờ xác minh tại địa phương khác", CAL);
        DossierView v = DossierViews.assemble(d, vn(6, 10, 0), CAL, EnumSet.noneOf(DossierAction.class), Map.of(),
            List.of(), NO_TRANSFERS, List.of());
        // Thu 5 Mar 08:15 → Fri 6 Mar 10:00: 3 h 45 + 4 h + 2 h = 9 h 45 min of office time = 1 day 1 h 45 min late.
        assertEquals("Quá hạn 1 ngày 1 giờ 45 phút", v.deadline().timeLeftVi());
        // Fri 10:00 → Tue 10 Mar 08:00: 2 h + 4 h + Mon 8 h = 14 h = 1 day 6 hours.
        assertEquals("Còn 1 ngày 6 giờ", v.deadline().toNewDueAt().vi());
        assertFalse(v.deadline().toNewDueAt().overdue());
        assertEquals(Countdown.NONE, DossierViews.assemble(received(), vn(6, 10, 0), CAL,
            EnumSet.noneOf(DossierAction.class), Map.of(), List.of(), NO_TRANSFERS, List.of()).deadline().toNewDueAt(),
            "no new appointment, no second countdown");
    }

    @Test
    @DisplayName("Header, clock, steps and history with full names (user name when unknown), forms, actions")
    void assembled() {
        Dossier d = received();
        d.completeStep(vn(2, 9, 0), "motcua.desk", null, CAL);
        DossierPauses.requestSupplement(d, vn(3, 10, 30), "chuyenvien.hoa", List.of("Bản sao trích lục ly hôn"), "Nộp tại Một cửa");

        DossierView v = DossierViews.assemble(d, vn(3, 11, 0), CAL, EnumSet.of(DossierAction.RESUME),
            Map.of("nguyen.van.a", "Nguyễn Văn A", "chuyenvien.hoa", "Lê Thị Hoa"), List.of(), NO_TRANSFERS, List.of());

        assertEquals(d.code(), v.code());
        assertEquals(d.version(), v.version());
        assertEquals(DossierStatus.SUPPLEMENT_REQUESTED_IN_PROCESS, v.status());
        assertEquals("1.004873", v.procedure().code());
        assertEquals(d.snapshot().revision(), v.procedure().revision());
        assertEquals("Xã Vĩnh Linh", v.unitName());
        assertEquals("Trần Thị Mỹ Duyên", v.applicant().name());
        assertEquals("INDIVIDUAL", v.applicant().kind());
        assertEquals(d.clock().receivedAt(), v.receivedOrSubmittedAt());
        assertEquals(d.clock().dueAt(), v.deadline().dueAt());
        assertTrue(v.deadline().timeLeftVi().isEmpty(), "issue 11 §3: the clock is paused, no countdown");
        assertEquals(vn(3, 10, 30), v.deadline().pausedAt(), "the pause is shown instead");
        assertFalse(v.deadline().overdue());

        assertEquals(d.steps().size(), v.steps().size());
        assertEquals(1, v.supplementCount());
        assertFalse(v.steps().get(1).overdueNow(), "the clock is paused: the open step is not running late");
        DossierView later = DossierViews.assemble(received(), vn(20, 9, 0), CAL, EnumSet.noneOf(DossierAction.class),
            Map.of(), List.of(), NO_TRANSFERS, List.of());
        assertTrue(later.steps().get(0).overdueNow(), "step 1 open past its deadline shows as late (trial finding)");
        assertFalse(later.steps().get(1).overdueNow(), "step 2 has not started");
        assertEquals("motcua.desk", v.steps().get(0).performer());
        assertEquals("motcua.desk", v.steps().get(0).performerName(), "unknown account: the user name");
        assertEquals(d.history().size(), v.history().size());
        assertEquals("Nguyễn Văn A", v.history().get(0).actorName());
        assertEquals("Lê Thị Hoa", v.history().get(v.history().size() - 1).actorName());
        assertEquals(List.of("Bản sao trích lục ly hôn"), v.requestedItems());
        assertEquals(1, v.documents().size());

        assertTrue(v.printableForms().containsAll(Set.of("receipt-slip", "control-sheet", "supplement-request")));
        assertFalse(v.printableForms().contains("refusal-slip"));
        assertTrue(v.allows(DossierAction.RESUME));
        assertFalse(v.allows(DossierAction.APPROVE));
        assertNull(v.deadline().suggestedNewDueAt(), "no apology due two days before the appointment");
        assertThrows(UnsupportedOperationException.class, () -> v.steps().clear(), "immutable");
    }

    @Test
    @DisplayName("The view survives the view state's serialization (no entity inside)")
    void serializable() throws Exception {
        DossierView v = DossierViews.assemble(received(), vn(2, 9, 0), CAL, EnumSet.of(DossierAction.ASSIGN),
            Map.of(), List.of(new DossierView.Person("chuyenvien.hoa", "Lê Thị Hoa")), NO_TRANSFERS, List.of());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(v);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(v, in.readObject());
        }
    }

    @Test
    @DisplayName("Inter-agency actions belong to the Liên thông panel, not the action bar")
    void panelActions() {
        assertTrue(DossierViews.panelAction(DossierAction.TRANSFER_OUT));
        assertTrue(DossierViews.panelAction(DossierAction.RETURN_TO_SENDER));
        assertFalse(DossierViews.panelAction(DossierAction.COMPLETE_STEP));
    }
}
