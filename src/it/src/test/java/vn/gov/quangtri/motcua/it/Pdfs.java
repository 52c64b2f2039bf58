package vn.gov.quangtri.motcua.it;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads a PDF slip back: its text (PDFBox) and the QR code on its first page (ZXing). */
final class Pdfs {

    private Pdfs() {
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /**
     * Decodes the QR code drawn on page 1. The page is rendered at 200, 300 and 150 dpi and read with ZXing's hybrid
     * and then its global-histogram binarizer, the first reading wins: one rendering alone failed now and then on the
     * loaded test machine.
     */
    static String qr(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            Map<DecodeHintType, Object> hints = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE,
                DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
            Exception last = null;
            for (int dpi : new int[] {200, 300, 150}) {
                BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, dpi);
                BufferedImageLuminanceSource source = new BufferedImageLuminanceSource(page);
                for (BinaryBitmap bitmap : List.of(new BinaryBitmap(new HybridBinarizer(source)),
                    new BinaryBitmap(new GlobalHistogramBinarizer(source)))) {
                    try {
                        return new QRCodeReader().decode(bitmap, hints).getText();
                    } catch (NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
                        last = e;
                    }
                }
            }
            throw new AssertionError("No readable QR code on page 1", last);
        }
    }
}
