package io.yakraft.ingest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Preprocessing from file to files without harming any of them: an output may be neither an
 * input nor the other output (compared as the files they really are: symbolic links followed,
 * hard links found), and each output is written to a temporary file beside it and moved into
 * place only when the whole input has been read, so a failure leaves every file as it was.
 * Both outputs are JSON Lines, each line ending with a newline.
 */
public final class PreprocessFiles {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private PreprocessFiles() {
    }

    /** Outputs that would overwrite an input or each other, or that cannot be written where asked. */
    public static final class OutputConflictException extends IOException {
        public OutputConflictException(String message) {
            super(message);
        }
    }

    /**
     * Refuses outputs that are an input or each other, a directory, or in a directory that does not exist.
     * @param inputs what is read, by the role named in the message (such as "the raw file")
     * @param outputs what is written, by option name (such as "--out")
     */
    public static void checkPaths(Map<String, Path> inputs, Map<String, Path> outputs) throws OutputConflictException {
        Map<String, Path> seen = new LinkedHashMap<>(inputs);
        for (Map.Entry<String, Path> o : outputs.entrySet()) {
            Path out = o.getValue();
            if (Files.isDirectory(out)) {
                throw new OutputConflictException(o.getKey() + " " + out + " is a directory; name a file");
            }
            Path parent = out.toAbsolutePath().getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw new OutputConflictException(o.getKey() + " " + out + ": the directory " + parent + " does not exist");
            }
            for (Map.Entry<String, Path> other : seen.entrySet()) {
                if (same(out, other.getValue())) {
                    throw new OutputConflictException(o.getKey() + " " + out + " is " + other.getKey() + " (" + other.getValue()
                            + "); writing it would destroy " + (inputs.containsKey(other.getKey()) ? "the input" : "the other output")
                            + ", so nothing was written: name another file");
                }
            }
            seen.put(o.getKey(), out);
        }
    }

    /** Whether two paths name one file: the same real path, or (both existing) the same file through another link. */
    static boolean same(Path a, Path b) {
        try {
            if (real(a).equals(real(b))) {
                return true;
            }
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException unreadable) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    /** The file a path really names, existing or not: links in it (and in its directory) followed. */
    static Path real(Path p) throws IOException {
        if (Files.exists(p)) {
            return p.toRealPath();
        }
        Path abs = p.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        return parent != null && Files.exists(parent) ? parent.toRealPath().resolve(abs.getFileName()) : abs;
    }

    /**
     * Runs the preprocessor over {@code raw} into {@code out} (one {"key", "value"} per line) and
     * {@code rejectsOut} (one reject per line); call {@link #checkPaths} first. Each reject is also
     * handed to {@code onReject}. Either both outputs are complete or neither was touched.
     */
    public static Report run(Preprocessor preprocessor, Path raw, Path out, Path rejectsOut, Consumer<Reject> onReject,
                             LongConsumer progress) throws IOException {
        Path cleanTarget = real(out);
        Path rejectsTarget = real(rejectsOut);
        Path cleanTemp = temporaryBeside(cleanTarget);
        Path rejectsTemp = null;
        boolean moved = false;
        try {
            rejectsTemp = temporaryBeside(rejectsTarget);
            Report report;
            try (Writer clean = Files.newBufferedWriter(cleanTemp, StandardCharsets.UTF_8);
                 Writer rejects = Files.newBufferedWriter(rejectsTemp, StandardCharsets.UTF_8)) {
                report = preprocessor.run(raw, r -> line(clean, cleanLine(r)), j -> {
                    line(rejects, j);
                    onReject.accept(j);
                }, progress);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            moveIntoPlace(cleanTemp, cleanTarget);
            moveIntoPlace(rejectsTemp, rejectsTarget);
            moved = true;
            return report;
        } finally {
            if (!moved) {
                Files.deleteIfExists(cleanTemp);
                if (rejectsTemp != null) {
                    Files.deleteIfExists(rejectsTemp);
                }
            }
        }
    }

    /** A clean record as its output line's object: the key (null when the spec derives none) and the typed fields. */
    public static Map<String, Object> cleanLine(CleanRecord r) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("key", r.key());
        line.put("value", r.value());
        return line;
    }

    /** A value as JSON text, decimals as plain JSON numbers (within {@link Limits}, so never long). */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("a clean record or reject is plain JSON values", e);
        }
    }

    private static void line(Writer w, Object value) {
        try {
            w.write(json(value));
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryBeside(Path target) throws IOException {
        Path dir = target.getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            // a temporary file is private (0600); the output gets what the file it replaces had, or rw-r--r--
            Files.setPosixFilePermissions(temp, Files.exists(target) ? Files.getPosixFilePermissions(target)
                    : PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // the platform's default permissions stand
        }
        return temp;
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (FileSystemException e) {
            throw new IOException(target + ": cannot be replaced (" + e.getReason() + ")", e);
        }
    }
}
