package io.yakraft.ingest;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One field's rule applied to one non-blank value: parse it by type within {@link Limits},
 * then case, enumeration, pattern and range. The outcome is the typed value (Long, BigDecimal,
 * Boolean or String) or the first rule it breaks; nothing here throws on bad input.
 */
final class FieldCheck {
    private static final Pattern STRICT_INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern EPOCH = Pattern.compile("-?[0-9]{1," + Limits.MAX_EPOCH_DIGITS + "}");
    private final FieldRule rule;
    private final Pattern regex;

    /** What checking gave: the typed value, or the rule broken and why. */
    sealed interface Outcome {
    }

    record Typed(Object value) implements Outcome {
    }

    record Broken(String rule, String message) implements Outcome {
    }

    /** @throws java.util.regex.PatternSyntaxException when the rule's regex is not one */
    FieldCheck(FieldRule rule) {
        this.rule = rule;
        this.regex = rule.regex() == null ? null : Pattern.compile(rule.regex());
    }

    Outcome check(String v) {
        Outcome parsed = parse(v);
        if (!(parsed instanceof Typed typed)) {
            return parsed;
        }
        Object value = typed.value();
        if (value instanceof String s && rule.type().equals("string")) {
            if (rule.lowercase()) {
                s = s.toLowerCase(Locale.ROOT);
            } else if (rule.uppercase()) {
                s = s.toUpperCase(Locale.ROOT);
            }
            if (rule.allowed() != null && !rule.allowed().contains(s)) {
                return new Broken("enum", "'" + excerpt(v) + "' is not one of " + rule.allowed());
            }
            if (regex != null && !regex.matcher(s).matches()) {
                return new Broken("regex", "'" + excerpt(v) + "' does not match " + regex.pattern());
            }
            return new Typed(s);
        }
        if (value instanceof Long || value instanceof BigDecimal) {
            BigDecimal d = value instanceof Long l ? BigDecimal.valueOf(l) : (BigDecimal) value;
            if ((rule.min() != null && d.compareTo(BigDecimal.valueOf(rule.min())) < 0)
                    || (rule.max() != null && d.compareTo(BigDecimal.valueOf(rule.max())) > 0)) {
                return new Broken("range", v + " is outside " + bound(rule.min(), "-∞") + ".." + bound(rule.max(), "∞"));
            }
        }
        return typed;
    }

