package vn.gov.quangtri.motcua.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The nightly reconciliation with the national portal (issue 15 §4) on the deployed EAR, against the portal simulator
 * the test domain runs beside it (port base + 90): a synchronised dossier shows no difference; a status planted on the
 * simulator is listed with both values after the next run of {@code portal-reconciliation} (started over REST like
 * the other batch jobs), a rerun keeps the same row; "re-send" queues a fresh full message and the run after it
 * resolves the difference; a dossier whose message still waits in the outbox is not a difference yet.
 */
@MotcuaIT
class PortalReconciliationIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return EarDeployment.ear();
    }

    @ArquillianResource
    URL url;

    private static RequestSpecification portal() {
        return PortalSim.portal();
    }

    private List<Map<String, Object>> outbox(String code) {
        return TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).queryParam("dossier", code).when()
            .get("/portal/messages").then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** Waits until every message of the dossier (at least {@code count}) was accepted by the portal. */
    private void awaitSent(String code, int count) throws InterruptedException {
        Await.until("the portal accepted " + count + " messages of " + code, 60_000, 500, () -> {
            List<Map<String, Object>> o = outbox(code);
            return o.size() >= count && o.stream().allMatch(m -> "SENT".equals(m.get("state"))) ? o : null;
        });
    }

    /** Runs the job over REST as a system administrator and waits until it ends; it must complete. */
    private JsonPath run() throws InterruptedException {
        Response r = TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).when()
            .post("/batch/jobs/portal-reconciliation/executions");
        assertEquals(202, r.statusCode(), r.asString());
        assertEquals("portal-reconciliation", r.jsonPath().getString("job"));
        long id = r.jsonPath().getLong("executionId");
        JsonPath done = Await.until("execution " + id + " to end", 240_000, 500, () -> {
            JsonPath j = TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).when().get("/batch/executions/" + id).then()
                .statusCode(200).extract().jsonPath();
            String s = j.getString("runtimeStatus");
            return s.equals("STARTING") || s.equals("STARTED") || s.equals("STOPPING") ? null : j;
        });
        assertEquals("COMPLETED", done.getString("status"), done.prettify());
        return done;
    }

    private JsonPath differences(String code, boolean all) {
        return TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).queryParam("dossier", code).queryParam("all", all)
            .when().get("/portal/differences").then().statusCode(200).extract().jsonPath();
    }

    @Test
    @DisplayName("Issue 15 §4: in sync → no difference; a planted status → listed with both values (kept once over"
        + " reruns); re-send → resolved by the next run; a message still in the outbox → not a difference yet")
    void plantedDifference() throws Exception {
        String code = TestFiles.receive(url, "Đoàn Văn Đối Soát", "045190007711", "0912777111");
        assertEquals("RECEIVED", TestWork.dossier(url, TestAccounts.DESK_VINH_LINH, code).getString("status"));
        awaitSent(code, 1);

        JsonPath first = run();
        assertTrue(first.getLong("itemsRead") >= 1, first.prettify());
        JsonPath none = differences(code, true);
        assertEquals(0, none.getLong("total"), none.prettify());
        assertEquals(List.of(), none.getList("items"));

        // A difference planted on the portal: it says "stopped" (8) where we say "received" (2).
        portal().body(Map.of("TrangThaiHoSo", 8)).when().put("/admin/dossiers/" + code + "/status").then()
            .statusCode(200).body("TrangThaiHoSo", org.hamcrest.Matchers.equalTo(8));
        long runId = run().getLong("executionId");
        JsonPath found = differences(code, false);
        assertEquals(1, found.getLong("total"), found.prettify());
        assertEquals(0, found.getInt("offset"));
        assertEquals(50, found.getInt("limit"));
        assertEquals(code, found.getString("items[0].dossierCode"));
        assertEquals("STATUS", found.getString("items[0].kind"));
        assertEquals("2", found.getString("items[0].ours"));
        assertEquals("8", found.getString("items[0].portal"));
        assertEquals(runId, found.getLong("items[0].runId"));
        assertEquals(false, found.getBoolean("items[0].resolved"));
        long differenceId = found.getLong("items[0].id");

        // A rerun over the same state keeps the row (found again by the new run), adds none.
        long rerun = run().getLong("executionId");
        JsonPath again = differences(code, true);
        assertEquals(1, again.getLong("total"), again.prettify());
        assertEquals(differenceId, again.getLong("items[0].id"));
        assertEquals(rerun, again.getLong("items[0].runId"));
        assertEquals(1, TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).queryParam("limit", 500).when()
            .get("/portal/differences").then().statusCode(200).extract().jsonPath().getList("items").stream()
            .filter(i -> code.equals(((Map<?, ?>) i).get("dossierCode"))).count());

        // Only system administrators; bad paging is refused.
        TestAccounts.as(url, TestAccounts.DESK_VINH_LINH).when().get("/portal/differences").then().statusCode(403);
        TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).queryParam("limit", 0).when().get("/portal/differences").then()
            .statusCode(400);
        TestAccounts.as(url, TestAccounts.DESK_VINH_LINH).when().post("/portal/dossiers/" + code + "/resend").then()
            .statusCode(403);
        TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).when().post("/portal/dossiers/NO-SUCH-DOSSIER/resend").then()
            .statusCode(404);

        // Re-send: a fresh full message, numbered after the last; the portal takes our status over its planted one.
        int before = outbox(code).size();
        JsonPath resent = TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).when().post("/portal/dossiers/" + code + "/resend")
            .then().statusCode(200).extract().jsonPath();
        assertEquals(before + 1, resent.getInt("sequence"));
        assertTrue(resent.getString("payload").contains("\"TrangThaiHoSo\":2"), resent.getString("payload"));
        awaitSent(code, before + 1);
        assertEquals(2, portal().when().get("/api/dossiers/" + code).then().statusCode(200).extract().jsonPath()
            .getInt("TrangThaiHoSo"));
        run();
        assertEquals(0, differences(code, false).getLong("total"));
        JsonPath history = differences(code, true);
        assertEquals(1, history.getLong("total"));
        assertEquals(true, history.getBoolean("items[0].resolved"), history.prettify());
        assertTrue(history.getString("items[0].resolvedAt") != null, history.prettify());

        // While the portal is down, a new event's message waits in the outbox: the portal still holds status 2, we
        // hold 4, yet that is no difference (the outbox will deliver it).
        portal().body(Map.of("down", true)).when().post("/admin/outage").then().statusCode(204);
        try {
            JsonPath d = TestWork.dossier(url, TestAccounts.DESK_VINH_LINH, code);
            TestWork.next(url, TestWork.vinhLinh(d.getString("currentStep.role")), d);
            Await.until("a message of " + code + " waits", 30_000, 500, () -> {
                List<Map<String, Object>> o = outbox(code);
                return "PENDING".equals(o.get(o.size() - 1).get("state")) ? o : null;
            });
            run();
            assertEquals(0, differences(code, false).getLong("total"), "a pending message is not a difference");
        } finally {
            portal().body(Map.of("down", false)).when().post("/admin/outage").then().statusCode(204);
        }
    }
}
