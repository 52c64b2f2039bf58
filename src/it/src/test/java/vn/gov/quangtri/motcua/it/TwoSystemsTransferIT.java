package vn.gov.quangtri.motcua.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import vn.gov.quangtri.motcua.interagency.application.PartnerRegistry;
import vn.gov.quangtri.motcua.it.TestAccounts.Account;

/**
 * Two separate motcua systems talking over HTTP, as two agencies' installations would: system A is this
 * round's server (Xã Vĩnh Linh's one-stop desk), system B a second domain with its own database
 * ({@link PeerSystem}) serving the co-operating agencies, the land registration office under Sở Nông nghiệp
 * và Môi trường (over REST) and the tax authority (over SOAP). Each administrator registers the other system
 * as a partner through {@code POST /api/v1/interagency/partners} and keeps the key the other issued in the
 * server's password alias store; the officers work only through the REST API.
 *
 * <p>The scenario (first land registration H50-L006, docs/domain.md §2.6): three dossiers are transferred while B is
 * down (killed), B comes back and receives each exactly once; on B the first child is worked and its result
 * returned, B is killed right after (the return-result message may or may not have left) and restarted; A
 * gets the result exactly once, transfers leg 2 to the tax authority over SOAP by itself, B returns the tax
 * notice, the parent resumes at the desk and is returned to the citizen. A stale status sent afterwards is
 * ignored. Both histories, both clocks and both exchange logs are checked.
 *
 * <p>Runs in the H2 round only (a second domain costs about two minutes; the PostgreSQL round runs the
 * single-deployment {@link LoopbackTransferIT}).
 */
@MotcuaIT
@EnabledIfSystemProperty(named = "motcua.it.database", matches = "h2",
    disabledReason = "two-system test runs once, in the H2 round")
class TwoSystemsTransferIT {

    private static final String XA = "QT25.XA_VINH_LINH";
    private static final String LAND = "QT25.SNNMT";
    private static final String THUE = "QT25.THUE";
    private static final int DOSSIERS = 3;

