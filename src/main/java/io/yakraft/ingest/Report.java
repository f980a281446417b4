package io.yakraft.ingest;

import java.util.Map;

/** What preprocessing did: rows read, clean, rejected (clean + rejected = read), and rejects by rule. */
public record Report(long read, long clean, long rejected, Map<String, Long> byRule) {
    public Report {
        byRule = Map.copyOf(byRule);
    }
}
