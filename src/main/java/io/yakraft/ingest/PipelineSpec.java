package io.yakraft.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A preprocessing pipeline, read from a small JSON file: trim and normalise whitespace, drop
 * empty rows, rename and select fields, parse and validate each field ({@link FieldRule}),
 * deduplicate on a field and derive the record key. Unknown fields are errors.
 */
public record PipelineSpec(@JsonProperty("trim") Boolean trim, @JsonProperty("dropEmptyRows") Boolean dropEmptyRows,
                           @JsonProperty("rename") Map<String, String> rename, @JsonProperty("select") List<String> select,
                           @JsonProperty("fields") Map<String, FieldRule> fields, @JsonProperty("dedupeOn") String dedupeOn,
                           @JsonProperty("key") String key) {
    public PipelineSpec {
        trim = trim == null || trim;
        dropEmptyRows = dropEmptyRows == null || dropEmptyRows;
        rename = rename == null ? Map.of() : new LinkedHashMap<>(rename);
        select = select == null ? null : List.copyOf(select);
        fields = fields == null ? Map.of() : new LinkedHashMap<>(fields);
    }

    /** Reads a spec; the error names the file, line and column and what was wrong. */
    public static PipelineSpec read(String file, String json) throws SpecException {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            PipelineSpec spec = mapper.readValue(json, PipelineSpec.class);
            if (spec == null) {
                throw new SpecException(file + ":1:1: the spec is empty");
            }
            return spec;
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            long column = e.getLocation() == null ? 1 : e.getLocation().getColumnNr();
            String why = e.getCause() instanceof IllegalArgumentException bad ? bad.getMessage() : e.getOriginalMessage();
            throw new SpecException(file + ":" + line + ":" + column + ": " + why.replaceAll("\\s*\\(class [^)]*\\)", ""));
        }
    }

    /** A spec that cannot be used. */
    public static final class SpecException extends Exception {
        public SpecException(String message) {
            super(message);
        }
    }
}
