package vn.gov.quangtri.motcua.shared.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.account.domain.UserAccount;
import vn.gov.quangtri.motcua.agency.domain.Agency;
import vn.gov.quangtri.motcua.agency.domain.AgencyKind;
import vn.gov.quangtri.motcua.agency.domain.AgencyLevel;
import vn.gov.quangtri.motcua.dossier.domain.Applicant;

/** Issue 9 item 14: control and direction-override characters are refused in names, in one rule. */
class TextsTest {

    private static final String BEL = "\u0007";
    private static final String RLO = "\u202E";

    @Test
    void controlCharactersAndOverridesAreForbiddenInSingleLineText() {
        for (int c : new int[] {0x00, 0x07, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9F,
                                0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x2028, 0x2029}) {
            assertEquals(true, Texts.forbidden(c, false), String.format("U+%04X", c));
        }
        // letters with Vietnamese diacritics, NBSP, ZWJ and the ordinary punctuation of names are fine
        for (int c : "Nguyễn Thị Ánh-Dương (Hộ kinh doanh) Đ. \u00A0\u200D'".codePoints().toArray()) {
            assertEquals(false, Texts.forbidden(c, false), String.format("U+%04X", c));
        }
        // not text: a lone surrogate (sent as "A\ud800B" it would be stored as "A?B"), the replacement character
        // left by bytes that were not UTF-8, the noncharacters (found by a trial user, issue 16)
        for (int c : new int[] {0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xFFFD, 0xFFFE, 0xFFFF}) {
            assertEquals(true, Texts.forbidden(c, true), String.format("U+%04X", c));
        }
        assertEquals("applicant.name: control character U+D800 not allowed",
            Texts.controlProblem("applicant.name", "A\ud800B", false));
        assertNull(Texts.controlProblem("applicant.name", "Lê 😀 A", false), "a surrogate pair is a character");
        // invisible format characters that make equal-looking names differ (zero-width space, direction marks, BOM)
        for (int c : new int[] {0x200B, 0x200E, 0x200F, 0x2060, 0x2064, 0xFEFF, 0x061C, 0x180E}) {
            assertEquals(true, Texts.forbidden(c, false), String.format("U+%04X", c));
            assertEquals(true, Texts.forbidden(c, true), String.format("U+%04X in a multi-line text", c));
        }
        assertEquals(false, Texts.forbidden(0x2029 - 2, false)); // U+2027 HYPHENATION POINT
        assertEquals(false, Texts.forbidden(0x206A, false));
    }

    @Test
    void multiLineTextKeepsTabAndLineBreaksOnly() {
        assertEquals(false, Texts.forbidden('\t', true));
        assertEquals(false, Texts.forbidden('\n', true));
        assertEquals(false, Texts.forbidden('\r', true));
        assertEquals(true, Texts.forbidden(0x2028, true), "line breaks are LF or CR LF only (issue 16)");
        assertEquals(true, Texts.forbidden(0x2029, true));
        assertEquals(true, Texts.forbidden(0x07, true));
        assertEquals(true, Texts.forbidden(0x202E, true));
        assertEquals("Dòng 1\nDòng 2\tx", Texts.plain("note", "Dòng 1\nDòng 2\tx", true));
    }

    @Test
    void theProblemNamesTheFieldAndTheFirstCharacter() {
        assertEquals("applicant.name: control character U+0007 not allowed",
            Texts.controlProblem("applicant.name", "Lê Văn" + BEL + "A" + RLO, false));
        assertNull(Texts.controlProblem("applicant.name", "Lê Văn A", false));
        RuleViolationException e = assertThrows(RuleViolationException.class,
            () -> Texts.name("fullName", "Trần " + RLO + "gnảoH", 200));
        assertEquals(Texts.CONTROL_CHARACTER, e.reason());
        assertEquals(List.of("fullName: control character U+202E not allowed"), e.details());
    }

