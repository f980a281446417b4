package io.yakraft.ingest;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input against the whole file-to-files path: the orders sample mutated with random
 * bytes, truncations, deletions, quotes, separators, line breaks and huge numbers. Nothing
 * throws but a file that cannot be read at all (its header broken); the input is untouched;
 * nothing is written but the two outputs; every row read is exactly one clean record or one
 * reject with a known rule; no output line outgrows the row limit. Mutated specs are either
 * read or refused with a located message.
 */
class PreprocessFuzzTest {
    private static final byte[] ORDERS = read("data/orders.csv");
    private static final String ORDERS_SPEC = new String(read("data/orders.spec.json"), StandardCharsets.UTF_8);
    private static final Set<String> RULES = Set.of("emptyRow", "required", "type", "enum", "regex", "range", "duplicate",
            "malformed");
    private static final List<String> HOSTILE = List.of("\"", "\"\"", ",", "\n", "\r\n", "\r", "1e999999999", "1e2147483647",
            "-1e-2147483648", "9".repeat(300), "0e999999999", "1_0", "1.0", ",,,,,,,,", "\"a\nb\"", "\uFEFF", "\u0000", "é",
            "2026-02-30", "1767225600000", "\"x\"y", " ");

    private static byte[] read(String path) {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One change to the file: kind 0 inserts, 1 overwrites, 2 deletes up to 40 bytes, 3 truncates; at a fraction of its length. */
    record Mutation(int kind, double at, byte[] payload) {
        byte[] apply(byte[] in) {
            int pos = (int) Math.min(in.length, Math.floor(at * (in.length + 1)));
            return switch (kind) {
                case 0 -> concat(Arrays.copyOfRange(in, 0, pos), payload, Arrays.copyOfRange(in, pos, in.length));
                case 1 -> concat(Arrays.copyOfRange(in, 0, pos), payload,
                        Arrays.copyOfRange(in, Math.min(in.length, pos + payload.length), in.length));
                case 2 -> concat(Arrays.copyOfRange(in, 0, pos), new byte[0],
                        Arrays.copyOfRange(in, Math.min(in.length, pos + 1 + payload.length % 40), in.length));
                case 3 -> Arrays.copyOfRange(in, 0, pos);
                default -> throw new IllegalStateException("mutation kinds are 0..3, got " + kind);
            };
        }

        private static byte[] concat(byte[] a, byte[] b, byte[] c) {
            byte[] out = new byte[a.length + b.length + c.length];
            System.arraycopy(a, 0, out, 0, a.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            System.arraycopy(c, 0, out, a.length + b.length, c.length);
            return out;
        }

        @Override
        public String toString() {
            return "Mutation[" + kind + " at " + at + ": " + new String(payload, StandardCharsets.ISO_8859_1) + "]";
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<byte[]> payload = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(24),
                Arbitraries.of(HOSTILE).map(s -> s.getBytes(StandardCharsets.UTF_8)));
        // the header is mutated one time in forty only: a broken header is a refusal, and the rows are the point
        Arbitrary<Double> at = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.doubles().between(0, 0.02)),
                net.jqwik.api.Tuple.of(39, Arbitraries.doubles().between(0.02, 1)));
        Arbitrary<Integer> kind = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(6, 0), net.jqwik.api.Tuple.of(4, 1), net.jqwik.api.Tuple.of(2, 2), net.jqwik.api.Tuple.of(1, 3));
        return Combinators.combine(kind, at, payload).as(Mutation::new).list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<String> spec() {
        return Arbitraries.of(ORDERS_SPEC, ORDERS_SPEC.replace("\"trim\": true", "\"trim\": false"),
                ORDERS_SPEC.replace("\"integer\", \"required\": true, \"min\": 1", "\"integer\", \"lenient\": true, \"min\": 1"));
    }

