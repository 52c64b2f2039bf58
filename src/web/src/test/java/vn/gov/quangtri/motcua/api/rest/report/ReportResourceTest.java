package vn.gov.quangtri.motcua.api.rest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.api.rest.BadInputException;

/** The paging parameters of the report lists (period dossiers, Decision 766 dossiers): default, range, 400. */
class ReportResourceTest {

    @Test
    void limitDefaultsAndStaysWithinItsRange() {
        assertEquals(100, ReportResource.pageParameter("limit", null, 100, 1, 1000));
        assertEquals(100, ReportResource.pageParameter("limit", "  ", 100, 1, 1000));
        assertEquals(1, ReportResource.pageParameter("limit", "1", 100, 1, 1000));
        assertEquals(1000, ReportResource.pageParameter("limit", " 1000 ", 100, 1, 1000));
        for (String bad : List.of("abc", "0", "1001", "-5", "2.5", "99999999999")) {
            BadInputException e = assertThrows(BadInputException.class,
                () -> ReportResource.pageParameter("limit", bad, 100, 1, 1000), bad);
            assertEquals(List.of("limit: an integer from 1 to 1000"), e.errors());
        }
    }

    @Test
    void offsetIsZeroOrMore() {
        assertEquals(0, ReportResource.pageParameter("offset", null, 0, 0, Integer.MAX_VALUE));
        assertEquals(250, ReportResource.pageParameter("offset", "250", 0, 0, Integer.MAX_VALUE));
        assertEquals(List.of("offset: an integer from 0 up"), assertThrows(BadInputException.class,
            () -> ReportResource.pageParameter("offset", "-1", 0, 0, Integer.MAX_VALUE)).errors());
        assertThrows(BadInputException.class, () -> ReportResource.pageParameter("offset", "x", 0, 0, Integer.MAX_VALUE));
    }
}
