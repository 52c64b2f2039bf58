package vn.gov.quangtri.motcua.dossier.infrastructure.slip;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.Barcode128;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimit;
import vn.gov.quangtri.motcua.catalogue.domain.DocumentForm;
import vn.gov.quangtri.motcua.dossier.domain.Channel;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.LegalRegime;
import vn.gov.quangtri.motcua.dossier.domain.ReceivedDocument;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * Renders the receipt and appointment slip (Giấy tiếp nhận hồ sơ và hẹn trả kết quả; form 01 of
 * Circular 03/2025/TT-VPCP, form 01 of Circular 01/2018/TT-VPCP for dossiers under Decree 61/2018) as an
 * A4 PDF with Vietnamese text (embedded DejaVu Sans), a QR code and a Code 128 barcode carrying the
 * dossier code (Circular 01/2018/TT-VPCP art. 19 cl. 2). Field list: domain.md §2.3 (reconstructed from
 * public templates; to be checked against the Circular 03/2025 appendix); times in Asia/Ho_Chi_Minh.
 */
public final class ReceiptSlipPdf {

    private static final Map<DocumentForm, String> FORMS = Map.of(DocumentForm.ORIGINAL, "Bản chính",
        DocumentForm.CERTIFIED_COPY, "Bản sao chứng thực", DocumentForm.COPY, "Bản sao", DocumentForm.ANY,
        "Bản chính hoặc bản sao");
    private static final Map<Channel, String> CHANNELS = Map.of(Channel.DIRECT, "trực tiếp tại Bộ phận Một cửa",
        Channel.POSTAL, "qua dịch vụ bưu chính công ích", Channel.ONLINE, "trực tuyến");

