package vn.gov.quangtri.motcua.dossier.infrastructure.slip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
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
import vn.gov.quangtri.motcua.dossier.domain.Apology;
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

/** The one-stop forms: Vietnamese text as extracted from the PDF, QR decoded back to the code. */
class OneStopFormsPdfTest {

    /** No holidays; office hours 08–12, 13–17. On Wed 4 Mar 09:00 a dossier still at step 1 is due an apology. */
    private static final WorkingCalendar OPEN_CALENDAR = new WorkingCalendar(OfficeHours.standard(), Map.of());

    private static Dossier received() {
        WorkingCalendar cal = new WorkingCalendar(OfficeHours.standard(), Map.of());
        Procedure p = new Procedure("1.004873", false, "Cấp Giấy xác nhận tình trạng hôn nhân", "Hộ tịch",
            Set.of(ProcedureLevel.COMMUNE), TimeLimit.workingDays(3));
        p.addRequiredDocument("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", DocumentForm.ORIGINAL, 1);
        Agency commune = new Agency("QT25.XA_VINH_LINH", "Xã Vĩnh Linh", AgencyKind.COMMUNE, AgencyLevel.COMMUNE, null,
            "000.00.60.H50", true);
        // C12: a receipt at 08:15 on 2 March 2026 prints 08:15 02/03/2026 whatever the JVM zone (tests run in Amsterdam).
        Instant at = ZonedDateTime.of(2026, 3, 2, 8, 15, 0, 0, VietnamTime.ZONE).toInstant();
        Instant start = cal.clockStart(at);
        Instant due = cal.dueAt(start, p.timeLimit());
        return DossierIntake.receive(new Submission(new DossierCode("000.00.60.H50-260302-0007"), p, commune,
                Channel.DIRECT, new Applicant(Applicant.Kind.INDIVIDUAL, "Trần Thị Mỹ Duyên", "045190001234",
                "0912345678",
                "duyen@example.vn", "Số 12 ngõ 34, xã Vĩnh Linh"), List.of(new DocumentLine(1,
                        "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", DocumentForm.ORIGINAL, 1)), at),
                        new Appointment(start, due), ProcessPlanner.plan(p, cal, new Appointment(start, due)), cal,
                        "nguyen.van.a", null);
    }

