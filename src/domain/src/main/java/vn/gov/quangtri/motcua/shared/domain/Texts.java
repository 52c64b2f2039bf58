package vn.gov.quangtri.motcua.shared.domain;

import java.util.List;

/**
 * Checks of free text before it reaches a column of limited size or a screen: length, and the one rule
 * on invisible characters that could hide or reorder what a name shows (control and direction-override
 * characters).
 */
public final class Texts {

    /** Maximum length of reasons, notes and lists of items (characters). */
    public static final int LONG = 4000;
    /** Maximum length of user names (actor, handler). */
    public static final int NAME = 100;
    /** Maximum length of a person's or organisation's name. */
    public static final int PERSON = 300;

    /** Reason of a text holding a control or direction-override character (answered 400 by the API). */
    public static final String CONTROL_CHARACTER = "CONTROL_CHARACTER";

    private Texts() {
    }

    /**
     * Normalises text to NFC (see {@link TextSearch#nfc}) and checks its length. Whatever the field, a character
     * that is forbidden even in multi-line text (see {@link #forbidden}: NUL and the other controls but TAB, LF
     * and CR, direction overrides, lone surrogates) is refused first.
     *
     * @param field name of the field, for the message
     * @param value the text, may be null
     * @param max   maximum number of characters
     * @return the NFC text, or null
     * @throws RuleViolationException {@code TEXT_TOO_LONG} when longer than {@code max}, {@link #CONTROL_CHARACTER}
     */
    public static String limited(String field, String value, int max) {
        plain(field, value, true);
        String v = TextSearch.nfc(value);
        if (v != null && v.length() > max) {
            throw new RuleViolationException("TEXT_TOO_LONG",
                field + " is " + v.length() + " characters long; at most " + max + " are allowed",
                List.of(field + ": at most " + max + " characters"));
        }
        return v;
    }

    /**
     * Whether a code point may not appear in a name or other text typed by people: the C0 controls (in a
     * multi-line field TAB, LF and CR are allowed), DEL, the C1 controls, the bidirectional embeddings and
     * overrides U+202A–U+202E and isolates U+2066–U+2069, invisible format characters (zero-width space,
     * direction marks, byte-order mark), and the line and paragraph separators U+2028/U+2029 (a multi-line field
     * breaks lines with LF or CR LF only; issue 16), the interlinear annotation characters U+FFF9–U+FFFB (they hide
     * the text between them in some renderers) and the tag characters U+E0000–U+E007F (invisible, they smuggle ASCII
     * text through a name). Also what is not text at all: a lone surrogate U+D800–U+DFFF (a broken UTF-16 pair, which a
     * database would store as "?"), the replacement character U+FFFD (what remains of bytes that were not UTF-8)
     * and the noncharacters U+FFFE/U+FFFF.
     *
     * @param multiLine whether the field may hold several lines
     */
    public static boolean forbidden(int codePoint, boolean multiLine) {
        if (codePoint < 0x20) {
            return !(multiLine && (codePoint == '\t' || codePoint == '\n' || codePoint == '\r'));
        }
        return codePoint >= 0x7F && codePoint <= 0x9F
            || invisible(codePoint)
            || codePoint >= 0x202A && codePoint <= 0x202E
            || codePoint >= 0x2066 && codePoint <= 0x2069
            || codePoint == 0x2028 || codePoint == 0x2029
            || codePoint >= 0xD800 && codePoint <= 0xDFFF
            || codePoint >= 0xFFF9 && codePoint <= 0xFFFB
            || codePoint >= 0xFFFD && codePoint <= 0xFFFF
            || codePoint >= 0xE0000 && codePoint <= 0xE007F
            || nonCharacter(codePoint);
    }

    /** The noncharacters U+FDD0–U+FDEF and the last two code points of every plane (U+xFFFE, U+xFFFF). */
    private static boolean nonCharacter(int codePoint) {
        return codePoint >= 0xFDD0 && codePoint <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
    }

    /**
     * Whether a text holds nothing a reader would see: null, empty, or only white space (also no-break and other
     * space separators), zero-width characters (U+200B–U+200D, U+2060, U+FEFF, U+180E) and the other characters
     * that draw nothing: the soft hyphen U+00AD, the combining grapheme joiner U+034F, the Hangul fillers U+115F,
     * U+1160, U+3164, U+FFA0, the blank Braille pattern U+2800 and the tag characters U+E0000–U+E007F. A text with
     * no base character is blank too: one made only of such characters and combining marks (categories Mn, Mc, Me:
     * a lone U+0301 accent has nothing to sit on) or other format characters (Cf). A required field that is blank in
     * this sense is missing (issue 16: names of only such characters were taken for names).
     */
    public static boolean blank(String value) {
        return value == null || value.codePoints().allMatch(c -> emptyLooking(c) || noBase(c));
    }

