package vn.gov.quangtri.motcua.dossier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LookupTokenTest {

    @Test
    @DisplayName("SHA-256 of the normalized token as 64 hex digits (known digests of \"\" and \"123456\")")
    void hashIsSha256() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", LookupToken.hash(""));
        assertEquals("8d969eef6ecad3c29a3a629280e686cf0c3f5d5a86aff3ca12020c923adc6c92", LookupToken.hash("123456"));
        assertEquals(LookupToken.hash("123456"), LookupToken.hash("12-34 56"), "hyphens and spaces ignored");
    }

    @Test
    @DisplayName("Typed variants of a token hash alike: case, hyphens, O for 0, I and L for 1")
    void normalForm() {
        assertEquals("7K2MQX9PA3RTVW4NH8JC", LookupToken.normalize("7k2m-qx9p-a3rt-vw4n-h8jc"));
        assertEquals("10110", LookupToken.normalize("lOi1o"));
        assertEquals(LookupToken.hash("7K2M-QX9P-A3RT-VW4N-H8JC"), LookupToken.hash(" 7k2mqx9pa3rtvw4nh8jc "));
        assertNotEquals(LookupToken.hash("7K2M-QX9P-A3RT-VW4N-H8JC"), LookupToken.hash("7K2M-QX9P-A3RT-VW4N-H8JD"));
    }

    @Test
    @DisplayName("A new token has 20 letters of the 32-letter alphabet in groups of four (100 bits); 1,000 draws differ")
    void newTokens() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String t = LookupToken.newToken(random);
            assertTrue(t.matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}"), t);
            assertEquals(t.replace("-", ""), LookupToken.normalize(t), "a new token is already in normal form");
            seen.add(t);
        }
        assertEquals(1000, seen.size());
        assertEquals(32, LookupToken.ALPHABET.length());
    }

    @Test
    @DisplayName("Only the current token matches: a reissue makes the old one fail and counts the issue")
    void reissue() {
        LookupToken t = new LookupToken("000.00.60.H50-260302-0001", "AAAA-BBBB-CCCC-DDDD-EEEE",
            Instant.parse("2026-03-02T03:00:00Z"), "tiepnhan.vl");
        assertTrue(t.matchesHash(LookupToken.hash("aaaa-bbbb-cccc-dddd-eeee")));
        assertFalse(t.matchesHash(LookupToken.hash("AAAA-BBBB-CCCC-DDDD-EEEF")));
        assertEquals(1, t.issueCount());
        t.reissue("1111-2222-3333-4444-5555", Instant.parse("2026-03-03T03:00:00Z"), "admin");
        assertFalse(t.matchesHash(LookupToken.hash("AAAA-BBBB-CCCC-DDDD-EEEE")));
        assertTrue(t.matchesHash(LookupToken.hash("1111-2222-3333-4444-5555")));
        assertEquals(2, t.issueCount());
        assertEquals("admin", t.issuedBy());
        assertFalse(LookupToken.sameHash(null, LookupToken.hash("")));
    }
}