    @Test
    void namesAreCheckedWhereTheyAreValidated() {
        assertEquals(List.of("applicant.name: control character U+0007 not allowed"),
            Applicant.problems("Hoàng Văn Bình" + BEL, null, null, null, null));
        assertEquals(List.of(), Applicant.problems("Hoàng Văn Bình", null, null, null, null));

        RuleViolationException agency = assertThrows(RuleViolationException.class, () -> Agency.create("QT",
            "Tỉnh " + RLO + "irT gnảuQ", AgencyKind.PROVINCE, AgencyLevel.PROVINCE, null, LocalDate.of(1989, 7, 1),
            "000.00.00.H50", false));
        assertEquals(List.of("name: control character U+202E not allowed"), agency.details());

        Agency unit = Agency.create("QT", "Tỉnh Quảng Trị", AgencyKind.PROVINCE, AgencyLevel.PROVINCE, null,
            LocalDate.of(1989, 7, 1), "000.00.00.H50", false);
        RuleViolationException account = assertThrows(RuleViolationException.class, () -> new UserAccount("le.van.a",
            "Lê Văn A" + BEL, "hash", unit, Set.of(Role.DESK_OFFICER), Instant.EPOCH));
        assertEquals(Texts.CONTROL_CHARACTER, account.reason());
        assertEquals(List.of("fullName: control character U+0007 not allowed"), account.details());
        RuleViolationException rename = assertThrows(RuleViolationException.class,
            () -> unit.correctName("Tỉnh Quảng\u2028Trị"));
        assertEquals(List.of("name: control character U+2028 not allowed"), rename.details());
    }

    @Test
    void cleanNormalisesTrimsAndRefusesInOneRule() {
        String nfd = java.text.Normalizer.normalize("Phé Nguyễn", java.text.Normalizer.Form.NFD);
        assertEquals("Phé Nguyễn", Texts.clean("name", "  " + nfd + "\u200D\u00A0", false, 300), "NFC, trimmed");
        assertEquals(java.text.Normalizer.normalize("Phé Nguyễn", java.text.Normalizer.Form.NFC),
            Texts.clean("name", nfd, false, 300));
        assertNull(Texts.clean("name", " \u200C\u200D\u00A0\u3000 ", false, 300), "zero-width only is blank");
        for (String invisible : new String[] {"\u3164", "\u2800", "\u00AD", "\u034F", "\uDB40\uDC41\uDB40\uDC42",
            "\u115F\u1160", "\uFFA0"}) {
            assertTrue(Texts.blank(invisible), invisible.codePoints().mapToObj(Integer::toHexString).toList().toString());
        }
        assertFalse(Texts.blank("Lê\u00ADVăn"));
        assertEquals(Texts.CONTROL_CHARACTER, assertThrows(RuleViolationException.class,
            () -> Texts.clean("name", "\u200B\uFEFF", false, 300)).reason(), "zero-width space and BOM are refused");
        assertNull(Texts.clean("name", null, false, 300));
        for (String hostile : List.of("\u0000", "A\u0000", "Khu phố\u001B[31m", "A\u007FB", "A\u2028B", "A\u202EB",
                                      "A\u2066B", "A\uD800B", "A\uFDD0B", "A\uDBFF\uDFFFB")) {
            RuleViolationException e = assertThrows(RuleViolationException.class,
                () -> Texts.clean("applicant.address", hostile, false, 500), hostile);
            assertEquals(Texts.CONTROL_CHARACTER, e.reason());
        }
        assertEquals("Dòng 1\nDòng 2", Texts.clean("note", "Dòng 1\nDòng 2", true, 4000), "multi-line keeps LF");
        assertEquals(List.of("note: control character U+2028 not allowed"), assertThrows(RuleViolationException.class,
            () -> Texts.clean("note", "Dòng 1\u2028Dòng 2", true, 4000)).details());
        RuleViolationException missing = assertThrows(RuleViolationException.class,
            () -> Texts.required("applicant.name", "\u200D\u200C", false, 300));
        assertEquals(Texts.REQUIRED, missing.reason());
        assertEquals(List.of("applicant.name: required"), missing.details());
        assertEquals(Texts.CONTROL_CHARACTER, assertThrows(RuleViolationException.class,
            () -> Texts.required("applicant.name", "\u0000", false, 300)).reason(), "a NUL is refused, not removed");
        assertEquals(true, Texts.blank("  \u200B"));
        assertEquals(false, Texts.blank("Lê"));
    }

    @Test
    void limitedTextRefusesNulInsteadOfDroppingIt() {
        assertEquals(Texts.CONTROL_CHARACTER, assertThrows(RuleViolationException.class,
            () -> Texts.limited("note", "Ghi chú\u0000", Texts.LONG)).reason());
        assertEquals("Ghi chú\n\tmục 2", Texts.limited("note", "Ghi chú\n\tmục 2", Texts.LONG));
    }

