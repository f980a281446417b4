package io.yakraft.scenario;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checks on the data plane (fed, replicasInSync) pass and fail when they should, and say why in words. */
class FeedChecksTest {

    private static List<StepReport> play(String steps) throws ScenarioException {
        String json = "{\"name\": \"t\", \"cluster\": {\"controllers\": 3, \"brokers\": 3, \"seed\": 42}, \"steps\": [\n"
                + "{\"waitFor\": {\"check\": \"brokerUnfenced\", \"broker\": \"b101\"}, \"timeout\": \"10s\"},\n"
                + "{\"waitFor\": {\"check\": \"brokerUnfenced\", \"broker\": \"b102\"}, \"timeout\": \"10s\"},\n"
                + "{\"waitFor\": {\"check\": \"brokerUnfenced\", \"broker\": \"b103\"}, \"timeout\": \"10s\"},\n"
                + "{\"action\": \"createTopic\", \"name\": \"t\", \"partitions\": 3, \"rf\": 3},\n"
                + "{\"waitFor\": {\"check\": \"topicOnAllNodes\", \"topic\": \"t\"}, \"timeout\": \"5s\"},\n"
                + steps + "]}";
        return ScenarioRun.play(ScenarioReader.read("checks.json", json)).reports();
    }

    /** The report of the n-th step of the scenario (1-based, counting the five set-up steps). */
    private static StepReport step(List<StepReport> reports, int n) {
        return reports.stream().filter(r -> r.step() == n).reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no step " + n));
    }

    @Test
    void fedCountsTheLatestFeedOrTheOneNamed() throws ScenarioException {
        List<StepReport> r = play("""
                {"action": "expect", "check": "fed", "acked": 0},
                {"action": "feed", "topic": "t", "count": 40, "rate": 0},
                {"waitFor": {"check": "fed", "acked": 40}, "timeout": "10s"},
                {"action": "expect", "check": "fed", "acked": 40, "failed": 0},
                {"action": "expect", "check": "fed", "acked": 41},
                {"action": "expect", "check": "fed", "acked": 1, "feed": 2},
                {"action": "feed", "topic": "t", "count": 5, "rate": 0, "acks": "0"},
                {"after": "1s", "action": "expect", "check": "fed", "acked": 1},
                {"action": "expect", "check": "fed", "acked": 40, "feed": 1}
                """);
        StepReport none = step(r, 6);
        assertFalse(none.passed());
        assertEquals("no feed has started", none.message());
        assertTrue(step(r, 8).passed(), step(r, 8).message());
        StepReport all = step(r, 9);
        assertTrue(all.passed());
        assertEquals("feed 1: 40 of 40 acknowledged, 0 failed, 0 retries", all.message());
        StepReport tooMany = step(r, 10);
        assertFalse(tooMany.passed());
        assertTrue(tooMany.message().startsWith("feed 1: 40 of 40 acknowledged, 0 failed, 0 retries; expected at least 41"),
                tooMany.message());
        assertFalse(step(r, 11).passed());
        assertEquals("no feed 2 (feeds 1 to 1)", step(r, 11).message());
        StepReport latest = step(r, 13);
        assertFalse(latest.passed(), "acks=0 gets no acknowledgement: " + latest.message());
        assertTrue(latest.message().startsWith("feed 2: 0 of 5 acknowledged, 0 failed, 0 retries, 5 sent without an answer"),
                latest.message());
        assertTrue(step(r, 14).passed(), step(r, 14).message());
    }

    @Test
    void fedFailsWhenMoreRecordsFailedThanAllowed() throws ScenarioException {
        // the topic does not exist: every record waits for it in the producer's metadata until delivery.timeout.ms
        List<StepReport> r = play("""
                {"action": "feed", "topic": "missing", "count": 3, "rate": 0},
                {"after": "121s", "action": "expect", "check": "fed", "acked": 0, "failed": 2},
                {"action": "expect", "check": "fed", "acked": 0, "failed": 3}
                """);
        StepReport tooManyFailed = step(r, 7);
        assertFalse(tooManyFailed.passed());
        assertTrue(tooManyFailed.message().startsWith("feed 1: 0 of 3 acknowledged, 3 failed, 0 retries; expected at least 0"
                + " acknowledged and at most 2 failed; last error: "), tooManyFailed.message());
        assertTrue(step(r, 8).passed(), step(r, 8).message());
    }

    @Test
    void replicasInSyncNamesTheFirstReplicaBehind() throws ScenarioException {
        List<StepReport> r = play("""
                {"action": "feed", "topic": "t", "count": 30, "rate": 0},
                {"waitFor": {"check": "replicasInSync", "topic": "t"}, "timeout": "10s"},
                {"action": "expect", "check": "replicasInSync", "topic": "t"},
                {"action": "pause", "node": "b103"},
                {"action": "feed", "topic": "t", "count": 30, "rate": 0, "via": "b101"},
                {"after": "500ms", "action": "expect", "check": "replicasInSync", "topic": "t"},
                {"action": "expect", "check": "replicasInSync", "topic": "nothing"},
                {"action": "kill", "node": "leader of t-7"}
                """);
        assertTrue(step(r, 8).passed(), step(r, 8).message());
        assertTrue(step(r, 8).message().startsWith("every live ISR replica matches its leader"), step(r, 8).message());
        StepReport behind = step(r, 11);
        assertFalse(behind.passed());
        assertTrue(behind.message().matches("t-\\d: b103 is behind leader b10\\d \\(log end \\d+, high watermark \\d+; leader's \\d+, \\d+\\)"),
                behind.message());
        assertFalse(step(r, 12).passed());
        assertEquals("no topic nothing in the leader's image", step(r, 12).message());
        assertTrue(step(r, 13).message().contains("nobody holds that role"), step(r, 13).message());
    }
}
