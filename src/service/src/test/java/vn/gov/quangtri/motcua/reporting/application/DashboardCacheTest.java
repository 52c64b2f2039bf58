package vn.gov.quangtri.motcua.reporting.application;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The dashboards of the last minute: by exact scope, for a minute, forgotten when a dossier of their units changes. */
class DashboardCacheTest {

    private static final Instant T0 = Instant.parse("2026-12-06T02:00:00Z");

    private static Dashboard at(Instant asOf) {
        return new Dashboard(asOf, Map.of(), 0, List.of(), List.of());
    }

    @Test
    @DisplayName("a dashboard is shown for less than a minute after it was computed, then computed again")
    void oneMinute() {
        DashboardCache cache = new DashboardCache();
        DashboardCache.Key key = DashboardCache.Key.of(List.of("A", "B"), 50);
        assertNull(cache.fresh(key, T0));
        Dashboard d = at(T0);
        cache.put(key, d, cache.generation());
        assertSame(d, cache.fresh(key, T0));
        assertSame(d, cache.fresh(key, T0.plusSeconds(59)));
        assertNull(cache.fresh(key, T0.plusSeconds(60)), "a minute old: computed again");
        assertNull(cache.fresh(key, T0.minusSeconds(1)), "a clock set back does not show a dashboard from its future");
    }

    @Test
    @DisplayName("the key is the exact set of units (any order) and the overdue list's length; the province is its own")
    void exactScope() {
        DashboardCache cache = new DashboardCache();
        Dashboard d = at(T0);
        cache.put(DashboardCache.Key.of(List.of("A", "B"), 50), d, cache.generation());
        assertSame(d, cache.fresh(DashboardCache.Key.of(Set.of("B", "A"), 50), T0));
        assertNull(cache.fresh(DashboardCache.Key.of(List.of("A"), 50), T0), "fewer units");
        assertNull(cache.fresh(DashboardCache.Key.of(List.of("A", "B", "C"), 50), T0), "more units");
        assertNull(cache.fresh(DashboardCache.Key.of(List.of("A", "B"), 10), T0), "another list length");
        assertNull(cache.fresh(DashboardCache.Key.of(null, 50), T0), "the whole province");
    }

    @Test
    @DisplayName("a change to a dossier of unit A forgets the dashboards including A and the province's, not B's")
    void forgetUnit() {
        DashboardCache cache = new DashboardCache();
        DashboardCache.Key ab = DashboardCache.Key.of(List.of("A", "B"), 50);
        DashboardCache.Key b = DashboardCache.Key.of(List.of("B"), 50);
        DashboardCache.Key province = DashboardCache.Key.of(null, 50);
        cache.put(ab, at(T0), cache.generation());
        cache.put(b, at(T0), cache.generation());
        cache.put(province, at(T0), cache.generation());
        cache.forget("A");
        assertNull(cache.fresh(ab, T0));
        assertNull(cache.fresh(province, T0));
        assertSame(cache.fresh(b, T0), cache.fresh(b, T0.plusSeconds(1)));
        org.junit.jupiter.api.Assertions.assertNotNull(cache.fresh(b, T0));
    }

    @Test
    @DisplayName("past the entry limit, expired dashboards are dropped first")
    void bounded() {
        DashboardCache cache = new DashboardCache();
        for (int i = 0; i < DashboardCache.MAX_ENTRIES; i++) {
            cache.put(DashboardCache.Key.of(List.of("old" + i), 50), at(T0), cache.generation());
        }
        Instant later = T0.plusSeconds(120);
        DashboardCache.Key fresh = DashboardCache.Key.of(List.of("new"), 50);
        Dashboard d = at(later);
        cache.put(fresh, d, cache.generation());
        assertSame(d, cache.fresh(fresh, later));
        assertNull(cache.fresh(DashboardCache.Key.of(List.of("old0"), 50), T0), "expired ones dropped");
    }

    @Test
    @DisplayName("a dashboard computed while a change to its unit committed is shown once but not kept")
    void computedDuringChangeNotKept() {
        DashboardCache cache = new DashboardCache();
        DashboardCache.Key key = DashboardCache.Key.of(List.of("A"), 50);
        long before = cache.generation();
        cache.forget("A"); // the change commits while the dashboard is being computed
        cache.put(key, at(T0), before);
        assertNull(cache.fresh(key, T0));
        cache.put(key, at(T0), cache.generation());
        org.junit.jupiter.api.Assertions.assertNotNull(cache.fresh(key, T0));
    }
}
