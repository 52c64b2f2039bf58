package vn.gov.quangtri.motcua.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.gov.quangtri.motcua.it.TestAccounts.Account;

/**
 * Issue 9 items 9 and 11 on the deployed EAR: an apology with a new appointment is refused (409
 * {@code NOT_LATE}) and not offered on a dossier that can still finish in time, offered on an overdue one with
 * the picker on the next working day's opening hour, and then shown in the inbox and on the dashboard; the
 * note of a supplement request is kept, its items shown one per line, and the resume records the items
 * handed in (REST {@code receivedItems}, tick boxes on the screen).
 */
@MotcuaIT
class DossierClockIT {

    private static final String VINH_LINH = "QT25.XA_VINH_LINH";
    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String CCCD = "Bản sao CCCD của người yêu cầu";
    private static final String EXTRACT = "Trích lục ghi chú ly hôn";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return EarDeployment.ear();
    }

    @ArquillianResource
    URL url;

    /** A marriage-status certificate dossier (1.004873) received at the desk; {@code submittedAt} null = now. */
    private String receive(String applicant, String submittedAt) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("procedureCode", "1.004873",
            "receivingAgencyCode", VINH_LINH, "channel", "DIRECT",
            "applicant", Map.of("kind", "INDIVIDUAL", "name", applicant, "idNumber", "045090001111",
                "address", "Thôn Tây, xã Vĩnh Linh"),
            "documents", List.of(Map.of("requiredPosition", 1, "form", "ORIGINAL"),
                Map.of("requiredPosition", 2, "form", "COPY"))));
        if (submittedAt != null) {
            body.put("submittedAt", submittedAt);
        }
        return TestAccounts.as(url, TestAccounts.DESK_VINH_LINH).body(body).when().post("/dossiers")
            .then().statusCode(201).extract().path("code");
    }

    private ValidatableResponse act(String code, String verb, Account actor, Map<String, Object> body) {
        return TestAccounts.as(url, actor).body(body).when().post("/dossiers/" + code + "/" + verb).then();
    }

    private JsonPath get(String code) {
        return TestAccounts.as(url, TestAccounts.DESK_VINH_LINH).when().get("/dossiers/" + code).then()
            .statusCode(200).extract().jsonPath();
    }

    /** The first working day after today (Vietnam), asked of the calendar API day by day. */
    private LocalDate nextWorkingDay() {
        LocalDate d = LocalDate.now(VN);
        do {
            LocalDate from = d;
            d = d.plusDays(1);
            int n = given().spec(TestServer.api(url)).queryParam("from", from.toString()).queryParam("to", d.toString())
                .when().get("/calendar/working-days").then().statusCode(200).extract().path("workingDays");
            if (n == 1) {
                return d;
            }
        } while (true);
    }

    @Test
    @DisplayName("REST, issue 11: occurredAt dates an action and the history keeps both times; a future or too old time,"
        + " a malformed one and a misspelt field are refused")
    void occurredAtOverRest() {
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(VN).withSecond(0).withNano(0);
        String code = receive("Lê Thị Thời Điểm", now.minusMinutes(30).toString());
        act(code, "complete-step", TestAccounts.DESK_VINH_LINH, Map.of("occurredAt", now.plusHours(1).toString()))
            .statusCode(422).body("reason", equalTo("FUTURE_TIME"));
        act(code, "complete-step", TestAccounts.DESK_VINH_LINH, Map.of("occurredAt", now.minusDays(40).toString(),
            "backdatingReason", "nhập bù")).statusCode(422).body("reason", equalTo("OUT_OF_ORDER"));
        act(code, "complete-step", TestAccounts.DESK_VINH_LINH, Map.of("occurredAt", "hôm qua"))
            .statusCode(400).body("reason", equalTo("INVALID_INPUT"));
        act(code, "complete-step", TestAccounts.DESK_VINH_LINH, Map.of("occuredAt", now.toString()))
            .statusCode(400).body("reason", equalTo("UNKNOWN_FIELD"));
        assertEquals(1, get(code).getList("history").size(), "the refusals changed nothing");
        JsonPath done = act(code, "complete-step", TestAccounts.DESK_VINH_LINH,
            Map.of("occurredAt", now.minusMinutes(5).toString())).statusCode(200).extract().jsonPath();
        java.time.Instant at = java.time.OffsetDateTime.parse(done.getString("history[-1].at")).toInstant();
        java.time.Instant recorded = java.time.OffsetDateTime.parse(done.getString("history[-1].recordedAt")).toInstant();
        assertEquals(now.minusMinutes(5).toInstant(), at, "the time given");
        assertTrue(recorded.isAfter(at), "keyed later, and both are shown");
        assertEquals(at, java.time.OffsetDateTime.parse(done.getString("steps[0].completedAt")).toInstant(),
            "the step is completed at the time given");
    }

    @Test
    @DisplayName("REST, issue 11: an action dated more than 3 working days back waits for a leader (202); approval applies"
        + " it at its time as the officer's, refusal changes nothing; the integrity list shows it")
    void backdatingApproval() {
        // Received Mon 2 Mar 2026 09:00 (keyed today): appointment Thu 5 Mar 09:00.
        String code = receive("Hoàng Thị Nhập Lùi", "2026-03-02T09:00:00+07:00");
        String mon10 = "2026-03-02T10:00:00+07:00";
        act(code, "complete-step", TestAccounts.DESK_VINH_LINH, Map.of("occurredAt", mon10))
            .statusCode(422).body("reason", equalTo("BACKDATING_REASON_REQUIRED"));
        var held = act(code, "complete-step", TestAccounts.DESK_VINH_LINH, Map.of("occurredAt", mon10,
            "backdatingReason", "Mất điện, nhập bù theo sổ")).statusCode(202)
            .body("status", equalTo("PENDING")).body("action", equalTo("COMPLETE_STEP"))
            .body("requestedBy", equalTo(TestAccounts.DESK_VINH_LINH.username())).body("occurredAt", equalTo(mon10))
            .extract();
        long id = ((Number) held.path("id")).longValue();
        assertTrue(held.header("Location").endsWith("/api/v1/backdating-requests/" + id));
        assertEquals(1, get(code).getList("history").size(), "nothing applied before approval");
        TestAccounts.as(url, TestAccounts.LEADER_VINH_LINH).when().get("/backdating-requests").then().statusCode(200)
            .body("find { it.id == " + id + " }.dossierCode", equalTo(code));

        TestAccounts.as(url, TestAccounts.DESK_VINH_LINH).body(Map.of()).when()
            .post("/backdating-requests/" + id + "/approve").then().statusCode(403).body("reason", equalTo("ROLE_REQUIRED"));
        JsonPath approved = TestAccounts.as(url, TestAccounts.LEADER_VINH_LINH).body(Map.of("note", "Đồng ý"))
            .when().post("/backdating-requests/" + id + "/approve").then().statusCode(200).extract().jsonPath();
        assertEquals(2, approved.getList("history").size());
        assertEquals(mon10, approved.getString("history[-1].at"), "applied at its business time");
        assertEquals(TestAccounts.DESK_VINH_LINH.username(), approved.getString("history[-1].actor"), "as the officer's");
        assertEquals(TestAccounts.LEADER_VINH_LINH.username(), approved.getString("history[-1].backdatingApprovedBy"));
        assertEquals("Mất điện, nhập bù theo sổ", approved.getString("history[-1].backdatingReason"));
        assertEquals(mon10, approved.getString("steps[0].completedAt"));
        TestAccounts.as(url, TestAccounts.LEADER_VINH_LINH).body(Map.of()).when()
            .post("/backdating-requests/" + id + "/approve").then().statusCode(409).body("reason", equalTo("REQUEST_DECIDED"));

        // A second late-keyed step: refused (a reason is required), the dossier stays as it was.
        long second = ((Number) act(code, "complete-step", TestAccounts.SPECIALIST_VINH_LINH, Map.of(
            "occurredAt", "2026-03-03T10:00:00+07:00", "backdatingReason", "Quên nhập")).statusCode(202)
            .extract().path("id")).longValue();
        TestAccounts.as(url, TestAccounts.LEADER_VINH_LINH).body(Map.of()).when()
            .post("/backdating-requests/" + second + "/refuse").then().statusCode(422).body("reason", equalTo("REASON_REQUIRED"));
        TestAccounts.as(url, TestAccounts.LEADER_VINH_LINH).body(Map.of("note", "Không có căn cứ")).when()
            .post("/backdating-requests/" + second + "/refuse").then().statusCode(200).body("status", equalTo("REFUSED"))
            .body("decidedBy", equalTo(TestAccounts.LEADER_VINH_LINH.username()));
        assertEquals(2, get(code).getList("history").size(), "a refused request changes nothing");

        // A third, overtaken by a step completed now: it lapses, approval is refused, the dossier moved on.
        long third = ((Number) act(code, "complete-step", TestAccounts.SPECIALIST_VINH_LINH, Map.of(
            "occurredAt", "2026-03-03T11:00:00+07:00", "backdatingReason", "Quên nhập", "note", "Thẩm định đạt"))
            .statusCode(202).body("content.note", equalTo("Thẩm định đạt")).extract().path("id")).longValue();
        act(code, "complete-step", TestAccounts.SPECIALIST_VINH_LINH, Map.of()).statusCode(200);
        TestAccounts.as(url, TestAccounts.LEADER_VINH_LINH).when().get("/backdating-requests/" + third).then()
            .statusCode(200).body("status", equalTo("LAPSED"));
        TestAccounts.as(url, TestAccounts.LEADER_VINH_LINH).body(Map.of()).when()
            .post("/backdating-requests/" + third + "/approve").then().statusCode(409)
            .body("reason", equalTo("REQUEST_DECIDED"));

        JsonPath integrity = TestAccounts.as(url, TestAccounts.LEADER_VINH_LINH).queryParam("unit", VINH_LINH)
            .queryParam("from", "2026-03-01").queryParam("to", "2026-03-31").when().get("/reports/data-integrity")
            .then().statusCode(200).extract().jsonPath();
        assertEquals(TestAccounts.LEADER_VINH_LINH.username(), integrity.getString("rows.find { it.dossierCode == '"
            + code + "' && it.action == 'COMPLETE_STEP' }.approvedBy"));
        TestAccounts.as(url, TestAccounts.LEADER_VINH_LINH).queryParam("unit", "QT25.PHUONG_DONG_HA")
            .queryParam("from", "2026-03-01").queryParam("to", "2026-03-31").when().get("/reports/data-integrity")
            .then().statusCode(403).body("reason", equalTo("OUT_OF_SCOPE"));
        assertTrue(integrity.getLong("keyedLate") >= 2, "the receipt and the step of this dossier at least");
        TestAccounts.as(url, TestAccounts.DESK_VINH_LINH).queryParam("from", "2026-03-01").queryParam("to", "2026-03-31")
            .when().get("/reports/data-integrity").then().statusCode(403).body("reason", equalTo("ROLE_REQUIRED"));
    }

    @Test
    @DisplayName("REST, issue 11: the approval keeps the signed decision's number, date and signer; a decision dated"
        + " after the approval is refused")
    void decisionOnApproval() {
        String code = receive("Đinh Văn Quyết Định", null);
        act(code, "complete-step", TestAccounts.DESK_VINH_LINH, Map.of()).statusCode(200);
        act(code, "complete-step", TestAccounts.SPECIALIST_VINH_LINH, Map.of()).statusCode(200);
        LocalDate today = LocalDate.now(VN);
        act(code, "approve", TestAccounts.LEADER_VINH_LINH, Map.of("decisionNumber", "125/QĐ-UBND",
            "decisionDate", today.plusDays(1).toString())).statusCode(422).body("reason", equalTo("DECISION_AFTER_ACTION"));
        act(code, "approve", TestAccounts.LEADER_VINH_LINH, Map.of("decisionDate", today.toString())).statusCode(422)
            .body("reason", equalTo("DECISION_NUMBER_REQUIRED"));
        act(code, "approve", TestAccounts.LEADER_VINH_LINH, Map.of("decisionNumber", "125/QĐ-UBND",
            "decisionDate", today.toString(), "decisionSigner", "Chủ tịch UBND xã Trần Quốc Tuấn")).statusCode(200)
            .body("history[-1].action", equalTo("APPROVE"))
            .body("history[-1].decision.number", equalTo("125/QĐ-UBND"))
            .body("history[-1].decision.date", equalTo(today.toString()))
            .body("history[-1].decision.signer", equalTo("Chủ tịch UBND xã Trần Quốc Tuấn"));
    }

    @Test
    @DisplayName("REST: reschedule 409 NOT_LATE on a fresh dossier; supplement note kept; receivedItems recorded, unknown item 422")
    void overRest() {
        String fresh = receive("Nguyễn Thị Mới", null);
        assertFalse(get(fresh).getBoolean("apologyDue"));
        act(fresh, "reschedule", TestAccounts.LEADER_VINH_LINH, Map.of("newDueAt", nextWorkingDay() + "T08:00:00+07:00",
            "reason", "Chờ xác minh")).statusCode(409).body("reason", equalTo("NOT_LATE"));
        assertTrue(get(fresh).getString("rescheduledDueAt") == null, "nothing stored");

        act(fresh, "complete-step", TestAccounts.DESK_VINH_LINH, Map.of()).statusCode(200);
        act(fresh, "request-supplement", TestAccounts.SPECIALIST_VINH_LINH,
            Map.of("items", List.of(CCCD, EXTRACT), "note", "Nộp bản sao có chứng thực")).statusCode(200)
            .body("history[-1].reason", equalTo("1. " + CCCD + "\n2. " + EXTRACT + "\nGhi chú: Nộp bản sao có chứng thực"))
            .body("history[-1].items", equalTo(List.of(CCCD, EXTRACT)));
        act(fresh, "resume", TestAccounts.DESK_VINH_LINH, Map.of("receivedItems", List.of("Giấy khai sinh")))
            .statusCode(422).body("reason", equalTo("UNKNOWN_ITEM"));
        act(fresh, "resume", TestAccounts.DESK_VINH_LINH, Map.of("receivedItems", List.of(EXTRACT), "note", "Tại quầy"))
            .statusCode(200).body("status", equalTo("IN_PROCESS"))
            .body("history[-1].items", equalTo(List.of(EXTRACT)))
            .body("history[-1].reason", equalTo("Đã nhận bổ sung:\n1. " + EXTRACT + "\nChưa nhận:\n1. " + CCCD
                + "\nGhi chú: Tại quầy"));

        String overdue = receive("Trần Văn Quá Hạn", "2026-03-02T10:00:00+07:00");
        assertTrue(get(overdue).getBoolean("apologyDue"), "appointment 5 Mar 2026 has passed");
        String newDue = nextWorkingDay() + "T08:00:00+07:00";
        act(overdue, "reschedule", TestAccounts.LEADER_VINH_LINH, Map.of("newDueAt", newDue, "reason", "Chờ xác minh"))
            .statusCode(200).body("rescheduledDueAt", equalTo(newDue)).body("apologyDue", equalTo(false));
    }

    @Test
    @DisplayName("Screens: apology offered only when overdue, picker on the next working slot, badge in inbox and dashboard; supplement lines and ticks")
    void inTheBrowser() throws Exception {
        String fresh = receive("Lê Thị Đúng Hạn", null);
        String overdue = receive("Phạm Văn Trễ", "2026-03-02T10:00:00+07:00");
        String keyedLate = receive("Vũ Thị Duyệt Lùi", "2026-03-02T09:00:00+07:00");
        long request = ((Number) act(keyedLate, "complete-step", TestAccounts.DESK_VINH_LINH, Map.of(
            "occurredAt", "2026-03-02T10:00:00+07:00", "backdatingReason", "Nhập bù theo sổ")).statusCode(202)
            .extract().path("id")).longValue();
        try (Browser b = Browser.open(TestServer.appRoot(url))) {
            try {
                screens(b, fresh, overdue);
                backdatingScreens(b, keyedLate, request);
            } catch (Throwable t) {
                b.evidence("clock");
                throw t;
            }
        }
    }

    private void screens(Browser b, String fresh, String overdue) throws Exception {
        LocalDate next = nextWorkingDay();
        String day = next.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        String expected = day + " 08:00"; // the picker's pattern
        String badge = "Đã xin lỗi, hẹn lại 08:00 " + day; // lists show HH:mm dd/MM/yyyy

        b.signIn(TestAccounts.LEADER_VINH_LINH.username());
        b.go("/app/dossier.xhtml?code=" + fresh);
        assertTrue(b.all(By.id("dossier:reschedule")).isEmpty(), "no apology for a dossier received just now");
        b.go("/app/dossier.xhtml?code=" + overdue);
        assertEquals(expected, b.find("dossier:newDue_input").getAttribute("value"),
            "the picker starts at the next working day's opening hour");
        b.type("dossier:reason", "Chờ xác minh tình trạng hôn nhân tại nơi cư trú trước đây");
        b.screenshot("clock-apology-offered");
        b.click("dossier:reschedule");
        assertTrue(b.find("dossier:history").getText().contains("Xin lỗi và hẹn lại"), b.find("messages").getText());
        assertTrue(b.all(By.id("dossier:reschedule")).isEmpty(), "once only");
        String apologyUrl = b.driver().findElement(By.xpath("//a[contains(@href,'/forms/apology')]")).getAttribute("href");
        java.net.http.HttpResponse<byte[]> apology = b.fetch(apologyUrl);
        assertEquals(200, apology.statusCode());
        String apologyText = Pdfs.text(apology.body());
        assertTrue(apologyText.contains(day), "form 04 gives the new date: " + apologyText);
        assertTrue(apologyText.contains("Chờ xác minh tình trạng hôn nhân"), "and the reason");
        b.go("/app/dashboard.xhtml");
        WebElement dashRow = b.driver().findElement(By.xpath("//tr[.//a[text()='" + overdue + "']]"));
        assertTrue(dashRow.getText().contains(badge), dashRow.getText());
        b.screenshot("clock-dashboard-apologised");
        b.signOut();

        b.signIn(TestAccounts.DESK_VINH_LINH.username());
        b.go("/app/inbox.xhtml");
        WebElement inboxRow = b.driver().findElement(By.xpath("//tr[.//a[text()='" + overdue + "']]"));
        assertTrue(inboxRow.getText().contains(badge), inboxRow.getText());
        b.screenshot("clock-inbox-apologised");
        // The desk passes the fresh dossier on; the specialist asks for two items with a note.
        b.go("/app/dossier.xhtml?code=" + fresh);
        b.click("dossier:complete");
        b.signOut();

        b.signIn(TestAccounts.SPECIALIST_VINH_LINH.username());
        b.go("/app/dossier.xhtml?code=" + fresh);
        b.type("dossier:missing", CCCD + "\n" + EXTRACT);
        b.type("dossier:note", "Hạn nộp trong 10 ngày");
        b.click("dossier:supplement");
        List<WebElement> rows = b.all(By.cssSelector("#dossier\\:history tbody tr"));
        String requested = rows.get(rows.size() - 1).findElements(By.tagName("td")).get(5).getText();
        assertEquals("1. " + CCCD + "\n2. " + EXTRACT + "\nGhi chú: Hạn nộp trong 10 ngày", requested,
            "one item per line, then the note");
        b.signOut();

        b.signIn(TestAccounts.DESK_VINH_LINH.username());
        b.go("/app/dossier.xhtml?code=" + fresh);
        List<WebElement> ticks = b.all(By.cssSelector("#dossier\\:receivedItems .ui-chkbox-box"));
        assertEquals(2, ticks.size(), "one tick box per requested item");
        assertEquals(2, b.all(By.cssSelector("#dossier\\:receivedItems .ui-chkbox-box.ui-state-active")).size(),
            "all ticked by default");
        ticks.get(0).click(); // the ID card copy was not brought
        b.screenshot("clock-resume-ticks");
        b.click("dossier:resume");
        rows = b.all(By.cssSelector("#dossier\\:history tbody tr"));
        String resumed = rows.get(rows.size() - 1).findElements(By.tagName("td")).get(5).getText();
        assertEquals("Đã nhận bổ sung:\n1. " + EXTRACT + "\nChưa nhận:\n1. " + CCCD, resumed);
        assertEquals(List.of(EXTRACT), get(fresh).getList("history[-1].items"));
        b.signOut();
    }

    /** The leader approves a late-keyed step on the dossier page and finds it in the data integrity list. */
    private void backdatingScreens(Browser b, String code, long request) {
        b.signIn(TestAccounts.LEADER_VINH_LINH.username());
        b.go("/app/dossier.xhtml?code=" + code);
        String panel = b.text("dossier:backdating");
        assertTrue(panel.contains("Chờ phê duyệt") && panel.contains("Nhập bù theo sổ")
            && panel.contains("10:00 02/03/2026"), panel);
        b.screenshot("clock-backdating-pending");
        b.type("dossier:backdatingNote", "Đồng ý, đối chiếu sổ theo dõi");
        b.click("dossier:backdatingRequests:0:approveBackdating");
        assertTrue(b.text("messages").contains("Đã phê duyệt yêu cầu nhập lùi thời điểm số " + request), b.text("messages"));
        List<WebElement> rows = b.all(By.cssSelector("#dossier\\:history tbody tr"));
        String last = rows.get(rows.size() - 1).getText();
        assertTrue(last.contains("10:00 02/03/2026") && last.contains("Lãnh đạo phê duyệt nhập muộn: lanhdao.vinhlinh"),
            last);
        assertTrue(b.text("dossier:backdating").contains("Đã phê duyệt"), "the request stays, decided");
        b.screenshot("clock-backdating-approved");

        b.go("/app/data-integrity.xhtml");
        org.openqa.selenium.JavascriptExecutor js = b.driver();
        js.executeScript("document.getElementById('integrity:from_input').value = '01/03/2026';"
            + "document.getElementById('integrity:to_input').value = '31/03/2026';");
        js.executeScript("arguments[0].click();", b.find("integrity:apply"));
        b.settle();
        WebElement row = b.driver().findElement(By.xpath("//tbody[@id='integrity:rows_data']/tr[.//a[text()='" + code
            + "'] and contains(., 'lanhdao.vinhlinh')]"));
        assertTrue(row.getText().contains("Nhập bù theo sổ"), row.getText());
        b.screenshot("clock-data-integrity");
        b.signOut();
    }
}
