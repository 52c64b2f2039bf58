package vn.gov.quangtri.motcua.shared.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Collator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Vietnamese alphabetical order (docs/cases.md C16). */
class VietnameseCollationTest {

    private static final List<String> C16_INPUT = List.of("An", "Ánh", "Anh", "Ân", "Bình", "Dũng", "Đức");
    private static final List<String> C16_EXPECTED = List.of("An", "Anh", "Ánh", "Ân", "Bình", "Dũng", "Đức");

    private static List<String> sorted(List<String> in, Comparator<String> order) {
        List<String> out = new ArrayList<>(in);
        out.sort(order);
        return out;
    }

    @Test
    @DisplayName("C16: An, Ánh, Anh, Ân, Bình, Dũng, Đức → An, Anh, Ánh, Ân, Bình, Dũng, Đức (code points give An, Anh, Bình, Dũng, Ánh, Ân, Đức)")
    void c16GivenNames() {
        assertEquals(C16_EXPECTED, sorted(C16_INPUT, VietnameseCollation.text()));
        assertEquals(List.of("An", "Anh", "Bình", "Dũng", "Ánh", "Ân", "Đức"), sorted(C16_INPUT, Comparator.naturalOrder()),
            "the wrong order the case describes");
    }

    @Test
    @DisplayName("C16 in NFD (combining marks, as some keyboards type) sorts the same")
    void decomposedInput() {
        List<String> nfd = C16_INPUT.stream().map(s -> Normalizer.normalize(s, Normalizer.Form.NFD)).toList();
        List<String> back = sorted(nfd, VietnameseCollation.text()).stream()
            .map(s -> Normalizer.normalize(s, Normalizer.Form.NFC)).toList();
        assertEquals(C16_EXPECTED, back);
    }

    @Test
    @DisplayName("C16 people sorted by given name, then middle, then family name")
    void c16FullNames() {
        List<String> people = List.of("Trần Văn Đức", "Lê Thị Ánh", "Nguyễn Văn An", "Phạm Minh Ân", "Hoàng Văn Bình",
            "Võ Thị Anh", "Đặng Tiến Dũng");
        assertEquals(List.of("Nguyễn Văn An", "Võ Thị Anh", "Lê Thị Ánh", "Phạm Minh Ân", "Hoàng Văn Bình",
            "Đặng Tiến Dũng", "Trần Văn Đức"), sorted(people, VietnameseCollation.personName()));
    }

    @Test
    @DisplayName("Same given name: middle name decides, then family name; a one-word name has no middle name and sorts first")
    void tieBreaks() {
        assertEquals(List.of("An", "Trần Thị An", "Lê Văn An", "Nguyễn Văn An"),
            sorted(List.of("Nguyễn Văn An", "Lê Văn An", "Trần Thị An", "An"), VietnameseCollation.personName()));
        assertEquals(List.of("đức", "Đức"), sorted(List.of("Đức", "đức"), VietnameseCollation.text()),
            "case is only a tertiary difference");
        assertTrue(VietnameseCollation.personName().compare("nguyễn văn an", "Lê Văn Anh") < 0,
            "case-insensitive at primary level: 'an' < 'Anh' whatever the case");
        assertArrayEquals(new String[] {"Nguyễn", "Thị Minh", "Khai"}, VietnameseCollation.nameParts(" Nguyễn  Thị Minh Khai "));
    }

    @Test
    @DisplayName("Letters: a < ă < â, d < đ, e < ê, o < ô < ơ, u < ư (primary); tones secondary: ba < bà < bả < bã < bá < bạ < bab")
    void lettersAndTones() {
        Comparator<String> vi = VietnameseCollation.text();
        assertEquals(List.of("az", "ắt", "ặt", "ăz", "ât", "ậu", "âz"),
            sorted(List.of("âz", "ậu", "ât", "ăz", "ặt", "ắt", "az"), vi));
        assertEquals(List.of("dung", "Dũng", "Dương", "Dz", "đa", "Đàm", "Đặng", "Đinh"),
            sorted(List.of("Đinh", "Đặng", "Đàm", "đa", "Dương", "Dz", "Dũng", "dung"), vi));
        assertEquals(List.of("ez", "ê"), sorted(List.of("ê", "ez"), vi));
        assertTrue(vi.compare("Dương", "Dz") < 0, "ư is u + a letter after z: Dư… < Dz");
        assertEquals(List.of("oz", "ôz", "ớt", "ợt", "ơz"), sorted(List.of("ơz", "ợt", "ớt", "ôz", "oz"), vi));
        assertEquals(List.of("uz", "ứa", "ựa", "ưz"), sorted(List.of("ưz", "ựa", "ứa", "uz"), vi));
        assertEquals(List.of("ba", "bà", "bả", "bã", "bá", "bạ", "bab"),
            sorted(List.of("bab", "bạ", "bá", "bã", "bả", "bà", "ba"), vi));
    }

    @Test
    @DisplayName("Where this JDK's own 'vi' collator is tailored (jdk.localedata present), it agrees on C16")
    void agreesWithJdkWhereAvailable() {
        Collator jdk = Collator.getInstance(Locale.forLanguageTag("vi"));
        jdk.setDecomposition(Collator.CANONICAL_DECOMPOSITION);
        List<String> byJdk = new ArrayList<>(C16_INPUT);
        byJdk.sort(jdk);
        List<String> byRoot = new ArrayList<>(C16_INPUT);
        byRoot.sort(Collator.getInstance(Locale.ROOT));
        assertEquals(List.of("An", "Ân", "Anh", "Ánh", "Bình", "Dũng", "Đức"), byRoot,
            "the root collator (what a runtime without jdk.localedata gives for 'vi') is wrong");
        if (!byJdk.equals(byRoot)) {
            assertEquals(C16_EXPECTED, byJdk);
        }
    }
}
