package vn.gov.quangtri.motcua.reporting.infrastructure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.gov.quangtri.motcua.reporting.application.TrackingBookRow;
import vn.gov.quangtri.motcua.reporting.domain.PeriodFigures;
import vn.gov.quangtri.motcua.reporting.domain.PeriodReport;
import vn.gov.quangtri.motcua.reporting.domain.ReportGrouping;
import vn.gov.quangtri.motcua.reporting.domain.ReportPeriod;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * Writes the dossier tracking book (Sổ theo dõi hồ sơ, form 07) and the periodic report on handling
 * procedures (docs/domain.md §6, docs/cases.md C33) as .xlsx (Apache POI). Vietnamese headers; a title block with the
 * unit and the period; frozen header; column widths; moments as real Excel date cells formatted
 * {@code dd/MM/yyyy HH:mm} in Asia/Ho_Chi_Minh (the cell holds Vietnam wall-clock time: Excel has no
 * zones). In the report, the row totals and both rates are Excel formulas (evaluated before saving, so
 * viewers that do not recalculate show the values too) and the footer states the formulas with the total's
 * figures. In the tracking book, a child dossier received by inter-agency transfer shows its parent's code in
 * the code cell on a second line, {@code Hồ sơ gốc: <code>}. Stateless and thread-safe.
 */
public final class TrackingBookWorkbook {

    /** Sheet name of the tracking book. */
    public static final String TRACKING_BOOK_SHEET = "Sổ theo dõi hồ sơ";
    /** Sheet name of the periodic report. */
    public static final String REPORT_SHEET = "Báo cáo";
    /** Excel number format of moments. */
    public static final String DATE_TIME_FORMAT = "dd/MM/yyyy HH:mm";

    static final String[] TRACKING_BOOK_HEADERS = {
        "STT", "Mã hồ sơ", "Tên thủ tục hành chính", "Số lượng hồ sơ (bộ)", "Tên cá nhân, tổ chức",
        "Địa chỉ, số điện thoại", "Cơ quan chủ trì giải quyết", "Ngày, giờ nhận hồ sơ",
        "Ngày, giờ hẹn trả kết quả", "Ngày, giờ chuyển hồ sơ đến cơ quan giải quyết",
        "Ngày, giờ nhận kết quả từ cơ quan giải quyết", "Ngày, giờ trả kết quả", "Người nhận kết quả", "Ghi chú"};
    private static final int[] TRACKING_BOOK_WIDTHS = {6, 26, 45, 10, 24, 32, 26, 17, 17, 17, 17, 17, 22, 30};

    /** Rows of a streamed tracking book held in memory at a time. */
    public static final int ROW_WINDOW = 200;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /**
     * The tracking book of one unit (or scope) for a span of receipt days, as bytes (for short books; a long one
     * is better written with {@link #writeTrackingBook}).
     *
     * @param unitName name of the unit or scope for the title, e.g. "Bộ phận Một cửa - Xã Vĩnh Linh"
     * @param from     first receipt day (Vietnam), or null
     * @param to       last receipt day (Vietnam), or null
     * @param rows     the lines in book order
     * @return the .xlsx bytes
     */
    public byte[] trackingBook(String unitName, LocalDate from, LocalDate to, List<TrackingBookRow> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeTrackingBook(unitName, from, to, rows.iterator(), out);
        return out.toByteArray();
    }

