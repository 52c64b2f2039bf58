package vn.gov.quangtri.motcua.api.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SoapOperationFilterTest {

    private static String of(String xml) {
        return SoapOperationFilter.bodyElement(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bodyElement() {
        String env = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Header><h/></s:Header><s:Body>";
        assertEquals("{urn:motcua:interagency:v1}exchange",
            of(env + "<ia:exchange xmlns:ia=\"urn:motcua:interagency:v1\"><ia:client>x</ia:client></ia:exchange></s:Body></s:Envelope>"));
        assertEquals("{urn:other}unknown", of(env + "<unknown xmlns=\"urn:other\"/></s:Body></s:Envelope>"));
        assertEquals("{}plain", of(env + "<plain/></s:Body></s:Envelope>"));
        assertNull(of("this is not XML"));
        assertNull(of(env + "<ia:exchange"));
        assertNull(of("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"));
    }
}
