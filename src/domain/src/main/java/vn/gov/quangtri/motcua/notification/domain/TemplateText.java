package vn.gov.quangtri.motcua.notification.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a template's {@code {{name}}} placeholders with a dossier's facts. Deliberately minimal (no loops, no
 * conditions, no expressions): administrators edit the texts, and nothing they type can run code or reach data
 * other than the facts of {@link MilestoneFacts}.
 */
public final class TemplateText {

    /** The placeholders a template may use. */
    public static final List<String> PLACEHOLDERS = List.of("applicant", "code", "procedure", "unit", "appointment",
        "newAppointment", "items", "details", "fee", "reason", "link");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*}}");

    private TemplateText() {
    }

    /**
     * The text with each known placeholder replaced by its value (a missing value by nothing); unknown ones stay
     * as typed.
     */
    public static String render(String template, Map<String, String> values) {
        if (template == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = PLACEHOLDERS.contains(name) ? values.getOrDefault(name, "") : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The placeholder names in a text that {@link #PLACEHOLDERS} does not know, in order of appearance. */
    public static List<String> unknownPlaceholders(String template) {
        List<String> unknown = new ArrayList<>();
        if (template == null) {
            return unknown;
        }
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1)) && !unknown.contains(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        return unknown;
    }
}
