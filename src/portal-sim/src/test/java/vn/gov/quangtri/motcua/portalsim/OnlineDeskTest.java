package vn.gov.quangtri.motcua.portalsim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Online submissions on the simulated portal: plant, list after a cursor, download, acknowledge, keep across a restart. */
class OnlineDeskTest {

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> call(int port, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("motcua:pw"
                .getBytes(StandardCharsets.UTF_8)));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonObject json(HttpResponse<byte[]> r) {
        return Json.createReader(new StringReader(new String(r.body(), StandardCharsets.UTF_8))).readObject();
    }

    private static String plant(String id, String procedure, byte[] first) {
        return Json.createObjectBuilder().add("MaHoSoQG", id).add("MaTTHC", procedure)
            .add("MaDonVi", "QT25.XA_VINH_LINH")
            .add("ChuHoSo", Json.createObjectBuilder().add("HoTen", "Nguyễn Thị Trực Tuyến")
                .add("SoGiayTo", "045190001234").add("SoDienThoai", "0912000111"))
            .add("NgayNop", "20260302091500")
            .add("TepDinhKem", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("TenTep", "Đơn đề nghị cấp GCN 100%.pdf")
                    .add("LoaiTep", "application/pdf").add("ThanhPhan", 1)
                    .add("NoiDung", Base64.getEncoder().encodeToString(first)))
                .add(Json.createObjectBuilder().add("TenTep", "Bản sao CCCD.png").add("LoaiTep", "image/png")
                    .add("NoiDung", Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}))))
            .build().toString();
    }

    @Test
    void plantListDownloadAcknowledge() throws Exception {
        byte[] first = "%PDF-1.4 not really".getBytes(StandardCharsets.US_ASCII);
        PortalSimulator sim = new PortalSimulator("127.0.0.1", 0, data, "motcua", "pw");
        try {
            int port = sim.port();
            HttpResponse<byte[]> planted = call(port, "POST", "/admin/online", plant("G22-0001", "1.004873", first));
            assertEquals(201, planted.statusCode(), new String(planted.body(), StandardCharsets.UTF_8));
            JsonObject p = json(planted);
            assertEquals("1", p.getString("cursor"));
            assertEquals("CHO_TIEP_NHAN", p.getString("TrangThai"));
            JsonObject ref = p.getJsonArray("TepDinhKem").getJsonObject(0);
            assertEquals(first.length, ref.getInt("KichThuoc"));
            assertEquals(OnlineDesk.sha256(first), ref.getString("SHA256"));
            assertEquals("/api/dossiers/online/G22-0001/files/1", ref.getString("DuongDan"));
            assertEquals(409, call(port, "POST", "/admin/online", plant("G22-0001", "1.004873", first)).statusCode());
            assertEquals("Thiếu MaTTHC hoặc MaDonVi", json(call(port, "POST", "/admin/online",
                plant("G22-0009", "", first))).getString("reason"));
            assertEquals(201, call(port, "POST", "/admin/online", plant("G22-0002", "9.999999", first)).statusCode());

            JsonObject all = json(call(port, "GET", "/api/dossiers/online", null));
            assertEquals(2, all.getJsonArray("items").size());
            assertEquals("2", all.getString("next"));
            JsonObject after = json(call(port, "GET", "/api/dossiers/online?since=1&limit=10", null));
            assertEquals(1, after.getJsonArray("items").size());
            assertEquals("G22-0002", after.getJsonArray("items").getJsonObject(0).getString("MaHoSoQG"));
            JsonObject none = json(call(port, "GET", "/api/dossiers/online?since=2", null));
            assertEquals(0, none.getJsonArray("items").size());
            assertEquals("2", none.getString("next"), "the cursor stays where it was");

            HttpResponse<byte[]> bytes = call(port, "GET", "/api/dossiers/online/G22-0001/files/1", null);
            assertEquals(200, bytes.statusCode());
            assertArrayEquals(first, bytes.body());
            assertEquals(404, call(port, "GET", "/api/dossiers/online/G22-0001/files/3", null).statusCode());

            assertEquals(200, call(port, "POST", "/api/dossiers/online/G22-0001/ack",
                "{\"MaHoSo\":\"000.00.60.H50-260302-0001\"}").statusCode());
            assertEquals(200, call(port, "POST", "/api/dossiers/online/G22-0001/ack",
                "{\"MaHoSo\":\"000.00.60.H50-260302-0001\"}").statusCode(), "the same acknowledgement again");
            assertEquals(409, call(port, "POST", "/api/dossiers/online/G22-0001/ack",
                "{\"MaHoSo\":\"000.00.60.H50-260302-0002\"}").statusCode(), "never taken twice");
        } finally {
            sim.stop();
        }
        PortalSimulator again = new PortalSimulator("127.0.0.1", 0, data, "motcua", "pw");
        try {
            JsonObject one = json(call(again.port(), "GET", "/api/dossiers/online/G22-0001", null));
            assertEquals("DA_TIEP_NHAN", one.getString("TrangThai"));
            assertEquals("000.00.60.H50-260302-0001", one.getString("MaHoSo"));
            assertEquals("Đơn đề nghị cấp GCN 100%.pdf", one.getJsonArray("TepDinhKem").getJsonObject(0)
                .getString("TenTep"));
            assertArrayEquals(first, call(again.port(), "GET", "/api/dossiers/online/G22-0001/files/1", null).body());
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + again.port()
                + "/")).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertTrue(page.body().contains("G22-0002") && page.body().contains("Chờ tiếp nhận"), page.body());
        } finally {
            again.stop();
        }
    }
}
