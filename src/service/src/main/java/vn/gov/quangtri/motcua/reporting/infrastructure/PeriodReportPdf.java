package vn.gov.quangtri.motcua.reporting.infrastructure;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.Objects;
import vn.gov.quangtri.motcua.reporting.domain.PeriodFigures;
import vn.gov.quangtri.motcua.reporting.domain.PeriodReport;
import vn.gov.quangtri.motcua.shared.infrastructure.pdf.PdfFonts;

/**
 * The period report of issue 14 §2 as PDF (OpenPDF, as the one-stop forms): A4 landscape, Vietnamese (DejaVu Sans
 * embedded), exactly the columns of the .xlsx export ({@link TrackingBookWorkbook#PERIOD_HEADERS}, report_columns.csv:
 * the figures, apologies, both rates and the balance), the total row and the footer with the formulas and the balance.
 * Stateless and thread-safe.
 */
public final class PeriodReportPdf {


    /**
     * Relative column widths, one per column of {@link TrackingBookWorkbook#PERIOD_HEADERS}: STT, label, the 16
     * figures (to process … apologies), the two rates, the balance.
     */
    private static final float[] WIDTHS = {0.7f, 4.0f, 1.1f, 1.1f, 1.1f, 1.1f, 1.1f, 1.1f, 1.1f, 1.1f, 1.1f, 1.1f,
        1.1f, 1.1f, 1.1f, 1.1f, 1.1f, 1.1f, 1.3f, 1.3f, 1.1f};

    /** Column groups of the two-row header: first column, last column, label (as the .xlsx export). */
    private static final Object[][] GROUPS = {{2, 6, "Số hồ sơ nhận giải quyết"}, {7, 10, "Số hồ sơ đã giải quyết"},
        {11, 13, "Số hồ sơ đang giải quyết"}};

    /**
     * Renders the report.
     *
     * @param scopeName name of the reporting scope for the title
     * @param report    the computed report
     * @return the PDF bytes
     */
    public byte[] render(String scopeName, PeriodReport report) {
        Font f = PdfFonts.regular(6.5f);
        Font fb = PdfFonts.bold(6.5f);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 20, 20, 28, 28);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle("Báo cáo tình hình, kết quả giải quyết thủ tục hành chính");
            doc.open();
            Paragraph title = new Paragraph("BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", PdfFonts.bold(13));
            title.setAlignment(Element.ALIGN_CENTER);
            doc.add(title);
            Paragraph scope = new Paragraph(Objects.requireNonNullElse(scopeName, ""), PdfFonts.regular(10));
            scope.setAlignment(Element.ALIGN_CENTER);
            doc.add(scope);
            Paragraph days = new Paragraph("Kỳ báo cáo: " + report.period().label(), PdfFonts.regular(10));
            days.setAlignment(Element.ALIGN_CENTER);
            days.setSpacingAfter(8);
            doc.add(days);

            String[] headers = TrackingBookWorkbook.PERIOD_HEADERS;
            PdfPTable t = new PdfPTable(WIDTHS);
            t.setWidthPercentage(100);
            t.setHeaderRows(2);
            for (int c = 0; c < headers.length; c++) {
                Object[] group = groupStartingAt(c);
                if (group != null) {
                    header(t, fb, (String) group[2], (int) group[1] - c + 1, 1);
                    c = (int) group[1];
                } else {
                    header(t, fb, c == 1 ? TrackingBookWorkbook.rowHeader(report.groupBy()) : headers[c], 1, 2);
                }
            }
            for (Object[] group : GROUPS) {
                for (int c = (int) group[0]; c <= (int) group[1]; c++) {
                    header(t, fb, headers[c], 1, 1);
                }
            }
            int n = 0;
            for (PeriodFigures r : report.rows()) {
                row(t, f, String.valueOf(++n), r);
            }
            row(t, fb, "", report.total());
            doc.add(t);
            for (String line : TrackingBookWorkbook.footer(report)) {
                Paragraph p = new Paragraph(line, PdfFonts.regular(8));
                p.setSpacingBefore(3);
                doc.add(p);
            }
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot render the period report", e);
        } finally {
            doc.close();
        }
        return out.toByteArray();
    }

    private static Object[] groupStartingAt(int column) {
        for (Object[] g : GROUPS) {
            if ((int) g[0] == column) {
                return g;
            }
        }
        return null;
    }

    private static void header(PdfPTable t, Font fb, String text, int colspan, int rowspan) {
        PdfPCell c = new PdfPCell(new Phrase(text, fb));
        c.setColspan(colspan);
        c.setRowspan(rowspan);
        c.setHorizontalAlignment(Element.ALIGN_CENTER);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        t.addCell(c);
    }

    /** A row: the columns of {@link TrackingBookWorkbook#PERIOD_HEADERS}, in that order. */
    private static void row(PdfPTable t, Font f, String number, PeriodFigures r) {
        cell(t, f, number, Element.ALIGN_CENTER);
        cell(t, f, r.label(), Element.ALIGN_LEFT);
        for (long v : TrackingBookWorkbook.periodCounts(r)) {
            cell(t, f, String.valueOf(v), Element.ALIGN_RIGHT);
        }
        cell(t, f, rate(r.onTimeRate()), Element.ALIGN_RIGHT);
        cell(t, f, rate(r.lateRate()), Element.ALIGN_RIGHT);
        cell(t, f, r.balances() ? "Khớp" : "Không khớp", Element.ALIGN_CENTER);
    }

    private static String rate(BigDecimal percent) {
        return percent == null ? "–" : PeriodFigures.vietnamese(percent);
    }

    private static void cell(PdfPTable t, Font f, String text, int align) {
        PdfPCell c = new PdfPCell(new Phrase(text, f));
        c.setHorizontalAlignment(align);
        t.addCell(c);
    }
}
