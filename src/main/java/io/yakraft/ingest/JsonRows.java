package io.yakraft.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of a JSON Lines file (one object per line) or a JSON array of objects, parsed by Jackson.
 * Numbers keep their written digits (a decimal is read as BigDecimal, not rounded to a double);
 * a nested object or array becomes its JSON text. JSON broken at a line makes the file
 * unreadable, with the line: past a syntax error, the parser cannot tell where the next row starts.
 */
final class JsonRows implements RowSource {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final Path file;
    private final MappingIterator<Map<String, Object>> rows;
    private long position;
    private long count;

    JsonRows(Path file) throws IOException {
        this.file = file;
        this.rows = JSON.readerFor(Map.class).readValues(file.toFile());
    }

    @Override
    public Row next() throws IOException {
        Map<String, Object> raw;
        try {
            if (!rows.hasNextValue()) {
                return null;
            }
            raw = rows.nextValue();
        } catch (IOException | RuntimeJsonMappingException e) {
            JsonLocation loc = rows.getCurrentLocation();
            String why = SpecReader.withoutInternals(e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage());
            throw new Preprocessor.UnreadableException(file + ":" + (loc == null ? "?" : loc.getLineNr()) + ": cannot read row "
                    + (count + 1) + ": " + (why == null ? e.getClass().getSimpleName() : why.lines().findFirst().orElse("")), e);
        }
        count++;
        JsonLocation loc = rows.getCurrentLocation();
        if (loc != null) {
            position = Math.max(loc.getByteOffset(), loc.getCharOffset());
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            cells.put(e.getKey(), text(e.getValue()));
        }
        return new Row.Cells(loc == null ? count : loc.getLineNr(), cells);
    }

    private static String text(Object v) throws JsonProcessingException {
        if (v == null) {
            return null;
        }
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            return JSON.writeValueAsString(v);
        }
        return String.valueOf(v);
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
