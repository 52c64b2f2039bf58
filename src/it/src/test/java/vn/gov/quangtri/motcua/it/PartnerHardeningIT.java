package vn.gov.quangtri.motcua.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.it.TestPartners.Partner;

/**
 * Security issue 16, the partner part, on the deployed EAR: a partner registration may name only a partner
 * credential and an allowed endpoint (these test servers allow plain-http loopback partners explicitly, it-servers.sh);
 * partner input outside the contract is a 400 problem over REST and a client fault over SOAP, never a 500, and
 * changes nothing; the SOAP endpoint names no implementation class.
 */
@MotcuaIT
class PartnerHardeningIT {

    private static final String SENDER_AGENCY = "QT25.THUE";
    private static final String RECEIVER_AGENCY = "QT25.XA_VINH_LINH";
    /** Java class names and the like, which no answer to a partner may contain. */
    private static final String JAVA_NAMES = "(?s).*(Exception|Impl\\b|Wstx|javax\\.|java\\.|com\\.sun|com\\.ctc|vn\\.gov\\."
        + "|InterAgencyEndpoint).*";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return EarDeployment.ear();
    }

    @ArquillianResource
    URL url;

    private static String transfer(String transferId, String applicantName) {
        return "{\"transferId\":\"" + transferId + "\",\"parentCode\":\"000.00.27.H50-260313-0001\",\"legPosition\":1,"
            + "\"procedureCode\":\"H50-L006\",\"procedureName\":\"Đăng ký đất đai lần đầu\","
            + "\"sendingAgencyCode\":\"" + SENDER_AGENCY + "\",\"sendingAgencyName\":\"Thuế tỉnh Quảng Trị\","
            + "\"receivingAgencyCode\":\"" + RECEIVER_AGENCY + "\",\"action\":\"VERIFY_RESIDENCE\","
            + "\"actionName\":\"Xác minh nơi cư trú\",\"share\":{\"value\":3,\"unit\":\"WORKING_DAY\"},"
            + "\"channel\":\"DIRECT\",\"transferredAt\":\"2026-03-13T15:30+07:00\",\"dueAt\":\"2026-03-18T15:30+07:00\","
            + "\"applicant\":{\"kind\":\"INDIVIDUAL\",\"name\":\"" + applicantName + "\",\"idNumber\":\"045080001234\","
            + "\"phone\":\"0912345001\",\"email\":null,\"address\":\"Khu phố 1, xã Vĩnh Linh\"},"
            + "\"documents\":[{\"position\":1,\"name\":\"Tờ khai\",\"form\":\"ORIGINAL\",\"quantity\":1}],"
            + "\"note\":\"Kiểm thử liên thông\"}";
    }

    /** The broken variants of a transfer document for this applicant, each with the problem the answer must list. */
    private static Map<String, String> broken(String name) {
        String good = transfer(UUID.randomUUID().toString(), name);
        String id = good.substring(good.indexOf(":\"") + 2, good.indexOf("\","));
        String doc = "{\"position\":1,\"name\":\"Tờ khai\",\"form\":\"ORIGINAL\",\"quantity\":1}";
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put(good.replace(id, id + "a"), "transferId: a UUID");
        cases.put(good.replace(id, "x-" + System.nanoTime()), "transferId: a UUID");
        cases.put(good.replace("\"legPosition\":1", "\"legPosition\":-1"), "legPosition: a whole number from 1 to 99");
        cases.put(good.replace("\"legPosition\":1", "\"legPosition\":0"), "legPosition: a whole number from 1 to 99");
        cases.put(good.replace("\"quantity\":1", "\"quantity\":-3"), "documents[0].quantity: a whole number from 1 to 999");
        cases.put(good.replace("VERIFY_RESIDENCE", "V".repeat(5000)), "action: at most 40 characters");
        cases.put(good.replace("Xác minh nơi cư trú", "x".repeat(5000)), "actionName: at most 300 characters");
        cases.put(good.replace("Thuế tỉnh Quảng Trị", "x".repeat(5000)), "sendingAgencyName: at most 300 characters");
        cases.put(good.replace("\"name\":\"" + name + "\"", "\"name\":\"" + name + "x".repeat(5000) + "\""),
            "applicant.name: at most 300 characters");
        cases.put(good.replace("2026-03-13T15:30+07:00", "+999999999-12-31T23:59:59+07:00"),
            "transferredAt: a moment in the years 2000–2099");
        cases.put(good.replace("[" + doc + "]", "[" + String.join(",", java.util.Collections.nCopies(201, doc)) + "]"),
            "documents: at most 200 documents");
        // fresh-user trial: an agency transferring to itself, documents null, a member outside the contract
        cases.put(good.replace("\"receivingAgencyCode\":\"" + RECEIVER_AGENCY + "\"", "\"receivingAgencyCode\":\"" + SENDER_AGENCY + "\""),
            "receivingAgencyCode: must differ from sendingAgencyCode");
        cases.put(good.replace("[" + doc + "]", "null"), "documents: an array is expected, not null");
        cases.put(good.replace("\"note\":", "\"priority\":\"HIGH\",\"note\":"), "priority: not a field of this document");
        // second fresh-user trial: a leg due before it was transferred
        cases.put(good.replace("2026-03-18T15:30+07:00", "2026-03-13T15:29+07:00"),
            "dueAt: must not be before transferredAt");
        return cases;
    }

    private long countByApplicant(String name) {
        return ((Number) TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).queryParam("applicant", name)
            .when().get("/dossiers").then().statusCode(200).extract().path("total")).longValue();
    }

    private Response registerRaw(String json) {
        return TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).contentType(ContentType.JSON).body(json)
            .when().post("/interagency/partners");
    }

    private List<String> partnerCodes() {
        return TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).when().get("/interagency/partners").then().statusCode(200)
            .extract().jsonPath().getList("code");
    }

    private static void problem(Response r, int status, String reason) {
        assertEquals(status, r.statusCode(), r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals(reason, r.path("reason"), r.asString());
        assertFalse(r.asString().matches(JAVA_NAMES), r.asString());
    }

    @Test
    @DisplayName("§1: a credential reference outside the partner namespace, a link-local, an unlisted http or a non-URL endpoint"
        + " is refused (422 INVALID_PARTNER, nothing registered or changed); a null agency code is 400")
    void registrationPolicy() {
        int port = 1 + (int) (System.nanoTime() % 60000);
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("{\"outboundCredentialRef\":\"MOTCUA_DB_NAME\",\"endpointUrl\":\"http://127.0.0.1:" + port + "/\"}",
            "outboundCredentialRef");
        refused.put("{\"outboundCredentialRef\":\"${ALIAS=MOTCUA_DB_PASSWORD}\",\"endpointUrl\":\"https://lgsp.quangtri.gov.vn/\"}",
            "outboundCredentialRef");
        refused.put("{\"outboundCredentialRef\":\"motcua.auth.token.key-file\",\"endpointUrl\":\"https://lgsp.quangtri.gov.vn/\"}",
            "outboundCredentialRef");
        refused.put("{\"endpointUrl\":\"http://169.254.169.254/latest/meta-data/\"}", "endpointUrl");
        refused.put("{\"endpointUrl\":\"https://169.254.169.254/latest/meta-data/\"}", "endpointUrl");
        refused.put("{\"endpointUrl\":\"https://[fe80::1]/\"}", "endpointUrl");
        refused.put("{\"endpointUrl\":\"http://lgsp.quangtri.gov.vn/thue\"}", "endpointUrl");
        refused.put("{\"endpointUrl\":\"file:///etc/passwd\"}", "endpointUrl");
        refused.put("{\"endpointUrl\":\"https://user:pw@lgsp.quangtri.gov.vn/\"}", "endpointUrl");
        // fresh-user trial: other metadata services, IPv4 inside NAT64 / 6to4, site-local, broadcast, unspecified
        for (String address : List.of("[fd00:ec2::254]", "100.100.100.200", "168.63.129.16", "[64:ff9b::a9fe:a9fe]",
                "[2002:a9fe:a9fe::1]", "[fec0::1]", "255.255.255.255", "0.0.0.0",
                // second fresh-user trial: NAT64 local-use prefix, IPv4-translated, Teredo forms of 169.254.169.254
                "[64:ff9b:1::a9fe:a9fe]", "[::ffff:0:a9fe:a9fe]", "[2001:0:4136:e378:8000:63bf:5601:5601]")) {
            refused.put("{\"endpointUrl\":\"https://" + address + "/latest/meta-data/\"}", "endpointUrl");
        }
        List<String> before = partnerCodes();
        for (Map.Entry<String, String> c : refused.entrySet()) {
            String code = TestPartners.unique("IT-POLICY");
            String json = "{\"code\":\"" + code + "\",\"name\":\"Hệ thống " + code + "\",\"agencyCodes\":[\"" + SENDER_AGENCY
                + "\"],\"style\":\"REST\"," + c.getKey().substring(1);
            Response r = registerRaw(json);
            problem(r, 422, "INVALID_PARTNER");
            List<String> errors = r.path("errors");
            assertTrue(errors.stream().anyMatch(e -> e.startsWith(c.getValue() + ": ")), r.asString());
            assertFalse(r.asString().contains("postgres") || r.asString().contains("motcua_it"), "no secret value echoed");
        }
        Response nullAgency = registerRaw("{\"code\":\"" + TestPartners.unique("IT-NULL") + "\",\"name\":\"X\","
            + "\"agencyCodes\":[null],\"endpointUrl\":\"https://lgsp.quangtri.gov.vn/x\",\"style\":\"REST\"}");
        problem(nullAgency, 400, "INVALID_INPUT");
        assertEquals(before, partnerCodes(), "nothing registered");

        // A registered partner cannot be changed to name another secret or address either.
        Partner p = TestPartners.register(url, "IT-POLICY-OK", SENDER_AGENCY);
        Response changed = TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).contentType(ContentType.JSON).body(Map.of(
                "name", "Hệ thống đối tác " + p.code(), "agencyCodes", List.of(SENDER_AGENCY),
                "endpointUrl", "http://127.0.0.1:5432/", "style", "REST", "outboundCredentialRef", "MOTCUA_DB_NAME",
                "active", true, "reason", "Kiểm thử"))
            .when().put("/interagency/partners/" + p.code());
        problem(changed, 422, "INVALID_PARTNER");
        List<Map<String, Object>> all = TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).when().get("/interagency/partners")
            .then().extract().jsonPath().getList("$");
        Map<String, Object> stored = all.stream().filter(m -> p.code().equals(m.get("code"))).findFirst().orElseThrow();
        assertEquals("motcua-partner-" + p.code().toLowerCase(), stored.get("outboundCredentialRef"));
        assertEquals("https://lgsp.quangtri.gov.vn/" + p.code().toLowerCase(), stored.get("endpointUrl"));
        Response nullChange = TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).contentType(ContentType.JSON)
            .body("{\"name\":\"X\",\"agencyCodes\":[null],\"endpointUrl\":\"https://lgsp.quangtri.gov.vn/x\","
                + "\"style\":\"REST\",\"active\":true,\"reason\":\"Kiểm thử\"}").when().put("/interagency/partners/" + p.code());
        problem(nullChange, 400, "INVALID_INPUT");
    }

    @Test
    @DisplayName("Issue 16 leftovers: a zone id, single-number, hexadecimal or trailing-dot IPv4 endpoint is refused at"
        + " registration and on change with 400 INVALID_INPUT naming endpointUrl; nothing registered or changed")
    void addressFormsRefusedAtRegistration() {
        List<String> before = partnerCodes();
        for (String endpoint : List.of("https://[fe80::1%25eth0]/", "https://0xa9fea9fe/", "https://2852039166/",
                "https://169.254.169.254./", "https://0251.0376.0251.0376/", "https://lgsp.quangtri.gov.vn:99999/")) {
            String code = TestPartners.unique("IT-ADDR");
            Response r = registerRaw("{\"code\":\"" + code + "\",\"name\":\"Hệ thống " + code + "\",\"agencyCodes\":[\""
                + SENDER_AGENCY + "\"],\"style\":\"REST\",\"endpointUrl\":\"" + endpoint + "\"}");
            problem(r, 400, "INVALID_INPUT");
            List<String> errors = r.path("errors");
            assertEquals(1, errors.size(), r.asString());
            assertTrue(errors.get(0).startsWith("endpointUrl: "), r.asString());
        }
        assertEquals(before, partnerCodes(), "nothing registered");
        Partner p = TestPartners.register(url, "IT-ADDR-OK", SENDER_AGENCY);
        Map<String, Object> change = new java.util.HashMap<>(Map.of("name", "Hệ thống đối tác " + p.code(),
            "agencyCodes", List.of(SENDER_AGENCY), "endpointUrl", "https://2852039166/", "style", "REST",
            "active", true, "reason", "Kiểm thử địa chỉ"));
        Response changed = TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).contentType(ContentType.JSON).body(change)
            .when().put("/interagency/partners/" + p.code());
        problem(changed, 400, "INVALID_INPUT");
        assertEquals(List.of("endpointUrl: the host 2852039166 is not a host name; write an IPv4 address as four decimal"
            + " numbers a.b.c.d (hexadecimal, octal and single-number forms are refused)"), changed.path("errors"));
    }

    @Test
    @DisplayName("Issue 16 (second fresh-user trial): the same system registered again for an agency (same endpoint and"
        + " style) is 409 PARTNER_DUPLICATE and registers nothing; another endpoint for the same agency is accepted")
    void duplicateRegistration() {
        Partner first = TestPartners.register(url, "IT-DUP", SENDER_AGENCY);
        List<String> before = partnerCodes();
        String code = TestPartners.unique("IT-DUP2");
        Response again = registerRaw("{\"code\":\"" + code + "\",\"name\":\"Hệ thống " + code + "\",\"agencyCodes\":[\""
            + SENDER_AGENCY + "\"],\"style\":\"REST\",\"endpointUrl\":\"https://LGSP.quangtri.gov.vn/"
            + first.code().toLowerCase() + "/\"}");
        problem(again, 409, "PARTNER_DUPLICATE");
        assertEquals("Partner system " + first.code() + " already serves agency " + SENDER_AGENCY
            + " at https://lgsp.quangtri.gov.vn/" + first.code().toLowerCase() + " (REST); change that registration, or"
            + " take it out of service first, instead of registering the system twice", again.path("detail"));
        assertEquals(before, partnerCodes(), "nothing registered");
        TestPartners.register(url, "IT-DUP3", SENDER_AGENCY); // another system for the same agency: allowed
        TestPartners.deactivate(url, first, SENDER_AGENCY);
    }

    @Test
    @DisplayName("§2–3 REST: transfer documents outside the contract are 400 MALFORMED_PAYLOAD naming the field (5,000 documents: 413); no dossier is created")
    void restContract() {
        Partner thue = TestPartners.register(url, "IT-HARD", SENDER_AGENCY);
        String name = "Kiểm Tra Giới Hạn " + System.nanoTime();
        for (Map.Entry<String, String> c : broken(name).entrySet()) {
            Response r = TestPartners.post(url, thue, "submit-transfer", UUID.randomUUID().toString(), c.getKey());
            problem(r, 400, "MALFORMED_PAYLOAD");
            List<String> errors = r.path("errors");
            assertTrue(errors.stream().anyMatch(e -> e.startsWith(c.getValue())), c.getValue() + " in " + errors);
        }
        // 5,000 documents do not even get read: the body is over the API's limit (256 KiB), 413.
        String doc = "{\"position\":1,\"name\":\"Tờ khai\",\"form\":\"ORIGINAL\",\"quantity\":1}";
        problem(TestPartners.post(url, thue, "submit-transfer", UUID.randomUUID().toString(),
            transfer(UUID.randomUUID().toString(), name).replace("[" + doc + "]",
                "[" + String.join(",", java.util.Collections.nCopies(5000, doc)) + "]")), 413, "BODY_TOO_LARGE");
        assertEquals(0, countByApplicant(name), "no child dossier");
        // Status documents too: a 37-character transfer id, a year-999999999 moment, an over-long note.
        String at = "2026-03-13T15:30+07:00";
        for (String body : List.of("{\"transferId\":\"" + "a".repeat(37) + "\",\"status\":\"ACKNOWLEDGED\",\"at\":\"" + at + "\"}",
            "{\"transferId\":\"" + UUID.randomUUID() + "\",\"status\":\"ACKNOWLEDGED\",\"at\":\"+999999999-01-01T00:00Z\"}",
            "{\"transferId\":\"" + UUID.randomUUID() + "\",\"status\":\"RESULT_RETURNED\",\"at\":\"" + at + "\",\"note\":\""
                + "x".repeat(5000) + "\"}")) {
            String op = body.contains("RESULT_RETURNED") ? "return-result" : "acknowledge";
            problem(TestPartners.post(url, thue, op, UUID.randomUUID().toString(), body), 400, "MALFORMED_PAYLOAD");
        }
        problem(TestPartners.post(url, thue, "query-status", UUID.randomUUID().toString(),
            "{\"transferId\":\"" + "b".repeat(37) + "\"}"), 400, "MALFORMED_PAYLOAD");
        // Not JSON at all: where, never the parser's own text (fresh-user trial)
        Response notJson = TestPartners.post(url, thue, "submit-transfer", UUID.randomUUID().toString(), "{not json");
        problem(notJson, 400, "MALFORMED_PAYLOAD");
        assertEquals("The payload is not valid JSON: not valid JSON at line 1, column 3", notJson.path("detail"));
        assertEquals(List.of("body: not valid JSON at line 1, column 3"), notJson.path("errors"));
        // Within the contract: accepted.
        String ok = "Trong Giới Hạn " + System.nanoTime();
        Response accepted = TestPartners.post(url, thue, "submit-transfer", UUID.randomUUID().toString(),
            transfer(UUID.randomUUID().toString(), ok));
        assertEquals(200, accepted.statusCode(), accepted.asString());
        assertEquals(1, countByApplicant(ok));
    }

    private static String element(Response r, String localName) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<(?:[\\w.-]+:)?" + localName + "(?:\\s[^>]*)?>(.*?)</(?:[\\w.-]+:)?"
            + localName + ">", java.util.regex.Pattern.DOTALL).matcher(r.asString());
        return m.find() ? m.group(1) : null;
    }

    private static void clientFault(Response r, String reason) {
        assertEquals(500, r.statusCode(), r.asString());
        assertTrue(element(r, "faultcode").endsWith(":Client"), r.asString());
        assertEquals(reason, element(r, "reason"), r.asString());
        assertEquals("400", element(r, "status"), r.asString());
        assertFalse(r.asString().matches(JAVA_NAMES), r.asString());
    }

    @Test
    @DisplayName("§2–4 SOAP: the same documents are client faults (soap:Client, reason and status 400), never a server fault; no dossier")
    void soapContract() {
        Partner thue = TestPartners.register(url, "IT-HARD-SOAP", SENDER_AGENCY);
        String name = "Kiểm Tra SOAP " + System.nanoTime();
        List<String> seen = new ArrayList<>();
        for (Map.Entry<String, String> c : broken(name).entrySet()) {
            Response r = TestPartners.soap(url, thue.apiKey(), TestPartners.soapRequest(thue.code(), UUID.randomUUID().toString(), "submit-transfer",
                c.getKey()));
            clientFault(r, "MALFORMED_PAYLOAD");
            assertTrue(r.asString().contains(c.getValue()), c.getValue() + " in " + r.asString());
            seen.add(c.getValue());
        }
        assertEquals(broken(name).size(), seen.size());
        assertEquals(0, countByApplicant(name), "no child dossier");
        // Malformed envelopes: client faults with a neutral text.
        for (String envelope : List.of("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>",
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>", "<a><b></a>",
            TestPartners.soapRequest(thue.code(), UUID.randomUUID().toString(), "query-status", "{}").replace("</ia:exchange>", ""))) {
            Response r = TestPartners.soap(url, thue.apiKey(), envelope);
            assertEquals(500, r.statusCode(), r.asString());
            assertTrue(element(r, "faultcode").endsWith(":Client"), r.asString());
            assertEquals("MALFORMED_ENVELOPE", element(r, "reason"), r.asString());
            assertFalse(r.asString().matches(JAVA_NAMES), r.asString());
        }
    }

    @Test
    @DisplayName("Issue 16 leftovers: the X-Road header fields follow the same text rule over REST and SOAP (one check,"
        + " XRoadHeader): a TAB or DEL in userId, U+202E in messageId are INVALID_XROAD_HEADER naming the field (SOAP)")
    void headerTextRuleSameOverRestAndSoap() {
        Partner thue = TestPartners.register(url, "IT-HARD-HDR", SENDER_AGENCY);
        String query = "{\"transferId\":\"" + UUID.randomUUID() + "\"}";
        // Over REST the same record is built from the X-Road-* headers (XRoadHeaderTest covers the rule); the HTTP
        // client and server of this test did not carry a control character in a header value to the application (a
        // TAB and U+0085 were tried), so the controls are sent over SOAP, where XML character references carry them.
        for (String[] c : new String[][] {{"<ia:userId>tiepnhan.thue</ia:userId>", "<ia:userId>tiepnhan&#9;thue</ia:userId>",
                "userId: control character U+0009 not allowed"},
            {"<ia:userId>tiepnhan.thue</ia:userId>", "<ia:userId>tiepnhan&#127;thue</ia:userId>",
                "userId: control character U+007F not allowed"},
            {"<ia:messageId>", "<ia:messageId>&#x202e;", "messageId: control character U+202E not allowed"}}) {
            String envelope = TestPartners.soapRequest(thue.code(), UUID.randomUUID().toString(), "query-status", query)
                .replace(c[0], c[1]);
            Response soap = TestPartners.soap(url, thue.apiKey(), envelope);
            clientFault(soap, "INVALID_XROAD_HEADER");
            assertTrue(soap.asString().contains(c[2]), c[2] + " in " + soap.asString());
        }
    }

    @Test
    @DisplayName("§4: GET on the SOAP endpoint shows no status page naming the implementation; the WSDL is still served")
    void noStatusPage() {
        for (String query : List.of("", "?tester", "?foo=bar")) {
            Response r = given().spec(TestServer.server(url)).when().get(TestServer.CONTEXT_ROOT + "/InterAgencyService" + query);
            assertEquals(405, r.statusCode(), r.asString());
            assertFalse(r.asString().toLowerCase().contains("<html"), r.asString());
            assertFalse(r.asString().matches(JAVA_NAMES), r.asString());
        }
        Response wsdl = given().spec(TestServer.server(url)).when().get(TestServer.CONTEXT_ROOT + "/InterAgencyService?wsdl");
        assertEquals(200, wsdl.statusCode());
        assertTrue(wsdl.asString().contains("InterAgencyService"));
        assertFalse(wsdl.asString().contains("vn.gov.quangtri"), "the WSDL names no Java class");
    }
}
