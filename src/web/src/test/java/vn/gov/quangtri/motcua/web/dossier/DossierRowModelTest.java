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
}
