package vn.gov.quangtri.motcua.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The back office in headless Chromium, as its users work: each demonstration account signs in and does
 * its part of a dossier's life (desk: receive and print the slip → specialist: appraise → leader: approve
 * → desk: issue and return the result), a specialist of another unit is refused in the screen and over
 * REST, the PDF slips carry the right text and a QR code that decodes to the dossier code, the session
 * timeout leads back to the sign-in page (docs/cases.md C19), and the language switch works. Screenshots of every
 * screen go to {@code target/screenshots/<database>/}.
 */
@MotcuaIT
class BackOfficeBrowserIT {

    private static final String DESK = "tiepnhan.vinhlinh";
    private static final String SPECIALIST = "chuyenvien.vinhlinh";
    private static final String LEADER = "lanhdao.vinhlinh";
    private static final String OTHER_UNIT = "chuyenvien.dongha";
    private static final String ADMIN = "quantri.tinh";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return EarDeployment.ear();
    }

    @ArquillianResource
    URL url;

    @Test
    @DisplayName("Desk → specialist → leader → desk in the browser; another unit refused; slips checked")
    void dossierLifeInTheBrowser() throws Exception {
        try (Browser b = Browser.open(TestServer.appRoot(url))) {
            try {
                life(b);
            } catch (Throwable t) {
                b.evidence("life");
                throw t;
            }
        }
    }

    private void life(Browser b) throws Exception {
        {
            // --- desk officer: receive a marriage-status certificate dossier -------------------------
            b.signIn(DESK);
            b.screenshot("desk-inbox");
            b.go("/app/desk/receive.xhtml");
            // typed without diacritics: "tình trạng hôn nhân"
            b.type("reception:procedure_input", "tinh trang hon nhan");
            WebElement item = b.wait(20).until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//li[contains(@class,'ui-autocomplete-item') and contains(., '1.004873')]")));
            item.click();
            b.settle();
            b.wait(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("procedure-name"),
                "Cấp Giấy xác nhận tình trạng hôn nhân"));
            List<WebElement> boxes = b.all(By.cssSelector("#reception\\:documents .ui-chkbox-box"));
            assertFalse(boxes.isEmpty(), "the required-documents checklist is shown");
            b.screenshot("desk-reception-checklist");

            // Receiving with nothing ticked is refused: the missing components are named, nothing stored.
            b.type("reception:name", "Trần Thị Mỹ Duyên");
            b.click("reception:receive");
            assertTrue(b.find("messages").getText().contains("chưa đủ thành phần"), b.find("messages").getText());
            for (WebElement box : b.all(By.cssSelector("#reception\\:documents .ui-chkbox-box"))) {
                box.click();
            }
            b.type("reception:idNumber", "045190001234");
            b.type("reception:phone", "0912345678");
            b.type("reception:address", "Số 12 ngõ 34, thôn Tây, xã Vĩnh Linh");
            b.screenshot("desk-reception-filled");
            b.click("reception:receive");
            b.wait(30).until(ExpectedConditions.urlContains("/app/dossier.xhtml"));
            b.settle();
            String code = b.text("code");
            assertTrue(code.matches("\\d{3}\\.\\d{2}\\.\\d{2}\\.H50-\\d{6}-\\d{4}"), code);
            assertEquals("Đã tiếp nhận", b.text("status"));
            assertEquals("Trần Thị Mỹ Duyên", b.text("applicant"));
            b.screenshot("desk-dossier-received");

            // The receipt slip (form 01) opens as a PDF with the code, the applicant and a QR code.
            String slipUrl = b.driver().findElement(By.xpath("//a[contains(@href,'/forms/receipt-slip')]"))
                .getAttribute("href");
            HttpResponse<byte[]> slip = b.fetch(slipUrl);
            assertEquals(200, slip.statusCode());
            assertEquals("application/pdf", slip.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            String slipText = Pdfs.text(slip.body());
            assertTrue(slipText.contains(code), "slip names the code");
            assertTrue(slipText.contains("Trần Thị Mỹ Duyên"), "slip names the applicant in Vietnamese");
            assertTrue(slipText.contains("Cấp Giấy xác nhận tình trạng hôn nhân"), "slip names the procedure");
            assertTrue(slipText.contains("Lê Thị Hoa"), "the receiving officer signs with her full name");
            String qr = Pdfs.qr(slip.body());
            assertTrue(qr.startsWith(TestServer.appRoot(url) + "/public/lookup.xhtml?code="
                + java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8)), "the QR code opens the public lookup of the dossier: " + qr);
            java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", TestServer.database(),
                "receipt-slip-" + code + ".pdf"), slip.body());

            // The desk passes the dossier on (one-stop step done).
            b.click("dossier:complete");
            assertEquals("Đang xử lý", b.text("status"));
            b.signOut();

            // --- a specialist of another unit: refused in the screen and over REST --------------------
            b.signIn(OTHER_UNIT);
            b.go("/app/dossier.xhtml?code=" + code);
            // Answered as a missing code (issue 16): the same message as for a code nobody has.
            String refusedText = b.find("messages").getText();
            assertTrue(refusedText.contains("Không tìm thấy"), refusedText);
            assertTrue(b.all(By.id("dossier:complete")).isEmpty(), "no action offered");
            assertTrue(b.all(By.id("code")).isEmpty(), "no dossier data shown");
            b.screenshot("other-unit-refused");
            b.go("/app/dossier.xhtml?code=" + code.substring(0, code.length() - 4) + "9" + code.substring(code.length() - 3));
            assertEquals(refusedText, b.find("messages").getText(), "a missing code reads the same");
            b.go("/app/inbox.xhtml");
            assertFalse(b.driver().getPageSource().contains(code), "not in the other unit's inbox");
            given().spec(TestServer.api(url)).auth().preemptive().basic(OTHER_UNIT, Browser.DEMO_PASSWORD)
                .when().get("/dossiers/" + code).then().statusCode(404).body("reason", equalTo("NOT_FOUND"));
            given().spec(TestServer.api(url)).auth().preemptive().basic(OTHER_UNIT, Browser.DEMO_PASSWORD)
                .contentType("application/json").body("{}")
                .when().post("/dossiers/" + code + "/complete-step").then().statusCode(404);
            b.signOut();

            // --- specialist of the unit: finds it in the inbox, appraises ------------------------------
            b.signIn(SPECIALIST);
            b.wait(20).until(ExpectedConditions.presenceOfElementLocated(By.linkText(code)));
            b.screenshot("specialist-inbox");
            b.driver().findElement(By.linkText(code)).click();
            b.settle();
            assertTrue(b.all(By.id("dossier:approve")).isEmpty(), "a specialist cannot approve");
            b.type("dossier:note", "Hồ sơ hợp lệ, đủ điều kiện cấp");
            b.click("dossier:complete");
            b.screenshot("specialist-done");
            b.signOut();

            // --- leader: approves --------------------------------------------------------------------
            b.signIn(LEADER);
            b.go("/app/dossier.xhtml?code=" + code);
            b.screenshot("leader-dossier");
            // The dossier is on time: no apology is offered (issue 9 item 9; DossierClockIT apologises for an
            // overdue one and checks form 04's text).
            assertTrue(b.all(By.id("dossier:reschedule")).isEmpty(), "no apology for a dossier that can finish in time");
            b.click("dossier:approve");
            b.signOut();

            // --- desk: issues (clerk step) and returns the result -------------------------------------
            b.signIn(DESK);
            b.go("/app/dossier.xhtml?code=" + code);
            b.click("dossier:complete");
            assertEquals("Đã có kết quả, chờ trả", b.text("status"));
            b.type("dossier:receivedBy", "Trần Thị Mỹ Duyên");
            b.click("dossier:return");
            assertEquals("Đã trả kết quả", b.text("status"));
            String history = b.find("dossier:history").getText();
            // officers by their full names (issue 9 item 14), not their user names
            for (String who : List.of("Lê Thị Hoa", "Nguyễn Văn Đức", "Trần Quốc Tuấn")) {
                assertTrue(history.contains(who), "history names " + who);
            }
            assertTrue(history.contains("Hồ sơ hợp lệ, đủ điều kiện cấp"), "the specialist's note is kept");
            b.screenshot("desk-returned-timeline");

            // The processing control sheet (form 06) lists the steps with their handlers.
            String sheetUrl = b.driver().findElement(By.xpath("//a[contains(@href,'/forms/control-sheet')]")).getAttribute("href");
            HttpResponse<byte[]> sheet = b.fetch(sheetUrl);
            assertEquals(200, sheet.statusCode());
            String sheetText = Pdfs.text(sheet.body());
            assertTrue(sheetText.contains(code));
            assertEquals(code, Pdfs.qr(sheet.body()));

            // Over REST the same dossier is RETURNED with the desk officer as the last actor.
            given().spec(TestServer.api(url)).auth().preemptive().basic(DESK, Browser.DEMO_PASSWORD)
                .when().get("/dossiers/" + code).then().statusCode(200)
                .body("status", equalTo("RETURNED")).body("history[-1].actor", equalTo(DESK));
            b.go("/app/dashboard.xhtml");
            b.screenshot("desk-dashboard");
            b.go("/app/tracking-book.xhtml");
            assertTrue(b.driver().getPageSource().contains(code), "the tracking book lists the dossier");
            b.screenshot("desk-tracking-book");
            b.signOut();
        }
    }

    @Test
    @DisplayName("Online submissions are accepted and refused from the dossier page (issue 9 §1)")
    void onlineSubmissionFromThePage() {
        Map<String, Object> online = Map.of("procedureCode", "1.004873", "receivingAgencyCode", "QT25.XA_VINH_LINH",
            "channel", "ONLINE", "applicant", Map.of("kind", "INDIVIDUAL", "name", "Đinh Thị Trực Tuyến",
                "idNumber", "045090002222", "phone", "0912000222"));
        String first = given().spec(TestServer.api(url)).auth().preemptive().basic(DESK, Browser.DEMO_PASSWORD)
            .contentType("application/json").body(online).when().post("/dossiers").then().statusCode(201)
            .extract().path("code");
        String second = given().spec(TestServer.api(url)).auth().preemptive().basic(DESK, Browser.DEMO_PASSWORD)
            .contentType("application/json").body(online).when().post("/dossiers").then().statusCode(201)
            .extract().path("code");
        try (Browser b = Browser.open(TestServer.appRoot(url))) {
            try {
                b.signIn(DESK);
                b.go("/app/dossier.xhtml?code=" + first);
                assertEquals("Chờ tiếp nhận trực tuyến", b.text("status"));
                assertTrue(b.driver().getPageSource().contains("Ngày nộp trực tuyến"), "submitted, not yet received");
                b.screenshot("online-submission");
                b.click("dossier:accept");
                assertEquals("Đã tiếp nhận", b.text("status"), b.find("messages").getText());
                assertFalse(b.find("messages").getText().contains("người khác thay đổi"), b.find("messages").getText());
                assertTrue(b.driver().getPageSource().contains("Ngày tiếp nhận"));
                b.go("/app/dossier.xhtml?code=" + second);
                b.type("dossier:reason", "Hồ sơ không thuộc thẩm quyền giải quyết của xã");
                b.click("dossier:refuse");
                assertEquals("Từ chối tiếp nhận", b.text("status"), b.find("messages").getText());
                b.screenshot("online-refused");
            } catch (Throwable t) {
                b.evidence("online");
                throw t;
            }
        }
        given().spec(TestServer.api(url)).auth().preemptive().basic(DESK, Browser.DEMO_PASSWORD).when()
            .get("/dossiers/" + second).then().body("status", equalTo("REFUSED"))
            .body("history[-1].reason", equalTo("Hồ sơ không thuộc thẩm quyền giải quyết của xã"));
    }

    @Test
    @DisplayName("Language switch, administrator's screens, and the session timeout back to sign-in (C19)")
    void languageAdminAndSessionExpiry() {
        try (Browser b = Browser.open(TestServer.appRoot(url))) {
            try {
                languageAndAdmin(b);
            } catch (Throwable t) {
                b.evidence("admin");
                throw t;
            }
        }
    }

    private void languageAndAdmin(Browser b) {
        {
            b.signIn(ADMIN);
            assertTrue(b.driver().getPageSource().contains("Hồ sơ cần xử lý"));
            b.clickAndLoad("shell:lang-en");
            b.wait(20).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Dossiers waiting for me"));
            b.screenshot("admin-inbox-english");
            b.clickAndLoad("shell:lang-vi");
            b.go("/app/admin/accounts.xhtml");
            String accounts = b.find("list:accounts").getText();
            for (String u : List.of(DESK, SPECIALIST, LEADER, OTHER_UNIT, "quantri.vinhlinh")) {
                assertTrue(accounts.contains(u), "accounts list shows " + u);
            }
            b.screenshot("admin-accounts");
            b.go("/app/search.xhtml");
            b.screenshot("admin-search");
            b.go("/app/admin/agencies.xhtml");
            assertTrue(b.driver().getPageSource().contains("Xã Vĩnh Linh"), "the agency tree shows the communes");
            b.screenshot("admin-agencies");
            b.go("/app/admin/procedures.xhtml");
            b.type("search:text", "dang ky dat dai");
            b.click("search:apply");
            assertTrue(b.find("search:table").getText().contains("H50-L006"), "catalogue search without diacritics");
            b.screenshot("admin-procedures");
            b.go("/app/admin/calendar.xhtml");
            assertTrue(b.find("list:entries").getText().contains("Tết Nguyên đán"), "the year's holidays are listed");
            b.screenshot("admin-calendar");
            b.go("/app/admin/exchange.xhtml");
            assertTrue(b.driver().getPageSource().contains("Hàng đợi gửi đi"), "the outbound queue is shown");
            b.click("exchange:verify");
            b.wait(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("exchange:logPanel"), "Nhật ký toàn vẹn"));
            b.screenshot("admin-exchange");

            // The session times out while a page is open: the next Ajax click shows the sign-in page.
            b.go("/app/inbox.xhtml");
            b.expireSession();
            b.driver().findElement(By.id("inbox:apply")).click();
            b.wait(30).until(ExpectedConditions.presenceOfElementLocated(By.id("signin:username")));
            assertTrue(b.driver().getPageSource().contains("Phiên làm việc đã hết hạn"), "says the session expired");
            b.screenshot("session-expired");
        }
    }
}
