package vn.gov.quangtri.motcua.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
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
 * The inbound partner API on the deployed EAR (docs/interagency.md): partners registered by the system
 * administrator over {@code POST /api/v1/interagency/partners}, then messages over REST
 * ({@code POST /api/v1/interagency/messages/{operation}}, API key in {@code X-Api-Key}) and over SOAP
 * ({@code /motcua/InterAgencyService}): idempotent by message id, problems / faults with stable reasons,
 * no officer account and no Basic challenge involved.
 */
@MotcuaIT
class PartnerApiIT {

    /** Sending agency of the partner's transfers (the partner speaks for it). */
    private static final String SENDER_AGENCY = "QT25.THUE";
    /** Receiving agency here (the child dossier's unit; electronic identifier 000.00.60.H50). */
    private static final String RECEIVER_AGENCY = "QT25.XA_VINH_LINH";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return EarDeployment.ear();
    }

    @ArquillianResource
    URL url;

    /** Registers a partner serving {@code agencies} as the province's system administrator. */
    private Partner register(String prefix, String... agencies) {
        return TestPartners.register(url, prefix, agencies);
    }

    /** A submit-transfer document from the tax office to the Vĩnh Linh commune, for a new applicant. */
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

    private RequestSpecification message(Partner partner, String operation, String messageId) {
        return TestPartners.message(url, partner, operation, messageId);
    }

    private Response post(Partner partner, String operation, String messageId, String body) {
        return TestPartners.post(url, partner, operation, messageId, body);
    }

    private long countByApplicant(String name) {
        return ((Number) TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).queryParam("applicant", name)
            .when().get("/dossiers").then().statusCode(200).extract().path("total")).longValue();
    }

    /** Version, status and history of a dossier, read as the system administrator. */
    private Map<String, Object> snapshot(String code) {
        Response r = TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).get("/dossiers/" + code);
        assertEquals(200, r.statusCode(), r.asString());
        return Map.of("version", r.path("version"), "status", r.path("status"), "history", r.path("history.action"));
    }

    private static void problem(Response r, int status, String reason) {
        r.then().statusCode(status).contentType("application/problem+json").body("status", equalTo(status))
            .body("reason", equalTo(reason));
        assertFalse(r.asString().contains("\tat "), "no stack trace: " + r.asString());
    }

    @Test
    @DisplayName("REST: submit-transfer delivered three times → one child dossier, three identical answers, the repeats with X-Replay")
    void submitThreeTimes() {
        Partner thue = register("IT-THUE", SENDER_AGENCY);
        String name = "Lê Văn Liên Thông " + System.nanoTime();
        String transferId = UUID.randomUUID().toString();
        String messageId = UUID.randomUUID().toString();
        String body = transfer(transferId, name);
        Response first = post(thue, "submit-transfer", messageId, body);
        Response second = post(thue, "submit-transfer", messageId, body);
        Response third = post(thue, "submit-transfer", messageId, body);
        assertEquals(200, first.statusCode(), first.asString());
        first.then().body("status", equalTo("ACCEPTED")).body("body.transferId", equalTo(transferId))
            .body("body.status", equalTo("ACKNOWLEDGED")).body("body.childCode", notNullValue());
        assertNull(first.header("X-Replay"));
        assertEquals(messageId, first.header("X-Road-Id"));
        for (Response repeat : List.of(second, third)) {
            assertEquals(200, repeat.statusCode(), repeat.asString());
            assertEquals(first.asString(), repeat.asString(), "the stored outcome, byte for byte");
            assertEquals("true", repeat.header("X-Replay"));
        }
        String child = first.path("body.childCode");
        assertTrue(child.startsWith("000.00.60.H50-"), child);
        assertEquals(1, countByApplicant(name), "one child dossier");
        TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).when().get("/dossiers/" + child).then().statusCode(200)
            .body("code", equalTo(child)).body("receivingAgency.code", equalTo(RECEIVER_AGENCY));

        // The same message id with another body is refused (409), and changes nothing.
        problem(post(thue, "submit-transfer", messageId, body.replace("Kiểm thử", "Khác")), 409, "MESSAGE_ID_REUSED");
        // query-status by the partner: OK with the state.
        post(thue, "query-status", UUID.randomUUID().toString(), "{\"transferId\":\"" + transferId + "\"}").then()
            .statusCode(200).body("status", equalTo("OK")).body("body.childCode", equalTo(child));
        assertEquals(1, countByApplicant(name));
    }

    @Test
    @DisplayName("Issue 11 §5: a re-serialised repeat is a logged replay, another content a logged refusal; query-status "
        + "by message id (REST and SOAP) answers the status and the attempts; the log shows them with attempt ids")
    void exchangeEvidence() {
        Partner thue = register("IT-THUE", SENDER_AGENCY);
        String name = "Trần Bằng Chứng " + System.nanoTime();
        String transferId = UUID.randomUUID().toString();
        String messageId = UUID.randomUUID().toString();
        String body = transfer(transferId, name);
        Response first = post(thue, "submit-transfer", messageId, body);
        assertEquals(200, first.statusCode(), first.asString());
        // The same document with spaces and line breaks, two members swapped and 1 written 1.0: the same message.
        String reserialised = body.replace("{\"transferId\":\"" + transferId + "\",\"parentCode\":\"000.00.27.H50-260313-0001\",",
                "{\n  \"parentCode\" : \"000.00.27.H50-260313-0001\",\n  \"transferId\" : \"" + transferId + "\",\n  ")
            .replace("\"legPosition\":1,", "\"legPosition\" : 1.0 ,\n  ").replace("\"quantity\":1}", "\"quantity\": 1 }");
        assertFalse(reserialised.equals(body));
        Response replay = post(thue, "submit-transfer", messageId, reserialised);
        assertEquals(200, replay.statusCode(), replay.asString());
        assertEquals("true", replay.header("X-Replay"));
        assertEquals(first.asString(), replay.asString(), "the stored outcome, byte for byte");
        problem(post(thue, "submit-transfer", messageId, body.replace("\"quantity\":1", "\"quantity\":2")), 409,
            "MESSAGE_ID_REUSED");
        assertEquals(1, countByApplicant(name), "one child dossier");

        // query-status by message id (a new X-Road-Id for the question).
        Response status = post(thue, "query-status", UUID.randomUUID().toString(), "{\"messageId\":\"" + messageId + "\"}");
        assertEquals(200, status.statusCode(), status.asString());
        status.then().body("status", equalTo("OK")).body("body.messageId", equalTo(messageId))
            .body("body.operation", equalTo("submit-transfer"))
            .body("body.dossierCode", equalTo("000.00.27.H50-260313-0001")).body("body.status", equalTo("ACCEPTED"))
            .body("body.attempts.outcome", equalTo(List.of("ACCEPTED", "REPLAYED", "REFUSED")))
            .body("body.attempts[2].detail", containsString("MESSAGE_ID_REUSED"));
        List<String> attemptIds = status.path("body.attempts.attemptId");
        assertEquals(3, attemptIds.stream().distinct().count(), String.valueOf(attemptIds));
        // The same over SOAP; another partner does not see the message; an unknown id is 404 NOT_FOUND.
        Response soapStatus = TestPartners.soap(url, thue.apiKey(), TestPartners.soapRequest(thue.code(), UUID.randomUUID().toString(), "query-status",
            "{\"messageId\":\"" + messageId + "\"}"));
        assertEquals(200, soapStatus.statusCode(), soapStatus.asString());
        assertEquals("OK", element(soapStatus, "status"));
        assertTrue(element(soapStatus, "body").contains("\"messageId\":\"" + messageId + "\""), soapStatus.asString());
        assertTrue(element(soapStatus, "body").contains(attemptIds.get(0)), soapStatus.asString());
        Partner other = register("IT-KHAC", SENDER_AGENCY);
        problem(post(other, "query-status", UUID.randomUUID().toString(), "{\"messageId\":\"" + messageId + "\"}"),
            404, "NOT_FOUND");
        problem(post(thue, "query-status", UUID.randomUUID().toString(), "{\"messageId\":\"no-such-message\"}"),
            404, "NOT_FOUND");

        // The administrators' view of the log: newest first, each arrival with its own attempt id; chain intact.
        Response entries = TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).queryParam("messageId", messageId)
            .when().get("/interagency/exchange-log");
        assertEquals(200, entries.statusCode(), entries.asString());
        entries.then().body("outcome", equalTo(List.of("REFUSED", "REPLAYED", "ACCEPTED")))
            .body("direction", equalTo(List.of("IN", "IN", "IN")))
            .body("partnerCode", equalTo(List.of(thue.code(), thue.code(), thue.code())))
            .body("detail[1]", equalTo("ACCEPTED")).body("detail[2]", equalTo("ACCEPTED"));
        List<String> logged = entries.path("attemptId");
        assertEquals(List.of(attemptIds.get(2), attemptIds.get(1), attemptIds.get(0)), logged);
        TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).when().get("/interagency/exchange-log/verification").then()
            .statusCode(200).body("valid", equalTo(true));
    }

    @Test
    @DisplayName("REST: malformed JSON → 400 MALFORMED_PAYLOAD; bad X-Road header → 400 listing every problem; unknown operation → 404")
    void malformed() {
        Partner thue = register("IT-THUE", SENDER_AGENCY);
        problem(post(thue, "submit-transfer", UUID.randomUUID().toString(), "{\"transferId\": \"x\", "), 400,
            "MALFORMED_PAYLOAD");
        problem(post(thue, "submit-transfer", UUID.randomUUID().toString(), "{\"transferId\":\"x\"}"), 400,
            "MALFORMED_PAYLOAD");
        Response header = given().spec(TestServer.api(url)).contentType(ContentType.JSON)
            .header("X-Road-Client", "VN").header("X-Api-Key", thue.apiKey()).body("{}")
            .when().post("/interagency/messages/query-status");
        problem(header, 400, "INVALID_XROAD_HEADER");
        List<String> errors = header.path("errors");
        assertEquals(4, errors.size(), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("client:")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("messageId:")), errors.toString());
        problem(post(thue, "send-money", UUID.randomUUID().toString(), "{}"), 404, "UNKNOWN_OPERATION");
    }

    @Test
    @DisplayName("REST: no or a wrong API key → 401 PARTNER_UNAUTHENTICATED without a Basic challenge, even with Basic credentials; nothing stored")
    void wrongKey() {
        String name = "Trần Không Khóa " + System.nanoTime();
        String body = transfer(UUID.randomUUID().toString(), name);
        Partner forged = new Partner("IT-NOBODY", "x".repeat(43));
        Response wrong = post(forged, "submit-transfer", UUID.randomUUID().toString(), body);
        problem(wrong, 401, "PARTNER_UNAUTHENTICATED");
        assertFalse(String.valueOf(wrong.header("WWW-Authenticate")).startsWith("Basic"), wrong.headers().toString());
        Response none = given().spec(TestServer.api(url)).contentType(ContentType.JSON)
            .header("X-Road-Client", "VN/GOV/000.00.00.H50/X").header("X-Road-Service", "VN/GOV/000.00.00.H50/MOTCUA/submit-transfer")
            .header("X-Road-UserId", "x").header("X-Road-Id", UUID.randomUUID().toString()).body(body)
            .when().post("/interagency/messages/submit-transfer");
        problem(none, 401, "PARTNER_UNAUTHENTICATED");
        // An officer's (even wrong) Basic credentials neither help nor trigger the container's challenge.
        Response basic = message(forged, "submit-transfer", UUID.randomUUID().toString()).auth().preemptive()
            .basic("tiepnhan.vinhlinh", "wrong").body(body).when().post("/interagency/messages/submit-transfer");
        problem(basic, 401, "PARTNER_UNAUTHENTICATED");
        assertEquals(0, countByApplicant(name));
        // Registering partners is for system administrators only.
        given().spec(TestServer.api(url)).contentType(ContentType.JSON).body(Map.of("code", "IT-X"))
            .when().post("/interagency/partners").then().statusCode(401).body("reason", equalTo("AUTHENTICATION_REQUIRED"));
        TestAccounts.as(url, TestAccounts.DESK_VINH_LINH).body(Map.of("code", "IT-X", "name", "X",
                "agencyCodes", List.of(SENDER_AGENCY), "endpointUrl", "https://x.example.vn", "style", "REST"))
            .when().post("/interagency/partners").then().statusCode(403).body("reason", equalTo("ROLE_REQUIRED"));
    }

    @Test
    @DisplayName("REST: a partner acting on a transfer not addressed to it → 403 PARTNER_NOT_ADDRESSEE and nothing changed")
    void notAddressee() {
        Partner thue = register("IT-THUE", SENDER_AGENCY);
        Partner other = register("IT-KHAC", SENDER_AGENCY);
        String name = "Phạm Văn Địa Chỉ " + System.nanoTime();
        String transferId = UUID.randomUUID().toString();
        String body = transfer(transferId, name);
        Response first = post(thue, "submit-transfer", UUID.randomUUID().toString(), body);
        assertEquals(200, first.statusCode(), first.asString());
        String child = first.path("body.childCode");
        Map<String, Object> before = snapshot(child);

        // Another partner (serving the same agency) re-submits the transfer, or asks for its status.
        problem(post(other, "submit-transfer", UUID.randomUUID().toString(), body), 403, "PARTNER_NOT_ADDRESSEE");
        problem(post(other, "query-status", UUID.randomUUID().toString(), "{\"transferId\":\"" + transferId + "\"}"),
            403, "PARTNER_NOT_ADDRESSEE");
        // A partner not serving the sending agency cannot submit at all.
        Partner bhxh = register("IT-BHXH", "QT25.BHXH");
        problem(post(bhxh, "submit-transfer", UUID.randomUUID().toString(), transfer(UUID.randomUUID().toString(), name)),
            403, "AGENCY_NOT_SERVED");

        Map<String, Object> after = snapshot(child);
        assertEquals(before, after, "the child dossier is unchanged");
        assertEquals(1, countByApplicant(name));
        post(thue, "query-status", UUID.randomUUID().toString(), "{\"transferId\":\"" + transferId + "\"}").then()
            .statusCode(200).body("body.status", equalTo("ACKNOWLEDGED"));
    }

    @Test
    @DisplayName("The OpenAPI document describes the partner endpoints under the tag \"Inter-agency exchange\"")
    void openApi() {
        given().spec(TestServer.server(url)).when().get("/openapi").then().statusCode(200)
            .body(containsString("/api/v1/interagency/messages/{operation}"))
            .body(containsString("/api/v1/interagency/partners")).body(containsString("Inter-agency exchange"))
            .body(containsString("X-Api-Key")).body(containsString("X-Road-Id"));
    }

    /** The text of the first element with this local name (any prefix), XML entities resolved; null if none. */
    private static String element(Response r, String localName) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<(?:[\\w.-]+:)?" + localName + "(?:\\s[^>]*)?>(.*?)</(?:[\\w.-]+:)?"
            + localName + ">", java.util.regex.Pattern.DOTALL).matcher(r.asString());
        if (!m.find()) {
            return null;
        }
        return m.group(1).replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">")
            .replace("&#34;", "\"").replace("&amp;", "&");
    }

    private static void noStackTrace(Response r) {
        String text = r.asString();
        assertFalse(text.contains("stackTrace") || text.contains("\tat ") || text.contains("at com.sun.")
            || text.contains("at vn.gov."), "no stack trace in the fault: " + text);
    }

    @Test
    @DisplayName("SOAP: the WSDL is served; a submit creates a child dossier (a repeat is a replay); refusals are faults with the reason")
    void soapExchange() {
        Response wsdl = given().spec(TestServer.server(url)).when().get(TestServer.CONTEXT_ROOT + "/InterAgencyService?wsdl");
        wsdl.then().statusCode(200).body(containsString("InterAgencyService")).body(containsString(TestPartners.NS))
            .body(containsString("exchange"));
        java.util.regex.Matcher address = java.util.regex.Pattern.compile("<(?:\\w+:)?address location=\"([^\"]+)\"")
            .matcher(wsdl.asString());
        assertTrue(address.find(), wsdl.asString());
        assertTrue(address.group(1).endsWith(TestServer.CONTEXT_ROOT + "/InterAgencyService"), address.group(1));
        System.out.println("[PartnerApiIT] WSDL endpoint address: " + address.group(1));

        Partner thue = register("IT-THUE", SENDER_AGENCY);
        String name = "Ngô Thị Xà Phòng " + System.nanoTime();
        String transferId = UUID.randomUUID().toString();
        String messageId = UUID.randomUUID().toString();
        String envelope = TestPartners.soapRequest(thue.code(), messageId, "submit-transfer", transfer(transferId, name));
        Response ok = TestPartners.soap(url, thue.apiKey(), envelope);
        assertEquals(200, ok.statusCode(), ok.asString());
        assertEquals("ACCEPTED", element(ok, "status"));
        assertEquals("false", element(ok, "replay"));
        String state = element(ok, "body");
        assertTrue(state.contains("\"transferId\":\"" + transferId + "\""), state);
        assertTrue(state.contains("\"childCode\":\"000.00.60.H50-"), state);
        assertEquals(1, countByApplicant(name), "one child dossier");
        Response again = TestPartners.soap(url, thue.apiKey(), envelope);
        assertEquals(200, again.statusCode(), again.asString());
        assertEquals("true", element(again, "replay"));
        assertEquals(state, element(again, "body"));
        assertEquals(1, countByApplicant(name));

        // Refusals: a wrong key, malformed JSON, a transfer not addressed to the partner.
        Response wrongKey = TestPartners.soap(url, "y".repeat(43), TestPartners.soapRequest(thue.code(), UUID.randomUUID().toString(), "submit-transfer",
            transfer(UUID.randomUUID().toString(), name)));
        fault(wrongKey, "PARTNER_UNAUTHENTICATED");
        System.out.println("[PartnerApiIT] refusal fault: " + wrongKey.asString());
        fault(TestPartners.soap(url, null, envelope), "PARTNER_UNAUTHENTICATED");
        fault(TestPartners.soap(url, thue.apiKey(), TestPartners.soapRequest(thue.code(), UUID.randomUUID().toString(), "submit-transfer", "{oops")),
            "MALFORMED_PAYLOAD");
        Partner other = register("IT-KHAC", SENDER_AGENCY);
        fault(TestPartners.soap(url, other.apiKey(), TestPartners.soapRequest(other.code(), UUID.randomUUID().toString(), "query-status",
            "{\"transferId\":\"" + transferId + "\"}")), "PARTNER_NOT_ADDRESSEE");
        assertEquals(1, countByApplicant(name));
    }

    /** {@link #soapRequest} with a WS-Security timestamp in the header (Expires omitted when null). */
    private static String soapRequestStamped(String client, String messageId, String operation, String payload,
                                             String created, String expires) {
        return TestPartners.soapRequest(client, messageId, operation, payload).replace("<soapenv:Body>",
            "<soapenv:Header><wsse:Security xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\""
                + " xmlns:wsu=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd\">"
                + "<wsu:Timestamp><wsu:Created>" + created + "</wsu:Created>"
                + (expires == null ? "" : "<wsu:Expires>" + expires + "</wsu:Expires>")
                + "</wsu:Timestamp></wsse:Security></soapenv:Header><soapenv:Body>");
    }

    @Test
    @DisplayName("C27: WS-Security timestamp 90 s ahead accepted (300 s skew); 10 min old with a 5 min TTL and an exact replay refused as WSS faults; a retry with a new Created gets the stored outcome")
    void soapTimestamp() {
        Partner thue = register("IT-THUE-WSS", SENDER_AGENCY);
        String transferId = UUID.randomUUID().toString();
        Response submitted = TestPartners.soap(url, thue.apiKey(), TestPartners.soapRequest(thue.code(), UUID.randomUUID().toString(), "submit-transfer",
            transfer(transferId, "Trần Thời Gian " + System.nanoTime())));
        assertEquals(200, submitted.statusCode(), submitted.asString());
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String query = "{\"transferId\":\"" + transferId + "\"}";

        String messageId = UUID.randomUUID().toString();
        String ahead = soapRequestStamped(thue.code(), messageId, "query-status", query,
            now.plusSeconds(90).atOffset(java.time.ZoneOffset.ofHours(7)).toString(), null);
        Response accepted = TestPartners.soap(url, thue.apiKey(), ahead);
        assertEquals(200, accepted.statusCode(), accepted.asString());
        assertEquals("OK", element(accepted, "status"));

        Response stale = TestPartners.soap(url, thue.apiKey(), soapRequestStamped(thue.code(), UUID.randomUUID().toString(), "query-status",
            query, now.minusSeconds(600).toString(), now.minusSeconds(300).toString()));
        wssFault(stale, "MessageExpired");

        Response replay = TestPartners.soap(url, thue.apiKey(), ahead);
        wssFault(replay, "InvalidSecurity");
        assertTrue(element(replay, "faultstring").contains("Replay"), replay.asString());

        Response retry = TestPartners.soap(url, thue.apiKey(), soapRequestStamped(thue.code(), messageId, "query-status", query,
            now.plusSeconds(1).toString(), null));
        assertEquals(200, retry.statusCode(), retry.asString());
        assertEquals("true", element(retry, "replay"), "same message id, new timestamp: the stored outcome");
        System.out.println("[PartnerApiIT] stale WS-Security timestamp → " + stale.asString());
        // Issue 11 §5: the captured replay is in the exchange log beside the accepted arrival and the retry.
        Response entries = TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).queryParam("messageId", messageId)
            .when().get("/interagency/exchange-log");
        assertEquals(200, entries.statusCode(), entries.asString());
        entries.then().body("outcome", equalTo(List.of("REPLAYED", "REFUSED", "ACCEPTED")))
            .body("partnerCode", equalTo(List.of(thue.code(), thue.code(), thue.code())))
            .body("detail[1]", containsString("wsse:InvalidSecurity"))
            .body("operation[1]", equalTo("query-status"));
    }

    private static void wssFault(Response r, String code) {
        assertEquals(500, r.statusCode(), r.asString());
        noStackTrace(r);
        assertFalse(r.asString().toLowerCase().contains("<html"), r.asString());
        assertTrue(element(r, "faultcode").endsWith(":" + code), r.asString());
        assertTrue(r.asString().contains("http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"),
            r.asString());
    }

    private static void fault(Response r, String reason) {
        assertEquals(500, r.statusCode(), r.asString());
        noStackTrace(r);
        assertTrue(r.asString().matches("(?s).*<(\\w+:)?Fault[ >].*"), r.asString());
        assertEquals(reason, element(r, "reason"), r.asString());
        assertTrue(element(r, "faultstring").startsWith(reason), r.asString());
    }

    @Test
    @DisplayName("SOAP: a malformed envelope gets a clean client fault (HTTP 500, soap:Client, MALFORMED_ENVELOPE, no Java class name)")
    void malformedEnvelope() {
        for (String broken : List.of("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body><ia:exchange",
            "this is not XML", "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soapenv:Body><unknown xmlns=\"urn:other\"/></soapenv:Body></soapenv:Envelope>")) {
            Response r = TestPartners.soap(url, "z".repeat(43), broken);
            assertEquals(500, r.statusCode(), r.asString());
            assertTrue(r.asString().contains("Fault"), r.asString());
            noStackTrace(r);
            assertFalse(r.asString().toLowerCase().contains("<html"), r.asString());
            if (broken.contains("urn:other")) { // well-formed, but not the exchange operation
                assertTrue(element(r, "faultstring").startsWith("UNKNOWN_OPERATION"), r.asString());
                assertEquals("UNKNOWN_OPERATION", element(r, "reason"), r.asString());
            } else { // security issue 16 §4: the caller's mistake, said neutrally
                assertEquals("MALFORMED_ENVELOPE", element(r, "reason"), r.asString());
            }
            assertTrue(element(r, "faultcode").endsWith(":Client"), r.asString());
            assertFalse(r.asString().matches("(?s).*(Exception|Impl|Wstx|javax\\.|com\\.sun|com\\.ctc).*"), r.asString());
            System.out.println("[PartnerApiIT] malformed envelope → " + r.statusCode() + " " + r.contentType() + " " + r.asString());
        }
    }
}
