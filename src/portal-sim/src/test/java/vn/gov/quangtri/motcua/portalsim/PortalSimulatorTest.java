package vn.gov.quangtri.motcua.portalsim;

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

/** The simulated portal: order, duplicates, refusals, planted differences, and history kept across a restart. */
class PortalSimulatorTest {

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();

    private static String message(int seq, int status, String event) {
        return "{\"MaHoSo\":\"000.00.60.H50-261207-0001\",\"MaTTHC\":\"1.004873\",\"KenhThucHien\":1,"
            + "\"TrangThaiHoSo\":" + status + ",\"SoThuTu\":" + seq + ",\"SuKien\":\"" + event + "\","
            + "\"ThoiDiemSuKien\":\"20261207093000\",\"NgayTiepNhan\":\"20261207093000\",\"NgayHenTra\":null}";
    }

    private HttpResponse<String> call(int port, String method, String path, String body, String password)
        throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("motcua:" + password)
                .getBytes(StandardCharsets.UTF_8)));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonObject json(HttpResponse<String> r) {
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    @Test
    void receivesInOrderRefusesAndRemembers() throws Exception {
        PortalSimulator sim = new PortalSimulator("127.0.0.1", 0, data, "motcua", "pw");
        int port = sim.port();
        try {
            assertEquals(401, call(port, "POST", "/api/dossiers/sync", message(1, 2, "RECEIVE"), "wrong").statusCode());
            HttpResponse<String> first = call(port, "POST", "/api/dossiers/sync", message(1, 2, "RECEIVE"), "pw");
            assertEquals(200, first.statusCode(), first.body());
            assertEquals("ACCEPTED", json(first).getString("status"));
            assertEquals("DUPLICATE", json(call(port, "POST", "/api/dossiers/sync", message(1, 2, "RECEIVE"), "pw"))
                .getString("status"));
            HttpResponse<String> gap = call(port, "POST", "/api/dossiers/sync",
                message(1, 2, "RECEIVE").replace("261207-0001", "261207-0009").replace("\"SoThuTu\":1", "\"SoThuTu\":3"),
                "pw");
            assertEquals(200, gap.statusCode(), "a gap (a message discarded by the sender) is accepted and said");
            assertEquals("ACCEPTED_WITH_GAP", json(gap).getString("status"));
            assertEquals(2, json(gap).getInt("missing"));
            assertEquals("TrangThaiHoSo phải từ 1 đến 10", json(call(port, "POST", "/api/dossiers/sync",
                message(2, 11, "X"), "pw")).getString("reason"));
            assertEquals("NgayTiepNhan phải theo dạng yyyyMMddHHmmss", json(call(port, "POST", "/api/dossiers/sync",
                message(2, 4, "X").replace("\"NgayTiepNhan\":\"20261207093000\"", "\"NgayTiepNhan\":\"2026-12-07\""),
                "pw")).getString("reason"));
            assertEquals(204, call(port, "POST", "/admin/reject-next",
                "{\"MaHoSo\":\"000.00.60.H50-261207-0001\",\"reason\":\"Sai mã đơn vị\"}", "pw").statusCode());
            HttpResponse<String> refused = call(port, "POST", "/api/dossiers/sync", message(2, 4, "COMPLETE_STEP"), "pw");
            assertEquals(422, refused.statusCode());
            assertEquals("Sai mã đơn vị", json(refused).getString("reason"));
            assertEquals(200, call(port, "POST", "/api/dossiers/sync", message(2, 4, "COMPLETE_STEP"), "pw").statusCode(),
                "the refusal was for one message only");
            assertEquals(200, call(port, "PUT", "/admin/dossiers/000.00.60.H50-261207-0001/status",
                "{\"TrangThaiHoSo\":8}", "pw").statusCode());
            assertEquals(8, json(call(port, "GET", "/api/dossiers/000.00.60.H50-261207-0001", null, "pw"))
                .getInt("TrangThaiHoSo"));
        } finally {
            sim.stop();
        }
        PortalSimulator again = new PortalSimulator("127.0.0.1", 0, data, "motcua", "pw");
        try {
            JsonObject h = json(call(again.port(), "GET", "/api/dossiers/000.00.60.H50-261207-0001/history", null, "pw"));
            assertEquals(3, h.getJsonArray("messages").size(), h.toString());
            assertEquals("RECEIVE", h.getJsonArray("messages").getJsonObject(0).getJsonObject("message")
                .getString("SuKien"));
            assertEquals("planted", h.getJsonArray("messages").getJsonObject(2).getString("kind"));
            assertEquals(200, call(again.port(), "POST", "/api/dossiers/sync", message(3, 9, "COMPLETE_STEP"), "pw")
                .statusCode(), "the sequence continues after a restart");
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + again.port()
                + "/")).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertTrue(page.body().contains("000.00.60.H50-261207-0001"), page.body());
        } finally {
            again.stop();
        }
    }
}
