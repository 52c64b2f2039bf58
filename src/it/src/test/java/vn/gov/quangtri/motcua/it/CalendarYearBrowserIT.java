package vn.gov.quangtri.motcua.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The holiday calendar screen sets up a new year (issue 9 item 2): 2029 is shown as missing, the system
 * administrator creates it with a reason, takes a proposed statutory day into the add form and saves it; the
 * public due-date endpoint then computes across it. Screenshots {@code calendar-year-*}.
 */
@MotcuaIT
class CalendarYearBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return EarDeployment.ear();
    }

    @ArquillianResource
    URL url;

    /**
     * By hand: 1/1/2029 is a Monday (1/1/2028 a Saturday + 366 days). Mon 1/1/2029 09:00 + 1 working day is
     * Tue 2/1 09:00 with weekends only; once 1/1 is a holiday the clock starts Tue 2/1 08:00 and the appointment
     * is Wed 3/1 08:00.
     */
    @Test
    @DisplayName("Create 2029 on the calendar screen, take Tết Dương lịch from the proposal, and compute across it")
    void createYearOnScreen() {
        String query = "/calendar/due-date?from=2029-01-01T09:00&workingDays=1";
        given().spec(TestServer.api(url)).when().get(query).then().statusCode(422)
            .body("reason", equalTo("CALENDAR_YEAR_MISSING"));
        try (Browser b = Browser.open(TestServer.appRoot(url))) {
            b.signIn("quantri.tinh");
            b.go("/app/admin/calendar.xhtml?year=2029");
            assertTrue(b.text("missing").contains("chưa có lịch ngày nghỉ"), b.text("missing"));
            b.screenshot("calendar-year-missing");
            b.type("create:createReason", "Chuẩn bị lịch nghỉ năm 2029");
            b.click("create:createYear");
            b.wait(20).until(ExpectedConditions.presenceOfElementLocated(By.id("proposalForm:proposed")));
            assertTrue(b.driver().findElements(By.id("missing")).isEmpty(), "the year is configured now");
            assertTrue(b.text("configuredYears").contains("2029 (0)"), b.text("configuredYears"));
            String audit = b.driver().findElement(By.cssSelector(".mc-audit")).getText();
            assertTrue(audit.contains("Tạo lịch năm") && audit.contains("Chuẩn bị lịch nghỉ năm 2029"), audit);
            assertEquals("2029-01-02T09:00:00+07:00",
                given().spec(TestServer.api(url)).when().get(query).then().statusCode(200).extract().path("dueAt"),
                "weekends only: Mon 1/1 09:00 + 1 working day");

            String firstProposal = b.find("proposalForm:proposed").getText();
            assertTrue(firstProposal.contains("01/01/2029") && firstProposal.contains("Tết Dương lịch"), firstProposal);
            b.click("proposalForm:proposed:0:use");
            assertEquals("Tết Dương lịch", b.find("add:name").getAttribute("value"));
            b.type("add:reason", "Bộ luật Lao động 2019, Điều 112");
            b.click("add:save");
            b.wait(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("list:entries"), "Tết Dương lịch"));
            assertFalse(b.find("proposalForm:proposed").getText().contains("01/01/2029"), "no longer proposed");
            b.screenshot("calendar-year-created");

            // The dashboard renders the reminder only from 1 October while next year is missing (the rule itself
            // is tested with a fixed clock in CalendarYearSetupTest; the server runs on the real clock).
            java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
            java.util.List<Integer> years = TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).when().get("/calendar/years")
                .then().statusCode(200).extract().path("year");
            boolean expected = today.getMonthValue() >= 10 && !years.contains(today.getYear() + 1);
            b.go("/app/dashboard.xhtml");
            b.find("counts");
            assertEquals(expected, !b.driver().findElements(By.id("calendarMissing")).isEmpty(), "banner on " + today);
            if (expected) {
                assertTrue(b.find("calendarLink").getAttribute("href").endsWith("year=" + (today.getYear() + 1)));
            }
        }
        given().spec(TestServer.api(url)).when().get(query).then().statusCode(200)
            .body("clockStart", equalTo("2029-01-02T08:00:00+07:00")).body("dueAt", equalTo("2029-01-03T08:00:00+07:00"));
    }
}
