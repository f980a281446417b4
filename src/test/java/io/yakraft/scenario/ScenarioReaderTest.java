package io.yakraft.scenario;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bad scenario file is refused with the file, line, column and what was expected. */
class ScenarioReaderTest {

    private static String problem(String json) {
        return assertThrows(ScenarioException.class, () -> ScenarioReader.read("bad.json", json)).getMessage();
    }

    private static String scenario(String steps) {
        return "{\n  \"name\": \"t\",\n  \"cluster\": {\"controllers\": 3},\n  \"steps\": [\n" + steps + "\n  ]\n}";
    }

    @Test
    void aGoodFileReadsWithItsSteps() throws ScenarioException {
        Scenario s = ScenarioReader.read("ok.json", scenario("""
                    {"waitFor": "leaderElected", "timeout": "5s"},
                    {"after": "500ms", "action": "kill", "node": "leader"},
                    {"at": "10s", "action": "expect", "check": "epochAtLeast", "value": 2}"""));
        assertEquals(3, s.steps().size());
        assertEquals(5_000, s.steps().get(0).timeoutMs());
        assertEquals(500, s.steps().get(1).afterMs());
        assertEquals(10_000, s.steps().get(2).atMs());
        assertEquals(6, s.steps().get(1).line(), "steps know where they are in the file");
    }

    @Test
    void anUnknownActionIsNamedWithItsLine() {
        String m = problem(scenario("""
                    {"action": "caption", "text": "hi"},
                    {"action": "explode", "node": "n1"}"""));
        assertTrue(m.startsWith("bad.json:6:"), m);
        assertTrue(m.contains("unknown action 'explode'") && m.contains("kill"), m);
    }

    @Test
    void anUnknownFieldIsAnErrorNotIgnored() {
        String m = problem(scenario("    {\"action\": \"kill\", \"nod\": \"n1\"}"));
        assertTrue(m.contains("unknown field 'nod'") && m.contains("node"), m);
        String top = problem("{\"name\": \"t\", \"cluster\": {}, \"steps\": [{\"waitFor\": \"leaderElected\"}], \"extra\": 1}");
        assertTrue(top.contains("unknown field 'extra'"), top);
    }

    @Test
    void missingAndMistypedArgumentsSayWhatWasExpected() {
        assertTrue(problem(scenario("    {\"action\": \"kill\"}")).contains("'node' is required"));
        assertTrue(problem(scenario("    {\"action\": \"createTopic\", \"name\": \"t\", \"rf\": \"three\"}"))
                .contains("'rf' must be a whole number"));
        assertTrue(problem(scenario("    {\"action\": \"kill\", \"node\": \"the boss\"}")).contains("is not a node"));
        assertTrue(problem(scenario("    {\"action\": \"expect\", \"check\": \"everythingFine\"}")).contains("one of:"));
        assertTrue(problem(scenario("    {\"waitFor\": \"coffee\"}")).contains("unknown check 'coffee'"));
        assertTrue(problem(scenario("    {\"at\": \"soon\", \"action\": \"heal\"}")).contains("is not a duration"));
        assertTrue(problem(scenario("    {\"at\": \"1s\", \"after\": \"1s\", \"action\": \"heal\"}")).contains("not both"));
    }

    @Test
    void brokenJsonAndABadClusterAreLocated() {
        String m = problem("{\n  \"name\": \"t\",\n  \"steps\": [ {\"action\": \"heal\" ]\n}");
        assertTrue(m.startsWith("bad.json:3:"), m);
        assertTrue(m.contains("not valid JSON"), m);
        assertTrue(problem("{\"name\": \"t\", \"cluster\": {\"controllers\": 12}, \"steps\": [{\"action\": \"heal\"}]}")
                .contains("controllers must be 1..9"));
    }

    @Test
    void theClusterCanSlowTheQuorumDownForAClass() throws ScenarioException {
        Scenario s = ScenarioReader.read("slow.json", "{\"name\": \"t\", \"cluster\": {\"controllers\": 3,"
                + " \"raft\": {\"electionTimeoutMs\": 3000, \"fetchTimeoutMs\": 6000}}, \"steps\": [{\"action\": \"heal\"}]}");
        assertEquals(3000, s.cluster().raft().electionTimeoutMs());
        assertEquals(6000, s.cluster().raft().fetchTimeoutMs());
        assertEquals(20, s.cluster().raft().retryBackoffMs(), "unset timings keep Kafka's defaults");
        assertTrue(problem("{\"name\": \"t\", \"cluster\": {\"raft\": {\"electionTimeout\": 1}}, \"steps\": [{\"action\": \"heal\"}]}")
                .contains("unknown field 'electionTimeout'"));
    }
}
