package vn.gov.quangtri.motcua.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ListPageTest {

    private static final List<String> FIVE = List.of("a", "b", "c", "d", "e");

    @Test
    @DisplayName("Five items in pages of 2: a b (next 2), c d (next 4), e (last); together the whole list in order")
    void pagesOfTwo() {
        ListPage<String> first = ListPage.of(FIVE, 0, 2);
        assertEquals(List.of("a", "b"), first.items());
        assertEquals(5, first.total());
        assertEquals(2, first.nextOffset());
        ListPage<String> second = ListPage.of(FIVE, 2, 2);
        assertEquals(List.of("c", "d"), second.items());
        assertEquals(4, second.nextOffset());
        ListPage<String> last = ListPage.of(FIVE, 4, 2);
        assertEquals(List.of("e"), last.items());
        assertNull(last.nextOffset());
        List<String> all = new ArrayList<>();
        Integer next = 0;
        while (next != null) {
            ListPage<String> p = ListPage.of(FIVE, next, 2);
            all.addAll(p.items());
            next = p.nextOffset();
        }
        assertEquals(FIVE, all);
    }

    @Test
    @DisplayName("A page that ends exactly at the end has no next; past the end is empty with the total kept")
    void edges() {
        ListPage<String> exact = ListPage.of(FIVE, 3, 2);
        assertEquals(List.of("d", "e"), exact.items());
        assertNull(exact.nextOffset());
        ListPage<String> past = ListPage.of(FIVE, 9, 100);
        assertEquals(List.of(), past.items());
        assertEquals(5, past.total());
        assertEquals(9, past.offset());
        assertNull(past.nextOffset());
        ListPage<String> whole = ListPage.of(FIVE, 0, 100);
        assertEquals(FIVE, whole.items());
        assertNull(whole.nextOffset());
        assertEquals(List.of("e"), ListPage.of(FIVE, 4, Integer.MAX_VALUE).items(), "offset + limit overflows int");
        assertEquals(List.of(), ListPage.of(List.of(), 0, 10).items());
    }

    @Test
    @DisplayName("A negative offset or a limit below 1 is refused")
    void refused() {
        assertThrows(IllegalArgumentException.class, () -> ListPage.of(FIVE, -1, 2));
        assertThrows(IllegalArgumentException.class, () -> ListPage.of(FIVE, 0, 0));
    }
}
