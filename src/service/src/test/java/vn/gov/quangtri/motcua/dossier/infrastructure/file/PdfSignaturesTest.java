package vn.gov.quangtri.motcua.dossier.infrastructure.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.gov.quangtri.motcua.dossier.domain.SignatureCheck;

/**
 * The signature of a result PDF (issue 15 §2) on files signed here with a test certificate of "Nguyễn Văn Ký",
 * issued by a test root: present, signer and time read back, valid against the root, untrusted without it or against
 * another root, invalid once a signed byte changes.
 */
class PdfSignaturesTest {

    @TempDir
    Path dir;

    private record Issued(KeyPair keys, X509Certificate certificate) {
    }

    private static Issued issue(String subject, Issued issuer, boolean ca) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Instant now = Instant.now();
        X500Name name = new X500Name(subject);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
            issuer == null ? name : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
            BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(1, ChronoUnit.DAYS)),
            Date.from(now.plus(365, ChronoUnit.DAYS)), name, keys.getPublic());
        if (ca) {
            builder.addExtension(org.bouncycastle.asn1.x509.Extension.basicConstraints, true,
                new org.bouncycastle.asn1.x509.BasicConstraints(true));
        }
        var signer = new JcaContentSignerBuilder("SHA256withRSA")
            .build(issuer == null ? keys.getPrivate() : issuer.keys().getPrivate());
        return new Issued(keys, new JcaX509CertificateConverter().getCertificate(builder.build(signer)));
    }

    private Path signedPdf(Issued signer, Issued root, Instant at) throws Exception {
        Path file = dir.resolve("ket-qua.pdf");
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (PDDocument d = new PDDocument()) {
            d.addPage(new PDPage());
            d.save(plain);
        }
        // a signature is added as an incremental update of a saved file, as signing tools do
        try (PDDocument d = Loader.loadPDF(plain.toByteArray()); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setName("Nguyễn Văn Ký");
            Calendar when = Calendar.getInstance(TimeZone.getTimeZone("Asia/Ho_Chi_Minh"));
            when.setTimeInMillis(at.toEpochMilli());
            signature.setSignDate(when);
            d.addSignature(signature, content -> {
                try {
                    CMSSignedDataGenerator g = new CMSSignedDataGenerator();
                    g.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                        new JcaDigestCalculatorProviderBuilder().build())
                        .build(new JcaContentSignerBuilder("SHA256withRSA").build(signer.keys().getPrivate()),
                            signer.certificate()));
                    g.addCertificates(new JcaCertStore(List.of(signer.certificate(), root.certificate())));
                    return g.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
                } catch (Exception e) {
                    throw new java.io.IOException(e);
                }
            });
            d.saveIncremental(out);
            Files.write(file, out.toByteArray());
        }
        return file;
    }

    @Test
    void anUnsignedPdfIsNotSigned() throws Exception {
        Path file = dir.resolve("plain.pdf");
        try (PDDocument d = new PDDocument()) {
            d.addPage(new PDPage());
            d.save(file.toFile());
        }
        SignatureCheck c = PdfSignatures.check(file, List.of());
        assertEquals(SignatureCheck.Status.NOT_SIGNED, c.status());
        assertNull(c.signer());
    }

    @Test
    void aSignedResultIsValidAgainstItsRootOnly() throws Exception {
        Issued root = issue("CN=Test Root CA, O=motcua test", null, true);
        Issued signer = issue("CN=Nguyễn Văn Ký, O=UBND xã Vĩnh Linh", root, false);
        Instant at = Instant.parse("2026-12-01T03:15:00Z");
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path file = signedPdf(signer, root, at);
        Instant after = Instant.now();

        SignatureCheck trusted = PdfSignatures.check(file, List.of(root.certificate()));
        assertEquals(SignatureCheck.Status.VALID, trusted.status(), trusted.detail());
        assertEquals("Nguyễn Văn Ký", trusted.signer());
        assertEquals(1, trusted.count());
        // the signed signing-time attribute (added by the CMS generator when signing) wins over the unsigned
        // dictionary date the signing tool wrote (here five days earlier)
        assertTrue(!trusted.signedAt().isBefore(before) && !trusted.signedAt().isAfter(after), trusted.signedAt()
            + " not in [" + before + ", " + after + "]");

        assertEquals(SignatureCheck.Status.UNTRUSTED, PdfSignatures.check(file, List.of()).status());
        Issued other = issue("CN=Another Root", null, true);
        SignatureCheck foreign = PdfSignatures.check(file, List.of(other.certificate()));
        assertEquals(SignatureCheck.Status.UNTRUSTED, foreign.status());
        assertTrue(foreign.detail().contains("does not chain"), foreign.detail());
    }

    @Test
    void aChangedByteBreaksTheSignature() throws Exception {
        Issued root = issue("CN=Test Root CA", null, true);
        Issued signer = issue("CN=Nguyễn Văn Ký", root, false);
        Path file = signedPdf(signer, root, Instant.parse("2026-12-01T03:15:00Z"));
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int page = text.indexOf("/MediaBox");
        assertTrue(page > 0);
        bytes[page + 1] = (byte) (bytes[page + 1] == 'M' ? 'N' : 'M');
        Files.write(file, bytes);
        SignatureCheck c = PdfSignatures.check(file, List.of(root.certificate()));
        assertEquals(SignatureCheck.Status.INVALID, c.status(), c.detail());
    }
}
