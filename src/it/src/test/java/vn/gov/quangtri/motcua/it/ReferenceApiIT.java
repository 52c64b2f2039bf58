package vn.gov.quangtri.motcua.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Calendar, catalogue and agency endpoints on the deployed EAR with the shipped reference data
 * (holidays.csv, procedures, agencies). Expected values are worked out by hand in each comment.
 */
@MotcuaIT
class ReferenceApiIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return EarDeployment.ear();
    }

    @ArquillianResource
    URL url;

    private RequestSpecification api() {
        return given().spec(TestServer.api(url));
    }

    private String due(String query) {
        return api().when().get("/calendar/due-date?" + query).then().statusCode(200).extract().path("dueAt");
    }

    @Test
    @DisplayName("due-date: the contract example and the hand-worked cases C03, C04, C06 on the shipped calendar")
    void dueDates() {
        // Issue contract / C06(a): Mon 2 Mar 2026 10:00 + 2 working days → Wed 4 Mar 10:00.
        api().when().get("/calendar/due-date?from=2026-03-02T10:00&workingDays=2")
            .then().statusCode(200).contentType("application/json")
            .body("dueAt", equalTo("2026-03-04T10:00:00+07:00"));
        // C03: 2024 swap (29 Apr off, 30 Apr + 1 May holidays, Sat 4 May working): Fri 26 Apr + 3 → Sat 4 May.
        assertEquals("2024-05-04T10:00:00+07:00", due("from=2024-04-26T10:00&workingDays=3"));
        // C04: Hùng Kings' day on Sun 26 Apr 2026, Mon 27 compensatory, Thu 30 / Fri 1 May off: Tue 28 = 1,
        // Wed 29 = 2, Mon 4 May = 3.
        assertEquals("2026-05-04T10:00:00+07:00", due("from=2026-04-24T10:00&workingDays=3"));
        // C06(b): online Fri 13 Feb 2026 17:30 → clock from Mon 23 Feb 08:00 (Tết 16–20 Feb) → Thu 26 Feb 08:00.
        api().when().get("/calendar/due-date?from=2026-02-13T17:30&workingDays=3").then().statusCode(200)
            .body("clockStart", equalTo("2026-02-23T08:00:00+07:00"))
            .body("dueAt", equalTo("2026-02-26T08:00:00+07:00"));
        // C06(c): Sunday 8 Mar 2026 10:00 → Mon 9 Mar 08:00 → + 1 → Tue 10 Mar 08:00.
        assertEquals("2026-03-10T08:00:00+07:00", due("from=2026-03-08T10:00&workingDays=1"));
        // Offsets are accepted: 03:00Z = 10:00 in Vietnam.
        assertEquals("2026-03-04T10:00:00+07:00", due("from=2026-03-02T03:00:00Z&workingDays=2"));
        // Working hours: Fri 13 Mar 15:00 + 3 h = Fri 2 h + Mon 08:00–09:00.
        assertEquals("2026-03-16T09:00:00+07:00", due("from=2026-03-13T15:00&workingHours=3"));
        // Half a working day = 240 min: Mon 10:00–12:00 and 13:00–15:00.
        assertEquals("2026-03-02T15:00:00+07:00", due("from=2026-03-02T10:00&workingDays=0.5"));
        // Same day: 14:30 → 17:00 the same day; Fri 13 Feb 15:30 → Mon 23 Feb 17:00 (after the cut-off, Tết).
        assertEquals("2026-03-02T17:00:00+07:00", due("from=2026-03-02T14:30&sameDay=true"));
        assertEquals("2026-02-23T17:00:00+07:00", due("from=2026-02-13T15:30&sameDay=true"));
        // 10 calendar days from Fri 6 Feb 2026 → Mon 16 Feb, a Tết day → 17:00 of the next working day Mon 23 Feb.
        assertEquals("2026-02-23T17:00:00+07:00", due("from=2026-02-06T10:00&calendarDays=10"));
    }

    @Test
    @DisplayName("working-days counts (from, to] (C07); bad input gets a 400 problem")
    void workingDaysAndBadInput() {
        assertEquals(1, (int) api().when().get("/calendar/working-days?from=2026-02-13&to=2026-02-23")
            .then().statusCode(200).extract().path("workingDays"));
        assertEquals(1, (int) api().get("/calendar/working-days?from=2026-02-14&to=2026-02-23").path("workingDays"));
        assertEquals(0, (int) api().get("/calendar/working-days?from=2026-02-13&to=2026-02-22").path("workingDays"));
        assertEquals(2, (int) api().get("/calendar/working-days?from=2026-02-13&to=2026-02-24").path("workingDays"));

        api().when().get("/calendar/due-date?workingDays=2").then().statusCode(400)
            .contentType("application/problem+json").body("reason", equalTo("INVALID_INPUT"))
            .body("errors", hasItem("from: required"));
        api().when().get("/calendar/due-date?from=2026-03-02T10:00&workingDays=2&workingHours=3").then().statusCode(400);
        api().when().get("/calendar/due-date?from=2026-03-02T10:00&workingDays=abc").then().statusCode(400)
            .body("errors[0]", containsString("workingDays"));
        api().when().get("/calendar/due-date?from=02/03/2026&workingDays=1").then().statusCode(400)
            .body("status", equalTo(400));
        api().when().get("/calendar/due-date?from=%2B999999999-12-31T10:00&workingDays=2").then().statusCode(400);
        // 2019 has no holiday schedule in the data: refused, not computed on weekends only (Tết 2019 would be missed).
        api().when().get("/calendar/due-date?from=2019-01-30T09:00&workingDays=23").then().statusCode(422)
            .body("reason", equalTo("CALENDAR_YEAR_MISSING"));
    }

    @Test
    @DisplayName("Procedures: search without diacritics, by field and level; a procedure with documents and steps")
    void procedures() {
        api().when().get("/procedures?q=dang ky dat dai lan dau").then().statusCode(200)
            .body("items.code", hasItem("H50-L006"));
        api().when().get("/procedures?q=chung thuc ban sao tu ban chinh").then().statusCode(200)
            .body("items.code", hasItem("2.000815"));
        // 49 catalogue rows + the 2 reviewed land procedures.
        api().when().get("/procedures?field=Đất đai&limit=1").then().statusCode(200).body("total", equalTo(51));
        api().when().get("/procedures?field=DAT DAI&limit=1").then().statusCode(200).body("total", equalTo(51));
        api().when().get("/procedures?field=nothing like this").then().statusCode(200).body("total", equalTo(0));
        api().when().get("/procedures/fields").then().statusCode(200).body("$", hasItems("Đất đai", "Hộ tịch"));
        api().when().get("/procedures?level=COMMUNE&q=khai sinh").then().statusCode(200)
            .body("items.code", hasItem("1.001193"));
        api().when().get("/procedures/H50-L006").then().statusCode(200)
            .body("localCode", equalTo(true))
            .body("timeLimit.unit", equalTo("WORKING_DAY"))
            .body("timeLimit.value", equalTo(23))
            .body("documents.size()", equalTo(4))
            .body("steps.size()", equalTo(6))
            .body("steps[4].kind", equalTo("APPROVAL"));
        api().when().get("/procedures/1.000016").then().statusCode(200).body("receivable", equalTo(false))
            .body("timeLimit", equalTo(null));
        api().when().get("/procedures/9.999999").then().statusCode(404)
            .contentType("application/problem+json").body("reason", equalTo("NOT_FOUND"));
        api().when().get("/procedures?limit=0").then().statusCode(400);
    }

    @Test
    @DisplayName("Agencies: today's 98 units, the 149 of 30/6/2025, the tree, predecessors of a merged commune")
    void agencies() {
        List<String> today = api().when().get("/agencies").then().statusCode(200).extract().path("code");
        assertEquals(98, today.size(), "province + centre + 18 departments + 78 communes");
        api().when().get("/agencies").then().body("code", hasItem("QT25.XA_VINH_LINH")).body("code", not(hasItem("QT.D464")));
        List<String> before = api().when().get("/agencies?validOn=2025-06-30").then().statusCode(200).extract().path("code");
        assertEquals(149, before.size());
        api().when().get("/agencies?validOn=2025-06-30&level=DISTRICT").then().body("size()", equalTo(10));
        api().when().get("/agencies?view=tree").then().statusCode(200)
            .body("size()", equalTo(1)).body("[0].code", equalTo("QT"))
            .body("[0].edocCode", equalTo("000.00.00.H50"));
        api().when().get("/agencies/QT25.XA_VINH_LINH").then().statusCode(200)
            .body("predecessorCodes", hasItems("QT.D464.THI_TRAN_HO_XA", "QT.D464.XA_VINH_LONG", "QT.D464.XA_VINH_CHAP"))
            .body("edocCodePlaceholder", equalTo(true));
        api().when().get("/agencies?q=vinh linh").then().body("code", hasItem("QT25.XA_VINH_LINH"));
        api().when().get("/agencies/NOPE").then().statusCode(404);
    }

    @Test
    @DisplayName("The OpenAPI document describes the v1 paths")
    void openApi() {
        given().spec(TestServer.server(url)).when().get("/openapi").then().statusCode(200)
            .body(containsString("/api/v1/dossiers")).body(containsString("/api/v1/calendar/due-date"));
    }
}
