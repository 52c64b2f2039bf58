package vn.gov.quangtri.motcua.rating.domain;

/** Where a rating was given (Decree 61 art. 32): the public link of the receipt slip, or the desk's kiosk. */
public enum RatingChannel {
    /** The public lookup page or {@code POST /api/v1/public/ratings} with the slip's code and secret. */
    PUBLIC_LINK,
    /** The touch screen at the desk, signed in as the unit's kiosk device account. */
    KIOSK
}
