package vn.gov.quangtri.motcua.reporting.application;

import java.util.List;

/**
 * One slice of the tracking book (form 07) for a paged screen: named apart from the screen bean
 * {@code web.report.TrackingBookPage}.
 *
 * @param total  all lines matching the filter
 * @param offset index of the first line returned (0-based)
 * @param rows   the lines, in receipt order
 */
public record TrackingBookSlice(long total, int offset, List<TrackingBookRow> rows) {
}
