package vn.gov.quangtri.motcua.dossier.domain;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.TextSearch;
import vn.gov.quangtri.motcua.shared.domain.Texts;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * The Vietnamese text a dossier's history keeps for its events (the control sheet and the citizen's lookup
 * show it as written): supplement item lists one per line, notes after "Ghi chú:", inter-agency waits and
 * results. Every length is checked against {@link Texts#LONG}. One place for the wording, apart from the
 * lifecycle in {@link Dossier}.
 */
final class HistoryText {

    static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final Pattern NUMBERED = Pattern.compile("\\d+\\. (.+)");
    private static final int PARTNER_TEXT = 2000;

    private HistoryText() {
    }

    /**
     * The requested items, stripped, in NFC, one line each; blank ones and repeats dropped (the applicant is asked
     * once for each item, and the resumption ticks each once).
     *
     * @throws RuleViolationException {@code ITEMS_REQUIRED} when nothing is listed
     */
    static List<String> items(List<String> items) {
        if (items == null || items.stream().allMatch(s -> s == null || s.isBlank())) {
            throw new RuleViolationException("ITEMS_REQUIRED",
                "List everything that must be supplemented, all at once");
        }
        return items.stream().filter(s -> s != null && !s.isBlank())
            .map(s -> Texts.plain("items", TextSearch.nfc(s.strip().replaceAll("\\s*\\R\\s*", " ")), false))
            .distinct().toList(); // one item, one line, once
    }

    /** "1. a\n2. b": the items numbered one per line. */
    static String numbered(List<String> items) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            sb.append(i + 1).append(". ").append(items.get(i));
            if (i < items.size() - 1) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** The supplement request's text: the numbered items, then the note. */
    static String supplementRequest(List<String> cleanItems, String note) {
        return withNote(Texts.limited("items", numbered(cleanItems), Texts.LONG), note);
    }

    /** The resumption's text after a supplement: items handed in and those still missing, then the note. */
    static String supplementReceived(List<String> handedIn, List<String> notReceived, String note) {
        return withNote("Đã nhận bổ sung:\n" + numbered(handedIn)
            + (notReceived.isEmpty() ? "" : "\nChưa nhận:\n" + numbered(notReceived)), note);
    }

    /** Text followed by "\nGhi chú: note" when a note is given. */
    static String withNote(String text, String note) {
        String why = note == null || note.isBlank() ? text : text + "\nGhi chú: " + note.strip();
        return Texts.limited("note", why, Texts.LONG);
    }

    /**
     * The items of a supplement request event: its item list, or for events stored before items were kept,
     * the numbered lines of its text.
     */
    static List<String> requestedItems(DossierEvent e) {
        if (!e.items().isEmpty()) {
            return e.items();
        }
        List<String> parsed = new ArrayList<>();
        for (String line : (e.reason() == null ? "" : e.reason()).split("\\R")) {
            Matcher m = NUMBERED.matcher(line);
            if (m.matches()) {
                parsed.add(m.group(1));
            }
        }
        return parsed;
    }

    /**
     * The items handed in, each exactly one of those requested, in the order requested.
     *
     * @throws RuleViolationException {@code RECEIVED_ITEMS_REQUIRED} for an empty list, {@code UNKNOWN_ITEM}
     */
    static List<String> handedIn(List<String> given, List<String> requested) {
        List<String> clean = given.stream().filter(s -> s != null && !s.isBlank()).map(s -> TextSearch.nfc(s.strip()))
            .distinct().toList();
        if (clean.isEmpty()) {
            throw new RuleViolationException("RECEIVED_ITEMS_REQUIRED",
                "Name the requested items handed in (omit the list when all were)",
                List.of("receivedItems: one or more of " + requested));
        }
        List<String> unknown = clean.stream().filter(s -> !requested.contains(s)).toList();
        if (!unknown.isEmpty()) {
            throw new RuleViolationException("UNKNOWN_ITEM", "Not requested with the supplement request: " + unknown,
                List.of("receivedItems: each one of " + requested));
        }
        return requested.stream().filter(clean::contains).toList();
    }

    /** "→ handler" for an assignment. */
    static String assignedTo(String handler) {
        return "→ " + handler;
    }

    /** "Chờ liên thông: agency từ HH:mm dd/MM/yyyy" (Vietnam time), then the note. */
    static String awaitingPartner(String agencyName, Instant at, String note) {
        return Texts.limited("note", "Chờ liên thông: " + agencyName + " từ " + VietnamTime.local(at).format(DAY_TIME)
            + (note == null || note.isBlank() ? "" : ". " + note.strip()), Texts.LONG);
    }

    /** "Kết quả liên thông từ agency: summary" (the partner's summary cut to 2000 characters). */
    static String partnerResult(String agencyName, String summary) {
        return "Kết quả liên thông từ " + agencyName + partnerText(summary);
    }

    /** "agency từ chối liên thông: reason". */
    static String partnerRefusal(String agencyName, String reason) {
        return agencyName + " từ chối liên thông" + partnerText(reason);
    }

    /** "Hồ sơ liên thông của hồ sơ parent. note" for a child received by transfer. */
    static String childOf(String parentCode, String note) {
        return Texts.limited("note", "Hồ sơ liên thông của hồ sơ " + parentCode
            + (note == null || note.isBlank() ? "" : ". " + note.strip()), Texts.LONG);
    }

    private static String partnerText(String text) {
        return text == null || text.isBlank() ? ""
            : ": " + (text.length() > PARTNER_TEXT ? text.substring(0, PARTNER_TEXT) : text.strip());
    }

    /**
     * A reason the law requires (refusal, rejection, stop, apology...).
     *
     * @throws RuleViolationException {@code REASON_REQUIRED} when blank
     */
    static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolationException("REASON_REQUIRED", "A reason is required for this action");
        }
        return Texts.limited("reason", reason, Texts.LONG);
    }
}
