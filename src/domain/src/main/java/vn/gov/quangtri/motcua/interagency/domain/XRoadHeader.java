package vn.gov.quangtri.motcua.interagency.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.Texts;

/**
 * The X-Road-style header every inbound message carries (as SOAP header elements or HTTP headers
 * {@code X-Road-Client}, {@code X-Road-Service}, {@code X-Road-UserId}, {@code X-Road-Id}):
 *
 * <ul>
 *   <li>{@code client}: the calling subsystem, {@code INSTANCE/MEMBERCLASS/MEMBERCODE[/SUBSYSTEM]},
 *       e.g. {@code VN/GOV/000.00.00.H50/MOTCUA};</li>
 *   <li>{@code service}: the service called, {@code INSTANCE/MEMBERCLASS/MEMBERCODE/SUBSYSTEM/SERVICECODE[/VERSION]},
 *       e.g. {@code VN/GOV/000.00.00.H50/MOTCUA/submit-transfer/v1};</li>
 *   <li>{@code userId}: the person or process on whose behalf the call is made (for the log);</li>
 *   <li>{@code messageId}: unique per message and sender; a repeat returns the first outcome.</li>
 * </ul>
 * Identifier parts are 1–100 characters of letters, digits and {@code . _ : -}; the message id 1–100
 * printable ASCII characters without spaces (a UUID in this system's own messages); the user id up to 100 characters
 * of text under the API's one text rule ({@link Texts#controlProblem}, single-line: no control, direction-override or
 * invisible-only text), NFC. These rules are the same for the REST headers and the SOAP header elements: both build
 * this record, so neither channel has a check of its own (issue 16).
 *
 * @throws RuleViolationException {@code INVALID_XROAD_HEADER} listing every bad field
 */
public record XRoadHeader(String client, String service, String userId, String messageId) {

    private static final Pattern PART = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern MESSAGE_ID = Pattern.compile("[\\x21-\\x7E]{1,100}");

    public XRoadHeader {
        List<String> errors = new ArrayList<>();
        client = strip(client);
        service = strip(service);
        userId = strip(userId);
        messageId = strip(messageId);
        if (text(errors, "client", client)) {
            checkId(errors, "client", client, 3, 4, "INSTANCE/MEMBERCLASS/MEMBERCODE[/SUBSYSTEM]");
        }
        if (text(errors, "service", service)) {
            checkId(errors, "service", service, 5, 6, "INSTANCE/MEMBERCLASS/MEMBERCODE/SUBSYSTEM/SERVICECODE[/VERSION]");
        }
        if (text(errors, "userId", userId)) {
            if (Texts.blank(userId)) {
                errors.add("userId: required");
            } else {
                userId = java.text.Normalizer.normalize(userId, java.text.Normalizer.Form.NFC);
                if (userId.length() > 100) {
                    errors.add("userId: at most 100 characters");
                }
            }
        }
        if (text(errors, "messageId", messageId)) {
            if (messageId == null || messageId.isEmpty()) {
                errors.add("messageId: required");
            } else if (!MESSAGE_ID.matcher(messageId).matches()) {
                errors.add("messageId: 1-100 printable ASCII characters without spaces");
            }
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException("INVALID_XROAD_HEADER",
                "The X-Road header is incomplete or malformed: " + String.join("; ", errors), errors);
        }
    }

    /** The service code (the fifth part of {@link #service()}), e.g. {@code submit-transfer}. */
    public String serviceCode() {
        return service.split("/")[4];
    }

    /** The one text rule of the API (single-line); false when it found a problem (recorded). */
    private static boolean text(List<String> errors, String field, String value) {
        String problem = Texts.controlProblem(field, value, false);
        if (problem != null) {
            errors.add(problem);
            return false;
        }
        return true;
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static void checkId(List<String> errors, String field, String value, int min, int max, String shape) {
        if (value == null || value.isEmpty()) {
            errors.add(field + ": required (" + shape + ")");
            return;
        }
        String[] parts = value.split("/", -1);
        if (parts.length < min || parts.length > max) {
            errors.add(field + ": expected " + shape + ", got " + parts.length + " part(s)");
            return;
        }
        for (int i = 0; i < parts.length; i++) {
            if (!PART.matcher(parts[i]).matches()) {
                errors.add(field + ": part " + (i + 1) + " must be 1-100 letters, digits or . _ : -");
                return;
            }
        }
    }
}
