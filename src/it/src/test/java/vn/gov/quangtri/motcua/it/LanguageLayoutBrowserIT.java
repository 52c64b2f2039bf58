package vn.gov.quangtri.motcua.it;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 9 items 8, 13 and 14 in headless Chromium: every screen of every demonstration role in Vietnamese
 * holds no English (also after typical refusals), the longest legal values (a 200-character account name,
 * a 300-character applicant name) keep the header usable and wrap in tables, over-long input is refused
 * with a message instead of being cut, control characters are refused on screen and over REST, the
 * exchange page refuses an agency administrator and a click on a catalogue row opens the procedure.
 * Screenshots in {@code target/screenshots/<database>/}.
 */
@MotcuaIT
class LanguageLayoutBrowserIT {

    /**
     * English words that do not occur in the Vietnamese screens (whole words, any case). Codes (tokens with a
     * digit, '_', '.', '-' or '@'), product names and abbreviations (Excel, PDF, QR, VI/EN) are not words here.
     */
    static final Set<String> ENGLISH = Set.of("the", "of", "and", "is", "are", "be", "was", "from", "with", "within",
        "must", "could", "cannot", "not", "choose", "select", "please", "answer", "affected", "required", "invalid",
        "found", "names", "only", "kind", "agency", "understood", "date", "time", "open", "dossier", "dossiers",
        "labour", "code", "art", "official", "schedule", "tbd", "error", "value", "validation", "records", "leg",
        "partner", "unknown", "failed", "missing", "allowed", "characters", "message", "pending", "removed",
        "revision", "parent", "successor", "valid", "loading", "computed", "lunar", "government", "news",
        "recollection", "timeout", "connect", "refused", "working", "day", "days", "hours", "overdue", "none");

    private static final Pattern CODE_LIKE = Pattern.compile("[\\p{L}\\p{N}]*[\\p{N}_.@/\\\\-][\\p{L}\\p{N}_.@/\\\\-]*");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private static final TestAccounts.Account DESK = TestAccounts.DESK_VINH_LINH;
    private static final TestAccounts.Account SPECIALIST = TestAccounts.SPECIALIST_VINH_LINH;
    private static final TestAccounts.Account LEADER = TestAccounts.LEADER_VINH_LINH;
    private static final TestAccounts.Account UNIT_ADMIN = TestAccounts.ADMIN_VINH_LINH;
    private static final TestAccounts.Account SYSTEM_ADMIN = TestAccounts.SYSTEM_ADMIN;

