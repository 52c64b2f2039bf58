package vn.gov.quangtri.motcua.interagency.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.interagency.domain.ReconciliationRules.OurTransfer;
import vn.gov.quangtri.motcua.interagency.domain.ReconciliationVerdict.Kind;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

class ReconciliationRulesTest {

    private static final String ID = "3f1c2a9e-8d4b-4e57-9a51-0c6f0e2b7d11";
    private static final Duration GRACE = Duration.ofMinutes(30);

    /** Vietnam time. */
    private static Instant vn(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 12, day, hour, minute, 0, 0, VietnamTime.ZONE).toInstant();
    }

    /** The check runs at 02:00 on 7 December 2026 (Vietnam time), 19:00 UTC the day before. */
    private static final Instant NOW = vn(7, 2, 0);

    private static OurTransfer ours(TransferStatus status, Instant at, String child) {
        return new OurTransfer(ID, "HT-B", status, at, child);
    }

    private static PartnerAnswer says(TransferStatus status, Instant at, String child) {
        return PartnerAnswer.known(new TransferUpdate(ID, status, at, child, null));
    }

    @Test
    @DisplayName("The same status (and child) on both sides is in sync")
    void sameStatus() {
        ReconciliationVerdict v = ReconciliationRules.compare(ours(TransferStatus.IN_PROGRESS, vn(6, 9, 12), "C-1"),
            says(TransferStatus.IN_PROGRESS, vn(6, 9, 12), "C-1"), NOW, GRACE);
        assertEquals(Kind.IN_SYNC, v.kind());
        assertFalse(v.finding());
        assertEquals("Both sides at IN_PROGRESS", v.reason());
    }

    @Test
    @DisplayName("The partner returned its result hours ago, we still have IN_PROGRESS: a mismatch with both moments in Vietnam time")
    void partnerAheadBeyondGrace() {
        ReconciliationVerdict v = ReconciliationRules.compare(ours(TransferStatus.IN_PROGRESS, vn(6, 9, 12), "C-1"),
            says(TransferStatus.RESULT_RETURNED, vn(6, 14, 5), "C-1"), NOW, GRACE);
        assertEquals(Kind.MISMATCH, v.kind());
        assertTrue(v.finding());
        assertEquals("Partner HT-B says RESULT_RETURNED on 2026-12-06 14:05, we have IN_PROGRESS since 2026-12-06 09:12",
            v.reason());
        assertEquals(TransferStatus.RESULT_RETURNED, v.partnerStatus());
        assertEquals(vn(6, 14, 5), v.partnerStatusAt());
        assertEquals(TransferStatus.IN_PROGRESS, v.ourStatus());
    }

    @Test
    @DisplayName("A partner ahead of us by less than the grace period is settling (its message may be on the way); at the limit it is a mismatch")
    void partnerAheadWithinGrace() {
        OurTransfer sent = ours(TransferStatus.SENT, vn(7, 1, 0), null);
        ReconciliationVerdict settling = ReconciliationRules.compare(sent,
            says(TransferStatus.ACKNOWLEDGED, vn(7, 1, 31), "C-9"), NOW, GRACE);
        assertEquals(Kind.SETTLING, settling.kind());
        assertFalse(settling.finding());
        // exactly 30 minutes before the check: no longer within the grace period
        assertEquals(Kind.MISMATCH, ReconciliationRules.compare(sent,
            says(TransferStatus.ACKNOWLEDGED, vn(7, 1, 30), "C-9"), NOW, GRACE).kind());
        // without a grace period any difference counts at once
        assertEquals(Kind.MISMATCH, ReconciliationRules.compare(sent,
            says(TransferStatus.ACKNOWLEDGED, vn(7, 1, 59), "C-9"), NOW, Duration.ZERO).kind());
    }

    @Test
    @DisplayName("A partner behind us, or a refusal against our result (same rank), is a mismatch even when recent")
    void partnerBehindOrOtherFinal() {
        ReconciliationVerdict behind = ReconciliationRules.compare(ours(TransferStatus.IN_PROGRESS, vn(7, 1, 50), "C-1"),
            says(TransferStatus.ACKNOWLEDGED, vn(7, 1, 55), "C-1"), NOW, GRACE);
        assertEquals(Kind.MISMATCH, behind.kind());
        assertEquals("Partner HT-B says ACKNOWLEDGED on 2026-12-07 01:55, we have IN_PROGRESS since 2026-12-07 01:50",
            behind.reason());
        assertEquals(Kind.MISMATCH, ReconciliationRules.compare(ours(TransferStatus.RESULT_RETURNED, vn(7, 1, 50), "C-1"),
            says(TransferStatus.REJECTED, vn(7, 1, 55), "C-1"), NOW, GRACE).kind());
    }

    @Test
    @DisplayName("Same status but another child dossier code: a mismatch naming both codes")
    void otherChild() {
        ReconciliationVerdict v = ReconciliationRules.compare(ours(TransferStatus.ACKNOWLEDGED, vn(6, 9, 0), "C-1"),
            says(TransferStatus.ACKNOWLEDGED, vn(6, 9, 0), "C-2"), NOW, GRACE);
        assertEquals(Kind.MISMATCH, v.kind());
        assertEquals("Partner HT-B names child dossier C-2, we have C-1 (both ACKNOWLEDGED)", v.reason());
    }

    @Test
    @DisplayName("Not found while we are at SENT: the partner never received it, re-send")
    void neverReceived() {
        ReconciliationVerdict v = ReconciliationRules.compare(ours(TransferStatus.SENT, vn(6, 10, 0), null),
            PartnerAnswer.unknown(), NOW, GRACE);
        assertEquals(Kind.RESEND, v.kind());
        assertTrue(v.finding());
        assertEquals("Partner HT-B never received this transfer (query-status: not found), we have SENT since 2026-12-06 10:00",
            v.reason());
        assertNull(v.partnerStatus());
    }

    @Test
    @DisplayName("Not found once the partner had acknowledged it: it lost the transfer, a mismatch (a re-send would make a second child)")
    void lostByPartner() {
        ReconciliationVerdict v = ReconciliationRules.compare(ours(TransferStatus.ACKNOWLEDGED, vn(6, 10, 0), "C-7"),
            PartnerAnswer.unknown(), NOW, GRACE);
        assertEquals(Kind.MISMATCH, v.kind());
        assertEquals("Partner HT-B has no record of this transfer, we have ACKNOWLEDGED since 2026-12-06 10:00 (child dossier C-7)",
            v.reason());
    }

    @Test
    @DisplayName("An unreachable partner or a failed call: skipped with the reason")
    void skipped() {
        ReconciliationVerdict down = ReconciliationRules.compare(ours(TransferStatus.SENT, vn(6, 10, 0), null),
            PartnerAnswer.unreachable("Cannot connect to http://localhost:1/motcua"), NOW, GRACE);
        assertEquals(Kind.SKIPPED, down.kind());
        assertEquals("Partner HT-B did not answer query-status: Cannot connect to http://localhost:1/motcua", down.reason());
        ReconciliationVerdict refused = ReconciliationRules.compare(ours(TransferStatus.SENT, vn(6, 10, 0), null),
            PartnerAnswer.failed("HTTP 401 PARTNER_UNAUTHENTICATED"), NOW, GRACE);
        assertEquals(Kind.SKIPPED, refused.kind());
        assertEquals("Partner HT-B could not be asked: HTTP 401 PARTNER_UNAUTHENTICATED", refused.reason());
        assertNotEquals(down.fingerprint(), refused.fingerprint());
    }

    @Test
    @DisplayName("Fingerprints: equal for the same state on both sides (a rerun adds no finding), different when either side moved")
    void fingerprints() {
        OurTransfer we = ours(TransferStatus.IN_PROGRESS, vn(6, 9, 12), "C-1");
        PartnerAnswer returned = says(TransferStatus.RESULT_RETURNED, vn(6, 14, 5), "C-1");
        String first = ReconciliationRules.compare(we, returned, NOW, GRACE).fingerprint();
        // the same state a day later: same fingerprint, although the reason's moments do not change either
        assertEquals(first, ReconciliationRules.compare(we, returned, NOW.plus(Duration.ofDays(1)), GRACE).fingerprint());
        assertNotEquals(first, ReconciliationRules.compare(we, says(TransferStatus.REJECTED, vn(6, 14, 5), "C-1"), NOW,
            GRACE).fingerprint());
        assertNotEquals(first, ReconciliationRules.compare(ours(TransferStatus.ACKNOWLEDGED, vn(6, 9, 12), "C-1"),
            returned, NOW, GRACE).fingerprint());
        assertEquals(ReconciliationRules.compare(ours(TransferStatus.SENT, vn(6, 10, 0), null), PartnerAnswer.unknown(),
                NOW, GRACE).fingerprint(),
            ReconciliationRules.compare(ours(TransferStatus.SENT, vn(6, 10, 0), null), PartnerAnswer.unknown(),
                NOW.plusSeconds(3600), GRACE).fingerprint());
    }

    @Test
    @DisplayName("A negative grace period and a known answer without status are refused")
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> ReconciliationRules.compare(
            ours(TransferStatus.SENT, vn(6, 10, 0), null), PartnerAnswer.unknown(), NOW, Duration.ofMinutes(-1)));
        assertThrows(IllegalArgumentException.class, () -> PartnerAnswer.known(TransferUpdate.query(ID)));
    }
}
