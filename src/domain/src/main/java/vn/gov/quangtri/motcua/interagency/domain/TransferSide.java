package vn.gov.quangtri.motcua.interagency.domain;

/** Which side of a transfer a row describes. */
public enum TransferSide {
    /** The parent dossier's installation: it transferred the dossier and waits for the result. */
    SENDER,
    /** The co-operating agency's installation: it holds the child dossier and returns the result. */
    RECEIVER
}
