package vn.gov.quangtri.motcua.interagency.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;

class XRoadHeaderTest {

    @Test
    void valid() {
        XRoadHeader h = new XRoadHeader(" VN/GOV/000.00.00.H50/MOTCUA ", "VN/GOV/000.00.00.H50/MOTCUA/submit-transfer/v1",
            "chuyenvien.dat", "6f1c2a3e-0b7d-4c55-9e0a-1d2c3b4a5f60");
        assertEquals("VN/GOV/000.00.00.H50/MOTCUA", h.client());
        assertEquals("submit-transfer", h.serviceCode());
        new XRoadHeader("VN/GOV/G12", "VN/GOV/G12/SUB/query-status", "system", "x:1");
    }

    @Test
    @DisplayName("Every problem is listed at once with reason INVALID_XROAD_HEADER")
    void allProblemsListed() {
        RuleViolationException e = assertThrows(RuleViolationException.class,
            () -> new XRoadHeader("VN/GOV", "VN/GOV/H50/MOTCUA", " ", "has space"));
        assertEquals("INVALID_XROAD_HEADER", e.reason());
        assertEquals(List.of(
            "client: expected INSTANCE/MEMBERCLASS/MEMBERCODE[/SUBSYSTEM], got 2 part(s)",
            "service: expected INSTANCE/MEMBERCLASS/MEMBERCODE/SUBSYSTEM/SERVICECODE[/VERSION], got 4 part(s)",
            "userId: required",
            "messageId: 1-100 printable ASCII characters without spaces"), e.details());
    }

    @Test
    void badParts() {
        RuleViolationException e = assertThrows(RuleViolationException.class,
            () -> new XRoadHeader("VN//H50", "VN/GOV/H50/M/op", "u", null));
        assertEquals(List.of("client: part 2 must be 1-100 letters, digits or . _ : -", "messageId: required"), e.details());
        assertThrows(RuleViolationException.class,
            () -> new XRoadHeader(null, "VN/GOV/H50/M/op", "u".repeat(101), "m"));
    }

    @Test
    @DisplayName("Issue 16: the header fields follow the API's one text rule (Texts), for SOAP and REST alike: control,"
        + " direction-override and invisible-only values are listed as such; the user id is kept in NFC")
    void textRule() {
        RuleViolationException e = assertThrows(RuleViolationException.class, () -> new XRoadHeader(
            "VN/GOV/H50\u0000/M", "VN/GOV/H50/M/submit-transfer\u202e", "Nguyễn\u007fVăn", "id\u2028x"));
        assertEquals("INVALID_XROAD_HEADER", e.reason());
        assertEquals(List.of("client: control character U+0000 not allowed",
            "service: control character U+202E not allowed", "userId: control character U+007F not allowed",
            "messageId: control character U+2028 not allowed"), e.details());
        assertEquals(List.of("userId: control character U+200B not allowed"), assertThrows(RuleViolationException.class,
            () -> new XRoadHeader("VN/GOV/H50", "VN/GOV/H50/M/op", "\u200b\u200b", "m")).details());
        assertEquals(List.of("userId: control character U+0009 not allowed"), assertThrows(RuleViolationException.class,
            () -> new XRoadHeader("VN/GOV/H50", "VN/GOV/H50/M/op", "a\tb", "m")).details(), "single-line");
        // "Phé" with a combining accent is stored composed.
        assertEquals("Ph\u00e9", new XRoadHeader("VN/GOV/H50", "VN/GOV/H50/M/op", "Phe\u0301", "m").userId());
    }
}
