package io.yakraft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code sim} command as a user scripts it: exit codes, the JSON contract, the trace file. */
class SimCommandTest extends ConsoleCapture {
    @Test
    void jsonHasTheContractedFieldsAndExitZero(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("out.jsonl");
        int code = Main.run("sim", "--controllers", "5", "--observers", "2", "--seed", "42", "--duration", "1m",
                "--faults", "random", "--trace", trace.toString(), "--json");
        assertEquals(0, code, err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        for (String field : new String[] {"seed", "controllers", "observers", "simulatedMs", "wallMs", "events",
                "leaderChanges", "finalEpoch", "highWatermarks", "invariantViolations", "traceSha256"}) {
            assertTrue(json.has(field), "missing " + field + " in " + json);
        }
        assertEquals(42, json.get("seed").asLong());
        assertEquals(7, json.get("highWatermarks").size());
        assertTrue(json.get("invariantViolations").isEmpty());
        assertTrue(json.get("leaderChanges").asInt() >= 1);
        String fileHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(trace)));
        assertEquals(json.get("traceSha256").asText(), fileHash, "the hash is the hash of the trace file");
    }

    @Test
    void badArgumentsExitTwoAndNameTheArgument() {
        assertEquals(2, Main.run("sim", "--controllers", "12"));
        assertTrue(err.toString().contains("--controllers"), err.toString());
        err.reset();
        assertEquals(2, Main.run("sim", "--duration", "ten minutes"));
        assertTrue(err.toString().contains("--duration"), err.toString());
        err.reset();
        assertEquals(2, Main.run("sim", "--faults", "sometimes"));
        assertTrue(err.toString().contains("--faults"), err.toString());
    }

    @Test
    void brokersAndWorkloadGiveMetadataPerNodeAndConvergedImages() throws Exception {
        int code = Main.run("sim", "--controllers", "5", "--brokers", "3", "--workload", "topics=20,partitions=6,rf=3",
                "--faults", "random", "--duration", "2m", "--seed", "42", "--json");
        assertEquals(0, code, err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertTrue(json.get("imagesConverged").asBoolean(), json.toString());
        JsonNode broker = json.get("metadata").get("101");
        for (String field : new String[] {"appliedOffset", "brokers", "topics", "partitions", "imageSha256"}) {
            assertTrue(broker.has(field), "missing metadata." + field + " in " + broker);
        }
        assertEquals(3, broker.get("brokers").size());
        assertTrue(broker.get("brokers").get(0).has("fenced"));
        assertEquals(20, broker.get("topics").asInt());
        assertEquals(120, broker.get("partitions").asInt());
        assertEquals(json.get("metadata").get("1").get("imageSha256"), broker.get("imageSha256"));
    }

    @Test
    void metadataDumpPrintsTheNodesImageAndNamesABadNode() throws Exception {
        int code = Main.run("metadata", "dump", "--seed", "7", "--duration", "20s", "--brokers", "2",
                "--workload", "topics=2,partitions=2,rf=2", "--node", "102");
        assertEquals(0, code, err.toString());
        JsonNode image = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals(102, image.get("node").asInt());
        assertEquals(2, image.get("brokers").size());
        assertEquals(2, image.get("topics").size());
        assertTrue(image.get("topics").get("topic-0").get("Partitions").has("1"), image.toString());
        assertEquals(2, Main.run("metadata", "dump", "--node", "105", "--brokers", "2"));
        assertTrue(err.toString().contains("--node"), err.toString());
        err.reset();
        assertEquals(2, Main.run("sim", "--brokers", "1", "--workload", "topics=2,rf=3"));
        assertTrue(err.toString().contains("--workload"), err.toString());
    }

    @Test
    void runPlaysALessonAndReportsItAsJson(@TempDir Path dir) throws Exception {
        int code = Main.run("run", "06-check-quorum-isolated-leader-resigns", "--json");
        assertEquals(0, code, err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        for (String field : new String[] {"scenario", "seed", "steps", "expectations", "passed", "traceSha256"}) {
            assertTrue(json.has(field), "missing " + field);
        }
        assertTrue(json.get("passed").asBoolean());
        JsonNode first = json.get("expectations").get(0);
        assertTrue(first.has("passed") && first.has("message") && first.has("simulatedMs"), first.toString());

        Path failing = dir.resolve("fails.json");
        Files.writeString(failing, "{\"name\": \"x\", \"cluster\": {\"controllers\": 3}, \"steps\": ["
                + "{\"waitFor\": \"leaderElected\"}, {\"action\": \"expect\", \"check\": \"epochIs\", \"value\": 9}]}");
        out.reset();
        assertEquals(1, Main.run("run", failing.toString()), "a failed expectation exits 1");
        assertTrue(out.toString().contains("FAIL"), out.toString());

        Path invalid = dir.resolve("invalid.json");
        Files.writeString(invalid, "{\"name\": \"x\", \"cluster\": {}, \"steps\": [{\"action\": \"fly\"}]}");
        assertEquals(2, Main.run("run", invalid.toString()), "an invalid file exits 2");
        assertTrue(err.toString().contains("invalid.json:1:") && err.toString().contains("unknown action 'fly'"), err.toString());
    }

    @Test
    void runWritesItsTraceAndFeedsAFileBesideTheScenario(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("class"));
        Files.copy(Path.of("data/orders.csv"), folder.resolve("orders.csv"));
        Files.copy(Path.of("data/orders.spec.json"), folder.resolve("orders.spec.json"));
        Path scenario = folder.resolve("feed.json");
        Files.writeString(scenario, """
                {"name": "feed a file", "cluster": {"controllers": 3, "brokers": 3, "seed": 42}, "steps": [
                  {"waitFor": {"check": "brokerUnfenced", "broker": "b103"}, "timeout": "10s"},
                  {"waitFor": {"check": "brokerUnfenced", "broker": "b102"}, "timeout": "10s"},
                  {"action": "createTopic", "name": "orders", "partitions": 2, "rf": 3},
                  {"waitFor": {"check": "topicOnAllNodes", "topic": "orders"}, "timeout": "5s"},
                  {"action": "feed", "topic": "orders", "file": "orders.csv", "spec": "orders.spec.json", "rate": 0},
                  {"waitFor": {"check": "fed", "acked": 1, "failed": 0}, "timeout": "10s"},
                  {"after": "2s", "action": "expect", "check": "replicasInSync", "topic": "orders"}
                ]}""");
        Path trace = dir.resolve("run.jsonl");
        int code = Main.run("run", scenario.toString(), "--json", "--trace", trace.toString());
        assertEquals(0, code, out + " " + err);
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertTrue(json.get("steps").get(4).get("message").asText().contains("clean of"), json.get("steps").get(4).toString());
        String fileHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(trace)));
        assertEquals(json.get("traceSha256").asText(), fileHash, "the trace file is the run's trace");
        String lines = Files.readString(trace);
        assertTrue(lines.contains("\"kind\":\"DATA\"") && lines.contains("acks=all answered"), "the data plane is traced");
    }

    @Test
    void preprocessReportsCountsAndExitsTwoOnABadSpec(@TempDir Path dir) throws Exception {
        Path clean = dir.resolve("clean.jsonl");
        Path rejects = dir.resolve("rejects.jsonl");
        int code = Main.run("preprocess", "data/orders.csv", "--spec", "data/orders.spec.json", "--out", clean.toString(),
                "--rejects", rejects.toString(), "--json");
        assertEquals(0, code, err.toString());
        JsonNode report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals(53, report.get("read").asInt());
        assertEquals(41, report.get("clean").asInt());
        assertEquals(12, report.get("rejected").asInt());
        assertEquals(3, report.get("byRule").get("duplicate").asInt());
        assertEquals(41, Files.readAllLines(clean).size());
        assertEquals(12, Files.readAllLines(rejects).size());

        Path badSpec = dir.resolve("bad.spec.json");
        Files.writeString(badSpec, "{\"fields\": {\"x\": {\"type\": \"colour\"}}}");
        err.reset();
        assertEquals(2, Main.run("preprocess", "data/orders.csv", "--spec", badSpec.toString(), "--out", clean.toString(),
                "--rejects", rejects.toString()));
        assertTrue(err.toString().contains("bad.spec.json:1:") && err.toString().contains("colour"), err.toString());
        assertEquals(2, Main.run("preprocess", "missing.csv", "--spec", "data/orders.spec.json", "--out", clean.toString(),
                "--rejects", rejects.toString()));
    }
}
