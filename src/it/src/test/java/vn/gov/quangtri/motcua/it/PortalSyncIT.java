package vn.gov.quangtri.motcua.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Synchronisation with the national portal on the deployed EAR (issue 15 §3), against the portal simulator that the
 * test domain's start script runs beside it (port base + 90): every event of a dossier arrives in order with its
 * business time; an outage delays but loses nothing; a refused message is listed, holds back its dossier's later
 * messages, and arrives once re-sent.
 */
@MotcuaIT
class PortalSyncIT {

    private static final DateTimeFormatter PORTAL_TIME = PortalSim.TIME;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return EarDeployment.ear();
    }

    @ArquillianResource
    URL url;

    private static RequestSpecification portal() {
        return PortalSim.portal();
    }

    /** The messages the portal received for a dossier, in order (empty when none). */
    private static List<Map<String, Object>> received(String code) {
        var r = portal().when().get("/api/dossiers/" + code + "/history");
        if (r.statusCode() == 404) {
            return List.of();
        }
        return r.then().statusCode(200).extract().jsonPath().getList("messages.message");
    }

    private List<Map<String, Object>> outbox(String code) {
        return TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).queryParam("dossier", code).when()
            .get("/portal/messages").then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** Waits until the portal holds {@code count} messages of the dossier. */
    private static List<Map<String, Object>> awaitReceived(String code, int count) throws InterruptedException {
        return Await.until("the portal received " + count + " messages of " + code, 60_000, 500, () -> {
            List<Map<String, Object>> m = received(code);
            return m.size() >= count ? m : null;
        });
    }

    @Test
    @DisplayName("Issue 15 §3: a dossier's whole life reaches the portal in order, each message with its event's business"
        + " time and the status after it (2 received … 10 returned)")
    void wholeLifeInOrder() throws Exception {
        String code = TestFiles.receive(url, "Lê Văn Đồng Bộ", "045190006611", "0912666111");
        JsonPath atReceipt = TestWork.dossier(url, TestAccounts.DESK_VINH_LINH, code);
        String due = atReceipt.getString("dueAt");
        assertTrue(due != null, atReceipt.prettify());
        TestWork.workToResult(url, null, code);
        JsonPath d = TestWork.act(url, TestAccounts.DESK_VINH_LINH, code, "return-result",
            Map.of("receivedBy", "Lê Văn Đồng Bộ", "method", "DIRECT"));
        List<String> actions = d.getList("history.action");
        List<String> times = d.getList("history.at");
        List<Map<String, Object>> got = awaitReceived(code, actions.size());
        assertEquals(actions.size(), got.size(), got.toString());
        for (int i = 0; i < got.size(); i++) {
            Map<String, Object> m = got.get(i);
            assertEquals(i + 1, m.get("SoThuTu"));
            assertEquals(actions.get(i), m.get("SuKien"));
            assertEquals(PORTAL_TIME.format(OffsetDateTime.parse(times.get(i))), m.get("ThoiDiemSuKien"),
                "the event's business time, never the sending time");
            assertEquals(code, m.get("MaHoSo"));
            assertEquals("1.004873", m.get("MaTTHC"));
            assertEquals(1, m.get("KenhThucHien"));
        }
        assertEquals(2, got.get(0).get("TrangThaiHoSo"), "received");
        assertEquals(10, got.get(got.size() - 1).get("TrangThaiHoSo"), "returned");
        assertEquals(PORTAL_TIME.format(OffsetDateTime.parse(due)), got.get(0).get("NgayHenTra"));
        assertTrue(outbox(code).stream().allMatch(m -> "SENT".equals(m.get("state"))), outbox(code).toString());
    }

    @Test
    @DisplayName("Issue 15 §3: while the portal is down the messages wait and are retried; afterwards all arrive in order;"
        + " a refused message is listed with the portal's reason, holds back the later ones, and arrives once re-sent")
    void outageAndRefusal() throws Exception {
        String code = TestFiles.receive(url, "Trần Thị Mất Kết Nối", "045190006622", "0912666222");
        awaitReceived(code, 1);
        portal().body(Map.of("down", true)).when().post("/admin/outage").then().statusCode(204);
        try {
            JsonPath d = TestWork.dossier(url, TestAccounts.DESK_VINH_LINH, code);
            TestWork.next(url, TestWork.vinhLinh(d.getString("currentStep.role")), d);
            Await.until("the second message failed at least once", 60_000, 500, () -> {
                List<Map<String, Object>> o = outbox(code);
                return o.size() == 2 && "PENDING".equals(o.get(1).get("state"))
                    && ((Number) o.get(1).get("attempts")).intValue() >= 1 ? o : null;
            });
            assertEquals(1, received(code).size(), "nothing reached the portal while it was down");
        } finally {
            portal().body(Map.of("down", false)).when().post("/admin/outage").then().statusCode(204);
        }
        List<Map<String, Object>> after = awaitReceived(code, 2);
        assertEquals(List.of(1, 2), after.stream().map(m -> m.get("SoThuTu")).toList());

        // The portal refuses the next message of this dossier; the one after it waits behind it.
        portal().body(Map.of("MaHoSo", code, "reason", "Mã đơn vị chưa được khai báo (thử nghiệm)")).when()
            .post("/admin/reject-next").then().statusCode(204);
        JsonPath d = TestWork.dossier(url, TestAccounts.DESK_VINH_LINH, code);
        TestWork.next(url, TestWork.vinhLinh(d.getString("currentStep.role")), d);
        Map<String, Object> refused = Await.until("the third message refused", 60_000, 500, () -> {
            List<Map<String, Object>> rejects = TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).when()
                .get("/portal/rejects").then().statusCode(200).extract().jsonPath().getList("$");
            return rejects.stream().filter(m -> code.equals(m.get("dossierCode"))).findFirst().orElse(null);
        });
        assertEquals(3, refused.get("sequence"));
        assertEquals("HTTP 422: Mã đơn vị chưa được khai báo (thử nghiệm)", refused.get("lastError"));
        d = TestWork.dossier(url, TestAccounts.DESK_VINH_LINH, code);
        TestWork.next(url, TestWork.vinhLinh(d.getString("currentStep.role")), d);
        Thread.sleep(3000); // three dispatcher runs
        assertEquals(2, received(code).size(), "the fourth message waits behind the refused third");
        assertEquals("PENDING", outbox(code).get(3).get("state"));
        TestAccounts.as(url, TestAccounts.DESK_VINH_LINH).when()
            .post("/portal/rejects/" + refused.get("id") + "/resend").then().statusCode(403);
        TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).when().post("/portal/rejects/" + refused.get("id") + "/resend")
            .then().statusCode(200);
        List<Map<String, Object>> all = awaitReceived(code, 4);
        assertEquals(List.of(1, 2, 3, 4), all.stream().map(m -> m.get("SoThuTu")).toList());
        TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).body(Map.of("reason", "x")).when()
            .post("/portal/rejects/" + refused.get("id") + "/discard").then().statusCode(422)
            .body("reason", org.hamcrest.Matchers.equalTo("NOT_REJECTED"));
    }
}
