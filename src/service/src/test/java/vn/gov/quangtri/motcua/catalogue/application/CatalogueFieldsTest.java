package vn.gov.quangtri.motcua.catalogue.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The field list is read at most once a minute, and again after an edit. */
class CatalogueFieldsTest {

    @Test
    @DisplayName("read once for a minute; read again after a minute or after forget()")
    void readOncePerMinute() {
        CatalogueFields cache = new CatalogueFields();
        AtomicInteger reads = new AtomicInteger();
        Supplier<List<String>> read = () -> List.of("Đất đai", "Hộ tịch " + reads.incrementAndGet());
        Instant t0 = Instant.parse("2026-12-06T02:00:00Z");
        assertEquals(List.of("Đất đai", "Hộ tịch 1"), cache.fields(t0, read));
        assertEquals(List.of("Đất đai", "Hộ tịch 1"), cache.fields(t0.plusSeconds(59), read));
        assertEquals(1, reads.get());
        assertEquals(List.of("Đất đai", "Hộ tịch 2"), cache.fields(t0.plusSeconds(60), read));
        cache.forget();
        assertEquals(List.of("Đất đai", "Hộ tịch 3"), cache.fields(t0.plusSeconds(61), read));
        assertEquals(3, reads.get());
    }

    @Test
    @DisplayName("a list read while an edit forgot the cache is shown once but not kept")
    void readDuringForgetNotKept() {
        CatalogueFields cache = new CatalogueFields();
        AtomicInteger reads = new AtomicInteger();
        Instant t0 = Instant.parse("2026-12-06T02:00:00Z");
        Supplier<List<String>> racing = () -> {
            cache.forget(); // the edit's commit lands while this view reads
            return List.of("cũ " + reads.incrementAndGet());
        };
        assertEquals(List.of("cũ 1"), cache.fields(t0, racing));
        assertEquals(List.of("mới"), cache.fields(t0.plusSeconds(1), () -> List.of("mới")));
    }
}
