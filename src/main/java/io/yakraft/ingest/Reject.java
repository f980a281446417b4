package io.yakraft.ingest;

/**
 * A row that did not make it: its number (1 = first data row), the field and rule, the offending
 * value (its first {@link #MAX_VALUE_CHARS} characters), and why.
 */
public record Reject(long row, String field, String rule, String value, String message) {
    /** The most of an offending value a reject carries: enough to see it, not a copy of a megabyte row. */
    public static final int MAX_VALUE_CHARS = 1000;
}
