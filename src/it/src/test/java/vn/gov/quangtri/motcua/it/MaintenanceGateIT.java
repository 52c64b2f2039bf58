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
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: while the application is not deployed (restart, redeployment, start-up) the maintenance gate
 * ({@code src/gate}, deployed at context root "/" by motcua-server.sh) answers {@code /motcua/...} with 503 and
 * {@code Retry-After} instead of Payara's 404 page. This class deploys a small probe WAR instead of the EAR, so that
 * while it runs {@code /motcua} is not deployed at all, exactly as between the undeployment and the deployment of
 * a new version. (An earlier version disabled and re-enabled the EAR with asadmin; on Payara 6 the re-enabled
 * application's sign-in then failed now and then — noted in docs/configuration.md — and the next test classes
 * with it.)
 */
@MotcuaIT
class MaintenanceGateIT {

    @Deployment(testable = false)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "gate-probe.war")
            .addAsWebResource(new StringAsset("<!DOCTYPE html><p>probe</p>"), "index.html");
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
    @DisplayName("Application not deployed: the API answers 503 + Retry-After + a problem, the screens a Vietnamese 503 page;"
        + " paths outside /motcua are not claimed")
    void gateAnswersWhileTheApplicationIsAway() throws Exception {
        awaitStatus(503); // the EAR of the previous test class is undeployed
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
        // Outside /motcua the gate claims nothing; the probe itself is served.
        given().spec(TestServer.server(url)).get("/motcua-khac/x").then().statusCode(404)
            .header("Retry-After", org.hamcrest.Matchers.nullValue());
        given().spec(TestServer.server(url)).get("/gate-probe/index.html").then().statusCode(200)
            .body(containsString("probe"));
    }
}
