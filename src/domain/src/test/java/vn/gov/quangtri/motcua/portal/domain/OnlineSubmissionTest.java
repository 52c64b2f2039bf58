package vn.gov.quangtri.motcua.portal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.catalogue.domain.DocumentForm;
import vn.gov.quangtri.motcua.dossier.domain.Applicant;
import vn.gov.quangtri.motcua.dossier.domain.DocumentLine;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;

/** Reading an item of the portal's list of online submissions and mapping it onto an online intake (issue 15 §3a). */
class OnlineSubmissionTest {

    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "B".repeat(64);

    private static JsonObject item() {
        return Json.createObjectBuilder().add("cursor", "17").add("MaHoSoQG", "G22-2026-000017")
            .add("MaTTHC", "1.004873").add("MaDonVi", "000.00.60.H50")
            .add("ChuHoSo", Json.createObjectBuilder().add("HoTen", "Nguyễn Thị Trực Tuyến")
                .add("SoGiayTo", "045 190 001 234").add("SoDienThoai", "0912000111").add("DiaChi", "Thôn Tây"))
            .add("NgayNop", "20260302091500")
            .add("TepDinhKem", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("SoThuTu", 1).add("TenTep", "Đơn đề nghị 100%.pdf")
                    .add("LoaiTep", "application/pdf").add("KichThuoc", 1234).add("SHA256", SHA_A)
                    .add("DuongDan", "/api/dossiers/online/G22-2026-000017/files/1").add("ThanhPhan", 2))
                .add(Json.createObjectBuilder().add("SoThuTu", 2)
                    // decomposed "ả" (a + U+0309): kept, but in NFC
                    .add("TenTep", "Ba\u0309n sao CCCD.pdf").add("KichThuoc", 0).add("SHA256", SHA_B)
                    .add("DuongDan", "/api/dossiers/online/G22-2026-000017/files/2")))
            .build();
    }

    @Test
    void readsTheListingItem() {
        OnlineSubmission s = OnlineSubmission.of(item());
        assertEquals("G22-2026-000017", s.portalId());
        assertEquals("17", s.cursor());
        assertEquals("1.004873", s.procedureCode());
        assertEquals("000.00.60.H50", s.unitCode());
        // 09:15:00 on 2 March 2026 in Vietnam (UTC+7) is 02:15:00 UTC
        assertEquals(Instant.parse("2026-03-02T02:15:00Z"), s.submittedAt());
        assertEquals(2, s.files().size());
        OnlineSubmission.FileRef first = s.files().get(0);
        assertEquals("Đơn đề nghị 100%.pdf", first.name());
        assertEquals(1234, first.size());
        assertEquals(2, first.component());
        assertEquals("/api/dossiers/online/G22-2026-000017/files/1", first.path());
        assertEquals("Bản sao CCCD.pdf", s.files().get(1).name());
        assertEquals(SHA_B.toLowerCase(), s.files().get(1).sha256());
        assertNull(s.files().get(1).component());
    }

    @Test
    void mapsOntoAnOnlineIntake() {
        OnlineSubmission s = OnlineSubmission.of(item());
        Applicant a = s.applicant();
        assertEquals(Applicant.Kind.INDIVIDUAL, a.kind());
        assertEquals("Nguyễn Thị Trực Tuyến", a.name());
        assertEquals("045190001234", a.idNumber());
        assertEquals("0912000111", a.phone());
        assertEquals("Thôn Tây", a.address());
        assertEquals(List.of(new DocumentLine(2, null, DocumentForm.COPY, 1),
            new DocumentLine(null, "Bản sao CCCD.pdf", DocumentForm.COPY, 1)), s.documents());
    }

    @Test
    void refusesWhatCannotBeRead() {
        JsonObject noDate = Json.createObjectBuilder(item()).add("NgayNop", "2026-03-02").build();
        RuleViolationException e = assertThrows(RuleViolationException.class, () -> OnlineSubmission.of(noDate));
        assertEquals(OnlineSubmission.INVALID, e.reason());
        assertEquals("The portal's submission has no valid NgayNop", e.getMessage());
        for (String impossible : List.of("20261131120000", "20260230120000", "20261207240000", "20261207126000")) {
            JsonObject bad = Json.createObjectBuilder(item()).add("NgayNop", impossible).build();
            assertEquals("The portal's submission has no valid NgayNop",
                assertThrows(RuleViolationException.class, () -> OnlineSubmission.of(bad)).getMessage(), impossible);
        }
        assertEquals(java.time.Instant.parse("2026-02-28T05:00:00Z"), OnlineSubmission.of(Json.createObjectBuilder(item())
            .add("NgayNop", "20260228120000").build()).submittedAt(), "28 February 12:00 Vietnam time");
        JsonObject noName = Json.createObjectBuilder(item()).add("ChuHoSo", Json.createObjectBuilder()).build();
        assertEquals("The portal's submission has no valid HoTen",
            assertThrows(RuleViolationException.class, () -> OnlineSubmission.of(noName)).getMessage());
        JsonObject badHash = Json.createObjectBuilder(item()).add("TepDinhKem", Json.createArrayBuilder()
            .add(Json.createObjectBuilder().add("TenTep", "x.pdf").add("KichThuoc", 1).add("SHA256", "12")
                .add("DuongDan", "/x"))).build();
        assertEquals("The portal's submission has no valid TepDinhKem[0].SHA256",
            assertThrows(RuleViolationException.class, () -> OnlineSubmission.of(badHash)).getMessage());
    }
}
