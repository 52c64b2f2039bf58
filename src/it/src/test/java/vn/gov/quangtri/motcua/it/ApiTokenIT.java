package vn.gov.quangtri.motcua.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.it.TestAccounts.Account;

/**
 * Bearer tokens of the API on the deployed EAR (issue 12 §1): the token endpoint, refresh, sign-out, revocation when
 * the account changes, the sign-in throttle on the token endpoint, and the unit and role rules of
 * {@link SecurityApiIT} run again with tokens instead of HTTP Basic.
 */
@MotcuaIT
class ApiTokenIT {

    private static final String VINH_LINH = "QT25.XA_VINH_LINH";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return EarDeployment.ear();
    }

    @ArquillianResource
    URL url;

    private RequestSpecification api() {
        return given().spec(TestServer.api(url));
    }

    private Response token(String... form) {
        RequestSpecification r = api().contentType(ContentType.URLENC);
        for (int i = 0; i < form.length; i += 2) {
            r = r.formParam(form[i], form[i + 1]);
        }
        return r.when().post("/auth/token");
    }

    private Response signIn(String username, String password) {
        return token("grant_type", "password", "username", username, "password", password);
    }

    private RequestSpecification bearer(String accessToken) {
        return api().header("Authorization", "Bearer " + accessToken).contentType(ContentType.JSON);
    }

    private void refusedToken(String accessToken) {
        bearer(accessToken).get("/accounts/me").then().statusCode(401).contentType("application/problem+json")
            .header("WWW-Authenticate", containsString("Bearer")).body("reason", equalTo("INVALID_TOKEN"));
    }

    private String newSpecialist() {
        String user = "token" + Long.toString(System.nanoTime(), 36) + ".vinhlinh";
        TestAccounts.as(url, TestAccounts.ADMIN_VINH_LINH).body(Map.of("username", user,
                "fullName", "Cán bộ kiểm thử " + user, "password", TestAccounts.TEST_PASSWORD,
                "agencyCode", VINH_LINH, "roles", List.of("SPECIALIST"), "email", user + "@quangtri.gov.vn"))
            .when().post("/accounts").then().statusCode(201);
        return user;
    }

    @Test
    @DisplayName("Eight refreshes of one refresh token at the same moment: one is granted, the others are taken for a"
        + " copied token and end the session, so the granted pair stops working too")
    void concurrentRefreshesOfOneToken() throws Exception {
        String user = newSpecialist();
        Response pair = signIn(user, TestAccounts.TEST_PASSWORD);
        assertEquals(200, pair.statusCode(), pair.asString());
        String refresh = pair.path("refresh_token");
        int clients = 8;
        CyclicBarrier start = new CyclicBarrier(clients);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return token("grant_type", "refresh_token", "refresh_token", refresh);
                }));
            }
            List<Response> granted = new ArrayList<>();
            for (Future<Response> f : answers) {
                Response r = f.get(60, TimeUnit.SECONDS);
                if (r.statusCode() == 200) {
                    granted.add(r);
                } else {
                    assertEquals(400, r.statusCode(), r.asString());
                    assertEquals("INVALID_GRANT", r.path("reason"), r.asString());
                }
            }
            assertEquals(1, granted.size(), "exactly one refresh granted");
            refusedToken(granted.get(0).path("access_token"));
            token("grant_type", "refresh_token", "refresh_token", granted.get(0).path("refresh_token")).then()
                .statusCode(400).body("reason", equalTo("INVALID_GRANT"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("Sign in once, call with the bearer token, refresh (the old refresh token then ends the session), sign out")
    void signInRefreshSignOut() {
        Account desk = TestAccounts.DESK_VINH_LINH;
        Response first = signIn(desk.username(), desk.password());
        assertEquals(200, first.statusCode(), first.asString());
        first.then().header("Cache-Control", containsString("no-store")).body("token_type", equalTo("Bearer"))
            .body("expires_in", equalTo(300)).body("refresh_expires_in", equalTo(28_800));
        String access = first.path("access_token");
        // A JWT whose payload names the account, its roles and unit (RS256, key id of /auth/jwks).
        String[] parts = access.split("\\.");
        assertEquals(3, parts.length);
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(payload.contains("\"sub\":\"" + desk.username() + "\""), payload);
        assertTrue(payload.contains("\"groups\":[\"DESK_OFFICER\"]"), payload);
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        assertTrue(header.contains("\"alg\":\"RS256\""), header);
        String kid = api().get("/auth/jwks").then().statusCode(200).body("keys[0].kty", equalTo("RSA"))
            .body("keys[0]", not(hasKey("d"))).extract().path("keys[0].kid");
        assertTrue(header.contains("\"kid\":\"" + kid + "\""), header);

        bearer(access).get("/accounts/me").then().statusCode(200).body("username", equalTo(desk.username()));
        bearer(access).get("/dossiers").then().statusCode(200);

        Response second = token("grant_type", "refresh_token", "refresh_token", first.path("refresh_token"));
        assertEquals(200, second.statusCode(), second.asString());
        assertNotEquals(first.<String>path("refresh_token"), second.path("refresh_token"));
        bearer(second.path("access_token")).get("/accounts/me").then().statusCode(200);
        // The replaced refresh token again: refused, and the whole session ends (it may have been copied).
        token("grant_type", "refresh_token", "refresh_token", first.path("refresh_token")).then().statusCode(400)
            .body("reason", equalTo("INVALID_GRANT"));
        refusedToken(second.path("access_token"));
        token("grant_type", "refresh_token", "refresh_token", second.path("refresh_token")).then().statusCode(400)
            .body("reason", equalTo("INVALID_GRANT"));

        // Sign-out with the access token in the header: its session's tokens stop working at once.
        Response third = signIn(desk.username(), desk.password());
        String thirdAccess = third.path("access_token");
        bearer(thirdAccess).get("/accounts/me").then().statusCode(200);
        api().header("Authorization", "Bearer " + thirdAccess).contentType(ContentType.URLENC).when()
            .post("/auth/revoke").then().statusCode(200).body("revoked", equalTo(true));
        refusedToken(thirdAccess);
        token("grant_type", "refresh_token", "refresh_token", third.path("refresh_token")).then().statusCode(400);
        // Basic keeps working beside tokens (the v1 contract).
        TestAccounts.as(url, desk).get("/accounts/me").then().statusCode(200);
    }

    @Test
    @DisplayName("Bad token requests: 400 problems; forged or altered tokens: 401 INVALID_TOKEN; nothing signed in")
    void badRequestsAndForgedTokens() {
        token().then().statusCode(400).body("reason", equalTo("INVALID_REQUEST"));
        token("grant_type", "client_credentials").then().statusCode(400).body("reason", equalTo("UNSUPPORTED_GRANT_TYPE"));
        token("grant_type", "password", "username", "tiepnhan.vinhlinh").then().statusCode(400)
            .body("reason", equalTo("INVALID_REQUEST"));
        token("grant_type", "refresh_token", "refresh_token", "khong-co-that").then().statusCode(400)
            .body("reason", equalTo("INVALID_GRANT"));
        // Neither a form nor JSON: 415, and a sign-out without any body is simply 200 (nothing to end).
        api().contentType(ContentType.TEXT).body("grant_type=password").when().post("/auth/token").then()
            .statusCode(415).body("reason", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        api().when().post("/auth/revoke").then().statusCode(200).body("revoked", equalTo(false));
        api().when().post("/auth/token").then().statusCode(400).body("reason", equalTo("INVALID_REQUEST"));
        api().contentType(ContentType.JSON).body(Map.of("grant_type", "password", "username", "tiepnhan.vinhlinh",
            "password", TestAccounts.DESK_VINH_LINH.password())).when().post("/auth/token").then().statusCode(200)
            .body("token_type", equalTo("Bearer"));

        String access = signIn(TestAccounts.DESK_VINH_LINH.username(), TestAccounts.DESK_VINH_LINH.password())
            .path("access_token");
        String[] parts = access.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"DESK_OFFICER\"", "\"SYSTEM_ADMIN\"");
        String altered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
            .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        refusedToken(altered);
        refusedToken(parts[0] + "." + parts[1] + ".");
        refusedToken("eyJhbGciOiJub25lIn0." + parts[1] + ".");
        refusedToken("not-a-jwt");
        // A token does not open the administrators' endpoints to a desk officer.
        bearer(access).get("/accounts").then().statusCode(403);
    }

    @Test
    @DisplayName("A password reset, a role change or a lock ends the account's tokens at once")
    void accountChangesEndTokens() {
        Account admin = TestAccounts.ADMIN_VINH_LINH;
        String user = newSpecialist();
        Response pair = signIn(user, TestAccounts.TEST_PASSWORD);
        bearer(pair.path("access_token")).get("/accounts/me").then().statusCode(200);
        TestAccounts.as(url, admin).body(Map.of("password", "MatKhauMoi2026", "reason", "Quên mật khẩu (kiểm thử)"))
            .when().put("/accounts/" + user + "/password").then().statusCode(204);
        refusedToken(pair.path("access_token"));
        token("grant_type", "refresh_token", "refresh_token", pair.path("refresh_token")).then().statusCode(400)
            .body("reason", equalTo("ACCOUNT_CHANGED"));
        signIn(user, TestAccounts.TEST_PASSWORD).then().statusCode(401).body("reason", equalTo("BAD_CREDENTIALS"));

        Response again = signIn(user, "MatKhauMoi2026");
        bearer(again.path("access_token")).get("/accounts/me").then().statusCode(200);
        TestAccounts.as(url, admin).body(Map.of("fullName", "Cán bộ kiểm thử " + user, "agencyCode", VINH_LINH,
                "roles", List.of("SPECIALIST", "DESK_OFFICER"), "reason", "Kiêm nhiệm một cửa (kiểm thử)"))
            .when().put("/accounts/" + user).then().statusCode(200);
        refusedToken(again.path("access_token"));

        Response third = signIn(user, "MatKhauMoi2026");
        bearer(third.path("access_token")).get("/accounts/me").then().statusCode(200)
            .body("roles", equalTo(List.of("DESK_OFFICER", "SPECIALIST")));
        TestAccounts.as(url, admin).body(Map.of("active", false, "reason", "Nghỉ việc (kiểm thử)"))
            .when().put("/accounts/" + user + "/active").then().statusCode(200);
        refusedToken(third.path("access_token"));
        signIn(user, "MatKhauMoi2026").then().statusCode(401);
        // Issue 16: disabling ended the token sessions themselves, and Basic with the remembered password is refused
        // at once; enabling the account again does not bring the old tokens back.
        TestAccounts.basic(url, user, "MatKhauMoi2026").get("/accounts/me").then().statusCode(401);
        TestAccounts.as(url, admin).body(Map.of("active", true, "reason", "Đi làm lại (kiểm thử)"))
            .when().put("/accounts/" + user + "/active").then().statusCode(200);
        refusedToken(third.path("access_token"));
        token("grant_type", "refresh_token", "refresh_token", third.path("refresh_token")).then().statusCode(400)
            .body("reason", equalTo("INVALID_GRANT"));
        TestAccounts.as(url, admin).get("/accounts/" + user + "/changes").then().statusCode(200)
            .body("[1].action", equalTo("ACCOUNT_LOCK")).body("[1].details", containsString("phiên token API"));
        TestAccounts.basic(url, user, "MatKhauMoi2026").get("/accounts/me").then().statusCode(200);
    }

    @Test
    @DisplayName("20 wrong passwords at the token endpoint lock the account (401 ACCOUNT_LOCKED, Retry-After) until an administrator lifts it")
    void tokenEndpointIsThrottled() {
        String user = newSpecialist();
        for (int i = 1; i <= 20; i++) {
            signIn(user, "Sai" + i + "MatKhau").then().statusCode(401).body("reason", equalTo("BAD_CREDENTIALS"));
        }
        Response locked = signIn(user, TestAccounts.TEST_PASSWORD);
        assertEquals(401, locked.statusCode(), locked.asString());
        assertEquals("ACCOUNT_LOCKED", locked.path("reason"));
        int retryAfter = Integer.parseInt(locked.header("Retry-After"));
        assertTrue(retryAfter > 14 * 60 && retryAfter <= 15 * 60 + 1, "Retry-After " + retryAfter);
        // HTTP Basic is locked as well: one throttle for every way of signing in.
        TestAccounts.basic(url, user, TestAccounts.TEST_PASSWORD).get("/accounts/me").then().statusCode(401)
            .body("reason", equalTo("ACCOUNT_LOCKED"));
        TestAccounts.as(url, TestAccounts.ADMIN_VINH_LINH).queryParam("reason", "Xác nhận qua điện thoại (kiểm thử)")
            .when().delete("/accounts/" + user + "/sign-in-lock").then().statusCode(200);
        signIn(user, TestAccounts.TEST_PASSWORD).then().statusCode(200).body("token_type", equalTo("Bearer"));
    }

    @Test
    @DisplayName("With tokens, units and roles hold exactly as with Basic: SecurityApiIT's scope and role cases again")
    void unitsAndRolesWithTokens() {
        SecurityApiIT basicCases = new SecurityApiIT();
        basicCases.url = url;
        TestAccounts.viaBearer(() -> {
            basicCases.otherUnitIsOutOfScope();
            basicCases.rolesGateActions();
            basicCases.accountAdministration();
        });
    }
}
