package vn.gov.quangtri.motcua.dossier.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import vn.gov.quangtri.motcua.shared.domain.InstantConverter;

/**
 * The secret of a dossier's public status lookup (issue 13 §1; docs/domain.md §2.12): printed on the receipt
 * slip and carried by its QR code, kept here only as the SHA-256 of the token. The token is random (100 bits
 * from {@link SecureRandom}), so it cannot be derived from the code, and a plain hash suffices (no salt or
 * stretching: there is nothing to guess from a dictionary). One row per dossier, in its own table
 * {@code dossier_lookup_token} (V21), so issuing a token changes neither the dossier row nor its version.
 */
@Entity
@Table(name = "dossier_lookup_token")
public class LookupToken {

    /** Letters of a token: Crockford's base 32 (no I, L, O, U), 5 bits each. */
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    /** Characters of a token (20 × 5 = 100 bits), printed in groups of four. */
    public static final int LENGTH = 20;

    @Id
    @Column(name = "dossier_code", length = 40, nullable = false, updatable = false)
    private String dossierCode;

    @Column(name = "token_hash", length = 64, nullable = false)
    private String tokenHash;

    @Convert(converter = InstantConverter.class)
    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "issued_by", length = 100, nullable = false)
    private String issuedBy;

    @Column(name = "issue_count", nullable = false)
    private int issueCount;

    /** For JPA only. */
    protected LookupToken() {
    }

    /**
     * The first token of a dossier.
     *
     * @param dossierCode the dossier's code
     * @param token       the new token (see {@link #newToken})
     * @param at          when it was issued
     * @param by          the account that printed the receipt or issued it
     */
    public LookupToken(String dossierCode, String token, Instant at, String by) {
        this.dossierCode = Objects.requireNonNull(dossierCode, "dossierCode");
        this.tokenHash = hash(Objects.requireNonNull(token, "token"));
        this.issuedAt = Objects.requireNonNull(at, "at");
        this.issuedBy = Objects.requireNonNull(by, "by");
        this.issueCount = 1;
    }

    /** Replaces the token: the old one stops working at once. */
    public void reissue(String token, Instant at, String by) {
        this.tokenHash = hash(Objects.requireNonNull(token, "token"));
        this.issuedAt = Objects.requireNonNull(at, "at");
        this.issuedBy = Objects.requireNonNull(by, "by");
        this.issueCount++;
    }

    /** A fresh token of {@link #LENGTH} characters of {@link #ALPHABET}, grouped as {@code XXXX-XXXX-…}. */
    public static String newToken(SecureRandom random) {
        StringBuilder s = new StringBuilder(LENGTH + LENGTH / 4);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                s.append('-');
            }
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    /**
     * The token as typed or scanned, in the one form that is hashed: upper case, without spaces or hyphens, and
     * with Crockford's look-alikes read as digits (O → 0, I and L → 1).
     */
    public static String normalize(String token) {
        StringBuilder s = new StringBuilder();
        for (char c : token.toUpperCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case ' ', '-', '\t' -> { }
                case 'O' -> s.append('0');
                case 'I', 'L' -> s.append('1');
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    /** SHA-256 of the normalized token, as 64 lower-case hex digits. */
    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(normalize(token).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /**
     * Compares a hash with this token's in constant time (no early exit on the first differing byte).
     *
     * @param candidateHash {@link #hash} of what the caller presented
     */
    public boolean matchesHash(String candidateHash) {
        return sameHash(tokenHash, candidateHash);
    }

    /** Constant-time comparison of two hashes (false when either is null). */
    public static boolean sameHash(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    public String dossierCode() {
        return dossierCode;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public String issuedBy() {
        return issuedBy;
    }

    /** 1 for the first token, one more for every reissue. */
    public int issueCount() {
        return issueCount;
    }
}
