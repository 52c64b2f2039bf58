package vn.gov.quangtri.motcua.catalogue.domain;

/** In what form a dossier component must be (or was) submitted: original, certified copy, plain copy. */
public enum DocumentForm {
    /** Bản chính. */
    ORIGINAL,
    /** Bản sao có chứng thực (or a copy shown with the original). */
    CERTIFIED_COPY,
    /** Bản sao / bản chụp. */
    COPY,
    /** Any of the above accepted; the catalogue does not say. */
    ANY
}
