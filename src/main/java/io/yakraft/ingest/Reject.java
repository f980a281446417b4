package io.yakraft.ingest;

/** A row that did not make it: its number (1 = first data row), the field and rule, the offending value. */
public record Reject(long row, String field, String rule, String value, String message) {
}
