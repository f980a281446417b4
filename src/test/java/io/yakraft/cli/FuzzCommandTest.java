package io.yakraft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code fuzz} command as a user scripts it: the JSON contract, exit codes, the failure files that {@code run} replays. */
class FuzzCommandTest extends ConsoleCapture {
    @Test
    void kafkasProtocolPassesAndTheJsonHasTheContractedFields(@TempDir Path dir) throws Exception {
        int code = Main.run("fuzz", "--seeds", "3", "--minutes", "0.25", "--threads", "2", "--json", "--out",
                dir.resolve("f").toString());
        assertEquals(0, code, err.toString());
        JsonNode j = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        for (String field : new String[] {"seeds", "minutesEach", "wallMs", "failures", "histories", "operations",
                "nonLinearizable", "byRule"}) {
            assertTrue(j.has(field), field + " in " + j);
        }
        assertEquals(3, j.get("seeds").asLong());
        assertEquals(0.25, j.get("minutesEach").asDouble());
        assertEquals(0, j.get("failures").size());
        assertTrue(j.get("operations").asLong() > 0, "every seed's operation history is judged: " + j);
        assertTrue(j.get("histories").asLong() > 0, j.toString());
        assertEquals(0, j.get("nonLinearizable").asLong(), j.toString());
        assertFalse(Files.exists(dir.resolve("f")), "no failure, no file");
    }

    @Test
    void aBrokenVariantFailsExitsOneAndItsFileReplaysTheViolation(@TempDir Path dir) throws Exception {
        int code = Main.run("fuzz", "--variant", "hw-without-majority", "--seeds", "1", "--minutes", "0.25", "--json",
                "--out", dir.toString());
        assertEquals(1, code, err.toString());
        JsonNode f = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("failures").get(0);
        assertEquals("MajorityReachedHighWatermark", f.get("rule").asText());
        Path file = Path.of(f.get("scenario").asText());
        assertEquals(dir.resolve("seed-1.json"), file);
        out.reset();
        assertEquals(1, Main.run("run", file.toString(), "--json"), "run reproduces the failure");
        JsonNode run = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertTrue(run.toString().contains("MajorityReachedHighWatermark broken at event " + f.get("event").asLong()), run.toString());
    }

    @Test
    void anUnknownVariantIsABadArgument() {
        assertEquals(2, Main.run("fuzz", "--variant", "nope", "--seeds", "1"));
        assertTrue(err.toString().contains("vote-without-log-check"), err.toString());
    }
}
