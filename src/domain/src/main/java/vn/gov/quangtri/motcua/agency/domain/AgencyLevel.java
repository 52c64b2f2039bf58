package vn.gov.quangtri.motcua.agency.domain;

/**
 * Administrative level of an agency (cấp). Before 1/7/2025: province → department/district → commune;
 * after: province → department/commune (Law 72/2025/QH15, two-tier local government). The hierarchy
 * itself is data ({@link Agency#parent()}), not this enum.
 */
public enum AgencyLevel {
    /** Provincial People's Committee (cấp tỉnh). */
    PROVINCE,
    /** Unit directly under the province: department, centre, vertical agency. */
    DEPARTMENT,
    /** District-level People's Committee (cấp huyện), abolished from 1/7/2025. */
    DISTRICT,
    /** Commune-level unit (xã, phường, thị trấn, đặc khu). */
    COMMUNE
}
