package vn.gov.quangtri.motcua.dossier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.portal.domain.PortalMessage;
import vn.gov.quangtri.motcua.portal.domain.PortalPayload;

/** The portal message of a dossier event (issue 15 §3): every field computed by hand from the dossier's life. */
class PortalPayloadTest {

    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    @Test
    @DisplayName("Received Mon 2 Mar 2026 10:00 at Xã Vĩnh Linh (due Thu 5 Mar 10:00), step 1 done 11:00: two messages"
        + " with the events' business times, status 2 then 4, the appointment, the files' flags and the result")
    void messagesOfAnEvent() {
        Dossier d = DossierLifecycleTest.receivedMonday10();
        d.completeStep(DossierLifecycleTest.vn(3, 2, 11, 0), "motcua.desk", null, DossierLifecycleTest.CALENDAR);
        DossierEvent received = d.history().get(0);
        DossierEvent stepDone = d.history().get(1);
        String sha = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        DossierFile scan = new DossierFile(d, 1, FilePurpose.INTAKE, new FileContent(FileName.of("Tờ khai (bản quét).pdf"),
            "application/pdf", 3, sha, 1, null), FileSource.DESK_SCAN, null, null, "db:1", "motcua.desk",
            DossierLifecycleTest.vn(3, 2, 10, 5));
        DossierFile fromStore = new DossierFile(d, null, FilePurpose.INTAKE, new FileContent(FileName.of("CCCD.pdf"),
            "application/pdf", 3, sha, 1, null), FileSource.CITIZEN_DATA_STORE, null, null, "db:2", "motcua.desk",
            DossierLifecycleTest.vn(3, 2, 10, 6));
        DossierFile result = new DossierFile(d, null, FilePurpose.RESULT, new FileContent(FileName.of("Kết quả.pdf"),
            "application/pdf", 3, sha, 1, null), FileSource.AGENCY, null, null, "db:3", "vanthu",
            DossierLifecycleTest.vn(3, 2, 11, 0));
        result.describeResult("15/GXN-UBND", LocalDate.of(2026, 3, 2), "Nguyễn Văn Ký");

        JsonObject first = json(PortalPayload.of(d, received, 1, List.of()));
        assertEquals("000.00.60.H50-260302-0001", first.getString("MaHoSo"));
        assertEquals(d.snapshot().code(), first.getString("MaTTHC"));
        assertEquals("000.00.60.H50", first.getString("MaDonVi"));
        assertEquals("Xã Vĩnh Linh", first.getString("TenDonVi"));
        assertEquals(1, first.getInt("KenhThucHien"));
        assertEquals(2, first.getInt("TrangThaiHoSo"), "received: portal 2");
        assertEquals("RECEIVE", first.getString("SuKien"));
        assertEquals("20260302100000", first.getString("ThoiDiemSuKien"));
        assertEquals("20260302100000", first.getString("NgayTiepNhan"));
        assertEquals("20260305100000", first.getString("NgayHenTra"), "3 working days: Thu 10:00");
        assertTrue(first.isNull("NgayKetThucXuLy"));
        assertTrue(first.isNull("MaKetQua"));
        assertEquals(0, first.getJsonArray("TaiLieuNop").size());
        assertEquals(1, first.getInt("SoThuTu"));

        JsonObject second = json(PortalPayload.of(d, stepDone, 2, List.of(scan, fromStore, result)));
        assertEquals(4, second.getInt("TrangThaiHoSo"), "in process: portal 4");
        assertEquals("COMPLETE_STEP", second.getString("SuKien"));
        assertEquals("20260302110000", second.getString("ThoiDiemSuKien"), "the business time, not the sending time");
        assertEquals(List.of("Tờ khai (bản quét).pdf", "CCCD.pdf"), second.getJsonArray("TaiLieuNop")
            .getValuesAs(JsonObject.class).stream().map(o -> o.getString("TenTepDinhKem")).toList());
        assertEquals(1, second.getJsonArray("TaiLieuNop").getJsonObject(0).getInt("DuocSoHoa"));
        assertEquals(0, second.getJsonArray("TaiLieuNop").getJsonObject(0).getInt("DuocLayTuKhoDMQG"));
        assertEquals(0, second.getJsonArray("TaiLieuNop").getJsonObject(1).getInt("DuocSoHoa"));
        assertEquals(1, second.getJsonArray("TaiLieuNop").getJsonObject(1).getInt("DuocLayTuKhoDMQG"));
        assertEquals("15/GXN-UBND", second.getString("MaKetQua"));
        assertEquals("Kết quả.pdf", second.getString("TenTepKetQua"));
        assertEquals(2, second.getInt("SoThuTu"));
    }

