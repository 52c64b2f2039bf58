package vn.gov.quangtri.motcua.reporting.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Cell;
import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.reporting.domain.PeriodFigures;
import vn.gov.quangtri.motcua.reporting.domain.PeriodReport;
import vn.gov.quangtri.motcua.reporting.domain.ReportGrouping;
import vn.gov.quangtri.motcua.reporting.domain.ReportPeriod;

/** The period report of issue 14 §2 as .xlsx, read back with POI: figures, formulas, total, rates, footer. */
class PeriodReportWorkbookTest {

    static PeriodReport march() {
        // A: carried 3; received online 1, direct 2, postal 1; early 1, on time 1, late 1; not due 1, overdue 1;
        // stopped 1, withdrawn 1; refused 1 (PeriodReportTest, province view); 2 apologies. B: nothing.
        PeriodFigures a = new PeriodFigures("QT25.XA_A", "Xã Vĩnh Linh", 3, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2);
        PeriodFigures b = PeriodFigures.empty("QT25.XA_B", "Xã Cồn Tiên");
        PeriodFigures total = a.plus(b, null, PeriodReport.TOTAL_LABEL);
        return new PeriodReport(ReportPeriod.ofMonth(YearMonth.of(2026, 3)), ReportGrouping.AGENCY, false,
            List.of(a, b), total);
    }