    @Test
    void applicantFieldsAreCleanedByTheirFactory() {
        assertEquals(List.of("applicant.name: required"), Applicant.problems("\u200C\u200D", null, null, null, null));
        assertEquals(List.of("applicant.name: control character U+0000 not allowed"),
            Applicant.problems("\u0000", null, null, null, null));
        assertEquals(List.of("applicant.address: control character U+001B not allowed"),
            Applicant.problems("Lê Văn A", null, null, null, "Khu phố 3\u001B"));
        assertEquals(List.of("applicant.email: control character U+2028 not allowed"),
            Applicant.problems("Lê Văn A", null, null, "a@b.vn\u2028", null));
        Applicant a = new Applicant(Applicant.Kind.INDIVIDUAL,
            java.text.Normalizer.normalize(" Phé ", java.text.Normalizer.Form.NFD), " 045 080 001 234 ", "", null,
            " Khu phố 3 ");
        assertEquals("Phé", a.name());
        assertEquals("045080001234", a.idNumber());
        assertNull(a.phone(), "blank is absent");
        assertEquals("Khu phố 3", a.address());
        assertThrows(RuleViolationException.class, () -> new Applicant(Applicant.Kind.INDIVIDUAL, "\u200D", null, null,
            null, null));
        assertEquals(Texts.CONTROL_CHARACTER, assertThrows(RuleViolationException.class,
            () -> new vn.gov.quangtri.motcua.dossier.domain.DocumentLine(null, "Giấy tờ\u007F",
                vn.gov.quangtri.motcua.catalogue.domain.DocumentForm.COPY, 1)).reason());
    }

    /** Issue 16, fresh-user trial: a text of combining marks only is missing; annotation and tag characters are refused. */
    @Test
    void aTextWithoutABaseCharacterIsMissingAndAnnotationAndTagCharactersAreRefused() {
        for (String marksOnly : new String[] {"\u0301", " \u0301\u0323 ", "\u20DD", "\u0903", "\u200D\u0301",
            "\u00A0\u0300\u00A0"}) {
            assertTrue(Texts.blank(marksOnly), marksOnly.codePoints().mapToObj(Integer::toHexString).toList().toString());
            RuleViolationException e = assertThrows(RuleViolationException.class,
                () -> Texts.required("applicant.name", marksOnly, false, 300));
            assertEquals(Texts.REQUIRED, e.reason());
            assertEquals(List.of("applicant.name: required"), e.details());
            assertNull(Texts.clean("applicant.address", marksOnly, false, 500));
        }
        assertEquals(List.of("applicant.name: required"), Applicant.problems("\u0301", null, null, null, null));
        // a mark on a letter is an ordinary Vietnamese letter: "Lê" typed with a combining circumflex is kept (NFC)
        assertFalse(Texts.blank("Le\u0302"));
        assertEquals("L\u00EA", Texts.required("applicant.name", "Le\u0302", false, 300));

        for (int c : new int[] {0xFFF9, 0xFFFA, 0xFFFB, 0xE0000, 0xE0001, 0xE0020, 0xE0041, 0xE007F}) {
            assertTrue(Texts.forbidden(c, false), String.format("U+%04X", c));
            assertTrue(Texts.forbidden(c, true), String.format("U+%04X in a multi-line text", c));
        }
        assertFalse(Texts.forbidden(0xFFF8, false));
        assertFalse(Texts.forbidden(0xFFFC, false)); // OBJECT REPLACEMENT CHARACTER is visible
        assertFalse(Texts.forbidden(0xE0080, false));
        assertEquals(List.of("applicant.name: control character U+FFF9 not allowed"), assertThrows(
            RuleViolationException.class, () -> Texts.required("applicant.name", "Lê\uFFF9Văn\uFFFAA\uFFFB", false, 300))
            .details());
        assertEquals(List.of("name: control character U+E0041 not allowed"), assertThrows(RuleViolationException.class,
            () -> Texts.name("name", "Tỉnh Quảng Trị\uDB40\uDC41", 300)).details());
        assertEquals(List.of("applicant.name: control character U+E0041 not allowed"),
            Applicant.problems("Lê Văn A\uDB40\uDC41", null, null, null, null));
    }
}
