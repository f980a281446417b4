package io.yakraft.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import io.yakraft.ingest.PipelineSpec;
import io.yakraft.ingest.Preprocessor;
import io.yakraft.ingest.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code preprocess}: clean, transform and validate a raw file into clean records and rejects, with a report. */
@Command(name = "preprocess", mixinStandardHelpOptions = true,
        description = "Clean, transform and validate a raw CSV / JSON Lines / JSON array file with a pipeline spec."
                + " Exit 0 on success (even with rejects), 2 on an unreadable file or an invalid spec.")
public final class PreprocessCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RAW", description = "the raw file: .csv (with a header row), .jsonl/.ndjson, or .json (an array)")
    Path raw;

    @Option(names = "--spec", required = true, description = "the pipeline spec (JSON), e.g. data/orders.spec.json")
    Path specFile;

    @Option(names = "--out", required = true, description = "where the clean records go (JSON Lines: key, value)")
    Path out;

    @Option(names = "--rejects", required = true, description = "where the rejects go (JSON Lines: row, field, rule, value, message)")
    Path rejectsFile;

    @Option(names = "--json", description = "print the report as one JSON object")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PipelineSpec spec;
        try {
            spec = PipelineSpec.read(specFile.toString(), Files.readString(specFile, StandardCharsets.UTF_8));
        } catch (PipelineSpec.SpecException e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (NoSuchFileException e) {
            System.err.println(specFile + ": no such file");
            return 2;
        }
        ObjectMapper mapper = new ObjectMapper();
        long start = System.nanoTime();
        Report report;
        try (BufferedWriter cleanOut = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
             BufferedWriter rejectOut = Files.newBufferedWriter(rejectsFile, StandardCharsets.UTF_8);
             SequenceWriter clean = mapper.writer().withRootValueSeparator("\n").writeValues(cleanOut);
             SequenceWriter rejects = mapper.writer().withRootValueSeparator("\n").writeValues(rejectOut)) {
            report = new Preprocessor(spec).run(raw, r -> write(clean, Map.of("key", String.valueOf(r.key()), "value", r.value())),
                    j -> write(rejects, j), n -> {
                        if (n % 100_000 == 0) {
                            System.err.printf("\rpreprocess: %,d rows read", n);
                        }
                    });
            System.err.println();
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            System.err.println(raw + ": no such file");
            return 2;
        } catch (IOException e) {
            System.err.println(e.getMessage()); // unreadable: broken JSON at a line, unknown format, I/O
            return 2;
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("read", report.read());
            m.put("clean", report.clean());
            m.put("rejected", report.rejected());
            m.put("byRule", new java.util.TreeMap<>(report.byRule()));
            m.put("wallMs", ms);
            System.out.println(mapper.writeValueAsString(m));
        } else {
            System.out.printf("read %,d, clean %,d, rejected %,d %s in %d ms%nclean records: %s%nrejects: %s%n", report.read(),
                    report.clean(), report.rejected(), report.byRule(), ms, out, rejectsFile);
        }
        return 0;
    }

    private static void write(SequenceWriter w, Object value) {
        try {
            w.write(value);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
