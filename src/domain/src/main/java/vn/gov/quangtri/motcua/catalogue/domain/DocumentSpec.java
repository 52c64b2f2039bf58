package vn.gov.quangtri.motcua.catalogue.domain;

/**
 * A required document (thành phần hồ sơ) as an administrator enters it.
 *
 * @param name      Vietnamese name, required, at most 1,000 characters
 * @param form      original, certified copy, copy or any ({@link DocumentForm})
 * @param copies    number of copies (số lượng), ≥ 1
 * @param required  true when always required; false for a conditional document ("nếu có", "trường hợp ...")
 * @param condition when a conditional document is needed (required when {@code required} is false), at most
 *                  1,000 characters; ignored for a required document
 */
public record DocumentSpec(String name, DocumentForm form, int copies, boolean required, String condition) {

    /** An always-required document. */
    public static DocumentSpec required(String name, DocumentForm form, int copies) {
        return new DocumentSpec(name, form, copies, true, null);
    }
}
