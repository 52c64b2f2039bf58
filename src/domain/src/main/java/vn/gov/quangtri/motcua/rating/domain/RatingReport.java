package vn.gov.quangtri.motcua.rating.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The rating statistics for managers (issue 13 §2; docs/domain.md §2.13): ratings of a period grouped by unit,
 * officer, criterion or procedure, with counts per level, answers, ratings and the satisfaction rate of each group
 * ({@link SatisfactionTally}) and of all ratings together. A rating counts once in each group it answered in; by
 * officer it counts for every officer who handled the dossier, so the officer rows may add up to more than the
 * total. Rows are sorted by label.
 *
 * @param groupBy the grouping
 * @param rows    one row per group
 * @param total   all ratings of the period together
 */
public record RatingReport(Grouping groupBy, List<Row> rows, Row total) {

    /** How ratings are grouped ({@code groupBy} of {@code GET /api/v1/reports/ratings}). */
    public enum Grouping {
        /** By receiving unit. */
        UNIT,
        /** By the officers who handled the dossier (leaders and administrators only). */
        OFFICER,
        /** By criterion (Decree 61 art. 33 indicator). */
        CRITERION,
        /** By procedure code. */
        PROCEDURE;

        /** @throws IllegalArgumentException for anything but unit, officer, criterion or procedure (any case) */
        public static Grouping parse(String s) {
            if (s == null || s.isBlank()) {
                return UNIT;
            }
            try {
                return valueOf(s.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("groupBy: one of unit, officer, criterion, procedure; not " + s);
            }
        }
    }

    /**
     * One group.
     *
     * @param key   unit code, user name, criterion name or procedure code ({@code null} for the total)
     * @param label what the screen shows (unit name, officer's full name, question in Vietnamese, procedure name)
     * @param tally its counts
     */
    public record Row(String key, String label, SatisfactionTally tally) {
    }

    /**
     * Groups ratings.
     *
     * @param ratings       ratings of the period in the caller's scope
     * @param groupBy       the grouping
     * @param officerLabels an officer's name for a user name (returns the user name when unknown)
     */
    public static RatingReport of(Collection<Rating> ratings, Grouping groupBy, Function<String, String> officerLabels) {
        Map<String, Row> rows = new LinkedHashMap<>();
        SatisfactionTally total = new SatisfactionTally();
        for (Rating r : ratings) {
            total.countRating();
            r.answers().values().forEach(total::add);
            switch (groupBy) {
                case UNIT -> addAll(rows, r.agencyCode(), r.agencyName(), r);
                case PROCEDURE -> addAll(rows, r.procedureCode(), r.procedureName(), r);
                case OFFICER -> r.officers().forEach(o -> addAll(rows, o, officerLabels.apply(o), r));
                case CRITERION -> r.answers().forEach((c, level) -> rows.computeIfAbsent(c.name(),
                    k -> new Row(k, c.number() + ". " + c.label("vi"), new SatisfactionTally())).tally().countRating().add(level));
            }
        }
        List<Row> sorted = new ArrayList<>(rows.values());
        if (groupBy == Grouping.CRITERION) {
            sorted.sort(java.util.Comparator.comparing(row -> RatingCriterion.valueOf(row.key())));
        } else {
            sorted.sort(java.util.Comparator.comparing(Row::label, vn.gov.quangtri.motcua.shared.domain.VietnameseCollation.text())
                .thenComparing(Row::key));
        }
        return new RatingReport(groupBy, List.copyOf(sorted), new Row(null, "Tổng cộng", total));
    }

    private static void addAll(Map<String, Row> rows, String key, String label, Rating r) {
        SatisfactionTally t = rows.computeIfAbsent(key, k -> new Row(k, label, new SatisfactionTally())).tally();
        t.countRating();
        r.answers().values().forEach(t::add);
    }
}
