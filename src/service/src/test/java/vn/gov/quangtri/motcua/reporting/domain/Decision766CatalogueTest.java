package vn.gov.quangtri.motcua.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The catalogue in code ({@link Decision766}) equals reference-data/index_766.csv (copied from shared/data). */
class Decision766CatalogueTest {

    @Test
    @DisplayName("Every row of index_766.csv: group, its name and points, indicator id, name, formula, threshold, confidence")
    void sameAsCsv() throws Exception {
        List<CSVRecord> rows = new ArrayList<>();
        try (Reader r = new InputStreamReader(getClass().getResourceAsStream("/reference-data/index_766.csv"),
            StandardCharsets.UTF_8)) {
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).forEach(rows::add);
        }
        assertEquals(20, rows.size());
        assertEquals(rows.size(), Decision766.INDICATORS.size());
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            Decision766.Indicator ind = Decision766.INDICATORS.get(i);
            Decision766.Group g = Decision766.group(ind.group());
            assertEquals(row.get("indicator_id"), ind.id());
            assertEquals(Integer.parseInt(row.get("group_no")), ind.group(), ind.id());
            assertEquals(row.get("group_name_vi"), g.nameVi(), ind.id());
            assertEquals(row.get("group_name_en"), g.nameEn(), ind.id());
            assertEquals(Integer.parseInt(row.get("group_max_points")), g.maxPoints(), ind.id());
            assertEquals(row.get("indicator_vi"), ind.nameVi(), ind.id());
            assertEquals(row.get("formula_summary"), ind.formula(), ind.id());
            String t = row.get("full_points_threshold");
            assertEquals(t.isEmpty() ? null : new BigDecimal(t.replace("%", "")), ind.fullPointsThreshold(), ind.id());
            assertEquals(row.get("confidence"), ind.confidence(), ind.id());
        }
    }
}
