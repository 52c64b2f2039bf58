package vn.gov.quangtri.motcua.dossier.domain;

/**
 * What a received file is, as measured from its bytes (issue 15 §1, §2).
 *
 * @param name      the name as given
 * @param mediaType media type detected from the content
 * @param sizeBytes size in bytes
 * @param sha256    SHA-256 of the bytes, 64 lower-case hex digits
 * @param pages     pages of a PDF, null otherwise
 * @param signature the digital signature of a PDF ({@link SignatureCheck#none()} for other files)
 */
public record FileContent(FileName name, String mediaType, long sizeBytes, String sha256, Integer pages,
                          SignatureCheck signature) {
}
