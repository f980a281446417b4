package io.yakraft.ingest;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a {@link PipelineSpec} over a raw file, streaming: every row read ends up either clean
 * or rejected (with row, field, rule and value), never silently dropped. The first rule a row
 * breaks rejects it. Memory grows only with the deduplication keys.
 */
public final class Preprocessor {
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");
    private final PipelineSpec spec;
    private final Map<String, Pattern> regexes = new LinkedHashMap<>();
    private final Set<String> seen = new HashSet<>();
    /** How far into the input the parser got, for progress bars (updated with each progress call). */
    private volatile long bytesRead;

    public Preprocessor(PipelineSpec spec) {
        this.spec = spec;
        spec.fields().forEach((f, r) -> {
            if (r.regex() != null) {
                regexes.put(f, Pattern.compile(r.regex()));
            }
        });
    }

    /** Bytes (or characters) of the input parsed so far; Long.MAX_VALUE once done. */
    public long bytesRead() {
        return bytesRead;
    }

    /** A file that cannot be read to the end (I/O, or JSON broken at a line). */
    public static final class UnreadableException extends IOException {
        public UnreadableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public Report run(Path input, Consumer<CleanRecord> clean, Consumer<Reject> rejects, LongConsumer progress)
            throws IOException {
        long read = 0;
        long cleanCount = 0;
        Map<String, Long> byRule = new TreeMap<>();
        try (MappingIterator<Map<String, Object>> rows = RowSource.open(input)) {
            while (true) {
                Map<String, Object> raw;
                try {
                    if (!rows.hasNextValue()) {
                        break;
                    }
                    raw = rows.nextValue();
                } catch (IOException | RuntimeJsonMappingException e) {
                    var loc = rows.getCurrentLocation();
                    throw new UnreadableException(input + ":" + (loc == null ? "?" : loc.getLineNr()) + ": cannot read row "
                            + (read + 1) + ": " + e.getMessage().lines().findFirst().orElse(""), e);
                }
                read++;
                Object outcome = process(read, raw);
                if (outcome instanceof CleanRecord r) {
                    cleanCount++;
                    clean.accept(r);
                } else {
                    Reject j = (Reject) outcome;
                    byRule.merge(j.rule(), 1L, Long::sum);
                    rejects.accept(j);
                }
                if (read % 10_000 == 0) {
                    var loc = rows.getCurrentLocation();
                    bytesRead = loc == null ? bytesRead : Math.max(loc.getByteOffset(), loc.getCharOffset());
                    progress.accept(read);
                }
            }
        }
        bytesRead = Long.MAX_VALUE;
        progress.accept(read);
        return new Report(read, cleanCount, read - cleanCount, byRule);
    }

    /** One row: a {@link CleanRecord} or the {@link Reject} of the first rule it breaks. */
    Object process(long row, Map<String, Object> raw) {
        Map<String, String> r = new LinkedHashMap<>();
        boolean empty = true;
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            String v = e.getValue() == null ? null : String.valueOf(e.getValue());
            if (v != null && spec.trim()) {
                v = v.strip().replaceAll("\\s+", " ");
            }
            empty &= v == null || v.isEmpty();
            String name = spec.rename().getOrDefault(e.getKey().strip(), e.getKey().strip());
            r.put(name, v);
        }
        if (empty && spec.dropEmptyRows()) {
            return new Reject(row, "", "emptyRow", "", "every field is blank");
        }
        Map<String, Object> value = new LinkedHashMap<>();
        Iterable<String> names = spec.select() != null ? spec.select() : r.keySet();
        for (String n : names) {
            value.put(n, r.get(n));
        }
        for (Map.Entry<String, FieldRule> e : spec.fields().entrySet()) {
            String field = e.getKey();
            FieldRule rule = e.getValue();
            String v = r.get(field);
            if ((v == null || v.isEmpty()) && rule.defaultValue() != null) {
                v = rule.defaultValue();
            }
            if (v == null || v.isEmpty()) {
                if (rule.required()) {
                    return new Reject(row, field, "required", v == null ? "" : v, field + " is required");
                }
                value.put(field, null);
                continue;
            }
            Object typed;
            try {
                typed = parse(rule, v);
            } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException bad) {
                return new Reject(row, field, "type", v, "'" + v + "' is not a " + rule.type());
            }
            if (typed instanceof String s) {
                if (rule.lowercase()) {
                    s = s.toLowerCase(Locale.ROOT);
                    typed = s;
                }
                if (rule.allowed() != null && !rule.allowed().contains(s)) {
                    return new Reject(row, field, "enum", v, "'" + v + "' is not one of " + rule.allowed());
                }
                Pattern p = regexes.get(field);
                if (p != null && !p.matcher(s).matches()) {
                    return new Reject(row, field, "regex", v, "'" + v + "' does not match " + p.pattern());
                }
            }
            if (typed instanceof Number n) {
                double d = n.doubleValue();
                if ((rule.min() != null && d < rule.min()) || (rule.max() != null && d > rule.max())) {
                    return new Reject(row, field, "range", v, v + " is outside " + (rule.min() == null ? "-∞" : rule.min())
                            + ".." + (rule.max() == null ? "∞" : rule.max()));
                }
            }
            value.put(field, typed instanceof BigDecimal b ? b.toPlainString() : typed);
        }
        if (spec.dedupeOn() != null) {
            String k = String.valueOf(value.get(spec.dedupeOn()));
            if (!seen.add(k)) {
                return new Reject(row, spec.dedupeOn(), "duplicate", k, spec.dedupeOn() + " " + k + " was seen before");
            }
        }
        return new CleanRecord(row, key(value), value);
    }

    private String key(Map<String, Object> value) {
        if (spec.key() == null) {
            return null;
        }
        if (!spec.key().contains("{")) {
            return String.valueOf(value.get(spec.key()));
        }
        Matcher m = TEMPLATE.matcher(spec.key());
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(String.valueOf(value.get(m.group(1)))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Parses a value by type; throws when it is not one. */
    static Object parse(FieldRule rule, String v) {
        return switch (rule.type()) {
            case "integer" -> new BigDecimal(v.replace("_", "")).longValueExact();
            case "decimal" -> new BigDecimal(v);
            case "boolean" -> switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y", "1" -> true;
                case "false", "no", "n", "0" -> false;
                default -> throw new IllegalArgumentException(v);
            };
            case "timestamp" -> timestamp(v).toString();
            default -> v;
        };
    }

    /** ISO-8601 instant, offset date-time or date (UTC midnight), or epoch seconds (10 digits) / milliseconds (13). */
    static Instant timestamp(String v) {
        if (v.matches("\\d{10}")) {
            return Instant.ofEpochSecond(Long.parseLong(v));
        }
        if (v.matches("\\d{13}")) {
            return Instant.ofEpochMilli(Long.parseLong(v));
        }
        if (v.length() == 10) {
            return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(v).toInstant();
    }
}
