package vn.gov.quangtri.motcua.dossier.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * The applicant's name as the public lookup shows it (issue 13 §1): enough for the citizen to recognise his own
 * dossier, too little to identify anybody. Every word of a person's name becomes its first letter and
 * {@code ***} (the family name keeps two letters when it has more than two, e.g. {@code Tr***}, {@code Ng***}),
 * except the common middle names {@code Văn} and {@code Thị} between first and last word, which say nothing of
 * the person. {@code Trần Thị Mỹ Dung} → {@code Tr*** Thị M*** D***}. Always three stars, so the length of a
 * word is not told. An organisation's legal-form words (công ty, TNHH, hợp tác xã, hộ kinh doanh, …) are kept and
 * its distinctive words masked the same way, since a household business carries its owner's name. The
 * result is NFC (input in any normalisation form); a null or blank name gives "".
 */
public final class NameMask {

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final String STARS = "***";
    private static final Set<String> MIDDLE_NAMES = Set.of("văn", "thị");
    private static final Set<String> LEGAL_FORM_WORDS = Set.of("công", "ty", "tnhh", "cổ", "phần", "cp", "hợp",
        "tác", "xã", "htx", "hộ", "kinh", "doanh", "nghiệp", "dntn", "tư", "nhân", "chi", "nhánh", "văn", "phòng",
        "đại", "diện", "một", "hai", "thành", "viên", "mtv", "trách", "nhiệm", "hữu", "hạn", "liên", "hiệp",
        "tập", "đoàn", "và", "-", "&");

    private NameMask() {
    }

    /**
     * @param name the applicant's name as stored
     * @param kind individual or organisation (null is read as individual)
     * @return the masked name, words separated by one space
     */
    public static String mask(String name, Applicant.Kind kind) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String[] words = Normalizer.normalize(name, Normalizer.Form.NFC).strip().split("\\s+");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            String folded = w.toLowerCase(VI);
            String shown;
            if (kind == Applicant.Kind.ORGANISATION) {
                shown = LEGAL_FORM_WORDS.contains(folded) ? w : initial(w, 1);
            } else if (i > 0 && i < words.length - 1 && MIDDLE_NAMES.contains(folded)) {
                shown = w;
            } else {
                shown = initial(w, i == 0 && words.length > 1 ? 2 : 1);
            }
            if (i > 0) {
                out.append(' ');
            }
            out.append(shown);
        }
        return out.toString();
    }

    /** The first {@code keep} letters (code points) of a word, 1 when the word has no more than {@code keep}. */
    private static String initial(String word, int keep) {
        int letters = word.codePointCount(0, word.length());
        int n = letters > keep ? keep : 1;
        return word.substring(0, word.offsetByCodePoints(0, n)) + STARS;
    }
}
