package vn.gov.quangtri.motcua.reporting.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
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
        // stopped 1, withdrawn 1; refused 1 (PeriodReportTest, province view). B: nothing.
        PeriodFigures a = new PeriodFigures("QT25.XA_A", "Xã Vĩnh Linh", 3, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0);
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
            double[] expected = {7, 3, 1, 2, 1, 3, 1, 1, 1, 2, 1, 1, 1, 1, 1, 0};
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
}
