package io.yakraft.session;

import io.yakraft.scenario.ScenarioReader;
import io.yakraft.scenario.ScenarioRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A session paced as the window paces it (uneven wall-clock ticks × speed, actions arriving
 * between ticks), saved as a scenario, replays headless to the same trace hash.
 */
class SessionRecordingTest {
    /** Wall-clock tick lengths as a loaded machine gives them, in milliseconds. */
    private static final double[] TICKS = {16.6, 17.1, 33.4, 15.9, 16.0, 49.8, 16.7};

    private static void tick(LiveSession live, int ticks) {
        for (int i = 0; i < ticks; i++) {
            live.tick(TICKS[i % TICKS.length]);
        }
    }

    @Test
    void aRecordedSessionReplaysToTheSameTraceHash(@TempDir Path dir) throws Exception {
        LiveSession live = new LiveSession(Session.defaultConfig(42, 3, 2), 10, false);
        tick(live, 36);
        live.perform(Act.of("kill", "node", "leader"));
        tick(live, 30);
        live.perform(Act.of("network", "loss", 0.05));
        tick(live, 24);
        live.perform(Act.of("createTopic", "name", "orders", "partitions", 2, "rf", 2));
        live.perform(Act.of("restart", "node", "n1"));
        tick(live, 30);
        live.perform(Act.of("cut", "from", "n2", "to", "leader", "oneWay", true));
        tick(live, 18);
        live.perform(Act.of("heal"));
        tick(live, 18);
        live.setPaused(true);
        tick(live, 6);
        assertTrue(live.latest().snapshot().now() > 10_000, "the session ran for a while: " + live.latest().snapshot().now());

        Path file = dir.resolve("session.json");
        CompletableFuture<String> saved = new CompletableFuture<>();
        live.saveRecording(file, saved::complete);
        CompletableFuture<String> hash = live.query(Session::traceSha256);
        live.runPending();
        assertNull(saved.getNow("not saved"), "saved without error");

        String json = Files.readString(file);
        assertTrue(json.contains("\"action\" : \"kill\"") && json.contains("\"node\" : \"leader\""), json);
        ScenarioRun replay = ScenarioRun.play(ScenarioReader.read(file.toString(), json));
        assertTrue(replay.passed(), replay.reports().toString());
        assertEquals(hash.getNow("no hash"), replay.traceSha256(), "the replay's trace equals the live session's");
    }
}