    /**
     * Streams the tracking book to {@code out}: the lines are taken from the iterator one by one and only the last
     * {@value #ROW_WINDOW} rows are held in memory (Apache POI SXSSF; the rest goes to a temporary file that is
     * deleted before returning), so a month of a busy unit is written in constant memory. The stream is not
     * closed.
     *
     * @param unitName name of the unit or scope for the title
     * @param from     first receipt day (Vietnam), or null
     * @param to       last receipt day (Vietnam), or null
     * @param rows     the lines in book order, read once
     * @param out      where the .xlsx goes
     * @throws UncheckedIOException when writing fails
     */
    public void writeTrackingBook(String unitName, LocalDate from, LocalDate to, Iterator<TrackingBookRow> rows,
                                  OutputStream out) {
        SXSSFWorkbook wb = new SXSSFWorkbook(ROW_WINDOW);
        try {
            Styles st = new Styles(wb);
            Sheet sheet = wb.createSheet(TRACKING_BOOK_SHEET);
            int last = TRACKING_BOOK_HEADERS.length - 1;
            title(sheet, st, 0, "SỔ THEO DÕI HỒ SƠ", last);
            subtitle(sheet, st, 1, Objects.requireNonNullElse(unitName, ""), last);
            subtitle(sheet, st, 2, span(from, to), last);
            Row header = sheet.createRow(4);
            for (int c = 0; c <= last; c++) {
                text(header, c, TRACKING_BOOK_HEADERS[c], st.header);
                sheet.setColumnWidth(c, TRACKING_BOOK_WIDTHS[c] * 256);
            }
            header.setHeightInPoints(48);
            sheet.createFreezePane(0, 5);
            sheet.getPrintSetup().setLandscape(true);
            sheet.setRepeatingRows(new CellRangeAddress(4, 4, 0, last));
            int r = 5;
            while (rows.hasNext()) {
                TrackingBookRow b = rows.next();
                Row row = sheet.createRow(r++);
                number(row, 0, b.sequence(), st.integer);
                text(row, 1, b.parentCode() == null ? b.code() : b.code() + "\nHồ sơ gốc: " + b.parentCode(),
                    b.parentCode() == null ? st.text : st.wrapped);
                text(row, 2, b.procedureName(), st.wrapped);
                number(row, 3, b.numberOfSets(), st.integer);
                text(row, 4, b.applicantName(), st.wrapped);
                text(row, 5, join(b.applicantAddress(), b.applicantPhone()), st.wrapped);
                text(row, 6, b.leadAgency(), st.wrapped);
                moment(row, 7, b.receivedAt(), st);
                moment(row, 8, b.dueAt(), st);
                moment(row, 9, b.transferredAt(), st);
                moment(row, 10, b.resultReadyAt(), st);
                moment(row, 11, b.returnedAt(), st);
                text(row, 12, b.returnedTo(), st.wrapped);
                String notes = b.notes() == null ? "" : b.notes();
                if (b.rescheduledDueAt() != null) {
                    notes = (notes.isEmpty() ? "" : notes + "; ") + "hẹn lại: "
                        + VietnamTime.local(b.rescheduledDueAt()).format(MOMENT);
                }
                text(row, 13, notes, st.wrapped);
            }
            sheet.setAutoFilter(new CellRangeAddress(4, Math.max(4, r - 1), 0, last));
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            wb.dispose();
            try {
                wb.close();
            } catch (IOException e) {
                // nothing left to release: the temporary file is gone (dispose)
            }
        }
    }

    /**
     * File name of an exported tracking book for a span of receipt days (ISO dates, ASCII only):
     * {@code so-theo-doi-ho-so_2026-11-01_2026-11-30.xlsx}; an open end reads {@code den-nay} (to date) or
     * {@code tu-dau} (from the start), both open {@code tat-ca}.
     *
     * @param from first receipt day, or null
     * @param to   last receipt day, or null
     */
    public static String fileName(LocalDate from, LocalDate to) {
        String span = from == null && to == null ? "tat-ca"
            : (from == null ? "tu-dau" : from.toString()) + "_" + (to == null ? "den-nay" : to.toString());
        return "so-theo-doi-ho-so_" + span + ".xlsx";
    }

    /** For callers that have a {@link ReportPeriod}: the tracking book of its days. */
    public byte[] trackingBook(String unitName, ReportPeriod period, List<TrackingBookRow> rows) {
        return trackingBook(unitName, period.from(), period.to(), rows);
    }

