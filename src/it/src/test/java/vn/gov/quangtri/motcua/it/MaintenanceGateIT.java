package vn.gov.quangtri.motcua.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: while the application is not deployed (restart, redeployment, start-up) the maintenance gate
 * ({@code src/gate}, deployed at context root "/" by motcua-server.sh) answers {@code /motcua/...} with 503 and
 * {@code Retry-After} instead of Payara's 404 page. The application is disabled with {@code asadmin disable} (as
 * during a redeployment, its context root is not served), checked, and enabled again.
 */
@MotcuaIT
class MaintenanceGateIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return EarDeployment.ear();
    }

    @ArquillianResource
    URL url;

    private Response agencies() {
        return given().spec(TestServer.api(url)).get("/agencies");
    }

    private void awaitStatus(int status) throws InterruptedException {
        long deadline = System.nanoTime() + 90_000_000_000L;
        int last;
        while ((last = agencies().statusCode()) != status) {
            assertTrue(System.nanoTime() < deadline, "still " + last + ", expected " + status);
            Thread.sleep(250);
        }
    }

    @Test
    @DisplayName("Application disabled: the API answers 503 + Retry-After + a problem, the screens a Vietnamese 503 page;"
        + " enabled again: 200")
    void gateAnswersWhileTheApplicationIsAway() throws Exception {
        agencies().then().statusCode(200);
        try {
            PeerSystem.asadmin(TestServer.adminPort(), "disable", EarDeployment.NAME);
            awaitStatus(503);
            for (String path : new String[] {"/agencies", "/dossiers/000.00.21.H50-260302-0001"}) {
                given().spec(TestServer.api(url)).get(path).then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "30")
                    .header("Cache-Control", "no-store").body("status", equalTo(503))
                    .body("reason", equalTo("SERVICE_UNAVAILABLE")).body("instance", equalTo("/motcua/api/v1" + path));
                given().spec(TestServer.api(url)).head(path).then().statusCode(503).header("Retry-After", "30");
            }
            given().spec(TestServer.api(url)).contentType("application/json").body("{}")
                .post("/dossiers/000.00.21.H50-260302-0001/complete-step").then().statusCode(503)
                .header("Retry-After", "30");
            Response screen = given().spec(TestServer.server(url)).redirects().follow(false).get("/motcua/app/inbox.xhtml");
            assertEquals(503, screen.statusCode());
            assertEquals("30", screen.header("Retry-After"));
            assertTrue(screen.contentType().startsWith("text/html"), screen.contentType());
            assertTrue(screen.asString().contains("đang khởi động lại"), screen.asString());
            // Outside /motcua the gate claims nothing.
            given().spec(TestServer.server(url)).get("/motcua-khac/x").then().statusCode(404)
                .header("Retry-After", org.hamcrest.Matchers.nullValue());
        } finally {
            PeerSystem.asadmin(TestServer.adminPort(), "enable", EarDeployment.NAME);
        }
        awaitStatus(200);
        agencies().then().statusCode(200).contentType(containsString("json"));
    }
}
