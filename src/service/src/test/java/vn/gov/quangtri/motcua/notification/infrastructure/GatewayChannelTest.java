package vn.gov.quangtri.motcua.notification.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.notification.application.SendOutcome;
import vn.gov.quangtri.motcua.notification.domain.Milestone;
import vn.gov.quangtri.motcua.notification.domain.Notification;
import vn.gov.quangtri.motcua.notification.domain.NotificationChannel;

class GatewayChannelTest {

    private static final Notification SMS = new Notification("000.00.60.H50-260302-0001", "QT25.XA_VINH_LINH",
        Milestone.RESULT_READY, NotificationChannel.SMS, "vi", "0912345678",
        null, "Xã Vĩnh Linh: hồ sơ 000.00.60.H50-260302-0001 đã có kết quả", Instant.EPOCH);

    private static GatewayChannel channel(Map<String, String> settings, String defaultMode) {
        return new GatewayChannel("sms", k -> Optional.ofNullable(settings.get(k)), defaultMode);
    }

    @Test
    @DisplayName("HTTP gateway: JSON with recipient and Vietnamese text, bearer key; 2xx sent, 503 a failed attempt")
    void httpGateway() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        AtomicReference<String> auth = new AtomicReference<>();
        AtomicInteger status = new AtomicInteger(200);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/send", ex -> {
            seen.set(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            auth.set(ex.getRequestHeaders().getFirst("Authorization"));
            byte[] out = "busy".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status.get(), out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
        try {
            Map<String, String> settings = new HashMap<>();
            settings.put("motcua.notification.sms.sender", "http");
            settings.put("motcua.notification.sms.url", "http://127.0.0.1:" + server.getAddress().getPort() + "/send");
            settings.put("motcua.notification.sms.key", "k-123");
            GatewayChannel gateway = channel(settings, "log");
            assertTrue(gateway.enabled());
            assertEquals(SendOutcome.SENT, gateway.send(SMS));
            assertEquals("{\"channel\":\"sms\",\"to\":\"0912345678\",\"text\":\"Xã Vĩnh Linh: hồ sơ "
                + "000.00.60.H50-260302-0001 đã có kết quả\",\"reference\":\"null\"}", seen.get());
            assertEquals("Bearer k-123", auth.get());
            status.set(503);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> gateway.send(SMS));
            assertEquals("sms gateway answered HTTP 503: busy", e.getMessage());
        } finally {
            server.stop(0);
        }
    }

    @Test
    @DisplayName("Modes: log sends to the log, http without URL is not sent, off is disabled")
    void modes() throws Exception {
        assertEquals(SendOutcome.SENT, channel(Map.of(), "log").send(SMS));
        SendOutcome noUrl = channel(Map.of("motcua.notification.sms.sender", "http"), "log").send(SMS);
        assertFalse(noUrl.sent());
        assertEquals("not sent: no sms gateway configured (motcua.notification.sms.url)", noUrl.reason());
        assertFalse(channel(Map.of(), "off").enabled());
        assertEquals("*******678", GatewayChannel.masked("0912345678"));
    }
}
