package io.yakraft.ingest;

import java.util.List;

/**
 * How one field is parsed and checked: its type (string, integer, decimal, boolean,
 * timestamp), whether it is required, a default for blanks, a range for numbers, a regular
 * expression, an enumeration and a case for strings, the accepted form of a timestamp, and
 * whether an integer may be written loosely ({@code 1.0}, {@code 1e1}, {@code 1_000}).
 * {@link SpecReader} checks a rule read from a file in full, with positions; the constructor
 * keeps the checks a rule built in code needs too.
 */
public record FieldRule(String type, boolean required, String defaultValue, Double min, Double max, String regex,
                        List<String> allowed, boolean lowercase, boolean uppercase, String format, boolean lenient) {
    public static final List<String> TYPES = List.of("string", "integer", "decimal", "boolean", "timestamp");
    public static final List<String> FORMATS = List.of("any", "iso8601", "date", "epochSeconds", "epochMillis");

    public FieldRule {
        type = type == null ? "string" : type;
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("type '" + type + "' is not one of " + String.join(", ", TYPES));
        }
        format = format == null ? "any" : format;
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException("format '" + format + "' is not one of " + String.join(", ", FORMATS));
        }
        if ((min != null && !Double.isFinite(min)) || (max != null && !Double.isFinite(max))) {
            throw new IllegalArgumentException("min and max must be finite numbers");
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("min " + min + " is greater than max " + max);
        }
        if (lowercase && uppercase) {
            throw new IllegalArgumentException("lowercase and uppercase cannot both be true");
        }
        allowed = allowed == null ? null : List.copyOf(allowed);
    }

    /** The rule as it was before case, format and leniency existed: strict, any timestamp form. */
    public FieldRule(String type, boolean required, String defaultValue, Double min, Double max, String regex,
                     List<String> allowed, boolean lowercase) {
        this(type, required, defaultValue, min, max, regex, allowed, lowercase, false, null, false);
    }
}