    @Property
    void aMutatedCsvNeverHarmsAFileAndEveryRowIsAccountedFor(@ForAll("mutations") List<Mutation> mutations,
                                                             @ForAll("spec") String specText) throws Exception {
        byte[] csv = ORDERS;
        // truncations last, so that the other changes land in rows rather than all in a shortened file's header
        for (Mutation m : mutations.stream().sorted(Comparator.comparing(m -> m.kind() == 3)).toList()) {
            csv = m.apply(csv);
        }
        Path dir = Files.createTempDirectory("fuzz");
        try {
            Path raw = Files.write(dir.resolve("in.csv"), csv);
            Path spec = Files.writeString(dir.resolve("in.spec.json"), specText);
            Path out = dir.resolve("clean.jsonl");
            Path rejectsOut = dir.resolve("rejects.jsonl");
            PreprocessFiles.checkPaths(Map.of("the raw file", raw, "the spec", spec), Map.of("--out", out, "--rejects", rejectsOut));
            List<Reject> rejects = new ArrayList<>();
            Report report;
            try {
                report = PreprocessFiles.run(new Preprocessor(PipelineSpec.load(spec)), raw, out, rejectsOut, rejects::add, n -> { });
            } catch (Preprocessor.UnreadableException unreadable) {
                Statistics.label("outcome").collect("unreadable header");
                assertTrue(unreadable.getMessage().startsWith(raw + ":1:") || unreadable.getMessage().contains(": the header"),
                        unreadable.getMessage());
                assertEquals(List.of("in.csv", "in.spec.json"), names(dir), "a refused file leaves no output behind");
                assertArrayEquals(csv, Files.readAllBytes(raw));
                return;
            }
            assertArrayEquals(csv, Files.readAllBytes(raw), "the input is untouched");
            Statistics.label("outcome").collect(report.byRule().containsKey("malformed") ? "read, with malformed rows" : "read");
            assertEquals(List.of("clean.jsonl", "in.csv", "in.spec.json", "rejects.jsonl"), names(dir), "only the outputs are written");
            assertEquals(report.read(), report.clean() + report.rejected());
            List<String> cleanLines = Files.readAllLines(out);
            List<String> rejectLines = Files.readAllLines(rejectsOut);
            assertEquals(report.clean(), cleanLines.size());
            assertEquals(report.rejected(), rejectLines.size());
            assertEquals(report.rejected(), rejects.size());
            BitSet rejectedRows = new BitSet();
            for (Reject j : rejects) {
                assertTrue(RULES.contains(j.rule()), "a known rule: " + j);
                assertTrue(j.row() >= 1 && j.row() <= report.read() && !rejectedRows.get((int) j.row()), "one reject per row: " + j);
                rejectedRows.set((int) j.row());
            }
            assertEquals(report.byRule().values().stream().mapToLong(Long::longValue).sum(), report.rejected());
            for (String line : cleanLines) {
                assertTrue(line.length() <= 6L * Limits.MAX_ROW_BYTES + 1_000, "a clean line stays within the row limit");
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Property
    void aMutatedSpecIsReadOrRefusedWithItsPlace(@ForAll("mutations") List<Mutation> mutations) {
        byte[] text = ORDERS_SPEC.getBytes(StandardCharsets.UTF_8);
        for (Mutation m : mutations) {
            text = m.apply(text);
        }
        String json = new String(text, StandardCharsets.UTF_8);
        try {
            PipelineSpec spec = PipelineSpec.read("s.json", json);
            new Preprocessor(spec); // a spec that was read compiles: its regexes are checked
            Statistics.label("spec").collect("read");
        } catch (PipelineSpec.SpecException e) {
            Statistics.label("spec").collect("refused");
            assertTrue(e.getMessage().matches("(?s)s\\.json:\\d+:\\d+: .+"), e.getMessage());
            assertTrue(!e.getMessage().contains("Source:") && !e.getMessage().contains("io.yakraft"), e.getMessage());
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
