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
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimit;
import vn.gov.quangtri.motcua.catalogue.domain.DocumentForm;
import vn.gov.quangtri.motcua.dossier.domain.Channel;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierAction;
import vn.gov.quangtri.motcua.dossier.domain.DossierEvent;
import vn.gov.quangtri.motcua.dossier.domain.DossierStep;
import vn.gov.quangtri.motcua.dossier.domain.LegalRegime;
import vn.gov.quangtri.motcua.dossier.domain.ReceivedDocument;
import vn.gov.quangtri.motcua.dossier.domain.Timeliness;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;
import vn.gov.quangtri.motcua.shared.infrastructure.pdf.PdfFonts;

/**
 * Renders the one-stop forms of Circular 03/2025/TT-VPCP Appendix I (Circular 01/2018/TT-VPCP for
 * dossiers under Decree 61/2018) as A4 PDFs with Vietnamese text (embedded DejaVu Sans), each carrying the
 * dossier code with a QR code and a Code 128 barcode (Circular 01/2018/TT-VPCP art. 19 cl. 2):
 * form 01 receipt and appointment slip, form 02 supplement request, form 03 refusal slip, form 04 apology and
 * new appointment, form 06 processing control sheet, and the written reply for a dossier not approved (no
 * numbered form; signed by the rejecting leader). Field lists: docs/domain.md §2.3 (reconstructed from public templates; to be
 * checked against the Circular 03/2025 appendix). Times in Asia/Ho_Chi_Minh. Thread-safe.
 *
 * <p>Size: above 400 lines because it lays out six documents that share one page grid, header and signature
 * block; each form is one method.
 */
public final class OneStopFormsPdf {

    private static final Map<DocumentForm, String> FORMS = Map.of(DocumentForm.ORIGINAL, "Bản chính",
        DocumentForm.CERTIFIED_COPY, "Bản sao chứng thực", DocumentForm.COPY, "Bản sao", DocumentForm.ANY,
        "Bản chính hoặc bản sao");
    private static final Map<Timeliness, String> TIMELINESS = Map.of(Timeliness.EARLY, "Trước hạn",
        Timeliness.ON_TIME, "Đúng hạn", Timeliness.LATE, "Quá hạn");
    private static final Map<Channel, String> CHANNELS = Map.of(Channel.DIRECT, "trực tiếp tại Bộ phận Một cửa",
        Channel.POSTAL, "qua dịch vụ bưu chính công ích", Channel.ONLINE, "trực tuyến");


    /** Officers' full names by user name; unknown names are printed as they are. */
    private final java.util.function.UnaryOperator<String> names;
    /** Whether a user name belongs to a leader (lãnh đạo), who may sign for the head of the agency. */
    private final java.util.function.Predicate<String> leader;
    /** User names of the active leaders of the resolving agency (the dossier's receiving unit). */
    private final List<String> agencyLeaders;

    /** Prints officers by their user names; nobody is known as a leader. */
    public OneStopFormsPdf() {
        this(java.util.function.UnaryOperator.identity());
    }

    /** @param names full name of an officer's user name (the signature lines name people, not accounts) */
    public OneStopFormsPdf(java.util.function.UnaryOperator<String> names) {
        this(names, u -> false, List.of());
    }

    /**
     * @param names         full name of an officer's user name (the signature lines name people, not accounts)
     * @param leader        whether a user name is a leader's account (role LEADER)
     * @param agencyLeaders user names of the active leaders of the dossier's receiving (resolving) agency
     */
    public OneStopFormsPdf(java.util.function.UnaryOperator<String> names, java.util.function.Predicate<String> leader,
                           List<String> agencyLeaders) {
        this.names = names;
        this.leader = leader;
        this.agencyLeaders = List.copyOf(agencyLeaders);
    }

