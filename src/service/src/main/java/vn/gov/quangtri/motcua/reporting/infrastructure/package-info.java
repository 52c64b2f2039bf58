/**
 * {@code TrackingBookWorkbook}: writes the periodic report and the tracking book as .xlsx with Apache POI. Uses
 * the records of {@code reporting.application} and the domain; no database access.
 */
package vn.gov.quangtri.motcua.reporting.infrastructure;
