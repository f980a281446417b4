package io.yakraft.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /** metadata.max.retention.* and controller.quorum.fetch.snapshot.max.bytes, scaled, are scenario settings. */
    @Test
    void retentionAndSnapshotChunkSizeAreClusterSettings() throws ScenarioException {
        Scenario s = ScenarioReader.read("ret.json", """
                {"name": "t", "cluster": {"controllers": 3, "snapshotEvery": 20, "retentionRecords": 100, "retentionMs": -1,
                  "raft": {"fetchSnapshotMaxRecords": 5}},
                 "steps": [{"waitFor": "leaderElected"}]}""");
        assertEquals(100, s.cluster().metadata().retentionRecords());
        assertEquals(-1, s.cluster().metadata().retentionMs());
        assertEquals(5, s.cluster().raft().fetchSnapshotMaxRecords());
        Scenario d = ScenarioReader.read("def.json", """
                {"name": "t", "cluster": {"controllers": 3, "snapshotEvery": 20}, "steps": [{"waitFor": "leaderElected"}]}""");
        assertEquals(40, d.cluster().metadata().retentionRecords(), "default: twice the snapshot interval");
        assertTrue(problem("{\"name\": \"t\", \"cluster\": {\"retentionRecords\": -5}, \"steps\": [{\"waitFor\": \"leaderElected\"}]}")
                .contains("retention"));
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

    @Test
    void aFeedStepIsCheckedFieldByField() {
        String unknown = problem(scenario("    {\"action\": \"feed\", \"topic\": \"t\", \"rates\": 5}"));
        assertTrue(unknown.startsWith("bad.json:5:") && unknown.contains("unknown field 'rates'") && unknown.contains("rate"), unknown);
        String acksNumber = problem(scenario("    {\"action\": \"feed\", \"topic\": \"t\", \"acks\": 1}"));
        assertTrue(acksNumber.contains("'acks' must be \"0\", \"1\" or \"all\""), acksNumber);
        assertTrue(problem(scenario("    {\"action\": \"feed\", \"topic\": \"t\", \"acks\": \"most\"}")).contains("'acks' must be"));
        assertTrue(problem(scenario("    {\"action\": \"feed\", \"count\": 5}")).contains("'topic' is required"));
        assertTrue(problem(scenario("    {\"action\": \"feed\", \"topic\": \"t\", \"count\": \"many\"}"))
                .contains("'count' must be a whole number"));
        assertTrue(problem(scenario("    {\"action\": \"feed\", \"topic\": \"t\", \"via\": \"the fast one\"}")).contains("is not a node"));
    }

    @Test
    void theNewChecksAndThePartitionLeaderNodeAreChecked() throws ScenarioException {
        assertTrue(problem(scenario("    {\"action\": \"expect\", \"check\": \"fed\", \"failed\": 0}")).contains("'acked' is required"));
        assertTrue(problem(scenario("    {\"waitFor\": {\"check\": \"fed\", \"acked\": \"all\"}}")).contains("'acked' must be a whole number"));
        assertTrue(problem(scenario("    {\"action\": \"expect\", \"check\": \"replicasInSync\"}")).contains("'topic' is required"));
        assertTrue(problem(scenario("    {\"action\": \"kill\", \"node\": \"leader of payments\"}")).contains("is not a node"));
        Scenario s = ScenarioReader.read("ok.json", scenario("""
                    {"action": "kill", "node": "leader of payments-0"},
                    {"action": "kill", "node": "leader of my-topic.v2-11"}"""));
        assertEquals("leader of my-topic.v2-11", s.steps().get(1).args().get("node").asText());
    }

    private static String feedScenario(String file, String spec) {
        return scenario("    {\"action\": \"feed\", \"topic\": \"t\", \"file\": \"" + file + "\", \"spec\": \"" + spec + "\"}");
    }

    @Test
    void aFeedsFilesResolveBesideTheScenarioFileWhenTheyAreThere(@TempDir Path dir) throws IOException, ScenarioException {
        Path folder = Files.createDirectories(dir.resolve("class"));
        Files.createDirectories(folder.resolve("data"));
        Files.writeString(folder.resolve("data/raw.csv"), "id\n1\n");
        Files.writeString(folder.resolve("spec.json"), "{}");
        Path file = folder.resolve("feed.json");
        Files.writeString(file, feedScenario("data/raw.csv", "spec.json"));
        Step step = ScenarioReader.read(file).steps().get(0);
        assertEquals(folder.resolve("data/raw.csv").toString(), step.args().get("file").asText());
        assertEquals(folder.resolve("spec.json").toString(), step.args().get("spec").asText());

        // not beside the scenario: relative to the working directory, as written, and read at once: a missing file is
        // the scenario's error, with its line, before anything runs
        Files.writeString(file, feedScenario("elsewhere/raw.csv", "spec.json"));
        String missing = assertThrows(ScenarioException.class, () -> ScenarioReader.read(file)).getMessage();
        assertTrue(missing.startsWith(file + ":5:") && missing.contains("step 1 (feed): elsewhere/raw.csv"), missing);

        // an absolute path stays; text that comes from no file resolves nothing
        String absolute = dir.resolve("abs.csv").toAbsolutePath().toString();
        Files.writeString(Path.of(absolute), "id\n1\n");
        Files.writeString(file, feedScenario(absolute, "spec.json"));
        assertEquals(absolute, ScenarioReader.read(file).steps().get(0).args().get("file").asText());
        String unresolved = assertThrows(ScenarioException.class,
                () -> ScenarioReader.read("lessons/x.json", feedScenario("data/raw.csv", "spec.json"))).getMessage();
        assertTrue(unresolved.startsWith("lessons/x.json:5:") && unresolved.contains("step 1 (feed)"), unresolved);
    }

    @Test
    void aFeedsRecordsAreReadWhenTheScenarioIsRead(@TempDir Path dir) throws IOException, ScenarioException {
        Files.writeString(dir.resolve("raw.csv"), "id\n1\n2\n");
        Files.writeString(dir.resolve("spec.json"), "{}");
        Path file = dir.resolve("feed.json");
        Files.writeString(file, feedScenario("raw.csv", "spec.json"));
        io.yakraft.cluster.Action.Feed feed = (io.yakraft.cluster.Action.Feed) ScenarioReader.read(file).steps().get(0).typed();
        assertEquals(2, feed.records().records().size(), "the records travel with the action: running it reads nothing");
        assertEquals(dir.resolve("raw.csv").toString(), ((io.yakraft.cluster.Action.FromFile) feed.records()).file());
        String noSpec = problem(scenario("    {\"action\": \"feed\", \"topic\": \"t\", \"file\": \"x.csv\"}"));
        assertTrue(noSpec.contains("step 1 (feed): a file needs its pipeline spec (\"spec\")"), noSpec);
    }

    @Test
    void anUnreadableScenarioFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");
        String m = assertThrows(ScenarioException.class, () -> ScenarioReader.read(missing)).getMessage();
        assertTrue(m.startsWith(missing + ":1:1") && m.contains("cannot read"), m);
    }

    @Test
    void aDuplicateKeyOrTextAfterTheFileIsRefusedWhereItIs() {
        String dup = problem(scenario("    {\"action\": \"kill\", \"node\": \"n1\", \"node\": \"n2\"}"));
        assertTrue(dup.startsWith("bad.json:5:"), dup);
        assertTrue(dup.contains("duplicate key 'node'"), dup);
        String trailing = problem(scenario("    {\"action\": \"heal\"}") + " x");
        assertTrue(trailing.startsWith("bad.json:7:3:"), trailing);
        assertTrue(trailing.contains("text after the JSON value"), trailing);
        assertFalse(dup.contains("`") || trailing.contains("`") || trailing.contains("Source"), "no parser internals: " + trailing);
    }

    @Test
    void aDurationWithoutItsUnitIsRefusedSayingWhichUnits() {
        String m = problem(scenario("    {\"waitFor\": \"leaderElected\", \"timeout\": 5}"));
        assertTrue(m.startsWith("bad.json:5:5:"), m);
        assertTrue(m.contains("'timeout': 5 has no unit") && m.contains("\"5ms\" or \"5s\""), m);
        assertTrue(problem(scenario("    {\"after\": \"500\", \"action\": \"heal\"}")).contains("500 has no unit"));
        assertTrue(problem(scenario("    {\"at\": true, \"action\": \"heal\"}")).contains("must be a duration such as"));
    }

    @Test
    void aMisspelledCheckActionOrPresetIsNamedWithTheClosestValidName() {
        String check = problem(scenario("    {\"waitFor\": \"leaderElcted\"}"));
        assertTrue(check.contains("unknown check 'leaderElcted' (did you mean 'leaderElected'?"), check);
        assertTrue(check.contains("logsConverged"), "and every valid name: " + check);
        String expect = problem(scenario("    {\"action\": \"expect\", \"check\": \"logsConvergd\"}"));
        assertTrue(expect.contains("did you mean 'logsConverged'?"), expect);
        String action = problem(scenario("    {\"action\": \"kil\", \"node\": \"n1\"}"));
        assertTrue(action.contains("did you mean 'kill'?"), action);
        String preset = problem(scenario("    {\"action\": \"partition\", \"preset\": \"MajorityMinority\"}"));
        assertTrue(preset.contains("unknown preset 'MajorityMinority' (did you mean 'majorityMinority'? expected one of: bridge,"
                + " majoritiesRing, majorityMinority)"), preset);
        String far = problem(scenario("    {\"action\": \"partition\", \"preset\": \"zebra\"}"));
        assertTrue(far.contains("unknown preset 'zebra' (expected one of:"), "no guess when none is close: " + far);
    }
}
