package vn.gov.quangtri.motcua.dossier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** An ID number typed in digit groups is accepted and stored as one word, as the searches compare it. */
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
}
