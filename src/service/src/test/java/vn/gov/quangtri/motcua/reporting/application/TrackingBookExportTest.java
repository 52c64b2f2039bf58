package vn.gov.quangtri.motcua.reporting.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;

/**
 * The streamed export of the tracking book (issue 12): the count is read once, the lines in pages of
 * {@value ReportingService#MAX_LIMIT} one after the other, every line once and in order, and the row limit holds.
 */
class TrackingBookExportTest {

    /** A book of {@code total} lines that records the calls made to it. */
    private static final class FakeReporting extends ReportingService {
        final long total;
        int counts;
        final List<String> pages = new ArrayList<>();

        FakeReporting(long total) {
            this.total = total;
        }

        @Override
        public long trackingBookCount(TrackingBookFilter filter) {
            counts++;
            return total;
        }

        @Override
        public TrackingBookSlice trackingBook(TrackingBookFilter filter, int offset, int limit, long knownTotal) {
            pages.add(offset + "+" + limit + "/" + knownTotal);
            List<TrackingBookRow> rows = new ArrayList<>();
            for (long i = offset; i < Math.min(total, (long) offset + limit); i++) {
                rows.add(new TrackingBookRow(i + 1, "000.00.60.H50-260302-" + i, "Đăng ký khai sinh", 1, "Người " + i,
                    null, null, "Xã Vĩnh Linh", "Xã Vĩnh Linh", Instant.parse("2026-03-02T03:00:00Z"), null, null, null,
                    null, null, null, DossierStatus.IN_PROCESS, null, ""));
            }
            return new TrackingBookSlice(total, offset, rows);
        }
    }

    private static Sheet book(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes)).getSheetAt(0);
    }

    @Test
    @DisplayName("2,345 lines: one count, pages 0+1000, 1000+1000, 2000+345, lines 1…2,345 in order under the header")
    void pagesInOrder() throws IOException {
        FakeReporting reporting = new FakeReporting(2345);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TrackingBookExport(reporting).write(new TrackingBookFilter(null, LocalDate.of(2026, 3, 1),
            LocalDate.of(2026, 3, 31), null, null, null), "Xã Vĩnh Linh", 500_000, out);
        assertEquals(1, reporting.counts);
        assertEquals(List.of("0+1000/2345", "1000+1000/2345", "2000+345/2345"), reporting.pages);
        Sheet s = book(out.toByteArray());
        assertEquals(5 + 2345 - 1, s.getLastRowNum(), "title block, header on row 5, then the lines");
        for (int line = 1; line <= 2345; line++) {
            assertEquals(line, (int) s.getRow(4 + line).getCell(0).getNumericCellValue());
            assertEquals("000.00.60.H50-260302-" + (line - 1), s.getRow(4 + line).getCell(1).getStringCellValue());
        }
        assertEquals("Từ ngày 01/03/2026 đến ngày 31/03/2026", s.getRow(2).getCell(0).getStringCellValue());
    }

    @Test
    @DisplayName("A limit of 1,500 lines reads 1,000 + 500 and writes 1,500; an empty book has the header only")
    void limitAndEmpty() throws IOException {
        FakeReporting reporting = new FakeReporting(2345);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TrackingBookExport(reporting).write(null, "Xã Vĩnh Linh", 1500, out);
        assertEquals(List.of("0+1000/2345", "1000+500/2345"), reporting.pages);
        assertEquals(5 + 1500 - 1, book(out.toByteArray()).getLastRowNum());

        FakeReporting none = new FakeReporting(0);
        ByteArrayOutputStream empty = new ByteArrayOutputStream();
        new TrackingBookExport(none).write(null, "Xã Vĩnh Linh", 1500, empty);
        assertEquals(List.of(), none.pages);
        Sheet s = book(empty.toByteArray());
        assertEquals(4, s.getLastRowNum());
        assertEquals("STT", s.getRow(4).getCell(0).getStringCellValue());
    }
}
