package vn.gov.quangtri.motcua.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GateAnswerTest {

    @Test
    @DisplayName("The API gets 503, Retry-After and a problem in the API's shape naming the path")
    void api() {
        GateAnswer a = GateAnswer.of("/motcua/api/v1/dossiers/000.00.21.H50-260302-0001", 30);
        assertEquals(503, a.status());
        assertEquals("application/problem+json", a.contentType());
        assertEquals("30", a.headers().get("Retry-After"));
        assertEquals("no-store", a.headers().get("Cache-Control"));
        assertEquals("{\"type\":\"urn:motcua:problem:service-unavailable\",\"title\":\"Service Unavailable\","
            + "\"status\":503,\"detail\":\"The application is restarting or being updated; try again in 30 seconds\","
            + "\"instance\":\"/motcua/api/v1/dossiers/000.00.21.H50-260302-0001\",\"reason\":\"SERVICE_UNAVAILABLE\","
            + "\"errors\":[]}", a.body());
        assertEquals(503, GateAnswer.of("/motcua/api", 30).status());
        assertEquals("application/problem+json", GateAnswer.of("/MOTCUA/API/v1", 30).contentType());
    }

    @Test
    @DisplayName("Screens and anything else under /motcua get 503 with a short Vietnamese page that reloads itself")
    void screens() {
        for (String path : new String[] {"/motcua", "/motcua/", "/motcua/app/inbox.xhtml", "/motcua/public/lookup.xhtml",
            "/motcua/apiary"}) {
            GateAnswer a = GateAnswer.of(path, 45);
            assertEquals(503, a.status(), path);
            assertEquals("text/html;charset=UTF-8", a.contentType(), path);
            assertEquals("45", a.headers().get("Retry-After"), path);
            assertTrue(a.body().contains("lang=\"vi\"") && a.body().contains("đang khởi động lại")
                && a.body().contains("content=\"45\""), a.body());
            assertFalse(a.body().contains(path.substring(1)) && path.length() > 8, "the path is not echoed");
        }
    }

    @Test
    @DisplayName("Other paths are not the gate's: / leads to the application, the rest is 404")
    void others() {
        GateAnswer root = GateAnswer.of("/", 30);
        assertEquals(302, root.status());
        assertEquals("/motcua/", root.headers().get("Location"));
        assertEquals(404, GateAnswer.of("/motcuax/api", 30).status());
        assertEquals(404, GateAnswer.of("/favicon.ico", 30).status());
        assertFalse(GateAnswer.of("/other", 30).headers().containsKey("Retry-After"));
    }

    @Test
    @DisplayName("JSON escaping of the echoed path; Retry-After setting bounded")
    void escapingAndSetting() {
        assertEquals("\"/motcua/api/\\\"x\\\\\\u003cy\\u003e\\u0001\"", GateAnswer.json("/motcua/api/\"x\\<y>\u0001"));
        assertEquals(30, MaintenanceServlet.retryAfter(null));
        assertEquals(90, MaintenanceServlet.retryAfter(" 90 "));
        assertEquals(30, MaintenanceServlet.retryAfter("0"));
        assertEquals(30, MaintenanceServlet.retryAfter("abc"));
    }
}
