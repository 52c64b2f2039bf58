package vn.gov.quangtri.motcua.calendar.application;

import java.time.Instant;

/**
 * A configured year of the holiday calendar.
 *
 * @param year      Gregorian year
 * @param entries   how many days it has (days off and make-up working days; 0 = weekends only)
 * @param createdAt when an administrator created it; null for the years of the reference data
 * @param createdBy who created it; null for the years of the reference data
 */
public record ConfiguredYear(int year, long entries, Instant createdAt, String createdBy) {
}
