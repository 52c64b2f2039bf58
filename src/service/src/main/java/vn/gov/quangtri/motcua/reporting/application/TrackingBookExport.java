package vn.gov.quangtri.motcua.reporting.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import vn.gov.quangtri.motcua.reporting.infrastructure.TrackingBookWorkbook;

/**
 * The tracking book (Sổ theo dõi hồ sơ, form 07) as an .xlsx file, for the screens: the lines of
 * {@link ReportingService#trackingBook} (same filter, same scope of the signed-in account) read in pages of
 * {@value ReportingService#MAX_LIMIT} in one transaction and streamed by {@link TrackingBookWorkbook}. Receipt days
 * are Vietnam dates (Asia/Ho_Chi_Minh).
 */
@Stateless
public class TrackingBookExport {

    @EJB
    private ReportingService reporting;

    /** For the container. */
    public TrackingBookExport() {
    }

    /** For tests outside the container. */
    TrackingBookExport(ReportingService reporting) {
        this.reporting = reporting;
    }

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
     * Streams the filtered book as .xlsx to {@code out}: the count is read once, then the lines in pages of
     * {@value ReportingService#MAX_LIMIT}, each page written before the next is read, so memory stays bounded
     * whatever the number of lines (issue 12: a month of a busy unit).
     *
     * @param filter   filters (null = none); the receipt days also go into the title
     * @param unitName name of the unit or scope for the title
     * @param maxRows  most lines written (≥ 1); the rest is left out
     * @param out      where the file goes (not closed)
     * @throws vn.gov.quangtri.motcua.shared.domain.RuleViolationException {@code DATE_RANGE_REVERSED}
     */
    public void write(TrackingBookFilter filter, String unitName, int maxRows, OutputStream out) {
        long count = reporting.trackingBookCount(filter);
        long total = Math.min(count, maxRows);
        Iterator<TrackingBookRow> rows = new Iterator<>() {
            private List<TrackingBookRow> page = List.of();
            private int inPage;
            private int read;

            @Override
            public boolean hasNext() {
                if (inPage < page.size()) {
                    return true;
                }
                if (read >= total) {
                    return false;
                }
                page = reporting.trackingBook(filter, read, (int) Math.min(ReportingService.MAX_LIMIT, total - read),
                    count).rows();
                inPage = 0;
                return !page.isEmpty();
            }

            @Override
            public TrackingBookRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                read++;
                return page.get(inPage++);
            }
        };
        new TrackingBookWorkbook().writeTrackingBook(unitName, filter == null ? null : filter.receivedFrom(),
            filter == null ? null : filter.receivedTo(), rows, out);
    }
}
