package vn.gov.quangtri.motcua.account.application;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.account.domain.Role;

/** The per-account cache of access scopes (issue 12): reused while stamp and agency tree are unchanged. */
class ScopeCacheTest {

    private static final AccessScope THU = new AccessScope("tiepnhan.thu", EnumSet.of(Role.DESK_OFFICER),
        Set.of("QT25.XA_VINH_LINH", "QT.D464.THI_TRAN_HO_XA"), false);
    private static final SessionStamps.Stamp STAMP = new SessionStamps.Stamp(true, 3, "abc");

    @Test
    @DisplayName("A remembered scope is returned for the same stamp; a new stamp or an agency change builds it again")
    void invalidation() {
        ScopeCache cache = new ScopeCache();
        assertNull(cache.get("tiepnhan.thu", STAMP));
        cache.put("tiepnhan.thu", STAMP, cache.generation(), THU);
        assertSame(THU, cache.get("tiepnhan.thu", STAMP));
        assertSame(THU, cache.get("tiepnhan.thu", new SessionStamps.Stamp(true, 3, "abc")));
        assertNull(cache.get("tiepnhan.thu", new SessionStamps.Stamp(true, 4, "abc")), "roles or unit changed");
        assertNull(cache.get("tiepnhan.thu", new SessionStamps.Stamp(false, 3, "abc")), "locked");
        assertNull(cache.get("chuyenvien.thu", STAMP));

        long before = cache.generation();
        cache.agenciesChanged();
        assertNull(cache.get("tiepnhan.thu", STAMP), "agency tree changed");
        // A scope built from a read made before the change is not trusted either.
        cache.put("tiepnhan.thu", STAMP, before, THU);
        assertNull(cache.get("tiepnhan.thu", STAMP));
        cache.put("tiepnhan.thu", STAMP, cache.generation(), THU);
        assertSame(THU, cache.get("tiepnhan.thu", STAMP));
    }
}
