package vn.gov.quangtri.motcua.shared.infrastructure.pdf;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The fonts of every PDF the application writes (slips and forms, period reports): DejaVu Sans, regular and bold,
 * embedded with Unicode (Identity-H) encoding so Vietnamese diacritics print on any reader. The font files are read
 * once from the service jar ({@code /fonts/}); each call gives a font object for one document.
 */
public final class PdfFonts {

    private static final byte[] REGULAR = bytes("/fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = bytes("/fonts/DejaVuSans-Bold.ttf");

    private PdfFonts() {
    }

    /** DejaVu Sans at {@code points} (1/72 inch). */
    public static Font regular(float points) {
        return new Font(font("DejaVuSans.ttf", REGULAR), points);
    }

    /** DejaVu Sans Bold at {@code points}. */
    public static Font bold(float points) {
        return new Font(font("DejaVuSans-Bold.ttf", BOLD), points);
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
        try (InputStream in = PdfFonts.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing font " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
