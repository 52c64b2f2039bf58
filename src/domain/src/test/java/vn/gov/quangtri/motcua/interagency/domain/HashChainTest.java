package vn.gov.quangtri.motcua.interagency.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.interagency.domain.ExchangeEntry.Direction;

class HashChainTest {

    /** A stored row as read back, so that a test can tamper with any column. */
    record Row(long seq, String canonical, String previousHash, String entryHash) implements HashChain.Link {
        static Row of(ExchangeEntry e) {
            return new Row(e.seq(), e.canonical(), e.previousHash(), e.entryHash());
        }
    }

    private static List<Row> chain(int n) {
        List<Row> rows = new ArrayList<>();
        String previous = HashChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            ExchangeEntry e = new ExchangeEntry(i, Instant.parse("2026-03-02T02:00:00.123456Z").plusSeconds(i),
                i % 2 == 0 ? Direction.IN : Direction.OUT, "QT-LOOPBACK-DAT", "m-" + i, ExchangeOperation.SUBMIT_TRANSFER,
                "000.00.60.H50-260302-0001", HashChain.sha256Hex("payload " + i), previous);
            rows.add(Row.of(e));
            previous = e.entryHash();
        }
        return rows;
    }

    private static HashChain.Verification verify(List<Row> rows, List<Row> original) {
        Row head = original.get(original.size() - 1);
        return HashChain.verify(rows, head.seq(), head.entryHash());
    }

    @Test
    @DisplayName("SHA-256 of the known text 'abc'; the first entry links to 64 zeros; time kept to the millisecond")
    void knownValues() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", HashChain.sha256Hex("abc"));
        ExchangeEntry e = new ExchangeEntry(1, Instant.parse("2026-03-02T02:00:00.123456Z"), Direction.OUT, "P", "m",
            ExchangeOperation.ACKNOWLEDGE, "000.00.60.H50-260302-0001", "ab", HashChain.GENESIS);
        assertEquals("1|2026-03-02T02:00:00.123Z|OUT|P|m|acknowledge|000.00.60.H50-260302-0001|ab", e.canonical());
        assertEquals(HashChain.sha256Hex(HashChain.GENESIS + "\n" + e.canonical()), e.entryHash());
    }

    @Test
    @DisplayName("Issue 11 §5: an attempt entry hashes its attempt id, outcome and detail (second form); old entries keep the first")
    void attemptEntries() {
        ExchangeEntry first = new ExchangeEntry(1, Instant.parse("2026-03-02T02:00:00Z"), Direction.OUT, "P", "m",
            ExchangeOperation.SUBMIT_TRANSFER, "000.00.60.H50-260302-0001", "ab", HashChain.GENESIS);
        ExchangeEntry failed = new ExchangeEntry(2, Instant.parse("2026-03-02T02:01:00.5Z"), Direction.OUT, "P", "m",
            ExchangeOperation.SUBMIT_TRANSFER, "000.00.60.H50-260302-0001", "ab", first.entryHash(),
            "a-1", ExchangeEntry.Outcome.FAILED, "HTTP 503 from partner");
        ExchangeEntry delivered = new ExchangeEntry(3, Instant.parse("2026-03-02T02:02:00Z"), Direction.OUT, "P", "m",
            ExchangeOperation.SUBMIT_TRANSFER, "000.00.60.H50-260302-0001", "ab", failed.entryHash(),
            "a-2", ExchangeEntry.Outcome.DELIVERED, null);
        ExchangeEntry refused = new ExchangeEntry(4, Instant.parse("2026-03-02T02:03:00Z"), Direction.IN, "P", null, null,
            null, "cd", delivered.entryHash(), "a-3", ExchangeEntry.Outcome.REFUSED, "  INVALID_XROAD_HEADER: x|y ");
        assertEquals("1|2026-03-02T02:00:00Z|OUT|P|m|submit-transfer|000.00.60.H50-260302-0001|ab", first.canonical());
        assertEquals("2|2026-03-02T02:01:00.500Z|OUT|P|m|submit-transfer|000.00.60.H50-260302-0001|ab|v2|a-1|FAILED|"
            + "HTTP 503 from partner", failed.canonical());
        assertEquals("3|2026-03-02T02:02:00Z|OUT|P|m|submit-transfer|000.00.60.H50-260302-0001|ab|v2|a-2|DELIVERED|",
            delivered.canonical());
        assertEquals("4|2026-03-02T02:03:00Z|IN|P||||cd|v2|a-3|REFUSED|INVALID_XROAD_HEADER: x|y", refused.canonical(),
            "missing message id, operation and dossier code as empty texts; the detail stripped");
        assertEquals(HashChain.sha256Hex(failed.previousHash() + "\n" + failed.canonical()), failed.entryHash());
        List<Row> rows = List.of(Row.of(first), Row.of(failed), Row.of(delivered), Row.of(refused));
        assertTrue(verify(rows, rows).valid(), "a log mixing both forms verifies");
        // Another attempt id or outcome in a stored row breaks the chain there.
        Row r = rows.get(1);
        List<Row> forged = new ArrayList<>(rows);
        forged.set(1, new Row(2, r.canonical().replace("|a-1|FAILED|", "|a-1|DELIVERED|"), r.previousHash(), r.entryHash()));
        assertEquals(2L, verify(forged, rows).firstBrokenSeq());
        forged.set(1, new Row(2, r.canonical().replace("|a-1|", "|a-9|"), r.previousHash(), r.entryHash()));
        assertEquals("entry changed (hash mismatch)", verify(forged, rows).problem());
        assertEquals(400, new ExchangeEntry(5, Instant.EPOCH, Direction.OUT, "P", "m", ExchangeOperation.ACKNOWLEDGE, "c",
            "ab", refused.entryHash(), "a-4", ExchangeEntry.Outcome.FAILED, "x".repeat(900)).detail().length());
    }

    @Test
    void intactChainVerifies() {
        List<Row> rows = chain(5);
        HashChain.Verification v = verify(rows, rows);
        assertTrue(v.valid(), v.problem());
        assertEquals(5, v.entries());
        assertTrue(HashChain.verify(List.of(), 0, HashChain.GENESIS).valid(), "empty log");
    }

    @Test
    @DisplayName("One payload hash changed in entry 3 → broken at 3 (entry changed)")
    void changedPayloadHash() {
        List<Row> original = chain(5);
        List<Row> rows = new ArrayList<>(original);
        Row r = rows.get(2);
        rows.set(2, new Row(r.seq(), r.canonical().replaceAll("\\|[0-9a-f]{64}$", "|" + HashChain.sha256Hex("forged")),
            r.previousHash(), r.entryHash()));
        HashChain.Verification v = verify(rows, original);
        assertFalse(v.valid());
        assertEquals(3L, v.firstBrokenSeq());
        assertEquals("entry changed (hash mismatch)", v.problem());
    }

    @Test
    @DisplayName("Entry changed and its own hash recomputed → the next entry's link breaks at 4")
    void changedAndRehashed() {
        List<Row> original = chain(5);
        List<Row> rows = new ArrayList<>(original);
        Row r = rows.get(2);
        String forged = r.canonical().replace("|m-3|", "|m-X|");
        rows.set(2, new Row(r.seq(), forged, r.previousHash(), HashChain.hash(r.previousHash(), forged)));
        HashChain.Verification v = verify(rows, original);
        assertFalse(v.valid());
        assertEquals(4L, v.firstBrokenSeq());
        assertEquals("link to the previous entry broken", v.problem());
    }

    @Test
    @DisplayName("Entry 2 deleted → broken at 2; newest entry deleted → detected against the head")
    void deletedEntry() {
        List<Row> original = chain(5);
        List<Row> rows = new ArrayList<>(original);
        rows.remove(1);
        HashChain.Verification v = verify(rows, original);
        assertFalse(v.valid());
        assertEquals(2L, v.firstBrokenSeq());

        List<Row> truncated = new ArrayList<>(original.subList(0, 4));
        HashChain.Verification t = verify(truncated, original);
        assertFalse(t.valid());
        assertEquals("log ends at entry 4 but the head records entry 5", t.problem());
    }

    @Test
    @DisplayName("Entries 2 and 4 swapped (with or without renumbering) → broken at 2")
    void swappedEntries() {
        List<Row> original = chain(5);
        List<Row> rows = new ArrayList<>(original);
        Collections.swap(rows, 1, 3);
        assertEquals(2L, verify(rows, original).firstBrokenSeq());
        List<Row> renumbered = new ArrayList<>(original);
        Row two = renumbered.get(1);
        Row four = renumbered.get(3);
        renumbered.set(1, new Row(2, four.canonical(), four.previousHash(), four.entryHash()));
        renumbered.set(3, new Row(4, two.canonical(), two.previousHash(), two.entryHash()));
        HashChain.Verification v = verify(renumbered, original);
        assertFalse(v.valid());
        assertEquals(2L, v.firstBrokenSeq());
    }
}
