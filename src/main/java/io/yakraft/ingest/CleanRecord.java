package io.yakraft.ingest;

import java.util.Map;

/** A record that passed the pipeline: its key (what the partitioner hashes) and its typed fields. */
public record CleanRecord(long row, String key, Map<String, Object> value) {
}
