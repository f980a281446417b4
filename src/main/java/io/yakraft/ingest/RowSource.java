package io.yakraft.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Streams the rows of a raw file one at a time (bounded memory): CSV with a header row, JSON
 * Lines, or a JSON array, chosen by the file's extension.
 */
interface RowSource extends Closeable {
    /** The next row, or null at the end of the file. */
    Row next() throws IOException;

    /** Bytes of the file read so far, for progress bars. */
    long position();

    /**
     * @param trim whether unquoted CSV cells lose the blanks around them (a JSON string is taken
     *             as written; the pipeline trims values afterwards when its spec says so)
     */
    static RowSource open(Path file, boolean trim) throws IOException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return new CsvRows(file, trim);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return new JsonRows(file);
        }
        throw new Preprocessor.UnreadableException(file + ": unknown format (expected .csv, .jsonl, .ndjson or .json)", null);
    }
}