    private Outcome parse(String v) {
        return switch (rule.type()) {
            case "string" -> new Typed(v);
            case "integer" -> rule.lenient() ? lenientInteger(v) : strictInteger(v);
            case "decimal" -> decimal(v);
            case "boolean" -> switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y", "1" -> new Typed(true);
                case "false", "no", "n", "0" -> new Typed(false);
                default -> new Broken("type", "'" + excerpt(v) + "' is not a boolean (true/false/yes/no/y/n/1/0)");
            };
            case "timestamp" -> timestamp(v);
            default -> throw new IllegalStateException("a rule's type is one of " + FieldRule.TYPES + ", got " + rule.type());
        };
    }

    private static Outcome strictInteger(String v) {
        if (tooLong(v) instanceof Broken b) {
            return b;
        }
        if (!STRICT_INTEGER.matcher(v).matches()) {
            return new Broken("type", "'" + v + "' is not an integer (digits with an optional sign; lenient: true accepts 1.0, 1e1, 1_000)");
        }
        try {
            return new Typed(Long.parseLong(v));
        } catch (NumberFormatException tooBig) {
            return outsideLong(v);
        }
    }

    private static Broken outsideLong(String v) {
        return new Broken("range", v + " is outside the 64-bit integer range " + Long.MIN_VALUE + ".." + Long.MAX_VALUE);
    }

    private static Outcome lenientInteger(String v) {
        if (tooLong(v) instanceof Broken b) {
            return b;
        }
        Outcome d = decimal(v.replace("_", ""));
        if (d instanceof Broken b) {
            return b.rule().equals("range") ? outsideLong(v) : new Broken("type", "'" + v + "' is not an integer");
        }
        Typed t = (Typed) d;
        BigDecimal n = (BigDecimal) t.value();
        if (n.signum() != 0 && n.stripTrailingZeros().scale() > 0) {
            return new Broken("type", "'" + v + "' is not a whole number");
        }
        try {
            return new Typed(n.longValueExact());
        } catch (ArithmeticException tooBig) {
            return outsideLong(v);
        }
    }

    /** A decimal within {@link Limits#MAX_NUMBER_CHARS} characters and {@link Limits#MAX_DECIMAL_EXPONENT}. */
    static Outcome decimal(String v) {
        if (tooLong(v) instanceof Broken b) {
            return b;
        }
        BigDecimal d;
        try {
            d = new BigDecimal(v);
        } catch (NumberFormatException notOne) {
            return new Broken("type", "'" + v + "' is not a decimal");
        }
        if (d.signum() == 0) {
            return new Typed(d.scale() < 0 || d.scale() > Limits.MAX_DECIMAL_EXPONENT ? BigDecimal.ZERO : d);
        }
        long exponent = (long) d.precision() - d.scale() - 1; // of the leading digit: 1234.5 → 3
        if (Math.abs(exponent) > Limits.MAX_DECIMAL_EXPONENT) {
            return new Broken("range", v + " is " + (exponent > 0 ? "too large" : "too small") + ": a decimal's magnitude lies within 1e-"
                    + Limits.MAX_DECIMAL_EXPONENT + "..1e" + Limits.MAX_DECIMAL_EXPONENT + " (or is 0)");
        }
        return new Typed(d);
    }

    private static Outcome tooLong(String v) {
        return v.length() <= Limits.MAX_NUMBER_CHARS ? new Typed(v)
                : new Broken("type", "'" + excerpt(v) + "' has " + v.length() + " characters; a number may have at most "
                + Limits.MAX_NUMBER_CHARS);
    }

    /** A timestamp in the rule's format, written as ISO-8601 UTC. */
    private Outcome timestamp(String v) {
        try {
            Instant at = switch (rule.format()) {
                case "any" -> any(v);
                case "iso8601" -> OffsetDateTime.parse(v).toInstant();
                case "date" -> LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
                case "epochSeconds" -> Instant.ofEpochSecond(epoch(v));
                case "epochMillis" -> Instant.ofEpochMilli(epoch(v));
                default -> throw new IllegalStateException("a timestamp format is one of " + FieldRule.FORMATS + ", got " + rule.format());
            };
            return new Typed(at.toString());
        } catch (DateTimeException | ArithmeticException | NumberFormatException bad) {
            return new Broken("type", "'" + excerpt(v) + "' is not a timestamp" + (rule.format().equals("any") ? ""
                    : " in format " + rule.format()) + hint(rule.format()));
        }
    }

    private static String hint(String format) {
        return switch (format) {
            case "any" -> " (ISO-8601 with an offset, a yyyy-mm-dd date, or 10-digit epoch seconds / 13-digit milliseconds)";
            case "iso8601" -> " (such as 2026-03-01T10:00:00Z)";
            case "date" -> " (yyyy-mm-dd)";
            case "epochSeconds", "epochMillis" -> " (up to " + Limits.MAX_EPOCH_DIGITS + " digits)";
            default -> throw new IllegalStateException("a timestamp format is one of " + FieldRule.FORMATS + ", got " + format);
        };
    }

    private static long epoch(String v) {
        if (!EPOCH.matcher(v).matches()) {
            throw new NumberFormatException(v);
        }
        return Long.parseLong(v);
    }

    /** ISO-8601 instant or offset date-time, a date (UTC midnight), or epoch seconds (10 digits) / milliseconds (13). */
    private static Instant any(String v) {
        if (v.length() == 10 && asciiDigits(v)) {
            return Instant.ofEpochSecond(Long.parseLong(v));
        }
        if (v.length() == 13 && asciiDigits(v)) {
            return Instant.ofEpochMilli(Long.parseLong(v));
        }
        if (v.length() == 10) {
            return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(v).toInstant();
    }

    private static boolean asciiDigits(String v) {
        return v.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static String bound(Double b, String none) {
        return b == null ? none : BigDecimal.valueOf(b).stripTrailingZeros().toPlainString();
    }

    /** A value as a message shows it: at most 60 characters. */
    static String excerpt(String v) {
        return excerpt(v, 60);
    }

    /** At most {@code max} characters of a value, an ellipsis saying some were left out. */
    static String excerpt(String v, int max) {
        return v.length() <= max ? v : v.substring(0, max - 1) + "…";
    }
}
