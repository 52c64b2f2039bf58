package vn.gov.quangtri.motcua.dossier.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Why another dossier's applicant is taken for the same person in the duplicate-applicant warning at intake
 * (issue 11 §4, docs/domain.md §2.2): the same ID number, or the same full name and phone. A warning only, never
 * a refusal. The keys below are the one place the comparison is defined.
 */
public enum ApplicantMatch {
    /** The same ID number (CCCD, tax code), white space removed, letters in either case. */
    ID_NUMBER,
    /** The same full name ({@link #nameKey}) and the same phone ({@link #phoneKey}). */
    NAME_AND_PHONE;

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NOT_DIGIT = Pattern.compile("[^0-9]");

    /**
     * A full name as compared: NFC, lower case, white space trimmed and collapsed; diacritics are kept, so
     * {@code "Nguyễn Văn An"} and {@code "nguyễn  văn AN"} match but {@code "Nguyen Van An"} does not.
     *
     * @return the key, or null for a null or blank name
     */
    public static String nameKey(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String nfc = Normalizer.normalize(name, Normalizer.Form.NFC);
        return SPACES.matcher(nfc.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /**
     * A phone as compared: digits only, a leading country code 84 ({@code +84}, {@code 84}) read as the trunk
     * prefix 0 ({@code "+84 912 345 678"} → {@code "0912345678"}; {@code "+84 (0) 912…"} too).
     *
     * @return the key, or null when the phone has no digit
     */
    public static String phoneKey(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = NOT_DIGIT.matcher(phone).replaceAll("");
        if (digits.startsWith("84") && digits.length() > 2) {
            String rest = digits.substring(2);
            digits = rest.startsWith("0") ? rest : "0" + rest;
        }
        return digits.isEmpty() ? null : digits;
    }

    /**
     * An ID number as compared: white space removed, NFC, upper case ({@link Applicant#searchableIdNumber}).
     *
     * @return the key, or null for a null or blank ID number
     */
    public static String idNumberKey(String idNumber) {
        String id = Applicant.searchableIdNumber(idNumber);
        return id == null ? null : Normalizer.normalize(id, Normalizer.Form.NFC);
    }

    /**
     * Whether {@code other} is the same applicant as the one described.
     *
     * @param idNumber ID number of the applicant at the desk; may be null
     * @param name     full name; may be null
     * @param phone    phone; may be null
     * @param other    the applicant of an existing dossier
     * @return {@link #ID_NUMBER} when both ID numbers are given and equal (checked first), else
     *         {@link #NAME_AND_PHONE} when names and phones are given and equal, else null
     */
    public static ApplicantMatch between(String idNumber, String name, String phone, Applicant other) {
        return between(idNumber, name, phone, other.idNumber(), other.name(), other.phone());
    }

    /**
     * As {@link #between(String, String, String, Applicant)}, with the other applicant's stored ID number, name and
     * phone (as read by a projection query, without loading the dossier).
     */
    public static ApplicantMatch between(String idNumber, String name, String phone, String otherIdNumber,
                                         String otherName, String otherPhone) {
        String id = idNumberKey(idNumber);
        if (id != null && id.equals(idNumberKey(otherIdNumber))) {
            return ID_NUMBER;
        }
        String n = nameKey(name);
        String p = phoneKey(phone);
        if (n != null && p != null && n.equals(nameKey(otherName)) && p.equals(phoneKey(otherPhone))) {
            return NAME_AND_PHONE;
        }
        return null;
    }
}