    @Test
    @DisplayName("Form 01 holds the code, applicant, procedure, documents, receipt 08:15 02/03/2026 and appointment 08:15 05/03/2026")
    void textOfTheSlip() throws Exception {
        byte[] pdf = new OneStopFormsPdf().receipt(received());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(1, doc.getNumberOfPages());
            java.nio.file.Files.write(java.nio.file.Path.of("target", "receipt-slip-sample.pdf"), pdf);
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            for (String expected : List.of("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Mã hồ sơ: 000.00.60.H50-260302-0007", "Trần Thị Mỹ Duyên", "Số 12 ngõ 34, xã Vĩnh Linh",
                "Cấp Giấy xác nhận tình trạng hôn nhân (mã thủ tục 1.004873)", "Bản chính", "3 ngày làm việc",
                "Thời gian nhận hồ sơ: 08 giờ 15 phút, ngày 02/03/2026",
                "Thời gian trả kết quả giải quyết hồ sơ: 08 giờ 15 phút, ngày 05/03/2026",
                "nguyen.van.a", "Thông tư 03/2025/TT-VPCP")) {
                assertTrue(text.contains(expected), "missing '" + expected + "' in: " + text);
            }
        }
    }

    @Test
    @DisplayName("Receipt with the public lookup: the QR code is the page link with code and secret, the secret is printed, the barcode keeps the bare code")
    void receiptWithPublicLookup() throws Exception {
        var link = new OneStopFormsPdf.PublicLink("https://dvc.quangtri.gov.vn/motcua/public/lookup.xhtml",
            "7K2M-QX9P-A3RT-VW4N-H8JC");
        byte[] pdf = new OneStopFormsPdf().receipt(received(), link);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 200);
            var qr = new MultiFormatReader().decode(
                new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))),
                Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE), DecodeHintType.TRY_HARDER, true));
            assertEquals("https://dvc.quangtri.gov.vn/motcua/public/lookup.xhtml?code=000.00.60.H50-260302-0007"
                + "&token=7K2M-QX9P-A3RT-VW4N-H8JC", qr.getText());
            var bar = new MultiFormatReader().decode(
                new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))),
                Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.CODE_128), DecodeHintType.TRY_HARDER, true));
            assertEquals("000.00.60.H50-260302-0007", bar.getText());
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("Mã tra cứu (giữ bí mật): 7K2M-QX9P-A3RT-VW4N-H8JC"), text);
            assertTrue(text.contains("https://dvc.quangtri.gov.vn/motcua/public/lookup.xhtml"), text);
        }
        byte[] reprint = new OneStopFormsPdf().receipt(received(),
            new OneStopFormsPdf.PublicLink("https://dvc.quangtri.gov.vn/motcua/public/lookup.xhtml", null));
        String again = text(reprint);
        assertTrue(again.contains("đã in trên giấy tiếp nhận lần đầu"), again);
        assertTrue(!again.contains("7K2M"), again);
    }

    @Test
    @DisplayName("The QR code on the printed page decodes back to the dossier code")
    void qrCodeDecodes() throws Exception {
        byte[] pdf = new OneStopFormsPdf().receipt(received());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 200);
            var result = new MultiFormatReader().decode(
                new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))),
                Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE), DecodeHintType.TRY_HARDER, true));
            assertEquals("000.00.60.H50-260302-0007", result.getText());
        }
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    @DisplayName("Form 02 lists every item to supplement; form 03 gives the reason; form 06 has a row per step")
    void otherForms() throws Exception {
        Dossier d = received();
        WorkingCalendar cal = new WorkingCalendar(OfficeHours.standard(), Map.of());
        d.completeStep(ZonedDateTime.of(2026, 3, 2, 9, 0, 0, 0, VietnamTime.ZONE).toInstant(), "motcua.desk", null, cal);
        DossierPauses.requestSupplement(d, ZonedDateTime.of(2026, 3, 3, 10, 30, 0, 0, VietnamTime.ZONE).toInstant(), "chuyenvien.hoa",
            List.of("Bản sao trích lục ly hôn", "Tờ khai có chữ ký người yêu cầu"), null);
        String supplement = text(new OneStopFormsPdf().supplementRequest(d));
        for (String expected : List.of("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Kính gửi: Trần Thị Mỹ Duyên",
            "1. Bản sao trích lục ly hôn 2. Tờ khai có chữ ký người yêu cầu", "chuyenvien.hoa",
                    "10 giờ 30 phút, ngày 03/03/2026")) {
            assertTrue(supplement.contains(expected), "missing '" + expected + "' in: " + supplement);
        }
        byte[] sheetPdf = new OneStopFormsPdf().controlSheet(d);
        java.nio.file.Files.write(java.nio.file.Path.of("target", "control-sheet-sample.pdf"), sheetPdf);
        String sheet = text(sheetPdf);
        for (String expected : List.of("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Thẩm định hồ sơ",
            "09 giờ 00 phút, ngày 02/03/2026 (motcua.desk)", "Đúng hạn")) {
            assertTrue(sheet.contains(expected), "missing '" + expected + "' in: " + sheet);
        }
        assertThrows(IllegalStateException.class, () -> new OneStopFormsPdf().refusal(d));
        assertThrows(IllegalStateException.class, () -> new OneStopFormsPdf().apology(d));
        // d's clock is paused by the supplement request; the apology goes to a dossier still at step 1 on
        // Wed 4 Mar 09:00 (435 working minutes left, less than the 1,368 its later steps need).
        Dossier late = received();
        Apology.reschedule(late, ZonedDateTime.of(2026, 3, 4, 9, 0, 0, 0, VietnamTime.ZONE).toInstant(), "pho.chu.tich",
            ZonedDateTime.of(2026, 3, 10, 8, 15, 0, 0, VietnamTime.ZONE).toInstant(), "Chờ kết quả xác minh tại xã khác",
            cal);
        String apology = text(new OneStopFormsPdf().apology(late));
        for (String expected : List.of("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
                "Ngày hẹn trả kết quả: 08 giờ 15 phút, ngày 05/03/2026",
            "Chờ kết quả xác minh tại xã khác", "Thời gian hẹn trả kết quả mới: 08 giờ 15 phút, ngày 10/03/2026")) {
            assertTrue(apology.contains(expected), "missing '" + expected + "' in: " + apology);
        }

        Dossier refused = DossierIntake.refuseAtIntake(new Submission(new DossierCode("000.00.60.H50-260302-0009"),
                d.procedure(), d.receivingAgency(), Channel.DIRECT, d.applicant(), List.of(), d.clock().receivedAt()),
                "motcua.desk", "Thủ tục thuộc thẩm quyền Công an xã, đề nghị nộp tại Công an xã Vĩnh Linh");
        String refusal = text(new OneStopFormsPdf().refusal(refused));
        assertTrue(refusal.contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"), refusal);
        assertTrue(refusal.contains("Thủ tục thuộc thẩm quyền Công an xã, đề nghị nộp tại Công an xã Vĩnh Linh"), refusal);
    }

    private static Instant vn(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 3, day, hour, minute, 0, 0, VietnamTime.ZONE).toInstant();
    }

    private static final Map<String, String> FULL_NAMES = Map.of("tiepnhan.vl", "Nguyễn Thị Tiếp Nhận",
        "chuyenvien.vl", "Lê Văn Thẩm Định", "lanhdao.vl", "Hoàng Văn Lãnh Đạo", "phochutich.vl", "Trần Thị Phó Chủ Tịch");
    private static final Set<String> LEADERS = Set.of("lanhdao.vl", "phochutich.vl");

    private static OneStopFormsPdf forms(List<String> agencyLeaders) {
        return new OneStopFormsPdf(u -> FULL_NAMES.getOrDefault(u, u), LEADERS::contains, agencyLeaders);
    }

    private static String signer(String text) {
        int at = text.lastIndexOf("THỦ TRƯỞNG CƠ QUAN GIẢI QUYẾT (Ký và ghi rõ họ tên)");
        assertTrue(at >= 0, "no agency head signature block in: " + text);
        return text.substring(at + "THỦ TRƯỞNG CƠ QUAN GIẢI QUYẾT (Ký và ghi rõ họ tên)".length()).trim();
    }

    @Test
    @DisplayName("Form 04 recorded by the desk is signed by the agency's leader (full name), never by the desk officer")
    void apologySignedByTheAgencyHead() throws Exception {
        Dossier d = received();
        Apology.reschedule(d, vn(4, 9, 0), "tiepnhan.vl", vn(10, 8, 15), "Chờ kết quả xác minh tại xã khác",
            OPEN_CALENDAR);
        // the commune's only active leader signs for the head of the agency
        String text = text(forms(List.of("lanhdao.vl")).apology(d));
        assertTrue(signer(text).startsWith("Hoàng Văn Lãnh Đạo"), text);
        assertFalse(text.contains("Nguyễn Thị Tiếp Nhận"), text);
        assertFalse(text.contains("tiepnhan.vl"), text);
        // two leaders, none acted on the dossier: nobody is guessed, the name is left for a handwritten signature
        String unsure = text(forms(List.of("lanhdao.vl", "phochutich.vl")).apology(d));
        assertFalse(unsure.contains("Nguyễn Thị Tiếp Nhận") || unsure.contains("Hoàng Văn Lãnh Đạo")
            || unsure.contains("Trần Thị Phó Chủ Tịch"), unsure);
    }

    @Test
    @DisplayName("Form 04 recorded by a leader is signed by that leader; with two leaders the one who acted on the dossier signs")
    void apologySignedByTheReschedulingLeader() throws Exception {
        Dossier byLeader = received();
        Apology.reschedule(byLeader, vn(4, 9, 0), "phochutich.vl", vn(10, 8, 15), "Chờ kết quả xác minh tại xã khác",
            OPEN_CALENDAR);
        assertTrue(signer(text(forms(List.of("lanhdao.vl", "phochutich.vl")).apology(byLeader)))
            .startsWith("Trần Thị Phó Chủ Tịch"));

        WorkingCalendar cal = new WorkingCalendar(OfficeHours.standard(), Map.of());
        Dossier approvedByDeputy = received();
        approvedByDeputy.assign(vn(2, 9, 0), "phochutich.vl", "tiepnhan.vl");
        Apology.reschedule(approvedByDeputy, vn(4, 9, 0), "tiepnhan.vl", vn(10, 8, 15), "Chờ kết quả xác minh tại xã khác",
            OPEN_CALENDAR);
        assertTrue(signer(text(forms(List.of("lanhdao.vl", "phochutich.vl")).apology(approvedByDeputy)))
            .startsWith("Trần Thị Phó Chủ Tịch"));
    }

    @Test
    @DisplayName("A dossier not approved has a written reply with the reason, signed by the rejecting leader's full name")
    void rejectionReply() throws Exception {
        WorkingCalendar cal = new WorkingCalendar(OfficeHours.standard(), Map.of());
        Dossier d = received();
        assertThrows(IllegalStateException.class, () -> forms(List.of("lanhdao.vl")).rejectionReply(d));
        d.completeStep(vn(2, 9, 0), "tiepnhan.vl", null, cal);
        d.completeStep(vn(3, 9, 0), "chuyenvien.vl", null, cal);
        d.disapprove(vn(3, 14, 20), "phochutich.vl", "Người yêu cầu đang có đăng ký kết hôn chưa chấm dứt");
        byte[] pdf = forms(List.of("lanhdao.vl", "phochutich.vl")).rejectionReply(d);
        java.nio.file.Files.write(java.nio.file.Path.of("target", "rejection-reply-sample.pdf"), pdf);
        String text = text(pdf);
        for (String expected : List.of("VĂN BẢN TRẢ LỜI / THÔNG BÁO KHÔNG GIẢI QUYẾT HỒ SƠ", "Kính gửi: Trần Thị Mỹ Duyên",
            "Mã hồ sơ: 000.00.60.H50-260302-0007", "Người yêu cầu đang có đăng ký kết hôn chưa chấm dứt",
            "Thời gian: 14 giờ 20 phút, ngày 03/03/2026")) {
            assertTrue(text.contains(expected), "missing '" + expected + "' in: " + text);
        }
        assertTrue(signer(text).startsWith("Trần Thị Phó Chủ Tịch"), text);
    }

    @Test
    @DisplayName("A dossier awaiting intake has no slip")
    void noSlipBeforeReceipt() {
        Dossier online = DossierIntake.submitOnline(new Submission(new DossierCode("000.00.60.H50-260302-0008"),
                new Procedure("1.004194", false, "Đăng ký tạm trú", "Cư trú", Set.of(), TimeLimit.workingDays(3)),
                new Agency("QT25.XA_VINH_LINH", "Xã Vĩnh Linh", AgencyKind.COMMUNE, AgencyLevel.COMMUNE, null,
                "000.00.60.H50", true), Channel.ONLINE, new Applicant(Applicant.Kind.INDIVIDUAL, "A", null, null,
                null, null), List.of(), Instant.now()), "portal");
        assertThrows(IllegalStateException.class, () -> new OneStopFormsPdf().receipt(online));
    }
}
