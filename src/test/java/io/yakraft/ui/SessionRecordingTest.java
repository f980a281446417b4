package io.yakraft.ui;

import io.yakraft.scenario.ScenarioReader;
import io.yakraft.scenario.ScenarioRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A session driven live (at wall-clock pace) and saved as a scenario replays headless to the same trace hash. */
class SessionRecordingTest {

    @Test
    void aRecordedSessionReplaysToTheSameTraceHash(@TempDir Path dir) throws Exception {
        SimulationDriver driver = new SimulationDriver(SimulationDriver.defaultConfig(42, 3, 2), 10, false);
        try {
            Thread.sleep(600);
            driver.perform(Steps.of("kill", "node", "leader"));
            Thread.sleep(500);
            driver.perform(Steps.of("network", "loss", 0.05));
            Thread.sleep(400);
            driver.perform(Steps.of("createTopic", "name", "orders", "partitions", 2, "rf", 2));
            driver.perform(Steps.of("restart", "node", "n1"));
            Thread.sleep(500);
            driver.perform(Steps.of("cut", "from", "n2", "to", "leader", "oneWay", true));
            Thread.sleep(300);
            driver.perform(Steps.of("heal"));
            Thread.sleep(300);
            driver.setPaused(true);
            Thread.sleep(100);
            Path file = dir.resolve("session.json");
            CompletableFuture<String> saved = new CompletableFuture<>();
            driver.saveRecording(file, saved::complete);
            assertNull(saved.get(5, TimeUnit.SECONDS), "saved without error");
            CompletableFuture<String> live = new CompletableFuture<>();
            driver.traceSha256(live::complete);

            String json = Files.readString(file);
            assertTrue(json.contains("\"action\" : \"kill\"") && json.contains("\"node\" : \"leader\""), json);
            ScenarioRun replay = ScenarioRun.play(ScenarioReader.read(file.toString(), json));
            assertTrue(replay.passed(), replay.reports().toString());
            assertEquals(live.get(5, TimeUnit.SECONDS), replay.traceSha256(), "the replay's trace equals the live session's");
        } finally {
            driver.close();
        }
    }
}
