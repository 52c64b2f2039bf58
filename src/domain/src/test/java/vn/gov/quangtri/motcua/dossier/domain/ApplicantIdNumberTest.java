package vn.gov.quangtri.motcua.dossier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An ID number typed in digit groups is accepted and stored as one word, as the searches compare it; a name's
 * length is counted after NFC normalisation (issue 11 §4).
 */
class ApplicantIdNumberTest {

    @Test
    @DisplayName("'045 080 001 234' is valid, stored as 045080001234 and found by either spelling")
    void groupedDigits() {
        assertEquals(List.of(), Applicant.problems("Hoàng Văn Bình", "045 080 001 234", null, null, null));
        Applicant a = new Applicant(Applicant.Kind.INDIVIDUAL, "Hoàng Văn Bình", "045 080 001 234", null, null, null);
        assertEquals("045080001234", a.idNumber());
        assertEquals(Applicant.searchableIdNumber("045080001234"), Applicant.searchableIdNumber(a.idNumber()));
        assertEquals(List.of("applicant.idNumber: letters and digits only"),
            Applicant.problems("Hoàng Văn Bình", "045 080 001 234!", null, null, null));
    }

    @Test
    @DisplayName("A 300-letter name sent decomposed (NFD, 600 code units) passes like its composed form; 301 does not")
    void decomposedNameAtTheLimit() {
        String composed = "Ễ".repeat(300);
        String decomposed = java.text.Normalizer.normalize(composed, java.text.Normalizer.Form.NFD);
        assertEquals(true, decomposed.length() > 300, "the decomposed form is longer in UTF-16 units");
        assertEquals(List.of(), Applicant.problems(decomposed, null, null, null, null));
        assertEquals(composed, new Applicant(Applicant.Kind.INDIVIDUAL, decomposed, null, null, null, null).name());
        assertEquals(List.of("applicant.name: at most 300 characters"),
            Applicant.problems(decomposed + "\u0045\u0302", null, null, null, null));
    }

    @Test
    @DisplayName("Issue 16 (fresh-user trial): an individual's identifier is a CCCD (12 digits), a CMND (9) or a passport"
        + " number; an organisation's keeps the general rule; e-mail addresses are checked")
    void personalIdentifiersAndEmail() {
        String rule = "applicant.idNumber: a citizen ID of 12 digits (CCCD), 9 digits (CMND) or a passport number"
            + " (6-12 letters and digits)";
        for (String ok : List.of("045080001234", "045 080 001 234", "191234567", "C1234567", "B 1234567", "E12345678",
                "12AB34567")) {
            assertEquals(List.of(), Applicant.problems(Applicant.Kind.INDIVIDUAL, "Lê Văn A", ok, null, null, null), ok);
        }
        for (String bad : List.of("04508000123", "0450800012345", "12345", "1234567890", "ABCDEF", "C12", "0101234567-001",
                "45/GP")) {
            assertEquals(List.of(rule), Applicant.problems(Applicant.Kind.INDIVIDUAL, "Lê Văn A", bad, null, null, null), bad);
        }
        assertEquals(List.of(), Applicant.problems(Applicant.Kind.ORGANISATION, "Công ty TNHH A", "0101234567-001", null,
            null, null), "a branch's tax code");
        assertEquals(List.of(), Applicant.problems("Lê Văn A", "1234567890", null, null, null), "kind not known: general rule");
        for (String bad : List.of("a@b", "a b@c.vn", "a@b..vn", "\"a\"@b.vn", "a@b.vn;c@d.vn", "@b.vn")) {
            assertEquals(List.of("applicant.email: not an e-mail address"),
                Applicant.problems(Applicant.Kind.INDIVIDUAL, "Lê Văn A", null, null, bad, null), bad);
        }
        assertEquals(List.of(), Applicant.problems(Applicant.Kind.INDIVIDUAL, "Lê Văn A", null, null, "le.van.a@gmail.com",
            null));
    }
}
