package vn.gov.quangtri.motcua.it;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The administrators' notification API over HTTP Basic (issue 13 §3): the outbox of a dossier received over the API
 * for an applicant who chose English, its e-mail failing (nothing listens on this test's SMTP port) with the reason
 * and a planned retry, its SMS sent by the log-only sender; re-send; roles, units and bad input answered as problems.
 */
@MotcuaIT
class NotificationApiIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return EarDeployment.ear();
    }

    @ArquillianResource
    URL url;

    private RequestSpecification as(TestAccounts.Account account) {
        return TestAccounts.as(url, account);
    }

    @Test
    @DisplayName("Outbox over REST: English e-mail FAILED with the reason, SMS SENT; re-send; 403, 404, 400 problems")
    void outbox() throws Exception {
        String suffix = String.valueOf(ThreadLocalRandom.current().nextInt(100000, 999999));
        String email = "an." + suffix + "@example.com";
        Map<String, Object> applicant = new java.util.HashMap<>(Map.of("kind", "INDIVIDUAL", "name", "Nguyen Van An",
            "phone", "0912" + suffix, "email", email, "language", "EN"));
        Map<String, Object> body = Map.of("procedureCode", "1.004873", "receivingAgencyCode", "QT25.XA_VINH_LINH",
            "applicant", applicant, "documents", List.of(Map.of("requiredPosition", 1, "form", "ORIGINAL")));
        String code = as(TestAccounts.DESK_VINH_LINH).body(body).when().post("/dossiers").then().statusCode(201)
            .extract().path("code");

        // The e-mail fails (no SMTP server in this test), the SMS goes to the log.
        JsonPath rows = Await.until("e-mail failed and SMS sent", 30_000, 250, () -> {
            JsonPath j = as(TestAccounts.SYSTEM_ADMIN).queryParam("dossier", code).when().get("/notifications").then()
                .statusCode(200).extract().jsonPath();
            List<String> statuses = j.getList("status");
            return statuses.size() == 2 && statuses.contains("FAILED") && statuses.contains("SENT") ? j : null;
        });
        Map<String, Object> mail = rows.getList("findAll { it.channel == 'EMAIL' }", Map.class).get(0);
        assertEquals("RECEIVED", mail.get("milestone"));
        assertEquals("en", mail.get("language"));
        assertEquals(email, mail.get("recipient"));
        assertEquals("Dossier " + code + " has been received", mail.get("subject"));
        assertEquals(1, mail.get("attempts"));
        assertNotNull(mail.get("lastError"));
        assertNotNull(mail.get("nextAttemptAt"));
        Map<String, Object> sms = rows.getList("findAll { it.channel == 'SMS' }", Map.class).get(0);
        assertEquals("0912" + suffix, sms.get("recipient"));
        assertEquals(null, sms.get("subject"));
        int id = (Integer) mail.get("id");

        // The agency administrator of Vĩnh Linh sees the unit's rows; a desk officer is refused.
        as(TestAccounts.ADMIN_VINH_LINH).queryParam("dossier", code).queryParam("status", "failed").when()
            .get("/notifications").then().statusCode(200).body("id", hasItem(id));
        as(TestAccounts.DESK_VINH_LINH).when().get("/notifications").then().statusCode(403)
            .contentType("application/problem+json").body("reason", equalTo("ROLE_REQUIRED"));
        as(TestAccounts.SYSTEM_ADMIN).queryParam("status", "LOST").when().get("/notifications").then().statusCode(400)
            .contentType("application/problem+json");
        as(TestAccounts.SYSTEM_ADMIN).queryParam("limit", 0).when().get("/notifications").then().statusCode(400);
        as(TestAccounts.SYSTEM_ADMIN).when().get("/notifications/" + id).then().statusCode(200)
            .body("body", org.hamcrest.Matchers.startsWith("Dear Nguyen Van An,"));

        // Re-send: due again at once with attempts counted anew (and fails again here).
        as(TestAccounts.SYSTEM_ADMIN).when().post("/notifications/" + id + "/resend").then().statusCode(200)
            .body("status", equalTo("PENDING")).body("attempts", equalTo(0));
        as(TestAccounts.SYSTEM_ADMIN).when().post("/notifications/987654321/resend").then().statusCode(404)
            .contentType("application/problem+json");

        // A language the system does not offer is bad input.
        applicant.put("language", "fr");
        as(TestAccounts.DESK_VINH_LINH).body(body).when().post("/dossiers").then().statusCode(400)
            .body("errors", hasItem("applicant.language: vi or en"));
    }
}
