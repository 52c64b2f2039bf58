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
}
