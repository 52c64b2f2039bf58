package vn.gov.quangtri.motcua.portal.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.gov.quangtri.motcua.portalsim.PortalSimulator;

/** The portal client against the portal simulator: accepted, refused with the portal's reason, or to be retried. */
class PortalClientTest {

    @TempDir
    Path data;

    private static String message(int seq) {
        return "{\"MaHoSo\":\"000.00.60.H50-261207-0002\",\"MaTTHC\":\"1.004873\",\"KenhThucHien\":2,"
            + "\"TrangThaiHoSo\":1,\"SoThuTu\":" + seq + ",\"SuKien\":\"SUBMIT_ONLINE\",\"ThoiDiemSuKien\":\"20261207080000\"}";
    }

    @Test
    void classifiesTheAnswers() throws Exception {
        PortalClient client = new PortalClient(Duration.ofSeconds(5));
        PortalSimulator sim = new PortalSimulator("127.0.0.1", 0, data, "motcua", "pw");
        String base = "http://127.0.0.1:" + sim.port();
        try {
            assertEquals(new PortalClient.Outcome(PortalClient.Kind.SENT, null), client.send(base, "motcua", "pw",
                message(1)));
            assertEquals(new PortalClient.Outcome(PortalClient.Kind.REJECTED, "HTTP 422: TrangThaiHoSo phải từ 1 đến 10"),
                client.send(base, "motcua", "pw", message(2).replace("\"TrangThaiHoSo\":1", "\"TrangThaiHoSo\":12")));
            assertEquals(PortalClient.Kind.FAILED, client.send(base, "motcua", "wrong", message(2)).kind(),
                "401: the credentials may be fixed, so try again later");
        } finally {
            sim.stop();
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        PortalClient.Outcome down = client.send("http://127.0.0.1:" + closed, "motcua", "pw", message(2));
        assertEquals(PortalClient.Kind.FAILED, down.kind());
        assertTrue(down.detail().startsWith("No answer from the portal: "), down.detail());
    }
}
