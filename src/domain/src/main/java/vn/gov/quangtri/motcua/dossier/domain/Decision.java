package vn.gov.quangtri.motcua.dossier.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.Texts;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * The signed decision behind an approval or a reasoned rejection (quyết định / văn bản trả lời): its number, the
 * date it was signed and its signer, as printed on it. Kept on the history event of the approval or rejection, so
 * that an inspector can match the system's date with the paper's (Decree 118/2025 art. 19–20; docs/domain.md §3.4).
 *
 * @param number the decision's number and symbol, e.g. {@code 125/QĐ-UBND}; at most 60 characters; may be null
 * @param date   the date it was signed (Vietnam calendar date); may be null
 * @param signer who signed it, e.g. {@code Phó Chủ tịch Nguyễn Văn A}; at most 200 characters; may be null
 */
public record Decision(String number, LocalDate date, String signer) implements java.io.Serializable {

    /** Longest decision number kept. */
    public static final int NUMBER_MAX = 60;
    /** Longest signer kept. */
    public static final int SIGNER_MAX = 200;

    /**
     * A decision from an officer's input, with its texts normalised (NFC, stripped); null when nothing was given.
     *
     * @throws RuleViolationException {@code TEXT_TOO_LONG}, {@code CONTROL_CHARACTER}, {@code DECISION_NUMBER_REQUIRED}
     *                                (a date or signer without a number)
     */
    public static Decision of(String number, LocalDate date, String signer) {
        String n = blankToNull(Texts.name("decisionNumber", number, NUMBER_MAX));
        String s = blankToNull(Texts.name("decisionSigner", signer, SIGNER_MAX));
        if (n == null && date == null && s == null) {
            return null;
        }
        if (n == null) {
            throw new RuleViolationException("DECISION_NUMBER_REQUIRED", "A decision date or signer needs the"
                + " decision's number", List.of("decisionNumber: required with decisionDate or decisionSigner"));
        }
        return new Decision(n, date, s);
    }

    /**
     * Checks the signing date against the dossier: not after the business day of the action that records the
     * decision, not before the day the dossier was received (Vietnam calendar dates). Nothing to check without a date.
     *
     * @param receivedAt the dossier's receipt (or submission) moment
     * @param actionAt   the business time of the approval or rejection
     * @throws RuleViolationException {@code DECISION_AFTER_ACTION}, {@code DECISION_BEFORE_RECEIPT}
     */
    public void requireSignedBetween(Instant receivedAt, Instant actionAt) {
        if (date == null) {
            return;
        }
        LocalDate day = VietnamTime.local(actionAt).toLocalDate();
        if (date.isAfter(day)) {
            throw new RuleViolationException("DECISION_AFTER_ACTION", "The decision is dated " + date
                + ", after the action itself (" + day + "): give the action's real time in occurredAt",
                List.of("decisionDate: at most " + day));
        }
        LocalDate received = VietnamTime.local(receivedAt).toLocalDate();
        if (date.isBefore(received)) {
            throw new RuleViolationException("DECISION_BEFORE_RECEIPT", "The decision is dated " + date
                + ", before the dossier was received (" + received + ")", List.of("decisionDate: at least " + received));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
