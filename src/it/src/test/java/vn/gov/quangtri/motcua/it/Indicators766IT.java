package vn.gov.quangtri.motcua.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.it.TestAccounts.Account;

/**
 * The Decision 766 indicators of issue 14 §3 on the deployed EAR: dossiers of Xã Cam Lộ (a unit no other test uses)
 * received on Mon 2 Mar 2026 09:00 (appointment Thu 5 Mar 09:00, procedure 1.004873, 3 working days, no holiday in
 * March 2026) and moved by backdated actions ({@link BackdatedDossiers}), then the figures of March worked out by hand
 * (the same set as the domain's Indicators766Test), the dossiers that cost points, 400/403/404, and the screen.
 *
 * <ul>
 *   <li>A direct, result Tue 3 Mar 10:00 (early), returned and rated "Không hài lòng"; net 540 working minutes.</li>
 *   <li>B online (accepted 09:00), result Thu 5 Mar 08:30 (on time); net 1410.</li>
 *   <li>C direct, an apology on Fri 6 Mar (new appointment 11 Mar 17:00), result Wed 11 Mar 10:00: late all the same;
 *       returned and rated "Không hài lòng"; net 3420 (7.13 working days against 3).</li>
 *   <li>D postal, supplements Tue 3 Mar 09:00–11:00 and Wed 4 Mar 09:00–10:00, result Thu 5 Mar 11:00 (on time by the
 *       moved appointment 12:00) but late for 766 (two requests); net 1560 − 180 = 1380.</li>
 *   <li>E direct, supplement Tue 3 Mar 09:00 – Thu 5 Mar 09:00 (960 working minutes, appointment moved to Mon 9 Mar
 *       09:00), result Fri 6 Mar 16:00: on time net of the supplement time; net 2280 − 960 = 1320.</li>
 *   <li>F online, accepted Mon 30 Mar 09:00, in progress (due Thu 2 Apr).</li>
 *   <li>G direct, stopped Wed 4 Mar (counts only as received, for 3.3).</li>
 * </ul>
 * 2.1 = 4/6 = 66.67 % → 10 × 4/6 = 6.67; 2.2 = 8070 ÷ 5 ÷ 480 = 3.36 working days → 10 × 7200/8070 = 8.92; 3.3 = 2/7 =
 * 28.57 % → 4.4 × 28.57/50 = 2.51; 5.4 over the rated dossiers only (A and C): 100 − (50 + 50) = 0 % → 0.00; 1.4
 * (issue 15 §4) once the portal simulator accepted every message of the seven: 7/7 = 100 % → 4.50; total 22.60 of
 * 33.40. (The domain's Indicators766Test works out a partial sync rate.)
 */
@MotcuaIT
class Indicators766IT {

    static final String CAM_LO = "QT25.XA_CAM_LO";
    static final ReportUnit UNIT = ReportUnit.of(CAM_LO, "camlo", "Thôn Cam Lộ, xã Cam Lộ", "Lê Thị Cam", "Trần Văn Lộ",
        "Nguyễn Hữu Cam", "Phạm Thị Lộ");
    static final Account DESK = UNIT.desk();
    static final Account SPECIALIST = UNIT.specialist();
    static final Account LEADER = UNIT.leader();

