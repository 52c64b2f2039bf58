package vn.gov.quangtri.motcua.api.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;

/** Issue 16: the request body check (strings of any JSON body, declared character set). */
class BodyHygieneTest {

    @Test
    void everyJsonStringIsCheckedAndNamed() {
        BodyHygiene.checkStrings("{\"applicant\":{\"name\":\"Lê\",\"address\":\"Khu phố 3\"},\"documents\":[{\"name\":\"A\"}]}");
        BodyHygiene.checkStrings("{\"note\":\"Dòng 1\\nDòng 2\\tx\"}");
        assertEquals(List.of("applicant.name: control character U+0000 not allowed"),
            assertThrows(RuleViolationException.class,
                () -> BodyHygiene.checkStrings("{\"applicant\":{\"kind\":\"INDIVIDUAL\",\"name\":\"\\u0000\"}}")).details());
        assertEquals(List.of("documents[1].name: control character U+202E not allowed"),
            assertThrows(RuleViolationException.class, () -> BodyHygiene.checkStrings(
                "{\"documents\":[{\"name\":\"A\",\"quantity\":1},{\"name\":\"B\\u202E\"}],\"x\":1}")).details());
        assertEquals(List.of("items[2]: control character U+001B not allowed"),
            assertThrows(RuleViolationException.class, () -> BodyHygiene.checkStrings(
                "{\"items\":[\"a\",\"b\",\"c\\u001B\"]}")).details());
        assertEquals(List.of("note: control character U+2028 not allowed"),
            assertThrows(RuleViolationException.class, () -> BodyHygiene.checkStrings("{\"note\":\"a\u2028b\"}")).details());
        BodyHygiene.checkStrings("{not json"); // left to the binding: 400 MALFORMED_JSON
    }

    @Test
    void aMemberNamedTwiceIsRefused() {
        // the same name in different objects, or in sibling objects of an array, is fine
        BodyHygiene.checkStrings("{\"name\":\"a\",\"applicant\":{\"name\":\"b\"},\"documents\":[{\"name\":\"c\"},{\"name\":\"d\"}]}");
        RuleViolationException twice = assertThrows(RuleViolationException.class,
            () -> BodyHygiene.checkStrings("{\"applicant\":{\"name\":\"A\",\"kind\":\"INDIVIDUAL\",\"name\":\"B\"}}"));
        assertEquals(BodyHygiene.MALFORMED_JSON, twice.reason());
        assertEquals(List.of("applicant.name: given twice"), twice.details());
        assertEquals(List.of("documents[1].quantity: given twice"), assertThrows(RuleViolationException.class,
            () -> BodyHygiene.checkStrings("{\"documents\":[{\"quantity\":1},{\"quantity\":1,\"quantity\":2}]}"))
            .details());
    }

    @Test
    void numbersAndFlagsAreLeftToTheStrictBinding() {
        // Types are the binding's business (StrictJson, JsonConfigTest): no member-name special case here any more.
        BodyHygiene.checkStrings("{\"documents\":[{\"quantity\":4294967297}],\"active\":\"yes\",\"n\":1e400}");
    }

    @Test
    void deepNestingIsRefusedBeforeTheParserGivesUp() {
        // 32 levels pass; 33 are refused as malformed JSON (Parsson itself fails at 1,000 with a bare RuntimeException).
        BodyHygiene.checkStrings("[".repeat(32) + "]".repeat(32));
        RuleViolationException deep = assertThrows(RuleViolationException.class,
            () -> BodyHygiene.checkStrings("[".repeat(20000) + "]".repeat(20000)));
        assertEquals(BodyHygiene.MALFORMED_JSON, deep.reason());
        assertEquals(List.of("body: at most 32 levels of objects and arrays"), deep.details());
        assertThrows(RuleViolationException.class,
            () -> BodyHygiene.checkStrings("{\"a\":" .repeat(33) + "1" + "}".repeat(33)));
    }

    @Test
    void theDeclaredCharacterSetIsUsedAndUnknownOnesRefused() {
        byte[] latin1 = "{\"name\":\"Phé\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("{\"name\":\"Phé\"}", BodyHygiene.decode(latin1,
            BodyHygiene.charset("ISO-8859-1")));
        BodyHygiene.Refused notUtf8 = assertThrows(BodyHygiene.Refused.class,
            () -> BodyHygiene.decode(latin1, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(400, notUtf8.status);
        assertEquals("MALFORMED_ENCODING", notUtf8.reason);
        BodyHygiene.Refused unknown = assertThrows(BodyHygiene.Refused.class,
            () -> BodyHygiene.charset("x-klingon"));
        assertEquals(415, unknown.status);
        assertEquals("UNSUPPORTED_CHARSET", unknown.reason);
    }

    /** A multipart body of {@code parts} small fields, as a client would send it. */
    private static byte[] multipart(int parts) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            b.append("--B0undary\r\nContent-Disposition: form-data; name=\"x").append(i).append("\"\r\n\r\n1\r\n");
        }
        return b.append("--B0undary--\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int readAll(java.io.InputStream in) throws java.io.IOException {
        int n = 0;
        byte[] buffer = new byte[7];
        for (int r; (r = in.read(buffer)) > 0; ) {
            n += r;
        }
        return n;
    }

    @Test
    void aMultipartBodyOfAtMostTwentyPartsPassesAndOneMoreIsRefusedWhileRead() throws Exception {
        BodyHygiene hygiene = new BodyHygiene(1024 * 1024);
        byte[] twenty = multipart(BodyHygiene.MAX_PARTS);
        assertEquals(twenty.length, readAll(hygiene.new Limited(new java.io.ByteArrayInputStream(twenty), "B0undary")));
        BodyHygiene.Refused r = assertThrows(BodyHygiene.Refused.class, () -> readAll(
            hygiene.new Limited(new java.io.ByteArrayInputStream(multipart(BodyHygiene.MAX_PARTS + 1)), "B0undary")));
        assertEquals("TOO_MANY_PARTS", r.reason);
        assertEquals(400, r.status);
    }

    @Test
    void aMultipartBodyOverTheLimitIsRefusedWhileRead() {
        BodyHygiene hygiene = new BodyHygiene(100);
        BodyHygiene.Refused r = assertThrows(BodyHygiene.Refused.class, () -> readAll(
            hygiene.new Limited(new java.io.ByteArrayInputStream(multipart(3)), "B0undary")));
        assertEquals("BODY_TOO_LARGE", r.reason);
    }
}