    private static PeerSystem peer;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return EarDeployment.ear();
    }

    @ArquillianResource
    URL url;

    @BeforeAll
    static void startPeer() throws Exception {
        peer = new PeerSystem();
        peer.start();
    }

    @AfterAll
    static void stopPeer() throws Exception {
        if (peer != null) {
            peer.close();
        }
    }

    private static final Account LAND_OFFICER = new Account("canbo.vpdkdd", "Ngô Văn Địa", LAND,
        List.of("DESK_OFFICER", "SPECIALIST", "LEADER"), TestAccounts.TEST_PASSWORD, false);
    private static final Account TAX_OFFICER = new Account("canbo.thue", "Lê Thị Thuế", THUE,
        List.of("DESK_OFFICER", "SPECIALIST", "LEADER"), TestAccounts.TEST_PASSWORD, false);

    @Test
    @DisplayName("H50-L006 between two systems: B killed before and during the exchange, nothing lost or doubled, REST and SOAP legs, histories and clocks agree")
    void landRegistrationBetweenTwoSystems() throws Exception {
        URL a = url;
        URL b = peer.url();
        String n = String.valueOf(ThreadLocalRandom.current().nextInt(100000, 999999));

        // --- The administrators link the two systems -------------------------------------------------
        // On A: the other system serves the land registration office (REST) and the tax authority (SOAP).
        deactivateOthers(a, List.of(LAND, THUE));
        String aRestOnB = "A-VL-REST-" + n;
        String aSoapOnB = "A-VL-SOAP-" + n;
        String bRestOnA = "B-DAT-REST-" + n;
        String bSoapOnA = "B-THUE-SOAP-" + n;
        String bRoot = "http://localhost:" + peer.httpPort() + "/motcua";
        String aRoot = TestServer.appRoot(a).toString();
        String keyOfBRestOnA = register(a, bRestOnA, List.of(LAND), bRoot, "REST", PartnerRegistry.alias(aRestOnB));
        String keyOfBSoapOnA = register(a, bSoapOnA, List.of(THUE), bRoot + "/InterAgencyService", "SOAP",
            PartnerRegistry.alias(aSoapOnB));
        // On B: system A speaks for Xã Vĩnh Linh, once per style (answers go back the way the transfer came).
        String keyOfARestOnB = register(b, aRestOnB, List.of(XA), aRoot, "REST", PartnerRegistry.alias(bRestOnA));
        String keyOfASoapOnB = register(b, aSoapOnB, List.of(XA), aRoot + "/InterAgencyService", "SOAP",
            PartnerRegistry.alias(bSoapOnA));
        // Each keeps the key the other issued to it, in its password alias store.
        PeerSystem.createPasswordAlias(TestServer.adminPort(), PartnerRegistry.alias(aRestOnB), keyOfARestOnB);
        PeerSystem.createPasswordAlias(TestServer.adminPort(), PartnerRegistry.alias(aSoapOnB), keyOfASoapOnB);
        peer.createPasswordAlias(PartnerRegistry.alias(bRestOnA), keyOfBRestOnA);
        peer.createPasswordAlias(PartnerRegistry.alias(bSoapOnA), keyOfBSoapOnA);
        TestAccounts.ensure(b, LAND_OFFICER);
        TestAccounts.ensure(b, TAX_OFFICER);

        try {
            scenario(a, b, n, keyOfBRestOnA);
        } finally {
            for (String code : List.of(bRestOnA, bSoapOnA)) {
                setActive(a, code, false);
            }
        }
    }

    private void scenario(URL a, URL b, String n, String keyOfBRestOnA) throws Exception {
        // --- Three dossiers at the Vĩnh Linh desk, worked to step 3 (leg 1: land registration office) ---
        List<String> parents = new ArrayList<>();
        for (int i = 1; i <= DOSSIERS; i++) {
            String code = TestAccounts.as(a, TestAccounts.DESK_VINH_LINH).body(landDossier("Hai Hệ Thống " + n + "-" + i))
                .when().post("/dossiers").then().statusCode(201).extract().path("code");
            advanceTo(a, code, 3);
            parents.add(code);
        }
        // The first dossier's desk scans travel with the transfer (issue 15 §1): two files, exact names and bytes;
        // a withdrawn one stays behind.
        String scanName = "Đơn đăng ký đất đai 100% (bản quét) – tờ 1.pdf";
        byte[] scan = TestFiles.pdf(2);
        String mapName = "Sơ đồ thửa đất số 123.pdf";
        byte[] map = TestFiles.pdf(1);
        for (Object[] f : new Object[][] {{scanName, scan, "1"}, {mapName, map, ""}}) {
            Map<String, String> fields = ((String) f[2]).isEmpty() ? Map.of() : Map.of("component", (String) f[2]);
            var up = TestFiles.upload(a, TestAccounts.DESK_VINH_LINH, parents.get(0), (String) f[0], (byte[]) f[1], fields);
            assertEquals(201, up.statusCode(), up.body());
        }
        var wrong = TestFiles.upload(a, TestAccounts.DESK_VINH_LINH, parents.get(0), "nhầm hồ sơ.pdf", TestFiles.pdf(3),
            Map.of());
        assertEquals(201, wrong.statusCode(), wrong.body());
        TestAccounts.as(a, TestAccounts.DESK_VINH_LINH).body(Map.of("reason", "Quét nhầm hồ sơ khác"))
            .when().post("/dossiers/" + parents.get(0) + "/files/" + JsonPath.from(wrong.body()).getLong("id") + "/withdraw")
            .then().statusCode(200);

        // --- B is down (SIGKILL) while A transfers all three ---------------------------------------------
        peer.kill();
        for (String code : parents) {
            JsonPath d = act(a, TestAccounts.DESK_VINH_LINH, code, "transfer",
                Map.of("leg", 1, "receivingAgencyCode", LAND, "note", "Chuyển VPĐKĐĐ", "expectedVersion", version(a, code)));
            assertEquals("WAITING_INTERAGENCY", d.getString("status"));
        }
        // A keeps trying: every submit-transfer pending with at least one failed attempt.
        await("A's submit-transfer messages failed at least once while B is down", 60_000, () -> {
            List<Map<String, Object>> mine = outbox(a, parents);
            return mine.size() == DOSSIERS && mine.stream().allMatch(m -> "PENDING".equals(m.get("status"))
                && ((Number) m.get("attempts")).intValue() >= 1) ? mine : null;
        });
        // Transfers say SENT (not acknowledged) with no child yet.
        for (String code : parents) {
            Map<String, Object> t = transfers(a, code).get(0);
            assertEquals("SENT", t.get("status"));
        }

        // --- B comes back: each transfer is delivered and acknowledged exactly once ------------------------
        peer.restart();
        // The test accounts on B are asked for again after its restart (ensure is idempotent: 409 when present).
        for (Account account : List.of(LAND_OFFICER, TAX_OFFICER)) {
            TestAccounts.forget(b, account);
            TestAccounts.ensure(b, account);
        }
        List<String> children = new ArrayList<>();
        for (String code : parents) {
            Map<String, Object> t = await("leg 1 of " + code + " acknowledged by B", 120_000, () -> {
                Map<String, Object> x = transfers(a, code).get(0);
                return "ACKNOWLEDGED".equals(x.get("status")) && x.get("childCode") != null ? x : null;
            });
            children.add((String) t.get("childCode"));
        }
        assertEquals(DOSSIERS, children.stream().distinct().count());
        // B holds exactly three child dossiers at the land office, one per parent, with A's leg due time.
        JsonPath landList = TestAccounts.as(b, LAND_OFFICER).when().get("/dossiers?limit=100")
            .then().log().ifValidationFails().statusCode(200).extract().jsonPath();
        List<String> landCodes = landList.getList("items.code");
        assertEquals(DOSSIERS, landCodes.size(), "one child per transfer, none doubled: " + landCodes);
        for (int i = 0; i < DOSSIERS; i++) {
            JsonPath child = dossier(b, LAND_OFFICER, children.get(i));
            assertEquals(parents.get(i), child.getString("parentCode"));
            assertEquals(1, child.getInt("parentLeg"));
            assertEquals(transfers(a, parents.get(i)).get(0).get("dueAt"), child.getString("dueAt"),
                "the child's clock is the leg's share from the transfer, the same on both systems");
        }
        List<Map<String, Object>> delivered = outbox(a, parents);
        assertTrue(delivered.stream().allMatch(m -> "SENT".equals(m.get("status"))), delivered.toString());

        // B fetched the first child's two files from A, checked size and SHA-256, and keeps them with their names.
        String firstChild = children.get(0);
        List<Map<String, Object>> announced = await("B received the files of " + firstChild, 120_000, () -> {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> fs = (List<Map<String, Object>>) transfers(b, LAND_OFFICER, firstChild).get(0)
                .get("files");
            return fs.size() == 2 && fs.stream().allMatch(f -> "RECEIVED".equals(f.get("state"))) ? fs : null;
        });
        assertEquals(List.of(scanName, mapName), announced.stream().map(f -> f.get("name")).toList());
        List<Map<String, Object>> kept = JsonPath.from(new String(TestFiles.get(b, LAND_OFFICER,
            "/dossiers/" + firstChild + "/files").body(), java.nio.charset.StandardCharsets.UTF_8)).getList("$");
        assertEquals(List.of(scanName, mapName), kept.stream().map(f -> f.get("fileName")).toList());
        assertEquals(List.of("PARTNER_TRANSFER", "PARTNER_TRANSFER"), kept.stream().map(f -> f.get("source")).toList());
        assertEquals(1, kept.get(0).get("component"));
        assertArrayEquals(scan, TestFiles.get(b, LAND_OFFICER, "/dossiers/" + firstChild + "/files/" + kept.get(0).get("id")).body());
        assertArrayEquals(map, TestFiles.get(b, LAND_OFFICER, "/dossiers/" + firstChild + "/files/" + kept.get(1).get("id")).body());
        // The other children had no files; A serves its files only to the partner the transfer went to.
        assertEquals(List.of(), transfers(b, LAND_OFFICER, children.get(1)).get(0).get("files"));
        String firstTransfer = (String) transfers(a, parents.get(0)).get(0).get("transferId");
        RestAssured.given().baseUri(TestServer.serverRoot(a).toString()).header("X-Api-Key", "not-a-key")
            .when().get(TestServer.API_V1 + "/interagency/transfers/" + firstTransfer + "/files/1").then().statusCode(401);

        // --- B works the first child, reports progress, returns the result, and is killed right after -----
        String parent = parents.get(0);
        String child = children.get(0);
        act(b, LAND_OFFICER, child, "report-progress", Map.of("note", "Đang kiểm tra hồ sơ địa chính"));
        workToResult(b, LAND_OFFICER, child);
        act(b, LAND_OFFICER, child, "return-to-sender", Map.of("note", "Đã cập nhật hồ sơ địa chính, thửa 123 tờ 45"));
        peer.kill();
        peer.restart();

        // A gets the result once, completes step 3 and sends leg 2 to the tax authority over SOAP by itself.
        Map<String, Object> leg2 = await("leg 2 of " + parent + " acknowledged by B's tax authority (SOAP)", 120_000, () -> {
            List<Map<String, Object>> ts = transfers(a, parent);
            return ts.size() == 2 && "ACKNOWLEDGED".equals(ts.get(1).get("status")) && ts.get(1).get("childCode") != null
                ? ts.get(1) : null;
        });
        assertEquals("RESULT_RETURNED", transfers(a, parent).get(0).get("status"));
        assertEquals(THUE, leg2.get("receivingAgencyCode"));
        String taxChild = (String) leg2.get("childCode");
        assertEquals(leg2.get("dueAt"), dossier(b, TAX_OFFICER, taxChild).getString("dueAt"));

        // --- The tax authority returns its notice; the parent resumes at the Vĩnh Linh desk -------------
        workToResult(b, TAX_OFFICER, taxChild);
        act(b, TAX_OFFICER, taxChild, "return-to-sender", Map.of("note", "Thông báo nộp lệ phí trước bạ số 77/TB-T"));
        JsonPath resumed = await("parent back in process at A", 120_000, () -> {
            JsonPath d = dossier(a, TestAccounts.DESK_VINH_LINH, parent);
            return "IN_PROCESS".equals(d.getString("status")) ? d : null;
        });
        assertEquals(5, resumed.getInt("currentStep.position"));
        workToResult(a, null, parent);
        JsonPath returned = act(a, TestAccounts.DESK_VINH_LINH, parent, "return-result",
            Map.of("receivedBy", "Hai Hệ Thống " + n + "-1", "method", "DIRECT"));
        assertEquals("RETURNED", returned.getString("status"));

        // Parent history: each inter-agency event exactly once, in order.
        List<String> events = returned.getList("history.action");
        assertEquals(List.of("TRANSFER_OUT", "INTERAGENCY_RESULT", "TRANSFER_OUT", "INTERAGENCY_RESULT"),
            events.stream().filter(e -> e.startsWith("TRANSFER_") || e.startsWith("INTERAGENCY_")).toList(), events.toString());
        List<String> reasons = returned.getList("history.reason");
        assertTrue(reasons.stream().anyMatch(r -> r != null && r.contains("thửa 123 tờ 45")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r != null && r.contains("77/TB-T")), reasons.toString());
        // B's side: both children RETURNED (to the sending agency), both transfers final.
        for (Object[] c : new Object[][] {{child, LAND_OFFICER}, {taxChild, TAX_OFFICER}}) {
            JsonPath d = dossier(b, (Account) c[1], (String) c[0]);
            assertEquals("RETURNED", d.getString("status"));
            assertEquals("INTERAGENCY", d.getString("returnMethod"));
            assertEquals("RESULT_RETURNED", transfers(b, (Account) c[1], (String) c[0]).get(0).get("status"));
            assertEquals(1L, d.getList("history.action").stream().filter("RETURN_TO_SENDER"::equals).count());
        }
        // The citizen's dossier is the only one counted at A: children live on B.
        assertEquals(2, transfers(a, parent).size());

        // --- A stale status from B, out of order, after the result: recorded and ignored ---------------
        String transferId = (String) transfers(a, parent).get(0).get("transferId");
        Response stale = RestAssured.given().baseUri(TestServer.serverRoot(a).toString())
            .basePath(TestServer.API_V1 + "/interagency/messages").contentType(ContentType.JSON)
            .header("X-Road-Client", "VN/GOV/000.00.00.H50/" + "B-DAT-REST-" + n)
            .header("X-Road-Service", "VN/GOV/000.00.00.H50/MOTCUA/report-status/v1")
            .header("X-Road-UserId", LAND_OFFICER.username())
            .header("X-Road-Id", UUID.randomUUID().toString())
            .header("X-Api-Key", keyOfBRestOnA)
            .body(Map.of("transferId", transferId, "status", "IN_PROGRESS", "at", "2026-01-05T09:00:00+07:00",
                "childCode", child, "note", "Cập nhật cũ đến muộn"))
            .when().post("/report-status");
        assertEquals(200, stale.statusCode(), stale.asString());
        Map<String, Object> after = transfers(a, parent).get(0);
        assertEquals("RESULT_RETURNED", after.get("status"));
        assertTrue(((Number) after.get("ignoredUpdates")).intValue() >= 1, after.toString());
        assertEquals("RETURNED", dossier(a, TestAccounts.DESK_VINH_LINH, parent).getString("status"));

        // --- In the screens: B's land officer reports progress on the second child from its "Liên thông"
        // panel; A's desk sees it on the parent's panel --------------------------------------------------------
        String parent2 = parents.get(1);
        String child2 = children.get(1);
        try (Browser browser = Browser.open(TestServer.appRoot(b))) {
            browser.signIn(LAND_OFFICER.username(), LAND_OFFICER.password());
            browser.go("/app/dossier.xhtml?code=" + child2);
            String panel = browser.find("dossier:interagency").getText();
            assertTrue(panel.contains("Nhận từ") && panel.contains("Xã Vĩnh Linh") && panel.contains(parent2), panel);
            browser.type("dossier:transferNote", "Đang đo đạc thửa đất");
            browser.click("dossier:reportProgress");
            assertTrue(browser.find("messages").getText().contains("đang xử lý"), browser.find("messages").getText());
            browser.screenshot("child-progress-reported");
        }
        await("A hears of the progress on " + parent2, 60_000, () ->
            "IN_PROGRESS".equals(transfers(a, parent2).get(0).get("status")) ? Boolean.TRUE : null);
        try (Browser browser = Browser.open(TestServer.appRoot(a))) {
            browser.signIn(TestAccounts.DESK_VINH_LINH.username());
            browser.go("/app/dossier.xhtml?code=" + parent2);
            String panel = browser.find("dossier:interagency").getText();
            assertTrue(panel.contains("Đang xử lý") && panel.contains(child2), panel);
            assertTrue(browser.all(org.openqa.selenium.By.id("dossier:evidence")).size() == 1, "evidence download offered");
            browser.screenshot("parent-transfer-in-progress");
        }

        // --- The third dossier stays waiting at B, once; the exchange logs verify on both ------------------
        assertEquals("ACKNOWLEDGED", transfers(a, parents.get(2)).get(0).get("status"));
        for (URL system : List.of(a, b)) {
            JsonPath v = TestAccounts.as(system, TestAccounts.SYSTEM_ADMIN).when().get("/interagency/exchange-log/verification")
                .then().statusCode(200).extract().jsonPath();
            assertTrue(v.getBoolean("valid"), system + ": " + v.prettify());
        }
        byte[] bundle = TestAccounts.as(a, TestAccounts.DESK_VINH_LINH).when().get("/dossiers/" + parent + "/evidence-bundle")
            .then().statusCode(200).contentType("application/zip").extract().asByteArray();
        assertTrue(bundle.length > 200 && bundle[0] == 'P' && bundle[1] == 'K', "a ZIP file");
        assertNotEquals(parent, child);

        List<Map<String, Object>> sentByA = outbox(a, parents);
        int attempts = sentByA.stream().mapToInt(m -> ((Number) m.get("attempts")).intValue()).sum();
        System.out.printf("[TwoSystemsTransferIT] A sent %d messages for %d dossiers in %d attempts (B killed twice);"
                + " B holds %d land children + 1 tax child, one per transfer; stale updates ignored at A: %s%n",
            sentByA.size(), DOSSIERS, attempts, landCodes.size(), after.get("ignoredUpdates"));
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private static Map<String, Object> landDossier(String name) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            docs.add(Map.of("requiredPosition", i, "form", "ORIGINAL", "quantity", 1));
        }
        return Map.of("procedureCode", "H50-L006", "receivingAgencyCode", XA, "channel", "DIRECT",
            "applicant", Map.of("kind", "INDIVIDUAL", "name", name, "idNumber", "045090003333", "phone", "0912000333",
                "address", "Thôn Đông, xã Vĩnh Linh, tỉnh Quảng Trị"),
            "documents", docs);
    }

    private static String register(URL system, String code, List<String> agencies, String endpoint, String style,
                                   String credentialRef) {
        return TestAccounts.as(system, TestAccounts.SYSTEM_ADMIN)
            .body(Map.of("code", code, "name", "Hệ thống " + code, "agencyCodes", agencies, "endpointUrl", endpoint,
                "style", style, "outboundCredentialRef", credentialRef))
            .when().post("/interagency/partners").then().statusCode(201).extract().path("apiKey");
    }

    /** Takes other tests' partners serving these agencies out of service, so transfers go to system B. */
    private static void deactivateOthers(URL system, List<String> agencies) {
        List<Map<String, Object>> all = TestAccounts.as(system, TestAccounts.SYSTEM_ADMIN).when().get("/interagency/partners")
            .then().statusCode(200).extract().jsonPath().getList("$");
        for (Map<String, Object> p : all) {
            @SuppressWarnings("unchecked")
            List<String> served = (List<String>) p.get("agencyCodes");
            if (Boolean.TRUE.equals(p.get("active")) && served.stream().anyMatch(agencies::contains)) {
                setActive(system, (String) p.get("code"), false);
            }
        }
    }

    private static void setActive(URL system, String code, boolean active) {
        Map<String, Object> p = TestAccounts.as(system, TestAccounts.SYSTEM_ADMIN).when().get("/interagency/partners")
            .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("$").stream()
            .filter(x -> code.equals(x.get("code"))).findFirst().orElseThrow();
        Map<String, Object> change = new java.util.HashMap<>(p);
        change.remove("code");
        change.put("active", active);
        change.put("reason", active ? "Kết nối lại (kiểm thử)" : "Ngừng kết nối (kiểm thử)");
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

    /** Completes (or approves) steps at A until the dossier reaches {@code step}. */
    private static void advanceTo(URL a, String code, int step) {
        for (int guard = 0; guard < 20; guard++) {
            JsonPath d = dossier(a, TestAccounts.DESK_VINH_LINH, code);
            if (d.getInt("currentStep.position") >= step) {
                assertEquals(step, d.getInt("currentStep.position"));
                return;
            }
            TestWork.next(a, TestWork.vinhLinh(d.getString("currentStep.role")), d);
        }
        throw new AssertionError(code + " did not reach step " + step);
    }

    private static void workToResult(URL system, Account as, String code) {
        TestWork.workToResult(system, as, code);
    }

    private static <T> T await(String what, long millis, Supplier<T> probe) throws InterruptedException {
        return Await.until(what, millis, 500, probe);
    }
}
