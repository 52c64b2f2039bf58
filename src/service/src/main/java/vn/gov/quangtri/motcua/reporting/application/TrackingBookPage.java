package vn.gov.quangtri.motcua.reporting.application;

import java.util.List;

/**
 * One page of the tracking book.
 *
 * @param total  all lines matching the filter
 * @param offset index of the first line returned (0-based)
 * @param rows   the lines, in receipt order
 */
public record TrackingBookPage(long total, int offset, List<TrackingBookRow> rows) {
}
