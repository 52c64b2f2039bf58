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
 * embedded), the columns of the .xlsx export ({@link TrackingBookWorkbook#periodReport(String, PeriodReport)}), the
 * total row and the footer with the formulas and the balance. Stateless and thread-safe.
 */
public final class PeriodReportPdf {


    /** Relative column widths: STT, label, the 15 figures, the two rates. */
    private static final float[] WIDTHS = {0.7f, 4.2f, 1.1f, 1.1f, 1.1f, 1.1f, 1.1f, 1.1f, 1.1f, 1.1f, 1.1f, 1.1f,
        1.1f, 1.1f, 1.1f, 1.1f, 1.1f, 1.3f, 1.3f};

    /**
     * Renders the report.
     *
     * @param scopeName name of the reporting scope for the title
     * @param report    the computed report
     * @return the PDF bytes
     */
    public byte[] render(String scopeName, PeriodReport report) {
        Font f = PdfFonts.regular(7);
        Font fb = PdfFonts.bold(7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 24, 24, 28, 28);
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

            PdfPTable t = new PdfPTable(WIDTHS);
            t.setWidthPercentage(100);
            t.setHeaderRows(2);
            header(t, fb, "STT", 1, 2);
            header(t, fb, TrackingBookWorkbook.rowHeader(report.groupBy()), 1, 2);
            header(t, fb, "Số hồ sơ nhận giải quyết", 5, 1);
            header(t, fb, "Số hồ sơ đã giải quyết", 4, 1);
            header(t, fb, "Số hồ sơ đang giải quyết", 3, 1);
            for (String h : new String[] {"Dừng giải quyết", "Rút hồ sơ", "Từ chối tiếp nhận", "Tỷ lệ đúng hạn (%)",
                "Tỷ lệ trễ hạn (%)"}) {
                header(t, fb, h, 1, 2);
            }
            for (String h : new String[] {"Tổng số", "Kỳ trước chuyển qua", "Trực tuyến", "Trực tiếp", "Bưu chính",
                "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn", "Tổng số", "Trong hạn", "Quá hạn"}) {
                header(t, fb, h, 1, 1);
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

    private static void header(PdfPTable t, Font fb, String text, int colspan, int rowspan) {
        PdfPCell c = new PdfPCell(new Phrase(text, fb));
        c.setColspan(colspan);
        c.setRowspan(rowspan);
        c.setHorizontalAlignment(Element.ALIGN_CENTER);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        t.addCell(c);
    }

    private static void row(PdfPTable t, Font f, String number, PeriodFigures r) {
        cell(t, f, number, Element.ALIGN_CENTER);
        cell(t, f, r.label(), Element.ALIGN_LEFT);
        long[] values = {r.toProcess(), r.carriedOver(), r.receivedOnline(), r.receivedDirect(), r.receivedPostal(),
            r.resolved(), r.resolvedEarly(), r.resolvedOnTime(), r.resolvedLate(), r.inProgress(), r.inProgressNotDue(),
            r.inProgressOverdue(), r.stopped(), r.withdrawn(), r.refused()};
        for (long v : values) {
            cell(t, f, String.valueOf(v), Element.ALIGN_RIGHT);
        }
        cell(t, f, rate(r.onTimeRate()), Element.ALIGN_RIGHT);
        cell(t, f, rate(r.lateRate()), Element.ALIGN_RIGHT);
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
