package vn.gov.quangtri.motcua.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, "stale EJB after redeploy": after {@code asadmin disable} + {@code enable} of the EAR, every sign-in
 * failed with a NullPointerException (the {@code SignInGuard} of {@code PasswordCheck} was null; see that class's
 * comment for the cause). The application is disabled and enabled twice; after each enable, the first requests
 * sign in over HTTP Basic (right and wrong password: the throttle is used), at the token endpoint and on the sign-in
 * form, and none may fail. The failure depended on timing, so a pass is evidence, not proof; the unit test
 * {@code SignInPathInjectionTest} pins the fix itself.
 */
@MotcuaIT
class SignInAfterReenableIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return EarDeployment.ear();
    }

    @ArquillianResource
    URL url;

    private int status(String path) {
        return given().spec(TestServer.api(url)).get(path).statusCode();
    }

    /** Waits until {@code GET /agencies} answers 200 ({@code up}) or anything else (the maintenance gate's 503). */
    private void awaitAgencies(boolean up) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        int last;
        while (((last = status("/agencies")) == 200) != up) {
            assertTrue(System.nanoTime() < deadline, "still " + last);
            Thread.sleep(200);
        }
    }

    private Path serverLog() {
        String domain = TestServer.roundInfo().getProperty("domain");
        return Path.of(System.getProperty("motcua.it.payaraHome", "target/payara6"))
            .resolve("glassfish/domains/" + domain + "/logs/server.log");
    }

    private String logSince(long from) throws IOException {
        byte[] all = Files.readAllBytes(serverLog());
        return new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from),
            StandardCharsets.UTF_8);
    }

    private void signInsWork(String round) {
        TestAccounts.as(url, TestAccounts.DESK_VINH_LINH).get("/accounts/me").then().statusCode(200);
        Response wrong = TestAccounts.basic(url, TestAccounts.SPECIALIST_VINH_LINH.username(), "SaiMatKhau2026")
            .get("/accounts/me");
        assertEquals(401, wrong.statusCode(), round + ": " + wrong.asString());
        assertEquals("BAD_CREDENTIALS", wrong.path("reason"), round);
        Response token = given().spec(TestServer.api(url)).contentType(ContentType.URLENC)
            .formParam("grant_type", "password").formParam("username", TestAccounts.LEADER_VINH_LINH.username())
            .formParam("password", TestAccounts.LEADER_VINH_LINH.password()).when().post("/auth/token");
        assertEquals(200, token.statusCode(), round + ": " + token.asString());
        TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).get("/accounts/" + TestAccounts.DESK_VINH_LINH.username())
            .then().statusCode(200);
    }

    @Test
    @DisplayName("Disable + enable twice: Basic (right and wrong password), token sign-in work at once; no NullPointerException")
    void signInAfterDisableAndEnable() throws Exception {
        for (TestAccounts.Account a : new TestAccounts.Account[] {TestAccounts.DESK_VINH_LINH,
                TestAccounts.SPECIALIST_VINH_LINH, TestAccounts.LEADER_VINH_LINH, TestAccounts.SYSTEM_ADMIN}) {
            TestAccounts.ensure(url, a);
        }
        signInsWork("before");
        long logStart = Files.size(serverLog());
        for (int round = 1; round <= 2; round++) {
            PeerSystem.asadmin(TestServer.adminPort(), "disable", EarDeployment.NAME);
            awaitAgencies(false);
            PeerSystem.asadmin(TestServer.adminPort(), "enable", EarDeployment.NAME);
            awaitAgencies(true);
            signInsWork("after enable " + round);
        }
        String log = logSince(logStart);
        assertFalse(log.contains("NullPointerException"), "NullPointerException in the server log after re-enabling");
        assertFalse(log.contains("No valid EE environment for injection of vn.gov"),
            "a bean of the application was created without its component environment");
    }
}
