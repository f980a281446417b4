package io.yakraft.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * breaks rejects it. Memory grows only with the deduplication keys. Bad content never throws:
 * only a file that cannot be read at all does ({@link UnreadableException}).
 */
public final class Preprocessor {
    static final Pattern TEMPLATE = Pattern.compile("\\{([^{}]+)}");
    private final PipelineSpec spec;
    private final Map<String, FieldCheck> checks = new LinkedHashMap<>();
    private final Set<String> seen = new HashSet<>();
    /** How far into the input the parser got, for progress bars (updated with each progress call). */
    private volatile long bytesRead;

    /** @throws java.util.regex.PatternSyntaxException when a rule's regex is not one (a spec read from a file has none) */
    public Preprocessor(PipelineSpec spec) {
        this.spec = spec;
        spec.fields().forEach((f, r) -> checks.put(f, new FieldCheck(r)));
    }

    /** Bytes of the input parsed so far; Long.MAX_VALUE once done. */
    public long bytesRead() {
        return bytesRead;
    }

    /** A file that cannot be read to the end (I/O, a broken CSV header, or JSON broken at a line). */
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
        Map<String, Map<String, Long>> byField = new TreeMap<>();
        try (RowSource rows = RowSource.open(input, spec.trim())) {
            for (Row row = rows.next(); row != null; row = rows.next()) {
                read++;
                Object outcome;
                if (row instanceof Row.Cells c) {
                    outcome = process(read, c.cells());
                } else if (row instanceof Row.Malformed m) {
                    outcome = new Reject(read, "", "malformed", m.text(), m.why());
                } else {
                    throw new IllegalStateException("a row is cells or malformed, got " + row);
                }
                if (outcome instanceof CleanRecord r) {
                    cleanCount++;
                    clean.accept(r);
                } else {
                    Reject j = (Reject) outcome;
                    byRule.merge(j.rule(), 1L, Long::sum);
                    if (!j.field().isEmpty()) {
                        byField.computeIfAbsent(j.field(), f -> new TreeMap<>()).merge(j.rule(), 1L, Long::sum);
                    }
                    rejects.accept(j);
                }
                if (read % 10_000 == 0) {
                    bytesRead = rows.position();
                    progress.accept(read);
                }
            }
        }
        bytesRead = Long.MAX_VALUE;
        progress.accept(read);
        return new Report(read, cleanCount, read - cleanCount, byRule, byField);
    }

    /** One row: a {@link CleanRecord} or the {@link Reject} of the first rule it breaks. */
    Object process(long row, Map<String, ?> raw) {
        Map<String, String> r = new LinkedHashMap<>();
        boolean empty = true;
        for (Map.Entry<String, ?> e : raw.entrySet()) {
            String v = e.getValue() == null ? null : String.valueOf(e.getValue());
            if (v != null && spec.trim()) {
                v = v.strip().replaceAll("\\s+", " ");
            }
            empty &= v == null || v.isBlank();
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
            if ((v == null || v.isBlank()) && rule.defaultValue() != null) {
                v = rule.defaultValue();
            }
            if (v == null || v.isBlank()) {
                if (rule.required()) {
                    return new Reject(row, field, "required", v == null ? "" : v, field + " is required");
                }
                value.put(field, null);
                continue;
            }
            FieldCheck.Outcome checked = checks.get(field).check(v);
            if (checked instanceof FieldCheck.Broken b) {
                return new Reject(row, field, b.rule(), FieldCheck.excerpt(v, Reject.MAX_VALUE_CHARS), b.message());
            } else if (checked instanceof FieldCheck.Typed t) {
                value.put(field, t.value());
            } else {
                throw new IllegalStateException("a check gives a typed value or a broken rule, got " + checked);
            }
        }
        if (spec.dedupeOn() != null) {
            String k = String.valueOf(value.get(spec.dedupeOn()));
            if (!seen.add(k)) {
                return new Reject(row, spec.dedupeOn(), "duplicate", FieldCheck.excerpt(k, Reject.MAX_VALUE_CHARS),
                        spec.dedupeOn() + " " + FieldCheck.excerpt(k) + " was seen before");
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
}
