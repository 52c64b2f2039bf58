package vn.gov.quangtri.motcua.catalogue.domain;

import java.util.Comparator;
import java.util.Set;
import vn.gov.quangtri.motcua.agency.domain.AgencyLevel;
import vn.gov.quangtri.motcua.shared.domain.TextSearch;

/**
 * Order of procedure search results for a desk officer typing a name: how well the name matches the typed
 * words (whole name, then the name starting with them, then the words as a phrase, then scattered words),
 * then procedures that can receive dossiers (time limit known) before those that cannot, those with an
 * approved internal process first, then the procedures of the desk's own administrative level, reviewed
 * ones, and finally the code. Names are compared folded (without diacritics, đ = d, case C15).
 */
public final class ProcedureRanking {

    /**
     * What the ranking needs of one matching procedure.
     *
     * @param code        procedure code
     * @param nameSearch  the folded name ({@link TextSearch#fold})
     * @param levels      implementing levels (may be empty)
     * @param receivable  the statutory time limit is known ({@link Procedure#canReceiveDossiers()})
     * @param hasProcess  an internal process (steps) is configured
     * @param reviewed    from the reviewed reference data
     */
    public record Candidate(String code, String nameSearch, Set<ProcedureLevel> levels, boolean receivable,
                            boolean hasProcess, boolean reviewed) {
    }

    private ProcedureRanking() {
    }

    /**
     * @param text      the typed words, or null (then only receivability, level, review and code count)
     * @param deskLevel the procedure level of the desk searching, or null
     * @return the order, best first
     */
    public static Comparator<Candidate> order(String text, ProcedureLevel deskLevel) {
        String phrase = TextSearch.fold(text);
        return Comparator.<Candidate>comparingInt(c -> match(phrase, c))
            .thenComparingInt(c -> c.receivable() ? (c.hasProcess() ? 0 : 1) : 2)
            .thenComparingInt(c -> deskLevel != null && c.levels().contains(deskLevel) ? 0 : 1)
            .thenComparing(c -> !c.reviewed())
            .thenComparing(Candidate::code);
    }

    /** 0 exact name or code, 1 name starts with the phrase, 2 phrase as whole words, 3 phrase inside a word, 4 other. */
    static int match(String phrase, Candidate c) {
        if (phrase.isEmpty()) {
            return 4;
        }
        String name = c.nameSearch() == null ? "" : c.nameSearch();
        if (name.equals(phrase) || c.code().equalsIgnoreCase(phrase)) {
            return 0;
        }
        String padded = " " + name.replaceAll("[^\\p{L}\\p{N}]+", " ").trim() + " ";
        String words = " " + phrase.replaceAll("[^\\p{L}\\p{N}]+", " ").trim() + " ";
        if (padded.startsWith(words)) {
            return 1;
        }
        if (padded.contains(words)) {
            return 2;
        }
        return name.contains(phrase) ? 3 : 4;
    }

    /**
     * The procedure level a desk of an agency level serves: a commune desk commune-level procedures, a
     * district desk district-level ones, a department or the province provincial ones.
     *
     * @param agency the desk's agency level, or null
     * @return the level, or null for null
     */
    public static ProcedureLevel levelOf(AgencyLevel agency) {
        if (agency == null) {
            return null;
        }
        return switch (agency) {
            case COMMUNE -> ProcedureLevel.COMMUNE;
            case DISTRICT -> ProcedureLevel.DISTRICT;
            case PROVINCE, DEPARTMENT -> ProcedureLevel.PROVINCE;
        };
    }
}
