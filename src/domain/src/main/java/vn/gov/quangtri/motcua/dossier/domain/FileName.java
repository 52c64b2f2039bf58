package vn.gov.quangtri.motcua.dossier.domain;

import java.nio.charset.StandardCharsets;
import java.util.List;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.Texts;

/**
 * The name of an attached file as the officer or citizen gave it (issue 15 §1): kept exactly, in NFC, with its
 * spaces, {@code %} and diacritics, so that a download carries the same name. Only what cannot be part of a file
 * name is refused or removed: a client's folder path (everything up to the last {@code /} or {@code \} is dropped,
 * as browsers on Windows still send {@code C:\fakepath\...}), control and direction-override characters
 * ({@link Texts#forbidden}), blank names and the names {@code .} and {@code ..}.
 *
 * @param value the name, NFC, at most {@link #MAX} characters
 */
public record FileName(String value) {

    /** Most characters of a file name (the usual file-system limit counts 255). */
    public static final int MAX = 255;

    /** Reason of a refused file name (answered 400). */
    public static final String INVALID = "INVALID_FILE_NAME";

    /**
     * Reads a name as received.
     *
     * @param raw the name from the upload (multipart {@code filename}), may be null
     * @return the file name
     * @throws RuleViolationException {@link #INVALID} when missing, blank, a dot name, or longer than {@link #MAX};
     *                                {@link Texts#CONTROL_CHARACTER} for a forbidden character
     */
    public static FileName of(String raw) {
        if (raw == null) {
            throw invalid("a file name is required");
        }
        Texts.plain("fileName", raw, false);
        String last = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
        String nfc = java.text.Normalizer.normalize(last, java.text.Normalizer.Form.NFC);
        if (Texts.blank(nfc) || nfc.strip().equals(".") || nfc.strip().equals("..")) {
            throw invalid("a file name is required");
        }
        if (nfc.codePointCount(0, nfc.length()) > MAX) {
            throw invalid("a file name has at most " + MAX + " characters");
        }
        return new FileName(nfc);
    }

    private static RuleViolationException invalid(String why) {
        return new RuleViolationException(INVALID, why, List.of("file: " + why));
    }

    /** The part after the last dot, lower case, without the dot; empty when there is none. */
    public String extension() {
        int dot = value.lastIndexOf('.');
        return dot <= 0 ? "" : value.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * A {@code Content-Disposition} header value carrying this name (RFC 6266): {@code filename*} with the
     * UTF-8 name percent-encoded (RFC 8187), and a plain {@code filename} fallback for old clients with the
     * diacritics folded away ({@code "Đơn đề nghị.pdf"} → {@code "Don de nghi.pdf"}) and any character that
     * would need quoting replaced by {@code _}.
     *
     * @param disposition {@code attachment} or {@code inline}
     */
    public String contentDisposition(String disposition) {
        return disposition + "; filename=\"" + asciiFallback() + "\"; filename*=UTF-8''" + percentEncoded();
    }

    /** The name with diacritics folded and anything outside printable ASCII, quotes, backslash and % as {@code _}. */
    String asciiFallback() {
        String folded = java.text.Normalizer.normalize(value.replace('đ', 'd').replace('Đ', 'D'),
            java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder b = new StringBuilder();
        folded.codePoints().forEach(c -> b.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%'
            ? (char) c : '_'));
        return b.toString();
    }

    /** The UTF-8 bytes of the name percent-encoded, leaving only RFC 8187 attr-chars as they are. */
    String percentEncoded() {
        StringBuilder b = new StringBuilder();
        for (byte x : value.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
