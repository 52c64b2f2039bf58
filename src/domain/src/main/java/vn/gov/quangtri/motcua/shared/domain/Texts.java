package vn.gov.quangtri.motcua.shared.domain;

import java.util.List;

/** Length checks for free text before it reaches a column of limited size. */
public final class Texts {

    /** Maximum length of reasons, notes and lists of items (characters). */
    public static final int LONG = 4000;
    /** Maximum length of user names (actor, handler). */
    public static final int NAME = 100;
    /** Maximum length of a person's or organisation's name. */
    public static final int PERSON = 300;

    private Texts() {
    }

    /**
     * Normalises text to NFC (see {@link TextSearch#nfc}) and checks its length.
     *
     * @param field name of the field, for the message
     * @param value the text, may be null
     * @param max   maximum number of characters
     * @return the NFC text, or null
     * @throws RuleViolationException {@code TEXT_TOO_LONG} when longer than {@code max}
     */
    public static String limited(String field, String value, int max) {
        String v = TextSearch.nfc(value);
        if (v != null && v.length() > max) {
            throw new RuleViolationException("TEXT_TOO_LONG",
                field + " is " + v.length() + " characters long; at most " + max + " are allowed",
                List.of(field + ": at most " + max + " characters"));
        }
        return v;
    }
}
