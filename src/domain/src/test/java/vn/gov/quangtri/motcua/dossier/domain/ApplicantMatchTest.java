package vn.gov.quangtri.motcua.dossier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.text.Normalizer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The normalisation rules of the duplicate-applicant warning at intake (issue 11 §4). */
class ApplicantMatchTest {

    private static Applicant applicant(String name, String idNumber, String phone) {
        return new Applicant(Applicant.Kind.INDIVIDUAL, name, idNumber, phone, null, null);
    }

    @Test
    @DisplayName("Names: NFD equals NFC, case and runs of spaces do not count, diacritics do")
    void names() {
        String nfd = Normalizer.normalize("Nguyễn Văn An", Normalizer.Form.NFD);
        assertEquals(16, nfd.length(), "ễ decomposes into e + two marks, ă into a + one");
        assertEquals("nguyễn văn an", ApplicantMatch.nameKey(nfd));
        assertEquals("nguyễn văn an", ApplicantMatch.nameKey("  NGUYỄN   Văn\tAN "));
        assertEquals("đặng thị hoa", ApplicantMatch.nameKey("ĐẶNG THỊ HOA"));
        assertEquals("nguyen van an", ApplicantMatch.nameKey("Nguyen Van An"));
        assertNotEquals(ApplicantMatch.nameKey("Nguyễn Văn An"), ApplicantMatch.nameKey("Nguyen Van An"));
        assertNull(ApplicantMatch.nameKey("   "));
    }

    @Test
    @DisplayName("Phones: digits only, +84 / 84 read as 0")
    void phones() {
        assertEquals("0912345678", ApplicantMatch.phoneKey("0912 345.678"));
        assertEquals("0912345678", ApplicantMatch.phoneKey("+84 912 345 678"));
        assertEquals("0912345678", ApplicantMatch.phoneKey("84-912-345-678"));
        assertEquals("0912345678", ApplicantMatch.phoneKey("+84 (0) 912 345 678"));
        assertEquals("02333852123", ApplicantMatch.phoneKey("(0233) 3852 123"));
        assertNull(ApplicantMatch.phoneKey("+ ( )"));
        assertNull(ApplicantMatch.phoneKey(null));
    }

    @Test
    @DisplayName("ID numbers: spaces and letter case do not count")
    void idNumbers() {
        assertEquals("045080001234", ApplicantMatch.idNumberKey("045 080 001 234"));
        assertEquals("C1234567", ApplicantMatch.idNumberKey("c1234567"));
        assertNull(ApplicantMatch.idNumberKey(" "));
    }

    @Test
    @DisplayName("Same ID number wins; otherwise name and phone must both match")
    void between() {
        Applicant lodged = applicant("Nguyễn Văn An", "045080001234", "0912345678");
        assertEquals(ApplicantMatch.ID_NUMBER,
            ApplicantMatch.between("045 080 001 234", "Trần Thị Bé", null, lodged));
        assertEquals(ApplicantMatch.NAME_AND_PHONE, ApplicantMatch.between(null,
            Normalizer.normalize("nguyễn văn  an", Normalizer.Form.NFD), "+84 912 345 678", lodged));
        assertEquals(ApplicantMatch.NAME_AND_PHONE,
            ApplicantMatch.between("045080009999", "Nguyễn Văn An", "0912345678", lodged),
            "another ID number does not rule out name and phone (the requirement's OR; a warning only)");
        assertNull(ApplicantMatch.between(null, "Nguyen Van An", "0912345678", lodged), "diacritics differ");
        assertNull(ApplicantMatch.between(null, "Nguyễn Văn An", "0912345679", lodged), "another phone");
        assertNull(ApplicantMatch.between(null, "Nguyễn Văn An", null, lodged), "name alone is not enough");
        assertNull(ApplicantMatch.between(null, "Nguyễn Văn An", "0912345678",
            applicant("Nguyễn Văn An", null, null)), "no phone on the other dossier");
    }
}
