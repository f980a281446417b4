package io.yakraft.ingest;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A preprocessing pipeline, read from a small JSON file: trim and normalise whitespace, drop
 * empty rows, rename and select fields, parse and validate each field ({@link FieldRule}),
 * deduplicate on a field and derive the record key. A spec read from a file is checked whole
 * before any row is read ({@link SpecReader}).
 */
public record PipelineSpec(Boolean trim, Boolean dropEmptyRows, Map<String, String> rename, List<String> select,
                           Map<String, FieldRule> fields, String dedupeOn, String key) {
    /** The largest spec file read: a spec is a few lines, not data. */
    public static final int MAX_SPEC_BYTES = 1 << 20;

    public PipelineSpec {
        trim = trim == null || trim;
        dropEmptyRows = dropEmptyRows == null || dropEmptyRows;
        rename = rename == null ? Map.of() : new LinkedHashMap<>(rename);
        select = select == null ? null : List.copyOf(select);
        fields = fields == null ? Map.of() : new LinkedHashMap<>(fields);
    }

    /** Reads a spec; the error names the file, line and column and what was wrong. */
    public static PipelineSpec read(String file, String json) throws SpecException {
        return SpecReader.read(file, json);
    }

    /** Reads a spec file; a missing, unreadable, oversized or non-UTF-8 file, or a directory, is a {@link SpecException} too. */
    public static PipelineSpec load(Path file) throws SpecException {
        try {
            if (Files.isDirectory(file)) {
                throw new SpecException(file + ": is a directory, not a spec file");
            }
            long size = Files.size(file);
            if (size > MAX_SPEC_BYTES) {
                throw new SpecException(file + ": " + size + " bytes; a spec has at most " + MAX_SPEC_BYTES + " (1 MiB)");
            }
            return read(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new SpecException(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new SpecException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new SpecException(file + ": cannot be read (" + e.getClass().getSimpleName().replace("Exception", "")
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    /** A spec that cannot be used. */
    public static final class SpecException extends Exception {
        public SpecException(String message) {
            super(message);
        }
    }
}
