package io.yakraft.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.yakraft.ingest.PipelineSpec;
import io.yakraft.ingest.PreprocessFiles;
import io.yakraft.ingest.Preprocessor;
import io.yakraft.ingest.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code preprocess}: clean, transform and validate a raw file into clean records and rejects, with a report. */
@Command(name = "preprocess", mixinStandardHelpOptions = true,
        description = "Clean, transform and validate a raw CSV / JSON Lines / JSON array file with a pipeline spec."
                + " Exit 0 on success (even with rejects), 2 on an unreadable file, an invalid spec, or an output that is"
                + " an input or the other output (nothing is written then).")
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
            spec = PipelineSpec.load(specFile);
        } catch (PipelineSpec.SpecException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if (!Files.exists(raw)) {
            System.err.println(raw + ": no such file");
            return 2;
        }
        if (Files.isDirectory(raw)) {
            System.err.println(raw + ": is a directory, not a data file");
            return 2;
        }
        Map<String, Path> inputs = new LinkedHashMap<>();
        inputs.put("the raw file", raw);
        inputs.put("the spec", specFile);
        Map<String, Path> outputs = new LinkedHashMap<>();
        outputs.put("--out", out);
        outputs.put("--rejects", rejectsFile);
        long start = System.nanoTime();
        Report report;
        try {
            PreprocessFiles.checkPaths(inputs, outputs);
            report = PreprocessFiles.run(new Preprocessor(spec), raw, out, rejectsFile, j -> { }, n -> {
                if (n % 100_000 == 0) {
                    System.err.printf("\rpreprocess: %,d rows read", n);
                }
            });
        } catch (IOException e) {
            // an output that would destroy a file, an unreadable input (a broken header, JSON broken at a line), I/O
            System.err.println(e.getMessage());
            return 2;
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("read", report.read());
            m.put("clean", report.clean());
            m.put("rejected", report.rejected());
            m.put("byRule", new TreeMap<>(report.byRule()));
            m.put("byField", new TreeMap<>(report.byField()));
            m.put("wallMs", ms);
            System.out.println(new ObjectMapper().writeValueAsString(m));
        } else {
            System.out.printf("read %,d, clean %,d, rejected %,d %s in %d ms%nclean records: %s%nrejects: %s%n", report.read(),
                    report.clean(), report.rejected(), new TreeMap<>(report.byRule()), ms, out, rejectsFile);
        }
        return 0;
    }
}
