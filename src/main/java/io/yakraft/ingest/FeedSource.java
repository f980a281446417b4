package io.yakraft.ingest;

import io.yakraft.data.FeedRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The feeder's input: a raw file run through its pipeline, its clean records turned into
 * records for a producer (the derived key, and the typed fields as one JSON value), with the
 * report and the first rejects to show before anything is sent. Synthetic records serve
 * lessons and benchmarks that need traffic but no file.
 */
public final class FeedSource {
    /** How many rejects a caller gets to show. */
    public static final int SAMPLE_REJECTS = 50;
    /** The most records kept for one feed: the simulation holds every record in memory. */
    public static final int MAX_RECORDS = 100_000;

    /** {@code records} holds at most {@link #MAX_RECORDS} of the report's clean records, in file order. */
    public record Prepared(Report report, List<FeedRecord> records, List<Reject> firstRejects) {
        public boolean capped() {
            return records.size() < report.clean();
        }
    }

    private FeedSource() {
    }

    /** How far a preparation got: rows read, and bytes of the file read (against its size, a progress bar). */
    public interface Progress {
        void at(long rows, long bytes);
    }

    /** Reads the spec and runs the pipeline over the raw file; the errors name the file and line. */
    public static Prepared prepare(Path raw, Path specFile, Progress progress) throws IOException, PipelineSpec.SpecException {
        PipelineSpec spec = PipelineSpec.load(specFile);
        List<FeedRecord> records = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        Preprocessor preprocessor = new Preprocessor(spec);
        Report report = preprocessor.run(raw, r -> {
            if (records.size() < MAX_RECORDS) {
                records.add(toFeedRecord(r));
            }
        }, j -> {
            if (rejects.size() < SAMPLE_REJECTS) {
                rejects.add(j);
            }
        }, rows -> progress.at(rows, preprocessor.bytesRead()));
        return new Prepared(report, List.copyOf(records), List.copyOf(rejects));
    }

    static FeedRecord toFeedRecord(CleanRecord r) {
        return new FeedRecord(r.key(), PreprocessFiles.json(r.value()));
    }

    /** {@code count} records with keys key-0 … key-(keys-1) in turn and values {"seq": i}. */
    public static List<FeedRecord> synthetic(int count, int keys) {
        if (count < 0 || keys < 1) {
            throw new IllegalArgumentException("count must be 0 or more and keys 1 or more, got " + count + " and " + keys);
        }
        List<FeedRecord> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(new FeedRecord("key-" + (i % keys), "{\"seq\":" + i + "}"));
        }
        return out;
    }
}
