package vn.gov.quangtri.motcua.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.it.TestAccounts.Account;

/**
 * Sign-in, per-unit scope and roles on the deployed EAR: the dossier and account endpoints need an
 * account's HTTP Basic credentials (401 problem otherwise) while the catalogue, agencies and calendar stay
 * public; an account sees and acts only on dossiers of its units (another unit's dossier answers as a missing
 * code, 404 {@code NOT_FOUND}; receiving for another unit 403 {@code OUT_OF_SCOPE}) and only in
 * its roles (403 {@code ROLE_REQUIRED}), and a refusal changes nothing; administrators manage accounts
 * within their reach; a browser session (form sign-in) reads the API but cannot change anything (C20).
 */
@MotcuaIT
class SecurityApiIT {

    private static final String VINH_LINH = "QT25.XA_VINH_LINH";
    /** Receipt day of this class's dossiers (a day no other test class uses at Vĩnh Linh). */
    private static final String DAY = "2026-03-10T09:00:00+07:00";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return EarDeployment.ear();
    }

    @ArquillianResource
    URL url;

    private static final List<Map<String, Object>> CERTIFICATE_DOCS = List.of(
        Map.of("requiredPosition", 1, "form", "ORIGINAL"), Map.of("requiredPosition", 2, "form", "COPY"));

    private static Map<String, Object> certificate(String applicantName) {
        return Map.of("procedureCode", "1.004873", "receivingAgencyCode", VINH_LINH, "channel", "DIRECT",
            "applicant", Map.of("kind", "INDIVIDUAL", "name", applicantName, "idNumber", "045090002222",
                "phone", "0912000222", "address", "Khu phố 3, xã Vĩnh Linh, tỉnh Quảng Trị"),
            "documents", CERTIFICATE_DOCS, "submittedAt", DAY);
    }

    private static String unique(String name) {
        return name + " " + System.nanoTime();
    }

    /** Receives a marriage-status certificate dossier at the Vĩnh Linh desk; its current step is the desk's. */
    private String receiveAtVinhLinh(String applicantName) {
        return TestAccounts.as(url, TestAccounts.DESK_VINH_LINH).body(certificate(applicantName))
            .when().post("/dossiers").then().statusCode(201).extract().path("code");
    }

    private ValidatableResponse act(Account account, String code, String verb, Map<String, Object> body) {
        return TestAccounts.as(url, account).body(body).when().post("/dossiers/" + code + "/" + verb).then();
    }

    private static void forbidden(ValidatableResponse response, String reason) {
        response.statusCode(403).contentType("application/problem+json").body("status", equalTo(403))
            .body("reason", equalTo(reason));
    }

    /** Version, status, current step and history of a dossier, read as the system administrator. */
    private Map<String, Object> snapshot(String code) {
        Response r = TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).get("/dossiers/" + code);
        assertEquals(200, r.statusCode(), r.asString());
        Map<String, Object> s = new HashMap<>();
        s.put("version", r.path("version"));
        s.put("status", r.path("status"));
        s.put("currentStep", r.path("currentStep.position"));
        s.put("history", r.path("history.action"));
        s.put("handler", r.path("currentStep.handler"));
        return s;
    }

    private long countByApplicant(Account account, String applicantName) {
        return ((Number) TestAccounts.as(url, account).queryParam("applicant", applicantName).when().get("/dossiers")
            .then().statusCode(200).extract().path("total")).longValue();
    }

    /**
     * The request for an existing dossier out of the caller's scope answers exactly as for a missing code: 404, the
     * same content type and the same body once the code is swapped (issue 16). Adds the milliseconds taken to
     * {@code times[0]} (existing) and {@code times[1]} (missing).
     */
    private static void sameAsMissing(String code, String missing, java.util.function.Function<String, Response> call,
                                      long[] times) {
        long t0 = System.nanoTime();
        Response existing = call.apply(code);
        long t1 = System.nanoTime();
        Response absent = call.apply(missing);
        long t2 = System.nanoTime();
        times[0] += (t1 - t0) / 1_000_000;
        times[1] += (t2 - t1) / 1_000_000;
        assertEquals(404, absent.statusCode(), absent.asString());
        assertEquals(404, existing.statusCode(), existing.asString());
        assertEquals(absent.contentType(), existing.contentType());
        assertEquals(absent.asString(), existing.asString().replace(code, missing));
        assertEquals(absent.header("Content-Length"), existing.header("Content-Length"));
        if (!absent.asString().isEmpty()) {
            assertEquals("NOT_FOUND", absent.path("reason"));
        }
    }

    private static int number(String code) {
        return Integer.parseInt(code.substring(code.length() - 4));
    }

    @Test
    @DisplayName("No or wrong credentials: 401 problem on dossiers and accounts, nothing stored; catalogue, agencies and calendar stay public")
    void authenticationRequired() {
        String name = unique("Phạm Văn Vô Danh");
        // No credentials.
        for (String path : List.of("/dossiers", "/dossiers/000.00.60.H50-260310-0001", "/accounts", "/accounts/me")) {
            given().spec(TestServer.api(url)).when().get(path).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Basic"))
                .body("status", equalTo(401)).body("reason", equalTo("AUTHENTICATION_REQUIRED"));
        }
        given().spec(TestServer.api(url)).contentType(ContentType.JSON).body(certificate(name))
            .when().post("/dossiers").then().statusCode(401).body("reason", equalTo("AUTHENTICATION_REQUIRED"));
        given().spec(TestServer.api(url)).contentType(ContentType.JSON).body(Map.of("note", "x"))
            .when().post("/dossiers/000.00.60.H50-260310-0001/complete-step").then().statusCode(401);
        // Wrong password, unknown account, malformed header.
        TestAccounts.basic(url, TestAccounts.DESK_VINH_LINH.username(), "Motcua@2025").get("/dossiers").then()
            .statusCode(401).contentType("application/problem+json").body("reason", equalTo("BAD_CREDENTIALS"));
        TestAccounts.basic(url, TestAccounts.DESK_VINH_LINH.username(), "Motcua@2025").body(certificate(name))
            .when().post("/dossiers").then().statusCode(401).body("reason", equalTo("BAD_CREDENTIALS"));
        TestAccounts.basic(url, "khongtontai.vinhlinh", TestAccounts.DEMO_PASSWORD).get("/dossiers").then()
            .statusCode(401).body("reason", equalTo("BAD_CREDENTIALS"));
        given().spec(TestServer.api(url)).header("Authorization", "Basic !!!not-base64").get("/dossiers").then()
            .statusCode(401).body("reason", equalTo("BAD_CREDENTIALS"));
        // None of the refused receipts was stored.
        assertEquals(0, countByApplicant(TestAccounts.DESK_VINH_LINH, name));

        // Public reference endpoints answer without credentials.
        given().spec(TestServer.api(url)).queryParam("q", "dang ky dat dai").get("/procedures").then().statusCode(200);
        given().spec(TestServer.api(url)).get("/procedures/H50-L006").then().statusCode(200)
            .body("code", equalTo("H50-L006"));
        given().spec(TestServer.api(url)).get("/agencies").then().statusCode(200);
        given().spec(TestServer.api(url)).get("/agencies/" + VINH_LINH).then().statusCode(200);
        given().spec(TestServer.api(url)).get("/calendar/due-date?from=2026-03-02T10:00&workingDays=2").then()
            .statusCode(200).body("dueAt", equalTo("2026-03-04T10:00:00+07:00"));

        // The right credentials: the account itself, never its password hash.
        TestAccounts.as(url, TestAccounts.DESK_VINH_LINH).get("/accounts/me").then().statusCode(200)
            .body("username", equalTo("tiepnhan.vinhlinh")).body("agencyCode", equalTo(VINH_LINH))
            .body("roles", equalTo(List.of("DESK_OFFICER"))).body("active", equalTo(true))
            .body("$", not(hasKey("password"))).body("$", not(hasKey("passwordHash")));
    }

    @Test
    @DisplayName("Issue 16: a specialist of Đông Hà can neither read, act on, print nor find a Vĩnh Linh dossier, and"
        + " cannot tell it from a missing code: the same 404 NOT_FOUND and body on every dossier endpoint, HEAD included")
    void otherUnitIsOutOfScope() {
        Account stranger = TestAccounts.SPECIALIST_DONG_HA;
        String name = unique("Lê Thị Ngoài Phạm Vi");
        String code = receiveAtVinhLinh(name);
        // Move it to the appraisal (specialist) step, so that only the unit stands in the stranger's way.
        act(TestAccounts.DESK_VINH_LINH, code, "complete-step", Map.of()).statusCode(200)
            .body("currentStep.role", equalTo("SPECIALIST"));
        Map<String, Object> before = snapshot(code);
        // A code of the same unit, day and length that nobody has.
        String missing = code.substring(0, code.length() - 4) + "9" + code.substring(code.length() - 3);
        TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).get("/dossiers/" + missing).then().statusCode(404);

        long[] times = new long[2];
        for (String path : List.of("", "/forms/receipt-slip", "/forms/control-sheet", "/forms/apology", "/transfers",
            "/evidence-bundle")) {
            sameAsMissing(code, missing, c -> TestAccounts.as(url, stranger).get("/dossiers/" + c + path), times);
            sameAsMissing(code, missing, c -> TestAccounts.as(url, stranger).head("/dossiers/" + c + path), times);
        }
        for (String verb : List.of("complete-step", "request-supplement", "request-financial-obligation", "assign",
            "approve", "reject", "stop", "resume", "return-for-rework", "return-result", "accept", "refuse",
            "transfer", "report-progress", "return-to-sender", "refuse-transfer", "lookup-token", "kiosk-invitation")) {
            Map<String, Object> body = verb.equals("transfer") ? Map.of("leg", 1) : Map.of("note", "xử lý hộ",
                "reason", "Thử", "handler", stranger.username(), "items", List.of("Bản sao CCCD"));
            sameAsMissing(code, missing, c -> TestAccounts.as(url, stranger).body(body).when()
                .post("/dossiers/" + c + "/" + verb), times);
        }
        // Similar time: the scope check answers right after the one lookup, as for a missing code (loose bound: the
        // machine is shared).
        assertTrue(times[0] < 3 * times[1] + 2_000, "out of scope " + times[0] + " ms, missing " + times[1] + " ms");
        // A predecessor unit does not see its successor's dossiers (Thị trấn Hồ Xá → Xã Vĩnh Linh) either.
        sameAsMissing(code, missing, c -> TestAccounts.as(url, TestAccounts.DESK_HO_XA).get("/dossiers/" + c), times);
        // Not in its search results, by name or by unit; the Vĩnh Linh specialist finds it.
        assertEquals(0, countByApplicant(stranger, name));
        TestAccounts.as(url, stranger).queryParam("agency", VINH_LINH).get("/dossiers").then().statusCode(200)
            .body("total", equalTo(0));
        assertEquals(1, countByApplicant(TestAccounts.SPECIALIST_VINH_LINH, name));
        TestAccounts.as(url, TestAccounts.SPECIALIST_VINH_LINH).get("/dossiers/" + code).then().statusCode(200);

        // A desk officer of Đông Hà cannot receive for Vĩnh Linh either (403: no code is addressed), and no number is
        // consumed.
        String refused = unique("Võ Văn Nhận Hộ");
        forbidden(TestAccounts.as(url, TestAccounts.deskDongHa(1)).body(certificate(refused)).when().post("/dossiers")
            .then(), "OUT_OF_SCOPE");

        assertEquals(before, snapshot(code), "refused requests changed nothing");
        assertEquals(0, countByApplicant(TestAccounts.SYSTEM_ADMIN, refused));
        String next = receiveAtVinhLinh(unique("Võ Văn Sau"));
        assertEquals(number(code) + 1, number(next), "the refused receipt consumed no dossier number");
    }

    @Test
    @DisplayName("Roles gate the actions (403 ROLE_REQUIRED) and a refusal leaves version and history unchanged")
    void rolesGateActions() {
        Account desk = TestAccounts.DESK_VINH_LINH;
        Account specialist = TestAccounts.SPECIALIST_VINH_LINH;
        Account leader = TestAccounts.LEADER_VINH_LINH;
        String code = receiveAtVinhLinh(unique("Nguyễn Văn Vai Trò"));

        // Step 1 is the desk's (ONE_STOP_OFFICER).
        Map<String, Object> atDesk = snapshot(code);
        forbidden(act(specialist, code, "complete-step", Map.of()), "ROLE_REQUIRED");
        forbidden(act(leader, code, "complete-step", Map.of()), "ROLE_REQUIRED");
        forbidden(act(TestAccounts.ADMIN_VINH_LINH, code, "complete-step", Map.of()), "ROLE_REQUIRED");
        assertEquals(atDesk, snapshot(code));
        // Only desk officers receive.
        String notReceived = unique("Trần Thị Không Nhận");
        forbidden(TestAccounts.as(url, specialist).body(certificate(notReceived)).when().post("/dossiers").then(),
            "ROLE_REQUIRED");
        assertEquals(0, countByApplicant(specialist, notReceived));

        act(desk, code, "complete-step", Map.of()).statusCode(200).body("currentStep.role", equalTo("SPECIALIST"));
        Map<String, Object> atSpecialist = snapshot(code);
        forbidden(act(desk, code, "complete-step", Map.of()), "ROLE_REQUIRED");       // a specialist's step
        forbidden(act(specialist, code, "approve", Map.of()), "ROLE_REQUIRED");       // leaders approve
        forbidden(act(specialist, code, "reject", Map.of("reason", "Không đủ điều kiện")), "ROLE_REQUIRED");
        forbidden(act(specialist, code, "stop", Map.of("reason", "Dừng")), "ROLE_REQUIRED");
        forbidden(act(specialist, code, "reschedule", Map.of("newDueAt", "2026-12-31T10:00:00+07:00",
            "reason", "Chậm")), "ROLE_REQUIRED");
        forbidden(act(desk, code, "request-supplement", Map.of("items", List.of("Bản sao CCCD"))), "ROLE_REQUIRED");
        forbidden(act(desk, code, "request-financial-obligation", Map.of("reason", "Nộp lệ phí")), "ROLE_REQUIRED");
        forbidden(act(leader, code, "request-financial-obligation", Map.of("reason", "Nộp lệ phí")), "ROLE_REQUIRED");
        forbidden(act(desk, code, "assign", Map.of("handler", desk.username())), "ROLE_REQUIRED");
        // Leaders assign (docs/domain.md §2.5, issue 16): not the specialist doing the step, not to itself nor to others.
        forbidden(act(specialist, code, "assign", Map.of("handler", specialist.username())), "ROLE_REQUIRED");
        forbidden(act(specialist, code, "assign", Map.of("handler", "chuyenvien2.vinhlinh")), "ROLE_REQUIRED");
        // The province's system administrator sees every unit but does not handle dossiers.
        TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).get("/dossiers/" + code).then().statusCode(200);
        forbidden(act(TestAccounts.SYSTEM_ADMIN, code, "complete-step", Map.of()), "ROLE_REQUIRED");
        forbidden(act(TestAccounts.SYSTEM_ADMIN, code, "approve", Map.of()), "ROLE_REQUIRED");
        assertEquals(atSpecialist, snapshot(code), "refused actions changed nothing");

        // The roles that may: the specialist asks for a supplement, the leader cannot resume, the desk can.
        act(specialist, code, "request-supplement", Map.of("items", List.of("Bản sao trích lục ly hôn"))).statusCode(200)
            .body("status", equalTo("SUPPLEMENT_REQUESTED_IN_PROCESS"));
        Map<String, Object> paused = snapshot(code);
        forbidden(act(leader, code, "resume", Map.of()), "ROLE_REQUIRED");
        assertEquals(paused, snapshot(code));
        act(desk, code, "resume", Map.of("note", "Đã bổ sung")).statusCode(200).body("status", equalTo("IN_PROCESS"));
        act(leader, code, "assign", Map.of("handler", specialist.username())).statusCode(200);
        act(specialist, code, "complete-step", Map.of()).statusCode(200).body("currentStep.role", equalTo("LEADER"));
        forbidden(act(specialist, code, "approve", Map.of()), "ROLE_REQUIRED");
        forbidden(act(desk, code, "reject", Map.of("reason", "x")), "ROLE_REQUIRED");
        act(leader, code, "approve", Map.of()).statusCode(200).body("currentStep.role", equalTo("CLERK"));
        forbidden(act(leader, code, "complete-step", Map.of()), "ROLE_REQUIRED");    // the clerk's step: desk or specialist
        act(desk, code, "complete-step", Map.of()).statusCode(200).body("status", equalTo("RESULT_READY"));
        forbidden(act(specialist, code, "return-result", Map.of("receivedBy", "X", "method", "DIRECT")), "ROLE_REQUIRED");
        // No step in progress any more: a processing officer is told why (409), not refused for its role.
        act(specialist, code, "complete-step", Map.of()).statusCode(409);
        act(desk, code, "return-result", Map.of("receivedBy", "Nguyễn Văn Vai Trò", "method", "DIRECT")).statusCode(200)
            .body("status", equalTo("RETURNED"))
            .body("history.actor", equalTo(List.of(desk.username(), desk.username(), specialist.username(),
                desk.username(), leader.username(), specialist.username(), leader.username(), desk.username(),
                desk.username())));
    }

    @Test
    @DisplayName("Accounts: an agency administrator creates accounts of its own unit only and never a system administrator")
    void accountAdministration() {
        Account admin = TestAccounts.ADMIN_VINH_LINH;
        String suffix = Long.toString(System.nanoTime(), 36);
        String tooMighty = "quantri" + suffix + ".vinhlinh";
        String elsewhere = "tiepnhan" + suffix + ".dongha";
        String created = "chuyenvien" + suffix + ".vinhlinh";

        forbidden(TestAccounts.as(url, admin).body(newAccount(tooMighty, VINH_LINH, "SYSTEM_ADMIN"))
            .when().post("/accounts").then(), "ROLE_NOT_GRANTABLE");
        forbidden(TestAccounts.as(url, admin).body(newAccount(elsewhere, "QT25.PHUONG_DONG_HA", "DESK_OFFICER"))
            .when().post("/accounts").then(), "OUT_OF_SCOPE");
        for (String refused : List.of(tooMighty, elsewhere)) {
            TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).get("/accounts/" + refused).then().statusCode(404);
            TestAccounts.basic(url, refused, TestAccounts.TEST_PASSWORD).get("/accounts/me").then().statusCode(401);
        }
        // Other people's accounts: out of the agency administrator's reach, answered as a name nobody has (issue 16:
        // no enumeration across units); not for officers at all.
        TestAccounts.as(url, admin).get("/accounts/" + TestAccounts.SPECIALIST_DONG_HA.username()).then()
            .statusCode(404).body("reason", equalTo("NOT_FOUND"));
        TestAccounts.as(url, admin).get("/accounts").then().statusCode(200)
            .body("username", hasItem(TestAccounts.DESK_VINH_LINH.username()))
            .body("username", not(hasItem(TestAccounts.SPECIALIST_DONG_HA.username())))
            .body("username", not(hasItem(TestAccounts.SYSTEM_ADMIN.username())));
        forbidden(TestAccounts.as(url, TestAccounts.SPECIALIST_VINH_LINH).get("/accounts").then(), "ROLE_REQUIRED");
        forbidden(TestAccounts.as(url, TestAccounts.SPECIALIST_VINH_LINH).body(newAccount(created, VINH_LINH, "LEADER"))
            .when().post("/accounts").then(), "ROLE_REQUIRED");

        // Within its unit: created (201, Location, no password in the answer), and the account signs in.
        TestAccounts.as(url, admin).body(newAccount(created, VINH_LINH, "SPECIALIST")).when().post("/accounts").then()
            .statusCode(201).header("Location", containsString("/motcua/api/v1/accounts/" + created))
            .body("username", equalTo(created)).body("agencyCode", equalTo(VINH_LINH))
            .body("roles", equalTo(List.of("SPECIALIST"))).body("active", equalTo(true))
            .body("$", not(hasKey("password"))).body("$", not(hasKey("passwordHash")));
        TestAccounts.basic(url, created, TestAccounts.TEST_PASSWORD).get("/accounts/me").then().statusCode(200)
            .body("username", equalTo(created));
        TestAccounts.basic(url, created, TestAccounts.TEST_PASSWORD).get("/dossiers").then().statusCode(200);
        TestAccounts.as(url, admin).body(newAccount(created, VINH_LINH, "SPECIALIST")).when().post("/accounts").then()
            .statusCode(409).body("reason", equalTo("USERNAME_TAKEN"));
        TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).body(newAccount(TestAccounts.DESK_VINH_LINH.username(), VINH_LINH,
            "DESK_OFFICER")).when().post("/accounts").then().statusCode(409).body("reason", equalTo("USERNAME_TAKEN"));
        Map<String, Object> weak = new HashMap<>(newAccount("yeu" + suffix + ".vinhlinh", VINH_LINH, "SPECIALIST"));
        weak.put("password", "12345678");
        TestAccounts.as(url, admin).body(weak).when().post("/accounts").then().statusCode(422)
            .body("reason", equalTo("WEAK_PASSWORD"));
        // The system administrator may create anywhere, a system administrator too.
        TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).body(newAccount(elsewhere, "QT25.PHUONG_DONG_HA", "DESK_OFFICER"))
            .when().post("/accounts").then().statusCode(201).body("agencyCode", equalTo("QT25.PHUONG_DONG_HA"));
    }

    @Test
    @DisplayName("Issue 12: Basic is remembered yet a password reset refuses the old password at once; 20 wrong passwords"
        + " lock the account (401 ACCOUNT_LOCKED even with the right one) until an administrator lifts it (audited);"
        + " units and roles still hold on repeated calls and a role change takes effect at once")
    void basicCacheAndSignInLock() {
        Account admin = TestAccounts.ADMIN_VINH_LINH;
        String user = "khoa" + Long.toString(System.nanoTime(), 36) + ".vinhlinh";
        String first = TestAccounts.TEST_PASSWORD;
        String second = "MatKhauMoi2026";
        TestAccounts.as(url, admin).body(newAccount(user, VINH_LINH, "SPECIALIST")).when().post("/accounts").then()
            .statusCode(201).body("signInLockedUntil", equalTo(null));

        // Repeated Basic calls succeed (the first verifies the PBKDF2 hash, the others are remembered).
        for (int i = 0; i < 5; i++) {
            TestAccounts.basic(url, user, first).get("/accounts/me").then().statusCode(200)
                .body("username", equalTo(user));
        }
        // Units and roles are enforced on every call, remembered or not: a Đông Hà specialist never reads a Vĩnh
        // Linh dossier, and this specialist may not receive one.
        String code = receiveAtVinhLinh(unique("Hồ Thị Bộ Nhớ Đệm"));
        for (int i = 0; i < 3; i++) {
            TestAccounts.as(url, TestAccounts.SPECIALIST_DONG_HA).get("/dossiers/" + code).then().statusCode(404)
                .body("reason", equalTo("NOT_FOUND"));
            TestAccounts.basic(url, user, first).get("/dossiers/" + code).then().statusCode(200);
            forbidden(TestAccounts.basic(url, user, first).body(certificate(unique("Không Nhận"))).when()
                .post("/dossiers").then(), "ROLE_REQUIRED");
        }
        // A role change is seen at once, although the credentials are remembered.
        TestAccounts.as(url, admin).body(Map.of("fullName", "Cán bộ kiểm thử " + user, "agencyCode", VINH_LINH,
                "roles", List.of("SPECIALIST", "DESK_OFFICER"), "reason", "Kiêm nhiệm một cửa (kiểm thử)"))
            .when().put("/accounts/" + user).then().statusCode(200);
        TestAccounts.basic(url, user, first).body(certificate(unique("Nhận Sau Khi Đổi Vai Trò"))).when()
            .post("/dossiers").then().statusCode(201);

        // Password reset by the administrator: the old password is refused on the very next request.
        TestAccounts.as(url, admin).body(Map.of("password", second, "reason", "Quên mật khẩu (kiểm thử)"))
            .when().put("/accounts/" + user + "/password").then().statusCode(204);
        TestAccounts.basic(url, user, first).get("/accounts/me").then().statusCode(401)
            .body("reason", equalTo("BAD_CREDENTIALS"));
        TestAccounts.basic(url, user, second).get("/accounts/me").then().statusCode(200);

        // 20 wrong passwords in a row lock the account (the success above started the count again).
        for (int i = 1; i <= 20; i++) {
            TestAccounts.basic(url, user, "Sai" + i + "MatKhau").get("/accounts/me").then().statusCode(401)
                .body("reason", equalTo("BAD_CREDENTIALS"));
        }
        Response locked = TestAccounts.basic(url, user, second).get("/accounts/me");
        assertEquals(401, locked.statusCode(), locked.asString());
        assertEquals("ACCOUNT_LOCKED", locked.path("reason"));
        assertEquals("application/problem+json", locked.contentType().replaceAll(";.*", ""));
        int retryAfter = Integer.parseInt(locked.header("Retry-After"));
        assertTrue(retryAfter > 14 * 60 && retryAfter <= 15 * 60 + 1, "Retry-After " + retryAfter);
        TestAccounts.as(url, admin).get("/accounts/" + user).then().statusCode(200)
            .body("signInLockedUntil", startsWith("20")).body("active", equalTo(true));
        TestAccounts.as(url, admin).get("/accounts/" + user + "/changes").then().statusCode(200)
            .body("[0].action", equalTo("ACCOUNT_SIGN_IN_LOCK")).body("[0].actor", equalTo("system"))
            .body("[0].reason", equalTo("20 lần đăng nhập sai liên tiếp"))
            .body("[0].details", containsString("địa chỉ "));

        // Only an administrator of its unit lifts the lock.
        forbidden(TestAccounts.as(url, TestAccounts.SPECIALIST_VINH_LINH).when()
            .delete("/accounts/" + user + "/sign-in-lock").then(), "ROLE_REQUIRED");
        TestAccounts.basic(url, user, second).get("/accounts/me").then().statusCode(401)
            .body("reason", equalTo("ACCOUNT_LOCKED"));
        TestAccounts.as(url, admin).queryParam("reason", "Người dùng xác nhận qua điện thoại (kiểm thử)").when()
            .delete("/accounts/" + user + "/sign-in-lock").then().statusCode(200)
            .body("username", equalTo(user)).body("signInLockedUntil", equalTo(null));
        TestAccounts.basic(url, user, second).get("/accounts/me").then().statusCode(200)
            .body("username", equalTo(user));
        TestAccounts.as(url, admin).get("/accounts/" + user + "/changes").then().statusCode(200)
            .body("[0].action", equalTo("ACCOUNT_SIGN_IN_UNLOCK")).body("[0].actor", equalTo(admin.username()))
            .body("[0].reason", equalTo("Người dùng xác nhận qua điện thoại (kiểm thử)"))
            .body("[1].action", equalTo("ACCOUNT_SIGN_IN_LOCK"));
        TestAccounts.as(url, admin).when().delete("/accounts/" + user + "/sign-in-lock").then().statusCode(422)
            .body("reason", equalTo("NOT_LOCKED"));

        // Disabling the account ends its remembered credentials at once too.
        TestAccounts.as(url, admin).body(Map.of("active", false, "reason", "Nghỉ việc (kiểm thử)"))
            .when().put("/accounts/" + user + "/active").then().statusCode(200);
        TestAccounts.basic(url, user, second).get("/accounts/me").then().statusCode(401);
    }

    private static Map<String, Object> newAccount(String username, String agencyCode, String role) {
        return Map.of("username", username, "fullName", "Cán bộ kiểm thử " + username,
            "password", TestAccounts.TEST_PASSWORD, "agencyCode", agencyCode, "roles", List.of(role),
            "email", username + "@quangtri.gov.vn");
    }

    @Test
    @DisplayName("C20: a browser session from the sign-in form reads the API but cannot POST to it; nothing changes")
    void browserSessionCannotChangeDossiers() {
        Account desk = TestAccounts.DESK_VINH_LINH;
        String name = unique("Hoàng Thị Giả Mạo");
        String code = receiveAtVinhLinh(name);
        Map<String, Object> before = snapshot(code);

        // A failed sign-in gives no access.
        Map<String, String> failed = signIn(desk.username(), "Motcua@2025", false);
        given().spec(TestServer.api(url)).cookies(failed).get("/dossiers/" + code).then().statusCode(401);

        Map<String, String> cookies = signIn(desk.username(), desk.password(), true);
        // The session is signed in: the back office opens (the new dossier waits in the desk's inbox), and the
        // API answers reads.
        given().spec(TestServer.server(url)).cookies(cookies).redirects().follow(false)
            .get(TestServer.CONTEXT_ROOT + "/app/inbox.xhtml").then().statusCode(200)
            .body(containsString(code));
        given().spec(TestServer.server(url)).cookies(cookies).redirects().follow(false)
            .queryParam("code", code).get(TestServer.CONTEXT_ROOT + "/app/dossier.xhtml").then().statusCode(200)
            .body(containsString(name));
        given().spec(TestServer.api(url)).cookies(cookies).get("/dossiers").then().statusCode(200);
        given().spec(TestServer.api(url)).cookies(cookies).get("/dossiers/" + code).then().statusCode(200)
            .body("code", equalTo(code));
        given().spec(TestServer.api(url)).cookies(cookies).get("/accounts/me").then().statusCode(200)
            .body("username", equalTo(desk.username()));

        // A forged cross-site POST carries only the cookie: refused, although the desk officer may do all of this.
        given().spec(TestServer.api(url)).cookies(cookies).contentType(ContentType.JSON).body(Map.of("note", "CSRF"))
            .when().post("/dossiers/" + code + "/complete-step").then().statusCode(401)
            .contentType("application/problem+json").body("reason", equalTo("AUTHENTICATION_REQUIRED"));
        given().spec(TestServer.api(url)).cookies(cookies).contentType(ContentType.JSON)
            .body(Map.of("receivedBy", "Kẻ gian", "method", "DIRECT"))
            .when().post("/dossiers/" + code + "/return-result").then().statusCode(401);
        given().spec(TestServer.api(url)).cookies(cookies).contentType(ContentType.URLENC)
            .formParam("note", "CSRF").when().post("/dossiers/" + code + "/complete-step").then().statusCode(401);
        String forged = unique("Kẻ Gian Tạo Hồ Sơ");
        given().spec(TestServer.api(url)).cookies(cookies).contentType(ContentType.JSON).body(certificate(forged))
            .when().post("/dossiers").then().statusCode(401);
        given().spec(TestServer.api(url)).cookies(cookies).contentType(ContentType.JSON)
            .body(Map.of("username", "gian" + Long.toString(System.nanoTime(), 36), "fullName", "Kẻ gian",
                "password", TestAccounts.TEST_PASSWORD, "agencyCode", VINH_LINH, "roles", List.of("LEADER")))
            .when().post("/accounts").then().statusCode(401);

        assertEquals(before, snapshot(code), "the forged requests changed nothing");
        assertEquals(0, countByApplicant(TestAccounts.SYSTEM_ADMIN, forged));
        // The same officer with credentials (as a REST client sends them) may act.
        act(desk, code, "complete-step", Map.of()).statusCode(200).body("history[-1].actor", equalTo(desk.username()));
    }

    /**
     * Signs in through the form like a browser: GET the sign-in page (stateless view: its view state, if any,
     * is taken from the page), POST the form with the page's cookies.
     *
     * @param expectSuccess whether a redirect into the back office is expected (otherwise the page again)
     * @return the cookies the browser holds afterwards
     */
    private Map<String, String> signIn(String username, String password, boolean expectSuccess) {
        Response page = given().spec(TestServer.server(url)).redirects().follow(false)
            .get(TestServer.CONTEXT_ROOT + "/login.xhtml");
        assertEquals(200, page.statusCode(), page.asString());
        Map<String, String> cookies = new HashMap<>(page.getCookies());
        String html = page.asString();
        Matcher action = Pattern.compile("<form[^>]*id=\"signin\"[^>]*action=\"([^\"]+)\"").matcher(html);
        String target = action.find() ? action.group(1).replace("&amp;", "&") : TestServer.CONTEXT_ROOT + "/login.xhtml";
        var form = given().spec(TestServer.server(url)).redirects().follow(false).cookies(cookies)
            .contentType(ContentType.URLENC.withCharset("UTF-8"))
            .formParam("signin", "signin")
            .formParam("signin:username", username)
            .formParam("signin:password", password)
            .formParam("signin:submit", "");
        Matcher viewState = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]*)\"").matcher(html);
        if (viewState.find()) {
            form.formParam("jakarta.faces.ViewState", viewState.group(1));
        }
        Response answer = form.when().post(target);
        cookies.putAll(answer.getCookies());
        if (expectSuccess) {
            assertTrue(answer.statusCode() == 302 || answer.statusCode() == 303,
                "sign-in redirects into the back office: HTTP " + answer.statusCode() + " " + answer.asString());
            assertTrue(answer.header("Location").contains("/app/"), answer.header("Location"));
            String session = answer.getCookie("JSESSIONID");
            assertNotNull(session, "a session cookie is set at sign-in");
            assertNotEquals(page.getCookie("JSESSIONID"), session, "a new session id at sign-in");
        } else {
            assertEquals(200, answer.statusCode(), "a failed sign-in shows the form again");
            assertFalse(answer.asString().isBlank());
        }
        return cookies;
    }
}
