package vn.gov.quangtri.motcua.shared.domain;

import java.text.Collator;
import java.text.Normalizer;
import java.text.ParseException;
import java.text.RuleBasedCollator;
import java.util.Comparator;
import java.util.Locale;

/**
 * Vietnamese alphabetical order for lists shown to people (screens, Excel, PDF; docs/cases.md C16).
 *
 * <p>Order: a &lt; ă &lt; â, d &lt; đ, e &lt; ê, o &lt; ô &lt; ơ, u &lt; ư as <em>primary</em> (letter)
 * differences; the five tone marks as <em>secondary</em> differences in the order no mark &lt; huyền
 * (à) &lt; hỏi (ả) &lt; ngã (ã) &lt; sắc (á) &lt; nặng (ạ); case only as a tertiary difference. Text in NFC
 * and NFD sorts the same.
 *
 * <p>Why own rules: on OpenJDK 17 {@code Collator.getInstance(Locale "vi")} gives this order (checked:
 * An, Anh, Ánh, Ân, Bình, Dũng, Đức), but only while the {@code jdk.localedata} module is present;
 * without it (jlinked or slim runtimes) it silently falls back to the root collator, which sorts
 * An, Ân, Anh, Ánh. So the tailoring is spelled out here on top of the root rules from
 * {@code java.base}, with the same content as the JDK's Vietnamese tailoring: the vowel modifiers
 * (breve, circumflex, horn) are primary weights after Z, so "ă" = "a" + a letter that sorts after all
 * base letters, and đ is a letter of its own after d.
 *
 * <p>The comparators are thread-safe ({@link RuleBasedCollator#compare} is synchronised).
 */
public final class VietnameseCollation {

    /** Tailoring on top of the root rules (same content as the JDK 17 "vi" tailoring). */
    static final String TAILORING =
        // tone marks, secondary, in dictionary order: grave, hook above, tilde, acute, dot below
        "& \u0300 ; \u0309 ; \u0303 ; \u0301 ; \u0323"
        // đ is a letter after d
        + " & D < \u0111 , \u0110"
        // breve (ă), circumflex (â ê ô), horn (ơ ư) are letters after z
        + " & Z < \u0306 < \u0302 < \u031B";

    private static final RuleBasedCollator TEXT = build(Collator.TERTIARY);
    private static final RuleBasedCollator PRIMARY_AND_TONES = build(Collator.SECONDARY);

    private static final Comparator<String> TEXT_ORDER = VietnameseCollation::compareText;
    private static final Comparator<String> NAME_ORDER = VietnameseCollation::compareNames;

    private VietnameseCollation() {
    }

    /**
     * Vietnamese order for any text (case-insensitive primary, tones secondary, case tertiary); null
     * sorts first.
     */
    public static Comparator<String> text() {
        return TEXT_ORDER;
    }

    /**
     * Order of person names as lists of people are sorted in Vietnam: by given name (tên, the last
     * word), then middle name(s) (tên đệm), then family name (họ, the first word), each in
     * {@link #text()} order; case is compared only when everything else is equal. "Nguyễn Văn An" sorts
     * before "Lê Thị Anh". A one-word name is a given name only. Null sorts first.
     */
    public static Comparator<String> personName() {
        return NAME_ORDER;
    }

    /**
     * Splits a full name into family, middle and given name (NFC, single spaces).
     *
     * @param fullName e.g. "Nguyễn Thị Minh Khai"
     * @return {family, middle, given}, e.g. {"Nguyễn", "Thị Minh", "Khai"}; empty strings where absent
     */
    public static String[] nameParts(String fullName) {
        String clean = fullName == null ? "" : Normalizer.normalize(fullName, Normalizer.Form.NFC).strip();
        if (clean.isEmpty()) {
            return new String[] {"", "", ""};
        }
        String[] words = clean.split("\\s+");
        if (words.length == 1) {
            return new String[] {"", "", words[0]};
        }
        StringBuilder middle = new StringBuilder();
        for (int i = 1; i < words.length - 1; i++) {
            middle.append(i > 1 ? " " : "").append(words[i]);
        }
        return new String[] {words[0], middle.toString(), words[words.length - 1]};
    }

    private static int compareText(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        int c = TEXT.compare(a, b);
        return c != 0 ? c : a.compareTo(b);
    }

    private static int compareNames(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        String[] x = nameParts(a);
        String[] y = nameParts(b);
        int[] order = {2, 1, 0};
        for (int i : order) {
            int c = PRIMARY_AND_TONES.compare(x[i], y[i]);
            if (c != 0) {
                return c;
            }
        }
        for (int i : order) {
            int c = TEXT.compare(x[i], y[i]);
            if (c != 0) {
                return c;
            }
        }
        return a.compareTo(b);
    }

    private static RuleBasedCollator build(int strength) {
        RuleBasedCollator root = (RuleBasedCollator) Collator.getInstance(Locale.ROOT);
        try {
            RuleBasedCollator c = new RuleBasedCollator(root.getRules() + TAILORING);
            c.setStrength(strength);
            c.setDecomposition(Collator.CANONICAL_DECOMPOSITION);
            return c;
        } catch (ParseException e) {
            throw new IllegalStateException("Vietnamese collation rules do not parse", e);
        }
    }
}
