package vn.gov.quangtri.motcua.dossier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;

class FileNameTest {

    @Test
    void keepsTheNameExactlyInNfc() {
        String decomposed = Normalizer.normalize("Đơn đề nghị cấp GCN 100% (bản scan).pdf", Normalizer.Form.NFD);
        FileName name = FileName.of(decomposed);
        assertEquals("Đơn đề nghị cấp GCN 100% (bản scan).pdf", name.value());
        assertEquals(Normalizer.normalize(name.value(), Normalizer.Form.NFC), name.value());
        assertEquals("pdf", name.extension());
    }

    @Test
    void dropsAClientFolderPath() {
        assertEquals("Giấy tờ.pdf", FileName.of("C:\\fakepath\\Giấy tờ.pdf").value());
        assertEquals("a b.png", FileName.of("/home/x/a b.png").value());
    }

    @Test
    void refusesMissingDotAndControlNames() {
        assertEquals(FileName.INVALID, assertThrows(RuleViolationException.class, () -> FileName.of(null)).reason());
        assertEquals(FileName.INVALID, assertThrows(RuleViolationException.class, () -> FileName.of("  ")).reason());
        assertEquals(FileName.INVALID, assertThrows(RuleViolationException.class, () -> FileName.of("a/..")).reason());
        assertEquals("CONTROL_CHARACTER",
            assertThrows(RuleViolationException.class, () -> FileName.of("gcn\u202Efdp.exe")).reason());
        assertEquals("CONTROL_CHARACTER", assertThrows(RuleViolationException.class, () -> FileName.of("a\u0000.pdf")).reason());
    }

    @Test
    void refusesNamesLongerThan255Characters() {
        String ok = "ệ".repeat(251) + ".pdf";
        assertEquals(255, FileName.of(ok).value().codePointCount(0, FileName.of(ok).value().length()));
        assertThrows(RuleViolationException.class, () -> FileName.of("ệ" + ok));
    }

    @Test
    void contentDispositionCarriesTheUtf8NameAndAnAsciiFallback() {
        // "Đơn" = Đ U+0110 (C4 90), ơ U+01A1 (C6 A1), n; space is %20, % is %25
        assertEquals("attachment; filename=\"Don 100_.pdf\"; filename*=UTF-8''%C4%90%C6%A1n%20100%25.pdf",
            FileName.of("Đơn 100%.pdf").contentDisposition("attachment"));
        assertEquals("inline; filename=\"a_b_.txt\"; filename*=UTF-8''a%22b%5C.txt",
            new FileName("a\"b\\.txt").contentDisposition("inline"));
    }
}
