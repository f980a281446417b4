package io.yakraft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code preprocess} never harms a file: outputs that are inputs are refused, outputs appear whole or not at all. */
class PreprocessCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;
    @TempDir
    Path dir;
    private Path raw;
    private Path spec;
    private byte[] rawBytes;

    @BeforeEach
    void setUp() throws Exception {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        raw = Files.copy(Path.of("data/orders.csv"), dir.resolve("orders.csv"));
        spec = Files.copy(Path.of("data/orders.spec.json"), dir.resolve("orders.spec.json"));
        rawBytes = Files.readAllBytes(raw);
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private int preprocess(Path in, Path clean, Path rejects, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("preprocess", in.toString(), "--spec", spec.toString(),
                "--out", clean.toString(), "--rejects", rejects.toString()));
        args.addAll(List.of(more));
        return Main.run(args.toArray(String[]::new));
    }

    private List<String> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anOutputThatIsTheInputIsRefusedAndTheInputKept() throws Exception {
        assertEquals(2, preprocess(raw, raw, dir.resolve("r.jsonl")));
        assertTrue(err.toString().contains("--out " + raw + " is the raw file"), err.toString());
        assertArrayEquals(rawBytes, Files.readAllBytes(raw), "the input is intact");
        assertEquals(2, preprocess(raw, dir.resolve("c.jsonl"), raw));
        assertTrue(err.toString().contains("--rejects " + raw + " is the raw file"), err.toString());
        assertArrayEquals(rawBytes, Files.readAllBytes(raw));
        assertEquals(2, preprocess(raw, spec, dir.resolve("r.jsonl")));
        assertTrue(err.toString().contains("is the spec"), err.toString());
        assertEquals(List.of("orders.csv", "orders.spec.json"), files(), "nothing was written");
    }

    @Test
    void theSameFileUnderAnotherNameIsRefusedToo() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Path dotted = sub.resolve("../orders.csv");
        assertEquals(2, preprocess(raw, dotted, dir.resolve("r.jsonl")));
        Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), raw);
        assertEquals(2, preprocess(raw, link, dir.resolve("r.jsonl")));
        Path hard = Files.createLink(dir.resolve("hard.jsonl"), raw);
        assertEquals(2, preprocess(raw, dir.resolve("c.jsonl"), hard));
        assertArrayEquals(rawBytes, Files.readAllBytes(raw));
    }

    @Test
    void bothOutputsOnOneFileAreRefused() throws Exception {
        Path same = dir.resolve("both.jsonl");
        assertEquals(2, preprocess(raw, same, same));
        assertTrue(err.toString().contains("--rejects " + same + " is --out"), err.toString());
        assertFalse(Files.exists(same));
    }

    @Test
    void aFailureLeavesTheOldOutputsAndNoTemporaryFile() throws Exception {
        Path clean = Files.writeString(dir.resolve("c.jsonl"), "old clean\n");
        Path rejects = Files.writeString(dir.resolve("r.jsonl"), "old rejects\n");
        Path broken = Files.writeString(dir.resolve("broken.jsonl"), "{\"orderId\": 1}\n".repeat(5) + "{\"orderId\": \n");
        assertEquals(2, preprocess(broken, clean, rejects));
        assertTrue(err.toString().contains("broken.jsonl:") && err.toString().contains("row 6"), err.toString());
        assertEquals("old clean\n", Files.readString(clean), "not truncated, not half-written");
        assertEquals("old rejects\n", Files.readString(rejects));
        assertEquals(List.of("broken.jsonl", "c.jsonl", "orders.csv", "orders.spec.json", "r.jsonl"), files());
    }

    @Test
    void cleanLinesEndWithANewlineAndDecimalsAreNumbers() throws Exception {
        Path clean = dir.resolve("c.jsonl");
        Path rejects = dir.resolve("r.jsonl");
        assertEquals(0, preprocess(raw, clean, rejects, "--json"), err.toString());
        String text = Files.readString(clean);
        assertTrue(text.endsWith("}\n"), "the last record ends its line");
        assertEquals(41, text.lines().count());
        assertTrue(Files.readString(rejects).endsWith("}\n"));
        JsonNode first = new ObjectMapper().readTree(text.lines().findFirst().orElseThrow());
        assertTrue(first.get("value").get("amount").isNumber(), first.toString());
        assertEquals("3239.83", first.get("value").get("amount").decimalValue().toPlainString());
        JsonNode report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals(2, report.get("byField").get("amount").get("range").asInt(), report.toString());
        assertEquals(3, report.get("byRule").get("type").asInt());
        assertEquals(List.of("c.jsonl", "orders.csv", "orders.spec.json", "r.jsonl"), files(), "no temporary file is left");
    }

    @Test
    void aSpecThatIsADirectoryOrNullRuledIsExitTwoWithItsPlace() throws Exception {
        Path clean = dir.resolve("c.jsonl");
        assertEquals(2, Main.run("preprocess", raw.toString(), "--spec", dir.toString(), "--out", clean.toString(),
                "--rejects", dir.resolve("r.jsonl").toString()));
        assertTrue(err.toString().contains(dir + ": is a directory, not a spec file"), err.toString());
        Files.writeString(spec, "{\n  \"fields\": {\"a\": null}\n}");
        err.reset();
        assertEquals(2, preprocess(raw, clean, dir.resolve("r.jsonl")));
        assertEquals(spec + ":2:19: fields.a is null; expected a rule such as {\"type\": \"integer\", \"required\": true}",
                err.toString().strip());
    }

    @Test
    void aHugeExponentIsARejectAndTheLineStaysShort() throws Exception {
        Path in = Files.writeString(dir.resolve("big.csv"), "Order ID,Customer,Amount,Created At\n"
                + "1,ann,1e999999999,2026-01-01\n2,bob,1e2147483647,2026-01-01\n3,cy,12.5,2026-01-01\n");
        Files.writeString(spec, "{\"rename\": {\"Order ID\": \"id\", \"Created At\": \"at\"}, \"fields\": {\"Amount\": "
                + "{\"type\": \"decimal\"}, \"at\": {\"type\": \"timestamp\", \"format\": \"date\"}}, \"key\": \"id\"}");
        Path clean = dir.resolve("c.jsonl");
        Path rejects = dir.resolve("r.jsonl");
        assertEquals(0, preprocess(in, clean, rejects, "--json"), err.toString());
        assertTrue(Files.size(clean) < 200, "one short clean line");
        assertEquals(2, Files.readString(rejects).lines().filter(l -> l.contains("\"rule\":\"range\"")).count());
    }
}
