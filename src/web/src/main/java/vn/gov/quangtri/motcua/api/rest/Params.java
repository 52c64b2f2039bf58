package vn.gov.quangtri.motcua.api.rest;

import java.math.BigDecimal;
import java.util.List;

/**
 * Parses query parameters ourselves, so a malformed number gets a 400 problem that names the parameter
 * (JAX-RS would answer a bare 404 for a failed query-parameter conversion).
 */
public final class Params {

    private Params() {
    }

    /** A decimal, or null when absent. */
    public static BigDecimal decimal(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw Problems.badInput("Parameter '" + name + "' is not a number", List.of(name + ": '" + value + "'"));
        }
    }

    /** A whole number between min and max, or the default when absent. */
    public static int integer(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw Problems.badInput("Parameter '" + name + "' out of range",
                    List.of(name + ": must be between " + min + " and " + max));
            }
            return n;
        } catch (NumberFormatException e) {
            throw Problems.badInput("Parameter '" + name + "' is not a whole number", List.of(name + ": '" + value + "'"));
        }
    }

    /**
     * An enum constant named case-insensitively, or null when absent.
     *
     * @throws BadInputException naming the allowed values
     */
    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problems.badInput("Unknown " + name, List.of(name + ": one of " + List.of(type.getEnumConstants())));
        }
    }
}
