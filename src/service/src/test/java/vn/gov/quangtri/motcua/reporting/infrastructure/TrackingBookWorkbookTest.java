package vn.gov.quangtri.motcua.reporting.infrastructure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.dossier.domain.Timeliness;
import vn.gov.quangtri.motcua.reporting.application.TrackingBookRow;
import vn.gov.quangtri.motcua.reporting.domain.ReportPeriod;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/** Reads the written tracking book back with POI and checks real cell values (Vietnamese text, dates). */
class TrackingBookWorkbookTest {

    static final ReportPeriod MARCH = ReportPeriod.ofMonth(YearMonth.of(2026, 3));

    static Instant vn(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, VietnamTime.ZONE).toInstant();
    }

    private static XSSFWorkbook read(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    private static double num(Sheet s, String ref) {
        return cell(s, ref).getNumericCellValue(); // for a formula: the value cached in the file
    }

    private static Cell cell(Sheet s, String ref) {
        org.apache.poi.ss.util.CellReference r = new org.apache.poi.ss.util.CellReference(ref);
        return s.getRow(r.getRow()).getCell(r.getCol());
    }

    @Test
    @DisplayName("Tracking book: Vietnamese headers and text intact, moments as Excel dates dd/MM/yyyy HH:mm in Vietnam time")
    void trackingBook() throws IOException {
        TrackingBookRow returned = new TrackingBookRow(1, "000.00.60.H50-260302-0001", "Cấp Giấy xác nhận tình trạng hôn nhân", 1,
            "Nguyễn Thị Ánh", "Thôn Đông, xã Vĩnh Linh", "0912345678", "Xã Vĩnh Linh", "Lãnh đạo UBND cấp xã",
            vn(3, 2, 10, 0), vn(3, 5, 10, 0), null, vn(3, 2, 11, 15), vn(3, 5, 9, 30), vn(3, 6, 8, 5), "Nguyễn Thị Ánh",
            DossierStatus.RETURNED, Timeliness.EARLY, "Trước hạn");
        TrackingBookRow open = new TrackingBookRow(2, "000.00.60.H50-260302-0002", "Đăng ký khai sinh", 1,
            "Đặng Tiến Dũng", null, "0987000111", "Xã Vĩnh Linh", "Xã Vĩnh Linh", vn(3, 2, 16, 45), vn(3, 5, 16, 45),
            vn(3, 10, 16, 45), null, null, null, null, DossierStatus.IN_PROCESS, null, "Đã xin lỗi, hẹn lại");
        TrackingBookRow child = new TrackingBookRow(3, "000.00.27.H50-260303-0001", "Đăng ký đất đai lần đầu", 1,
            "Hoàng Văn Bình", null, null, "Thuế tỉnh Quảng Trị", "Xã Vĩnh Linh", vn(3, 3, 9, 0), vn(3, 6, 9, 0), null,
            null, null, null, null, DossierStatus.IN_PROCESS, null, "", "000.00.60.H50-260302-0003");
        byte[] bytes = new TrackingBookWorkbook().trackingBook("Bộ phận Một cửa - Xã Vĩnh Linh",
            LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), List.of(returned, open, child));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "tracking-book-sample.xlsx"), bytes);
        try (XSSFWorkbook wb = read(bytes)) {
            Sheet s = wb.getSheet(TrackingBookWorkbook.TRACKING_BOOK_SHEET);
            assertEquals("SỔ THEO DÕI HỒ SƠ", cell(s, "A1").getStringCellValue());
            assertEquals("Bộ phận Một cửa - Xã Vĩnh Linh", cell(s, "A2").getStringCellValue());
            assertEquals("Từ ngày 01/03/2026 đến ngày 31/03/2026", cell(s, "A3").getStringCellValue());
            Row header = s.getRow(4);
            String[] headers = new String[header.getLastCellNum()];
            for (int c = 0; c < headers.length; c++) {
                headers[c] = header.getCell(c).getStringCellValue();
            }
            assertArrayEquals(TrackingBookWorkbook.TRACKING_BOOK_HEADERS, headers);
            assertEquals("Ngày, giờ hẹn trả kết quả", cell(s, "I5").getStringCellValue());
            assertEquals(5, s.getPaneInformation().getHorizontalSplitTopRow(), "header frozen");
            assertTrue(s.getColumnWidth(2) >= 40 * 256);

            assertEquals(1, (int) num(s, "A6"));
            assertEquals("000.00.60.H50-260302-0001", cell(s, "B6").getStringCellValue());
            assertEquals("Cấp Giấy xác nhận tình trạng hôn nhân", cell(s, "C6").getStringCellValue());
            assertEquals(1, (int) num(s, "D6"));
            assertEquals("Nguyễn Thị Ánh", cell(s, "E6").getStringCellValue());
            assertEquals("Thôn Đông, xã Vĩnh Linh; ĐT: 0912345678", cell(s, "F6").getStringCellValue());
            assertEquals("Lãnh đạo UBND cấp xã", cell(s, "G6").getStringCellValue());
            Cell received = cell(s, "H6");
            assertTrue(DateUtil.isCellDateFormatted(received), "a real date cell");
            assertEquals(TrackingBookWorkbook.DATE_TIME_FORMAT, received.getCellStyle().getDataFormatString());
            assertEquals(LocalDateTime.of(2026, 3, 2, 10, 0), received.getLocalDateTimeCellValue(), "Vietnam wall-clock time");
            assertEquals("02/03/2026 10:00", new DataFormatter(Locale.US).formatCellValue(received));
            assertEquals(LocalDateTime.of(2026, 3, 5, 10, 0), cell(s, "I6").getLocalDateTimeCellValue());
            assertEquals(LocalDateTime.of(2026, 3, 2, 11, 15), cell(s, "J6").getLocalDateTimeCellValue());
            assertEquals(LocalDateTime.of(2026, 3, 5, 9, 30), cell(s, "K6").getLocalDateTimeCellValue());
            assertEquals(LocalDateTime.of(2026, 3, 6, 8, 5), cell(s, "L6").getLocalDateTimeCellValue());
            assertEquals("Nguyễn Thị Ánh", cell(s, "M6").getStringCellValue());
            assertEquals("Trước hạn", cell(s, "N6").getStringCellValue());

            assertEquals("Đặng Tiến Dũng", cell(s, "E7").getStringCellValue());
            assertEquals("ĐT: 0987000111", cell(s, "F7").getStringCellValue());
            assertEquals(LocalDateTime.of(2026, 3, 2, 16, 45), cell(s, "H7").getLocalDateTimeCellValue());
            assertEquals(CellType.BLANK, cell(s, "J7").getCellType(), "not yet transferred");
            assertEquals("Đã xin lỗi, hẹn lại; hẹn lại: 10/03/2026 16:45", cell(s, "N7").getStringCellValue());

            // Issue 11 §5: a child dossier's code cell names its parent; the others hold the code alone.
            assertEquals("000.00.27.H50-260303-0001\nHồ sơ gốc: 000.00.60.H50-260302-0003",
                cell(s, "B8").getStringCellValue());
            assertTrue(cell(s, "B8").getCellStyle().getWrapText(), "two lines shown");
            assertEquals("000.00.60.H50-260302-0002", cell(s, "B7").getStringCellValue());
        }
    }

    @Test
    @DisplayName("Export file name: the receipt days, an open end as den-nay / tu-dau, never 'null'")
    void fileName() {
        assertEquals("so-theo-doi-ho-so_2026-11-01_2026-11-30.xlsx",
            TrackingBookWorkbook.fileName(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)));
        assertEquals("so-theo-doi-ho-so_2026-11-01_den-nay.xlsx", TrackingBookWorkbook.fileName(LocalDate.of(2026, 11, 1), null));
        assertEquals("so-theo-doi-ho-so_tu-dau_2026-11-30.xlsx", TrackingBookWorkbook.fileName(null, LocalDate.of(2026, 11, 30)));
        assertEquals("so-theo-doi-ho-so_tat-ca.xlsx", TrackingBookWorkbook.fileName(null, null));
    }
}
