package vn.gov.quangtri.motcua.interagency.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 11 §5: a repeated message id is the same message when its content after parsing is the same. */
class CanonicalContentTest {

    private static final String COMPACT = "{\"transferId\":\"3f1c\",\"status\":\"RESULT_RETURNED\",\"at\":\"2026-03-17T10:00+07:00\","
        + "\"childCode\":null,\"note\":\"Đã xác minh\",\"share\":{\"value\":3,\"unit\":\"WORKING_DAY\"},\"documents\":[1,2]}";

    @Test
    @DisplayName("JSON: members reordered, indented, a character escaped, 3 written 3.0 and 30e-1 → the same message")
    void jsonSerialisationsAreEqual() {
        String other = """
            {
              "share" : { "unit" : "WORKING_DAY", "value" : 30e-1 },
              "note" : "\\u0110\\u00e3 x\\u00e1c minh",
              "documents" : [ 1.0, 2 ],
              "childCode" : null,
              "at" : "2026-03-17T10:00+07:00",
              "status" : "RESULT_RETURNED",
              "transferId" : "3f1c"
            }
            """;
        assertTrue(CanonicalContent.same(COMPACT, other));
        assertEquals("json:{\"at\":\"2026-03-17T10:00+07:00\",\"childCode\":null,\"documents\":[1,2],\"note\":\"Đã xác minh\","
            + "\"share\":{\"unit\":\"WORKING_DAY\",\"value\":3},\"status\":\"RESULT_RETURNED\",\"transferId\":\"3f1c\"}",
            CanonicalContent.of(other));
    }

    @Test
    @DisplayName("JSON: another value, a number as text, a missing member, array order, an extra member → another message")
    void jsonDifferentContentIsRefused() {
        assertFalse(CanonicalContent.same(COMPACT, COMPACT.replace("Đã xác minh", "Đã xác minh ")));
        assertFalse(CanonicalContent.same(COMPACT, COMPACT.replace("\"value\":3", "\"value\":\"3\"")));
        assertFalse(CanonicalContent.same(COMPACT, COMPACT.replace("\"value\":3", "\"value\":4")));
        assertFalse(CanonicalContent.same(COMPACT, COMPACT.replace("\"childCode\":null,", "")));
        assertFalse(CanonicalContent.same(COMPACT, COMPACT.replace("[1,2]", "[2,1]")));
        assertFalse(CanonicalContent.same(COMPACT, COMPACT.replace("{\"transferId\"", "{\"x\":true,\"transferId\"")));
        assertFalse(CanonicalContent.same(COMPACT, COMPACT.replace("null", "false")));
    }

    @Test
    @DisplayName("Unparseable bodies are compared as exact text; null equals only null")
    void unparseableAsText() {
        assertTrue(CanonicalContent.same("{not json", "{not json"));
        assertFalse(CanonicalContent.same("{not json", "{not json "));
        assertEquals("text:{not json", CanonicalContent.of("{not json"));
        assertFalse(CanonicalContent.same(COMPACT, null));
        assertTrue(CanonicalContent.same(null, null));
    }

    private static final String ENVELOPE = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
        + " xmlns:ia=\"urn:motcua:interagency:v1\"><soapenv:Body><ia:exchange a=\"1\" b=\"2\">"
        + "<ia:messageId>6b0d</ia:messageId><ia:operation>return-result</ia:operation>"
        + "<ia:payload>{\"note\":\"a &lt; b &amp; c\"}</ia:payload></ia:exchange></soapenv:Body></soapenv:Envelope>";

    @Test
    @DisplayName("XML: other prefixes, attribute order, indentation, a comment, CDATA instead of escapes → the same message")
    void xmlSerialisationsAreEqual() {
        String other = """
            <?xml version="1.0" encoding="UTF-8"?>
            <S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/">
              <S:Body>
                <!-- resent by the partner's gateway -->
                <exchange xmlns="urn:motcua:interagency:v1" b="2" a="1">
                  <messageId>6b0d</messageId>
                  <operation>return-result</operation>
                  <payload><![CDATA[{"note":"a < b & c"}]]></payload>
                </exchange>
              </S:Body>
            </S:Envelope>
            """;
        assertTrue(CanonicalContent.same(ENVELOPE, other));
        assertEquals("xml:<{http://schemas.xmlsoap.org/soap/envelope/}Envelope><{http://schemas.xmlsoap.org/soap/envelope/}Body>"
            + "<{urn:motcua:interagency:v1}exchange a=\"1\" b=\"2\"><{urn:motcua:interagency:v1}messageId>\"6b0d\"</>"
            + "<{urn:motcua:interagency:v1}operation>\"return-result\"</><{urn:motcua:interagency:v1}payload>"
            + "\"{\\\"note\\\":\\\"a < b & c\\\"}\"</></></></>", CanonicalContent.of(other));
    }

    @Test
    @DisplayName("XML: another namespace, text, attribute value or element order → another message; a DTD is not expanded")
    void xmlDifferentContentIsRefused() {
        assertFalse(CanonicalContent.same(ENVELOPE, ENVELOPE.replace("urn:motcua:interagency:v1", "urn:other")));
        assertFalse(CanonicalContent.same(ENVELOPE, ENVELOPE.replace(">6b0d<", ">6b0e<")));
        assertFalse(CanonicalContent.same(ENVELOPE, ENVELOPE.replace("b=\"2\"", "b=\"3\"")));
        assertFalse(CanonicalContent.same(ENVELOPE, ENVELOPE.replace(
            "<ia:messageId>6b0d</ia:messageId><ia:operation>return-result</ia:operation>",
            "<ia:operation>return-result</ia:operation><ia:messageId>6b0d</ia:messageId>")));
        String withDtd = "<!DOCTYPE x [<!ENTITY e \"6b0d\">]><x>&e;</x>";
        assertEquals("text:" + withDtd, CanonicalContent.of(withDtd), "refused by the parser, compared as text");
    }
}