    /**
     * Columns of the period report of issue 14 §2 (report_columns.csv with received direct / postal and stopped /
     * withdrawn apart, refused beside the balance), left to right; column 1 is the row label.
     */
    static final String[] PERIOD_HEADERS = {
        "STT", "Đơn vị", "Tổng số phải giải quyết", "Kỳ trước chuyển qua", "Tiếp nhận trực tuyến",
        "Tiếp nhận trực tiếp", "Tiếp nhận qua bưu chính", "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn", "Tổng số",
        "Trong hạn", "Quá hạn", "Dừng giải quyết", "Rút hồ sơ", "Từ chối tiếp nhận", "Xin lỗi, hẹn lại",
        "Tỷ lệ giải quyết đúng hạn", "Tỷ lệ trễ hạn", "Cân đối"};
    private static final int[] PERIOD_WIDTHS = {6, 34, 10, 10, 10, 10, 10, 9, 9, 9, 9, 9, 9, 9, 9, 9, 10, 10, 12, 10, 10};

    /**
     * The counts of a row in the order of {@link #PERIOD_HEADERS} columns 2 to 17: to process, carried over,
     * received online / direct / postal, resolved (total, early, on time, late), in progress (total, not due,
     * overdue), stopped, withdrawn, refused, apologies. The PDF prints them; the .xlsx writes the totals as formulas.
     */
    static long[] periodCounts(PeriodFigures f) {
        return new long[] {f.toProcess(), f.carriedOver(), f.receivedOnline(), f.receivedDirect(), f.receivedPostal(),
            f.resolved(), f.resolvedEarly(), f.resolvedOnTime(), f.resolvedLate(), f.inProgress(), f.inProgressNotDue(),
            f.inProgressOverdue(), f.stopped(), f.withdrawn(), f.refused(), f.apologies()};
    }

    /** Label of the row-label column for a grouping. */
    static String rowHeader(ReportGrouping groupBy) {
        return switch (groupBy) {
            case AGENCY -> "Đơn vị";
            case FIELD -> "Lĩnh vực";
            case LEVEL -> "Cấp";
            case PROCEDURE -> "Thủ tục hành chính";
        };
    }

