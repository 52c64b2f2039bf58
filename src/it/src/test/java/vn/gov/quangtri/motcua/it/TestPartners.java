package vn.gov.quangtri.motcua.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.util.List;
import java.util.Map;

/**
 * Partner systems played by a test: registered over REST by the province's system administrator (the answer
 * carries the partner's API key) and speaking to the inbound exchange API with X-Road headers and that key
 * (docs/interagency.md). The partner's own endpoint is never reached by the tests that use this.
 */
public final class TestPartners {

    /** A registered partner system and the API key it presents. */
    public record Partner(String code, String apiKey) {
    }

    /** Namespace of the SOAP exchange. */
    public static final String NS = "urn:motcua:interagency:v1";

    private TestPartners() {
    }

    /** A code unique to this run: {@code prefix-<base36 nanotime>}. */
    public static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    }

    /** Registers a partner serving {@code agencies} as the province's system administrator. */
    public static Partner register(URL url, String prefix, String... agencies) {
        String code = unique(prefix);
        Response r = TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).body(Map.of("code", code,
                "name", "Hệ thống đối tác " + code, "agencyCodes", List.of(agencies),
                "endpointUrl", "https://lgsp.quangtri.gov.vn/" + code.toLowerCase(), "style", "REST",
                "outboundCredentialRef", "motcua-partner-" + code.toLowerCase()))
            .when().post("/interagency/partners");
        assertEquals(201, r.statusCode(), r.asString());
        assertEquals(code, r.path("partner.code"));
        String key = r.path("apiKey");
        assertNotNull(key);
        assertEquals(43, key.length(), "32 random bytes, base64url");
        return new Partner(code, key);
    }

    /** A request of the partner's system to the inbound exchange API, with X-Road headers and its key. */
    public static RequestSpecification message(URL url, Partner partner, String operation, String messageId) {
        return given().spec(TestServer.api(url)).contentType(ContentType.JSON)
            .header("X-Road-Client", "VN/GOV/000.00.00.H50/" + partner.code())
            .header("X-Road-Service", "VN/GOV/000.00.00.H50/MOTCUA/" + operation + "/v1")
            .header("X-Road-UserId", "tiepnhan.thue")
            .header("X-Road-Id", messageId)
            .header("X-Api-Key", partner.apiKey());
    }

    /** Posts one message of the partner: {@code POST /interagency/messages/{operation}}. */
    public static Response post(URL url, Partner partner, String operation, String messageId, String body) {
        return message(url, partner, operation, messageId).body(body).when().post("/interagency/messages/" + operation);
    }

    /** Deactivates a partner registered by {@link #register} (same fields, {@code active} false). */
    public static void deactivate(URL url, Partner partner, String... agencies) {
        Response r = TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).body(Map.of(
                "name", "Hệ thống đối tác " + partner.code(), "agencyCodes", List.of(agencies),
                "endpointUrl", "https://lgsp.quangtri.gov.vn/" + partner.code().toLowerCase(), "style", "REST",
                "outboundCredentialRef", "motcua-partner-" + partner.code().toLowerCase(), "active", false,
                "reason", "Ngừng kết nối (kiểm thử)"))
            .when().put("/interagency/partners/" + partner.code());
        assertEquals(200, r.statusCode(), r.asString());
    }

    /**
     * The partner's answer on a transfer it received: {@code acknowledge} (status ACKNOWLEDGED with its child
     * dossier's code) or {@code return-result} (RESULT_RETURNED with the result in a sentence); expects APPLIED.
     */
    public static void answer(URL url, Partner partner, String operation, String transferId, String status,
                              String childCode, String note) {
        String body = "{\"transferId\":\"" + transferId + "\",\"status\":\"" + status + "\",\"at\":\""
            + java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(7)).withNano(0) + "\",\"childCode\":\""
            + childCode + "\",\"note\":" + (note == null ? "null" : "\"" + note + "\"") + "}";
        Response r = post(url, partner, operation, java.util.UUID.randomUUID().toString(), body);
        assertEquals(200, r.statusCode(), r.asString());
        assertEquals("APPLIED", r.path("status"), r.asString());
    }

    /**
     * A SOAP 1.1 request of the partner exchange ({@code exchange}, docs/interagency.md) from the partner system
     * {@code client}, with the operation's JSON document as its payload (in a CDATA section).
     */
    public static String soapRequest(String client, String messageId, String operation, String payload) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:ia=\"" + NS + "\">"
            + "<soapenv:Body><ia:exchange>"
            + "<ia:client>VN/GOV/000.00.00.H50/" + client + "</ia:client>"
            + "<ia:service>VN/GOV/000.00.00.H50/MOTCUA/" + operation + "/v1</ia:service>"
            + "<ia:userId>tiepnhan.thue</ia:userId>"
            + "<ia:messageId>" + messageId + "</ia:messageId>"
            + "<ia:operation>" + operation + "</ia:operation>"
            + "<ia:payload><![CDATA[" + payload + "]]></ia:payload>"
            + "</ia:exchange></soapenv:Body></soapenv:Envelope>";
    }

    /** Posts a SOAP envelope to {@code /motcua/InterAgencyService} with the partner's key (none when null), UTF-8. */
    public static Response soap(URL url, String apiKey, String envelope) {
        RequestSpecification r = given().spec(TestServer.server(url)).contentType("text/xml; charset=UTF-8")
            .header("SOAPAction", "\"\"").body(envelope.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (apiKey != null) {
            r = r.header("X-Api-Key", apiKey);
        }
        return r.when().post(TestServer.CONTEXT_ROOT + "/InterAgencyService");
    }
}
