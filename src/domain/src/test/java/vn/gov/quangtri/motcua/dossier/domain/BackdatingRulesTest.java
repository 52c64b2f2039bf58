package vn.gov.quangtri.motcua.dossier.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.DomainException;
import vn.gov.quangtri.motcua.shared.domain.ForbiddenException;

/** The signed decision's dates and a backdating request's decision rules (issue 11 items 1 and 2). */
class BackdatingRulesTest {

    private static final ZoneOffset VN = ZoneOffset.ofHours(7);

    private static Instant vn(int month, int day, int hour) {
        return OffsetDateTime.of(2026, month, day, hour, 0, 0, 0, VN).toInstant();
    }

    @Test
    @DisplayName("A decision may be signed from the day of receipt to the day of the approval (Vietnam dates)")
    void decisionDates() {
        Decision d = Decision.of(" 125/QĐ-UBND ", LocalDate.of(2026, 3, 6), "Chủ tịch UBND xã");
        assertEquals("125/QĐ-UBND", d.number());
        // Received Mon 2 Mar 09:00, approved Fri 6 Mar 16:30 (Vietnam): the 6th is the last day allowed.
        assertDoesNotThrow(() -> d.requireSignedBetween(vn(3, 2, 9), vn(3, 6, 16)));
        assertEquals("DECISION_AFTER_ACTION", assertThrows(DomainException.class,
            () -> d.requireSignedBetween(vn(3, 2, 9), vn(3, 5, 16))).reason());
        // Approved Thu 5 Mar at 23:30 Vietnam time is still the 5th, though it is the 5th 16:30 UTC.
        assertEquals("DECISION_AFTER_ACTION", assertThrows(DomainException.class,
            () -> d.requireSignedBetween(vn(3, 2, 9), OffsetDateTime.of(2026, 3, 5, 23, 30, 0, 0, VN).toInstant()))
            .reason());
        // Received on the 7th: a decision of the 6th came before the dossier.
        assertEquals("DECISION_BEFORE_RECEIPT", assertThrows(DomainException.class,
            () -> d.requireSignedBetween(vn(3, 7, 8), vn(3, 9, 9))).reason());
        assertNull(Decision.of(" ", null, ""), "nothing typed, no decision");
        assertEquals("DECISION_NUMBER_REQUIRED", assertThrows(DomainException.class,
            () -> Decision.of(" ", LocalDate.of(2026, 3, 6), null)).reason(), "a date without a number");
        assertEquals("TEXT_TOO_LONG", assertThrows(DomainException.class,
            () -> Decision.of("x".repeat(61), null, null)).reason());
        assertEquals("CONTROL_CHARACTER", assertThrows(DomainException.class,
            () -> Decision.of("125\u202E/QĐ", null, null)).reason());
    }

    @Test
    @DisplayName("A backdating request is decided once, never by the officer who keyed it, and only while the dossier"
        + " has not moved on")
    void requestDecision() {
        BackdatingRequest r = new BackdatingRequest("000.00.21.H50-260302-0001", "QT25.XA_VINH_LINH", 3,
            DossierAction.COMPLETE_STEP, "{\"action\":\"COMPLETE_STEP\"}", vn(3, 2, 10), "Mất điện", "tiepnhan.vinhlinh",
            vn(3, 9, 9));
        assertEquals(BackdatingRequest.Status.PENDING, r.status());
        assertEquals("OWN_REQUEST", assertThrows(ForbiddenException.class,
            () -> r.approved("TiepNhan.VinhLinh", vn(3, 9, 10), null)).reason());
        r.refused("lanhdao.vinhlinh", vn(3, 9, 10), "Không có căn cứ");
        assertEquals(BackdatingRequest.Status.REFUSED, r.status());
        assertEquals("lanhdao.vinhlinh", r.decidedBy());
        assertEquals("REQUEST_DECIDED", assertThrows(ConflictException.class,
            () -> r.approved("lanhdao2.vinhlinh", vn(3, 9, 11), null)).reason());
    }
}
