package io.yakraft.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pipeline on the shipped samples and on small cases: every row is clean or a reject, with its rule. */
class PreprocessorTest {

    private static Report run(String raw, String spec, List<CleanRecord> clean, List<Reject> rejects) throws Exception {
        PipelineSpec s = PipelineSpec.read(spec, Files.readString(Path.of(spec)));
        return new Preprocessor(s).run(Path.of(raw), clean::add, rejects::add, n -> { });
    }

    @Test
    void theOrdersSampleGivesTheExpectedCounts() throws Exception {
        List<CleanRecord> clean = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        Report r = run("data/orders.csv", "data/orders.spec.json", clean, rejects);
        assertEquals(53, r.read());
        assertEquals(41, r.clean());
        assertEquals(r.read(), r.clean() + r.rejected(), "nothing silently dropped");
        assertEquals(Map.of("emptyRow", 2L, "duplicate", 3L, "type", 3L, "range", 2L, "enum", 1L, "required", 1L), r.byRule());
        assertEquals(Map.of("amount", Map.of("range", 2L), "createdAt", Map.of("type", 2L), "customer", Map.of("required", 1L),
                "orderId", Map.of("duplicate", 3L), "quantity", Map.of("type", 1L), "status", Map.of("enum", 1L)), r.byField(),
                "whole-row rejects (emptyRow) count by rule only");
        assertEquals(new java.math.BigDecimal("3239.83"), clean.get(0).value().get("amount"), "a decimal stays a number, digits kept");
        CleanRecord first = clean.get(0);
        assertEquals("1001", first.key());
        assertTrue(first.value().get("customer").toString().matches("[a-z]+"), "trimmed and lower-cased: " + first.value());
        CleanRecord defaulted = clean.stream().filter(c -> "2008".equals(c.key())).findFirst().orElseThrow();
        assertEquals(1L, defaulted.value().get("quantity"), "blank quantity takes its default");
        assertEquals("new", defaulted.value().get("status"));
        assertEquals("2026-01-01T00:00:00Z", defaulted.value().get("createdAt"), "epoch seconds become ISO-8601");
        Reject badDate = rejects.stream().filter(j -> j.value().equals("yesterday")).findFirst().orElseThrow();
        assertEquals("createdAt", badDate.field());
        assertEquals("type", badDate.rule());
    }

    @Test
    void theSensorsSampleGivesTheExpectedCounts() throws Exception {
        Report r = run("data/sensors.jsonl", "data/sensors.spec.json", new ArrayList<>(), new ArrayList<>());
        assertEquals(36, r.read());
        assertEquals(30, r.clean());
        assertEquals(Map.of("emptyRow", 1L, "type", 2L, "range", 1L, "required", 1L, "enum", 1L), r.byRule());
    }

    @Test
    void aJsonArrayAndKeyTemplatesWork(@TempDir Path dir) throws Exception {
        Path raw = dir.resolve("rows.json");
        Files.writeString(raw, "[{\"a\": \" x \", \"n\": \"5\"}, {\"a\": \"y\", \"n\": \"500\"}, {\"a\": \"z\", \"n\": \"1e2\"}]");
        PipelineSpec spec = PipelineSpec.read("s.json", "{\"fields\": {\"a\": {}, \"n\": {\"type\": \"integer\", \"max\": 100,"
                + " \"lenient\": true}}, \"key\": \"{a}-{n}\"}");
        List<CleanRecord> clean = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        Report r = new Preprocessor(spec).run(raw, clean::add, rejects::add, n -> { });
        assertEquals(3, r.read());
        assertEquals("x-5", clean.get(0).key());
        assertEquals("z-100", clean.get(1).key(), "leniently, 1e2 is the integer 100");
        assertEquals("range", rejects.get(0).rule());
        assertEquals(2, rejects.get(0).row());
    }

    @Test
    void aBadSpecNamesTheLineAndWhatIsWrong() {
        var e = assertThrows(PipelineSpec.SpecException.class,
                () -> PipelineSpec.read("bad.spec.json", "{\n  \"fields\": {\"n\": {\"type\": \"number\"}}\n}"));
        assertTrue(e.getMessage().startsWith("bad.spec.json:2:"), e.getMessage());
        assertTrue(e.getMessage().contains("'number' is not one of"), e.getMessage());
        var unknown = assertThrows(PipelineSpec.SpecException.class,
                () -> PipelineSpec.read("bad.spec.json", "{\"feilds\": {}}"));
        assertTrue(unknown.getMessage().contains("feilds"), unknown.getMessage());
    }

    @Test
    void brokenJsonLinesAreAnErrorWithTheLine(@TempDir Path dir) throws IOException {
        Path raw = dir.resolve("broken.jsonl");
        Files.writeString(raw, "{\"a\": 1}\n{\"a\": 2\n{\"a\": 3}\n");
        PipelineSpec spec = new PipelineSpec(null, null, null, null, null, null, null);
        var e = assertThrows(Preprocessor.UnreadableException.class,
                () -> new Preprocessor(spec).run(raw, c -> { }, j -> { }, n -> { }));
        assertTrue(e.getMessage().contains("broken.jsonl:") && e.getMessage().contains("row 2"), e.getMessage());
    }
}
