package vn.gov.quangtri.motcua.interagency.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.interagency.application.Delivery;
import vn.gov.quangtri.motcua.interagency.application.DeliveryResult;
import vn.gov.quangtri.motcua.interagency.domain.EndpointStyle;
import vn.gov.quangtri.motcua.interagency.domain.ExchangeOperation;

/** The HTTP sender against a tiny local server: what goes on the wire, and which answers count as delivered. */
class HttpPartnerSenderTest {

    record Seen(String method, String path, Map<String, List<String>> headers, String body) {
    }

    private HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String reply = "{\"status\":\"ACCEPTED\"}";
    private volatile long delayMillis;

    private final HttpPartnerSender sender = new HttpPartnerSender(Duration.ofSeconds(2), Duration.ofMillis(700));

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private String start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/partner/";
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().getPath(), Map.copyOf(ex.getRequestHeaders()), body));
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] out = reply.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            ex.getResponseBody().write(out);
        }
        ex.close();
    }

    private static Delivery delivery(String endpoint, EndpointStyle style) {
        return new Delivery("QT-DAT", endpoint, style, "secret-key", "VN/GOV/000.00.00.H50/MOTCUA",
            "VN/GOV/000.00.00.H50/MOTCUA/submit-transfer", "system", "7d0a5b2e-0000-4000-8000-000000000001",
            ExchangeOperation.SUBMIT_TRANSFER, "{\"a\":\"<Hồ sơ & đất>\"}");
    }

    private static String header(Seen s, String name) {
        return s.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
            .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    @Test
    @DisplayName("REST: POST {endpoint}/api/v1/interagency/messages/{operation} with the X-Road headers, key and payload; 2xx = delivered")
    void restDelivered() throws IOException {
        String endpoint = start();
        DeliveryResult r = sender.send(delivery(endpoint, EndpointStyle.REST));
        assertTrue(r.delivered(), String.valueOf(r));
        Seen s = seen.get(0);
        assertEquals("POST", s.method());
        assertEquals("/partner/api/v1/interagency/messages/submit-transfer", s.path());
        assertEquals("VN/GOV/000.00.00.H50/MOTCUA", header(s, "X-Road-Client"));
        assertEquals("VN/GOV/000.00.00.H50/MOTCUA/submit-transfer", header(s, "X-Road-Service"));
        assertEquals("system", header(s, "X-Road-UserId"));
        assertEquals("7d0a5b2e-0000-4000-8000-000000000001", header(s, "X-Road-Id"));
        assertEquals("secret-key", header(s, "X-Api-Key"));
        assertEquals("{\"a\":\"<Hồ sơ & đất>\"}", s.body());
        status = 204;
        reply = "";
        assertTrue(sender.send(delivery(endpoint, EndpointStyle.REST)).delivered());
    }

    @Test
    @DisplayName("REST: 4xx and 5xx fail with status and body kept; the partner answered, so it is not 'unreachable'")
    void restFailures() throws IOException {
        String endpoint = start();
        status = 403;
        reply = "{\"reason\":\"PARTNER_UNAUTHENTICATED\"}";
        DeliveryResult r = sender.send(delivery(endpoint, EndpointStyle.REST));
        assertFalse(r.delivered());
        assertFalse(r.unreachable());
        assertTrue(r.error().startsWith("HTTP 403") && r.error().contains("PARTNER_UNAUTHENTICATED"), r.error());
        status = 503;
        assertTrue(sender.send(delivery(endpoint, EndpointStyle.REST)).error().startsWith("HTTP 503"));
    }

    @Test
    @DisplayName("A partner that does not answer in time, or is down, fails as unreachable without blocking longer than the timeout")
    void timeoutAndDown() throws IOException {
        String endpoint = start();
        delayMillis = 3000;
        long t0 = System.nanoTime();
        DeliveryResult r = sender.send(delivery(endpoint, EndpointStyle.REST));
        long took = (System.nanoTime() - t0) / 1_000_000;
        assertFalse(r.delivered());
        assertTrue(r.unreachable(), r.error());
        assertTrue(took < 2500, "bounded by the read timeout: " + took + " ms");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        DeliveryResult down = sender.send(delivery("http://127.0.0.1:" + port, EndpointStyle.REST));
        assertFalse(down.delivered());
        assertTrue(down.unreachable(), down.error());
    }

    private static Delivery question(String endpoint, EndpointStyle style) {
        return new Delivery("QT-DAT", endpoint, style, "secret-key", "VN/GOV/000.00.00.H50/MOTCUA",
            "VN/GOV/000.00.00.H50/MOTCUA/query-status", "system", "7d0a5b2e-0000-4000-8000-000000000002",
            ExchangeOperation.QUERY_STATUS, "{\"transferId\":\"3f1c2a9e-8d4b-4e57-9a51-0c6f0e2b7d11\"}");
    }

    @Test
    @DisplayName("query-status over REST: the stored outcome's body is the partner's state; 404 NOT_FOUND = it has no such transfer; other answers fail, no answer is unreachable")
    void askRest() throws IOException {
        String endpoint = start();
        reply = "{\"status\":\"OK\",\"body\":{\"transferId\":\"3f1c2a9e-8d4b-4e57-9a51-0c6f0e2b7d11\","
            + "\"status\":\"RESULT_RETURNED\",\"at\":\"2026-12-06T14:05+07:00\",\"childCode\":\"000.01.99.H50-261206-0001\","
            + "\"note\":\"Đã xác minh\"}}";
        vn.gov.quangtri.motcua.interagency.domain.PartnerAnswer a = sender.ask(question(endpoint, EndpointStyle.REST));
        assertEquals(vn.gov.quangtri.motcua.interagency.domain.PartnerAnswer.Kind.KNOWN, a.kind(), String.valueOf(a));
        assertEquals(vn.gov.quangtri.motcua.interagency.domain.TransferStatus.RESULT_RETURNED, a.state().status());
        assertEquals(java.time.Instant.parse("2026-12-06T07:05:00Z"), a.state().at());
        assertEquals("000.01.99.H50-261206-0001", a.state().childCode());
        Seen s = seen.get(0);
        assertEquals("/partner/api/v1/interagency/messages/query-status", s.path());
        assertEquals("VN/GOV/000.00.00.H50/MOTCUA/query-status", header(s, "X-Road-Service"));
        assertEquals("secret-key", header(s, "X-Api-Key"));
        status = 404;
        reply = "{\"type\":\"urn:motcua:problem:not-found\",\"status\":404,\"reason\":\"NOT_FOUND\"}";
        assertEquals(vn.gov.quangtri.motcua.interagency.domain.PartnerAnswer.Kind.UNKNOWN,
            sender.ask(question(endpoint, EndpointStyle.REST)).kind());
        reply = "{\"status\":404,\"reason\":\"UNKNOWN_OPERATION\"}";
        vn.gov.quangtri.motcua.interagency.domain.PartnerAnswer other = sender.ask(question(endpoint, EndpointStyle.REST));
        assertEquals(vn.gov.quangtri.motcua.interagency.domain.PartnerAnswer.Kind.FAILED, other.kind());
        assertTrue(other.detail().startsWith("HTTP 404 from "), other.detail());
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        assertEquals(vn.gov.quangtri.motcua.interagency.domain.PartnerAnswer.Kind.UNREACHABLE,
            sender.ask(question("http://127.0.0.1:" + port, EndpointStyle.REST)).kind());
    }

    @Test
    @DisplayName("query-status over SOAP: the state is the text of result/body; a fault with exchangeFault 404 NOT_FOUND = no such transfer")
    void askSoap() throws IOException {
        String endpoint = start();
        reply = "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body>"
            + "<ns2:exchangeResponse xmlns:ns2=\"urn:motcua:interagency:v1\"><ns2:result><ns2:status>OK</ns2:status>"
            + "<ns2:body>{\"transferId\":\"3f1c2a9e-8d4b-4e57-9a51-0c6f0e2b7d11\",\"status\":\"IN_PROGRESS\","
            + "\"at\":\"2026-12-06T09:12+07:00\",\"childCode\":null,\"note\":null}</ns2:body>"
            + "<ns2:replay>false</ns2:replay></ns2:result></ns2:exchangeResponse></S:Body></S:Envelope>";
        vn.gov.quangtri.motcua.interagency.domain.PartnerAnswer a = sender.ask(question(endpoint + "InterAgencyService",
            EndpointStyle.SOAP));
        assertEquals(vn.gov.quangtri.motcua.interagency.domain.TransferStatus.IN_PROGRESS, a.state().status(), String.valueOf(a));
        assertTrue(seen.get(0).body().contains("<ia:operation>query-status</ia:operation>"));
        status = 500;
        reply = "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body><S:Fault><faultcode>S:Client</faultcode>"
            + "<faultstring>NOT_FOUND: No transfer</faultstring><detail><exchangeFault xmlns=\"urn:motcua:interagency:v1\">"
            + "<reason>NOT_FOUND</reason><status>404</status></exchangeFault></detail></S:Fault></S:Body></S:Envelope>";
        assertEquals(vn.gov.quangtri.motcua.interagency.domain.PartnerAnswer.Kind.UNKNOWN,
            sender.ask(question(endpoint + "InterAgencyService", EndpointStyle.SOAP)).kind());
        status = 200;
        reply = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>";
        assertEquals(vn.gov.quangtri.motcua.interagency.domain.PartnerAnswer.Kind.FAILED,
            sender.ask(question(endpoint + "InterAgencyService", EndpointStyle.SOAP)).kind());
    }

    @Test
    @DisplayName("C27: an envelope made at 09:00:00 Vietnam time on 2/3/2026 carries wsu:Created 2026-03-02T02:00:00Z, Expires 5 min later")
    void soapTimestamp() {
        java.time.Instant nine = java.time.ZonedDateTime.of(2026, 3, 2, 9, 0, 0, 0,
            java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();
        String envelope = HttpPartnerSender.envelope(delivery("http://x", EndpointStyle.SOAP), nine);
        assertTrue(envelope.contains("<soap:Header><wsse:Security xmlns:wsse=\"" + HttpPartnerSender.WSSE + "\" xmlns:wsu=\""
            + HttpPartnerSender.WSU + "\"><wsu:Timestamp><wsu:Created>2026-03-02T02:00:00Z</wsu:Created>"
            + "<wsu:Expires>2026-03-02T02:05:00Z</wsu:Expires></wsu:Timestamp></wsse:Security></soap:Header>"), envelope);
    }

    @Test
    @DisplayName("SOAP: envelope with the wrapped exchange request (escaped payload), key in X-Api-Key; a Fault is a failure")
    void soap() throws IOException {
        String endpoint = start() + "InterAgencyService";
        reply = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
            + "<ia:exchangeResponse xmlns:ia=\"urn:motcua:interagency:v1\"><status>ACCEPTED</status></ia:exchangeResponse>"
            + "</soap:Body></soap:Envelope>";
        assertTrue(sender.send(delivery(endpoint, EndpointStyle.SOAP)).delivered());
        Seen s = seen.get(0);
        assertEquals("/partner/InterAgencyService", s.path());
        assertEquals("secret-key", header(s, "X-Api-Key"));
        assertTrue(header(s, "Content-Type").startsWith("text/xml"));
        assertTrue(s.body().contains("<ia:exchange><ia:client>VN/GOV/000.00.00.H50/MOTCUA</ia:client>"
            + "<ia:service>VN/GOV/000.00.00.H50/MOTCUA/submit-transfer</ia:service><ia:userId>system</ia:userId>"
            + "<ia:messageId>7d0a5b2e-0000-4000-8000-000000000001</ia:messageId><ia:operation>submit-transfer</ia:operation>"
            + "<ia:payload>{&quot;a&quot;:&quot;&lt;Hồ sơ &amp; đất&gt;&quot;}</ia:payload></ia:exchange>"), s.body());
        assertTrue(s.body().contains("xmlns:ia=\"urn:motcua:interagency:v1\""));
        assertTrue(s.body().contains("<wsu:Created>"), "each attempt carries a WS-Security timestamp");
        status = 500;
        reply = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault>"
            + "<faultcode>soap:Client</faultcode><faultstring>PARTNER_UNAUTHENTICATED</faultstring></soap:Fault>"
            + "</soap:Body></soap:Envelope>";
        DeliveryResult fault = sender.send(delivery(endpoint, EndpointStyle.SOAP));
        assertFalse(fault.delivered());
        assertTrue(fault.error().contains("PARTNER_UNAUTHENTICATED"));
        status = 200;
        assertFalse(sender.send(delivery(endpoint, EndpointStyle.SOAP)).delivered(), "a Fault even with 200");
    }

    @Test
    @DisplayName("Credential reference: property name, ${ALIAS=name}, or the environment-variable form; blank = none")
    void credentials() {
        Map<String, String> config = Map.of("motcua-partner-qt-dat", "k1", "MOTCUA_PARTNER_QT_THUE", "k2");
        PartnerCredentials c = new PartnerCredentials(n -> Optional.ofNullable(config.get(n)));
        assertEquals(Optional.of("k1"), c.resolve("motcua-partner-qt-dat"));
        assertEquals(Optional.of("k1"), c.resolve("${ALIAS=motcua-partner-qt-dat}"));
        assertEquals(Optional.of("k2"), c.resolve("motcua-partner-qt-thue"));
        assertEquals(Optional.empty(), c.resolve("motcua-partner-none"));
        assertEquals(Optional.empty(), c.resolve(" "));
        assertEquals(Optional.empty(), c.resolve(null));
    }

    @Test
    @DisplayName("Issue 11 §5: a 4xx answer is the partner's refusal (REFUSED); 5xx, 408/429 and CONCURRENT_CHANGE are failures")
    void refusalOrFailure() {
        assertTrue(HttpPartnerSender.refusal(409, "{\"reason\":\"MESSAGE_ID_REUSED\"}", false));
        assertTrue(HttpPartnerSender.refusal(422, "{\"reason\":\"UNKNOWN_AGENCY\"}", false));
        assertFalse(HttpPartnerSender.refusal(409, "{\"reason\":\"CONCURRENT_CHANGE\"}", false), "send again");
        assertFalse(HttpPartnerSender.refusal(503, "", false));
        assertFalse(HttpPartnerSender.refusal(429, "", false));
        assertFalse(HttpPartnerSender.refusal(408, "", false));
        String fault = "<S:Fault><faultcode>S:Server</faultcode><detail><ns2:exchangeFault xmlns:ns2=\"urn:motcua:interagency:v1\">"
            + "<ns2:reason>PARTNER_NOT_ADDRESSEE</ns2:reason><ns2:status>%d</ns2:status></ns2:exchangeFault></detail></S:Fault>";
        assertTrue(HttpPartnerSender.refusal(500, String.format(fault, 403), true), "the fault's status counts, not HTTP 500");
        assertFalse(HttpPartnerSender.refusal(500, String.format(fault, 500), true));
        assertFalse(HttpPartnerSender.refusal(500, "<S:Fault><faultcode>wsse:MessageExpired</faultcode></S:Fault>", true));
    }
}
