package vn.gov.quangtri.motcua.interagency.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The tamper-evident chain of the exchange log: entry n's hash is
 * {@code SHA-256(previous hash + "\n" + canonical form of entry n)} in lower-case hex; the first entry's
 * previous hash is {@link #GENESIS} (64 zeros). Changing any field of an entry breaks its own hash;
 * removing or reordering entries breaks the sequence numbers and the links. Removing the newest entries
 * is detected against the stored head (last sequence number and hash).
 */
public final class HashChain {

    /** Previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    /** An entry as the chain sees it. */
    public interface Link {
        /** Position in the log, 1, 2, 3, … */
        long seq();

        /** The canonical text that is hashed (every field, fixed order, unambiguous separators). */
        String canonical();

        String previousHash();

        String entryHash();
    }

    /**
     * Result of a verification.
     *
     * @param valid      whether the whole chain is intact
     * @param entries    number of entries checked
     * @param firstBrokenSeq sequence number (or expected position) of the first broken entry, or null
     * @param problem    what is wrong there, or null
     */
    public record Verification(boolean valid, long entries, Long firstBrokenSeq, String problem) {
        static Verification ok(long n) {
            return new Verification(true, n, null, null);
        }

        static Verification broken(long n, long seq, String problem) {
            return new Verification(false, n, seq, problem);
        }
    }

    /** The hash of an entry given its predecessor's hash. */
    public static String hash(String previousHash, String canonical) {
        return sha256Hex(previousHash + "\n" + canonical);
    }

    /** SHA-256 of the UTF-8 text in lower-case hex. */
    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 of bytes in lower-case hex. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }

    /**
     * Verifies a whole log from its first entry.
     *
     * @param entries  the log in stored order (by sequence number)
     * @param headSeq  the stored head's last sequence number (detects removed newest entries)
     * @param headHash the stored head's last hash
     */
    public static Verification verify(List<? extends Link> entries, long headSeq, String headHash) {
        String previous = GENESIS;
        long expected = 1;
        for (Link e : entries) {
            if (e.seq() != expected) {
                return Verification.broken(entries.size(), expected,
                    "entry " + expected + " missing or out of order (found " + e.seq() + ")");
            }
            if (!previous.equals(e.previousHash())) {
                return Verification.broken(entries.size(), e.seq(), "link to the previous entry broken");
            }
            String recomputed = hash(previous, e.canonical());
            if (!recomputed.equals(e.entryHash())) {
                return Verification.broken(entries.size(), e.seq(), "entry changed (hash mismatch)");
            }
            previous = e.entryHash();
            expected++;
        }
        if (expected - 1 != headSeq || !previous.equals(headHash)) {
            return Verification.broken(entries.size(), expected,
                "log ends at entry " + (expected - 1) + " but the head records entry " + headSeq);
        }
        return Verification.ok(entries.size());
    }
}