    private static final byte[] REGULAR = bytes("/fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = bytes("/fonts/DejaVuSans-Bold.ttf");

    /**
     * Renders one slip; safe to call from several threads (fonts are created per document).
     *
     * @param dossier a received dossier (with an appointment)
     * @return the PDF bytes
     * @throws IllegalStateException when the dossier has no appointment yet
     */
    public byte[] render(Dossier dossier) {
        if (dossier.dueAt() == null) {
            throw new IllegalStateException("dossier " + dossier.code() + " has not been received yet");
        }
        BaseFont regular = font("DejaVuSans.ttf", REGULAR);
        BaseFont bold = font("DejaVuSans-Bold.ttf", BOLD);
        Font f = new Font(regular, 11);
        Font fb = new Font(bold, 11);
        Font title = new Font(bold, 14);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 50, 50, 40, 40);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            doc.addTitle("Giấy tiếp nhận hồ sơ và hẹn trả kết quả " + dossier.code());
            doc.open();
            PdfPTable head = new PdfPTable(new float[] {1, 1.2f});
            head.setWidthPercentage(100);
            head.addCell(cell(new Phrase(dossier.receivingAgency().name().toUpperCase(java.util.Locale.forLanguageTag("vi")), fb), Element.ALIGN_CENTER));
            Paragraph motto = new Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", fb);
            motto.add(new Chunk("\nĐộc lập - Tự do - Hạnh phúc", fb));
            head.addCell(cell(motto, Element.ALIGN_CENTER));
            doc.add(head);

            Paragraph t = new Paragraph("\nGIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", title);
            t.setAlignment(Element.ALIGN_CENTER);
            doc.add(t);
            Paragraph code = new Paragraph("Mã hồ sơ: " + dossier.code(), fb);
            code.setAlignment(Element.ALIGN_CENTER);
            doc.add(code);

            PdfPTable codes = new PdfPTable(new float[] {1, 2});
            codes.setWidthPercentage(70);
            codes.setSpacingBefore(6);
            codes.addCell(imageCell(qr(dossier.code()), 90));
            codes.addCell(imageCell(barcode(writer.getDirectContent(), dossier.code()), 0));
            doc.add(codes);

            var a = dossier.applicant();
            doc.add(line(f, dossier.receivingAgency().name() + " tiếp nhận hồ sơ của: ", a.name(), fb));
            doc.add(line(f, "Địa chỉ: ", nz(a.address()), f));
            doc.add(line(f, "Số điện thoại: ", nz(a.phone()) + "    Email: " + nz(a.email()), f));
            doc.add(line(f, "Nội dung yêu cầu giải quyết: ", dossier.procedureName() + " (mã thủ tục " + dossier.procedureCode() + ")", fb));
            doc.add(line(f, "Hình thức nộp: ", CHANNELS.get(dossier.channel()), f));
            doc.add(new Paragraph("Thành phần hồ sơ:", f));

            PdfPTable docs = new PdfPTable(new float[] {0.6f, 6, 2.2f, 1.2f});
            docs.setWidthPercentage(100);
            docs.setSpacingBefore(4);
            for (String h : new String[] {"STT", "Tên giấy tờ", "Hình thức", "Số lượng"}) {
                docs.addCell(new PdfPCell(new Phrase(h, fb)));
            }
            int i = 1;
            for (ReceivedDocument d : dossier.documents()) {
                docs.addCell(new PdfPCell(new Phrase(String.valueOf(i++), f)));
                docs.addCell(new PdfPCell(new Phrase(d.name(), f)));
                docs.addCell(new PdfPCell(new Phrase(FORMS.get(d.form()), f)));
                docs.addCell(new PdfPCell(new Phrase(String.valueOf(d.quantity()), f)));
            }
            doc.add(docs);
            doc.add(line(f, "Số lượng hồ sơ: ", "01 (bộ)", f));
            doc.add(line(f, "Thời hạn giải quyết theo quy định: ", limit(dossier.timeLimit()), f));
            doc.add(line(f, "Thời gian nhận hồ sơ: ", moment(dossier.receivedAt()), f));
            doc.add(line(f, "Thời gian trả kết quả giải quyết hồ sơ: ", moment(dossier.dueAt()), fb));
            doc.add(line(f, "Nơi nhận kết quả: ", "Bộ phận Một cửa - " + dossier.receivingAgency().name(), f));
            doc.add(line(f, "Tra cứu, đánh giá: ", "quét mã QR hoặc nhập mã hồ sơ trên Cổng Dịch vụ công", f));

            PdfPTable sign = new PdfPTable(2);
            sign.setWidthPercentage(100);
            sign.setSpacingBefore(14);
            sign.addCell(cell(new Phrase("NGƯỜI NỘP HỒ SƠ\n(Ký và ghi rõ họ tên)\n\n\n\n" + a.name(), fb), Element.ALIGN_CENTER));
            String officer = dossier.history().isEmpty() ? "" : dossier.history().get(0).actor();
            sign.addCell(cell(new Phrase("NGƯỜI TIẾP NHẬN HỒ SƠ\n(Ký và ghi rõ họ tên)\n\n\n\n" + officer, fb), Element.ALIGN_CENTER));
            doc.add(sign);
            Paragraph basis = new Paragraph("\nMẫu 01 - " + (dossier.regime() == LegalRegime.DECREE_61_2018
                ? "Thông tư 01/2018/TT-VPCP (Nghị định 61/2018/NĐ-CP)"
                : "Thông tư 03/2025/TT-VPCP (Nghị định 118/2025/NĐ-CP)"), new Font(regular, 8));
            doc.add(basis);
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot render the receipt slip of " + dossier.code(), e);
        } finally {
            doc.close();
        }
        return out.toByteArray();
    }

    /** {@code "10 giờ 00 phút, ngày 02/03/2026"} in Vietnam time. */
    static String moment(Instant instant) {
        ZonedDateTime t = VietnamTime.local(instant);
        return String.format("%02d giờ %02d phút, ngày %02d/%02d/%04d", t.getHour(), t.getMinute(), t.getDayOfMonth(),
            t.getMonthValue(), t.getYear());
    }

    /** {@code "23 ngày làm việc"}, {@code "trong ngày"}. */
    static String limit(TimeLimit limit) {
        if (limit == null) {
            return "";
        }
        BigDecimal v = limit.value();
        return switch (limit.unit()) {
            case WORKING_DAY -> v.toPlainString() + " ngày làm việc";
            case CALENDAR_DAY -> v.toPlainString() + " ngày";
            case WORKING_HOUR -> v.toPlainString() + " giờ làm việc";
            case SAME_DAY -> "trong ngày";
        };
    }

    private static Paragraph line(Font label, String text, String value, Font valueFont) {
        Paragraph p = new Paragraph();
        p.add(new Chunk(text, label));
        p.add(new Chunk(value, valueFont));
        p.setSpacingBefore(3);
        return p;
    }

    private static PdfPCell cell(Phrase phrase, int align) {
        PdfPCell c = new PdfPCell(phrase);
        c.setBorder(Rectangle.NO_BORDER);
        c.setHorizontalAlignment(align);
        return c;
    }

    private static PdfPCell imageCell(Image image, float size) {
        if (size > 0) {
            image.scaleToFit(size, size);
        }
        PdfPCell c = new PdfPCell(image, false);
        c.setBorder(Rectangle.NO_BORDER);
        c.setHorizontalAlignment(Element.ALIGN_CENTER);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return c;
    }

    private static Image qr(String text) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 240, 240,
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            BufferedImage img = new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_INT_RGB);
            for (int x = 0; x < m.getWidth(); x++) {
                for (int y = 0; y < m.getHeight(); y++) {
                    img.setRGB(x, y, m.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            return Image.getInstance(img, null);
        } catch (WriterException | IOException e) {
            throw new IllegalStateException("cannot draw the QR code of " + text, e);
        }
    }

    private static Image barcode(PdfContentByte cb, String text) {
        Barcode128 code = new Barcode128();
        code.setCode(text);
        code.setBarHeight(36);
        return code.createImageWithBarcode(cb, Color.BLACK, Color.BLACK);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static BaseFont font(String name, byte[] ttf) {
        try {
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, ttf, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot load font " + name, e);
        }
    }

    private static byte[] bytes(String path) {
        try (InputStream in = ReceiptSlipPdf.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing font " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
