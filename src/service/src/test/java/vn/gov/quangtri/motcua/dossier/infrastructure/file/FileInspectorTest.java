package vn.gov.quangtri.motcua.dossier.infrastructure.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.gov.quangtri.motcua.dossier.domain.FileContent;
import vn.gov.quangtri.motcua.dossier.domain.FileName;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;

class FileInspectorTest {

    @TempDir
    Path dir;

    @Test
    void aPdfHasItsTypePagesSizeAndHash() throws Exception {
        Path pdf = dir.resolve("x");
        try (PDDocument d = new PDDocument()) {
            d.addPage(new PDPage());
            d.addPage(new PDPage());
            d.addPage(new PDPage());
            d.save(pdf.toFile());
        }
        FileContent c = FileInspector.inspect(pdf, FileName.of("Tờ khai.pdf"));
        assertEquals("application/pdf", c.mediaType());
        assertEquals(3, c.pages());
        assertEquals(Files.size(pdf), c.sizeBytes());
        assertEquals(64, c.sha256().length());
    }

    @Test
    void theHashIsSha256OfTheBytes() throws Exception {
        Path f = dir.resolve("abc");
        Files.writeString(f, "abc", StandardCharsets.US_ASCII);
        // FIPS 180-2 example: SHA-256("abc")
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", FileInspector.sha256(f));
    }

    @Test
    void theContentDecidesNotTheName() throws Exception {
        Path text = dir.resolve("t");
        Files.writeString(text, "not a pdf at all, just words\n");
        assertEquals("text/plain", FileInspector.inspect(text, FileName.of("hợp đồng.pdf")).mediaType());

        Path png = dir.resolve("p");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'});
        FileContent image = FileInspector.inspect(png, FileName.of("ảnh.pdf"));
        assertEquals("image/png", image.mediaType());
        assertNull(image.pages());

        Path exe = dir.resolve("e");
        byte[] mz = new byte[256];
        mz[0] = 'M';
        mz[1] = 'Z';
        Files.write(exe, mz);
        String exeType = FileInspector.inspect(exe, FileName.of("giay-to.pdf")).mediaType();
        assertNotEquals("application/pdf", exeType);
    }

    @Test
    void anOfficePackageIsNarrowedByItsNameOnlyWhenTheContentIsOne() throws Exception {
        Path docx = dir.resolve("d");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Files.write(docx, bytes.toByteArray());
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            FileInspector.inspect(docx, FileName.of("Biên bản.docx")).mediaType());
    }

    @Test
    void aBrokenPdfIsRefused() throws Exception {
        Path broken = dir.resolve("b");
        Files.writeString(broken, "%PDF-1.7\nthis is not really a PDF\n");
        assertEquals(FileInspector.UNREADABLE, assertThrows(RuleViolationException.class,
            () -> FileInspector.inspect(broken, FileName.of("x.pdf"))).reason());
    }

    /** Issue 16 (fresh-user trial): an empty file is said to be empty, not "a PDF that cannot be opened". */
    @Test
    void anEmptyFileIsSaidToBeEmpty() throws Exception {
        Path empty = dir.resolve("empty");
        Files.write(empty, new byte[0]);
        for (String name : new String[] {"Tờ khai.pdf", "ảnh.jpg", "x"}) {
            RuleViolationException e = assertThrows(RuleViolationException.class,
                () -> FileInspector.inspect(empty, FileName.of(name)), name);
            assertEquals("FILE_EMPTY", e.reason());
            assertEquals("The file is empty (0 bytes); nothing was attached", e.getMessage());
            assertEquals(java.util.List.of("file: the file is empty"), e.details());
        }
    }
}
