package io.yakraft.ingest;

import java.util.Map;
import java.util.TreeMap;

/**
 * What preprocessing did: rows read, clean, rejected (clean + rejected = read), rejects by rule,
 * and by field then rule ({@code {"amount": {"range": 118}}}); a reject that concerns the whole
 * row ({@code emptyRow}, {@code malformed}) counts in {@code byRule} only.
 */
public record Report(long read, long clean, long rejected, Map<String, Long> byRule, Map<String, Map<String, Long>> byField) {
    public Report {
        byRule = Map.copyOf(byRule);
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        byField.forEach((field, rules) -> copy.put(field, Map.copyOf(rules)));
        byField = Map.copyOf(copy);
    }

    /** A report without per-field counts. */
    public Report(long read, long clean, long rejected, Map<String, Long> byRule) {
        this(read, clean, rejected, byRule, Map.of());
    }
}
