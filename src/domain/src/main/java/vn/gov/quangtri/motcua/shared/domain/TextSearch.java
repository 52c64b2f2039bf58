package vn.gov.quangtri.motcua.shared.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folding of Vietnamese text for search without diacritics (docs/cases.md C15): lower case, tone and vowel
 * marks removed, {@code đ/Đ} mapped to {@code d} (đ does not decompose under Unicode NFD, so
 * stripping combining marks alone is not enough), runs of white space collapsed.
 */
public final class TextSearch {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private TextSearch() {
    }

    /**
     * Folds text for matching: {@code "Đặng Văn Hùng"} → {@code "dang van hung"}; characters the text rule
     * forbids ({@link Texts#forbidden}) count as spaces.
     *
     * @param text any text, may be null
     * @return the folded text; empty for null
     */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        // a control or format character never matches anything and must never reach a query (NUL fails in PostgreSQL)
        String visible = text.codePoints().map(c -> Texts.forbidden(c, false) ? ' ' : c)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        String decomposed = Normalizer.normalize(visible, Normalizer.Form.NFD);
        String stripped = COMBINING_MARKS.matcher(decomposed).replaceAll("")
            .replace('đ', 'd').replace('Đ', 'D');
        return SPACES.matcher(stripped.toLowerCase(Locale.ROOT).trim()).replaceAll(" ");
    }

    /**
     * Normalises user-typed Vietnamese text to NFC for storage, so that the same word typed with
     * combining marks or precomposed letters is stored byte for byte the same. NUL characters, which
     * PostgreSQL cannot store in text, are removed.
     *
     * @param text any text, may be null
     * @return NFC text with surrounding white space trimmed, or null for null
     */
    public static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text.replace("\u0000", "").strip(), Normalizer.Form.NFC);
    }
}
