package vn.gov.quangtri.motcua.shared.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** docs/cases.md C15: search without diacritics, including đ. */
class TextSearchTest {

    private static final List<String> NAMES = List.of("Đặng Văn Hùng", "Đỗ Thị Lan", "Lê Anh Tuấn", "Phạm Minh Tuân",
        "Vũ Đức Thắng");

    private static List<String> find(String query) {
        String q = TextSearch.fold(query);
        return NAMES.stream().filter(n -> TextSearch.fold(n).contains(q)).toList();
    }

    @Test
    @DisplayName("C15: queries without diacritics, upper case and đ find the right applicants")
    void c15() {
        assertEquals(List.of("Đặng Văn Hùng"), find("dang van hung"));
        assertEquals(List.of("Đặng Văn Hùng"), find("DANG VAN"));
        assertEquals(List.of("Đỗ Thị Lan"), find("do thi lan"));
        assertEquals(List.of("Lê Anh Tuấn", "Phạm Minh Tuân"), find("tuan"));
        assertEquals(List.of("Vũ Đức Thắng"), find("duc"));
        assertEquals(List.of("Vũ Đức Thắng"), find("thang"));
        assertEquals(List.of("Đặng Văn Hùng"), find("ĐẶNG"));
    }

    @Test
    @DisplayName("Text typed with combining marks (NFD) folds and stores the same as precomposed text (NFC)")
    void nfdInput() {
        String nfd = Normalizer.normalize("Trần Thị Mỹ Duyên", Normalizer.Form.NFD);
        assertEquals("tran thi my duyen", TextSearch.fold(nfd));
        assertEquals("Trần Thị Mỹ Duyên", TextSearch.nfc("  " + nfd + " "));
    }
}
