package vn.gov.quangtri.motcua.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 16, text input hygiene, error leaks and protocol, over real HTTP (raw requests, so that every byte is the
 * test's): a NUL or other control character in any query or path parameter, in any JSON body field (also
 * anonymously, also a partner's message) is a 400 problem naming the field and never reaches the database (the
 * PostgreSQL round is where a NUL used to fail with a SEVERE stack trace); a required name of zero-width characters
 * is missing; decomposed input is stored NFC; a body's declared character set is honoured, an unknown one is 415;
 * encoded traversal is 400; an over-large body is 413; no answer names a Java class or the server product; the
 * screens refuse a NUL with a message; and the server log has nothing above INFO for all of it.
 */
@MotcuaIT
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InputHygieneIT {

    private static final String VINH_LINH = "QT25.XA_VINH_LINH";
    /** Receipt day of this class's dossiers. */
    private static final String DAY = "2026-03-12T09:00:00+07:00";
    private static final String PROBLEM = "application/problem+json";

    /** Where this round's server log stood before the first hostile request. */
    private static long logStart = -1;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return EarDeployment.ear();
    }

    @ArquillianResource
    URL url;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    // --- helpers ---------------------------------------------------------------------------------------------

    private String api() {
        return TestServer.serverRoot(url) + TestServer.API_V1;
    }

    private static String basic(TestAccounts.Account a) {
        return "Basic " + Base64.getEncoder().encodeToString((a.username() + ":" + a.password())
            .getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(String method, String rawUri, String authorization, String contentType,
                                      byte[] body) throws IOException, InterruptedException {
        markLog();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(rawUri)).timeout(Duration.ofSeconds(60))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String rawPathAndQuery, TestAccounts.Account as) throws Exception {
        return send("GET", api() + rawPathAndQuery, as == null ? null : basic(as), null, null);
    }

    private HttpResponse<String> postJson(String path, TestAccounts.Account as, String json) throws Exception {
        return send("POST", api() + path, as == null ? null : basic(as), "application/json",
            json.getBytes(StandardCharsets.UTF_8));
    }

    /** Asserts a problem answer: status, content type, reason; returns the parsed body. */
    private static JsonPath problem(HttpResponse<String> r, int status, String reason) {
        assertEquals(status, r.statusCode(), r.uri() + " → " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM), r.headers().toString());
        JsonPath body = JsonPath.from(r.body());
        assertEquals(reason, body.getString("reason"), r.body());
        assertEquals(status, body.getInt("status"));
        noLeak(r);
        return body;
    }

    /**
     * A 400 for an address the server refuses: the application's problem document, or, for a NUL or backslash in
     * the path itself, the HTTP server's own bare "400 Invalid URI" (it refuses those bytes before any application
     * code runs; empty body, nothing stored, nothing logged).
     */
    private static void badAddress(HttpResponse<String> r, String reason) {
        assertEquals(400, r.statusCode(), r.uri() + " → " + r.body());
        if (!r.body().isEmpty()) {
            problem(r, 400, reason);
        }
        noLeak(r);
    }

    /** No answer body names a Java class, shows a stack frame or the server product (issue 16). */
    private static void noLeak(HttpResponse<String> r) {
        String body = r.body();
        boolean html = r.headers().firstValue("Content-Type").orElse("").startsWith("text/html");
        // a page carries PrimeFaces' settings (jakarta.faces resource paths, the ViewExpiredException page): not leaks
        List<String> leaks = html ? List.of("vn.gov.", "org.eclipse", "org.glassfish", "No enum constant", "Payara",
                "GlassFish", "Grizzly", ".java:", "\tat ")
            : List.of("vn.gov.", "java.", "jakarta.", "org.eclipse", "org.glassfish", "Exception", "No enum constant",
                "Payara", "GlassFish", "Grizzly", ".java:");
        for (String leak : leaks) {
            assertFalse(body.contains(leak), leak + " in " + r.uri() + ": " + body);
        }
        assertTrue(r.headers().firstValue("Server").isEmpty(), "Server header: " + r.headers().firstValue("Server"));
        assertTrue(r.headers().firstValue("X-Powered-By").isEmpty(),
            "X-Powered-By header: " + r.headers().firstValue("X-Powered-By"));
    }

    private static String intake(String applicantJson, String documentsJson, String extra) {
        return "{\"procedureCode\":\"1.004873\",\"receivingAgencyCode\":\"" + VINH_LINH + "\",\"channel\":\"DIRECT\","
            + "\"submittedAt\":\"" + DAY + "\",\"applicant\":" + applicantJson + ",\"documents\":"
            + (documentsJson == null ? "[{\"requiredPosition\":1,\"form\":\"ORIGINAL\"},{\"requiredPosition\":2,\"form\":\"COPY\"}]"
                : documentsJson) + (extra == null ? "" : "," + extra) + "}";
    }

    private static String applicant(String nameJsonEscaped, String addressJsonEscaped) {
        return "{\"kind\":\"INDIVIDUAL\",\"name\":\"" + nameJsonEscaped + "\",\"idNumber\":\"045090003333\""
            + (addressJsonEscaped == null ? "" : ",\"address\":\"" + addressJsonEscaped + "\"") + "}";
    }

    /** The dossiers of Vĩnh Linh whose applicant name contains the marker (desk officer's search). */
    private int dossiersNamed(String marker) throws Exception {
        HttpResponse<String> r = get("/dossiers?limit=50&applicant="
            + java.net.URLEncoder.encode(marker, StandardCharsets.UTF_8), TestAccounts.DESK_VINH_LINH);
        assertEquals(200, r.statusCode(), r.body());
        return JsonPath.from(r.body()).getList("items").size();
    }

    // --- A: NUL and other controls anywhere are 400, never 500 -------------------------------------------------

    @Test
    @Order(1)
    @DisplayName("A: a NUL in a query or path parameter is 400 CONTROL_CHARACTER naming it, also anonymously")
    void controlCharactersInParameters() throws Exception {
        TestAccounts.Account admin = TestAccounts.SYSTEM_ADMIN;
        JsonPath q = problem(get("/procedures?q=dang%00ky", null), 400, "CONTROL_CHARACTER");
        assertEquals(List.of("q: control character U+0000 not allowed"), q.getList("errors"));
        badAddress(get("/procedures/H50-L006%00", null), "CONTROL_CHARACTER");
        problem(get("/procedures?field=%1B%5B31m", null), 400, "CONTROL_CHARACTER");
        badAddress(get("/agencies/QT25.XA_VINH_LINH%00", null), "CONTROL_CHARACTER");
        problem(get("/agencies?validOn=2025-06-30%00", null), 400, "CONTROL_CHARACTER");
        problem(get("/calendar/due-date?from=2026-03-02T10:00%00&workingDays=2", null), 400, "CONTROL_CHARACTER");
        problem(get("/public/lookup?code=000.00.60.H50%00&token=x", null), 400, "CONTROL_CHARACTER");
        JsonPath applicant = problem(get("/dossiers?applicant=Nguy%E1%BB%85n%00", TestAccounts.DESK_VINH_LINH), 400,
            "CONTROL_CHARACTER");
        assertEquals(List.of("applicant: control character U+0000 not allowed"), applicant.getList("errors"));
        problem(get("/dossiers?idNumber=%E2%80%AE045", TestAccounts.DESK_VINH_LINH), 400, "CONTROL_CHARACTER");
        badAddress(get("/dossiers/000.00.60.H50-260312-0001%00", TestAccounts.DESK_VINH_LINH), "CONTROL_CHARACTER");
        badAddress(get("/accounts/tiepnhan.vinhlinh%00", admin), "CONTROL_CHARACTER");
        problem(get("/accounts/tiepnhan.vinhlinh%E2%80%AE", admin), 400, "CONTROL_CHARACTER");
        problem(get("/procedures?q=Ph%E9", null), 400, "MALFORMED_ENCODING");
        // legitimate Vietnamese in UTF-8, precomposed or decomposed: answered
        assertEquals(200, get("/procedures?q=%C4%91%C4%83ng%20k%C3%BD", null).statusCode());
        assertEquals(200, get("/procedures?q=" + java.net.URLEncoder.encode(
            Normalizer.normalize("đăng ký đất đai", Normalizer.Form.NFD), StandardCharsets.UTF_8), null).statusCode());
    }

    @Test
    @Order(2)
    @DisplayName("A: a NUL in sign-in names (Basic, token endpoint) is a refused sign-in, not a server error")
    void controlCharactersInUserNames() throws Exception {
        HttpResponse<String> basicNul = send("GET", api() + "/dossiers", "Basic " + Base64.getEncoder()
            .encodeToString("tiepnhan\u0000vinhlinh:Motcua@2026".getBytes(StandardCharsets.UTF_8)), null, null);
        assertEquals(401, basicNul.statusCode(), basicNul.body());
        noLeak(basicNul);
        HttpResponse<String> token = send("POST", api() + "/auth/token", null, "application/x-www-form-urlencoded",
            "grant_type=password&username=tiepnhan%00vinhlinh&password=Motcua%402026".getBytes(StandardCharsets.UTF_8));
        assertTrue(token.statusCode() == 400 || token.statusCode() == 401, token.statusCode() + " " + token.body());
        noLeak(token);
    }

    @Test
    @Order(3)
    @DisplayName("A/B: control characters in any JSON field are 400 naming the field; nothing is stored")
    void controlCharactersInBodies() throws Exception {
        String marker = "Vệ Sinh " + Long.toString(System.nanoTime(), 36);
        TestAccounts.Account desk = TestAccounts.DESK_VINH_LINH;
        List<List<String>> cases = List.of(
            List.of("applicant.name: control character U+0000 not allowed", intake(applicant("\\u0000", null), null, null)),
            List.of("applicant.name: control character U+0000 not allowed",
                intake(applicant(marker + "\\u0000", null), null, null)),
            List.of("applicant.address: control character U+001B not allowed",
                intake(applicant(marker, "Khu phố 3\\u001B[31m"), null, null)),
            List.of("applicant.address: control character U+007F not allowed",
                intake(applicant(marker, "Khu phố 3\\u007F"), null, null)),
            List.of("applicant.address: control character U+2028 not allowed",
                intake(applicant(marker, "Khu phố 3\\u2028Vĩnh Linh"), null, null)),
            List.of("note: control character U+202E not allowed",
                intake(applicant(marker, null), null, "\"note\":\"Ghi chú \\u202Eabc\"")),
            List.of("documents[1].name: control character U+001B not allowed",
                intake(applicant(marker, null), "[{\"requiredPosition\":1,\"form\":\"ORIGINAL\"},"
                    + "{\"name\":\"Giấy \\u001B tờ\",\"form\":\"COPY\"}]", null)),
            List.of("procedureCode: control character U+0000 not allowed",
                intake(applicant(marker, null), null, null).replace("\"1.004873\"", "\"1.004873\\u0000\"")));
        for (List<String> c : cases) {
            JsonPath p = problem(postJson("/dossiers", desk, c.get(1)), 400, "CONTROL_CHARACTER");
            assertEquals(List.of(c.get(0)), p.getList("errors"), c.get(1));
        }
        // zero-width characters only: the name is missing
        JsonPath missing = problem(postJson("/dossiers", desk, intake(applicant("\\u200D\\u200C \\u00A0", null), null, null)),
            400, "INVALID_INPUT");
        assertTrue(missing.getList("errors").contains("applicant.name: required"), missing.prettify());
        assertEquals(0, dossiersNamed(marker), "nothing was stored");

        // an account's names and an anonymous partner-style message
        JsonPath account = problem(postJson("/accounts", TestAccounts.SYSTEM_ADMIN, "{\"username\":\"kiem.tra\\u0000\","
            + "\"fullName\":\"Lê Văn A\",\"password\":\"" + TestAccounts.TEST_PASSWORD + "\",\"agencyCode\":\"" + VINH_LINH
            + "\",\"roles\":[\"DESK_OFFICER\"]}"), 400, "CONTROL_CHARACTER");
        assertEquals(List.of("username: control character U+0000 not allowed"), account.getList("errors"));
        problem(postJson("/public/ratings", null, "{\"code\":\"X\\u0000\",\"token\":\"T\",\"answers\":[]}"), 400,
            "CONTROL_CHARACTER");
        TestPartners.Partner thue = TestPartners.register(url, "IH", "QT25.THUE");
        markLog();
        io.restassured.response.Response partner = TestPartners.post(url, thue, "submit-transfer",
            TestPartners.unique("m"), "{\"transferId\":\"t\\u0000\",\"procedureCode\":\"H50-L006\"}");
        assertEquals(400, partner.statusCode(), partner.asString());
        assertEquals("CONTROL_CHARACTER", partner.path("reason"));
        assertEquals(List.of("transferId: control character U+0000 not allowed"), partner.path("errors"));
    }

    // --- B: what is stored -------------------------------------------------------------------------------------

    @Test
    @Order(4)
    @DisplayName("B/D: decomposed input is stored NFC; a declared ISO-8859-1 body is decoded; unknown charset 415")
    void storedTextAndCharsets() throws Exception {
        String marker = Long.toString(System.nanoTime(), 36);
        String nfd = Normalizer.normalize("Phé Nguyễn " + marker, Normalizer.Form.NFD);
        HttpResponse<String> created = postJson("/dossiers", TestAccounts.DESK_VINH_LINH,
            intake(applicant("  " + nfd + " ", "  Khu phố 3, xã Vĩnh Linh \\u00A0"), null, null));
        assertEquals(201, created.statusCode(), created.body());
        JsonPath d = JsonPath.from(created.body());
        assertEquals("Phé Nguyễn " + marker, d.getString("applicant.name"));
        assertEquals(Normalizer.normalize("Phé Nguyễn " + marker, Normalizer.Form.NFC), d.getString("applicant.name"));
        assertEquals("Khu phố 3, xã Vĩnh Linh", d.getString("applicant.address"));
        JsonPath read = JsonPath.from(get("/dossiers/" + d.getString("code"), TestAccounts.DESK_VINH_LINH).body());
        assertEquals("Phé Nguyễn " + marker, read.getString("applicant.name"), "as stored");

        // ISO-8859-1 declared: decoded by its charset ("Phé", not "Ph\uFFFD")
        String latinName = "Phé " + marker + "L";
        byte[] latin1 = intake(applicant(latinName, null), null, null).getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> declared = send("POST", api() + "/dossiers", basic(TestAccounts.DESK_VINH_LINH),
            "application/json; charset=ISO-8859-1", latin1);
        assertEquals(201, declared.statusCode(), declared.body());
        assertEquals("Phé " + marker + "L", JsonPath.from(declared.body()).getString("applicant.name"));
        // the same bytes without a charset are not UTF-8: 400, nothing stored
        String undeclaredName = "Phé " + marker + "U";
        problem(send("POST", api() + "/dossiers", basic(TestAccounts.DESK_VINH_LINH), "application/json",
            intake(applicant(undeclaredName, null), null, null).getBytes(StandardCharsets.ISO_8859_1)), 400,
            "MALFORMED_ENCODING");
        problem(send("POST", api() + "/dossiers", basic(TestAccounts.DESK_VINH_LINH), "application/json; charset=x-unknown",
            intake(applicant("Phé " + marker + "X", null), null, null).getBytes(StandardCharsets.UTF_8)), 415,
            "UNSUPPORTED_CHARSET");
        assertEquals(0, dossiersNamed(marker + "U"));
        assertEquals(0, dossiersNamed(marker + "X"));
        assertNull(Charset.availableCharsets().get("x-unknown"));
    }

    // --- C: leaks ----------------------------------------------------------------------------------------------

    @Test
    @Order(5)
    @DisplayName("C: binding errors name the field and allowed values; no Java names, no Server/X-Powered-By")
    void noLeaks() throws Exception {
        TestPartners.Partner thue = TestPartners.register(url, "IHC", "QT25.THUE");
        markLog();
        io.restassured.response.Response partner = TestPartners.post(url, thue, "submit-transfer",
            TestPartners.unique("m"), "{\"share\":{\"value\":3,\"unit\":\"LIGHT_YEAR\"}}");
        assertEquals(400, partner.statusCode(), partner.asString());
        assertFalse(partner.asString().contains("vn.gov"), partner.asString());
        assertFalse(partner.asString().contains("No enum constant"), partner.asString());
        assertTrue(partner.asString().contains("share.unit: one of [WORKING_DAY"), partner.asString());

        JsonPath malformed = problem(postJson("/dossiers", TestAccounts.DESK_VINH_LINH, "{\"applicant\":"), 400,
            "MALFORMED_JSON");
        assertEquals(1, malformed.getList("errors").size());
        JsonPath wrongType = problem(postJson("/dossiers", TestAccounts.DESK_VINH_LINH,
            intake(applicant("Lê Văn A", null), "[{\"requiredPosition\":\"một\",\"form\":\"COPY\"}]", null)), 400,
            "MALFORMED_JSON");
        assertTrue(wrongType.getString("errors[0]").startsWith("documents"), wrongType.prettify());
        HttpResponse<String> wrongYear = postJson("/calendar/years", TestAccounts.SYSTEM_ADMIN,
            "{\"year\":\"MMXXVIII\",\"reason\":\"x\"}");
        assertEquals(400, wrongYear.statusCode(), wrongYear.body());
        noLeak(wrongYear);

        HttpResponse<String> ok = get("/procedures/H50-L006", null);
        assertEquals(200, ok.statusCode());
        noLeak(ok);
        // the container's own pages: a missing page and a refused address
        HttpResponse<String> missingPage = send("GET", TestServer.appRoot(url) + "/khong-co.xhtml", null, null, null);
        assertEquals(404, missingPage.statusCode());
        noLeak(missingPage);
        HttpResponse<String> badPage = send("GET", TestServer.appRoot(url) + "/public/lookup.xhtml?code=%00", null, null, null);
        assertEquals(400, badPage.statusCode(), badPage.body());
        noLeak(badPage);
        HttpResponse<String> outside = send("GET", TestServer.serverRoot(url) + "/khong-co", null, null, null);
        assertEquals(404, outside.statusCode());
        assertTrue(outside.headers().firstValue("Server").isEmpty(), "Server header outside the application");
        assertTrue(outside.headers().firstValue("X-Powered-By").isEmpty());
    }

    // --- D: protocol -------------------------------------------------------------------------------------------

    @Test
    @Order(6)
    @DisplayName("D: encoded traversal is 400 MALFORMED_PATH; over-large bodies 413 BODY_TOO_LARGE")
    void protocol() throws Exception {
        for (String path : List.of("/interagency/messages/..%2Fpartners", "/interagency/messages/..%2fpartners",
                "/interagency/messages/%2E%2E%2Fpartners", "/interagency/messages/..%5Cpartners",
                "/procedures/H50-L006;x=1", "/procedures/..%2F..%2Fagencies")) {
            HttpResponse<String> r = send("POST", api() + path, null, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
            badAddress(r, "MALFORMED_PATH");
        }
        problem(get("/procedures/%2E%2E", null), 400, "MALFORMED_PATH");

        // 8 MB and just over the 256 KiB default: refused before binding; a normal intake is unaffected
        String marker = "Lớn " + Long.toString(System.nanoTime(), 36);
        String filler = "x".repeat(8 * 1024 * 1024);
        JsonPath big = problem(postJson("/dossiers", TestAccounts.DESK_VINH_LINH,
            intake(applicant(marker, null), null, "\"note\":\"" + filler + "\"")), 413, "BODY_TOO_LARGE");
        assertEquals(List.of("body: at most 256 KiB"), big.getList("errors"));
        problem(postJson("/dossiers", TestAccounts.DESK_VINH_LINH,
            intake(applicant(marker, null), null, "\"note\":\"" + "x".repeat(256 * 1024) + "\"")), 413, "BODY_TOO_LARGE");
        problem(postJson("/public/ratings", null, "{\"comment\":\"" + filler + "\"}"), 413, "BODY_TOO_LARGE");
        assertEquals(0, dossiersNamed(marker));
        // an operation that reads no body is held to the limit too (it ran with a 20 MB body before)
        problem(postJson("/portal/dispatch", TestAccounts.SYSTEM_ADMIN, "{\"x\":\"" + filler + "\"}"), 413,
            "BODY_TOO_LARGE");
        // no generated WADL naming the implementation (the API is described by /openapi)
        HttpResponse<String> wadl = send("GET", api().replace("/v1", "") + "/application.wadl", null, null, null);
        assertEquals(404, wadl.statusCode(), wadl.body());
        assertFalse(wadl.body().contains("Jersey"), wadl.body());
    }

    // --- E: the fresh-user trial's leftovers ------------------------------------------------------------------

    /**
     * Sends bytes as they are over one connection (Host and framing headers the HTTP client would not send) and
     * reads until the server closes it or 20 s pass.
     */
    private String raw(String request) throws IOException {
        markLog();
        URI root = TestServer.serverRoot(url);
        try (java.net.Socket socket = new java.net.Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = socket.getInputStream().read(buffer)) > 0) {
                    answer.write(buffer, 0, n);
                }
            } catch (java.net.SocketTimeoutException e) {
                // the connection stayed open: what was answered so far is what counts
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static int statusLines(String answer) {
        return answer.split("HTTP/1\\.1 \\d{3}", -1).length - 1;
    }

    @Test
    @Order(6)
    @DisplayName("E: Content-Length with Transfer-Encoding is refused (400, or 411 where the server dropped the length)"
        + " and the connection closed, the smuggled request never answered; a malformed Host is 400; an unknown charset"
        + " is a 415 problem anywhere under /api")
    void framingHostAndCharset() throws Exception {
        URI root = TestServer.serverRoot(url);
        String host = root.getHost() + ":" + root.getPort();
        String smuggled = "GET " + TestServer.API_V1 + "/procedures/H50-L006 HTTP/1.1\r\nHost: " + host + "\r\n\r\n";
        String chunked = "0\r\n\r\n" + smuggled;
        // Content-Length after Transfer-Encoding: the HTTP server itself answers 400 (empty body) and closes; before
        // it, the server drops it and the request looks chunked: 411 LENGTH_REQUIRED from the application, and the
        // request the server still finds in that body is refused too. Either way one answer, connection closed, the
        // smuggled GET never served (logStaysQuiet: no failed write of its answer either).
        for (String path : List.of(TestServer.API_V1 + "/dossiers", TestServer.API_V1 + "/interagency/messages/submit-transfer",
                TestServer.CONTEXT_ROOT + "/login.xhtml", TestServer.CONTEXT_ROOT + "/InterAgencyService")) {
            for (boolean lengthFirst : new boolean[] {true, false}) {
                String length = "Content-Length: " + chunked.length() + "\r\n";
                String answer = raw("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                    + (lengthFirst ? length : "") + "Transfer-Encoding: chunked\r\n" + (lengthFirst ? "" : length) + "\r\n"
                    + chunked);
                assertTrue(answer.startsWith(lengthFirst ? "HTTP/1.1 411" : "HTTP/1.1 400"), path + ": " + answer);
                assertEquals(1, statusLines(answer), "one answer only, the smuggled GET is not served: " + answer);
                assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("connection: close"), answer);
                assertFalse(answer.contains("H50-L006"), answer);
                if (path.startsWith(TestServer.API_V1) && lengthFirst) {
                    assertTrue(answer.contains("\"reason\":\"LENGTH_REQUIRED\""), answer);
                }
            }
        }
        // a chunked body alone is refused the same way (its length is required)
        String plainChunked = raw("POST " + TestServer.API_V1 + "/dossiers HTTP/1.1\r\nHost: " + host + "\r\nContent-Type:"
            + " application/json\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n" + smuggled);
        assertTrue(plainChunked.startsWith("HTTP/1.1 411"), plainChunked);
        assertEquals(1, statusLines(plainChunked), plainChunked);

        // ("evil.example:80:80" is answered by Grizzly before any filter: docs/configuration.md "Answered by the container")
        for (String bad : List.of("evil.example/x", "evil.example:99999", "user@evil.example:8080")) {
            for (String path : List.of(TestServer.API_V1 + "/procedures/H50-L006", TestServer.CONTEXT_ROOT + "/app/inbox.xhtml",
                    TestServer.CONTEXT_ROOT + "/InterAgencyService?wsdl")) {
                String answer = raw("GET " + path + " HTTP/1.1\r\nHost: " + bad + "\r\nConnection: close\r\n\r\n");
                assertTrue(answer.startsWith("HTTP/1.1 400"), bad + " " + path + ": " + answer);
                assertFalse(answer.contains("evil.example"), "no address built from it: " + answer);
            }
        }
        String problem = raw("GET " + TestServer.API_V1 + "/procedures/H50-L006 HTTP/1.1\r\nHost: evil.example/x\r\n"
            + "Connection: close\r\n\r\n");
        assertTrue(problem.contains("\"reason\":\"MALFORMED_HOST\""), problem);
        // a well-formed Host is used as before (no motcua.public.base-url in the tests): the WSDL names it
        String wsdl = raw("GET " + TestServer.CONTEXT_ROOT + "/InterAgencyService?wsdl HTTP/1.1\r\nHost: " + host
            + "\r\nConnection: close\r\n\r\n");
        assertTrue(wsdl.startsWith("HTTP/1.1 200"), wsdl);
        assertTrue(wsdl.contains("location=\"http://" + host + TestServer.CONTEXT_ROOT + "/InterAgencyService\""), wsdl);

        // a charset the server does not know: 415 problem with its path as instance, whatever the endpoint reads
        for (String[] c : List.of(new String[] {"POST", "/dossiers", "application/json; charset=foo"},
                new String[] {"POST", "/auth/token", "application/x-www-form-urlencoded; charset=foo"},
                new String[] {"POST", "/interagency/messages/submit-transfer", "application/json;charset=\"foo\""},
                new String[] {"PUT", "/accounts/tiepnhan.vinhlinh", "application/json; charset=bogus-8"})) {
            HttpResponse<String> r = send(c[0], api() + c[1], basic(TestAccounts.SYSTEM_ADMIN), c[2],
                "{}".getBytes(StandardCharsets.UTF_8));
            JsonPath body = problem(r, 415, "UNSUPPORTED_CHARSET");
            assertEquals(TestServer.API_V1 + c[1], body.getString("instance"), r.body());
        }
        // the status line of a 422 carries its standard phrase, not Grizzly's "CUSTOM"
        String unknown = intake(applicant("Lê Văn A", null), null, null).replace("\"1.004873\"", "\"KHONG-CO\"");
        String rule = raw("POST " + TestServer.API_V1 + "/dossiers HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: "
            + basic(TestAccounts.DESK_VINH_LINH) + "\r\nContent-Type: application/json\r\nContent-Length: "
            + unknown.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + unknown);
        assertTrue(rule.startsWith("HTTP/1.1 422 Unprocessable Content\r\n"), rule);
        assertTrue(rule.contains("\"reason\":\"UNKNOWN_PROCEDURE\""), rule);
        // 413 and a declared but unusable charset answered by the body check carry the instance too
        JsonPath big = problem(postJson("/dossiers", TestAccounts.DESK_VINH_LINH,
            "{\"note\":\"" + "x".repeat(300 * 1024) + "\"}"), 413, "BODY_TOO_LARGE");
        assertEquals(TestServer.API_V1 + "/dossiers", big.getString("instance"));
    }

    @Test
    @Order(6)
    @DisplayName("E: a JSON member given twice is 400 MALFORMED_JSON naming it, nothing stored; signed-in API answers"
        + " and slips are no-store, the public catalogue is not; a user name signs in whatever its case")
    void duplicatesCachingAndNames() throws Exception {
        String marker = "Trùng " + Long.toString(System.nanoTime(), 36);
        JsonPath twice = problem(postJson("/dossiers", TestAccounts.DESK_VINH_LINH,
            intake("{\"kind\":\"INDIVIDUAL\",\"name\":\"" + marker + "\",\"name\":\"Khác\"}", null, null)), 400,
            "MALFORMED_JSON");
        assertEquals(List.of("applicant.name: given twice"), twice.getList("errors"));
        assertEquals(0, dossiersNamed(marker));

        String name = "Lưu Đệm " + Long.toString(System.nanoTime(), 36);
        HttpResponse<String> created = postJson("/dossiers", TestAccounts.DESK_VINH_LINH, intake(applicant(name, null), null, null));
        assertEquals(201, created.statusCode(), created.body());
        String code = JsonPath.from(created.body()).getString("code");
        for (String path : List.of("/dossiers/" + code, "/dossiers?limit=5", "/dossiers/" + code + "/forms/receipt-slip")) {
            HttpResponse<String> r = get(path, TestAccounts.DESK_VINH_LINH);
            assertEquals(200, r.statusCode(), path + " " + r.body());
            assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null), path);
            assertEquals("no-cache", r.headers().firstValue("Pragma").orElse(null), path);
        }
        HttpResponse<String> pub = get("/procedures/H50-L006", null);
        assertEquals(200, pub.statusCode());
        assertFalse(pub.headers().firstValue("Cache-Control").orElse("").contains("no-store"), "public stays cacheable");

        TestAccounts.Account desk = TestAccounts.DESK_VINH_LINH;
        HttpResponse<String> upper = send("GET", api() + "/dossiers/" + code, "Basic " + Base64.getEncoder().encodeToString(
            (" " + desk.username().toUpperCase(java.util.Locale.ROOT) + ":" + desk.password()).getBytes(StandardCharsets.UTF_8)),
            null, null);
        assertEquals(200, upper.statusCode(), "TIEPNHAN.VINHLINH is tiepnhan.vinhlinh: " + upper.body());

        // an account's e-mail must be an address: 400 naming it, no account created
        String user = "thu.email." + Long.toString(System.nanoTime(), 36);
        JsonPath email = problem(postJson("/accounts", TestAccounts.SYSTEM_ADMIN, "{\"username\":\"" + user + "\","
            + "\"fullName\":\"Thử Thư Điện Tử\",\"password\":\"" + desk.password() + "\",\"agencyCode\":\"" + VINH_LINH
            + "\",\"roles\":[\"SPECIALIST\"],\"email\":\"khong-phai-thu@\"}"), 400, "INVALID_INPUT");
        assertEquals(List.of("email: an e-mail address, e.g. ten@quangtri.gov.vn"), email.getList("errors"));
        assertEquals(404, get("/accounts/" + user, TestAccounts.SYSTEM_ADMIN).statusCode(), "not created");

        // every page: the expired-view handling no longer prints its class name into PrimeFaces' settings
        HttpResponse<String> login = send("GET", TestServer.appRoot(url) + "/login.xhtml", null, null, null);
        assertEquals(200, login.statusCode());
        assertTrue(login.body().contains("PrimeFaces.settings"), "a PrimeFaces page");
        assertFalse(login.body().contains("ViewExpiredException"), login.body());
        assertFalse(login.body().contains("jakarta.faces.application"), login.body());
    }

    // --- A: the screens ----------------------------------------------------------------------------------------

    @Test
    @Order(7)
    @DisplayName("A: a NUL typed into the desk's intake form is a message next to the field, not an error page")
    void screensRefuseWithAMessage() {
        markLog();
        try (Browser b = Browser.open(TestServer.appRoot(url))) {
            b.signIn(TestAccounts.DESK_VINH_LINH.username());
            b.go("/app/desk/receive.xhtml");
            b.type("reception:procedure_input", "tinh trang hon nhan");
            b.wait(20).until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//li[contains(@class,'ui-autocomplete-item') and contains(., '1.004873')]"))).click();
            b.settle();
            WebElement name = b.find("reception:name");
            ((JavascriptExecutor) b.driver()).executeScript("arguments[0].value = arguments[1];", name,
                "Lê Văn\u0000 Bình");
            b.click("reception:receive");
            String shown = b.find("messages").getText();
            assertTrue(shown.contains("không chứa ký tự điều khiển"), shown);
            assertFalse(b.driver().getPageSource().contains(".java:"), "no stack trace on the page");
            assertFalse(b.driver().getPageSource().contains("vn.gov."), "no class name on the page");
            b.screenshot("input-hygiene-nul-on-screen");
        }
    }

    @Test
    @Order(6)
    @DisplayName("E (second trial): a malformed Accept, Accept-Language or Content-Type under /api is a 400 MALFORMED_HEADER"
        + " problem, never an HTML page; a SOAP envelope in UTF-16 or declared ISO-8859-1 is a Client fault, no SEVERE log")
    void malformedHeadersAndSoapEncodings() throws Exception {
        String[][] cases = {
            {"GET", "/procedures/H50-L006", "Accept", "application/json;q=abc", "Accept"},
            {"GET", "/procedures/H50-L006", "Accept", "text/html;q=0.5;q", "Accept"},
            {"GET", "/procedures/H50-L006", "Accept", "/json", "Accept"},
            {"GET", "/procedures/H50-L006", "Accept-Language", "vi;q=x", "Accept-Language"},
            {"POST", "/dossiers", "Content-Type", "application/", "Content-Type"},
            {"POST", "/dossiers", "Content-Type", "/json", "Content-Type"},
            {"POST", "/dossiers", "Content-Type", "application/json; charset", "Content-Type"}};
        for (String[] c : cases) {
            markLog();
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api() + c[1])).timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(TestAccounts.DESK_VINH_LINH)).header(c[2], c[3]);
            if ("POST".equals(c[0])) {
                b.POST(HttpRequest.BodyPublishers.ofString("{}"));
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonPath body = problem(r, 400, "MALFORMED_HEADER");
            assertTrue(body.getList("errors").get(0).toString().startsWith(c[4] + ": "), c[3] + " → " + r.body());
            assertEquals(TestServer.API_V1 + c[1], body.getString("instance"), r.body());
        }
        // well-formed but unsatisfiable: 406 as a problem too
        HttpResponse<String> image = http.send(HttpRequest.newBuilder(URI.create(api() + "/procedures/H50-L006"))
            .header("Accept", "image/png").GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        problem(image, 406, "NOT_ACCEPTABLE");

        // SOAP: UTF-8 only; the fault comes before the runtime reads the envelope (no API key needed to see it)
        String env = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:ia=\""
            + "urn:motcua:interagency:v1\"><soapenv:Body><ia:exchange><ia:client>VN/GOV/000.00.00.H50/X</ia:client>"
            + "<ia:payload>Phé</ia:payload></ia:exchange></soapenv:Body></soapenv:Envelope>";
        List<byte[]> bodies = List.of(("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + env).getBytes(StandardCharsets.UTF_16),
            env.getBytes(StandardCharsets.UTF_16LE),
            ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + env).getBytes(StandardCharsets.ISO_8859_1));
        for (byte[] bytes : bodies) {
            markLog();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(TestServer.serverRoot(url)
                    + TestServer.CONTEXT_ROOT + "/InterAgencyService")).header("Content-Type", "text/xml")
                .header("SOAPAction", "\"\"").POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(500, r.statusCode(), r.body());
            assertTrue(r.body().contains("<faultcode>S:Client</faultcode>"), r.body());
            assertTrue(r.body().contains("<reason>UNSUPPORTED_ENCODING</reason><status>415</status>"), r.body());
            noLeak(r);
        }
    }

    // --- the log -----------------------------------------------------------------------------------------------

    @Test
    @Order(100)
    @DisplayName("A: nothing above INFO in the server log for all of the clients' mistakes above")
    void logStaysQuiet() throws IOException {
        Path log = serverLog();
        if (log == null || logStart < 0) {
            return;
        }
        String added;
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            f.seek(Math.min(logStart, f.length()));
            byte[] bytes = new byte[(int) (f.length() - f.getFilePointer())];
            f.readFully(bytes);
            added = new String(bytes, StandardCharsets.UTF_8);
        }
        // Only what the requests caused: entries of the HTTP worker threads (a background job of another test, such
        // as the partner outbox retrying, may warn meanwhile).
        List<String> loud = added.lines().filter(l -> l.contains("[SEVERE]") || l.contains("[WARNING]")
            || l.contains("SEVERE:") || l.contains("WARNING:"))
            .filter(l -> !l.contains("_ThreadName=") || l.contains("_ThreadName=http-thread-pool"))
            .filter(l -> !l.contains("[vn.gov.quangtri.motcua.account.application.TokenKeys]")) // development key made
            .toList();
        assertEquals(List.of(), loud, "log lines above INFO while clients sent hostile input");
    }

    /** This round's server.log (src/it/target/payara6/glassfish/domains/&lt;domain&gt;/logs/server.log), or null. */
    private static Path serverLog() {
        String domain = TestServer.roundInfo().getProperty("domain");
        Path state = Path.of(System.getProperty("motcua.it.stateDir", "target/it-servers"));
        if (domain == null || state.getParent() == null) {
            return null;
        }
        Path log = state.getParent().resolve("payara6/glassfish/domains/" + domain + "/logs/server.log");
        return Files.isRegularFile(log) ? log : null;
    }

    private static synchronized void markLog() {
        if (logStart >= 0) {
            return;
        }
        Path log = serverLog();
        try {
            logStart = log == null ? -1 : Files.size(log);
        } catch (IOException e) {
            logStart = -1;
        }
    }
}
