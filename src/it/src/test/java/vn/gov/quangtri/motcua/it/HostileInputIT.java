package vn.gov.quangtri.motcua.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.it.TestAccounts.Account;
import vn.gov.quangtri.motcua.it.TestPartners.Partner;

/**
 * A fuzz suite of hostile requests (issue 16): every text, number and date of the main write contracts (intake,
 * dossier actions, partner messages over REST and SOAP, partner registration, accounts) is replaced in turn by
 * values no field accepts (NUL, ESC, DEL, U+2028, U+202E, a lone surrogate, an object) and by odd values that
 * must not break anything (over-long text, year 999999999, huge numbers, injection strings, wrong types), and
 * the query and path parameters of the read endpoints get the same; raw bodies are broken JSON, wrong media
 * types and charsets, SOAP envelopes are malformed. The generator is seeded, so a failure reproduces.
 *
 * <p>For every answer: no 5xx (a SOAP fault is allowed only as a client fault with the contract's detail), no
 * stack trace or Java class name in the body, no product or version in {@code Server} / {@code X-Powered-By};
 * every value of the first kind is refused (4xx) and the refused writes changed no row (counts and dossier
 * versions before and after); the server log has no SEVERE entry for the run.
 */
@MotcuaIT
class HostileInputIT {

    /** A unit no other test class receives at, so the dossiers made here disturb no count elsewhere. */
    private static final String GIO_LINH = "QT25.XA_GIO_LINH";
    private static final Account DESK = new Account("tiepnhan.fuzz.giolinh", "Cán bộ kiểm thử Gio Linh", GIO_LINH,
        List.of("DESK_OFFICER"), TestAccounts.TEST_PASSWORD, false);
    private static final Account LEADER = new Account("lanhdao.fuzz.giolinh", "Lãnh đạo kiểm thử Gio Linh", GIO_LINH,
        List.of("LEADER"), TestAccounts.TEST_PASSWORD, false);
    private static final long SEED = 20261206L;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Kinds of stored things counted before and after. */
    private static final String DOSSIERS = "dossiers at Gio Linh";
    private static final String PARTNERS = "partners";
    private static final String ACCOUNTS = "accounts";

    /** JSON values (raw tokens) that no field of any contract may accept (2^32 + 1 would wrap to 1 in an int). */
    private static final List<String> REFUSED = List.of(
        "\"\\u0000\"", "\"Nguyễn\\u0000Văn\"", "\"\\u001b[31mđỏ\"", "\"Lê\\u007f\"", "\"Khu phố\\u20281\"",
        "\"\\u202egnouq\"", "\"\\ud800\"", "{\"x\":{\"y\":1}}", "4294967297");
    /** JSON values (raw tokens) that may be accepted or refused, but must never break the server. */
    private static final List<String> ODD = List.of(
        "\"\"", "\"   \"", "\"" + "ậ".repeat(5000) + "\"", "\"'; DROP TABLE dossier; --\"",
        "\"<script>alert(1)</script>\"", "\"../../../../etc/passwd\"", "\"%00%2e%2e%2f\"",
        "\"${jndi:ldap://127.0.0.1:1/a}\"", "\"+999999999-01-01T00:00:00Z\"", "\"999999999-12-31\"", "-1", "0",
        "99999999999999999999999", "1e400", "-0.0", "true", "null", "[]", "[1,[2,[3]]]", "\"LIGHT_YEAR\"",
        "\"Phe\\u0301\"", "\"\\u200b\\u200c\"");
    /** Plain strings for query and path parameters. */
    private static final List<String> REFUSED_PARAMS = List.of("\u0000", "a\u0000b", "\u001b[31m", "x\u007f",
        "x\u2028y", "\u202egnouq");
    private static final List<String> ODD_PARAMS = List.of("", "ậ".repeat(700), "'; DROP TABLE dossier; --",
        "<script>", "../../etc/passwd", "..%2F..%2F", "%", "%%", "+999999999-01-01", "-1", "99999999999999999999",
        "LIGHT_YEAR", "Phe\u0301", "\u200b", "*", "\\", "{}", "[]", ";", "a b");