    /**
     * The period report of issue 14 §2 (docs/domain.md §6.1): one row per group, the total row (SUM formulas), the
     * rates as formulas, the footer with the formulas, the balance and which view (province or workload) it is.
     * A4 landscape, fitted to one page wide.
     *
     * @param scopeName name of the reporting scope for the title
     * @param report    the computed report
     * @return the .xlsx bytes
     */
    public byte[] periodReport(String scopeName, PeriodReport report) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles st = new Styles(wb);
            Sheet sheet = wb.createSheet(REPORT_SHEET);
            int last = PERIOD_HEADERS.length - 1;
            title(sheet, st, 0, "BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", last);
            subtitle(sheet, st, 1, Objects.requireNonNullElse(scopeName, ""), last);
            subtitle(sheet, st, 2, "Kỳ báo cáo: " + report.period().label(), last);
            Row groups = sheet.createRow(4);
            Row header = sheet.createRow(5);
            for (int c = 0; c <= last; c++) {
                String h = c == 1 ? rowHeader(report.groupBy()) : PERIOD_HEADERS[c];
                text(groups, c, h, st.header);
                text(header, c, h, st.header);
                sheet.setColumnWidth(c, PERIOD_WIDTHS[c] * 256);
            }
            header.setHeightInPoints(60);
            group(sheet, groups, st, 2, 6, "Số hồ sơ nhận giải quyết");
            group(sheet, groups, st, 7, 10, "Số hồ sơ đã giải quyết");
            group(sheet, groups, st, 11, 13, "Số hồ sơ đang giải quyết");
            for (int c : new int[] {0, 1, 14, 15, 16, 17, 18, 19, 20}) {
                sheet.addMergedRegion(new CellRangeAddress(4, 5, c, c));
            }
            int r = 6;
            int first = r;
            int n = 0;
            for (PeriodFigures f : report.rows()) {
                periodRow(sheet.createRow(r), r, ++n, f, st, false, first);
                r++;
            }
            periodRow(sheet.createRow(r), r, 0, report.total(), st, true, first);
            r += 2;
            for (String line : footer(report)) {
                Row row = sheet.createRow(r);
                text(row, 0, line, st.footer);
                sheet.addMergedRegion(new CellRangeAddress(r, r, 0, last));
                r++;
            }
            sheet.createFreezePane(2, 6);
            sheet.getPrintSetup().setLandscape(true);
            sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Footer lines of the period report: both rate formulas with the total's figures, the balance, the view. */
    public static List<String> footer(PeriodReport report) {
        PeriodFigures t = report.total();
        List<String> lines = new ArrayList<>();
        lines.add("Tỷ lệ giải quyết đúng hạn = (trước hạn + đúng hạn) ÷ đã giải quyết × 100%; tổng cộng: ("
            + t.resolvedEarly() + " + " + t.resolvedOnTime() + ") ÷ " + t.resolved() + " × 100% = "
            + (t.onTimeRate() == null ? "không có hồ sơ đã giải quyết" : PeriodFigures.vietnamese(t.onTimeRate()) + "%"));
        lines.add("Tỷ lệ trễ hạn = (đã giải quyết quá hạn + đang giải quyết quá hạn) ÷ tổng số phải giải quyết × 100%;"
            + " tổng cộng: (" + t.resolvedLate() + " + " + t.inProgressOverdue() + ") ÷ " + t.toProcess() + " × 100% = "
            + (t.lateRate() == null ? "không có hồ sơ phải giải quyết" : PeriodFigures.vietnamese(t.lateRate()) + "%"));
        lines.add("Cân đối (tổng cộng): kỳ trước chuyển qua + tiếp nhận = " + t.carriedOver() + " + " + t.received()
            + " = " + t.toProcess() + "; đã giải quyết + đang giải quyết + dừng + rút = " + t.resolved() + " + "
            + t.inProgress() + " + " + t.stopped() + " + " + t.withdrawn() + " = "
            + (t.resolved() + t.inProgress() + t.stopped() + t.withdrawn())
            + (report.balances() ? " (khớp)." : " (KHÔNG KHỚP: kiểm tra dữ liệu).")
            + " Hồ sơ từ chối tiếp nhận không được tiếp nhận nên không tính vào cân đối.");
        lines.add(report.workload()
            ? "Khối lượng theo cơ quan: hồ sơ liên thông được tính ở cả cơ quan tiếp nhận và cơ quan phối hợp."
            : "Số liệu toàn tỉnh: hồ sơ liên thông được tính một lần (hồ sơ của công dân).");
        return lines;
    }

    private static void periodRow(Row row, int r, int n, PeriodFigures f, Styles st, boolean total, int first) {
        CellStyle num = total ? st.totalInteger : st.integer;
        if (total) {
            text(row, 0, "", num);
            text(row, 1, f.label(), st.totalText);
        } else {
            number(row, 0, n, num);
            text(row, 1, f.label(), st.wrapped);
        }
        long[] values = {f.carriedOver(), f.receivedOnline(), f.receivedDirect(), f.receivedPostal(), -1,
            f.resolvedEarly(), f.resolvedOnTime(), f.resolvedLate(), -1, f.inProgressNotDue(), f.inProgressOverdue(),
            f.stopped(), f.withdrawn(), f.refused(), f.apologies()};
        for (int i = 0; i < values.length; i++) {
            int c = i + 3;
            if (values[i] < 0) {
                continue;
            }
            if (total) {
                String col = CellReference.convertNumToColString(c);
                formula(row, c, "SUM(" + col + (first + 1) + ":" + col + r + ")", num);
            } else {
                number(row, c, values[i], num);
            }
        }
        int x = r + 1;
        formula(row, 2, "D" + x + "+E" + x + "+F" + x + "+G" + x, num);
        formula(row, 7, "I" + x + "+J" + x + "+K" + x, num);
        formula(row, 11, "M" + x + "+N" + x, num);
        CellStyle pct = total ? st.totalPercent : st.percent;
        formula(row, 18, "IF(H" + x + "=0,\"\",(I" + x + "+J" + x + ")/H" + x + ")", pct);
        formula(row, 19, "IF(C" + x + "=0,\"\",(K" + x + "+N" + x + ")/C" + x + ")", pct);
        text(row, 20, f.balances() ? "Khớp" : "Không khớp", total ? st.totalText : st.text);
    }

