package vn.gov.quangtri.motcua.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.interagency.application.PartnerRegistry;
import vn.gov.quangtri.motcua.it.TestAccounts.Account;

/**
 * The batch job {@code transfer-reconciliation} (issue 14 §1) between two systems: A is this round's server (Xã
 * Vĩnh Linh's desk, H2 or PostgreSQL), B a second domain with its own H2 database ({@link PeerSystem}) serving
 * the land registration office over REST, linked by their administrators as in {@link TwoSystemsTransferIT}. Two
 * transfers go wrong on purpose, each message swallowed by a stand-in HTTP server that answers 200 as if it were the
 * partner: A's submit-transfer of one dossier (B never receives it), and B's return-result of another (A still has
 * ACKNOWLEDGED). The job is started by A's system administrator over {@code POST /interagency/reconciliation} and
 * followed to COMPLETED:
 * <ol>
 *   <li>run 1: the lost transfer is sent again through A's outbox and B receives it once (one child); the other is
 *       flagged with the reason (B says RESULT_RETURNED …, we have ACKNOWLEDGED), on the findings API, on the
 *       dossier's transfer list and on the exchange page;</li>
 *   <li>run 2 over the same state: no second finding (counted twice), no third submit-transfer, the re-send's
 *       finding resolved;</li>
 *   <li>run 3 with B killed: the job completes, both transfers skipped with the reason (connection refused).</li>
 * </ol>
 * Both rounds (A on H2, then on PostgreSQL); the grace period is zero on the test domains (it-servers.sh).
 */
@MotcuaIT
class TransferReconciliationIT {

    private static final String XA = "QT25.XA_VINH_LINH";
    private static final String LAND = "QT25.SNNMT";