    @Test
    @DisplayName("Outbox: failures wait 10 s, 20 s, 40 s … at most 15 min and never give up; a refusal waits for an"
        + " administrator, who re-sends with a rebuilt payload or discards with a reason")
    void outboxStates() {
        java.time.Instant t = DossierLifecycleTest.vn(3, 2, 10, 0);
        PortalMessage m = new PortalMessage("X-260302-0001", 1, 1, "RECEIVE", t, "{}", t);
        vn.gov.quangtri.motcua.interagency.domain.Backoff b = PortalMessage.RETRIES;
        m.failed("connection refused", t, b);
        assertEquals(t.plusSeconds(10), m.nextAttemptAt());
        m.failed("HTTP 503", t, b);
        assertEquals(t.plusSeconds(20), m.nextAttemptAt());
        for (int i = 0; i < 20; i++) {
            m.failed("HTTP 503", t, b);
        }
        assertEquals(t.plusSeconds(900), m.nextAttemptAt(), "capped at 15 minutes");
        assertEquals(PortalMessage.State.PENDING, m.state(), "never given up");
        m.rejected("Sai mã đơn vị", t);
        assertEquals(PortalMessage.State.REJECTED, m.state());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> m.sent(t));
        m.resend("{\"fixed\":1}", "quantri.tinh", t.plusSeconds(60));
        assertEquals(PortalMessage.State.PENDING, m.state());
        assertEquals("{\"fixed\":1}", m.payload());
        assertEquals("gửi lại sau khi bị từ chối: Sai mã đơn vị", m.decisionReason());
        m.sent(t.plusSeconds(61));
        assertEquals(PortalMessage.State.SENT, m.state());
        assertEquals(24, m.attempts());
    }

    @Test
    @DisplayName("Outbox: a shorter longest wait (the simulator's 30 s) caps the doubling; \"send now\" makes a waiting"
        + " message due at once and leaves a due or refused one alone")
    void shorterRetriesAndSendNow() {
        java.time.Instant t = DossierLifecycleTest.vn(3, 2, 10, 0);
        vn.gov.quangtri.motcua.interagency.domain.Backoff b = PortalMessage.retries(java.time.Duration.ofSeconds(30));
        PortalMessage m = new PortalMessage("X-260302-0001", 1, 1, "RECEIVE", t, "{}", t);
        m.failed("connection refused", t, b);
        m.failed("connection refused", t, b);
        assertEquals(t.plusSeconds(20), m.nextAttemptAt());
        m.failed("connection refused", t, b);
        assertEquals(t.plusSeconds(30), m.nextAttemptAt(), "40 s capped at 30 s");
        assertEquals(java.time.Duration.ofSeconds(10), PortalMessage.retries(java.time.Duration.ofSeconds(1))
            .delayAfter(5), "never below the first wait of 10 s");
        org.junit.jupiter.api.Assertions.assertTrue(m.dueNow(t.plusSeconds(5)));
        assertEquals(t.plusSeconds(5), m.nextAttemptAt());
        org.junit.jupiter.api.Assertions.assertFalse(m.dueNow(t.plusSeconds(6)), "already due");
        m.rejected("Sai mã đơn vị", t.plusSeconds(6));
        org.junit.jupiter.api.Assertions.assertFalse(m.dueNow(t), "a refused message waits for an administrator");
        assertEquals(PortalMessage.State.REJECTED, m.state());
    }
}
