package vn.gov.quangtri.motcua.web.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.dossier.application.DossierSearch;

/** The lazy dossier table runs each query once per render (issue 12). */
class DossierRowModelTest {

    @Test
    @DisplayName("count() runs only the count query and load() only the page query, with the table's offset and size")
    void oneQueryEach() {
        List<String> calls = new ArrayList<>();
        DossierRowModel model = new DossierRowModel((offset, limit, part) -> {
            calls.add(part + " " + offset + "/" + limit);
            return new DossierSearch.Page(part == DossierSearch.Part.COUNT ? 37 : -1, List.of());
        }, () -> null, Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC));

        // As PrimeFaces' DataTable.loadLazyData does: count, set the row count, then load the page.
        model.setRowCount(model.count(Map.of()));
        assertEquals(List.of(), model.load(25, 25, Map.of(), Map.of()));

        assertEquals(List.of("COUNT 0/1", "PAGE 25/25"), calls);
        assertEquals(37, model.getRowCount(), "the page read does not overwrite the count");
    }

    @Test
    @DisplayName("a count stopped at the bound gives the table the bound as row count and says it is capped")
    void cappedCount() {
        DossierRowModel model = new DossierRowModel((offset, limit, part) -> new DossierSearch.Page(
            DossierSearch.COUNT_BOUND, List.of(), true), () -> null, Clock.systemUTC());
        assertEquals(10_000, model.count(Map.of()));
        assertEquals(true, model.isTotalCapped());
        DossierRowModel exact = new DossierRowModel((offset, limit, part) -> new DossierSearch.Page(9_999, List.of()),
            () -> null, Clock.systemUTC());
        assertEquals(9_999, exact.count(Map.of()));
        assertEquals(false, exact.isTotalCapped());
    }
}