    private static PeerSystem peer;
    private static HttpServer swallow;
    private static final AtomicInteger swallowed = new AtomicInteger();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return EarDeployment.ear();
    }

    @ArquillianResource
    URL url;

    @BeforeAll
    static void start() throws Exception {
        // Answers every message 200 with an outcome, as a partner would, and keeps nothing.
        swallow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        swallow.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            swallowed.incrementAndGet();
            byte[] body = "{\"status\":\"ACCEPTED\",\"body\":{}}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        swallow.start();
        peer = new PeerSystem();
        peer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (swallow != null) {
            swallow.stop(0);
        }
        if (peer != null) {
            peer.close();
        }
    }

    private static final Account LAND_OFFICER = new Account("canbo.vpdkdd", "Ngô Văn Địa", LAND,
        List.of("DESK_OFFICER", "SPECIALIST", "LEADER"), TestAccounts.TEST_PASSWORD, false);

    @Test
    @DisplayName("Reconciliation between two systems: a transfer B never received is re-sent and received once, a status mismatch is flagged with its reason (API, transfer list, exchange page), a rerun adds nothing, a dead partner is skipped with the reason")
    void reconciliation() throws Exception {
        URL a = url;
        URL b = peer.url();
        System.out.println("[TransferReconciliationIT] system A at " + TestServer.appRoot(a) + " (Arquillian: " + a
            + "), system B at " + b + ", stand-in partner at port " + swallow.getAddress().getPort());
        String n = String.valueOf(ThreadLocalRandom.current().nextInt(100000, 999999));
        String swallowRoot = "http://127.0.0.1:" + swallow.getAddress().getPort() + "/motcua";

        deactivateOthers(a, List.of(LAND));
        String bOnA = "B-REC-" + n;
        String aOnB = "A-REC-" + n;
        String bRoot = "http://localhost:" + peer.httpPort() + "/motcua";
        String aRoot = TestServer.appRoot(a).toString();
        String keyOfBOnA = register(a, bOnA, List.of(LAND), bRoot, PartnerRegistry.alias(aOnB));
        String keyOfAOnB = register(b, aOnB, List.of(XA), aRoot, PartnerRegistry.alias(bOnA));
        PeerSystem.createPasswordAlias(TestServer.adminPort(), PartnerRegistry.alias(aOnB), keyOfAOnB);
        peer.createPasswordAlias(PartnerRegistry.alias(bOnA), keyOfBOnA);
        TestAccounts.ensure(b, LAND_OFFICER);

        try {
            scenario(a, b, n, bOnA, aOnB, bRoot, aRoot, swallowRoot);
        } finally {
            setPartner(a, bOnA, null, false);
        }
    }

    private void scenario(URL a, URL b, String n, String bOnA, String aOnB, String bRoot, String aRoot,
                          String swallowRoot) throws Exception {
        List<String> parents = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            String code = TestAccounts.as(a, TestAccounts.DESK_VINH_LINH).body(landDossier("Đối Soát " + n + "-" + i))
                .when().post("/dossiers").then().statusCode(201).extract().path("code");
            advanceTo(a, code, 3);
            parents.add(code);
        }
        String mismatched = parents.get(0);
        String lost = parents.get(1);

        // --- The mismatch: B receives the transfer, but its return-result goes to the stand-in ----------------
        transfer(a, mismatched);
        Map<String, Object> acked = await("B acknowledges " + mismatched, 120_000, () -> {
            Map<String, Object> t = transfers(a, mismatched).get(0);
            return "ACKNOWLEDGED".equals(t.get("status")) && t.get("childCode") != null ? t : null;
        });
        String child = (String) acked.get("childCode");
        setPartner(b, aOnB, swallowRoot, true);
        workToResult(b, LAND_OFFICER, child);
        act(b, LAND_OFFICER, child, "return-to-sender", Map.of("note", "Đã cập nhật hồ sơ địa chính " + n));
        await("B's return-result swallowed", 60_000, () -> outbox(b, List.of(mismatched)).stream()
            .anyMatch(m -> "return-result".equals(m.get("operation")) && "SENT".equals(m.get("status"))) ? Boolean.TRUE : null);
        setPartner(b, aOnB, aRoot, true);
        String returnedAt = (String) transfers(b, LAND_OFFICER, child).get(0).get("statusAt");

        // --- The lost transfer: A's submit-transfer goes to the stand-in and is marked sent ---------------------
        setPartner(a, bOnA, swallowRoot, true);
        int before = swallowed.get();
        transfer(a, lost);
        await("A's submit-transfer swallowed", 60_000, () -> outbox(a, List.of(lost)).stream()
            .anyMatch(m -> "submit-transfer".equals(m.get("operation")) && "SENT".equals(m.get("status"))) ? Boolean.TRUE : null);
        assertTrue(swallowed.get() > before);
        setPartner(a, bOnA, bRoot, true);
        assertEquals("SENT", transfers(a, lost).get(0).get("status"));
        assertEquals("ACKNOWLEDGED", transfers(a, mismatched).get(0).get("status"));
        assertEquals(1, landChildren(b).size(), "B holds only the first transfer's child");

        // --- Run 1 --------------------------------------------------------------------------------------------
        JsonPath run1 = runJob(a);
        assertEquals("COMPLETED", run1.getString("batchStatus"));
        assertTrue(run1.getLong("read") >= 2, run1.prettify());
        Map<String, Object> resent = await("the lost transfer re-sent and acknowledged by B", 120_000, () -> {
            Map<String, Object> t = transfers(a, lost).get(0);
            return "ACKNOWLEDGED".equals(t.get("status")) && t.get("childCode") != null ? t : null;
        });
        List<String> children = landChildren(b);
        assertEquals(2, children.size(), "B received the lost transfer once: " + children);
        assertTrue(children.contains((String) resent.get("childCode")));
        assertEquals(lost, dossier(b, LAND_OFFICER, (String) resent.get("childCode")).getString("parentCode"));

        Map<String, Object> flag = finding(a, mismatched, "MISMATCH", true);
        String transferId = (String) acked.get("transferId");
        assertEquals(transferId, flag.get("transferId"));
        assertEquals(bOnA, flag.get("partnerCode"));
        assertEquals("ACKNOWLEDGED", flag.get("ourStatus"));
        assertEquals("RESULT_RETURNED", flag.get("partnerStatus"));
        assertEquals(minute(returnedAt), minute((String) flag.get("partnerStatusAt")));
        String reason = (String) flag.get("reason");
        String expected = "Partner " + bOnA + " says RESULT_RETURNED on " + minute(returnedAt) + ", we have ACKNOWLEDGED since "
            + minute((String) acked.get("statusAt"));
        assertEquals(expected, reason);
        assertEquals(1, ((Number) flag.get("seenCount")).intValue());
        assertEquals(run1.getLong("executionId"), ((Number) flag.get("executionId")).longValue());
        Map<String, Object> resentFinding = finding(a, lost, "RESENT", true);
        assertTrue(((String) resentFinding.get("reason")).startsWith("Partner " + bOnA + " never received this transfer"
            + " (query-status: not found), we have SENT since "), resentFinding.toString());
        assertTrue(((String) resentFinding.get("reason")).contains("submit-transfer queued again as message"));
        // On the dossier's transfer list (the desk sees the flag) ...
        @SuppressWarnings("unchecked")
        Map<String, Object> onTransfer = (Map<String, Object>) transfers(a, mismatched).get(0).get("reconciliation");
        assertNotNull(onTransfer, "open finding on the transfer");
        assertEquals("MISMATCH", onTransfer.get("kind"));
        assertEquals(expected, onTransfer.get("reason"));
        // ... and on the administrators' exchange page.
        try (Browser browser = Browser.open(TestServer.appRoot(a))) {
            browser.signIn(TestAccounts.SYSTEM_ADMIN.username());
            browser.go("/app/admin/exchange.xhtml");
            String panel = browser.find("exchange:reconciliationPanel").getText();
            assertTrue(panel.contains("Trạng thái tại hệ thống đối tác khác với bên ta") && panel.contains("Sai lệch trạng thái")
                && panel.contains(mismatched), panel);
            // The stored reason (English, technical) is the tooltip of the Vietnamese label.
            List<String> tooltips = browser.all(org.openqa.selenium.By.cssSelector(".mc-finding-reason")).stream()
                .map(e -> e.getAttribute("title")).toList();
            assertTrue(tooltips.contains(expected), tooltips.toString());
            browser.screenshot("reconciliation-findings");
        }

        // --- Run 2 over the same state: nothing doubled ----------------------------------------------------------
        JsonPath run2 = runJob(a);
        assertEquals("COMPLETED", run2.getString("batchStatus"));
        List<Map<String, Object>> all = findings(a, false);
        List<Map<String, Object>> ofMismatched = all.stream().filter(f -> mismatched.equals(f.get("dossierCode"))).toList();
        assertEquals(1, ofMismatched.size(), "no duplicate flag: " + ofMismatched);
        assertEquals(2, ((Number) ofMismatched.get(0).get("seenCount")).intValue());
        assertEquals(expected, ofMismatched.get(0).get("reason"));
        assertEquals(run2.getLong("executionId"), ((Number) ofMismatched.get(0).get("executionId")).longValue());
        List<Map<String, Object>> ofLost = all.stream().filter(f -> lost.equals(f.get("dossierCode"))).toList();
        assertEquals(1, ofLost.size(), ofLost.toString());
        assertNotNull(ofLost.get(0).get("resolvedAt"), "in sync now: the re-send's finding is resolved");
        assertNull(transfers(a, lost).get(0).get("reconciliation"));
        assertEquals(2, outbox(a, List.of(lost)).stream().filter(m -> "submit-transfer".equals(m.get("operation"))).count(),
            "the first submit-transfer and one copy, no third");
        assertEquals(2, landChildren(b).size());

        // --- Run 3 with B down: completed, both transfers skipped with the reason -------------------------------
        peer.kill();
        JsonPath run3 = runJob(a);
        assertEquals("COMPLETED", run3.getString("batchStatus"));
        assertTrue(run3.getLong("skipped") >= 2, run3.prettify());
        for (String code : parents) {
            Map<String, Object> skip = finding(a, code, "SKIPPED", true);
            assertTrue(((String) skip.get("reason")).startsWith("Partner " + bOnA + " did not answer query-status: Cannot connect to "
                + bRoot + "/api/v1/interagency/messages/query-status"), skip.toString());
            assertEquals(run3.getLong("executionId"), ((Number) skip.get("executionId")).longValue());
        }
        // The mismatch stays open: an unanswered question confirms nothing.
        assertEquals(2, ((Number) finding(a, mismatched, "MISMATCH", true).get("seenCount")).intValue());
        System.out.printf("[TransferReconciliationIT] runs %d, %d, %d: read %d/%d/%d, skipped %d/%d/%d%n",
            run1.getLong("executionId"), run2.getLong("executionId"), run3.getLong("executionId"), run1.getLong("read"),
            run2.getLong("read"), run3.getLong("read"), run1.getLong("skipped"), run2.getLong("skipped"), run3.getLong("skipped"));

        // Only system administrators start it.
        Response refused = TestAccounts.as(a, TestAccounts.DESK_VINH_LINH).when().post("/interagency/reconciliation");
        assertEquals(403, refused.statusCode(), refused.asString());
        assertEquals("ROLE_REQUIRED", refused.jsonPath().getString("reason"));
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    /** Starts the job over REST (202 with the execution id) and waits until it ends. */
    private static JsonPath runJob(URL a) throws InterruptedException {
        Response started = TestAccounts.as(a, TestAccounts.SYSTEM_ADMIN).when().post("/interagency/reconciliation");
        assertEquals(202, started.statusCode(), started.asString());
        assertEquals("transfer-reconciliation", started.jsonPath().getString("job"));
        long id = started.jsonPath().getLong("executionId");
        assertTrue(started.getHeader("Location").endsWith("/interagency/reconciliation/executions/" + id));
        return await("execution " + id + " ends", 180_000, () -> {
            JsonPath e = TestAccounts.as(a, TestAccounts.SYSTEM_ADMIN).when().get("/interagency/reconciliation/executions/" + id)
                .then().statusCode(200).extract().jsonPath();
            String s = e.getString("batchStatus");
            return "COMPLETED".equals(s) || "FAILED".equals(s) || "STOPPED".equals(s) || "ABANDONED".equals(s) ? e : null;
        });
    }

    private static List<Map<String, Object>> findings(URL a, boolean open) {
        return TestAccounts.as(a, TestAccounts.SYSTEM_ADMIN).when().get("/interagency/reconciliation/findings?limit=500&open=" + open)
            .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static Map<String, Object> finding(URL a, String dossierCode, String kind, boolean open) {
        List<Map<String, Object>> found = findings(a, open).stream()
            .filter(f -> dossierCode.equals(f.get("dossierCode")) && kind.equals(f.get("kind"))).toList();
        assertEquals(1, found.size(), kind + " of " + dossierCode + ": " + found);
        return found.get(0);
    }

    /** {@code 2026-12-06T14:05:31+07:00} → {@code 2026-12-06 14:05} (the reasons' form, Vietnam time). */
    private static String minute(String isoWithOffset) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(
            java.time.OffsetDateTime.parse(isoWithOffset).atZoneSameInstant(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
    }

    private static List<String> landChildren(URL b) {
        return TestAccounts.as(b, LAND_OFFICER).when().get("/dossiers?limit=100").then().statusCode(200).extract()
            .jsonPath().getList("items.code");
    }

    private static void transfer(URL a, String code) {
        JsonPath d = act(a, TestAccounts.DESK_VINH_LINH, code, "transfer",
            Map.of("leg", 1, "receivingAgencyCode", LAND, "note", "Chuyển VPĐKĐĐ", "expectedVersion", version(a, code)));
        assertEquals("WAITING_INTERAGENCY", d.getString("status"));
    }

    private static Map<String, Object> landDossier(String name) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            docs.add(Map.of("requiredPosition", i, "form", "ORIGINAL", "quantity", 1));
        }
        Map<String, Object> applicant = new HashMap<>();
        applicant.put("kind", "INDIVIDUAL");
        applicant.put("name", name);
        applicant.put("idNumber", "0450800" + ThreadLocalRandom.current().nextInt(10000, 99999));
        applicant.put("phone", "0912345678");
        applicant.put("address", "Khu phố 1, xã Vĩnh Linh");
        return Map.of("procedureCode", "H50-L006", "receivingAgencyCode", XA, "channel", "DIRECT", "applicant", applicant,
            "documents", docs);
    }

    private static String register(URL system, String code, List<String> agencies, String endpoint, String credentialRef) {
        return TestAccounts.as(system, TestAccounts.SYSTEM_ADMIN)
            .body(Map.of("code", code, "name", "Hệ thống " + code, "agencyCodes", agencies, "endpointUrl", endpoint,
                "style", "REST", "outboundCredentialRef", credentialRef))
            .when().post("/interagency/partners").then().statusCode(201).extract().path("apiKey");
    }

    private static void deactivateOthers(URL system, List<String> agencies) {
        List<Map<String, Object>> all = TestAccounts.as(system, TestAccounts.SYSTEM_ADMIN).when().get("/interagency/partners")
            .then().statusCode(200).extract().jsonPath().getList("$");
        for (Map<String, Object> p : all) {
            @SuppressWarnings("unchecked")
            List<String> served = (List<String>) p.get("agencyCodes");
            if (Boolean.TRUE.equals(p.get("active")) && served.stream().anyMatch(agencies::contains)) {
                setPartner(system, (String) p.get("code"), null, false);
            }
        }
    }

    /** Changes a partner's endpoint (null: keep it) and active flag, as an administrator. */
    private static void setPartner(URL system, String code, String endpoint, boolean active) {
        Map<String, Object> p = TestAccounts.as(system, TestAccounts.SYSTEM_ADMIN).when().get("/interagency/partners")
            .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("$").stream()
            .filter(x -> code.equals(x.get("code"))).findFirst().orElseThrow();
        Map<String, Object> change = new HashMap<>(p);
        change.remove("code");
        change.put("active", active);
        change.put("reason", "Đối soát liên thông (kiểm thử)");
        if (endpoint != null) {
            change.put("endpointUrl", endpoint);
        }
        TestAccounts.as(system, TestAccounts.SYSTEM_ADMIN).body(change).when().put("/interagency/partners/" + code)
            .then().statusCode(200);
    }

    private static JsonPath dossier(URL system, Account as, String code) {
        return TestAccounts.as(system, as).when().get("/dossiers/" + code).then().statusCode(200).extract().jsonPath();
    }

    private static long version(URL system, String code) {
        return dossier(system, TestAccounts.DESK_VINH_LINH, code).getLong("version");
    }

    private static JsonPath act(URL system, Account as, String code, String verb, Map<String, Object> body) {
        Response r = TestAccounts.as(system, as).body(body).when().post("/dossiers/" + code + "/" + verb);
        assertEquals(200, r.statusCode(), verb + " " + code + ": " + r.asString());
        return r.jsonPath();
    }

    private static List<Map<String, Object>> transfers(URL a, String code) {
        return transfers(a, TestAccounts.DESK_VINH_LINH, code);
    }

    private static List<Map<String, Object>> transfers(URL system, Account as, String code) {
        return TestAccounts.as(system, as).when().get("/dossiers/" + code + "/transfers").then().statusCode(200)
            .extract().jsonPath().getList("$");
    }

    private static List<Map<String, Object>> outbox(URL system, List<String> dossierCodes) {
        List<Map<String, Object>> all = TestAccounts.as(system, TestAccounts.SYSTEM_ADMIN).when().get("/interagency/outbox?limit=500")
            .then().statusCode(200).extract().jsonPath().getList("$");
        return all.stream().filter(m -> dossierCodes.contains(m.get("dossierCode"))).toList();
    }

    private static Account vinhLinh(String role) {
        return switch (role) {
            case "ONE_STOP_OFFICER", "CLERK" -> TestAccounts.DESK_VINH_LINH;
            case "LEADER" -> TestAccounts.LEADER_VINH_LINH;
            default -> TestAccounts.SPECIALIST_VINH_LINH;
        };
    }

    private static void advanceTo(URL a, String code, int step) {
        for (int guard = 0; guard < 20; guard++) {
            JsonPath d = dossier(a, TestAccounts.DESK_VINH_LINH, code);
            if (d.getInt("currentStep.position") >= step) {
                assertEquals(step, d.getInt("currentStep.position"));
                return;
            }
            next(a, vinhLinh(d.getString("currentStep.role")), d);
        }
        throw new AssertionError(code + " did not reach step " + step);
    }

    private static void workToResult(URL system, Account as, String code) {
        for (int guard = 0; guard < 20; guard++) {
            JsonPath d = dossier(system, as, code);
            if ("RESULT_READY".equals(d.getString("status"))) {
                return;
            }
            next(system, as, d);
        }
        throw new AssertionError(code + " did not reach RESULT_READY");
    }

    private static void next(URL system, Account as, JsonPath d) {
        String verb = "APPROVAL".equals(d.getString("currentStep.kind")) ? "approve" : "complete-step";
        act(system, as, d.getString("code"), verb, Map.of("expectedVersion", d.getLong("version")));
    }

    private static <T> T await(String what, long millis, Supplier<T> probe) throws InterruptedException {
        return Await.until(what, millis, 500, probe);
    }
}
