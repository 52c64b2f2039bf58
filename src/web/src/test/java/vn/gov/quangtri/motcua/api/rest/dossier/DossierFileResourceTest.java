package vn.gov.quangtri.motcua.api.rest.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DossierFileResourceTest {

    /** The UTF-8 bytes of a name read one byte per character, as Jersey reads a multipart header. */
    private static String asLatin1(String name) {
        return new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    @Test
    void aUtf8NameReadAsLatin1IsDecodedAgain() {
        String name = "Đơn đề nghị 100% – bản scan.pdf";
        assertEquals(name, DossierFileResource.headerFileName(asLatin1(name)));
    }

    @Test
    void asciiRealLatin1AndAlreadyDecodedNamesStayAsTheyAre() {
        assertEquals("scan 01.pdf", DossierFileResource.headerFileName("scan 01.pdf"));
        // "café" in ISO-8859-1 is not UTF-8: kept
        assertEquals("café.pdf", DossierFileResource.headerFileName("café.pdf"));
        // a client that sent RFC 8187 filename* already gave characters above U+00FF
        assertEquals("Sổ đỏ.pdf", DossierFileResource.headerFileName("Sổ đỏ.pdf"));
        assertNull(DossierFileResource.headerFileName(null));
    }
}
