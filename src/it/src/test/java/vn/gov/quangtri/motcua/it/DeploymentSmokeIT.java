package vn.gov.quangtri.motcua.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/** The EAR deploys, the server publishes the application's OpenAPI document, jdbc/motcua is the round's database. */
@MotcuaIT
class DeploymentSmokeIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return EarDeployment.ear();
    }

    @ArquillianResource
    URL url;

    @Test
    void openApiDocumentIsServed() {
        System.out.println("DeploymentSmokeIT: Arquillian URL " + url + ", server " + TestServer.serverRoot(url)
            + ", database: " + TestServer.describeDatabase());
        given().spec(TestServer.server(url))
            .when().get("/openapi")
            .then().statusCode(200).body(containsString("motcua"));
    }

    @Test
    void jdbcMotcuaIsBoundToTheRoundsDatabase() {
        String pool = given().baseUri(TestServer.adminRoot().toString()).accept("application/json")
            .when().get("/management/domain/resources/jdbc-resource/jdbc%2Fmotcua")
            .then().statusCode(200)
            .extract().path("extraProperties.entity.poolName");
        String expected = "postgresql".equals(TestServer.database()) ? "MotcuaPgPool" : "H2Pool";
        System.out.println("DeploymentSmokeIT ran on " + TestServer.describeDatabase() + "; jdbc/motcua -> pool " + pool);
        assertEquals(expected, pool, "connection pool behind jdbc/motcua");
    }
}
