package vn.gov.quangtri.motcua.dossier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NameMaskTest {

    private static String person(String name) {
        return NameMask.mask(name, Applicant.Kind.INDIVIDUAL);
    }

    @Test
    @DisplayName("Vietnamese names: family name keeps two letters, other words one, Văn/Thị in the middle kept, always three stars")
    void vietnameseNames() {
        assertEquals("Tr*** Thị M*** D***", person("Trần Thị Mỹ Dung"));
        assertEquals("Ng*** Văn A***", person("Nguyễn Văn An"));
        assertEquals("Ho*** Văn B***", person("Hoàng Văn Bình"));
        assertEquals("Đo*** Thị N***", person("Đoàn Thị Nhung"));
        assertEquals("L*** H***", person("Lê Hoa"), "a family name of two letters keeps one");
        assertEquals("Ô*** Ư*** Đ***", person("Ôn Ưng Đạt"));
    }

    @Test
    @DisplayName("Văn or Thị as the first or last word is masked like any word; runs of spaces are one")
    void middleNamesOnlyInTheMiddle() {
        assertEquals("Vă*** T***", person("Văn   Thị"));
        assertEquals("Th*** Văn H***", person("  Thị Văn Hải "));
    }

    @Test
    @DisplayName("NFC: a decomposed name is masked as the composed one, and the result is NFC")
    void nfc() {
        String decomposed = Normalizer.normalize("Đặng Thị Ánh Tuyết", Normalizer.Form.NFD);
        String masked = person(decomposed);
        assertEquals("Đặ*** Thị Á*** T***", masked);
        assertEquals(Normalizer.normalize(masked, Normalizer.Form.NFC), masked);
    }

    @Test
    @DisplayName("A single-word name keeps one letter; a one-letter name is that letter and the stars; blank gives empty")
    void singleWords() {
        assertEquals("H***", person("Hùng"));
        assertEquals("Y***", person("Y"));
        assertEquals("", person("   "));
        assertEquals("", person(null));
    }

    @Test
    @DisplayName("Organisations keep their legal-form words (văn phòng makes Văn one) and mask the rest, also the owner's name of a household business")
    void organisations() {
        assertEquals("Công ty TNHH M*** T***", NameMask.mask("Công ty TNHH Minh Tâm", Applicant.Kind.ORGANISATION));
        assertEquals("Hộ kinh doanh N*** Văn A***",
            NameMask.mask("Hộ kinh doanh Nguyễn Văn An", Applicant.Kind.ORGANISATION));
        assertEquals("Hợp tác xã n*** nghiệp Đ*** T***",
            NameMask.mask("Hợp tác xã nông nghiệp Đông Thanh", Applicant.Kind.ORGANISATION));
        assertEquals("CÔNG TY CỔ PHẦN X*** D***", NameMask.mask("CÔNG TY CỔ PHẦN Xây Dựng", Applicant.Kind.ORGANISATION),
            "legal-form words in capitals are kept as written");
    }
}