    /**
     * Who signs for the head of the resolving agency on a form issued at {@code event} (form 04; domain.md
     * §2.3: "signed by the head of the deciding agency"): the event's actor when a leader recorded it; otherwise
     * the leader of the receiving agency who acted on the dossier last (he approved what the desk recorded);
     * otherwise the agency's only leader. Never a desk officer: with no known leader the name stays blank for
     * a handwritten signature.
     *
     * @return the signer's user name, or null when unknown
     */
    String agencyHeadSigner(Dossier dossier, DossierEvent event) {
        if (event != null && leader.test(event.actor())) {
            return event.actor();
        }
        for (int i = dossier.history().size() - 1; i >= 0; i--) {
            String actor = dossier.history().get(i).actor();
            if (leader.test(actor) && agencyLeaders.contains(actor)) {
                return actor;
            }
        }
        return agencyLeaders.size() == 1 ? agencyLeaders.get(0) : null;
    }

    private String person(String username) {
        return username == null ? "" : names.apply(username);
    }

    private record Page(Document doc, PdfWriter writer, Font f, Font fb, ByteArrayOutputStream out) {
    }

    /**
     * Form 01: receipt and appointment slip.
     *
     * @param dossier a received dossier (with an appointment)
     * @return the PDF bytes
     * @throws IllegalStateException when the dossier has no appointment yet
     */
    public byte[] receipt(Dossier dossier) {
        return receipt(dossier, null);
    }

    /**
     * The public lookup printed on the receipt slip (issue 13 §1): the page's address, and the secret token when
     * it was issued for this print (else null: the QR code then opens the page with the code only, and the slip
     * says that the secret was on the first slip and can be reissued at the desk).
     *
     * @param pageUrl absolute address of the public lookup page
     * @param token   the secret in clear, or null
     */
    public record PublicLink(String pageUrl, String token) {

        /** The link the QR code carries: the page with {@code code} and, when known, {@code token}. */
        public String url(String code) {
            String u = pageUrl + "?code=" + java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8);
            return token == null ? u : u + "&token=" + java.net.URLEncoder.encode(token,
                java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * Form 01 with the public lookup: the QR code is a link to the public page carrying the code and the secret,
     * the secret is printed in clear, and the barcode keeps the bare code for the desk scanner.
     *
     * @param link the public lookup, or null for the bare code in the QR code (a child dossier of a transfer)
     * @throws IllegalStateException when the dossier has no appointment yet
     */
    public byte[] receipt(Dossier dossier, PublicLink link) {
        if (dossier.clock().dueAt() == null) {
            throw new IllegalStateException("dossier " + dossier.code() + " has not been received yet");
        }
        String qr = link == null ? dossier.code() : link.url(dossier.code());
        return write(dossier, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "01", qr, p -> {
            var a = dossier.applicant();
            p.doc().add(line(p.f(), dossier.receivingAgencyName() + " tiếp nhận hồ sơ của: ", a.name(), p.fb()));
            p.doc().add(line(p.f(), "Địa chỉ: ", nz(a.address()), p.f()));
            p.doc().add(line(p.f(), "Số điện thoại: ", nz(a.phone()) + "    Email: " + nz(a.email()), p.f()));
            p.doc().add(line(p.f(), "Nội dung yêu cầu giải quyết: ", procedure(dossier), p.fb()));
            p.doc().add(line(p.f(), "Hình thức nộp: ", CHANNELS.get(dossier.channel()), p.f()));
            p.doc().add(new Paragraph("Thành phần hồ sơ:", p.f()));
            PdfPTable docs = table(p, new float[] {0.6f, 6, 2.2f, 1.2f}, "STT", "Tên giấy tờ", "Hình thức", "Số lượng");
            int i = 1;
            for (ReceivedDocument d : dossier.documents()) {
                row(docs, p.f(), String.valueOf(i++), d.name(), FORMS.get(d.form()), String.valueOf(d.quantity()));
            }
            p.doc().add(docs);
            p.doc().add(line(p.f(), "Số lượng hồ sơ: ", "01 (bộ)", p.f()));
            p.doc().add(line(p.f(), "Thời hạn giải quyết theo quy định: ", limit(dossier.clock().timeLimit()), p.f()));
            p.doc().add(line(p.f(), "Thời gian nhận hồ sơ: ", moment(dossier.clock().receivedAt()), p.f()));
            p.doc().add(line(p.f(), "Thời gian trả kết quả giải quyết hồ sơ: ", moment(dossier.clock().dueAt()),
                p.fb()));
            p.doc().add(line(p.f(), "Nơi nhận kết quả: ", "Bộ phận Một cửa - " + dossier.receivingAgencyName(), p.f()));
            if (link == null) {
                p.doc().add(line(p.f(), "Tra cứu, đánh giá: ", "quét mã QR hoặc nhập mã hồ sơ trên Cổng Dịch vụ công", p.f()));
            } else {
                p.doc().add(line(p.f(), "Tra cứu tình trạng hồ sơ: ", "quét mã QR hoặc vào " + link.pageUrl()
                    + ", nhập mã hồ sơ và mã tra cứu", p.f()));
                p.doc().add(line(p.f(), "Mã tra cứu (giữ bí mật): ", link.token() != null ? link.token()
                    : "đã in trên giấy tiếp nhận lần đầu; nếu mất, đề nghị Bộ phận Một cửa cấp lại", p.fb()));
            }
            signatures(p, "NGƯỜI NỘP HỒ SƠ", a.name(), "NGƯỜI TIẾP NHẬN HỒ SƠ", firstActor(dossier));
        });
    }

    /**
     * Form 02: request to supplement or complete the dossier, listing every item at once.
     *
     * @throws IllegalStateException when no supplement was requested
     */
    public byte[] supplementRequest(Dossier dossier) {
        DossierEvent request = last(dossier, DossierAction.REQUEST_SUPPLEMENT_AT_INTAKE, DossierAction.REQUEST_SUPPLEMENT);
        return write(dossier, "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "02", p -> {
            p.doc().add(line(p.f(), "Kính gửi: ", dossier.applicant().name(), p.fb()));
            p.doc().add(line(p.f(), "Ngày nộp hồ sơ: ", moment(dossier.submittedAt()), p.f()));
            p.doc().add(line(p.f(), "Thủ tục: ", procedure(dossier), p.fb()));
            p.doc().add(new Paragraph("Hồ sơ cần bổ sung, hoàn thiện những nội dung sau (một lần, đầy đủ):", p.f()));
            p.doc().add(new Paragraph(nz(request.reason()), p.f()));
            p.doc().add(line(p.f(), "Người hướng dẫn: ", person(request.actor()) + ", lúc " + moment(request.occurredAt()), p.f()));
            signatures(p, "NGƯỜI NỘP HỒ SƠ", dossier.applicant().name(), "NGƯỜI HƯỚNG DẪN", person(request.actor()));
        });
    }

