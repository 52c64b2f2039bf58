package vn.gov.quangtri.motcua.catalogue.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.agency.domain.AgencyLevel;
import vn.gov.quangtri.motcua.shared.domain.TextSearch;

/** Procedure search order: the matches of "tach ho" in the catalogue (procedures_catalogue.csv). */
class ProcedureRankingTest {

    private static ProcedureRanking.Candidate c(String code, String name, Set<ProcedureLevel> levels, boolean receivable,
                                                boolean hasProcess, boolean reviewed) {
        return new ProcedureRanking.Candidate(code, TextSearch.fold(name), levels, receivable, hasProcess, reviewed);
    }

    /** Every catalogue procedure whose folded name contains "tach" and "ho", in the catalogue's code order. */
    private static List<ProcedureRanking.Candidate> tachHoMatches() {
        Set<ProcedureLevel> commune = Set.of(ProcedureLevel.COMMUNE);
        Set<ProcedureLevel> ministryCommune = Set.of(ProcedureLevel.MINISTRY, ProcedureLevel.COMMUNE);
        return List.of(
            c("1.004563", "Sáp nhập, chia, tách trường tiểu học", commune, false, false, false),
            c("1.004979", "Thông báo thay đổi nội dung đăng ký hợp tác xã, liên hiệp hợp tác xã", ministryCommune, true, false, false),
            c("1.004999", "Sáp nhập, chia tách trường trung học phổ thông chuyên", Set.of(), false, false, false),
            c("1.005277", "Đăng ký thay đổi nội dung đăng ký hợp tác xã, liên hiệp hợp tác xã", ministryCommune, true, false, false),
            c("1.005280", "Đăng ký thành lập hợp tác xã, liên hiệp hợp tác xã", ministryCommune, true, false, false),
            c("1.010038", "Tách hộ", commune, true, false, false),
            c("1.012784", "Tách thửa hoặc hợp thửa đất.", Set.of(ProcedureLevel.PROVINCE), true, false, false),
            c("1.012955", "Sáp nhập, chia, tách trường trung học phổ thông", Set.of(), false, false, false),
            c("1.013977", "Đăng ký biến động do chia, tách, hợp nhất", Set.of(ProcedureLevel.PROVINCE), true, false, false));
    }

    private static List<String> ranked(String text, ProcedureLevel desk) {
        List<ProcedureRanking.Candidate> all = new ArrayList<>(tachHoMatches());
        all.sort(ProcedureRanking.order(text, desk));
        return all.stream().map(ProcedureRanking.Candidate::code).toList();
    }

    @Test
    @DisplayName("'tach ho' at a commune desk: 'Tách hộ' first (was 6th by code), un-receivable school procedures last")
    void exactNameFirst() {
        List<String> order = ranked("tach ho", ProcedureLevel.COMMUNE);
        assertEquals("1.010038", order.get(0));
        // then receivable ones: the commune-level co-operative procedures before the provincial land ones
        assertEquals(List.of("1.010038", "1.004979", "1.005277", "1.005280", "1.012784", "1.013977",
            "1.004563", "1.004999", "1.012955"), order);
        assertEquals("1.010038", ranked("Tách hộ", null).get(0), "with diacritics and no desk too");
    }

    @Test
    @DisplayName("A provincial desk sees provincial procedures before commune ones among equal matches")
    void deskLevel() {
        List<String> order = ranked("tach", ProcedureLevel.PROVINCE);
        // 'Tách thửa…' starts with the word; 'Tách hộ' too: both rank 1, the provincial one first
        assertEquals(List.of("1.012784", "1.010038"), order.subList(0, 2));
    }

    @Test
    @DisplayName("Match classes: exact, starts with, whole words, inside a word, scattered")
    void matchClasses() {
        assertEquals(0, ProcedureRanking.match("tach ho", c("1", "Tách hộ", Set.of(), true, true, true)));
        assertEquals(0, ProcedureRanking.match("1.010038", c("1.010038", "Tách hộ", Set.of(), true, true, true)));
        assertEquals(1, ProcedureRanking.match("dang ky", c("2", "Đăng ký thường trú", Set.of(), true, true, true)));
        assertEquals(2, ProcedureRanking.match("thuong tru", c("3", "Đăng ký thường trú", Set.of(), true, true, true)));
        assertEquals(3, ProcedureRanking.match("ach ho", c("4", "Tách hộ", Set.of(), true, true, true)));
        assertEquals(4, ProcedureRanking.match("tach ho", c("5", "Sáp nhập, chia, tách trường tiểu học", Set.of(), true, true, true)));
    }

    @Test
    @DisplayName("Desk level of an agency level: commune → COMMUNE, department/province → PROVINCE")
    void levels() {
        assertEquals(ProcedureLevel.COMMUNE, ProcedureRanking.levelOf(AgencyLevel.COMMUNE));
        assertEquals(ProcedureLevel.PROVINCE, ProcedureRanking.levelOf(AgencyLevel.DEPARTMENT));
        assertEquals(ProcedureLevel.DISTRICT, ProcedureRanking.levelOf(AgencyLevel.DISTRICT));
        assertNull(ProcedureRanking.levelOf(null));
    }
}
