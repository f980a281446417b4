package io.yakraft.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * How one field is parsed and checked: its type (string, integer, decimal, boolean,
 * timestamp), whether it is required, a default for blanks, a range for numbers, a regular
 * expression and an enumeration for strings, and lower-casing.
 */
public record FieldRule(@JsonProperty("type") String type, @JsonProperty("required") boolean required,
                        @JsonProperty("default") String defaultValue, @JsonProperty("min") Double min,
                        @JsonProperty("max") Double max, @JsonProperty("regex") String regex,
                        @JsonProperty("enum") List<String> allowed, @JsonProperty("lowercase") boolean lowercase) {
    public FieldRule {
        type = type == null ? "string" : type;
        if (!List.of("string", "integer", "decimal", "boolean", "timestamp").contains(type)) {
            throw new IllegalArgumentException("type '" + type + "' is not one of string, integer, decimal, boolean, timestamp");
        }
        allowed = allowed == null ? null : List.copyOf(allowed);
    }
}
