package vn.gov.quangtri.motcua.api.rest;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.math.BigDecimal;

/**
 * Strict JSON-B reading of the request bodies' scalar fields (issue 16), registered in {@link JsonConfig}: left to
 * itself JSON-B (Yasson) truncates {@code 1.5} to 1 for an {@code Integer}, wraps {@code 4294967297} to 1, reads
 * {@code "yes"} or {@code 1} as false for a {@code Boolean} and stores the number {@code 12} as the text
 * {@code "12"}. Here
 * <ul>
 *   <li>{@code Integer} takes a whole JSON number from −2<sup>31</sup> to 2<sup>31</sup>−1, {@code Long} one from
 *       −2<sup>63</sup> to 2<sup>63</sup>−1 ({@code 3.0} is whole; {@code 1.5}, {@code "12"}, {@code true} are not);</li>
 *   <li>{@code Boolean} takes only {@code true} or {@code false};</li>
 *   <li>{@code String} takes only a JSON string (not a number, a boolean, an object or an array);</li>
 *   <li>{@code null} stays null for each (a required field says so itself).</li>
 * </ul>
 * A refusal is a {@link Refused} naming only a plain reason; {@link JsonErrors} puts the field's name before it, and
 * the answer is 400 {@code MALFORMED_JSON} without the binder's own text. Request bodies must therefore declare
 * boxed types ({@code Integer}, not {@code int}): JSON-B gives primitive fields to its own readers
 * ({@code JsonConfigTest} checks the request records).
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** A value of the wrong JSON type or out of range; the message is a plain reason for the client. */
    public static final class Refused extends JsonbException {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason);
        }
    }

    /** {@code Integer}: a whole number within the range of an int. */
    public static final class Ints implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
            BigDecimal n = whole(parser.getValue(), Integer.MIN_VALUE, Integer.MAX_VALUE);
            return n == null ? null : n.intValueExact();
        }
    }

    /** {@code Long}: a whole number within the range of a long. */
    public static final class Longs implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            BigDecimal n = whole(parser.getValue(), Long.MIN_VALUE, Long.MAX_VALUE);
            return n == null ? null : n.longValueExact();
        }
    }

    /** {@code Boolean}: {@code true} or {@code false}, nothing else. */
    public static final class Booleans implements JsonbDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue v = parser.getValue();
            return switch (v.getValueType()) {
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                case NULL -> null;
                default -> throw new Refused("true or false, not " + kind(v));
            };
        }
    }

    /** {@code String}: a JSON string, nothing else. */
    public static final class Strings implements JsonbDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue v = parser.getValue();
            return switch (v.getValueType()) {
                case STRING -> ((JsonString) v).getString();
                case NULL -> null;
                default -> throw new Refused("a text in quotes, not " + kind(v));
            };
        }
    }

    /** The number, checked whole and within [min, max]; null for JSON null. */
    static BigDecimal whole(JsonValue v, long min, long max) {
        if (v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        String range = "a whole number from " + min + " to " + max;
        if (v.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new Refused(range + ", not " + kind(v));
        }
        BigDecimal n = ((JsonNumber) v).bigDecimalValue();
        // compareTo first: cheap even for 1e999999999, which must never be expanded
        if (n.compareTo(BigDecimal.valueOf(min)) < 0 || n.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new Refused(range + "; the number is out of range");
        }
        if (n.signum() != 0 && n.stripTrailingZeros().scale() > 0) {
            throw new Refused(range + ", not a fraction");
        }
        return n;
    }

    /** The kind of a JSON value in words (never the value itself, which may be long). */
    static String kind(JsonValue v) {
        return switch (v.getValueType()) {
            case STRING -> "a text";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "true/false";
            case OBJECT -> "an object";
            case ARRAY -> "a list";
            case NULL -> "null";
        };
    }
}