    private static void group(Sheet sheet, Row groups, Styles st, int from, int to, String label) {
        for (int c = from; c <= to; c++) {
            text(groups, c, label, st.header);
        }
        sheet.addMergedRegion(new CellRangeAddress(4, 4, from, to));
    }

    private static String span(LocalDate from, LocalDate to) {
        if (from != null && to != null) {
            return "Từ ngày " + from.format(DAY) + " đến ngày " + to.format(DAY);
        }
        if (from != null) {
            return "Từ ngày " + from.format(DAY);
        }
        if (to != null) {
            return "Đến ngày " + to.format(DAY);
        }
        return "";
    }

    private static String join(String address, String phone) {
        boolean a = address != null && !address.isBlank();
        boolean p = phone != null && !phone.isBlank();
        return a && p ? address + "; ĐT: " + phone : a ? address : p ? "ĐT: " + phone : "";
    }

    private static void title(Sheet sheet, Styles st, int r, String value, int last) {
        Row row = sheet.createRow(r);
        row.setHeightInPoints(22);
        text(row, 0, value, st.title);
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, last));
    }

    private static void subtitle(Sheet sheet, Styles st, int r, String value, int last) {
        text(sheet.createRow(r), 0, value, st.subtitle);
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, last));
    }

    private static void text(Row row, int c, String value, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
    }

    private static void number(Row row, int c, long value, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static void formula(Row row, int c, String formula, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellFormula(formula);
        cell.setCellStyle(style);
    }

    private static void moment(Row row, int c, Instant value, Styles st) {
        Cell cell = row.createCell(c);
        if (value != null) {
            cell.setCellValue(VietnamTime.local(value).toLocalDateTime());
        }
        cell.setCellStyle(st.dateTime);
    }

    private static byte[] bytes(XSSFWorkbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }

    /** The cell styles of one workbook. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle subtitle;
        final CellStyle header;
        final CellStyle text;
        final CellStyle wrapped;
        final CellStyle integer;
        final CellStyle percent;
        final CellStyle dateTime;
        final CellStyle totalText;
        final CellStyle totalInteger;
        final CellStyle totalPercent;
        final CellStyle footer;

        Styles(Workbook wb) {
            Font regular = font(wb, false, 11);
            Font bold = font(wb, true, 11);
            title = wb.createCellStyle();
            title.setFont(font(wb, true, 14));
            title.setAlignment(HorizontalAlignment.CENTER);
            subtitle = wb.createCellStyle();
            subtitle.setFont(regular);
            subtitle.setAlignment(HorizontalAlignment.CENTER);
            header = bordered(wb, bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setWrapText(true);
            text = bordered(wb, regular);
            wrapped = bordered(wb, regular);
            wrapped.setWrapText(true);
            integer = bordered(wb, regular);
            integer.setDataFormat(wb.createDataFormat().getFormat("0"));
            percent = bordered(wb, regular);
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            dateTime = bordered(wb, regular);
            dateTime.setDataFormat(wb.createDataFormat().getFormat(DATE_TIME_FORMAT));
            totalText = bordered(wb, bold);
            totalInteger = bordered(wb, bold);
            totalInteger.setDataFormat(wb.createDataFormat().getFormat("0"));
            totalPercent = bordered(wb, bold);
            totalPercent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            footer = wb.createCellStyle();
            footer.setFont(font(wb, false, 10));
            footer.setWrapText(false);
        }

        private static Font font(Workbook wb, boolean bold, int points) {
            Font f = wb.createFont();
            f.setFontName("Times New Roman");
            f.setFontHeightInPoints((short) points);
            f.setBold(bold);
            return f;
        }

        private static CellStyle bordered(Workbook wb, Font font) {
            CellStyle s = wb.createCellStyle();
            s.setFont(font);
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            return s;
        }
    }
}
