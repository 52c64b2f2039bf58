package vn.gov.quangtri.motcua.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    @DisplayName("X-Forwarded-For is ignored unless the proxy is trusted; then its last entry counts")
    void forwardedFor() {
        assertEquals("127.0.0.1", ClientAddress.of("127.0.0.1", "203.0.113.9", false), "a client cannot pick its address");
        assertEquals("198.51.100.4", ClientAddress.of("10.0.0.2", "203.0.113.9, 198.51.100.4", true),
            "the entry our proxy appended, not the client's own claim");
        assertEquals("198.51.100.4", ClientAddress.of("10.0.0.2", "198.51.100.4, ", true), "blank entries skipped");
        assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", null, true), "no header: the peer");
        assertEquals("", ClientAddress.of(null, null, false));
    }
}
