package vn.gov.quangtri.motcua.it;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.HashMap;
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
import vn.gov.quangtri.motcua.it.TestAccounts.Account;

/**
 * Account administration (issue 9 items 4, 5, 14): editing over REST with the rules of creation, a locked
 * account's open session ending at its next click with the reason on the sign-in page, a role change ending
 * the session too, the own password typed twice, and the dossier history naming officers by full name.
 * Accounts are created per run with unique user names (the database of a round outlives the test classes);
 * those used in the browser belong to the province unit {@code QT} and start with {@code a-}, so they are on
 * the first page of the system administrator's list.
 */
@MotcuaIT
class AccountAdministrationIT {

    private static final String VINH_LINH = "QT25.XA_VINH_LINH";
    private static final String DONG_HA = "QT25.PHUONG_DONG_HA";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return EarDeployment.ear();
    }

    @ArquillianResource
    URL url;

    private static String unique(String prefix) {
        return prefix + Long.toString(System.nanoTime() % 1_000_000_000_000L, 36);
    }

    /** Creates an account as the province's system administrator (201). */
    private void create(String username, String fullName, String agencyCode, String... roles) {
        TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).body(Map.of("username", username, "fullName", fullName,
                "password", TestAccounts.TEST_PASSWORD, "agencyCode", agencyCode, "roles", List.of(roles),
                "reason", "Kiểm thử quản trị tài khoản"))
            .when().post("/accounts").then().statusCode(201);
    }

    private static Map<String, Object> edit(String fullName, String agencyCode, List<String> roles, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("fullName", fullName);
        body.put("agencyCode", agencyCode);
        body.put("roles", roles);
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    @Test
    @DisplayName("PUT /accounts/{username}: an agency administrator edits within its units, never grants SYSTEM_ADMIN, needs a reason")
    void editOverRest() {
        String name = unique("kt.sua.");
        create(name, "Hồ Thị Sửa", VINH_LINH, "SPECIALIST");
        Account admin = TestAccounts.ADMIN_VINH_LINH;

        TestAccounts.as(url, admin).body(edit("Hồ Thị Sửa", VINH_LINH, List.of("SPECIALIST", "SYSTEM_ADMIN"), "r"))
            .when().put("/accounts/" + name).then().statusCode(403).body("reason", equalTo("ROLE_NOT_GRANTABLE"));
        TestAccounts.as(url, admin).body(edit("Hồ Thị Sửa", DONG_HA, List.of("SPECIALIST"), "r"))
            .when().put("/accounts/" + name).then().statusCode(403).body("reason", equalTo("OUT_OF_SCOPE"));
        TestAccounts.as(url, admin).body(edit("Đặng Văn Hùng", DONG_HA, List.of("SPECIALIST", "LEADER"), "r"))
            .when().put("/accounts/" + TestAccounts.SPECIALIST_DONG_HA.username()).then().statusCode(404)
            .body("reason", equalTo("NOT_FOUND")); // another unit's account answers as an unknown one (issue 16)
        TestAccounts.as(url, admin).body(edit("Hồ Thị Sửa", VINH_LINH, List.of("SPECIALIST", "LEADER"), null))
            .when().put("/accounts/" + name).then().statusCode(422).contentType("application/problem+json")
            .body("reason", equalTo("REASON_REQUIRED"));
        Map<String, Object> renamed = edit("Hồ Thị Sửa", VINH_LINH, List.of("SPECIALIST"), "r");
        renamed.put("username", "someone.else");
        TestAccounts.as(url, admin).body(renamed).when().put("/accounts/" + name).then().statusCode(400);
        TestAccounts.as(url, admin).body(edit("X Y", VINH_LINH, List.of("SPECIALIST"), "r"))
            .when().put("/accounts/" + name + ".unknown").then().statusCode(404);
        TestAccounts.as(url, TestAccounts.SPECIALIST_VINH_LINH).body(edit("Hồ Thị Sửa", VINH_LINH,
            List.of("SPECIALIST", "LEADER"), "r")).when().put("/accounts/" + name).then().statusCode(403)
            .body("reason", equalTo("ROLE_REQUIRED"));
        // nothing of the refused edits was stored
        TestAccounts.as(url, admin).get("/accounts/" + name).then().statusCode(200)
            .body("fullName", equalTo("Hồ Thị Sửa")).body("roles", equalTo(List.of("SPECIALIST")));

        TestAccounts.as(url, admin).body(edit("Hồ Thị Thu Sửa", VINH_LINH, List.of("SPECIALIST", "LEADER"),
                "Quyết định 17/QĐ-UBND phân công (kiểm thử)"))
            .when().put("/accounts/" + name).then().statusCode(200)
            .body("username", equalTo(name)).body("fullName", equalTo("Hồ Thị Thu Sửa"))
            .body("agencyCode", equalTo(VINH_LINH)).body("roles", equalTo(List.of("LEADER", "SPECIALIST")));
        TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).get("/accounts/" + name).then().statusCode(200)
            .body("fullName", equalTo("Hồ Thị Thu Sửa")).body("roles", equalTo(List.of("LEADER", "SPECIALIST")));
        TestAccounts.as(url, admin).body(edit("Hồ Thị Thu Sửa", VINH_LINH, List.of("SPECIALIST", "LEADER"), "r"))
            .when().put("/accounts/" + name).then().statusCode(422).body("reason", equalTo("NO_CHANGE"));

        // lock and unlock over REST, with a reason; "active" in the edit body is refused, not ignored
        Map<String, Object> withActive = edit("Hồ Thị Thu Sửa", VINH_LINH, List.of("SPECIALIST", "LEADER"), "r");
        withActive.put("active", false);
        TestAccounts.as(url, admin).body(withActive).when().put("/accounts/" + name).then().statusCode(400)
            .body("errors[0]", org.hamcrest.Matchers.startsWith("active: not accepted here"));
        TestAccounts.as(url, admin).body(Map.of("active", false)).when().put("/accounts/" + name + "/active").then()
            .statusCode(422).body("reason", equalTo("REASON_REQUIRED"));
        TestAccounts.as(url, admin).body(Map.of("active", false, "reason", "Nghỉ việc (kiểm thử)"))
            .when().put("/accounts/" + name + "/active").then().statusCode(200).body("active", equalTo(false));
        TestAccounts.as(url, admin).body(Map.of("active", false, "reason", "lần hai"))
            .when().put("/accounts/" + name + "/active").then().statusCode(422).body("reason", equalTo("NO_CHANGE"));
        TestAccounts.as(url, admin).body(Map.of("active", true, "reason", "Đi làm lại (kiểm thử)"))
            .when().put("/accounts/" + name + "/active").then().statusCode(200).body("active", equalTo(true));
    }

    @Test
    @DisplayName("Issue 16: DELETE /accounts/{username} removes an account never used (audited, reason required);"
        + " a used one is 409 ACCOUNT_USED and stays; administrators of its unit only")
    void deleteUnusedAccounts() {
        Account admin = TestAccounts.ADMIN_VINH_LINH;
        String unused = unique("xoa") + ".vinhlinh";
        String used = unique("dadung") + ".vinhlinh";
        String elsewhere = unique("xoa") + ".dongha";
        create(unused, "Tài khoản thử chưa dùng", VINH_LINH, "SPECIALIST");
        create(used, "Tài khoản thử đã dùng", VINH_LINH, "SPECIALIST");
        create(elsewhere, "Tài khoản thử Đông Hà", DONG_HA, "SPECIALIST");
        TestAccounts.basic(url, used, TestAccounts.TEST_PASSWORD).get("/accounts/me").then().statusCode(200);

        // Not for officers, nor for another unit's administrator; a reason is required.
        TestAccounts.as(url, TestAccounts.SPECIALIST_VINH_LINH).queryParam("reason", "x").when()
            .delete("/accounts/" + unused).then().statusCode(403).body("reason", equalTo("ROLE_REQUIRED"));
        TestAccounts.as(url, admin).queryParam("reason", "Tạo nhầm").when().delete("/accounts/" + elsewhere).then()
            .statusCode(404).body("reason", equalTo("NOT_FOUND"));
        TestAccounts.as(url, admin).when().delete("/accounts/" + unused).then().statusCode(422)
            .body("reason", equalTo("REASON_REQUIRED"));
        TestAccounts.as(url, admin).queryParam("reason", "Tự xóa").when().delete("/accounts/" + admin.username())
            .then().statusCode(422).body("reason", equalTo("SELF_DELETE"));

        // Ever signed in: kept, 409 with a problem body; it can still be disabled.
        TestAccounts.as(url, admin).queryParam("reason", "Tài khoản thử").when().delete("/accounts/" + used).then()
            .statusCode(409).contentType("application/problem+json").body("status", equalTo(409))
            .body("reason", equalTo("ACCOUNT_USED"))
            .body("detail", org.hamcrest.Matchers.containsString("signed in"));
        TestAccounts.as(url, admin).get("/accounts/" + used).then().statusCode(200);
        TestAccounts.as(url, admin).body(Map.of("active", false, "reason", "Tài khoản thử (kiểm thử)"))
            .when().put("/accounts/" + used + "/active").then().statusCode(200).body("active", equalTo(false));
        TestAccounts.basic(url, used, TestAccounts.TEST_PASSWORD).get("/accounts/me").then().statusCode(401);

        // Never used: deleted, audited, gone (404, its password refused); the name is free again.
        TestAccounts.as(url, admin).queryParam("reason", "Tạo nhầm (kiểm thử)").when().delete("/accounts/" + unused)
            .then().statusCode(204);
        TestAccounts.as(url, admin).get("/accounts/" + unused).then().statusCode(404);
        TestAccounts.as(url, admin).queryParam("reason", "lần hai").when().delete("/accounts/" + unused).then()
            .statusCode(404);
        TestAccounts.basic(url, unused, TestAccounts.TEST_PASSWORD).get("/accounts/me").then().statusCode(401);
        create(unused, "Tài khoản thử tạo lại", VINH_LINH, "SPECIALIST");
        TestAccounts.as(url, admin).get("/accounts/" + unused + "/changes").then().statusCode(200)
            .body("[0].action", equalTo("ACCOUNT_CREATE")).body("[1].action", equalTo("ACCOUNT_DELETE"))
            .body("[1].actor", equalTo(admin.username())).body("[1].reason", equalTo("Tạo nhầm (kiểm thử)"))
            .body("[1].details", org.hamcrest.Matchers.containsString("Tài khoản thử chưa dùng"));
        TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).queryParam("reason", "Dọn tài khoản thử").when()
            .delete("/accounts/" + unused).then().statusCode(204);
        TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).queryParam("reason", "Dọn tài khoản thử").when()
            .delete("/accounts/" + elsewhere).then().statusCode(204);
    }

    @Test
    @DisplayName("Locked while signed in: the next click lands on sign-in with the reason; Basic 401; a role change ends the session too")
    void lockAndRoleChangeEndSessions() throws Exception {
        String locked = unique("a-khoa-");
        String changed = unique("a-doi-");
        create(locked, "Ngô Thị Khóa", "QT", "DESK_OFFICER");
        create(changed, "Lý Văn Đổi", "QT", "DESK_OFFICER");
        TestAccounts.basic(url, locked, TestAccounts.TEST_PASSWORD).get("/accounts/me").then().statusCode(200);
        try (Browser officer = Browser.open(TestServer.appRoot(url));
             Browser admin = Browser.open(TestServer.appRoot(url))) {
            try {
                officer.signIn(locked, TestAccounts.TEST_PASSWORD);
                officer.go("/app/account.xhtml");

                admin.signIn(TestAccounts.SYSTEM_ADMIN.username());
                admin.go("/app/admin/accounts.xhtml");
                // The edit dialog: name corrected with a reason, audited old → new.
                rowButton(admin, changed, "edit").click();
                admin.settle();
                admin.wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("edit:fullName")));
                assertEquals("Lý Văn Đổi", admin.find("edit:fullName").getAttribute("value"));
                admin.type("edit:fullName", "Lý Văn Đổi Mới");
                admin.type("edit:reason", "Sửa họ tên theo căn cước (kiểm thử)");
                admin.screenshot("accounts-edit-dialog");
                admin.click("edit:save");
                assertTrue(admin.text("messages").contains("Đã lưu thay đổi của tài khoản " + changed),
                    admin.text("messages"));
                assertTrue(admin.text("list:accounts").contains("Lý Văn Đổi Mới"), admin.text("list:accounts"));
                String edited = admin.text("audit");
                assertTrue(edited.contains("Sửa tài khoản") && edited.contains("họ tên: Lý Văn Đổi → Lý Văn Đổi Mới")
                    && edited.contains("Sửa họ tên theo căn cước (kiểm thử)"), edited);

                rowButton(admin, locked, "toggle").click();
                admin.settle();
                admin.wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("lock:reason")));
                admin.type("lock:reason", "Cán bộ nghỉ việc (kiểm thử)");
                admin.click("lock:confirm");
                assertTrue(admin.text("messages").contains("Đã khóa tài khoản " + locked), admin.text("messages"));
                String audit = admin.text("audit");
                assertTrue(audit.contains("Khóa tài khoản") && audit.contains("Cán bộ nghỉ việc (kiểm thử)")
                    && audit.contains(locked), audit);
                admin.screenshot("accounts-locked");

                // The officer's next click (an Ajax post) ends on the sign-in page, with the reason.
                officer.driver().findElement(By.id("password:change")).click();
                officer.wait(30).until(ExpectedConditions.urlContains("/login.xhtml"));
                officer.settle();
                assertTrue(officer.driver().getCurrentUrl().contains("ended=locked"), officer.driver().getCurrentUrl());
                assertTrue(officer.text("ended-locked").contains("Tài khoản đã bị khóa"), officer.text("ended-locked"));
                officer.screenshot("signin-after-lock");
                TestAccounts.basic(url, locked, TestAccounts.TEST_PASSWORD).get("/accounts/me").then().statusCode(401);

                // A role change (REST edit) ends the other officer's session at its next page.
                officer.signIn(changed, TestAccounts.TEST_PASSWORD);
                officer.go("/app/search.xhtml");
                TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).body(edit("Lý Văn Đổi Mới", "QT",
                        List.of("DESK_OFFICER", "SPECIALIST"), "Bổ sung vai trò chuyên viên (kiểm thử)"))
                    .when().put("/accounts/" + changed).then().statusCode(200);
                officer.go("/app/inbox.xhtml");
                assertTrue(officer.driver().getCurrentUrl().contains("ended=changed"), officer.driver().getCurrentUrl());
                assertTrue(officer.text("ended-changed").contains("Quyền hoặc đơn vị của tài khoản đã thay đổi"),
                    officer.text("ended-changed"));
                officer.screenshot("signin-after-role-change");
                officer.signIn(changed, TestAccounts.TEST_PASSWORD);
                officer.go("/app/account.xhtml");
                assertEquals("Cán bộ tiếp nhận và trả kết quả, Chuyên viên xử lý", officer.text("me-roles"),
                    "the new roles are shown after signing in again");
            } catch (Throwable t) {
                officer.evidence("account-session-officer");
                admin.evidence("account-session-admin");
                throw t;
            }
        }
    }

    @Test
    @DisplayName("Own password typed twice: a mismatch changes nothing; a match changes it")
    void ownPasswordConfirmation() throws Exception {
        String name = unique("a-mk-");
        create(name, "Trịnh Thị Mật", "QT", "SPECIALIST");
        try (Browser b = Browser.open(TestServer.appRoot(url))) {
            try {
                b.signIn(name, TestAccounts.TEST_PASSWORD);
                b.go("/app/account.xhtml");
                b.type("password:current", TestAccounts.TEST_PASSWORD);
                b.type("password:new", "MatKhauMoi2026");
                b.type("password:confirm", "MatKhauKhac2026");
                b.click("password:change");
                assertTrue(b.text("messages").contains("không khớp"), b.text("messages"));
                b.screenshot("own-password-mismatch");
                TestAccounts.basic(url, name, TestAccounts.TEST_PASSWORD).get("/accounts/me").then().statusCode(200);
                TestAccounts.basic(url, name, "MatKhauMoi2026").get("/accounts/me").then().statusCode(401);

                b.type("password:current", TestAccounts.TEST_PASSWORD);
                b.type("password:new", "MatKhauMoi2026");
                b.type("password:confirm", "MatKhauMoi2026");
                b.click("password:change");
                assertTrue(b.text("messages").contains("Đã đổi mật khẩu"), b.text("messages"));
                TestAccounts.basic(url, name, "MatKhauMoi2026").get("/accounts/me").then().statusCode(200);
            } catch (Throwable t) {
                b.evidence("own-password");
                throw t;
            }
        }
    }

    @Test
    @DisplayName("Dossier history and steps name the officer by full name, the user name as tooltip")
    void historyShowsFullNames() throws Exception {
        String code = TestAccounts.as(url, TestAccounts.DESK_VINH_LINH).body(Map.of("procedureCode", "1.004873",
                "receivingAgencyCode", VINH_LINH, "channel", "DIRECT",
                "applicant", Map.of("kind", "INDIVIDUAL", "name", "Đoàn Thị Lịch Sử", "idNumber", "045090003333",
                    "phone", "0912000333", "address", "Khu phố 5, xã Vĩnh Linh, tỉnh Quảng Trị"),
                "documents", List.of(Map.of("requiredPosition", 1, "form", "ORIGINAL"),
                    Map.of("requiredPosition", 2, "form", "COPY")),
                "submittedAt", "2026-04-14T09:00:00+07:00"))
            .when().post("/dossiers").then().statusCode(201).extract().path("code");
        try (Browser b = Browser.open(TestServer.appRoot(url))) {
            try {
                b.signIn(TestAccounts.ADMIN_VINH_LINH.username());
                b.go("/app/dossier.xhtml?code=" + code);
                WebElement actor = b.find("dossier:history").findElement(By.cssSelector("tbody tr .mc-actor"));
                assertEquals("Lê Thị Hoa", actor.getText().strip());
                assertEquals("tiepnhan.vinhlinh", actor.getAttribute("title"));
                b.screenshot("history-full-names");
            } catch (Throwable t) {
                b.evidence("history-full-names");
                throw t;
            }
        }
    }

    /** The button of an account's row in the accounts list ({@code edit}, {@code toggle}, {@code reset}). */
    @Test
    @DisplayName("Issue 12: 20 wrong passwords on the sign-in form lock the account (the form says until when, even for"
        + " the right password); the accounts screen shows the lock and its button lifts it (audited); then sign-in works")
    void signInLockOnScreen() throws Exception {
        String user = unique("a-sai-");
        create(user, "Trịnh Văn Sai", "QT", "DESK_OFFICER");
        try (Browser officer = Browser.open(TestServer.appRoot(url));
             Browser admin = Browser.open(TestServer.appRoot(url))) {
            try {
                for (int i = 1; i <= 20; i++) {
                    officer.go("/login.xhtml");
                    officer.driver().findElement(By.id("signin:username")).sendKeys(user);
                    officer.driver().findElement(By.id("signin:password")).sendKeys("Sai" + i + "MatKhau");
                    officer.driver().findElement(By.id("signin:submit")).click();
                    officer.settle();
                    // Wait for the refusal itself (answered up to 1 s late by the throttle) before the next try, so
                    // that a slow answer is not cut off by the next page load and all 20 failures are counted.
                    officer.wait(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("signin:msgs"),
                        "Tên đăng nhập hoặc mật khẩu không đúng"));
                }
                officer.go("/login.xhtml");
                officer.driver().findElement(By.id("signin:username")).sendKeys(user);
                officer.driver().findElement(By.id("signin:password")).sendKeys(TestAccounts.TEST_PASSWORD);
                officer.driver().findElement(By.id("signin:submit")).click();
                officer.settle();
                officer.wait(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("signin:msgs"),
                    "Tài khoản tạm bị khóa"));
                String said = officer.text("signin:msgs");
                assertTrue(said.contains("Tài khoản tạm bị khóa đăng nhập đến") && said.contains("nhập sai mật khẩu nhiều lần"),
                    said);
                officer.screenshot("signin-locked");
                TestAccounts.basic(url, user, TestAccounts.TEST_PASSWORD).get("/accounts/me").then().statusCode(401)
                    .body("reason", org.hamcrest.Matchers.equalTo("ACCOUNT_LOCKED"));

                admin.signIn(TestAccounts.SYSTEM_ADMIN.username());
                admin.go("/app/admin/accounts.xhtml");
                assertTrue(admin.text("list:accounts").contains("Sai mật khẩu nhiều lần, khóa đến"),
                    admin.text("list:accounts"));
                admin.screenshot("accounts-sign-in-locked");
                rowButton(admin, user, "liftSignInLock").click();
                admin.settle();
                admin.wait(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                    "Đã mở khóa đăng nhập cho tài khoản " + user));
                String audit = admin.text("audit");
                assertTrue(audit.contains(user) && audit.contains("Quản trị viên mở khóa đăng nhập trên màn hình tài khoản"),
                    audit);

                officer.signIn(user, TestAccounts.TEST_PASSWORD);
                officer.go("/app/account.xhtml");
            } catch (Throwable t) {
                officer.evidence("sign-in-lock-officer");
                admin.evidence("sign-in-lock-admin");
                throw t;
            }
        }
    }

    private static WebElement rowButton(Browser b, String username, String button) {
        return b.wait(20).until(ExpectedConditions.elementToBeClickable(By.xpath(
            "//tbody[@id='list:accounts_data']/tr[.//span[@class='mc-username' and normalize-space()='" + username
                + "']]//*[contains(@id,':" + button + "')]")));
    }

    /** The problem body of an answer with the user name replaced by {@code <name>} (the only part that may differ). */
    private static String withoutName(io.restassured.response.Response r, String name) {
        return r.statusCode() + " " + r.contentType() + " " + r.asString().replace(name, "<name>");
    }

    @Test
    @DisplayName("Issue 16: for an agency administrator, every account endpoint answers another unit's account exactly"
        + " as a user name nobody has (404 NOT_FOUND, same body); an officer gets 403 ROLE_REQUIRED for both")
    void otherUnitsAccountsAnswerAsUnknown() {
        String suffix = unique("") + ".dongha";
        String other = "kt.khac." + suffix;
        String unknown = "kt.khon." + suffix; // same length: the bodies differ only by the name
        create(other, "Tài khoản Đông Hà thử", DONG_HA, "SPECIALIST");
        Account admin = TestAccounts.ADMIN_VINH_LINH;
        Map<String, Object> editBody = edit("Tài khoản Đông Hà thử", VINH_LINH, List.of("SPECIALIST"), "Kiểm thử");
        for (String[] call : new String[][] {
                {"GET", ""}, {"GET", "/changes"}, {"PUT", ""}, {"PUT", "/active"}, {"PUT", "/password"},
                {"DELETE", "?reason=Kiểm+thử"}, {"DELETE", "/sign-in-lock"}}) {
            java.util.function.BiFunction<Account, String, io.restassured.response.Response> send = (who, name) -> {
                var req = TestAccounts.as(url, who);
                String path = "/accounts/" + name + (call[1].startsWith("?") ? "" : call[1]);
                if (call[1].startsWith("?")) {
                    req = req.queryParam("reason", "Kiểm thử");
                }
                return switch (call[0]) {
                    case "GET" -> req.get(path);
                    case "DELETE" -> req.delete(path);
                    default -> req.body(call[1].equals("/active") ? Map.of("active", false, "reason", "Kiểm thử")
                        : call[1].equals("/password") ? Map.of("password", "MatKhauMoi2026", "reason", "Kiểm thử")
                        : editBody).put(path);
                };
            };
            io.restassured.response.Response ofOther = send.apply(admin, other);
            io.restassured.response.Response ofNobody = send.apply(admin, unknown);
            assertEquals(404, ofOther.statusCode(), call[0] + call[1] + ": " + ofOther.asString());
            assertEquals(withoutName(ofNobody, unknown), withoutName(ofOther, other), call[0] + call[1]);
            assertEquals("NOT_FOUND", ofOther.path("reason"));
            // An officer learns nothing either: the role is checked before the account is looked up.
            io.restassured.response.Response officerOther = send.apply(TestAccounts.SPECIALIST_VINH_LINH, other);
            io.restassured.response.Response officerNobody = send.apply(TestAccounts.SPECIALIST_VINH_LINH, unknown);
            assertEquals(403, officerOther.statusCode(), call[0] + call[1] + ": " + officerOther.asString());
            assertEquals(withoutName(officerNobody, unknown), withoutName(officerOther, other), call[0] + call[1]);
        }
        // Nothing was changed: the province's administrator still sees the account as created, active.
        TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).get("/accounts/" + other).then().statusCode(200)
            .body("agencyCode", equalTo(DONG_HA)).body("active", equalTo(true));
    }

    @Test
    @DisplayName("Issue 16: after 20 wrong passwords a user name nobody has is answered 401 ACCOUNT_LOCKED exactly as an"
        + " existing account is (same reason, detail and Retry-After); before that both are BAD_CREDENTIALS")
    void lockDoesNotRevealWhoExists() {
        String real = unique("kt.khoa.") + ".vinhlinh";
        String nobody = unique("kt.khoa.") + ".vinhlinh";
        create(real, "Tài khoản khóa thử", VINH_LINH, "SPECIALIST");
        for (int i = 1; i <= 20; i++) {
            for (String name : List.of(real, nobody)) {
                TestAccounts.basic(url, name, "Sai" + i + "MatKhau").get("/accounts/me").then().statusCode(401)
                    .body("reason", equalTo("BAD_CREDENTIALS"));
            }
        }
        io.restassured.response.Response lockedReal = TestAccounts.basic(url, real, TestAccounts.TEST_PASSWORD)
            .get("/accounts/me");
        io.restassured.response.Response lockedNobody = TestAccounts.basic(url, nobody, TestAccounts.TEST_PASSWORD)
            .get("/accounts/me");
        for (io.restassured.response.Response r : List.of(lockedReal, lockedNobody)) {
            assertEquals(401, r.statusCode(), r.asString());
            assertEquals("ACCOUNT_LOCKED", r.path("reason"));
            int retryAfter = Integer.parseInt(r.header("Retry-After"));
            assertTrue(retryAfter > 14 * 60 && retryAfter <= 15 * 60 + 1, "Retry-After " + retryAfter);
        }
        // The detail names the end of the lock (HH:mm): the same minute but for a minute boundary in between.
        assertEquals(lockedReal.<String>path("detail").replaceAll("\\d\\d:\\d\\d", "hh:mm"),
            lockedNobody.<String>path("detail").replaceAll("\\d\\d:\\d\\d", "hh:mm"));
        TestAccounts.as(url, TestAccounts.ADMIN_VINH_LINH).queryParam("reason", "Kiểm thử").when()
            .delete("/accounts/" + real + "/sign-in-lock").then().statusCode(200);
        TestAccounts.basic(url, real, TestAccounts.TEST_PASSWORD).get("/accounts/me").then().statusCode(200);
    }
}
