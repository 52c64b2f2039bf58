package vn.gov.quangtri.motcua.catalogue.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.gov.quangtri.motcua.catalogue.domain.DocumentForm;
import vn.gov.quangtri.motcua.catalogue.domain.Procedure;
import vn.gov.quangtri.motcua.catalogue.domain.RequiredDocument;
import vn.gov.quangtri.motcua.shared.domain.NotFoundException;
import vn.gov.quangtri.motcua.shared.infrastructure.persistence.AdminTestBed;

/**
 * Procedure search on the loaded catalogue (H2 and PostgreSQL) and the reviewed procedures' documents:
 * "tach ho" at the Vĩnh Linh commune desk gives "Tách hộ" first (it came 6th, after un-receivable school
 * procedures, when ordered by review flag and code); no reviewed procedure is without required documents.
 */
class CatalogueSearchTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("'tach ho' at a commune desk: 'Tách hộ' (1.010038) first, every matching procedure still found")
    void exactMatchFirst(String kind) {
        try (AdminTestBed bed = new AdminTestBed(kind)) {
            CatalogueService catalogue = bed.wire(new CatalogueService());
            ProcedurePage page = catalogue.searchForDesk("tach ho", null, null, "QT25.XA_VINH_LINH", 0, 15);
            assertEquals("1.010038", page.items().get(0).code());
            assertEquals("Tách hộ", page.items().get(0).name());
            assertEquals(page.total(), catalogue.search("tach ho", null, null, 0, 500).total(),
                "ranking changes the order, not the matches");
            // paging over the ranked list: the second item of the page of one = the second of the full list
            assertEquals(page.items().get(1).code(),
                catalogue.searchForDesk("tach ho", null, null, "QT25.XA_VINH_LINH", 1, 1).items().get(0).code());
            // the receivable procedures come before those without a time limit
            List<Boolean> receivable = page.items().stream().map(Procedure::canReceiveDossiers).toList();
            assertEquals(receivable.stream().sorted((a, b) -> Boolean.compare(b, a)).toList(), receivable,
                "receivable first: " + page.items().stream().map(Procedure::code).toList());
            assertEquals("1.010038", catalogue.search("Tách hộ", null, null, 0, 5).items().get(0).code(),
                "also without a desk");
            assertThrows(NotFoundException.class, () -> catalogue.searchForDesk("tach ho", null, null, "NO.SUCH", 0, 5));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("No reviewed procedure without documents; 1.010038 Tách hộ has the documents of Law on Residence art. 25")
    void reviewedProceduresHaveDocuments(String kind) {
        try (AdminTestBed bed = new AdminTestBed(kind)) {
            List<Object[]> rows = bed.em().createQuery("SELECT p.code, p.reviewed,"
                + " (SELECT COUNT(d) FROM RequiredDocument d WHERE d.procedure = p) FROM Procedure p", Object[].class)
                .getResultList();
            assertEquals(22L, rows.stream().filter(r -> Boolean.TRUE.equals(r[1])).count(),
                "the 21 reviewed rows of procedures.csv and 1.010038");
            assertEquals(List.of(), rows.stream().filter(r -> Boolean.TRUE.equals(r[1]) && ((Number) r[2]).longValue() == 0)
                .map(r -> r[0]).toList());

            Procedure split = CatalogueService.findLoaded(bed.em(), "1.010038");
            assertTrue(split.reviewed());
            assertEquals(2, split.revision(), "the documents are a revision of the catalogue row");
            List<RequiredDocument> docs = split.documents();
            assertEquals(4, docs.size());
            assertTrue(docs.get(0).name().startsWith("Tờ khai thay đổi thông tin cư trú (mẫu CT01"), docs.get(0).name());
            assertTrue(docs.get(0).required());
            assertEquals(DocumentForm.ORIGINAL, docs.get(0).form());
            assertEquals(List.of(false, false, false), docs.subList(1, 4).stream().map(RequiredDocument::required).toList(),
                "consent letter and divorce papers only in their situation");
            assertTrue(docs.get(2).name().contains("ly hôn"));
            assertFalse(docs.get(3).condition().isBlank());
        }
    }
}