    /** Pages every account sees. */
    private static final List<String> COMMON = List.of("/app/inbox.xhtml", "/app/search.xhtml", "/app/dashboard.xhtml",
        "/app/tracking-book.xhtml", "/app/account.xhtml");
    /** Administration pages (agency and system administrators). */
    private static final List<String> ADMIN = List.of("/app/admin/accounts.xhtml", "/app/admin/agencies.xhtml",
        "/app/admin/procedures.xhtml", "/app/admin/calendar.xhtml", "/app/admin/audit.xhtml");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return EarDeployment.ear();
    }

    @ArquillianResource
    URL url;

    /** English words of a visible text, each with a little context ("word: …context…"). */
    static List<String> english(String visibleText) {
        String text = CODE_LIKE.matcher(visibleText).replaceAll(" ");
        List<String> found = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            if (ENGLISH.contains(m.group().toLowerCase(Locale.ROOT))) {
                int from = Math.max(0, m.start() - 40);
                int to = Math.min(text.length(), m.end() + 40);
                found.add(m.group() + ": …" + text.substring(from, to).replaceAll("\\s+", " ") + "…");
            }
        }
        return found;
    }

    @Test
    @DisplayName("The English scan catches each example of issue 9 item 8 and passes Vietnamese")
    void scanCatchesTheReportedExamples() {
        for (String example : List.of(
                "Leg 1 names only a kind of agency (LAND_REGISTRATION_OFFICE): choose the agency",
                "Ngày hẹn mới: '31/02/2026 25:99' could not be understood as a date and time.",
                "Labour Code 2019 art. 112", "official schedule TBD",
                "statutory \"Quốc khánh\"; open dossiers affected: 2; 000.00.60.H50-260301-0001 → ?",
                "No answer within 20 s from http://localhost:45080/motcua/api/v1/interagency/messages")) {
            assertTrue(!english(example).isEmpty(), example);
        }
        assertEquals(List.of(), english("Hồ sơ 000.00.60.H50-260302-0001 của ông Lê Văn An, xuất Excel, in PDF có mã QR;"
            + " Bộ luật Lao động 2019, Điều 112; chưa có lịch nghỉ chính thức; VI EN Đăng xuất tiepnhan.vinhlinh"
            + " LAND_REGISTRATION_OFFICE QT25.XA_VINH_LINH"));
    }

    @Test
    @DisplayName("Every screen of every role in Vietnamese, also after refusals, holds no English")
    void vietnameseScreensHoldNoEnglish() {
        // received Mon 2 Mar 2026, due 2 Apr 2026: overdue, so the apology and its date picker are offered
        Map<String, Object> overdue = new java.util.HashMap<>(intake("Phạm Thị Hồng"));
        overdue.put("submittedAt", "2026-03-02T10:00:00+07:00");
        String open = TestAccounts.as(url, DESK).body(overdue).when().post("/dossiers")
            .then().statusCode(201).extract().path("code");
        String atLeg = dossierAtLandLeg();
        Map<String, List<String>> english = new java.util.LinkedHashMap<>();
        try (Browser b = Browser.open(TestServer.appRoot(url))) {
            try {
                // desk officer: pages, the reception, a bad new appointment (date and time) on an open dossier
                b.signIn(DESK.username());
                visit(b, english, "desk", COMMON);
                visit(b, english, "desk", List.of("/app/desk/receive.xhtml", "/app/dossier.xhtml?code=" + open));
                b.go("/app/desk/receive.xhtml");
                chooseProcedure(b);
                b.click("reception:receive"); // nothing typed: required fields
                scan(b, english, "desk receive refused");
                b.go("/app/dossier.xhtml?code=" + open);
                setValue(b, "dossier:newDue_input", "31/02/2026 25:99");
                b.click("dossier:reschedule");
                String shown = b.find("messages").getText();
                assertTrue(shown.contains("không phải ngày giờ hợp lệ"), shown);
                scan(b, english, "desk bad date and time");
                b.screenshot("i18n-desk-bad-datetime");
                b.signOut();

                // specialist: pages; the land registration leg needs an agency chosen (was English)
                b.signIn(SPECIALIST.username());
                visit(b, english, "specialist", COMMON);
                b.go("/app/dossier.xhtml?code=" + atLeg);
                WebElement start = b.find("dossier:legs:0:startTransfer");
                start.click();
                b.settle();
                shown = b.find("messages").getText();
                assertTrue(shown.contains("vui lòng chọn cơ quan nhận"), shown);
                String panel = b.find("dossier:interagency").getText();
                assertTrue(panel.contains("(chi nhánh Văn phòng đăng ký đất đai)"), panel); // the kind, not its code
                scan(b, english, "specialist transfer without agency");
                b.screenshot("i18n-specialist-transfer-refused");
                b.signOut();

                b.signIn(LEADER.username());
                visit(b, english, "leader", COMMON);
                visit(b, english, "leader", List.of("/app/dossier.xhtml?code=" + open));
                b.signOut();

                // agency administrator: pages; the exchange page is refused (403 page in Vietnamese)
                b.signIn(UNIT_ADMIN.username());
                visit(b, english, "unit admin", COMMON);
                visit(b, english, "unit admin", ADMIN);
                b.go("/app/admin/exchange.xhtml");
                String page = b.driver().findElement(By.tagName("body")).getText();
                assertTrue(page.contains("403"), page);
                assertTrue(b.all(By.id("exchange:queue")).isEmpty(), "no (empty) queue shown to an agency administrator");
                scan(b, english, "unit admin exchange refused");
                b.screenshot("i18n-unit-admin-exchange-refused");
                b.go("/app/inbox.xhtml"); // the error page has no header
                b.signOut();

                // system administrator: all administration pages, with a calendar edit refused for lack of reason
                b.signIn(SYSTEM_ADMIN.username());
                visit(b, english, "system admin", COMMON);
                visit(b, english, "system admin", ADMIN);
                visit(b, english, "system admin", List.of("/app/admin/exchange.xhtml"));
                b.go("/app/admin/calendar.xhtml");
                b.screenshot("i18n-calendar");
                b.click("add:save");
                scan(b, english, "system admin calendar without reason");
                b.signOut();
            } catch (Throwable t) {
                b.evidence("i18n");
                throw t;
            }
        }
        assertEquals(Map.of(), english, "English words in Vietnamese screens");
    }

    @Test
    @DisplayName("The exchange page answers an agency administrator 403, a system administrator its queues")
    void exchangePageOnlyForSystemAdministrators() throws Exception {
        try (Browser b = Browser.open(TestServer.appRoot(url))) {
            b.signIn(UNIT_ADMIN.username());
            assertEquals(403, b.fetch(TestServer.appRoot(url) + "/app/admin/exchange.xhtml").statusCode());
            assertEquals(200, b.fetch(TestServer.appRoot(url) + "/app/admin/calendar.xhtml").statusCode(),
                "other administration pages stay open to agency administrators");
            b.signOut();
            b.signIn(SYSTEM_ADMIN.username());
            assertEquals(200, b.fetch(TestServer.appRoot(url) + "/app/admin/exchange.xhtml").statusCode());
            b.go("/app/admin/exchange.xhtml");
            b.find("exchange:queue");
        }
    }

    @Test
    @DisplayName("A click on a catalogue row opens the procedure")
    void catalogueRowOpensTheProcedure() {
        try (Browser b = Browser.open(TestServer.appRoot(url))) {
            try {
                b.signIn(SYSTEM_ADMIN.username());
                b.go("/app/admin/procedures.xhtml");
                b.type("search:text", "H50-L006");
                b.click("search:apply");
                WebElement codeCell = b.wait(20).until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//tbody[@id='search:table_data']/tr[1]/td[1]")));
                String code = codeCell.getText().strip();
                codeCell.click();
                b.settle();
                b.wait(20).until(ExpectedConditions.presenceOfElementLocated(By.id("edit")));
                String header = b.driver().findElement(By.cssSelector("#edit .ui-panel-title")).getText();
                assertTrue(header.startsWith(code), header + " / " + code);
                b.screenshot("catalogue-row-opened");
            } catch (Throwable t) {
                b.evidence("catalogue-row");
                throw t;
            }
        }
    }

    @Test
    @DisplayName("Control characters in names: 400 problem naming the field over REST, a message on screen")
    void controlCharactersRefused() {
        TestAccounts.as(url, DESK).body(intake("Hoàng Văn Bình\u0007")).when().post("/dossiers")
            .then().statusCode(400).body("errors", hasItem("applicant.name: control character U+0007 not allowed"));
        TestAccounts.as(url, SYSTEM_ADMIN).body(Map.of("username", "kytu.dieukhien", "fullName", "Lê Văn \u202EnăV",
                "password", TestAccounts.TEST_PASSWORD, "agencyCode", "QT25.XA_VINH_LINH", "roles", List.of("DESK_OFFICER")))
            .when().post("/accounts")
            .then().statusCode(400).body("reason", equalTo("CONTROL_CHARACTER"))
            .body("errors", hasItem("fullName: control character U+202E not allowed"));
        try (Browser b = Browser.open(TestServer.appRoot(url))) {
            b.signIn(DESK.username());
            b.go("/app/desk/receive.xhtml");
            chooseProcedure(b);
            setValue(b, "reception:name", "Trần Thị \u202EnêyuD");
            b.click("reception:receive");
            String shown = b.find("messages").getText();
            assertTrue(shown.contains("không chứa ký tự điều khiển"), shown);
        }
    }

    @Test
    @DisplayName("Longest legal values: header, tables and over-long input")
    void longestLegalValues() {
        String fullName = longText("Tôn Nữ Thị Phương Thảo Công Tằng Tôn Nữ ", 200);
        String applicant = longText("Công ty trách nhiệm hữu hạn một thành viên dịch vụ nông nghiệp và phát triển nông thôn ", 300);
        TestAccounts.Account longName = new TestAccounts.Account("tiepnhan.tendai", fullName, "QT25.XA_VINH_LINH",
            List.of("DESK_OFFICER"), TestAccounts.TEST_PASSWORD, false);
        TestAccounts.ensure(url, longName);
        String code = TestAccounts.as(url, DESK).body(intake(applicant)).when().post("/dossiers")
            .then().statusCode(201).extract().path("code");
        try (Browser b = Browser.open(TestServer.appRoot(url))) {
            try {
                b.signIn(longName.username(), longName.password());
                WebElement user = b.find("mc-user");
                assertTrue(user.getAttribute("title").startsWith(fullName), "the full name is in the title");
                for (String id : List.of("shell:lang-vi", "shell:lang-en", "shell:sign-out")) {
                    assertInWindow(b, id);
                }
                assertTrue(js(b, "var e=document.getElementById('mc-user'); return e.scrollWidth > e.clientWidth;"),
                    "the name is cut with an ellipsis on screen");
                b.screenshot("layout-header-long-name");

                // the 300-character applicant wraps in the inbox and on the dossier page; no page-wide scrolling
                b.go("/app/inbox.xhtml");
                // only today's dossiers, 100 a page: the inbox puts overdue ones first, and the other tests' dossiers
                // of this unit could push the new one off the first page
                setValue(b, "inbox:from_input", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                    .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
                b.click("inbox:apply");
                ((JavascriptExecutor) b.driver()).executeScript("PF('inboxTable').getPaginator().setRowsPerPage(100);");
                b.settle();
                assertWraps(b, applicant.substring(0, 40));
                assertNoPageOverflow(b);
                b.screenshot("layout-inbox-long-applicant");
                b.go("/app/dossier.xhtml?code=" + code);
                assertWraps(b, applicant.substring(0, 40));
                assertNoPageOverflow(b);
                b.screenshot("layout-dossier-long-applicant");

                // the tracking book's procedure column is wide enough for a few words per line
                b.go("/app/tracking-book.xhtml");
                WebElement procedure = b.wait(20).until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//td[contains(., 'Đăng ký đất đai') or contains(., 'đăng ký đất đai')]")));
                assertTrue(procedure.getSize().getWidth() >= 240, "procedure column " + procedure.getSize().getWidth() + " px");
                assertNoPageOverflow(b);
                b.screenshot("layout-tracking-book");

                // over-long input: refused with the limit, nothing cut
                b.go("/app/desk/receive.xhtml");
                chooseProcedure(b);
                WebElement name = b.find("reception:name");
                assertNull(name.getAttribute("maxlength"), "no silent cut by the browser");
                String tooLong = applicant + "X";
                setValue(b, "reception:name", tooLong);
                setValue(b, "reception:refusalReason", "Thiếu giấy tờ\nđã hướng dẫn");
                b.click("reception:receive");
                String shown = b.find("messages").getText();
                assertTrue(shown.contains("tối đa 300 ký tự"), shown);
                assertEquals(301, b.find("reception:name").getAttribute("value").length(), "the typed name is kept whole");
                assertEquals("Thiếu giấy tờ\nđã hướng dẫn", b.find("reception:refusalReason").getAttribute("value"),
                    "a text area within its limit keeps its text");
                b.screenshot("layout-reception-too-long");
                b.signOut();

                // the Liên thông panel of a dossier at the land leg: the agency column is readable
                String atLeg = dossierAtLandLeg();
                b.signIn(SPECIALIST.username());
                b.go("/app/dossier.xhtml?code=" + atLeg);
                WebElement agencyHeader = b.find("dossier:transfers").findElement(By.xpath(".//thead//th[2]"));
                assertTrue(agencyHeader.getSize().getWidth() >= 190, "agency column " + agencyHeader.getSize().getWidth() + " px");
                ((JavascriptExecutor) b.driver()).executeScript("arguments[0].scrollIntoView();", b.find("dossier:interagency"));
                b.screenshot("layout-interagency-panel");
                b.signOut();

                b.signIn(SYSTEM_ADMIN.username());
                b.go("/app/admin/accounts.xhtml");
                setValue(b, "create:fullName", fullName + "X");
                b.click("create:save");
                shown = b.find("messages").getText();
                assertTrue(shown.contains("tối đa 200 ký tự"), shown);
                b.screenshot("layout-account-too-long");
            } catch (Throwable t) {
                b.evidence("layout");
                throw t;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------

    private void visit(Browser b, Map<String, List<String>> english, String who, List<String> paths) {
        for (String path : paths) {
            b.go(path);
            scan(b, english, who + " " + path);
        }
    }

    private static void scan(Browser b, Map<String, List<String>> english, String where) {
        String text = b.driver().findElement(By.tagName("body")).getText();
        List<String> found = english(text);
        if (!found.isEmpty()) {
            english.put(where, List.copyOf(new LinkedHashSet<>(found)));
            b.screenshot("ENGLISH-" + where.replaceAll("[^A-Za-z0-9]+", "-"));
        }
    }

    /** Chooses the marriage-status certificate on the reception page (typed without diacritics). */
    private static void chooseProcedure(Browser b) {
        b.type("reception:procedure_input", "tinh trang hon nhan");
        b.wait(20).until(ExpectedConditions.visibilityOfElementLocated(
            By.xpath("//li[contains(@class,'ui-autocomplete-item') and contains(., '1.004873')]"))).click();
        b.settle();
        b.find("reception:name");
    }

    private static void setValue(Browser b, String id, String value) {
        WebElement e = b.find(id);
        ((JavascriptExecutor) b.driver()).executeScript("arguments[0].value = arguments[1];", e, value);
    }

    private static boolean js(Browser b, String script) {
        return Boolean.TRUE.equals(((JavascriptExecutor) b.driver()).executeScript(script));
    }

    private static void assertInWindow(Browser b, String id) {
        WebElement e = b.find(id);
        assertTrue(e.isDisplayed(), id + " displayed");
        long width = ((Number) ((JavascriptExecutor) b.driver()).executeScript("return window.innerWidth;")).longValue();
        long right = ((Number) ((JavascriptExecutor) b.driver()).executeScript(
            "return arguments[0].getBoundingClientRect().right;", e)).longValue();
        assertTrue(right <= width, id + " ends at " + right + " px, window " + width + " px");
    }

    /** The cell holding the text is several lines high and no wider than the window. */
    private static void assertWraps(Browser b, String start) {
        WebElement cell = b.wait(20).until(ExpectedConditions.presenceOfElementLocated(
            By.xpath("(//td|//dd|//*[@id='applicant'])[contains(., \"" + start + "\")][last()]")));
        long lineHeight = ((Number) ((JavascriptExecutor) b.driver()).executeScript(
            "return parseFloat(getComputedStyle(arguments[0]).lineHeight) || 20;", cell)).longValue();
        assertTrue(cell.getSize().getHeight() >= 2 * lineHeight, "wrapped: " + cell.getSize());
    }

    private static void assertNoPageOverflow(Browser b) {
        assertTrue(js(b, "return document.documentElement.scrollWidth <= window.innerWidth;"),
            "the page does not scroll sideways");
    }

    private static String longText(String unit, int length) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < length) {
            sb.append(unit);
        }
        String s = sb.substring(0, length);
        return s.endsWith(" ") ? s.substring(0, length - 1) + "a" : s;
    }

    private static Map<String, Object> intake(String applicantName) {
        return Map.of("procedureCode", "H50-L006", "receivingAgencyCode", "QT25.XA_VINH_LINH", "channel", "DIRECT",
            "applicant", Map.of("kind", "INDIVIDUAL", "name", applicantName, "idNumber", "045080001234"),
            "documents", List.of(Map.of("requiredPosition", 1, "form", "ORIGINAL"), Map.of("requiredPosition", 2, "form", "COPY"),
                Map.of("requiredPosition", 3, "form", "ORIGINAL"), Map.of("requiredPosition", 4, "form", "COPY")));
    }

    /** A new H50-L006 dossier moved to step 3, where leg 1 goes to a land registration branch to be chosen. */
    private String dossierAtLandLeg() {
        String code = TestAccounts.as(url, DESK).body(intake("Hoàng Văn Bình")).when().post("/dossiers")
            .then().statusCode(201).extract().path("code");
        TestAccounts.as(url, DESK).body("{}").when().post("/dossiers/" + code + "/complete-step").then().statusCode(200);
        TestAccounts.as(url, SPECIALIST).body("{}").when().post("/dossiers/" + code + "/complete-step").then().statusCode(200);
        return code;
    }
}
