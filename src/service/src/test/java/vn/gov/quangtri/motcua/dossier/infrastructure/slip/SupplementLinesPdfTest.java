package vn.gov.quangtri.motcua.dossier.infrastructure.slip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
import vn.gov.quangtri.motcua.dossier.domain.Applicant;
import vn.gov.quangtri.motcua.dossier.domain.Channel;
import vn.gov.quangtri.motcua.dossier.domain.DocumentLine;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierCode;
import vn.gov.quangtri.motcua.dossier.domain.DossierIntake;
import vn.gov.quangtri.motcua.dossier.domain.DossierPauses;
import vn.gov.quangtri.motcua.dossier.domain.ProcessPlanner;
import vn.gov.quangtri.motcua.dossier.domain.Submission;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * Issue 9 items 10–11 on paper: form 02 prints each item to supplement on its own line, then the officer's
 * note; form 06 prints the planned step deadlines. Text read back line by line (PDFBox).
 */
class SupplementLinesPdfTest {

    private static final WorkingCalendar CAL = new WorkingCalendar(OfficeHours.standard(), Map.of());

    private static Instant vn(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 3, day, hour, minute, 0, 0, VietnamTime.ZONE).toInstant();
    }

    /** 3 working days, received Mon 2 Mar 2026 08:15: generic plan 72 / 864 / 288 / 216 working minutes. */
    private static Dossier received() {
        Procedure p = new Procedure("1.004873", false, "Cấp Giấy xác nhận tình trạng hôn nhân", "Hộ tịch",
            Set.of(ProcedureLevel.COMMUNE), TimeLimit.workingDays(3));
        p.addRequiredDocument("Tờ khai", DocumentForm.ORIGINAL, 1);
        Agency commune = new Agency("QT25.XA_VINH_LINH", "Xã Vĩnh Linh", AgencyKind.COMMUNE, AgencyLevel.COMMUNE, null,
            "000.00.60.H50", true);
        Instant at = vn(2, 8, 15);
        Instant start = CAL.clockStart(at);
        Instant due = CAL.dueAt(start, p.timeLimit());
        return DossierIntake.receive(new Submission(new DossierCode("000.00.60.H50-260302-0007"), p, commune,
                Channel.DIRECT, new Applicant(Applicant.Kind.INDIVIDUAL, "Trần Thị Mỹ Duyên", "045190001234",
                "0912345678", null, null), List.of(new DocumentLine(1, "Tờ khai", DocumentForm.ORIGINAL, 1)), at),
                new Appointment(start, due), ProcessPlanner.plan(p, CAL, new Appointment(start, due)), CAL,
                "nguyen.van.a", null);
    }

    private static List<String> lines(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return Arrays.stream(new PDFTextStripper().getText(doc).split("\\R")).map(String::strip).toList();
        }
    }

    @Test
    @DisplayName("Form 02: one line per item, then the note")
    void oneItemPerLine() throws Exception {
        Dossier d = received();
        d.completeStep(vn(2, 9, 0), "motcua.desk", null, CAL);
        DossierPauses.requestSupplement(d, vn(3, 10, 30), "chuyenvien.hoa",
            List.of("Bản sao trích lục ly hôn", "Tờ khai có chữ ký người yêu cầu"), "Nộp tại Bộ phận Một cửa");
        List<String> lines = lines(new OneStopFormsPdf().supplementRequest(d));
        int first = lines.indexOf("1. Bản sao trích lục ly hôn");
        assertTrue(first > 0, "item 1 alone on its line: " + lines);
        assertEquals("2. Tờ khai có chữ ký người yêu cầu", lines.get(first + 1));
        assertEquals("Ghi chú: Nộp tại Bộ phận Một cửa", lines.get(first + 2));
    }

    @Test
    @DisplayName("Form 06: step deadlines of the plan, step 3 not moved by step 2 finishing late")
    void controlSheetShowsThePlan() throws Exception {
        Dossier d = received();
        d.completeStep(vn(2, 9, 0), "motcua.desk", null, CAL);
        // Step 2 planned at 72 + 864 = 936 minutes from Mon 08:15: Mon 08:15–12:00 (225) + 240 = 465;
        // Tue 471 of 480 → 17:00 − 9 min = 16:51. Finished late on Wed 4 Mar 09:00.
        assertEquals(vn(3, 16, 51), d.steps().get(1).dueAt());
        d.completeStep(vn(4, 9, 0), "chuyenvien.hoa", null, CAL);
        // Step 3 at 1,224: Mon 465, Tue 480 → 945, Wed 279: 240 to 12:00, 13:00 + 39 = 13:39.
        assertEquals(vn(4, 13, 39), d.steps().get(2).dueAt());
        String text = String.join(" ", lines(new OneStopFormsPdf().controlSheet(d)));
        assertTrue(text.contains("16 giờ 51 phút, ngày 03/03/2026"), text);
        assertTrue(text.contains("13 giờ 39 phút, ngày 04/03/2026"), text);
        assertTrue(text.contains("08 giờ 15 phút, ngày 05/03/2026"), "step 4 ends with the appointment: " + text);
    }
}