    private static final String MON = "2026-03-02T09:00:00+07:00";
    private static final List<String> ITEMS = List.of("Bản sao CCCD của người yêu cầu");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return EarDeployment.ear();
    }

    @ArquillianResource
    URL url;

    /** Hands the result over (dated) and rates the dossier "Không hài lòng" through the public link. */
    private void returnAndDislike(BackdatedDossiers c, String code, String at) {
        c.act(code, "return-result", DESK, at, Map.of("receivedBy", "Người nhận", "method", "DIRECT"));
        String token = TestAccounts.as(url, DESK).when().post("/dossiers/" + code + "/lookup-token").then().statusCode(200)
            .extract().path("token");
        given().spec(TestServer.api(url)).contentType(ContentType.JSON).body(Map.of("code", code, "token", token,
            "answers", List.of(Map.of("criterion", "ATTITUDE", "level", "SATISFIED"),
                Map.of("criterion", "TOTAL_TIME", "level", "NOT_SATISFIED")))).when().post("/public/ratings")
            .then().statusCode(201);
    }

    /** The dossiers, once the portal accepted all their messages (indicator 1.4 then counts all seven). */
    private Map<String, String> dossiers() {
        Map<String, String> d = created();
        for (String code : d.values()) {
            try {
                Await.until("the portal accepted every message of " + code, 90_000, 500, () -> {
                    List<String> states = TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).queryParam("dossier", code)
                        .when().get("/portal/messages").then().statusCode(200).extract().jsonPath().getList("state");
                    return !states.isEmpty() && states.stream().allMatch("SENT"::equals) ? states : null;
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return d;
    }

    private Map<String, String> created() {
        return UNIT.once(url, c -> {
            Map<String, String> d = new HashMap<>();
            d.put("A", c.receive("Hồ Thị Sớm", "DIRECT", MON));
            c.finish(d.get("A"), "2026-03-03", "2026-03-03T10:00:00+07:00");
            returnAndDislike(c, d.get("A"), "2026-03-03T11:00:00+07:00");
            d.put("B", c.receive("Lê Thị Mạng", "ONLINE", "2026-03-02T08:00:00+07:00"));
            c.act(d.get("B"), "accept", DESK, MON, Map.of());
            c.finish(d.get("B"), "2026-03-05", "2026-03-05T08:30:00+07:00");
            d.put("C", c.receive("Lê Văn Trễ", "DIRECT", MON));
            c.act(d.get("C"), "reschedule", LEADER, "2026-03-06T10:00:00+07:00",
                Map.of("newDueAt", "2026-03-11T17:00:00+07:00", "reason", "Chờ xác minh"));
            c.finish(d.get("C"), "2026-03-11", "2026-03-11T10:00:00+07:00");
            returnAndDislike(c, d.get("C"), "2026-03-11T11:00:00+07:00");
            d.put("D", c.receive("Phan Thị Bổ Sung", "POSTAL", MON));
            c.act(d.get("D"), "complete-step", DESK, "2026-03-02T10:00:00+07:00", Map.of());
            c.act(d.get("D"), "request-supplement", SPECIALIST, "2026-03-03T09:00:00+07:00", Map.of("items", ITEMS));
            c.act(d.get("D"), "resume", DESK, "2026-03-03T11:00:00+07:00", Map.of());
            c.act(d.get("D"), "request-supplement", SPECIALIST, "2026-03-04T09:00:00+07:00", Map.of("items", ITEMS));
            c.act(d.get("D"), "resume", DESK, "2026-03-04T10:00:00+07:00", Map.of());
            c.act(d.get("D"), "complete-step", SPECIALIST, "2026-03-05T08:10:00+07:00", Map.of());
            c.act(d.get("D"), "approve", LEADER, "2026-03-05T08:20:00+07:00", Map.of());
            c.act(d.get("D"), "complete-step", DESK, "2026-03-05T11:00:00+07:00", Map.of());
            d.put("E", c.receive("Võ Văn Tạm Dừng", "DIRECT", MON));
            c.act(d.get("E"), "complete-step", DESK, "2026-03-02T10:00:00+07:00", Map.of());
            c.act(d.get("E"), "request-supplement", SPECIALIST, "2026-03-03T09:00:00+07:00", Map.of("items", ITEMS));
            c.act(d.get("E"), "resume", DESK, "2026-03-05T09:00:00+07:00", Map.of());
            c.act(d.get("E"), "complete-step", SPECIALIST, "2026-03-06T15:00:00+07:00", Map.of());
            c.act(d.get("E"), "approve", LEADER, "2026-03-06T15:30:00+07:00", Map.of());
            c.act(d.get("E"), "complete-step", DESK, "2026-03-06T16:00:00+07:00", Map.of());
            d.put("F", c.receive("Võ Thị Cuối", "ONLINE", "2026-03-30T08:00:00+07:00"));
            c.act(d.get("F"), "accept", DESK, "2026-03-30T09:00:00+07:00", Map.of());
            d.put("G", c.receive("Phan Văn Dừng", "DIRECT", MON));
            c.act(d.get("G"), "stop", LEADER, "2026-03-04T10:00:00+07:00", Map.of("reason", "Có văn bản của Tòa án"));
            return d;
        });
    }

    private JsonPath indicators(Map<String, String> params) {
        return TestAccounts.as(url, LEADER).queryParams(params).when().get("/reports/indicators-766").then()
            .statusCode(200).extract().jsonPath();
    }

    private JsonPath costs(String id) {
        return TestAccounts.as(url, LEADER).queryParam("from", "2026-03-01").queryParam("to", "2026-03-31")
            .queryParam("agency", CAM_LO).when().get("/reports/indicators-766/" + id + "/dossiers").then()
            .statusCode(200).extract().jsonPath();
    }

    /** The indicator {@code id} of the answer, as a map. */
    private static Map<String, Object> indicator(JsonPath j, String id) {
        for (int g = 0; g < 5; g++) {
            List<Map<String, Object>> list = j.getList("groups[" + g + "].indicators");
            for (Map<String, Object> i : list) {
                if (id.equals(i.get("id"))) {
                    return i;
                }
            }
        }
        throw new AssertionError("no indicator " + id);
    }

    /** A number of the answer (JsonPath reads decimals as float: compare within 1e-4, below the two decimals). */
    private static double num(Map<String, Object> i, String key) {
        return ((Number) i.get(key)).doubleValue();
    }

    @Test
    @DisplayName("March 2026 of Xã Cam Lộ: 2.1, 2.2, 3.3, 5.4 with their points as worked out by hand; the rest NO_DATA")
    void march() {
        dossiers();
        JsonPath j = indicators(Map.of("from", "2026-03-01", "to", "2026-03-31", "agency", CAM_LO));
        assertEquals("2026-03-01", j.getString("from"));
        assertEquals(CAM_LO, j.getString("agency"));
        assertEquals(List.of(1, 2, 3, 4, 5), j.getList("groups.number"));
        Map<String, Object> onTime = indicator(j, "2.1");
        assertEquals("DATA", onTime.get("status"));
        assertEquals(66.67, num(onTime, "value"), 1e-4);
        assertEquals(4, num(onTime, "numerator"), 1e-4);
        assertEquals(6, num(onTime, "denominator"), 1e-4);
        assertEquals(6.67, num(onTime, "points"), 1e-4);
        assertEquals(10, num(onTime, "maxPoints"), 1e-4);
        Map<String, Object> time = indicator(j, "2.2");
        assertEquals(3.36, num(time, "value"), 1e-4);
        assertEquals("working days", time.get("unit"));
        assertEquals(16.81, num(time, "numerator"), 1e-4);
        assertEquals(5, num(time, "denominator"), 1e-4);
        assertEquals(8.92, num(time, "points"), 1e-4);
        Map<String, Object> online = indicator(j, "3.3");
        assertEquals(28.57, num(online, "value"), 1e-4);
        assertEquals(7, num(online, "denominator"), 1e-4);
        assertEquals(2.51, num(online, "points"), 1e-4);
        assertEquals(4.4, num(online, "maxPoints"), 1e-4);
        assertEquals(57.14, j.getDouble("groups[2].indicators.find { it.id == '3.3' }.shares.direct"), 1e-4);
        assertEquals(14.29, j.getDouble("groups[2].indicators.find { it.id == '3.3' }.shares.postal"), 1e-4);
        Map<String, Object> satisfaction = indicator(j, "5.4"); // over the rated A and C only: C late, A disliked
        assertEquals("DATA", satisfaction.get("status"));
        assertEquals(0.0, num(satisfaction, "value"), 1e-4);
        assertEquals(2, num(satisfaction, "denominator"), 1e-4);
        assertEquals(0.0, num(satisfaction, "points"), 1e-4);
        assertEquals(50.0, j.getDouble("groups[4].indicators.find { it.id == '5.4' }.shares.lateRate"), 1e-4);
        assertEquals(50.0, j.getDouble("groups[4].indicators.find { it.id == '5.4' }.shares.dislikeRate"), 1e-4);
        Map<String, Object> sync = indicator(j, "1.4"); // every message of the seven received accepted by the portal
        assertEquals("DATA", sync.get("status"));
        assertEquals(100.0, num(sync, "value"), 1e-4);
        assertEquals(7, num(sync, "numerator"), 1e-4);
        assertEquals(7, num(sync, "denominator"), 1e-4);
        assertEquals(4.5, num(sync, "points"), 1e-4);
        assertEquals(4.5, j.getDouble("groups[0].points"), 1e-4);
        assertEquals(15.59, j.getDouble("groups[1].points"), 1e-4);
        assertEquals(20, j.getInt("groups[1].maxPoints"));
        assertEquals(22.60, j.getDouble("points"), 1e-4);
        assertEquals(33.40, j.getDouble("maxPointsWithData"), 1e-4);
        assertEquals(100, j.getDouble("maxPoints"), 1e-4);
        for (String id : List.of("1.1", "1.2", "1.3", "3.1", "3.2", "3.5", "3.6", "4.1", "4.2", "4.3", "4.4", "4.5",
            "5.1", "5.2", "5.3")) {
            Map<String, Object> i = indicator(j, id);
            assertEquals("NO_DATA", i.get("status"), id);
            assertEquals(null, i.get("value"), id);
            assertEquals(null, i.get("points"), id);
            assertTrue(i.get("reason") != null && i.get("reasonEn") != null, id);
        }
        assertEquals("Hệ thống chưa ghi nhận các bộ phận tạo thành được công khai của thủ tục",
            indicator(j, "1.3").get("reason"));
        assertEquals(0.0, j.getDouble("groups[3].points"), 1e-4);
    }

    @Test
    @DisplayName("The dossiers that cost points: 2.1 C (late, apology or not) and D (two supplement requests); 2.2 C;"
        + " 3.3 A, C, D, E, G; 5.4 the rated A and C")
    void dossiersThatCostPoints() {
        Map<String, String> d = dossiers();
        JsonPath late = costs("2.1");
        assertEquals(2, late.getLong("total"));
        assertEquals(List.of(d.get("C"), d.get("D")), late.getList("dossiers.code"));
        assertEquals(List.of("LATE"), late.getList("dossiers[0].reasons"));
        assertEquals(List.of("MULTIPLE_SUPPLEMENTS"), late.getList("dossiers[1].reasons"));
        assertEquals("Yêu cầu bổ sung hồ sơ nhiều hơn một lần", late.getString("dossiers[1].reason"));
        assertEquals("1.004873", late.getString("dossiers[0].procedureCode"));
        assertEquals(CAM_LO, late.getString("dossiers[0].agencyCode"));
        assertEquals("Xã Cam Lộ", late.getString("dossiers[0].agencyName"));
        JsonPath time = costs("2.2");
        assertEquals(List.of(d.get("C")), time.getList("dossiers.code"));
        assertEquals("7.13 / 3.00 ngày làm việc / working days", time.getString("dossiers[0].detail"));
        JsonPath online = costs("3.3");
        assertEquals(java.util.Set.of(d.get("A"), d.get("C"), d.get("D"), d.get("E"), d.get("G")),
            java.util.Set.copyOf(online.getList("dossiers.code")));
        assertEquals(java.util.Set.of("DIRECT", "POSTAL"), java.util.Set.copyOf(online.getList("dossiers.reasons.flatten()")));
        // One page at a time (issue 14 trial): 5 dossiers in pages of 2 → 2, 2, 1, in the same order as the whole list.
        List<String> paged = new java.util.ArrayList<>();
        Integer next = 0;
        while (next != null) {
            JsonPath page = TestAccounts.as(url, LEADER).queryParam("from", "2026-03-01").queryParam("to", "2026-03-31")
                .queryParam("agency", CAM_LO).queryParam("offset", next).queryParam("limit", 2).when()
                .get("/reports/indicators-766/3.3/dossiers").then().statusCode(200).extract().jsonPath();
            assertEquals(5, page.getLong("total"));
            assertEquals(2, page.getInt("limit"));
            paged.addAll(page.getList("dossiers.code"));
            next = page.get("nextOffset");
        }
        assertEquals(online.getList("dossiers.code"), paged);
        for (String bad : List.of("limit=abc", "limit=0", "limit=1001", "offset=-1")) {
            String[] kv = bad.split("=");
            TestAccounts.as(url, LEADER).queryParam("from", "2026-03-01").queryParam("to", "2026-03-31")
                .queryParam(kv[0], kv[1]).when().get("/reports/indicators-766/3.3/dossiers").then().statusCode(400)
                .body("reason", equalTo("INVALID_INPUT"));
        }
        JsonPath satisfaction = costs("5.4");
        assertEquals(java.util.Set.of(d.get("A"), d.get("C")), java.util.Set.copyOf(satisfaction.getList("dossiers.code")));
        assertEquals(List.of("DISLIKED"), satisfaction.getList("dossiers.find { it.code == '" + d.get("A") + "' }.reasons"));
        assertEquals(List.of("LATE", "DISLIKED"),
            satisfaction.getList("dossiers.find { it.code == '" + d.get("C") + "' }.reasons"));
        JsonPath none = costs("4.1");
        assertEquals("NO_DATA", none.getString("status"));
        assertEquals(0, none.getLong("total"));
    }

    @Test
    @DisplayName("400 for bad dates, a reversed range, a bad period; 404 for an unknown indicator; 403 for a desk officer"
        + " and for another unit")
    void refusals() {
        TestAccounts.as(url, LEADER).queryParam("from", "2026-03-31").queryParam("to", "2026-03-01").when()
            .get("/reports/indicators-766").then().statusCode(400).body("reason", equalTo("DATE_RANGE_REVERSED"));
        TestAccounts.as(url, LEADER).queryParam("from", "2026-02-30").queryParam("to", "2026-03-01").when()
            .get("/reports/indicators-766").then().statusCode(400).body("reason", equalTo("INVALID_INPUT"));
        TestAccounts.as(url, LEADER).queryParam("period", "2026-Q5").when()
            .get("/reports/indicators-766").then().statusCode(400).body("reason", equalTo("INVALID_INPUT"));
        TestAccounts.as(url, LEADER).when().get("/reports/indicators-766").then().statusCode(400)
            .body("reason", equalTo("INVALID_INPUT"));
        TestAccounts.as(url, LEADER).queryParam("period", "2026-03").when()
            .get("/reports/indicators-766/3.4/dossiers").then().statusCode(404).body("reason", equalTo("NOT_FOUND"));
        TestAccounts.as(url, DESK).queryParam("period", "2026-03").when()
            .get("/reports/indicators-766").then().statusCode(403).body("reason", equalTo("ROLE_REQUIRED"));
        TestAccounts.as(url, LEADER).queryParam("period", "2026-03").queryParam("agency", "QT25.XA_VINH_LINH").when()
            .get("/reports/indicators-766").then().statusCode(403).body("reason", equalTo("OUT_OF_SCOPE"));
        TestAccounts.as(url, LEADER).queryParam("period", "2026-03").queryParam("agency", "QT25.XA_VINH_LINH").when()
            .get("/reports/indicators-766/2.1/dossiers").then().statusCode(403).body("reason", equalTo("OUT_OF_SCOPE"));
        for (String agency : List.of("NOPE", "../../", "QT25.XA_CAM_LO/..")) {
            for (String path : List.of("/reports/indicators-766", "/reports/indicators-766/2.1/dossiers")) {
                TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).queryParam("period", "2026-03")
                    .queryParam("agency", agency).when().get(path).then().statusCode(400)
                    .contentType("application/problem+json").body("reason", equalTo("INVALID_INPUT"));
            }
        }
        JsonPath named = indicators(Map.of("period", "2026-03"));
        assertEquals("2026-03-31", named.getString("to"));
        assertEquals(66.67, num(indicator(named, "2.1"), "value"), 1e-4); // the leader's units are Cam Lộ
    }

    @Test
    @DisplayName("Screen: the leader opens the 766 page from the menu, picks March, sees the points, 'Không có dữ liệu'"
        + " with its reason, and the late dossiers behind 2.1")
    void screen() throws Exception {
        Map<String, String> d = dossiers();
        TestAccounts.ensure(url, LEADER);
        try (Browser b = Browser.open(TestServer.appRoot(url))) {
            try {
                b.signIn(LEADER.username(), LEADER.password());
                assertTrue(b.driver().getPageSource().contains("/app/indicators-766.xhtml"), "the menu links the page");
                b.go("/app/indicators-766.xhtml");
                b.driver().executeScript("document.getElementById('i766:from_input').value = '01/03/2026';"
                    + "document.getElementById('i766:to_input').value = '31/03/2026';");
                b.driver().executeScript("arguments[0].click();", b.find("i766:apply"));
                b.settle();
                java.util.function.Function<String, String> cell = css -> b.driver().findElement(
                    org.openqa.selenium.By.cssSelector(css)).getText().strip();
                assertEquals("66,7 %", cell.apply(".mc-i766-value-2-1"));
                assertEquals("6,67", cell.apply(".mc-i766-points-2-1"));
                assertEquals("3,36 ngày làm việc", cell.apply(".mc-i766-value-2-2"));
                assertEquals("8,92", cell.apply(".mc-i766-points-2-2"));
                assertEquals("28,6 %", cell.apply(".mc-i766-value-3-3"));
                assertEquals("0,0 %", cell.apply(".mc-i766-value-5-4"));
                assertEquals("0,00", cell.apply(".mc-i766-points-5-4"));
                assertEquals("100,0 %", cell.apply(".mc-i766-value-1-4"));
                assertEquals("4,50", cell.apply(".mc-i766-points-1-4"));
                assertEquals("22,60", b.text("total-points"));
                assertEquals("33,4", b.text("total-max-data"));
                String noData = cell.apply(".mc-i766-nodata-1-3");
                assertTrue(noData.contains("Không có dữ liệu")
                    && noData.contains("Hệ thống chưa ghi nhận các bộ phận tạo thành được công khai của thủ tục"), noData);
                String body = b.driver().findElement(org.openqa.selenium.By.tagName("body")).getText();
                assertTrue(body.contains("Tiến độ, kết quả giải quyết — 15,59 / 20 điểm"), body);
                assertTrue(body.contains("(4 / 6)") && body.contains("(16,81 / 5)") && body.contains("2,51 / 4,4"), body);
                assertTrue(body.contains("Số hóa hồ sơ — Không có dữ liệu (tối đa của nhóm: 22 điểm)"), body);
                assertEquals(List.of(), LanguageLayoutBrowserIT.english(body), "no English on the Vietnamese page");
                assertEquals("2", cell.apply(".mc-i766-costs-2-1"));
                b.screenshot("indicators-766-march");
                b.driver().executeScript("arguments[0].click();", b.driver().findElement(
                    org.openqa.selenium.By.cssSelector(".mc-i766-costs-2-1")));
                b.settle();
                String list = b.text("i766:list");
                assertEquals("2", b.text("list-count"), "the total of the lazily paged list");
                assertTrue(list.contains(d.get("C")) && list.contains(d.get("D")) && !list.contains(d.get("A")), list);
                assertTrue(list.contains("Giải quyết quá hạn") && list.contains("Yêu cầu bổ sung hồ sơ nhiều hơn một lần"),
                    list);
                b.screenshot("indicators-766-late-dossiers");
            } catch (RuntimeException | AssertionError e) {
                b.evidence("indicators-766");
                throw e;
            }
        }
    }
}
