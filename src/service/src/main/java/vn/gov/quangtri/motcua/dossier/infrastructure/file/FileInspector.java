package vn.gov.quangtri.motcua.dossier.infrastructure.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import vn.gov.quangtri.motcua.dossier.domain.FileContent;
import vn.gov.quangtri.motcua.dossier.domain.FileName;
import vn.gov.quangtri.motcua.dossier.domain.SignatureCheck;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;

/**
 * Measures a received file from its bytes (issue 15 §1): SHA-256 and size, the media type detected by Apache Tika
 * from the content (magic bytes; the name only narrows a type the content already shows, e.g. an OOXML package to
 * a Word document, and never makes a text file a PDF), the pages of a PDF read with Apache PDFBox, and its digital
 * signature ({@link PdfSignatures}).
 */
public final class FileInspector {

    /** Reason of a file whose content is not what its type says (a PDF PDFBox cannot open). */
    public static final String UNREADABLE = "FILE_UNREADABLE";
    /** Reason of an empty file (0 bytes), whatever its name (answered 400). */
    public static final String EMPTY = "FILE_EMPTY";

    private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();

    private FileInspector() {
    }

    /**
     * @param file the bytes as received
     * @param name the name given with them
     * @return what the file is
     * @throws IOException            when the file cannot be read
     * @throws RuleViolationException {@link #EMPTY} for an empty file (0 bytes); {@link #UNREADABLE} for a file that
     *                                starts like a PDF but cannot be opened
     */
    public static FileContent inspect(Path file, FileName name) throws IOException {
        return inspect(file, name, List.of());
    }

    /**
     * As {@link #inspect(Path, FileName)}, also checking a PDF's digital signature against trust anchors
     * ({@link PdfSignatures}).
     *
     * @param anchors the trusted root certificates
     */
    public static FileContent inspect(Path file, FileName name, Collection<X509Certificate> anchors) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            // said plainly, whatever the name promises (issue 16: an empty "x.pdf" was "looks like a PDF but cannot
            // be opened")
            throw new RuleViolationException(EMPTY, "The file is empty (0 bytes); nothing was attached",
                List.of("file: the file is empty"));
        }
        String sha256 = sha256(file);
        String type = detect(file, name);
        Integer pages = null;
        SignatureCheck signature = SignatureCheck.none();
        if ("application/pdf".equals(type)) {
            pages = pdfPages(file);
            signature = PdfSignatures.check(file, anchors);
        }
        return new FileContent(name, type, size, sha256, pages, signature);
    }

    /** The media type from the content, narrowed by the name only within what the content shows. */
    static String detect(Path file, FileName name) throws IOException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name.value());
        try (TikaInputStream in = TikaInputStream.get(file)) {
            MediaType detected = TYPES.detect(in, metadata);
            return detected.getBaseType().toString();
        }
    }

    /** Pages of a PDF (an encrypted PDF opens with the empty user password, as readers do). */
    static int pdfPages(Path file) {
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            return pdf.getNumberOfPages();
        } catch (IOException e) {
            throw new RuleViolationException(UNREADABLE, "The file looks like a PDF but cannot be opened as one",
                List.of("file: not a readable PDF"));
        }
    }

    /** SHA-256 of a file, 64 lower-case hex digits. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
