package vn.gov.quangtri.motcua.agency.domain;

/** What sort of unit an agency is; finer than {@link AgencyLevel}. */
public enum AgencyKind {
    /** Ủy ban nhân dân tỉnh. */
    PROVINCE,
    /** Trung tâm Phục vụ hành chính công tỉnh (provincial one-stop centre, Decree 118/2025). */
    SERVICE_CENTRE,
    /** Sở, ban, ngành or a vertically managed agency in the province. */
    DEPARTMENT,
    /** Huyện / thị xã / thành phố thuộc tỉnh (before 1/7/2025). */
    DISTRICT,
    /** Xã. */
    COMMUNE,
    /** Phường. */
    WARD,
    /** Thị trấn (before 1/7/2025). */
    TOWN,
    /** Đặc khu (from 1/7/2025, e.g. Cồn Cỏ). */
    SPECIAL_ZONE
}
