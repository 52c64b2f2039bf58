package vn.gov.quangtri.motcua.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.it.TestAccounts.Account;

/**
 * Setting up a new year of the holiday calendar over REST (issue 9 item 2): before 2028 exists its deadlines
 * and days are refused (422 {@code CALENDAR_YEAR_MISSING}); a system administrator creates it (201, then 409),
 * other accounts get 403, malformed input 400; the public due-date endpoint computes 2028 at once and follows
 * the holiday added to it.
 */
@MotcuaIT
class CalendarYearApiIT {

    /** Fri 28/4/2028 10:00 + 2 working days (by hand: Mon 1/5, Tue 2/5; with 1/5 a holiday: Tue 2/5, Wed 3/5). */
    private static final String DUE_QUERY = "/calendar/due-date?from=2028-04-28T10:00&workingDays=2";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return EarDeployment.ear();
    }

    @ArquillianResource
    URL url;

    private RequestSpecification as(Account account) {
        return TestAccounts.as(url, account);
    }

    private ValidatableResponse problem(ValidatableResponse r, int status, String reason) {
        return r.statusCode(status).contentType("application/problem+json").body("status", equalTo(status))
            .body("reason", equalTo(reason));
    }

    private String due() {
        return given().spec(TestServer.api(url)).when().get(DUE_QUERY).then().statusCode(200).extract().path("dueAt");
    }

    @Test
    @DisplayName("2028: refused before creation; created by the system administrator only; due dates follow its holiday")
    void createYear2028() {
        Account admin = TestAccounts.SYSTEM_ADMIN;
        Map<String, Object> mayDay = Map.of("date", "2028-05-01", "kind", "HOLIDAY", "name", "Ngày Quốc tế Lao động",
            "reason", "Bộ luật Lao động 2019, Điều 112");

        given().spec(TestServer.api(url)).when().get("/calendar/years").then().statusCode(401);
        problem(given().spec(TestServer.api(url)).when().get(DUE_QUERY).then(), 422, "CALENDAR_YEAR_MISSING");
        problem(as(admin).body(mayDay).when().post("/calendar/years/2028/days").then(), 422, "CALENDAR_YEAR_MISSING");

        // Not a system administrator: 403, nothing created.
        for (Account other : new Account[] {TestAccounts.ADMIN_VINH_LINH, TestAccounts.LEADER_VINH_LINH}) {
            problem(as(other).body(Map.of("year", 2028, "reason", "Lịch 2028")).when().post("/calendar/years").then(),
                403, "ROLE_REQUIRED");
        }
        problem(given().spec(TestServer.api(url)).when().get(DUE_QUERY).then(), 422, "CALENDAR_YEAR_MISSING");

        // Malformed input: 400 problems.
        problem(as(admin).body(Map.of("reason", "r")).when().post("/calendar/years").then(), 400, "INVALID_INPUT");
        as(admin).body("{\"year\":\"hai nghìn\"}").when().post("/calendar/years").then().statusCode(400)
            .contentType("application/problem+json");
        as(admin).contentType(ContentType.JSON).body("not json").when().post("/calendar/years").then().statusCode(400)
            .contentType("application/problem+json");
        problem(as(admin).body(Map.of("year", 2028, "reasn", "typo")).when().post("/calendar/years").then(), 400,
            "UNKNOWN_FIELD").body("errors[0]", org.hamcrest.Matchers.startsWith("reasn:"));
        problem(as(admin).body(Map.of("year", 2023, "reason", "r")).when().post("/calendar/years").then(),
            422, "YEAR_OUT_OF_RANGE");

        as(admin).body(Map.of("year", 2028, "reason", "Chuẩn bị lịch nghỉ năm 2028")).when().post("/calendar/years")
            .then().statusCode(201).header("Location", endsWith("/api/v1/calendar/years/2028"))
            .body("year", equalTo(2028)).body("entries", equalTo(0)).body("createdBy", equalTo("quantri.tinh"));
        problem(as(admin).body(Map.of("year", 2028, "reason", "Lần hai")).when().post("/calendar/years").then(),
            409, "CALENDAR_YEAR_EXISTS");
        as(TestAccounts.LEADER_VINH_LINH).when().get("/calendar/years").then().statusCode(200)
            .body("year", hasItems(2024, 2025, 2026, 2027, 2028));

        // Weekends only at once (no restart), then the holiday moves the appointment.
        org.junit.jupiter.api.Assertions.assertEquals("2028-05-02T10:00:00+07:00", due());
        as(admin).when().get("/calendar/years/2028/proposal").then().statusCode(200)
            .body("date", hasItems("2028-01-01", "2028-01-26", "2028-04-04", "2028-05-01", "2028-09-02"));
        problem(as(TestAccounts.ADMIN_VINH_LINH).body(mayDay).when().post("/calendar/years/2028/days").then(),
            403, "ROLE_REQUIRED");
        as(admin).body(mayDay).when().post("/calendar/years/2028/days").then().statusCode(201)
            .body("date", equalTo("2028-05-01")).body("action", equalTo("CALENDAR_ADD_DAY_OFF"));
        org.junit.jupiter.api.Assertions.assertEquals("2028-05-03T10:00:00+07:00", due());
        given().spec(TestServer.api(url)).when().get("/calendar/working-days?from=2028-04-28&to=2028-05-03").then()
            .statusCode(200).body("workingDays", equalTo(2));
        as(admin).when().get("/calendar/years/2028").then().statusCode(200)
            .body("days.date", hasItem("2028-05-01")).body("days[0].dayOfWeek", equalTo("MONDAY"));

        // Bad days: 400 (another year, unknown kind), 422 (make-up day on a weekday), 404 (a year not configured).
        problem(as(admin).body(Map.of("date", "2027-05-03", "kind", "HOLIDAY", "name", "x", "reason", "r"))
            .when().post("/calendar/years/2028/days").then(), 400, "INVALID_INPUT");
        problem(as(admin).body(Map.of("date", "2028-05-05", "kind", "FEAST", "name", "x", "reason", "r"))
            .when().post("/calendar/years/2028/days").then(), 400, "INVALID_INPUT");
        problem(as(admin).body(Map.of("date", "2028-05-05", "kind", "MAKE_UP", "name", "x", "reason", "r"))
            .when().post("/calendar/years/2028/days").then(), 422, "MAKE_UP_DAY_NOT_WEEKEND");
        problem(as(admin).when().get("/calendar/years/2031").then(), 404, "NOT_FOUND");

        // Removing needs a reason; afterwards the weekends-only appointment is back.
        problem(as(admin).when().delete("/calendar/years/2028/days/2028-05-01").then(), 422, "REASON_REQUIRED");
        as(admin).queryParam("reason", "Thử nghiệm xong").when().delete("/calendar/years/2028/days/2028-05-01").then()
            .statusCode(200).body("action", equalTo("CALENDAR_REMOVE_DAY"));
        org.junit.jupiter.api.Assertions.assertEquals("2028-05-02T10:00:00+07:00", due());
    }
}
