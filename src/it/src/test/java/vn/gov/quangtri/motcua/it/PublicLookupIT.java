package vn.gov.quangtri.motcua.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.gov.quangtri.motcua.it.TestAccounts.Account;

/**
 * The citizens' public lookup on the deployed EAR (issue 13 §1): the receipt slip's QR code opens the public page
 * in headless Chromium without sign-in, the JSON API shows the citizen view only, a reissued secret retires the
 * old one, every failure is the same 404, and the 11th failure from one address is answered 429 with
 * {@code Retry-After}. The methods run in order: the limit (10 failures in 10 minutes per client address, the
 * defaults) is reached last, and {@link #failures} counts every failed lookup this class makes, since all
 * requests come from 127.0.0.1 and the server's counter is in memory (a fresh deployment starts at 0).
 */
@MotcuaIT
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicLookupIT {

    private static final String VINH_LINH = "QT25.XA_VINH_LINH";
    private static final Pattern LINK = Pattern.compile("(http://[^?]+/motcua/public/lookup\\.xhtml)\\?code=([^&]+)(?:&token=(.+))?");

    /** Failed lookups made so far by this class (all from 127.0.0.1). */
    private static int failures;
    /** The dossier received in the first test, its secret (current after the second test) and applicant. */
    private static String code;
    private static String token;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return EarDeployment.ear();
    }

    @ArquillianResource
    URL url;

    private RequestSpecification as(Account account) {
        return TestAccounts.as(url, account);
    }

    private RequestSpecification anonymous() {
        return given().spec(TestServer.api(url));
    }

    private Response lookup(String c, String t) {
        RequestSpecification r = anonymous();
        if (c != null) {
            r = r.queryParam("code", c);
        }
        if (t != null) {
            r = r.queryParam("token", t);
        }
        return r.when().get("/public/lookup");
    }

    /** A lookup that must fail: the one 404 problem; counted. */
    private String miss(String c, String t) {
        Response r = lookup(c, t);
        failures++;
        assertEquals(404, r.statusCode(), r.asString());
        assertEquals("application/problem+json", r.contentType().split(";")[0]);
        assertNull(r.header("WWW-Authenticate"), "never a challenge");
        return r.asString();
    }

    private String receive(String applicantName) {
        Map<String, Object> body = Map.of("procedureCode", "1.004873", "receivingAgencyCode", VINH_LINH,
            "applicant", Map.of("kind", "INDIVIDUAL", "name", applicantName, "idNumber", "045190007777",
                "phone", "0912777888", "email", "dung.tran@example.vn", "address", "Thôn Đông, xã Vĩnh Linh"),
            "documents", List.of(Map.of("requiredPosition", 1, "form", "ORIGINAL"),
                Map.of("requiredPosition", 2, "form", "COPY")));
        return as(TestAccounts.DESK_VINH_LINH).body(body).when().post("/dossiers").then().statusCode(201)
            .extract().path("code");
    }

    private byte[] receipt(String c, String lookupToken) {
        RequestSpecification r = as(TestAccounts.DESK_VINH_LINH);
        if (lookupToken != null) {
            r = r.queryParam("lookupToken", lookupToken);
        }
        return r.when().get("/dossiers/" + c + "/forms/receipt-slip").then().statusCode(200)
            .contentType("application/pdf").extract().asByteArray();
    }

    /** The citizen view must not carry what identifies the applicant or the officers. */
    private static void noPersonalData(String json) {
        for (String secret : List.of("045190007777", "0912777888", "dung.tran@example.vn", "Thôn Đông", "Trần Thị Mỹ Dung",
            "Lê Thị Hoa", "tiepnhan.vinhlinh", "idNumber", "phone", "email", "address")) {
            assertFalse(json.contains(secret), secret + " leaked: " + json);
        }
    }

    @Test
    @Order(1)
    @DisplayName("Receipt QR → public page without sign-in: status and masked name in VI and EN; the JSON API shows the citizen view only; a reprint has no secret")
    void receiptQrOpensThePublicPage() throws Exception {
        code = receive("Trần Thị Mỹ Dung");
        byte[] slip = receipt(code, null);
        String qr = Pdfs.qr(slip);
        Matcher m = LINK.matcher(qr);
        assertTrue(m.matches(), qr);
        assertEquals(TestServer.appRoot(url).toString().replaceAll("/$", "") + "/public/lookup.xhtml", m.group(1));
        assertEquals(code, java.net.URLDecoder.decode(m.group(2), StandardCharsets.UTF_8));
        token = java.net.URLDecoder.decode(m.group(3), StandardCharsets.UTF_8);
        assertTrue(token.matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}"), token);
        String slipText = Pdfs.text(slip).replaceAll("\\s+", " ");
        assertTrue(slipText.contains("Mã tra cứu (giữ bí mật): " + token), slipText);

        String unitName = as(TestAccounts.DESK_VINH_LINH).when().get("/dossiers/" + code).then().statusCode(200)
            .extract().path("receivingAgency.name");
        Response view = lookup(code, token);
        assertEquals(200, view.statusCode(), view.asString());
        view.then().body("code", equalTo(code)).body("status", equalTo("RECEIVED"))
            .body("applicantName", equalTo("Tr*** Thị M*** D***"))
            .body("procedureName", equalTo("Cấp Giấy xác nhận tình trạng hôn nhân"))
            .body("receivingUnit", equalTo(unitName))
            .body("contact", equalTo("Bộ phận Một cửa - " + unitName))
            .body("paused", equalTo(false)).body("apologised", equalTo(false));
        String dueAt = as(TestAccounts.DESK_VINH_LINH).when().get("/dossiers/" + code).then().extract().path("dueAt");
        assertEquals(dueAt, view.path("appointment"), "the appointment of the receipt");
        assertEquals("no-store", view.header("Cache-Control"));
        noPersonalData(view.asString());
        assertEquals(200, lookup(code, token.toLowerCase().replace("-", "")).statusCode(), "case and hyphens ignored");

        try (Browser b = Browser.open(TestServer.appRoot(url))) {
            b.driver().get(qr);
            b.settle();
            assertEquals("Đã tiếp nhận", b.text("status"));
            assertEquals("Tr*** Thị M*** D***", b.text("applicant"));
            assertEquals(code, b.text("code"));
            assertEquals(unitName, b.text("unit"));
            assertFalse(b.driver().getPageSource().contains("0912777888"));
            assertTrue(b.driver().getCurrentUrl().contains("/public/lookup.xhtml"), "no redirect to the sign-in page");
            b.screenshot("public-lookup-vi");
            b.driver().findElement(org.openqa.selenium.By.id("lang-en")).click();
            b.settle();
            assertEquals("Received", b.text("status"));
            assertEquals("Tr*** Thị M*** D***", b.text("applicant"));
            b.screenshot("public-lookup-en");
        }

        // A reprint: the secret is not known any more; the QR code opens the page with the code only.
        byte[] reprint = receipt(code, null);
        Matcher again = LINK.matcher(Pdfs.qr(reprint));
        assertTrue(again.matches());
        assertNull(again.group(3), "no secret on a reprint");
        assertTrue(Pdfs.text(reprint).replaceAll("\\s+", " ").contains("đã in trên giấy tiếp nhận lần đầu"));
        assertEquals(200, lookup(code, token).statusCode(), "the first slip's secret still works");
    }

    @Test
    @Order(2)
    @DisplayName("Reissue (desk officer): the old secret gives 404, the new one the view and the new slip; others may not")
    void reissue() throws Exception {
        String old = token;
        Response r = as(TestAccounts.DESK_VINH_LINH).when().post("/dossiers/" + code + "/lookup-token");
        assertEquals(200, r.statusCode(), r.asString());
        token = r.path("token");
        assertNotEquals(old, token);
        assertEquals(code, r.path("code"));
        String link = r.path("lookupUrl");
        assertTrue(link.endsWith("?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&token="
            + URLEncoder.encode(token, StandardCharsets.UTF_8)), link);
        miss(code, old);
        assertEquals(200, lookup(code, token).statusCode());
        assertEquals(link, Pdfs.qr(receipt(code, token)), "the new slip carries the new secret");
        as(TestAccounts.DESK_VINH_LINH).queryParam("lookupToken", old).when().get("/dossiers/" + code + "/forms/receipt-slip")
            .then().statusCode(409).body("reason", equalTo("LOOKUP_TOKEN_MISMATCH"));
        as(TestAccounts.SPECIALIST_VINH_LINH).when().post("/dossiers/" + code + "/lookup-token").then().statusCode(403)
            .body("reason", equalTo("ROLE_REQUIRED"));
        anonymous().when().post("/dossiers/" + code + "/lookup-token").then().statusCode(401);
        assertEquals(200, lookup(code, token).statusCode(), "refused reissues changed nothing");
    }

    @Test
    @Order(2)
    @DisplayName("The page linked from e-mails and SMS (code only): the form with the code filled in, never a failed lookup")
    void codeOnlyLinkIsNoFailedLookup() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        URI page = URI.create(TestServer.appRoot(url) + "/public/lookup.xhtml?code="
            + URLEncoder.encode(code, StandardCharsets.UTF_8));
        for (int i = 0; i < 15; i++) { // more than the 10 failures that block an address and a code
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(page).GET().build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertTrue(r.body().contains("value=\"" + code + "\""), "the code is filled in");
            assertFalse(r.body().contains("Tr*** Thị"), "nothing of the dossier without the secret");
        }
        assertEquals(200, lookup(code, token).statusCode(), "the citizen is not locked out");
    }

    @Test
    @Order(3)
    @DisplayName("Wrong secret, partial or unknown code, missing parameter, a child dossier, wrong Basic credentials: the same 404 body")
    void nothingRevealed() throws Exception {
        String wrongToken = miss(code, "AAAA-BBBB-CCCC-DDDD-EEEE");
        // A child dossier of an inter-agency transfer, delivered by a partner: it never gets a secret.
        PartnerRegistryHelper child = PartnerRegistryHelper.childDossier(url);
        as(TestAccounts.DESK_VINH_LINH).when().post("/dossiers/" + child.code() + "/lookup-token").then()
            .statusCode(409).body("reason", equalTo("CHILD_DOSSIER"));
        assertEquals(child.code(), Pdfs.qr(as(TestAccounts.DESK_VINH_LINH).when()
            .get("/dossiers/" + child.code() + "/forms/receipt-slip").then().statusCode(200).extract().asByteArray()),
            "a child's receipt keeps the bare code");
        List<String> bodies = List.of(
            miss(code.substring(0, code.length() - 1), token),
            miss(code.substring(0, 13), token),
            miss(child.code(), token),
            miss(child.code(), "AAAA-BBBB-CCCC-DDDD-EEEE"),
            miss("000.00.60.H50-990101-0001", token),
            miss(code, null),
            miss(null, token));
        for (String b : bodies) {
            assertEquals(wrongToken, b, "byte for byte the same problem");
        }
        Response basic = anonymous().auth().preemptive().basic("tiepnhan.vinhlinh", "wrong-password")
            .queryParam("code", code).queryParam("token", token).when().get("/public/lookup");
        assertEquals(200, basic.statusCode(), "credentials are ignored on the public API, never challenged");
        assertTrue(wrongToken.contains("\"reason\":\"NO_MATCH\""), wrongToken);
        assertFalse(wrongToken.contains(code), "the problem does not echo the code");
    }

    @Test
    @Order(4)
    @DisplayName("Sequential guesses: the 11th failure from one address is answered 429 with Retry-After, on the API and the page")
    void rateLimit() throws Exception {
        String prefix = code.substring(0, code.length() - 4);
        int n = 0;
        while (failures < 10) {
            miss(prefix + String.format("%04d", 9000 + n++), "AAAA-BBBB-CCCC-DDDD-EEEE");
        }
        Response blocked = lookup(prefix + String.format("%04d", 9000 + n), "AAAA-BBBB-CCCC-DDDD-EEEE");
        assertEquals(429, blocked.statusCode(), blocked.asString());
        blocked.then().body("reason", equalTo("TOO_MANY_ATTEMPTS")).body("status", equalTo(429));
        long retryAfter = Long.parseLong(blocked.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 600, "Retry-After " + retryAfter);
        assertEquals(429, lookup(code, token).statusCode(), "the address is blocked, even with the right secret");
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                TestServer.appRoot(url) + "/public/lookup.xhtml?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
                + "&token=" + token)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(429, page.statusCode());
        assertTrue(page.headers().firstValue("Retry-After").isPresent());
        assertTrue(page.body().contains("id=\"blocked\""), page.body());
        assertFalse(page.body().contains("Tr*** Thị"), "nothing of the dossier while blocked");
    }

    /** A child dossier at Xã Vĩnh Linh, delivered by a partner system of the tax authority (submit-transfer). */
    record PartnerRegistryHelper(String code) {

        static PartnerRegistryHelper childDossier(URL url) {
            TestPartners.Partner thue = TestPartners.register(url, "IT-PUB", "QT25.THUE");
            String transferId = UUID.randomUUID().toString();
            String body = "{\"transferId\":\"" + transferId + "\",\"parentCode\":\"000.00.27.H50-260313-0001\",\"legPosition\":1,"
                + "\"procedureCode\":\"H50-L006\",\"procedureName\":\"Đăng ký đất đai lần đầu\","
                + "\"sendingAgencyCode\":\"QT25.THUE\",\"sendingAgencyName\":\"Thuế tỉnh Quảng Trị\","
                + "\"receivingAgencyCode\":\"" + VINH_LINH + "\",\"action\":\"VERIFY_RESIDENCE\","
                + "\"actionName\":\"Xác minh nơi cư trú\",\"share\":{\"value\":3,\"unit\":\"WORKING_DAY\"},"
                + "\"channel\":\"DIRECT\",\"transferredAt\":\"2026-03-13T15:30+07:00\",\"dueAt\":\"2026-03-18T15:30+07:00\","
                + "\"applicant\":{\"kind\":\"INDIVIDUAL\",\"name\":\"Phan Văn Con\",\"idNumber\":\"045080001234\","
                + "\"phone\":\"0912345001\",\"email\":null,\"address\":\"Khu phố 1, xã Vĩnh Linh\"},"
                + "\"documents\":[{\"position\":1,\"name\":\"Tờ khai\",\"form\":\"ORIGINAL\",\"quantity\":1}],"
                + "\"note\":\"Tra cứu công khai\"}";
            Response r = TestPartners.post(url, thue, "submit-transfer", UUID.randomUUID().toString(), body);
            assertEquals(200, r.statusCode(), r.asString());
            return new PartnerRegistryHelper(r.path("body.childCode"));
        }
    }
}
