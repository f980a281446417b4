package io.yakraft.ingest;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Streams the rows of a raw file as maps, one at a time (bounded memory): CSV with a header
 * row, JSON Lines, or a JSON array, chosen by the file's extension. Parsing is Jackson's.
 */
final class RowSource {
    private RowSource() {
    }

    @SuppressWarnings("unchecked")
    static MappingIterator<Map<String, Object>> open(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            CsvMapper csv = new CsvMapper();
            csv.enable(CsvParser.Feature.TRIM_SPACES);
            csv.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
            return csv.readerFor(Map.class).with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile());
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            // a root-level JSON array is unwrapped element by element; JSON Lines are read value by value
            return new ObjectMapper().readerFor(Map.class).readValues(file.toFile());
        }
        throw new IOException(file + ": unknown format (expected .csv, .jsonl, .ndjson or .json)");
    }
}
