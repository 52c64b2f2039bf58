package vn.gov.quangtri.motcua.rating.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts of answers per level for one group of a rating report (a unit, an officer, a criterion or a procedure)
 * and the satisfaction rate (docs/domain.md §2.13; Decree 61/2018/NĐ-CP art. 33, the satisfaction indicator 5.4
 * of Decision 766/QĐ-TTg): <b>rate = (answers "Rất hài lòng" + answers "Hài lòng") ÷ answers</b>, counted per
 * criterion answer, as a percentage with one decimal (half up). {@code ratings} counts the ratings that gave at
 * least one answer to the group. Mutable while a report is built; not thread-safe.
 */
public final class SatisfactionTally {

    private final EnumMap<RatingLevel, Long> counts = new EnumMap<>(RatingLevel.class);
    private long ratings;

    public SatisfactionTally() {
        for (RatingLevel l : RatingLevel.values()) {
            counts.put(l, 0L);
        }
    }

    /** Counts one answer. */
    public SatisfactionTally add(RatingLevel level) {
        counts.merge(level, 1L, Long::sum);
        return this;
    }

    /** Counts one rating (call once per rating that answered in this group). */
    public SatisfactionTally countRating() {
        ratings++;
        return this;
    }

    /** Answers of this level. */
    public long count(RatingLevel level) {
        return counts.get(level);
    }

    /** Counts per level, every level present, in the levels' order. */
    public Map<RatingLevel, Long> counts() {
        return new EnumMap<>(counts);
    }

    /** All answers counted. */
    public long answers() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Ratings counted. */
    public long ratings() {
        return ratings;
    }

    /** Answers "Rất hài lòng" or "Hài lòng". */
    public long satisfied() {
        return counts.entrySet().stream().filter(e -> e.getKey().satisfied()).mapToLong(Map.Entry::getValue).sum();
    }

    /** (very satisfied + satisfied) ÷ answers × 100, one decimal, half up; null when there is no answer. */
    public BigDecimal ratePercent() {
        long all = answers();
        if (all == 0) {
            return null;
        }
        return BigDecimal.valueOf(satisfied() * 100L).divide(BigDecimal.valueOf(all), 1, RoundingMode.HALF_UP);
    }
}