    /** Class names and stack frames must never reach a client. */
    private static final Pattern LEAK = Pattern.compile("\\tat |Exception\\b|\\b(java|javax|jakarta|org\\.eclipse"
        + "|org\\.glassfish|com\\.sun|fish\\.payara|org\\.postgresql|org\\.h2|com\\.ctc|vn\\.gov)\\.[a-z]");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return EarDeployment.ear();
    }

    @ArquillianResource
    URL url;

    private final Random random = new Random(SEED);
    private final List<String> findings = new ArrayList<>();
    /** Writes that were accepted (2xx), by what they create: the expected change of the counts. */
    private final Map<String, Integer> created = new LinkedHashMap<>();
    private int requests;

    @Test
    @DisplayName("At least 1,000 hostile requests over REST and SOAP: no 5xx, no leak, every refused value refused, no row changed, no SEVERE log")
    void hostileRequests() throws IOException {
        long logStart = logLength();
        TestAccounts.ensure(url, DESK);
        TestAccounts.ensure(url, LEADER);
        Partner partner = TestPartners.register(url, "IT-FUZZ", "QT25.THUE");
        String dossier = receive("Nguyễn Thị Kiểm Thử " + System.nanoTime());
        Map<String, Object> before = state(dossier);

        intake();
        actions(dossier);
        partnerMessages(partner);
        soap(partner);
        partnerRegistration();
        accounts();
        readParameters(dossier);
        rawBodies(partner, dossier);
        protocol(partner);

        Map<String, Object> expected = new LinkedHashMap<>(before);
        created.forEach((kind, n) -> expected.merge(kind, n, (a, b) -> ((Number) a).intValue() + ((Number) b).intValue()));
        Map<String, Object> after = state(dossier);
        if (!expected.equals(after)) {
            findings.add("refused writes changed stored data: expected " + expected + " (accepted writes: " + created
                + "), found " + after);
        }
        findings.addAll(severeLog(logStart));
        Path report = Path.of("target", "hostile-input-" + TestServer.database() + ".txt");
        Files.write(report, findings, StandardCharsets.UTF_8);
        System.out.println("[HostileInputIT] " + TestServer.database() + ": " + requests + " hostile requests, "
            + findings.size() + " findings (" + report.toAbsolutePath() + ")");
        assertTrue(requests >= 1000, "only " + requests + " requests");
        assertTrue(findings.isEmpty(), findings.size() + " findings:\n" + String.join("\n",
            findings.subList(0, Math.min(60, findings.size()))));
    }

    // ---- the contracts --------------------------------------------------------------------------------------

    private static String intakeTemplate(String name) {
        return "{\"procedureCode\":\"1.004873\",\"receivingAgencyCode\":\"" + GIO_LINH + "\",\"channel\":\"DIRECT\","
            + "\"applicant\":{\"kind\":\"INDIVIDUAL\",\"name\":\"" + name + "\",\"idNumber\":\"045090007777\","
            + "\"phone\":\"0912000777\",\"address\":\"Thôn 3, xã Gio Linh, tỉnh Quảng Trị\"},"
            + "\"documents\":[{\"requiredPosition\":1,\"form\":\"ORIGINAL\"},{\"requiredPosition\":2,\"form\":\"COPY\"}],"
            + "\"submittedAt\":\"2026-04-21T09:00:00+07:00\"}";
    }

    private String receive(String name) {
        Response r = TestAccounts.as(url, DESK).body(intakeTemplate(name)).when().post("/dossiers");
        assertEquals(201, r.statusCode(), r.asString());
        return r.path("code");
    }

    private void intake() {
        mutate(intakeTemplate("Trần Văn Mẫu"), body -> TestAccounts.as(url, DESK).body(body).when().post("/dossiers"),
            "POST /dossiers", 8, DOSSIERS);
        mutateTypes(intakeTemplate("Trần Văn Mẫu"), intakeTemplate("Trần Văn Mẫu"),
            body -> TestAccounts.as(url, DESK).body(body).when().post("/dossiers"), "POST /dossiers");
    }

    private void actions(String code) {
        String[] verbs = {"accept", "request-supplement", "refuse", "assign", "stop", "reschedule"};
        String template = "{\"note\":\"Ghi chú\",\"reason\":\"Lý do\",\"handler\":\"chuyenvien.vinhlinh\","
            + "\"items\":[\"Bản sao giấy tờ\"],\"newDueAt\":\"2026-05-05T10:00:00+07:00\",\"expectedVersion\":999999}";
        // expectedVersion 999999 makes every well-formed action a 409, so only the hostile value decides.
        for (String verb : verbs) {
            Account who = verb.equals("assign") || verb.equals("reschedule") || verb.equals("stop") ? LEADER : DESK;
            mutate(template.replace(",\"expectedVersion\":999999", ""), template,
                body -> TestAccounts.as(url, who).body(body).when().post("/dossiers/" + code + "/" + verb),
                "POST /dossiers/{code}/" + verb, 6, null);
            mutateTypes(template, template,
                body -> TestAccounts.as(url, who).body(body).when().post("/dossiers/" + code + "/" + verb),
                "POST /dossiers/{code}/" + verb);
        }
    }

    private static String transferTemplate(String transferId, String name) {
        return "{\"transferId\":\"" + transferId + "\",\"parentCode\":\"000.00.27.H50-260421-0001\",\"legPosition\":1,"
            + "\"procedureCode\":\"H50-L006\",\"procedureName\":\"Đăng ký đất đai lần đầu\","
            + "\"sendingAgencyCode\":\"QT25.THUE\",\"sendingAgencyName\":\"Thuế tỉnh Quảng Trị\","
            + "\"receivingAgencyCode\":\"" + GIO_LINH + "\",\"action\":\"VERIFY_RESIDENCE\","
            + "\"actionName\":\"Xác minh nơi cư trú\",\"share\":{\"value\":3,\"unit\":\"WORKING_DAY\"},"
            + "\"channel\":\"DIRECT\",\"transferredAt\":\"2026-04-21T15:30+07:00\",\"dueAt\":\"2026-04-24T15:30+07:00\","
            + "\"applicant\":{\"kind\":\"INDIVIDUAL\",\"name\":\"" + name + "\",\"idNumber\":\"045080007777\","
            + "\"phone\":\"0912345777\",\"email\":\"a@b.vn\",\"address\":\"Thôn 1, xã Gio Linh\"},"
            + "\"documents\":[{\"position\":1,\"name\":\"Tờ khai\",\"form\":\"ORIGINAL\",\"quantity\":1}],"
            + "\"note\":\"Kiểm thử liên thông\"}";
    }

    private void partnerMessages(Partner partner) {
        // Each message its own transfer id (unless that is the mutated field) and message id.
        mutateEach(() -> transferTemplate(UUID.randomUUID().toString(), "Hồ Văn Liên Thông"),
            body -> TestPartners.post(url, partner, "submit-transfer", UUID.randomUUID().toString(), body),
            "REST submit-transfer", 8, DOSSIERS);
        String answer = "{\"transferId\":\"" + UUID.randomUUID() + "\",\"status\":\"ACKNOWLEDGED\","
            + "\"at\":\"2026-04-21T16:00:00+07:00\",\"childCode\":\"000.00.61.H50-260421-0001\",\"note\":\"Đã nhận\"}";
        mutate(answer, body -> TestPartners.post(url, partner, "acknowledge", UUID.randomUUID().toString(), body),
            "REST acknowledge", 8, null);
    }

    private void soap(Partner partner) {
        // Every refused value in every field of the payload, over SOAP.
        List<String> paths = leaves(transferTemplate(UUID.randomUUID().toString(), "x"));
        for (String path : paths) {
            for (String value : REFUSED) {
                String payload = replace(transferTemplate(UUID.randomUUID().toString(), "Hồ Văn Xà Phòng"), path, value);
                Response r = TestPartners.soap(url, partner.apiKey(), TestPartners.soapRequest(partner.code(), UUID.randomUUID().toString(),
                    "submit-transfer", payload));
                check(r, "SOAP submit-transfer " + path + "=" + value, true, null);
            }
        }
        // Broken envelopes: client faults, never a server fault.
        String good = TestPartners.soapRequest(partner.code(), UUID.randomUUID().toString(), "query-status",
            "{\"messageId\":\"" + UUID.randomUUID() + "\"}");
        List<String> broken = List.of("", "not xml", "<", good.substring(0, good.length() / 2),
            good.replace("</soapenv:Envelope>", ""), "<?xml version=\"1.0\"?><a/>",
            "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + good.replace("<ia:userId>", "<ia:userId>&e;"),
            "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]><l>&d;</l>",
            good.replace("http://schemas.xmlsoap.org/soap/envelope/", "urn:not-soap"),
            good.replace("<ia:userId>tiepnhan.thue</ia:userId>", "<ia:userId>a&#0;b</ia:userId>"),
            good.replace("<ia:userId>tiepnhan.thue</ia:userId>", "<ia:userId>" + "u".repeat(5000) + "</ia:userId>"),
            good.replace("ia:exchange>", "ia:exchange2>"),
            good.replace("<ia:operation>query-status</ia:operation>", "<ia:operation>../../partners</ia:operation>"),
            good.replace("<soapenv:Body>", "<soapenv:Header><x:y xmlns:x=\"urn:x\" soapenv:mustUnderstand=\"1\"/>"
                + "</soapenv:Header><soapenv:Body>"),
            "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body/></soapenv:Envelope>");
        for (String envelope : broken) {
            check(TestPartners.soap(url, partner.apiKey(), envelope), "SOAP envelope " + abbreviate(envelope), true, null);
        }
        check(TestPartners.soap(url, "wrong-key", good), "SOAP wrong key", true, null);
    }

    private void partnerRegistration() {
        String code = "FZ" + Long.toString(System.nanoTime(), 36).toUpperCase();
        String template = "{\"code\":\"" + code + "\",\"name\":\"Hệ thống thử\",\"agencyCodes\":[\"QT25.THUE\"],"
            + "\"endpointUrl\":\"https://lgsp.quangtri.gov.vn/" + code.toLowerCase() + "\",\"style\":\"REST\","
            + "\"outboundCredentialRef\":\"motcua-partner-" + code.toLowerCase() + "\"}";
        mutate(template, body -> TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).body(body).when()
            .post("/interagency/partners"), "POST /interagency/partners", 6, PARTNERS);
        mutateTypes(template, template, body -> TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).body(body).when()
            .post("/interagency/partners"), "POST /interagency/partners");
        // Addresses a resolver may read as an internal one: refused at registration (issue 16), never registered.
        for (String endpoint : List.of("https://[fe80::1%25eth0]/", "https://0xa9fea9fe/", "https://2852039166/",
                "https://169.254.169.254./", "https://0251.0376.0251.0376/", "https://127.1/", "https://0x7f000001/",
                // fresh-user trial: other metadata services, IPv4 in NAT64 / 6to4, site-local, broadcast, 0.0.0.0, port
                "https://[fd00:ec2::254]/", "https://100.100.100.200/", "https://168.63.129.16/",
                "https://[64:ff9b::a9fe:a9fe]/", "https://[2002:a9fe:a9fe::1]/", "https://[fec0::1]/",
                "https://255.255.255.255/", "https://0.0.0.0/", "https://lgsp.quangtri.gov.vn:99999/")) {
            String body = replace(template, "/endpointUrl", "\"" + endpoint + "\"");
            check(TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).body(body).when().post("/interagency/partners"),
                "POST /interagency/partners /endpointUrl=" + endpoint, true, null);
        }
        String edit = "{\"name\":\"Hệ thống thử\",\"agencyCodes\":[null],\"endpointUrl\":\"https://lgsp.quangtri.gov.vn/x\","
            + "\"style\":\"REST\",\"outboundCredentialRef\":\"motcua-partner-x\",\"active\":true,\"reason\":\"Kiểm thử\"}";
        mutate(edit, body -> TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).body(body).when()
            .put("/interagency/partners/NO-SUCH-PARTNER"), "PUT /interagency/partners/{code}", 2, null);
    }

    private void accounts() {
        String template = "{\"username\":\"fuzz." + Long.toString(System.nanoTime(), 36) + "\","
            + "\"fullName\":\"Người Kiểm Thử\",\"password\":\"KiemThu2026!\",\"agencyCode\":\"" + GIO_LINH + "\","
            + "\"roles\":[\"DESK_OFFICER\"],\"email\":\"fuzz@quangtri.gov.vn\",\"reason\":\"Kiểm thử đầu vào\"}";
        mutate(template, body -> TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).body(body).when().post("/accounts"),
            "POST /accounts", 6, ACCOUNTS);
        mutateTypes(template, template, body -> TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).body(body).when()
            .post("/accounts"), "POST /accounts");
        String active = "{\"active\":false,\"reason\":\"Kiểm thử đầu vào\"}";
        mutateTypes(active, active, body -> TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).body(body).when()
            .put("/accounts/" + DESK.username() + "/active"), "PUT /accounts/{username}/active");
    }

    private void readParameters(String dossier) {
        Map<String, Function<String, Response>> reads = new LinkedHashMap<>();
        reads.put("GET /procedures?q", v -> anonymous().queryParam("q", v).get("/procedures"));
        reads.put("GET /procedures?field", v -> anonymous().queryParam("field", v).get("/procedures"));
        reads.put("GET /agencies?q", v -> anonymous().queryParam("q", v).get("/agencies"));
        reads.put("GET /agencies?validOn", v -> anonymous().queryParam("validOn", v).get("/agencies"));
        reads.put("GET /calendar/due-date?from", v -> anonymous().queryParam("from", v).queryParam("workingDays", 2)
            .get("/calendar/due-date"));
        reads.put("GET /calendar/due-date?workingDays", v -> anonymous().queryParam("from", "2026-03-02T10:00")
            .queryParam("workingDays", v).get("/calendar/due-date"));
        reads.put("GET /dossiers?applicant", v -> TestAccounts.as(url, DESK).queryParam("applicant", v).get("/dossiers"));
        reads.put("GET /dossiers?receivedFrom", v -> TestAccounts.as(url, DESK).queryParam("receivedFrom", v)
            .get("/dossiers"));
        reads.put("GET /dossiers?limit", v -> TestAccounts.as(url, DESK).queryParam("limit", v).get("/dossiers"));
        reads.put("GET /dossiers/open-of-applicant?name", v -> TestAccounts.as(url, DESK).queryParam("name", v)
            .get("/dossiers/open-of-applicant"));
        reads.put("GET /procedures/{code}", v -> anonymous().urlEncodingEnabled(false).get("/procedures/" + encode(v)));
        reads.put("GET /agencies/{code}", v -> anonymous().urlEncodingEnabled(false).get("/agencies/" + encode(v)));
        reads.put("GET /dossiers/{code}", v -> TestAccounts.as(url, DESK).urlEncodingEnabled(false)
            .get("/dossiers/" + encode(v)));
        reads.put("GET /dossiers/{code}/forms/{form}", v -> TestAccounts.as(url, DESK).urlEncodingEnabled(false)
            .get("/dossiers/" + dossier + "/forms/" + encode(v)));
        reads.put("GET /public/lookup?code", v -> anonymous().queryParam("code", v).queryParam("token", "x")
            .get("/public/lookup"));
        // A request line over the server's header buffer (8 KiB) is refused by the HTTP layer, which may close the
        // connection while the client still writes: that counts as refused, never as a server error.
        String huge = "ậ".repeat(3000);
        for (Map.Entry<String, Function<String, Response>> read : reads.entrySet()) {
            try {
                check(read.getValue().apply(huge), read.getKey() + "=<3000 characters>", false, null);
            } catch (Exception e) { // rest-assured rethrows the socket's IOException undeclared
                if (!(rootCause(e) instanceof java.net.SocketException)) {
                    throw new AssertionError(e);
                }
                requests++;
            }
            for (String value : REFUSED_PARAMS) {
                check(read.getValue().apply(value), read.getKey() + "=" + printable(value), true, null);
            }
            for (String value : pick(ODD_PARAMS, 8)) {
                check(read.getValue().apply(value), read.getKey() + "=" + printable(value), false, null);
            }
        }
    }

    private void rawBodies(Partner partner, String dossier) {
        List<String> bodies = List.of("", "{", "}", "[]", "null", "\"text\"", "{\"a\":", "{\"procedureCode\":}",
            "[".repeat(20000) + "]".repeat(20000), "{\"applicant\":" + "{\"x\":".repeat(3000) + "1" + "}".repeat(3001),
            "\uFEFF" + intakeTemplate("Có BOM"), intakeTemplate("Trùng khoá").replace("{", "{\"channel\":\"POSTAL\","),
            "{\"procedureCode\":\"1.004873\"" + ",\"x\":1".repeat(20000) + "}");
        for (String body : bodies) {
            check(TestAccounts.as(url, DESK).body(body).when().post("/dossiers"), "raw intake " + abbreviate(body),
                false, DOSSIERS);
            check(TestPartners.post(url, partner, "submit-transfer", UUID.randomUUID().toString(), body),
                "raw submit-transfer " + abbreviate(body), false, DOSSIERS);
            check(TestAccounts.as(url, DESK).body(body).when().post("/dossiers/" + dossier + "/refuse"),
                "raw refuse " + abbreviate(body), true, null);
        }
        // Media types and charsets.
        byte[] latin1 = intakeTemplate("Phé Latin").getBytes(StandardCharsets.ISO_8859_1);
        check(withDesk().contentType("application/json; charset=ISO-8859-1").body(latin1).post("/dossiers"),
            "intake ISO-8859-1", false, DOSSIERS);
        check(withDesk().contentType("application/json; charset=x-unknown").body(latin1).post("/dossiers"),
            "intake unknown charset", true, null);
        check(withDesk().contentType("text/plain").body(intakeTemplate("Văn bản")).post("/dossiers"),
            "intake text/plain", true, null);
        check(withDesk().contentType("application/xml").body("<a/>").post("/dossiers"), "intake XML", true, null);
        check(withDesk().contentType("application/json").body(new byte[] {(byte) 0xC3, (byte) 0x28, '{', '}'})
            .post("/dossiers"), "intake invalid UTF-8", true, null);
        check(given().spec(TestServer.api(url)).contentType("application/x-www-form-urlencoded")
            .body("grant_type=password&username=a%00b&password=x").post("/auth/token"), "token NUL user", true, null);
        check(given().spec(TestServer.api(url)).contentType(ContentType.JSON)
            .body("{\"grant_type\":\"refresh_token\",\"refresh_token\":\"" + "e".repeat(9000) + "\"}").post("/auth/token"),
            "token long refresh", true, null);
        check(given().spec(TestServer.api(url)).header("Authorization", "Bearer " + "a.b.c").get("/dossiers"),
            "bad bearer", true, null);
        try {
            check(given().spec(TestServer.api(url)).header("Authorization", "Bearer " + "x".repeat(20000))
                .get("/dossiers"), "long bearer", true, null);
        } catch (Exception e) {
            // A header beyond the HTTP server's limit may be answered by closing the connection while the client still
            // writes ("Broken pipe", seen once under load): refused, not a finding. Anything else is.
            if (!(rootCause(e) instanceof java.net.SocketException)) {
                throw e;
            }
            requests++;
        }
        // Fresh-user trial: a member given twice, a partner document outside the contract, unknown charsets anywhere.
        check(TestAccounts.as(url, DESK).body(intakeTemplate("Hai tên").replaceFirst("\\{", "{\"channel\":\"DIRECT\",")
            .replaceFirst("\"channel\":\"DIRECT\",", "\"channel\":\"DIRECT\",\"channel\":\"POSTAL\",")).post("/dossiers"),
            "intake with a member twice", true, null);
        String transfer = transferTemplate(UUID.randomUUID().toString(), "Ngoài Hợp Đồng");
        for (String broken : List.of(transfer.replaceFirst("\\{", "{\"priority\":\"HIGH\","),
                transfer.replaceFirst("\"documents\":\\[[^\\]]*\\]", "\"documents\":null"),
                transfer.replaceFirst("\"receivingAgencyCode\":\"[^\"]*\"", "\"receivingAgencyCode\":\"QT25.THUE\""))) {
            check(TestPartners.post(url, partner, "submit-transfer", UUID.randomUUID().toString(), broken),
                "submit-transfer " + abbreviate(broken), true, null);
        }
        for (String type : List.of("application/json; charset=foo", "application/json; charset=utf-9")) {
            // bytes: the client could not encode a text in an unknown charset itself
            check(withDesk().contentType(type).body(intakeTemplate("Bộ mã lạ").getBytes(StandardCharsets.UTF_8))
                .post("/dossiers"), "intake " + type, true, null);
            check(TestPartners.message(url, partner, "submit-transfer", UUID.randomUUID().toString()).contentType(type)
                .body(transfer.getBytes(StandardCharsets.UTF_8)).post("/interagency/messages/submit-transfer"),
                "submit-transfer " + type, true, null);
        }
        // (the token endpoint's form with charset=foo: InputHygieneIT, the client here cannot send it)
        // Encoded traversal in paths.
        for (String path : List.of("/interagency/messages/..%2Fpartners", "/interagency/messages/%2E%2E%2Fpartners",
            "/interagency/messages/..%5Cpartners", "/interagency/messages/submit-transfer;x=1",
            "/dossiers/..%2Faccounts", "/procedures/%2e%2e")) {
            check(TestPartners.message(url, partner, "submit-transfer", UUID.randomUUID().toString())
                .urlEncodingEnabled(false).body("{}").post(path), "traversal " + path, true, null);
        }
    }

    /**
     * What the HTTP layer and the container see before the application's resources (issue 16, protocol): a session
     * path parameter on the API, a request with both Content-Length and Transfer-Encoding, a form of the screens over
     * the listener's 2 MB, the service description's comments and unknown documents, {@code /metrics} and the admin
     * listener's headers. None of these may log a SEVERE or WARNING entry on an HTTP worker thread.
     */
    private void protocol(Partner partner) throws IOException {
        long from = logLength();
        URI root = TestServer.serverRoot(url);
        String api = TestServer.API_V1;
        // ;jsessionid=… is taken out of the path by the container before any filter: refused all the same.
        for (String path : List.of(api + "/procedures;jsessionid=0123456789ABCDEF",
            api + "/procedures/1.004873;jsessionid=x", api + "/dossiers;jsessionid=1;x=2")) {
            Response r = given().spec(TestServer.server(url)).urlEncodingEnabled(false).get(path);
            check(r, "path parameter " + path, true, null);
            if (r.statusCode() != 400 || !"MALFORMED_PATH".equals(r.path("reason"))) {
                findings.add("path parameter " + path + " → " + r.statusCode() + " " + abbreviate(r.asString()));
            }
        }
        check(TestPartners.message(url, partner, "submit-transfer", UUID.randomUUID().toString())
            .urlEncodingEnabled(false).body("{}").post("/interagency/messages/submit-transfer;jsessionid=A1"),
            "partner message ;jsessionid", true, null);

        // Content-Length and Transfer-Encoding together (request smuggling): 400 from the HTTP layer, no SEVERE.
        String auth = java.util.Base64.getEncoder().encodeToString((DESK.username() + ":" + DESK.password())
            .getBytes(StandardCharsets.UTF_8));
        for (String head : List.of("Content-Length: 5\r\nTransfer-Encoding: chunked",
            "Transfer-Encoding: chunked\r\nContent-Length: 100")) {
            String status = rawStatus(root, "POST " + api + "/dossiers HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                + auth + "\r\nContent-Type: application/json\r\n" + head + "\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
            requests++;
            // refused before any resource: 411 (the HTTP server dropped the length) or 400 (both seen), never 2xx/422
            if (!status.startsWith("HTTP/1.1 411") && !status.startsWith("HTTP/1.1 400")) {
                findings.add("Content-Length with Transfer-Encoding (" + head.replace("\r\n", ", ") + ") → " + status);
            }
        }

        // A chunked body alone (its length is required: 411) and Host headers that are not host[:port] (400).
        String chunked = rawStatus(root, "POST " + api + "/dossiers HTTP/1.1\r\nHost: localhost\r\nContent-Type:"
            + " application/json\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
        requests++;
        if (!chunked.startsWith("HTTP/1.1 411")) {
            findings.add("chunked body → " + chunked);
        }
        for (String host : List.of("evil.example/x", "evil.example:99999", "user@evil.example:8080")) {
            String status = rawStatus(root, "GET " + api + "/procedures HTTP/1.1\r\nHost: " + host + "\r\n"
                + "Connection: close\r\n\r\n");
            requests++;
            if (!status.startsWith("HTTP/1.1 400")) {
                findings.add("Host: " + host + " → " + status);
            }
        }

        // A form of the screens over 2 MB: 413 with a page of its own, never 500.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
        byte[] form = ("j_username=a&x=" + "a".repeat(3 * 1024 * 1024)).getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> big = send(http, HttpRequest.newBuilder(root.resolve(TestServer.CONTEXT_ROOT + "/login.xhtml"))
            .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofByteArray(form)));
        requests++;
        if (big != null && (big.statusCode() != 413 || !big.body().contains("2 MB") || LEAK.matcher(big.body()).find())) {
            findings.add("form of 3 MB → " + big.statusCode() + " " + abbreviate(big.body()));
        }

        // The service description: no comments (Metro writes its name and version there); unknown documents 404.
        String wsdl = TestServer.CONTEXT_ROOT + "/InterAgencyService";
        for (String query : List.of("?wsdl", "?xsd=1")) {
            Response r = given().spec(TestServer.server(url)).get(wsdl + query);
            requests++;
            if (r.statusCode() != 200 || r.asString().contains("<!--") || r.asString().matches("(?s).*(Metro|XML-WS|JAX-WS).*")) {
                findings.add("service description " + query + " → " + r.statusCode() + " " + abbreviate(r.asString()));
            }
        }
        for (String query : List.of("?wsdl=1", "?xsd=2", "?xsd=99", "?wsdl=../../x")) {
            Response r = given().spec(TestServer.server(url)).urlEncodingEnabled(false).get(wsdl + query);
            check(r, "service description " + query, true, null);
            if (r.statusCode() != 404 || r.asString().contains("<html") || r.asString().contains("Web Services")) {
                findings.add("service description " + query + " → " + r.statusCode() + " " + abbreviate(r.asString()));
            }
        }

        // /metrics only for the role microprofile (over HTTPS); /health stays public.
        HttpResponse<String> metrics = send(http, HttpRequest.newBuilder(root.resolve("/metrics")).GET());
        requests++;
        if (metrics != null && (metrics.statusCode() < 300 || metrics.body().contains("# TYPE"))) {
            findings.add("/metrics without credentials → " + metrics.statusCode() + " " + abbreviate(metrics.body()));
        }
        HttpResponse<String> health = send(http, HttpRequest.newBuilder(root.resolve("/health")).GET());
        requests++;
        if (health != null && health.statusCode() != 200) {
            findings.add("/health → " + health.statusCode() + " (promised public)");
        }
        // The admin listener names no product either.
        HttpResponse<String> admin = send(http, HttpRequest.newBuilder(TestServer.adminRoot().resolve("/management/domain"))
            .header("Accept", "application/json").GET());
        requests++;
        if (admin != null && (admin.headers().firstValue("X-Powered-By").isPresent()
                || admin.headers().firstValue("Server").filter(v -> v.matches(".*(\\d|Payara|GlassFish|Java).*")).isPresent())) {
            findings.add("admin listener headers: X-Powered-By=" + admin.headers().firstValue("X-Powered-By").orElse(null)
                + " Server=" + admin.headers().firstValue("Server").orElse(null));
        }
        findings.addAll(containerLog(from, List.of("[SEVERE]", "[WARNING]")));
    }

    private HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(java.time.Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            findings.add("no answer to " + request.build().uri() + ": " + e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a raw HTTP/1.1 request (the client libraries refuse to send such) and returns the status line. */
    private static String rawStatus(URI root, String request) throws IOException {
        try (java.net.Socket socket = new java.net.Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                StandardCharsets.ISO_8859_1));
            String line = in.readLine();
            return line == null ? "(connection closed without an answer)" : line;
        }
    }

    // ---- the generator -------------------------------------------------------------------------------------

    /**
     * Every leaf of the template with every refused value, and {@code oddPerLeaf} odd values drawn at random;
     * an accepted write counts as one more of {@code kind} (null: nothing may be created).
     */
    private void mutate(String template, Function<String, Response> send, String what, int oddPerLeaf, String kind) {
        mutate(template, template, send, what, oddPerLeaf, kind);
    }

    /** As above, mutating only the leaves of {@code leavesOf} within {@code template}. */
    private void mutate(String leavesOf, String template, Function<String, Response> send, String what, int oddPerLeaf,
                        String kind) {
        for (String path : leaves(leavesOf)) {
            mutateLeaf(() -> template, path, send, what, oddPerLeaf, kind);
        }
    }

    /** As {@link #mutate}, with a fresh template per request (fresh identifiers). */
    private void mutateEach(Supplier<String> template, Function<String, Response> send, String what, int oddPerLeaf,
                            String kind) {
        for (String path : leaves(template.get())) {
            mutateLeaf(template, path, send, what, oddPerLeaf, kind);
        }
    }

    private void mutateLeaf(Supplier<String> template, String path, Function<String, Response> send, String what,
                            int oddPerLeaf, String kind) {
        for (String value : REFUSED) {
            check(send.apply(replace(template.get(), path, value)), what + " " + path + "=" + value, true, null);
        }
        for (String value : pick(ODD, oddPerLeaf)) {
            check(send.apply(replace(template.get(), path, value)), what + " " + path + "=" + abbreviate(value), false,
                kind);
        }
    }

    /**
     * Issue 16, strict JSON-B: every scalar leaf of {@code leavesOf} replaced, within {@code template}, by values of a
     * wrong JSON type for it (a number or true for a text; a fraction, a quoted number, true or a number beyond a long
     * for a number; a text or 1 for true/false). Each must be refused (4xx) without a leak; nothing may be created.
     */
    private void mutateTypes(String leavesOf, String template, Function<String, Response> send, String what) {
        JsonNode original;
        try {
            original = JSON.readTree(template);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (String path : leaves(leavesOf)) {
            JsonNode leaf = original.at(path);
            List<String> wrong = leaf.isTextual() ? List.of("12", "true", "1.5")
                : leaf.isIntegralNumber() ? List.of("1.5", "\"12\"", "true", "9223372036854775808")
                : leaf.isBoolean() ? List.of("\"yes\"", "1", "\"false\"")
                : List.of();
            for (String value : wrong) {
                check(send.apply(replace(template, path, value)), what + " " + path + "=" + value + " (wrong type)", true,
                    null);
            }
        }
    }

    /** JSON pointers of the scalar leaves of a document. */
    private static List<String> leaves(String json) {
        List<String> out = new ArrayList<>();
        try {
            collect(JSON.readTree(json), "", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static void collect(JsonNode node, String pointer, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> collect(e.getValue(), pointer + "/" + e.getKey(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, out);
            }
        } else {
            out.add(pointer);
        }
    }

    /** The document with the leaf at {@code pointer} replaced by the raw JSON {@code token}. */
    private static String replace(String json, String pointer, String token) {
        try {
            JsonNode root = JSON.readTree(json);
            String parentPointer = pointer.substring(0, pointer.lastIndexOf('/'));
            String last = pointer.substring(pointer.lastIndexOf('/') + 1);
            JsonNode parent = parentPointer.isEmpty() ? root : root.at(parentPointer);
            String hole = "@@HOLE-" + UUID.randomUUID() + "@@";
            if (parent instanceof ArrayNode array) {
                array.set(Integer.parseInt(last), TextNode.valueOf(hole));
            } else {
                ((ObjectNode) parent).set(last, TextNode.valueOf(hole));
            }
            return JSON.writeValueAsString(root).replace("\"" + hole + "\"", token);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> List<T> pick(List<T> values, int n) {
        List<T> copy = new ArrayList<>(values);
        Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(n, copy.size()));
    }

    // ---- the checks ----------------------------------------------------------------------------------------

    /**
     * Records a finding when the answer is a 5xx (SOAP: a fault that is not a client fault), leaks a class name or
     * a stack trace, names the product in its headers, or (when {@code mustRefuse}) is not a 4xx. An accepted
     * write counts as one more {@code kind} (null: the request may create nothing).
     */
    private void check(Response r, String what, boolean mustRefuse, String kind) {
        requests++;
        int status = r.statusCode();
        if (status >= 200 && status < 300 && kind != null) {
            created.merge(kind, 1, Integer::sum);
        }
        String body = r.asString();
        String label = what.length() > 160 ? what.substring(0, 160) + "…" : what;
        if (status >= 500) {
            boolean clientFault = status == 500 && body.contains("Fault>")
                && Pattern.compile("<faultcode>[^<]*:(Client|Sender)[<.]").matcher(body).find()
                && !body.contains("INTERNAL_ERROR");
            if (!clientFault) {
                findings.add("HTTP " + status + " " + label + " → " + abbreviate(body));
            }
        } else if (mustRefuse && status < 400) {
            findings.add("accepted (" + status + ") " + label + " → " + abbreviate(body));
        }
        if (LEAK.matcher(body).find()) {
            findings.add("leak " + label + " → " + abbreviate(body));
        }
        String server = r.getHeader("Server");
        if (r.getHeader("X-Powered-By") != null || server != null && server.matches(".*(\\d|Payara|GlassFish|Java).*")) {
            findings.add("product header " + label + ": Server=" + server + " X-Powered-By=" + r.getHeader("X-Powered-By"));
        }
    }

    /** What the refused writes must not have changed. */
    private Map<String, Object> state(String dossier) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put(DOSSIERS, ((Number) TestAccounts.as(url, DESK).get("/dossiers").path("total")).intValue());
        s.put(PARTNERS, TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).get("/interagency/partners").path("size()"));
        s.put(ACCOUNTS, TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).queryParam("limit", 1000).get("/accounts")
            .asString().split("\"username\"").length - 1);
        Response d = TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).get("/dossiers/" + dossier);
        s.put("dossier.version", d.path("version"));
        s.put("dossier.history", d.path("history.size()"));
        s.put("dossier.status", d.path("status"));
        return s;
    }

    private Path serverLog() {
        String domain = TestServer.roundInfo().getProperty("domain");
        return Path.of(System.getProperty("motcua.it.payaraHome", "target/payara6"))
            .resolve("glassfish/domains/" + domain + "/logs/server.log");
    }

    private long logLength() throws IOException {
        Path log = serverLog();
        return Files.isRegularFile(log) ? Files.size(log) : 0;
    }

    /** SEVERE entries written to the server log since {@code from} (bytes). */
    private List<String> severeLog(long from) throws IOException {
        return containerLog(from, List.of("[SEVERE]"));
    }

    /**
     * Entries of the given levels ({@code [SEVERE]}, {@code [WARNING]}) written to the server log since {@code from}
     * (bytes) by HTTP worker threads or without a thread name.
     */
    private List<String> containerLog(long from, List<String> levels) throws IOException {
        Path log = serverLog();
        if (!Files.isRegularFile(log)) {
            System.out.println("[HostileInputIT] no server log at " + log + "; log check skipped");
            return List.of();
        }
        byte[] all = Files.readAllBytes(log);
        String added = new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from),
            StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        for (String entry : added.split("\\n(?=\\[\\d{4}-)")) {
            // what the requests caused: HTTP worker threads (background jobs of other tests may log meanwhile)
            String level = levels.stream().filter(entry::contains).findFirst().orElse(null);
            if (level != null && (!entry.contains("_ThreadName=") || entry.contains("_ThreadName=http-thread-pool"))) {
                out.add(level.substring(1, level.length() - 1) + " in server log: " + abbreviate(entry));
            }
        }
        return out;
    }

    // ---- small helpers -------------------------------------------------------------------------------------

    private RequestSpecification anonymous() {
        return given().spec(TestServer.api(url));
    }

    private RequestSpecification withDesk() {
        TestAccounts.ensure(url, DESK);
        return given().spec(TestServer.api(url)).auth().preemptive().basic(DESK.username(), DESK.password())
            .config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                .appendDefaultContentCharsetToContentTypeIfUndefined(false)));
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(200).forEach(c -> b.append(c < 0x20 || c == 0x7f || (c >= 0x2000 && c <= 0x206f)
            ? String.format("\\u%04x", c) : new String(Character.toChars(c))));
        return b.toString();
    }

    private static String abbreviate(String s) {
        String p = printable(s.length() > 300 ? s.substring(0, 300) : s);
        return s.length() > 200 ? p + "…(" + s.length() + ")" : p;
    }
}
