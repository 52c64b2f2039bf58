package vn.gov.quangtri.motcua.dossier.infrastructure.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Store;
import vn.gov.quangtri.motcua.dossier.domain.SignatureCheck;

/**
 * Reads the digital signature of a PDF (issue 15 §2): whether it is signed, who signed (the certificate's common
 * name), when (the signed signing-time attribute, else the signature dictionary's date), and whether the signature
 * is valid: the signed bytes match the signature (Apache PDFBox finds the signature and its byte range, Bouncy Castle
 * checks the CMS signature) and the signer's certificate chains to one of the configured trust anchors (PKIX at the
 * signing time; revocation is not checked, as no CRL or OCSP source is configured). The last signature of the file
 * is the one reported; the count says how many there are.
 */
public final class PdfSignatures {

    private PdfSignatures() {
    }

    /**
     * @param pdf     the file
     * @param anchors trusted root certificates (empty: a correct signature is {@link SignatureCheck.Status#UNTRUSTED})
     * @return what the signature shows; {@link SignatureCheck#none()} for an unsigned PDF
     * @throws IOException when the file cannot be read as a PDF
     */
    public static SignatureCheck check(Path pdf, Collection<X509Certificate> anchors) throws IOException {
        byte[] bytes = Files.readAllBytes(pdf);
        try (PDDocument document = Loader.loadPDF(bytes)) {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                return SignatureCheck.none();
            }
            PDSignature last = signatures.get(signatures.size() - 1);
            return check(last, bytes, signatures.size(), anchors);
        }
    }

    private static SignatureCheck check(PDSignature signature, byte[] file, int count,
                                        Collection<X509Certificate> anchors) throws IOException {
        Instant dictionaryDate = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
        CMSSignedData cms;
        SignerInformation signer;
        X509Certificate certificate;
        try {
            cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(file)),
                signature.getContents(file));
            signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Store<X509CertificateHolder> store = cms.getCertificates();
            Collection<X509CertificateHolder> matches = store.getMatches(signer.getSID());
            if (matches.isEmpty()) {
                return new SignatureCheck(SignatureCheck.Status.INVALID, count, signature.getName(), dictionaryDate,
                    "the signer's certificate is not in the signature");
            }
            certificate = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
        } catch (CMSException | GeneralSecurityException | RuntimeException e) {
            return new SignatureCheck(SignatureCheck.Status.INVALID, count, signature.getName(), dictionaryDate,
                "the signature cannot be read");
        }
        String name = commonName(certificate);
        Instant signedAt = signingTime(signer);
        if (signedAt == null) {
            signedAt = dictionaryDate;
        }
        try {
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))) {
                return new SignatureCheck(SignatureCheck.Status.INVALID, count, name, signedAt,
                    "the document was changed after it was signed");
            }
        } catch (CMSException | OperatorCreationException e) {
            return new SignatureCheck(SignatureCheck.Status.INVALID, count, name, signedAt,
                "the document was changed after it was signed");
        }
        int[] range = signature.getByteRange();
        boolean wholeFile = range.length == 4 && (long) range[2] + range[3] == file.length;
        String coverage = wholeFile ? "" : "; the file has changes added after this signature";
        if (anchors.isEmpty()) {
            return new SignatureCheck(SignatureCheck.Status.UNTRUSTED, count, name, signedAt,
                "signature correct; no trust anchor is configured" + coverage);
        }
        String chain = chainProblem(certificate, cms, anchors, signedAt);
        if (chain != null) {
            return new SignatureCheck(SignatureCheck.Status.UNTRUSTED, count, name, signedAt,
                "signature correct; " + chain + coverage);
        }
        return new SignatureCheck(SignatureCheck.Status.VALID, count, name, signedAt,
            "signature correct; certificate issued under a trusted anchor" + coverage);
    }

    /** Null when the certificate chains to an anchor at the signing time, else why not. */
    private static String chainProblem(X509Certificate certificate, CMSSignedData cms,
                                       Collection<X509Certificate> anchors, Instant at) {
        try {
            List<X509Certificate> path = new ArrayList<>();
            path.add(certificate);
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            @SuppressWarnings("unchecked")
            Store<X509CertificateHolder> store = cms.getCertificates();
            for (X509CertificateHolder h : store.getMatches(null)) {
                X509Certificate c = converter.getCertificate(h);
                if (!c.equals(certificate) && anchors.stream().noneMatch(c::equals)) {
                    path.add(c);
                }
            }
            if (anchors.stream().anyMatch(certificate::equals)) {
                return null;
            }
            Set<TrustAnchor> trust = new HashSet<>();
            anchors.forEach(a -> trust.add(new TrustAnchor(a, null)));
            PKIXParameters parameters = new PKIXParameters(trust);
            parameters.setRevocationEnabled(false);
            if (at != null) {
                parameters.setDate(Date.from(at));
            }
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
            return null;
        } catch (GeneralSecurityException e) {
            return "the certificate does not chain to a trusted anchor";
        }
    }

    private static Instant signingTime(SignerInformation signer) {
        if (signer.getSignedAttributes() == null) {
            return null;
        }
        Attribute attribute = signer.getSignedAttributes().get(CMSAttributes.signingTime);
        if (attribute == null || attribute.getAttrValues().size() == 0) {
            return null;
        }
        try {
            return Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String commonName(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        RDN[] cn = subject.getRDNs(BCStyle.CN);
        return cn.length == 0 ? subject.toString() : IETFUtils.valueToString(cn[0].getFirst().getValue());
    }

    /** Reads trusted certificates from a PEM or DER file holding one or more. */
    public static List<X509Certificate> anchors(InputStream in) throws GeneralSecurityException {
        List<X509Certificate> out = new ArrayList<>();
        for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
            out.add((X509Certificate) c);
        }
        return out;
    }
}
