package io.yakraft.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A feed's input: hostile cells become rejects before anything reaches the simulation. */
class FeedSourceTest {

    @Test
    void hugeNumbersInCsvOrJsonAreRejectsNotExceptions(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("s.json"), "{\"fields\": {\"id\": {\"type\": \"integer\"},"
                + " \"amount\": {\"type\": \"decimal\"}}, \"key\": \"id\"}");
        Path csv = Files.writeString(dir.resolve("in.csv"), "id,amount\n1,1e2147483647\n2,1e999999999\n3,2.50\n");
        FeedSource.Prepared fromCsv = FeedSource.prepare(csv, spec, (rows, bytes) -> { });
        assertEquals(Map.of("range", 2L), fromCsv.report().byRule());
        assertEquals("{\"id\":3,\"amount\":2.50}", fromCsv.records().get(0).value(), "a decimal travels as a JSON number");
        Path jsonl = Files.writeString(dir.resolve("in.jsonl"), "{\"id\": 1, \"amount\": 1e2147483647}\n"
                + "{\"id\": 2, \"amount\": \"1e999999999\"}\n{\"id\": 3, \"amount\": 2.50}\n{\"id\": 4.0, \"amount\": 1}\n");
        FeedSource.Prepared fromJson = FeedSource.prepare(jsonl, spec, (rows, bytes) -> { });
        assertEquals(Map.of("range", 2L, "type", 1L), fromJson.report().byRule(), "4.0 is not a strict integer");
        assertEquals("{\"id\":3,\"amount\":2.50}", fromJson.records().get(0).value());
    }

    @Test
    void aSpecThatIsADirectoryIsASpecError(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("in.csv"), "id\n1\n");
        var e = assertThrows(PipelineSpec.SpecException.class, () -> FeedSource.prepare(csv, dir, (rows, bytes) -> { }));
        assertTrue(e.getMessage().endsWith("is a directory, not a spec file"), e.getMessage());
    }
}
