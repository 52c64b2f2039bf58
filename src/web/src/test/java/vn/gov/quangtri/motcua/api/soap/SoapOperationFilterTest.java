package vn.gov.quangtri.motcua.api.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    private static SoapOperationFilter.Verdict inspect(String xml) {
        return SoapOperationFilter.inspect(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void inspectWholeEnvelope() {
        String env = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>";
        String exchange = "<ia:exchange xmlns:ia=\"urn:motcua:interagency:v1\"><ia:client>x</ia:client></ia:exchange>";
        assertEquals(SoapOperationFilter.Verdict.EXCHANGE, inspect(env + exchange + "</s:Body></s:Envelope>"));
        assertEquals(SoapOperationFilter.Verdict.UNKNOWN_OPERATION,
            inspect(env + "<unknown xmlns=\"urn:other\"/></s:Body></s:Envelope>"));
        for (String broken : new String[] {"this is not XML", "", env + exchange, env + "<ia:exchange",
            env + exchange + "</s:Body></s:Envelope><trailing/>", "<x/>", "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"/>",
            "<Envelope xmlns=\"http://www.w3.org/2003/05/soap-envelope\"><Body>" + exchange + "</Body></Envelope>",
            "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + env + exchange + "</s:Body></s:Envelope>",
            env + "<ia:exchange xmlns:ia=\"urn:motcua:interagency:v1\"><ia:client>&e;</ia:client></ia:exchange></s:Body></s:Envelope>"}) {
            assertEquals(SoapOperationFilter.Verdict.MALFORMED, inspect(broken), broken);
        }
    }

    /** Issue 16 (fresh-user trial): UTF-8 is the one encoding of the endpoint; anything else is a client fault. */
    @Test
    void onlyUtf8EnvelopesAreAccepted() {
        String env = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>"
            + "<ia:exchange xmlns:ia=\"urn:motcua:interagency:v1\"><ia:client>Phé</ia:client></ia:exchange>"
            + "</s:Body></s:Envelope>";
        assertEquals(SoapOperationFilter.Verdict.EXCHANGE, inspect(env));
        assertEquals(SoapOperationFilter.Verdict.EXCHANGE, inspect("<?xml version='1.0' encoding='utf-8'?>" + env));
        byte[] bom8 = ("\uFEFF" + env).getBytes(StandardCharsets.UTF_8);
        assertEquals(SoapOperationFilter.Verdict.EXCHANGE, SoapOperationFilter.inspect(bom8), "UTF-8 with its BOM");
        java.util.Map<String, byte[]> refused = new java.util.LinkedHashMap<>();
        refused.put("UTF-16 with BOM", ("<?xml version='1.0' encoding='UTF-16'?>" + env).getBytes(StandardCharsets.UTF_16));
        refused.put("UTF-16LE, no BOM", env.getBytes(StandardCharsets.UTF_16LE));
        refused.put("UTF-16BE, no BOM", env.getBytes(StandardCharsets.UTF_16BE));
        refused.put("UTF-32", env.getBytes(java.nio.charset.Charset.forName("UTF-32")));
        refused.put("Latin-1 bytes declared ISO-8859-1",
            ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + env).getBytes(StandardCharsets.ISO_8859_1));
        refused.put("Latin-1 bytes undeclared", env.getBytes(StandardCharsets.ISO_8859_1));
        refused.put("ASCII declared ISO-8859-1", ("<?xml version='1.0' encoding='ISO-8859-1'?>" + env.replace("Phé", "Phe"))
            .getBytes(StandardCharsets.US_ASCII));
        refused.put("a NUL byte", (env.replace("Phé", "Ph\u0000e")).getBytes(StandardCharsets.UTF_8));
        refused.forEach((what, bytes) -> assertEquals(SoapOperationFilter.Verdict.NOT_UTF8,
            SoapOperationFilter.inspect(bytes), what));
        assertTrue(SoapOperationFilter.utf8("Phé".getBytes(StandardCharsets.UTF_8)));
        assertFalse(SoapOperationFilter.utf8(new byte[] {'P', 'h', (byte) 0xE9}), "Latin-1 é is not UTF-8");
        assertFalse(SoapOperationFilter.utf8(new byte[] {(byte) 0xFF, (byte) 0xFE, '<', 0}), "UTF-16LE BOM");
    }

    @Test
    void metadataQueries() {
        assertTrue(SoapOperationFilter.metadataQuery("wsdl"));
        assertTrue(SoapOperationFilter.metadataQuery("WSDL"));
        assertTrue(SoapOperationFilter.metadataQuery("xsd=1"));
        assertFalse(SoapOperationFilter.metadataQuery(null), "the status page");
        assertFalse(SoapOperationFilter.metadataQuery("tester"));
    }

    @Test
    void runtimeFaultsAreReplaced() {
        String metro = "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body><S:Fault><faultcode>S:Server"
            + "</faultcode><faultstring>Couldn't create SOAP message due to exception: XML reader error: "
            + "com.ctc.wstx.exc.WstxParsingException: Unexpected EOF</faultstring></S:Fault></S:Body></S:Envelope>";
        String replaced = SoapOperationFilter.replacement(500, metro);
        assertTrue(replaced.contains("<faultcode>S:Client</faultcode>"), replaced);
        assertTrue(replaced.contains("<reason>MALFORMED_ENVELOPE</reason>"), replaced);
        assertFalse(replaced.contains("Exception") || replaced.contains("wstx") || replaced.contains("Wstx"), replaced);
        String npe = metro.replace("Couldn't create SOAP message due to exception: XML reader error: "
            + "com.ctc.wstx.exc.WstxParsingException: Unexpected EOF", "java.lang.NullPointerException");
        assertTrue(SoapOperationFilter.replacement(500, npe).contains("<faultcode>S:Server</faultcode>"));
        String mustUnderstand = metro.replace("S:Server", "S:MustUnderstand").replace("Couldn't create SOAP message due to"
            + " exception: XML reader error: com.ctc.wstx.exc.WstxParsingException: Unexpected EOF",
            "MustUnderstand headers:[{urn:x}y] are not understood");
        assertTrue(SoapOperationFilter.replacement(500, mustUnderstand).contains("<faultcode>S:Client</faultcode>"),
            "a header the service does not understand is the client's mistake");
        String ours = SoapOperationFilter.envelope("Client", "MALFORMED_PAYLOAD", 400, "transferId: a UUID");
        assertNull(SoapOperationFilter.replacement(500, ours), "our own faults stay");
        String refusal = SoapOperationFilter.envelope("Server", "MALFORMED_PAYLOAD", 400, "transferId: a UUID");
        assertEquals(ours, SoapOperationFilter.replacement(500, refusal), "a 4xx refusal is a Client fault");
        assertNull(SoapOperationFilter.replacement(500, SoapOperationFilter.envelope("Server", "INTERNAL_ERROR", 500, "x")));
        assertNull(SoapOperationFilter.replacement(200, "<S:Envelope><S:Body><ia:exchangeResponse/></S:Body></S:Envelope>"));
        for (String name : new String[] {"javax.xml.stream.XMLStreamException", "SOAPExceptionImpl", "WstxParsingException",
            "com.sun.xml.ws.X"}) {
            assertEquals("a … b", vn.gov.quangtri.motcua.api.soap.InterAgencyEndpoint.withoutJavaNames("a " + name + " b"));
        }
    }

    @Test
    void timestampRefusalsQuoteThePartnersTextSafely() {
        // A wsu:Created with a line break and a forged log header stays on one line; a dotted name is not echoed.
        assertEquals("wsu:Created X]]\\u000A\\u000A[2026-12-06T06:20:00.000+0000] [SEVERE] forged \\u202E is not a time",
            WsSecurityTimestampHandler.safe("wsu:Created X]]\n\n[2026-12-06T06:20:00.000+0000] [SEVERE] forged \u202E is not a time"));
        assertEquals("wsu:Created … is not a time", WsSecurityTimestampHandler.safe("wsu:Created java.lang.String is not a time"));
    }

    @Test
    void onlyTextXmlInUtf8IsASoapRequest() {
        assertTrue(SoapOperationFilter.soap11("text/xml"));
        assertTrue(SoapOperationFilter.soap11("text/xml; charset=UTF-8"));
        assertTrue(SoapOperationFilter.soap11("TEXT/XML;charset=\"utf-8\""));
        for (String other : new String[] {null, "application/json", "application/soap+xml", "text/plain",
            "multipart/related; boundary=x", "text/xml; charset=LIGHT_YEAR", "text/xml; charset=ISO-8859-1"}) {
            assertFalse(SoapOperationFilter.soap11(other), other);
        }
    }

    @Test
    void theServiceDescriptionLosesItsComments() {
        String wsdl = "<?xml version='1.0' encoding='UTF-8'?><!-- Published by XML-WS Runtime (https://github.com/eclipse-ee4j/metro-jax-ws)."
            + " Runtime's version is XML-WS Runtime 4.0.3 git-revision#af8101a. -->\n<!-- Generated by JAX-WS RI"
            + " (https://github.com/eclipse-ee4j/metro-jax-ws). RI's version is XML-WS Runtime 4.0.3. -->\n"
            + "<definitions xmlns=\"http://schemas.xmlsoap.org/wsdl/\"><types/></definitions>";
        assertEquals("<?xml version='1.0' encoding='UTF-8'?><definitions xmlns=\"http://schemas.xmlsoap.org/wsdl/\">"
            + "<types/></definitions>", SoapOperationFilter.withoutComments(wsdl));
        assertTrue(SoapOperationFilter.metadataQuery("wsdl"));
        assertTrue(SoapOperationFilter.metadataQuery("xsd=2"));
        assertFalse(SoapOperationFilter.metadataQuery("tester"));
    }
}
