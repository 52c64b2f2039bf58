package vn.gov.quangtri.motcua.api.rest.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.api.rest.BadInputException;
import vn.gov.quangtri.motcua.api.rest.Params;

/** Malformed numbers in the batch API's parameters are 400 INVALID_INPUT problems (JAX-RS itself answered 404). */
class BatchResourceTest {

    @Test
    void executionIdMustBeAWholeNumber() {
        assertEquals(42L, BatchResource.executionId(" 42 "));
        BadInputException e = assertThrows(BadInputException.class, () -> BatchResource.executionId("abc"));
        assertEquals(List.of("id: 'abc'"), e.errors());
    }

    @Test
    void limitIsParsedWithItsRange() {
        assertEquals(50, Params.integer("limit", null, 50, 1, 500));
        assertEquals(7, Params.integer("limit", "7", 50, 1, 500));
        assertEquals(List.of("limit: 'abc'"),
            assertThrows(BadInputException.class, () -> Params.integer("limit", "abc", 50, 1, 500)).errors());
        assertEquals(List.of("limit: must be between 1 and 500"),
            assertThrows(BadInputException.class, () -> Params.integer("limit", "501", 50, 1, 500)).errors());
    }
}
