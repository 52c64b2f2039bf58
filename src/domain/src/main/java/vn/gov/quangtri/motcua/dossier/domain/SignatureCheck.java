package vn.gov.quangtri.motcua.dossier.domain;

import java.time.Instant;

/**
 * What the digital signature of a PDF shows (issue 15 §2), as read when the file was attached.
 *
 * @param status   whether it is signed, and whether the signature holds
 * @param count    signatures in the file (the last one is described)
 * @param signer   the signer's name (certificate common name), null when not signed
 * @param signedAt when it was signed (signed signing-time, else the signature's date), null when unknown
 * @param detail   a short English explanation of the status (shown to administrators and over REST)
 */
public record SignatureCheck(Status status, int count, String signer, Instant signedAt, String detail) {

    /** The outcome of the check. */
    public enum Status {
        /** No digital signature in the file. */
        NOT_SIGNED,
        /** The signature matches the signed bytes and the certificate chains to a configured trust anchor. */
        VALID,
        /** The signature matches the signed bytes, but the certificate does not chain to a configured anchor. */
        UNTRUSTED,
        /** The signature does not match the bytes (changed after signing) or cannot be read. */
        INVALID
    }

    /** An unsigned file. */
    public static SignatureCheck none() {
        return new SignatureCheck(Status.NOT_SIGNED, 0, null, null, null);
    }
}
