package vn.gov.quangtri.motcua.rating.domain;

/**
 * A citizen's answer to one criterion (docs/domain.md §2.13): the three levels every channel offers
 * (Rất hài lòng, Hài lòng, Không hài lòng) and the "Bình thường" some localities add. Stored raw by name, so
 * that a report on either scale can be made from the same answers.
 */
public enum RatingLevel {
    /** Rất hài lòng. */
    VERY_SATISFIED("Rất hài lòng", "Very satisfied", true),
    /** Hài lòng. */
    SATISFIED("Hài lòng", "Satisfied", true),
    /** Bình thường (offered by some localities; counts as not satisfied in the rate). */
    NEUTRAL("Bình thường", "Neutral", false),
    /** Không hài lòng. */
    NOT_SATISFIED("Không hài lòng", "Not satisfied", false);

    private final String vietnamese;
    private final String english;
    private final boolean satisfied;

    RatingLevel(String vietnamese, String english, boolean satisfied) {
        this.vietnamese = vietnamese;
        this.english = english;
        this.satisfied = satisfied;
    }

    /** @return the level in Vietnamese ({@code "vi"}) or English (anything else) */
    public String label(String language) {
        return "vi".equals(language) ? vietnamese : english;
    }

    /** Whether the answer counts towards the satisfaction rate (very satisfied or satisfied). */
    public boolean satisfied() {
        return satisfied;
    }
}
