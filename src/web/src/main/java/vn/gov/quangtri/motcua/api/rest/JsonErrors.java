package vn.gov.quangtri.motcua.api.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a JSON binding failure into a neutral problem entry that names the field and, for an enumeration, its
 * allowed values ({@code "unit: one of [WORKING_DAYS, DAYS, …]"}), never the binder's own message with Java class
 * names (issue 16: "No enum constant vn.gov.….TimeLimitUnit.LIGHT_YEAR" was answered to the client).
 */
final class JsonErrors {

    /** Yasson wraps the failure of each nested property: "Unable to deserialize property 'x' because of: …". */
    private static final Pattern PROPERTY = Pattern.compile("deserialize property '([^']{1,100})'");
    private static final Pattern ENUM = Pattern.compile("No enum constant ((?:[\\w$]+\\.)+[\\w$]+)\\.([^\\s.]{0,100})");

    private JsonErrors() {
    }

    /**
     * @param failure the exception the binding threw (with its causes)
     * @return one entry: {@code "<field path>: one of [..]"} for an unknown enumeration value,
     *         {@code "<field path>: <reason>"} for a value {@link StrictJson} refused,
 *         {@code "<field path>: not a valid value"} otherwise, or {@code "body: not valid JSON"} when no field is known
     */
    static String describe(Throwable failure) {
        List<String> fields = new ArrayList<>();
        String enumClass = null;
        String strict = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StrictJson.Refused r && strict == null) {
                strict = r.getMessage(); // a plain reason of our own (issue 16), shown as it is
            }
            String m = t.getMessage();
            if (m == null) {
                continue;
            }
            // each wrapper repeats its cause's message: the message naming the most properties holds the whole path
            List<String> here = new ArrayList<>();
            Matcher p = PROPERTY.matcher(m);
            while (p.find()) {
                here.add(p.group(1));
            }
            if (here.size() > fields.size()) {
                fields = here;
            }
            Matcher e = ENUM.matcher(m);
            if (enumClass == null && e.find()) {
                enumClass = e.group(1);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        String field = fields.isEmpty() ? null : String.join(".", fields);
        if (strict != null) {
            return (field == null ? "value" : field) + ": " + strict;
        }
        List<String> allowed = enumClass == null ? null : constants(enumClass);
        if (field == null) {
            return allowed == null ? "body: not valid JSON for this operation" : "value: one of " + allowed;
        }
        return allowed == null ? field + ": not a valid value" : field + ": one of " + allowed;
    }

    private static List<String> constants(String className) {
        try {
            Class<?> type = Class.forName(className, false, Thread.currentThread().getContextClassLoader());
            Object[] values = type.getEnumConstants();
            return values == null ? null : Arrays.stream(values).map(v -> ((Enum<?>) v).name()).toList();
        } catch (ClassNotFoundException | LinkageError | SecurityException e) {
            return null;
        }
    }
}
