package vn.gov.quangtri.motcua.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.gov.quangtri.motcua.it.TestAccounts.Account;

/**
 * Citizens' satisfaction ratings on the deployed EAR (issue 13 §2): rating from the public link (201, a second time
 * 409, before the result is returned 409, a wrong secret the lookup's 404 with nothing stored, bad answers 400),
 * the unit's kiosk in headless Chromium (scan, tap, send, thanks; another unit's dossier refused; the kiosk account
 * reads no dossier), and the statistics equal to counts worked out by hand for the ratings this class makes. The
 * database of a round outlives the test classes, so the statistics are compared as the change from before this
 * class's ratings. Methods run in order.
 */
@MotcuaIT
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RatingIT {

    private static final String VINH_LINH = "QT25.XA_VINH_LINH";
    static final Account KIOSK = new Account("kiosk.vinhlinh", "Kiosk đánh giá - Bộ phận Một cửa xã Vĩnh Linh",
        VINH_LINH, List.of("KIOSK"), TestAccounts.DEMO_PASSWORD, true);

    /** Statistics before this class rated anything: by criterion and by unit (Vĩnh Linh), as the leader sees them. */
    private static Map<String, Map<String, Long>> criteriaBefore;
    private static Map<String, Long> unitBefore;
    private static Map<String, Long> officerBefore;
    /** A returned dossier for the kiosk (rated in the browser test). */
    private static String forKiosk;
    /** A returned dossier and its secret for the public page, and whether the page test rated it. */
    private static String[] forPage;
    private static boolean pageRated;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return EarDeployment.ear();
    }

    @ArquillianResource
    URL url;

    /**
     * Receives a marriage-status certificate at Vĩnh Linh and returns code and lookup secret (issued by the desk's
     * "reissue", which answers it in clear; PublicLookupIT covers the secret of the slip's QR code).
     */
    private String[] receive(String applicant) {
        Map<String, Object> body = Map.of("procedureCode", "1.004873", "receivingAgencyCode", VINH_LINH,
            "applicant", Map.of("kind", "INDIVIDUAL", "name", applicant, "idNumber", "045190008888",
                "phone", "0912888999", "address", "Thôn Tây, xã Vĩnh Linh"),
            "documents", List.of(Map.of("requiredPosition", 1, "form", "ORIGINAL"),
                Map.of("requiredPosition", 2, "form", "COPY")));
        String code = TestAccounts.as(url, TestAccounts.DESK_VINH_LINH).body(body).when().post("/dossiers").then()
            .statusCode(201).extract().path("code");
        String token = TestAccounts.as(url, TestAccounts.DESK_VINH_LINH).when().post("/dossiers/" + code + "/lookup-token")
            .then().statusCode(200).extract().path("token");
        return new String[] {code, token};
    }

    private void act(Account a, String code, String verb, Map<String, Object> body) {
        TestAccounts.as(url, a).body(body).when().post("/dossiers/" + code + "/" + verb).then().statusCode(200);
    }

    /** Desk → specialist → leader → clerk (desk) → result handed over. */
    private void toReturned(String code) {
        act(TestAccounts.DESK_VINH_LINH, code, "complete-step", Map.of());
        act(TestAccounts.LEADER_VINH_LINH, code, "assign", Map.of("handler", TestAccounts.SPECIALIST_VINH_LINH.username()));
        act(TestAccounts.SPECIALIST_VINH_LINH, code, "complete-step", Map.of());
        act(TestAccounts.LEADER_VINH_LINH, code, "approve", Map.of());
        act(TestAccounts.DESK_VINH_LINH, code, "complete-step", Map.of());
        act(TestAccounts.DESK_VINH_LINH, code, "return-result", Map.of("receivedBy", "Người nhận", "method", "DIRECT"));
    }

    private Response rate(String code, String token, List<Map<String, String>> answers) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("token", token);
        body.put("answers", answers);
        return given().spec(TestServer.api(url)).contentType(ContentType.JSON).body(body).when().post("/public/ratings");
    }

    private static Map<String, String> answer(String criterion, String level) {
        return Map.of("criterion", criterion, "level", level);
    }

    private JsonPath stats(Account a, String groupBy) {
        return TestAccounts.as(url, a).queryParam("groupBy", groupBy).queryParam("agency", VINH_LINH)
            .when().get("/reports/ratings").then().statusCode(200).extract().jsonPath();
    }

    /** Counts of a row (levels, answers, ratings) by key; zeros when the row is absent. */
    private static Map<String, Long> row(JsonPath stats, String key) {
        Map<String, Long> counts = new HashMap<>(Map.of("VERY_SATISFIED", 0L, "SATISFIED", 0L, "NEUTRAL", 0L,
            "NOT_SATISFIED", 0L, "answers", 0L, "ratings", 0L));
        List<Map<String, Object>> rows = stats.getList("rows");
        for (Map<String, Object> r : rows) {
            if (key.equals(r.get("key"))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> levels = (Map<String, Object>) r.get("levels");
                levels.forEach((l, n) -> counts.put(l, ((Number) n).longValue()));
                counts.put("answers", ((Number) r.get("answers")).longValue());
                counts.put("ratings", ((Number) r.get("ratings")).longValue());
            }
        }
        return counts;
    }

    @Test
    @Order(1)
    @DisplayName("Public link: bad answers 400, wrong secret 404 (nothing stored), not returned 409, then 201 once and 409 ALREADY_RATED")
    void publicRating() {
        criteriaBefore = new HashMap<>();
        JsonPath byCriterion = stats(TestAccounts.LEADER_VINH_LINH, "criterion");
        for (String c : List.of("TOTAL_TIME", "ATTITUDE", "PUBLICITY")) {
            criteriaBefore.put(c, row(byCriterion, c));
        }
        unitBefore = row(stats(TestAccounts.LEADER_VINH_LINH, "unit"), VINH_LINH);
        officerBefore = row(stats(TestAccounts.LEADER_VINH_LINH, "officer"), TestAccounts.SPECIALIST_VINH_LINH.username());

        String[] a = receive("Nguyễn Thị Đánh Giá");
        List<Map<String, String>> answersA = List.of(answer("TOTAL_TIME", "VERY_SATISFIED"), answer("ATTITUDE", "SATISFIED"),
            answer("PUBLICITY", "NOT_SATISFIED"));
        // Not returned yet: 409, nothing stored.
        rate(a[0], a[1], answersA).then().statusCode(409).contentType("application/problem+json")
            .body("reason", equalTo("NOT_RETURNED"));
        toReturned(a[0]);
        // Bad answers: 400 problem listing them.
        rate(a[0], a[1], List.of(answer("SMILE", "SATISFIED"), answer("ATTITUDE", "HAPPY"))).then().statusCode(400)
            .body("reason", equalTo("INVALID_INPUT")).body("errors.size()", equalTo(2));
        rate(a[0], a[1], List.of(answer("ATTITUDE", "SATISFIED"), answer("ATTITUDE", "NOT_SATISFIED"))).then()
            .statusCode(400);
        rate(a[0], a[1], List.of()).then().statusCode(400);
        // Issue 16: more answers than the form's 9 questions are refused before any is read; an over-long comment is
        // 400 naming the field and its limit. Nothing stored: the right answers are accepted below.
        List<Map<String, String>> many = new java.util.ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            many.add(answer("ATTITUDE", "SATISFIED"));
        }
        rate(a[0], a[1], many).then().statusCode(400).body("reason", equalTo("INVALID_INPUT"))
            .body("errors", equalTo(List.of("answers: at most 9 (one per question of the rating form), 1000 given")));
        Map<String, Object> longComment = new HashMap<>(Map.of("code", a[0], "token", a[1], "answers", answersA,
            "comment", "Góp ý ".repeat(200)));
        given().spec(TestServer.api(url)).contentType(ContentType.JSON).body(longComment).when().post("/public/ratings")
            .then().statusCode(400).body("reason", equalTo("COMMENT_TOO_LONG"))
            .body("errors", equalTo(List.of("comment: at most 1000 characters")));
        // Wrong secret: the lookup's one 404, nothing stored (the right secret is accepted afterwards).
        String wrong = a[1].charAt(0) == 'A' ? "B" + a[1].substring(1) : "A" + a[1].substring(1);
        Response miss = rate(a[0], wrong, answersA);
        assertEquals(404, miss.statusCode(), miss.asString());
        assertEquals("NO_MATCH", miss.path("reason"));
        rate(a[0] + "X", a[1], answersA).then().statusCode(404).body("reason", equalTo("NO_MATCH"));

        Response ok = rate(a[0], a[1].toLowerCase().replace("-", ""), answersA);
        assertEquals(201, ok.statusCode(), ok.asString());
        ok.then().body("code", equalTo(a[0])).body("channel", equalTo("PUBLIC_LINK"))
            .body("answers.TOTAL_TIME", equalTo("VERY_SATISFIED")).body("answers.PUBLICITY", equalTo("NOT_SATISFIED"));
        // Once only.
        rate(a[0], a[1], List.of(answer("ATTITUDE", "VERY_SATISFIED"))).then().statusCode(409)
            .body("reason", equalTo("ALREADY_RATED"));

        // One more by the API: ATTITUDE not satisfied.
        String[] c = receive("Trần Văn Góp Ý");
        toReturned(c[0]);
        rate(c[0], c[1], List.of(answer("ATTITUDE", "NOT_SATISFIED"))).then().statusCode(201);

        String[] b = receive("Lê Thị Kiosk");
        toReturned(b[0]);
        forKiosk = b[0];
        forPage = receive("Phan Văn Điện Thoại");
        toReturned(forPage[0]);
    }

    @Test
    @Order(2)
    @DisplayName("Public page on a phone-sized window: the rating form appears once returned; one answer sent; thanks; then 'rated'")
    void publicPageInTheBrowser() {
        try (Browser b = Browser.open(TestServer.appRoot(url))) {
            try {
                b.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
                b.go("/public/lookup.xhtml?code=" + java.net.URLEncoder.encode(forPage[0], StandardCharsets.UTF_8)
                    + "&token=" + java.net.URLEncoder.encode(forPage[1], StandardCharsets.UTF_8));
                b.find("rating");
                b.screenshot("public-rating-form");
                b.driver().findElement(By.id("a_ONE_STOP_SATISFIED")).click();
                b.driver().findElement(By.id("comment")).sendKeys("Nhanh, gọn");
                b.clickAndLoad("rate-submit");
                assertTrue(b.text("rating-thanks").contains("Cảm ơn"), b.driver().getPageSource());
                assertTrue(b.all(By.id("rating")).isEmpty(), "the form is gone");
                pageRated = true;
                b.go("/public/lookup.xhtml?lang=en&code=" + java.net.URLEncoder.encode(forPage[0], StandardCharsets.UTF_8)
                    + "&token=" + java.net.URLEncoder.encode(forPage[1], StandardCharsets.UTF_8));
                assertEquals("This dossier has been rated.", b.text("rating-done"));
            } catch (Throwable t) {
                b.evidence("public-rating");
                throw t;
            }
        }
        rate(forPage[0], forPage[1], List.of(answer("ATTITUDE", "SATISFIED"))).then().statusCode(409)
            .body("reason", equalTo("ALREADY_RATED"));
    }

    @Test
    @Order(3)
    @DisplayName("Kiosk in the browser: scan the code, tap two criteria, send, thanks; a second scan says rated; another unit's dossier refused")
    void kioskInTheBrowser() {
        // Another unit's dossier (Cửa Tùng): the kiosk of Vĩnh Linh may not rate it.
        Map<String, Object> body = Map.of("procedureCode", "1.004873", "receivingAgencyCode", "QT25.XA_CUA_TUNG",
            "applicant", Map.of("kind", "INDIVIDUAL", "name", "Hồ Thị Khác Xã", "idNumber", "045190009999",
                "phone", "0912999000", "address", "Thôn Bắc, xã Cửa Tùng"),
            "documents", List.of(Map.of("requiredPosition", 1, "form", "ORIGINAL"),
                Map.of("requiredPosition", 2, "form", "COPY")));
        String elsewhere = TestAccounts.as(url, TestAccounts.DESK_CUA_TUNG).body(body).when().post("/dossiers").then()
            .statusCode(201).extract().path("code");

        // The kiosk account reads no dossier over the API.
        TestAccounts.as(url, KIOSK).when().get("/dossiers").then().statusCode(403).body("reason", equalTo("KIOSK_ONLY"));
        TestAccounts.as(url, KIOSK).when().get("/dossiers/" + forKiosk).then().statusCode(403);
        TestAccounts.as(url, KIOSK).when().get("/reports/ratings").then().statusCode(403);

        // Over the kiosk API: the other unit's dossier answers exactly as a code nobody has (issue 16 §2) and nothing is
        // stored; a dossier not returned is 409.
        String missing = elsewhere.substring(0, elsewhere.length() - 4) + "9999";
        List<String> answers = new java.util.ArrayList<>();
        for (String code : List.of(elsewhere, missing)) {
            answers.add(TestAccounts.as(url, KIOSK).when().get("/kiosk/dossiers/" + code).then().statusCode(404)
                .body("reason", equalTo("NOT_FOUND")).extract().asString().replace(code, "<code>"));
            TestAccounts.as(url, KIOSK).body(Map.of("code", code, "answers", List.of(answer("ATTITUDE", "SATISFIED"))))
                .when().post("/kiosk/ratings").then().statusCode(404).body("reason", equalTo("NOT_FOUND"));
        }
        assertEquals(answers.get(1), answers.get(0), "another unit's code and a missing one answer alike");
        TestAccounts.as(url, TestAccounts.DESK_VINH_LINH).body(Map.of("code", forKiosk,
                "answers", List.of(answer("ATTITUDE", "SATISFIED")))).when().post("/kiosk/ratings").then()
            .statusCode(403).body("reason", equalTo("ROLE_REQUIRED"));
        TestAccounts.as(url, KIOSK).when().get("/kiosk/dossiers/" + forKiosk).then().statusCode(200)
            .body("returned", equalTo(true)).body("rated", equalTo(false));
        // The desk officer's invitation: another unit's desk may not invite; the kiosk takes it once.
        TestAccounts.as(url, KIOSK).when().get("/kiosk/invitation").then().statusCode(204);
        TestAccounts.as(url, TestAccounts.DESK_CUA_TUNG).when().post("/dossiers/" + forKiosk + "/kiosk-invitation").then()
            .statusCode(404).body("reason", equalTo("NOT_FOUND")); // as a missing code (issue 16)
        TestAccounts.as(url, TestAccounts.DESK_CUA_TUNG).when().post("/dossiers/" + elsewhere + "/kiosk-invitation").then()
            .statusCode(409).body("reason", equalTo("NOT_RETURNED"));
        TestAccounts.as(url, TestAccounts.DESK_VINH_LINH).when().post("/dossiers/" + forKiosk + "/kiosk-invitation").then()
            .statusCode(204);
        TestAccounts.as(url, KIOSK).when().get("/kiosk/invitation").then().statusCode(200).body("code", equalTo(forKiosk));
        TestAccounts.as(url, KIOSK).when().get("/kiosk/invitation").then().statusCode(204);

        try (Browser b = Browser.open(TestServer.appRoot(url))) {
            try {
                b.signIn(KIOSK.username());
                assertTrue(b.driver().getCurrentUrl().endsWith("/app/kiosk.xhtml"), b.driver().getCurrentUrl());
                // Any other back-office page leads back to the kiosk.
                b.go("/app/search.xhtml");
                assertTrue(b.driver().getCurrentUrl().endsWith("/app/kiosk.xhtml"), b.driver().getCurrentUrl());

                scan(b, elsewhere);
                b.wait(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                    "Không có hồ sơ này để đánh giá tại đây")); // the same words as for an unknown code
                assertTrue(b.all(By.id("kiosk:rate-panel")).isEmpty());

                // The desk officer invites the citizen: the kiosk's poll (3 s) shows the dossier without a scan.
                TestAccounts.as(url, TestAccounts.DESK_VINH_LINH).when().post("/dossiers/" + forKiosk + "/kiosk-invitation")
                    .then().statusCode(204);
                b.wait(20).until(ExpectedConditions.presenceOfElementLocated(By.id("dossier-code")));
                assertEquals(forKiosk, b.text("dossier-code"));
                b.screenshot("kiosk-rate");
                // criterion 7 (ATTITUDE, index 6): very satisfied; criterion 1 (TOTAL_TIME, index 0): not satisfied
                b.click("kiosk:c:6:l:0:b");
                b.click("kiosk:c:0:l:2:b");
                assertTrue(b.find("kiosk:c:6:l:0:b").getAttribute("class").contains("mc-kiosk-on"));
                b.click("kiosk:send");
                b.wait(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("kiosk:thanks"), "Cảm ơn"));
                b.screenshot("kiosk-thanks");

                scan(b, forKiosk);
                b.wait(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "đã được đánh giá"));
            } catch (Throwable t) {
                b.evidence("kiosk");
                throw t;
            }
        }
    }

    private static void scan(Browser b, String code) {
        var field = b.find("kiosk:code");
        var html = b.driver().findElement(By.tagName("html"));
        field.clear();
        field.sendKeys(code + Keys.ENTER); // what a barcode scanner does
        b.wait(30).until(ExpectedConditions.stalenessOf(html));
        b.settle();
    }

    @Test
    @Order(4)
    @DisplayName("Kiosk API: the same rating the browser made (201 when the browser test was skipped, else 409 ALREADY_RATED)")
    void kioskApi() {
        Response r = TestAccounts.as(url, KIOSK).body(Map.of("code", forKiosk, "answers",
            List.of(answer("ATTITUDE", "VERY_SATISFIED"), answer("TOTAL_TIME", "NOT_SATISFIED")))).when().post("/kiosk/ratings");
        assertTrue(r.statusCode() == 201 || r.statusCode() == 409 && "ALREADY_RATED".equals(r.path("reason")), r.asString());
        if (r.statusCode() == 201) {
            r.then().body("channel", equalTo("KIOSK")).body("answers.ATTITUDE", equalTo("VERY_SATISFIED"));
        }
        TestAccounts.as(url, KIOSK).when().get("/kiosk/dossiers/" + forKiosk).then().statusCode(200)
            .body("rated", equalTo(true));
    }

    @Test
    @Order(5)
    @DisplayName("Statistics equal the counts by hand: by criterion, unit and officer; rate = (VS + S) ÷ answers; officer grouping for leaders only")
    void statistics() {
        // This class rated: A {TOTAL_TIME VS, ATTITUDE S, PUBLICITY NS}, C {ATTITUDE NS}, B at the kiosk
        // {ATTITUDE VS, TOTAL_TIME NS}.
        Map<String, Map<String, Long>> expected = Map.of(
            "TOTAL_TIME", Map.of("VERY_SATISFIED", 1L, "SATISFIED", 0L, "NOT_SATISFIED", 1L, "answers", 2L, "ratings", 2L),
            "ATTITUDE", Map.of("VERY_SATISFIED", 1L, "SATISFIED", 1L, "NOT_SATISFIED", 1L, "answers", 3L, "ratings", 3L),
            "PUBLICITY", Map.of("VERY_SATISFIED", 0L, "SATISFIED", 0L, "NOT_SATISFIED", 1L, "answers", 1L, "ratings", 1L));
        JsonPath byCriterion = stats(TestAccounts.LEADER_VINH_LINH, "criterion");
        expected.forEach((criterion, delta) -> {
            Map<String, Long> now = row(byCriterion, criterion);
            delta.forEach((k, v) -> assertEquals(criteriaBefore.get(criterion).get(k) + v, now.get(k), criterion + " " + k));
            assertRate(byCriterion, criterion, now);
        });
        // Unit: 3 ratings, 6 answers: VS 2, S 1, NS 3; and D from the public page {ONE_STOP S} when it ran.
        int page = pageRated ? 1 : 0;
        JsonPath byUnit = stats(TestAccounts.LEADER_VINH_LINH, "unit");
        Map<String, Long> unit = row(byUnit, VINH_LINH);
        assertEquals(unitBefore.get("ratings") + 3 + page, unit.get("ratings"));
        assertEquals(unitBefore.get("answers") + 6 + page, unit.get("answers"));
        assertEquals(unitBefore.get("VERY_SATISFIED") + 2, unit.get("VERY_SATISFIED"));
        assertEquals(unitBefore.get("SATISFIED") + 1 + page, unit.get("SATISFIED"));
        assertEquals(unitBefore.get("NOT_SATISFIED") + 3, unit.get("NOT_SATISFIED"));
        assertRate(byUnit, VINH_LINH, unit);
        if (unitBefore.get("ratings") == 0) {
            // A fresh database: (2 + 1) ÷ 6 = 50.0 %, or with D (2 + 2) ÷ 7 = 57.1 %.
            assertEquals(new BigDecimal(pageRated ? "57.1" : "50.0"), new BigDecimal(byUnit.getString("total.ratePercent")));
        }
        // The specialist handled all the dossiers.
        Map<String, Long> officer = row(stats(TestAccounts.LEADER_VINH_LINH, "officer"), TestAccounts.SPECIALIST_VINH_LINH.username());
        assertEquals(officerBefore.get("ratings") + 3 + page, officer.get("ratings"));
        assertEquals(officerBefore.get("answers") + 6 + page, officer.get("answers"));

        // Officers see aggregates, never per officer; no dossier code or comment in any answer.
        TestAccounts.as(url, TestAccounts.SPECIALIST_VINH_LINH).queryParam("groupBy", "officer").when()
            .get("/reports/ratings").then().statusCode(403).body("reason", equalTo("ROLE_REQUIRED"));
        String asSpecialist = TestAccounts.as(url, TestAccounts.SPECIALIST_VINH_LINH).queryParam("groupBy", "procedure")
            .when().get("/reports/ratings").then().statusCode(200).extract().asString();
        assertTrue(!asSpecialist.contains("H50-"), asSpecialist);
        // Another unit's leader does not see Vĩnh Linh.
        TestAccounts.as(url, TestAccounts.LEADER_CUA_TUNG).queryParam("agency", VINH_LINH).when().get("/reports/ratings")
            .then().statusCode(403).body("reason", equalTo("OUT_OF_SCOPE"));
        TestAccounts.as(url, TestAccounts.LEADER_VINH_LINH).queryParam("groupBy", "citizen").when().get("/reports/ratings")
            .then().statusCode(400);
        // The workbook.
        byte[] xlsx = TestAccounts.as(url, TestAccounts.LEADER_VINH_LINH).queryParam("groupBy", "criterion").when()
            .get("/reports/ratings.xlsx").then().statusCode(200).extract().asByteArray();
        assertTrue(xlsx.length > 1000 && xlsx[0] == 'P' && xlsx[1] == 'K', "an .xlsx (zip) file");
    }

    @Test
    @Order(6)
    @DisplayName("Ratings screen and dashboard summary for the leader: the same totals as the API, the formula on the page, the Excel export")
    void ratingsScreen() throws Exception {
        JsonPath api = TestAccounts.as(url, TestAccounts.LEADER_VINH_LINH).when().get("/reports/ratings").then()
            .statusCode(200).extract().jsonPath();
        String ratings = api.getString("total.ratings");
        try (Browser b = Browser.open(TestServer.appRoot(url))) {
            try {
                b.signIn(TestAccounts.LEADER_VINH_LINH.username());
                b.go("/app/dashboard.xhtml");
                assertEquals(ratings, b.text("rating-count"));
                b.clickAndLoad("to-ratings");
                assertEquals(ratings, b.text("total-ratings"));
                assertTrue(b.text("formula").contains("Nghị định 61/2018/NĐ-CP"), b.text("formula"));
                assertTrue(b.text("ratings:table").contains("Xã Vĩnh Linh"), b.text("ratings:table"));
                b.screenshot("ratings-screen");
                var xlsx = b.fetch(TestServer.appRoot(url).toString().replaceAll("/$", "") + "/api/v1/reports/ratings.xlsx");
                assertEquals(200, xlsx.statusCode());
                assertEquals('P', xlsx.body()[0]);
            } catch (Throwable t) {
                b.evidence("ratings-screen");
                throw t;
            }
        }
    }

    /** ratePercent of a row equals (VS + S) ÷ answers × 100, one decimal, half up, from the row's own counts. */
    private static void assertRate(JsonPath stats, String key, Map<String, Long> counts) {
        List<Map<String, Object>> rows = new ArrayList<>(stats.getList("rows"));
        Map<String, Object> row = rows.stream().filter(r -> key.equals(r.get("key"))).findFirst().orElseThrow();
        BigDecimal expected = BigDecimal.valueOf((counts.get("VERY_SATISFIED") + counts.get("SATISFIED")) * 100)
            .divide(BigDecimal.valueOf(counts.get("answers")), 1, RoundingMode.HALF_UP);
        assertEquals(expected, new BigDecimal(row.get("ratePercent").toString()), key);
    }
}