    @Test
    @DisplayName("Columns of report_columns.csv with direct/postal and stopped/withdrawn apart; rates and balance")
    void figures() throws IOException {
        byte[] bytes = new TrackingBookWorkbook().periodReport("Ủy ban nhân dân tỉnh Quảng Trị", march());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet s = wb.getSheet(TrackingBookWorkbook.REPORT_SHEET);
            assertEquals("Kỳ báo cáo: từ ngày 01/03/2026 đến ngày 31/03/2026", s.getRow(2).getCell(0).getStringCellValue());
            assertEquals("Tiếp nhận qua bưu chính", s.getRow(5).getCell(6).getStringCellValue());
            assertEquals("Rút hồ sơ", s.getRow(5).getCell(15).getStringCellValue());
            Row a = s.getRow(6);
            assertEquals("Xã Vĩnh Linh", a.getCell(1).getStringCellValue());
            double[] expected = {7, 3, 1, 2, 1, 3, 1, 1, 1, 2, 1, 1, 1, 1, 1, 2};
            for (int c = 2; c <= 17; c++) {
                assertEquals(expected[c - 2], a.getCell(c).getNumericCellValue(), 0, "column " + c);
            }
            assertEquals(2.0 / 3, a.getCell(18).getNumericCellValue(), 1e-9);
            assertEquals(2.0 / 7, a.getCell(19).getNumericCellValue(), 1e-9);
            assertEquals("Khớp", a.getCell(20).getStringCellValue());
            assertEquals("", s.getRow(7).getCell(18).getStringCellValue()); // B: nothing resolved
            Row total = s.getRow(8);
            assertEquals("Tổng cộng", total.getCell(1).getStringCellValue());
            assertEquals("SUM(D7:D8)", total.getCell(3).getCellFormula());
            assertEquals(3, total.getCell(3).getNumericCellValue(), 0);
            assertEquals(7, total.getCell(2).getNumericCellValue(), 0);
            String footer = s.getRow(10).getCell(0).getStringCellValue();
            assertEquals("Tỷ lệ giải quyết đúng hạn = (trước hạn + đúng hạn) ÷ đã giải quyết × 100%; tổng cộng: (1 + 1) ÷ 3"
                + " × 100% = 66,7%", footer);
            assertTrue(s.getRow(12).getCell(0).getStringCellValue().contains("= 3 + 4 = 7; đã giải quyết + đang giải"
                + " quyết + dừng + rút = 3 + 2 + 1 + 1 = 7 (khớp)."));
            assertTrue(s.getPrintSetup().getLandscape());
            assertEquals(PrintSetup.A4_PAPERSIZE, s.getPrintSetup().getPaperSize());
        }
    }

    /** docs/cases.md C33 as PeriodReportCasesTest (domain) computes it: five units, two without dossiers. */
    static PeriodReport c33() {
        List<PeriodFigures> rows = List.of(
            new PeriodFigures("QT25.XA_A", "Xã Vĩnh Linh", 6, 8, 12, 0, 10, 6, 3, 4, 2, 1, 0, 0, 1),
            new PeriodFigures("QT25.XA_B", "Phường Đông Hà", 4, 7, 9, 1, 9, 5, 1, 3, 3, 0, 0, 1, 0),
            new PeriodFigures("QT25.XA_C", "Xã Cam Lộ", 0, 5, 7, 0, 6, 4, 1, 1, 0, 0, 0, 0, 0),
            PeriodFigures.empty("QT25.XA_D", "Xã Đakrông"),
            PeriodFigures.empty("QT25.XA_E", "Đặc khu Cồn Cỏ"));
        PeriodFigures total = PeriodFigures.empty(null, PeriodReport.TOTAL_LABEL);
        for (PeriodFigures r : rows) {
            total = total.plus(r, null, PeriodReport.TOTAL_LABEL);
        }
        return new PeriodReport(ReportPeriod.ofMonth(YearMonth.of(2026, 3)), ReportGrouping.AGENCY, false, rows, total);
    }

    @Test
    @DisplayName("C33: five units, total 10 + 49 = 45 + 13 + 1 = 59 (1 refused beside), on-time rate 88.9% as a formula, footer")
    void c33Report() throws IOException {
        PeriodReport report = c33();
        assertTrue(report.balances());
        byte[] bytes = new TrackingBookWorkbook().periodReport("Ủy ban nhân dân tỉnh Quảng Trị", report);
        java.nio.file.Files.write(java.nio.file.Path.of("target", "period-report-c33-sample.xlsx"), bytes);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet s = wb.getSheet(TrackingBookWorkbook.REPORT_SHEET);
            assertEquals("Ủy ban nhân dân tỉnh Quảng Trị", s.getRow(1).getCell(0).getStringCellValue());
            List<String> units = List.of("Xã Vĩnh Linh", "Phường Đông Hà", "Xã Cam Lộ", "Xã Đakrông", "Đặc khu Cồn Cỏ");
            for (int i = 0; i < 5; i++) {
                assertEquals(i + 1, (int) s.getRow(6 + i).getCell(0).getNumericCellValue());
                assertEquals(units.get(i), s.getRow(6 + i).getCell(1).getStringCellValue());
            }
            assertEquals(26, s.getRow(6).getCell(2).getNumericCellValue(), 0, "Xã Vĩnh Linh: 6 + 20");
            assertEquals("", s.getRow(9).getCell(18).getStringCellValue(), "no rate without resolved dossiers");
            Row total = s.getRow(11);
            assertEquals("Tổng cộng", total.getCell(1).getStringCellValue());
            double[] expected = {59, 10, 20, 28, 1, 45, 25, 15, 5, 13, 8, 5, 1, 0, 1, 1};
            for (int c = 2; c <= 17; c++) {
                assertEquals(expected[c - 2], total.getCell(c).getNumericCellValue(), 0, "total, column " + c);
            }
            Cell rate = total.getCell(18);
            assertEquals(CellType.FORMULA, rate.getCellType());
            assertEquals(40.0 / 45, rate.getNumericCellValue(), 1e-9, "cached value written with the file");
            DataFormatter cached = new DataFormatter(Locale.US);
            cached.setUseCachedValuesForFormulaCells(true);
            assertEquals("88.9%", cached.formatCellValue(rate), "shown with the 0.0% format");
            assertEquals(10.0 / 59, total.getCell(19).getNumericCellValue(), 1e-9, "late rate (5 + 5) ÷ 59");
            // The formulas still give the same values when recalculated.
            XSSFFormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
            assertEquals(40.0 / 45, ev.evaluate(rate).getNumberValue(), 1e-9);
            assertEquals(59, ev.evaluate(total.getCell(2)).getNumberValue());
            assertTrue(s.getRow(13).getCell(0).getStringCellValue().endsWith("(25 + 15) ÷ 45 × 100% = 88,9%"));
            assertTrue(s.getRow(14).getCell(0).getStringCellValue().endsWith("(5 + 5) ÷ 59 × 100% = 16,9%"));
            assertTrue(s.getRow(15).getCell(0).getStringCellValue().contains("= 10 + 49 = 59; đã giải quyết + đang giải"
                + " quyết + dừng + rút = 45 + 13 + 1 + 0 = 59 (khớp)."), s.getRow(15).getCell(0).getStringCellValue());
        }
    }
}
