package vn.gov.quangtri.motcua.reporting.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The period report as PDF, read back with PDFBox: A4 landscape, Vietnamese text, the figures and the footer. */
class PeriodReportPdfTest {

    @Test
    @DisplayName("A4 landscape, Vietnamese title and headers, Hải Lăng-like row, total and the balance line")
    void rendered() throws IOException {
        byte[] pdf = new PeriodReportPdf().render("Ủy ban nhân dân tỉnh Quảng Trị", PeriodReportWorkbookTest.march());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(1, doc.getNumberOfPages());
            PDRectangle box = doc.getPage(0).getMediaBox();
            boolean turned = doc.getPage(0).getRotation() % 180 == 90; // OpenPDF: an A4 page turned by 90°
            assertEquals(PDRectangle.A4.getHeight(), turned ? box.getHeight() : box.getWidth(), 1, "landscape width");
            assertEquals(PDRectangle.A4.getWidth(), turned ? box.getWidth() : box.getHeight(), 1, "landscape height");
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " "); // cells wrap their headers
            assertTrue(text.contains("BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"), text);
            assertTrue(text.contains("Kỳ báo cáo: từ ngày 01/03/2026 đến ngày 31/03/2026"), text);
            assertTrue(text.contains("Kỳ trước chuyển qua"), text);
            assertTrue(text.contains("Xã Vĩnh Linh"), text);
            // the 16 counts (apologies last: 2), both rates and the balance, as the .xlsx row
            assertTrue(text.contains("7 3 1 2 1 3 1 1 1 2 1 1 1 1 1 2 66,7 28,6 Khớp"), text);
            assertTrue(text.contains("Tổng cộng"), text);
            assertTrue(text.contains("= 3 + 2 + 1 + 1 = 7 (khớp)."), text);
        }
    }

    @Test
    @DisplayName("The PDF carries every column of the .xlsx export (report_columns.csv), apologies and balance included")
    void sameColumnsAsTheWorkbook() throws IOException {
        byte[] pdf = new PeriodReportPdf().render("Tỉnh Quảng Trị", PeriodReportWorkbookTest.march());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            for (String header : TrackingBookWorkbook.PERIOD_HEADERS) {
                assertTrue(text.contains(header), header + " missing in: " + text);
            }
            assertTrue(text.contains("Xin lỗi, hẹn lại"), text);
            assertTrue(text.contains("Cân đối"), text);
        }
        assertEquals(21, TrackingBookWorkbook.PERIOD_HEADERS.length);
        assertEquals(16, TrackingBookWorkbook.periodCounts(PeriodReportWorkbookTest.march().total()).length);
        assertEquals(2, TrackingBookWorkbook.periodCounts(PeriodReportWorkbookTest.march().total())[15]);
    }
}
