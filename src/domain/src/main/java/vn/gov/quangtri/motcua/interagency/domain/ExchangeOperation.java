package vn.gov.quangtri.motcua.interagency.domain;

import java.util.Locale;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;

/** The operations of the partner exchange, with their names on the wire (REST path / SOAP operation). */
public enum ExchangeOperation {
    /** The sending agency hands a dossier to the receiving agency (creates the child dossier there). */
    SUBMIT_TRANSFER("submit-transfer"),
    /** The receiving agency confirms receipt and names the child dossier's code. */
    ACKNOWLEDGE("acknowledge"),
    /** The receiving agency reports progress (IN_PROGRESS) or refuses the transfer (REJECTED). */
    REPORT_STATUS("report-status"),
    /** The receiving agency returns the result of its leg. */
    RETURN_RESULT("return-result"),
    /** Either side asks for the current status of a transfer addressed to it; changes nothing. */
    QUERY_STATUS("query-status");

    private final String wireName;

    ExchangeOperation(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /**
     * @throws RuleViolationException {@code UNKNOWN_OPERATION}
     */
    public static ExchangeOperation ofWireName(String name) {
        for (ExchangeOperation op : values()) {
            if (op.wireName.equals(name == null ? null : name.strip().toLowerCase(Locale.ROOT))) {
                return op;
            }
        }
        throw new RuleViolationException("UNKNOWN_OPERATION", "Unknown exchange operation: " + name);
    }
}