    /**
     * Form 03: refusal slip with the specific reasons.
     *
     * @throws IllegalStateException when the dossier was not refused
     */
    public byte[] refusal(Dossier dossier) {
        DossierEvent refusal = last(dossier, DossierAction.REFUSE);
        return write(dossier, "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "03", p -> {
            p.doc().add(line(p.f(), "Kính gửi: ", dossier.applicant().name(), p.fb()));
            p.doc().add(line(p.f(), "Thủ tục: ", procedure(dossier), p.fb()));
            p.doc().add(new Paragraph(dossier.receivingAgencyName()
                + " không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:", p.f()));
            p.doc().add(new Paragraph(nz(refusal.reason()), p.fb()));
            p.doc().add(line(p.f(), "Thời gian: ", moment(refusal.occurredAt()), p.f()));
            signatures(p, "NGƯỜI NỘP HỒ SƠ", dossier.applicant().name(), "NGƯỜI TIẾP NHẬN", person(refusal.actor()));
        });
    }

    /**
     * Form 04: apology and new appointment (Văn bản xin lỗi và hẹn lại ngày trả kết quả), signed on behalf
     * of the deciding agency.
     *
     * @throws IllegalStateException when no new appointment was given
     */
    public byte[] apology(Dossier dossier) {
        DossierEvent apology = last(dossier, DossierAction.RESCHEDULE);
        return write(dossier, "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "04", p -> {
            p.doc().add(line(p.f(), "Kính gửi: ", dossier.applicant().name(), p.fb()));
            p.doc().add(line(p.f(), "Thủ tục: ", procedure(dossier), p.f()));
            p.doc().add(line(p.f(), "Ngày hẹn trả kết quả: ", moment(dossier.clock().dueAt()), p.f()));
            p.doc().add(line(p.f(), "Lý do chậm trả kết quả: ", nz(apology.reason()), p.f()));
            p.doc().add(new Paragraph(dossier.receivingAgencyName() + " xin lỗi Ông/Bà vì sự chậm trễ này và hẹn lại "
                + "thời gian trả kết quả như sau:", p.f()));
            p.doc().add(line(p.f(), "Thời gian hẹn trả kết quả mới: ", moment(dossier.clock().rescheduledDueAt()), p.fb()));
            signatures(p, "NGƯỜI NHẬN", dossier.applicant().name(), "THỦ TRƯỞNG CƠ QUAN GIẢI QUYẾT",
                person(agencyHeadSigner(dossier, apology)));
        });
    }

    /**
     * Written reply refusing the request on its merits (văn bản trả lời nêu rõ lý do, docs/domain.md §2.4) for a
     * dossier the leader did not approve (status NOT_APPROVED), with the reason, signed by that leader.
     *
     * @throws IllegalStateException when the dossier was not rejected
     */
    public byte[] rejectionReply(Dossier dossier) {
        DossierEvent rejection = last(dossier, DossierAction.REJECT);
        return write(dossier, "VĂN BẢN TRẢ LỜI / THÔNG BÁO KHÔNG GIẢI QUYẾT HỒ SƠ", null, p -> {
            p.doc().add(line(p.f(), "Kính gửi: ", dossier.applicant().name(), p.fb()));
            p.doc().add(line(p.f(), "Thủ tục: ", procedure(dossier), p.f()));
            p.doc().add(line(p.f(), "Ngày tiếp nhận hồ sơ: ", moment(dossier.clock().receivedAt()), p.f()));
            p.doc().add(new Paragraph(dossier.receivingAgencyName()
                + " đã xem xét hồ sơ và trả lời không giải quyết yêu cầu của Ông/Bà với lý do như sau:", p.f()));
            p.doc().add(new Paragraph(nz(rejection.reason()), p.fb()));
            p.doc().add(line(p.f(), "Thời gian: ", moment(rejection.occurredAt()), p.f()));
            p.doc().add(new Paragraph("Hồ sơ đã nộp được trả lại cho Ông/Bà tại Bộ phận Một cửa - "
                + dossier.receivingAgencyName() + ".", p.f()));
            signatures(p, "NGƯỜI NHẬN", dossier.applicant().name(), "THỦ TRƯỞNG CƠ QUAN GIẢI QUYẾT",
                person(rejection.actor()));
        });
    }

    /**
     * Form 06: processing control sheet, one row per hand-over with times, handler and whether the step
     * was early, on time or late.
     *
     * @throws IllegalStateException when the dossier has not been received
     */
    public byte[] controlSheet(Dossier dossier) {
        if (dossier.steps().isEmpty()) {
            throw new IllegalStateException("dossier " + dossier.code() + " has no internal steps yet");
        }
        return write(dossier, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "06", p -> {
            p.doc().add(line(p.f(), "Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả mã: ", dossier.code(), p.fb()));
            p.doc().add(line(p.f(), "Thủ tục: ", procedure(dossier), p.f()));
            p.doc().add(line(p.f(), "Hẹn trả kết quả: ", moment(dossier.clock().dueAt()), p.f()));
            PdfPTable t = table(p, new float[] {0.5f, 3.2f, 2.4f, 2.4f, 1.6f, 1.8f},
                "TT", "Bước, đơn vị thực hiện", "Nhận lúc", "Hoàn thành lúc (người thực hiện)", "Hạn", "Kết quả");
            for (DossierStep s : dossier.steps()) {
                row(t, p.f(), String.valueOf(s.position()),
                    s.name() + (s.responsibleUnit() == null ? "" : " - " + s.responsibleUnit()),
                    s.startedAt() == null ? "" : moment(s.startedAt()),
                    s.completedAt() == null ? "" : moment(s.completedAt()) + " (" + person(s.completedBy()) + ")",
                    s.dueAt() == null ? "" : moment(s.dueAt()),
                    s.timeliness() == null ? "" : TIMELINESS.get(s.timeliness()));
            }
            p.doc().add(t);
        });
    }

    /** A body writer that may throw the PDF library's checked exception. */
    private interface Body {
        void write(Page page) throws DocumentException;
    }

    private byte[] write(Dossier dossier, String title, String formNo, Body body) {
        return write(dossier, title, formNo, dossier.code(), body);
    }

    /** @param qrText what the QR code carries (the dossier code, or the receipt's public lookup link) */
    private byte[] write(Dossier dossier, String title, String formNo, String qrText, Body body) {
        Font f = PdfFonts.regular(10.5f);
        Font fb = PdfFonts.bold(10.5f);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 50, 50, 40, 40);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            doc.addTitle(title + " " + dossier.code());
            doc.open();
            PdfPTable head = new PdfPTable(new float[] {1, 1.2f});
            head.setWidthPercentage(100);
            head.addCell(cell(new Phrase(dossier.receivingAgencyName().toUpperCase(java.util.Locale.forLanguageTag("vi")), fb),
                Element.ALIGN_CENTER));
            Paragraph motto = new Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", fb);
            motto.add(new Chunk("\nĐộc lập - Tự do - Hạnh phúc", fb));
            head.addCell(cell(motto, Element.ALIGN_CENTER));
            doc.add(head);
            Paragraph t = new Paragraph("\n" + title, PdfFonts.bold(14));
            t.setAlignment(Element.ALIGN_CENTER);
            doc.add(t);
            Paragraph code = new Paragraph("Mã hồ sơ: " + dossier.code(), fb);
            code.setAlignment(Element.ALIGN_CENTER);
            doc.add(code);
            PdfPTable codes = new PdfPTable(new float[] {1, 2});
            codes.setWidthPercentage(70);
            codes.setSpacingBefore(6);
            codes.addCell(imageCell(qr(qrText), 90));
            codes.addCell(imageCell(barcode(writer.getDirectContent(), dossier.code()), 0));
            doc.add(codes);
            body.write(new Page(doc, writer, f, fb, out));
            if (formNo != null) {
                doc.add(new Paragraph("\nMẫu " + formNo + " - " + (dossier.regime() == LegalRegime.DECREE_61_2018
                    ? "Thông tư 01/2018/TT-VPCP (Nghị định 61/2018/NĐ-CP)"
                    : "Thông tư 03/2025/TT-VPCP (Nghị định 118/2025/NĐ-CP)"), PdfFonts.regular(8)));
            }
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot render form " + formNo + " of " + dossier.code(), e);
        } finally {
            doc.close();
        }
        return out.toByteArray();
    }

    private static PdfPTable table(Page p, float[] widths, String... headers) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setSpacingBefore(4);
        for (String h : headers) {
            t.addCell(new PdfPCell(new Phrase(h, p.fb())));
        }
        return t;
    }

    private static void row(PdfPTable t, Font f, String... values) {
        for (String v : values) {
            t.addCell(new PdfPCell(new Phrase(v, f)));
        }
    }

    private static void signatures(Page p, String leftTitle, String leftName, String rightTitle, String rightName)
        throws DocumentException {
        PdfPTable sign = new PdfPTable(2);
        sign.setWidthPercentage(100);
        sign.setSpacingBefore(14);
        sign.addCell(cell(new Phrase(leftTitle + "\n(Ký và ghi rõ họ tên)\n\n\n\n" + nz(leftName), p.fb()), Element.ALIGN_CENTER));
        sign.addCell(cell(new Phrase(rightTitle + "\n(Ký và ghi rõ họ tên)\n\n\n\n" + nz(rightName), p.fb()), Element.ALIGN_CENTER));
        p.doc().add(sign);
    }

    private static String procedure(Dossier d) {
        return d.snapshot().name() + " (mã thủ tục " + d.snapshot().code() + ")";
    }

    private String firstActor(Dossier d) {
        return d.history().isEmpty() ? "" : person(d.history().get(0).actor());
    }

    private static DossierEvent last(Dossier d, DossierAction... actions) {
        List<DossierAction> wanted = List.of(actions);
        for (int i = d.history().size() - 1; i >= 0; i--) {
            if (wanted.contains(d.history().get(i).action())) {
                return d.history().get(i);
            }
        }
        throw new IllegalStateException("dossier " + d.code() + " has no " + wanted + " event");
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
}
