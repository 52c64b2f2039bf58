package vn.gov.quangtri.motcua.portal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.portal.domain.PortalComparison.Difference;
import vn.gov.quangtri.motcua.portal.domain.PortalComparison.Kind;
import vn.gov.quangtri.motcua.portal.domain.PortalMessage.State;

/** The reconciliation's comparison with the portal's copy and the sync rule of indicator 1.4 (issue 15 §4). */
class PortalComparisonTest {

    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    /** Our payload of a returned dossier (as PortalPayload writes it). */
    private static final JsonObject OURS = json("{\"MaHoSo\":\"H50.01-260302-0001\",\"TrangThaiHoSo\":10,"
        + "\"NgayHenTra\":\"20260305090000\",\"NgayHenTraMoi\":null,\"NgayKetThucXuLy\":\"20260304100000\","
        + "\"NgayTraKetQua\":\"20260304150000\",\"MaKetQua\":\"12/GCN\",\"TenTepKetQua\":\"Giấy chứng nhận.pdf\","
        + "\"SoThuTu\":7}");

    @Test
    @DisplayName("The portal's copy equal in the compared members (other members and SoThuTu ignored): no difference")
    void same() {
        JsonObject portal = json("{\"MaHoSo\":\"H50.01-260302-0001\",\"TrangThaiHoSo\":10,\"NgayHenTra\":\"20260305090000\","
            + "\"NgayKetThucXuLy\":\"20260304100000\",\"NgayTraKetQua\":\"20260304150000\",\"MaKetQua\":\"12/GCN\","
            + "\"TenTepKetQua\":\"Giấy chứng nhận.pdf\",\"SoThuTu\":3,\"SoLanNhan\":4}");
        assertEquals(List.of(), PortalComparison.compare(OURS, portal));
    }

    @Test
    @DisplayName("A planted status 4, an older appointment and no return on the portal: three differences, in order,"
        + " with both values")
    void differences() {
        JsonObject portal = json("{\"TrangThaiHoSo\":4,\"NgayHenTra\":\"20260304090000\",\"NgayHenTraMoi\":null,"
            + "\"NgayKetThucXuLy\":\"20260304100000\",\"NgayTraKetQua\":null,\"MaKetQua\":\"12/GCN\","
            + "\"TenTepKetQua\":\"Giấy chứng nhận.pdf\"}");
        assertEquals(List.of(new Difference(Kind.STATUS, "10", "4"),
                new Difference(Kind.APPOINTMENT, "20260305090000", "20260304090000"),
                new Difference(Kind.RETURN, "20260304150000", null)),
            PortalComparison.compare(OURS, portal));
    }

    @Test
    @DisplayName("A dossier the portal does not know: one difference NOT_ON_PORTAL with our status")
    void unknown() {
        assertEquals(List.of(new Difference(Kind.NOT_ON_PORTAL, "10", null)), PortalComparison.compare(OURS, null));
    }

    @Test
    @DisplayName("Indicator 1.4: synchronised when the last message was accepted and none waits or was refused")
    void synchronisedRule() {
        assertTrue(PortalMessage.synchronised(List.of(State.SENT, State.SENT)));
        assertTrue(PortalMessage.synchronised(List.of(State.SENT, State.DISCARDED, State.SENT)));
        assertFalse(PortalMessage.synchronised(List.of()));
        assertFalse(PortalMessage.synchronised(List.of(State.SENT, State.PENDING)));
        assertFalse(PortalMessage.synchronised(List.of(State.REJECTED, State.PENDING)));
        assertFalse(PortalMessage.synchronised(List.of(State.SENT, State.DISCARDED)));
    }
}
