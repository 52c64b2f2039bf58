package vn.gov.quangtri.motcua.reporting.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.gov.quangtri.motcua.reporting.infrastructure.TrackingBookWorkbook;

/**
 * The tracking book (Sổ theo dõi hồ sơ, form 07) as an .xlsx file, for the screens: the lines of
 * {@link ReportingService#trackingBook} (same filter, same scope of the signed-in account) read in pages of
 * {@value ReportingService#MAX_LIMIT} in one transaction and written by {@link TrackingBookWorkbook}. Receipt days
 * are Vietnam dates (Asia/Ho_Chi_Minh).
 */
@Stateless
public class TrackingBookExport {

    @EJB
    private ReportingService reporting;

    /**
     * The file name for a span of receipt days, e.g. {@code so-theo-doi-ho-so_2026-11-01_2026-11-30.xlsx}.
     *
     * @param from first receipt day, or null
     * @param to   last receipt day, or null
     */
    public static String fileName(LocalDate from, LocalDate to) {
        return TrackingBookWorkbook.fileName(from, to);
    }

    /**
     * The filtered book as .xlsx bytes.
     *
     * @param filter   filters (null = none); the receipt days also go into the title
     * @param unitName name of the unit or scope for the title
     * @param maxRows  most lines written (≥ 1); the rest is left out
     * @throws vn.gov.quangtri.motcua.shared.domain.RuleViolationException {@code DATE_RANGE_REVERSED}
     */
    public byte[] workbook(TrackingBookFilter filter, String unitName, int maxRows) {
        List<TrackingBookRow> all = new ArrayList<>();
        while (all.size() < maxRows) {
            TrackingBookSlice page = reporting.trackingBook(filter, all.size(),
                Math.min(ReportingService.MAX_LIMIT, maxRows - all.size()));
            all.addAll(page.rows());
            if (page.rows().isEmpty() || all.size() >= page.total()) {
                break;
            }
        }
        return new TrackingBookWorkbook().trackingBook(unitName, filter == null ? null : filter.receivedFrom(),
            filter == null ? null : filter.receivedTo(), all);
    }
}