    /** A code point that is not a base character: a combining mark (Mn, Mc, Me) or a format character (Cf). */
    private static boolean noBase(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
            || type == Character.ENCLOSING_MARK || type == Character.FORMAT;
    }

    private static boolean emptyLooking(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c)
            || c >= 0x200B && c <= 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x180E
            || c == 0x00AD || c == 0x034F || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800
            || c >= 0xE0000 && c <= 0xE007F;
    }

    /**
     * The one normalisation of typed text before it is checked and stored: forbidden characters refused (see
     * {@link #forbidden}), NFC, surrounding white space and zero-width characters removed, and a text that is
     * {@link #blank} becomes null.
     *
     * @param field     name of the field, for the message
     * @param value     the text as received, may be null
     * @param multiLine whether the field may hold several lines (TAB, LF, CR allowed)
     * @param max       maximum number of characters after normalisation
     * @return the clean NFC text, or null when absent or blank
     * @throws RuleViolationException {@link #CONTROL_CHARACTER} or {@code TEXT_TOO_LONG}
     */
    public static String clean(String field, String value, boolean multiLine, int max) {
        if (value == null) {
            return null;
        }
        plain(field, value, multiLine);
        if (blank(value)) {
            return null;
        }
        String v = trim(java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFC));
        if (v.length() > max) {
            throw new RuleViolationException("TEXT_TOO_LONG",
                field + " is " + v.length() + " characters long; at most " + max + " are allowed",
                List.of(field + ": at most " + max + " characters"));
        }
        return v;
    }

    /**
     * As {@link #clean} for a field that must be given: a missing or {@link #blank} text is refused.
     *
     * @throws RuleViolationException {@link #REQUIRED} naming the field, {@link #CONTROL_CHARACTER},
     *                                {@code TEXT_TOO_LONG}
     */
    public static String required(String field, String value, boolean multiLine, int max) {
        String v = clean(field, value, multiLine, max);
        if (v == null) {
            throw new RuleViolationException(REQUIRED, field + " is required", List.of(field + ": required"));
        }
        return v;
    }

    /** Reason of a required text that is missing or blank (answered 400 by the API). */
    public static final String REQUIRED = "TEXT_REQUIRED";

    /** Removes leading and trailing white space, space separators and zero-width characters. */
    private static String trim(String v) {
        int start = 0;
        int end = v.length();
        while (start < end && emptyLooking(v.codePointAt(start))) {
            start += Character.charCount(v.codePointAt(start));
        }
        while (end > start && emptyLooking(v.codePointBefore(end))) {
            end -= Character.charCount(v.codePointBefore(end));
        }
        return v.substring(start, end);
    }

    /**
     * Invisible format characters that make two equal-looking texts differ: zero-width space U+200B, direction
     * marks U+200E/U+200F, word joiner and invisible operators U+2060–U+2064, the byte-order mark U+FEFF, the
     * Arabic letter mark U+061C and the Mongolian vowel separator U+180E (the joiners U+200C/U+200D stay allowed:
     * they shape emoji and some scripts).
     */
    private static boolean invisible(int codePoint) {
        return codePoint == 0x200B || codePoint == 0x200E || codePoint == 0x200F
            || codePoint >= 0x2060 && codePoint <= 0x2064
            || codePoint == 0xFEFF || codePoint == 0x061C || codePoint == 0x180E;
    }

    /**
     * The problem of a text holding a forbidden character (see {@link #forbidden}), for lists of field problems.
     *
     * @param field name of the field, for the message
     * @param value the text, may be null
     * @return {@code "<field>: control character U+XXXX not allowed"} naming the first one, or null when none
     */
    public static String controlProblem(String field, String value, boolean multiLine) {
        if (value == null) {
            return null;
        }
        java.util.OptionalInt first = value.codePoints().filter(c -> forbidden(c, multiLine)).findFirst();
        return first.isEmpty() ? null
            : field + ": control character " + String.format("U+%04X", first.getAsInt()) + " not allowed";
    }

    /**
     * Refuses a text holding a forbidden character (see {@link #forbidden}).
     *
     * @param field name of the field, for the message
     * @param value the text, may be null
     * @return the value unchanged
     * @throws RuleViolationException {@link #CONTROL_CHARACTER}, the details naming the field
     */
    public static String plain(String field, String value, boolean multiLine) {
        String problem = controlProblem(field, value, multiLine);
        if (problem != null) {
            throw new RuleViolationException(CONTROL_CHARACTER,
                field + " holds a control or direction-override character", List.of(problem));
        }
        return value;
    }

    /**
     * A single-line name: NFC, at most {@code max} characters, no forbidden character.
     *
     * @throws RuleViolationException {@code TEXT_TOO_LONG}, {@link #CONTROL_CHARACTER}
     */
    public static String name(String field, String value, int max) {
        return plain(field, limited(field, value, max), false);
    }
}
