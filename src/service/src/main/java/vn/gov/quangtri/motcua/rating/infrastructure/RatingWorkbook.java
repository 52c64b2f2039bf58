package vn.gov.quangtri.motcua.rating.infrastructure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.gov.quangtri.motcua.rating.domain.RatingLevel;
import vn.gov.quangtri.motcua.rating.domain.RatingReport;
import vn.gov.quangtri.motcua.rating.domain.SatisfactionTally;
import vn.gov.quangtri.motcua.reporting.domain.ReportPeriod;

/**
 * The rating statistics as an Excel workbook (issue 13 §2): title and period, the formula, then one row per group
 * with the answers per level, answers, ratings and the satisfaction rate in percent, and the total. The rate cells
 * are Excel formulas, (G + H) ÷ answers, so the sheet shows how each figure is made.
 */
public final class RatingWorkbook {

    private RatingWorkbook() {
    }

    /** The report as .xlsx bytes. */
    public static byte[] xlsx(RatingReport report, ReportPeriod period) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Danh gia hai long");
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle header = wb.createCellStyle();
            header.setFont(bold);
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0"));

            sheet.createRow(0).createCell(0).setCellValue("KẾT QUẢ ĐÁNH GIÁ MỨC ĐỘ HÀI LÒNG (Nghị định 61/2018/NĐ-CP, Điều 32–33)");
            sheet.getRow(0).getCell(0).setCellStyle(header);
            sheet.createRow(1).createCell(0).setCellValue("Kỳ: " + period.label() + " — nhóm theo: " + switch (report.groupBy()) {
                case UNIT -> "đơn vị";
                case OFFICER -> "cán bộ";
                case CRITERION -> "tiêu chí";
                case PROCEDURE -> "thủ tục";
            });
            sheet.createRow(2).createCell(0).setCellValue(
                "Tỷ lệ hài lòng (%) = (Rất hài lòng + Hài lòng) ÷ số câu trả lời × 100, tính trên từng câu trả lời theo tiêu chí");
            Row head = sheet.createRow(4);
            String[] titles = {"Mã", "Tên", "Số lượt đánh giá", "Số câu trả lời", RatingLevel.VERY_SATISFIED.label("vi"),
                RatingLevel.SATISFIED.label("vi"), RatingLevel.NEUTRAL.label("vi"), RatingLevel.NOT_SATISFIED.label("vi"),
                "Tỷ lệ hài lòng (%)"};
            for (int i = 0; i < titles.length; i++) {
                Cell c = head.createCell(i);
                c.setCellValue(titles[i]);
                c.setCellStyle(header);
            }
            int r = 5;
            for (RatingReport.Row row : report.rows()) {
                write(sheet.createRow(r), r, row.key(), row.label(), row.tally(), percent);
                r++;
            }
            write(sheet.createRow(r), r, "", report.total().label(), report.total().tally(), percent);
            sheet.getRow(r).getCell(1).setCellStyle(header);
            sheet.setColumnWidth(0, 24 * 256);
            sheet.setColumnWidth(1, 60 * 256);
            for (int i = 2; i < titles.length; i++) {
                sheet.setColumnWidth(i, 16 * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, int index, String key, String label, SatisfactionTally t, CellStyle percent) {
        row.createCell(0).setCellValue(key == null ? "" : key);
        row.createCell(1).setCellValue(label);
        row.createCell(2).setCellValue(t.ratings());
        row.createCell(3).setCellValue(t.answers());
        int col = 4;
        for (RatingLevel l : RatingLevel.values()) {
            row.createCell(col++).setCellValue(t.count(l));
        }
        Cell rate = row.createCell(8);
        int excelRow = index + 1;
        if (t.answers() > 0) {
            rate.setCellFormula("(E" + excelRow + "+F" + excelRow + ")/D" + excelRow + "*100");
            rate.setCellValue(t.ratePercent().doubleValue());
        } else {
            rate.setCellValue("");
        }
        rate.setCellStyle(percent);
    }
}
