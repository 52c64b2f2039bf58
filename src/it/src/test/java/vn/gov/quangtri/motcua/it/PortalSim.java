package vn.gov.quangtri.motcua.it;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The national portal simulator of the round's domain (port base + 90), as the portal ITs reach it. */
final class PortalSim {

    /** The portal's time format ({@code yyyyMMddHHmmss}, Vietnam time). */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
        .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private PortalSim() {
    }

    /** A request to the simulator, signed in with the development account. */
    static RequestSpecification portal() {
        return RestAssured.given().baseUri("http://localhost:" + (TestServer.httpPort() - 80 + 90))
            .auth().preemptive().basic("motcua", "motcua-portal-dev").contentType(ContentType.JSON);
    }
}
