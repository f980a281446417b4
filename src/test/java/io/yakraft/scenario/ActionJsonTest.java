package io.yakraft.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yakraft.cluster.Action;
import io.yakraft.cluster.NodeRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scenario JSON to typed actions and back: every kind round-trips, every complaint is worded as the reader words it. */
class ActionJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode json(String text) throws IOException {
        return (ObjectNode) JSON.readTree(text);
    }

    private static String problem(String text) throws IOException {
        return assertThrows(ActionJson.Invalid.class, () -> ActionJson.parse(json(text))).getMessage();
    }

    @Test
    void everyActionKindRoundTrips(@TempDir Path dir) throws Exception {
        Path raw = Files.writeString(dir.resolve("raw.csv"), "id\n1\n2\n3\n");
        Path spec = Files.writeString(dir.resolve("spec.json"), "{}");
        List<String> cases = List.of(
                "{\"action\":\"caption\",\"text\":\"Three controllers start\",\"pause\":true}",
                "{\"action\":\"kill\",\"node\":\"n2\"}",
                "{\"action\":\"restart\",\"node\":\"n1\",\"emptyDisk\":true}",
                "{\"action\":\"pause\",\"node\":\"b101\"}",
                "{\"action\":\"resume\",\"node\":\"3\"}",
                "{\"action\":\"forceTimeout\",\"node\":\"a follower\"}",
                "{\"action\":\"resign\"}",
                "{\"action\":\"resign\",\"node\":\"leader\"}",
                "{\"action\":\"compact\",\"node\":\"a broker\"}",
                "{\"action\":\"isolate\",\"node\":\"leader of payments-0\"}",
                "{\"action\":\"partition\",\"groups\":[[\"n1\",\"n2\"],[\"n3\"]]}",
                "{\"action\":\"partition\",\"preset\":\"majorityMinority\"}",
                "{\"action\":\"partition\",\"preset\":\"majorityMinority\",\"minority\":[\"leader\"]}",
                "{\"action\":\"partition\",\"preset\":\"majoritiesRing\"}",
                "{\"action\":\"partition\",\"preset\":\"bridge\",\"node\":\"n2\"}",
                "{\"action\":\"cut\",\"from\":\"n1\",\"to\":\"leader\",\"oneWay\":true}",
                "{\"action\":\"heal\",\"from\":\"n1\",\"to\":\"n2\"}",
                "{\"action\":\"heal\"}",
                "{\"action\":\"network\",\"loss\":0.1,\"minLatencyMs\":5,\"maxLatencyMs\":50,\"duplication\":0.01}",
                "{\"action\":\"network\",\"loss\":0.05}",
                "{\"action\":\"write\",\"count\":3}",
                "{\"action\":\"registerBroker\",\"id\":104,\"host\":\"broker-104\",\"port\":9093,\"rack\":\"rack-a\"}",
                "{\"action\":\"unregisterBroker\",\"broker\":\"b104\"}",
                "{\"action\":\"reregisterBroker\",\"broker\":\"b104\",\"host\":\"kafka-4\",\"port\":9094,\"rack\":\"r2\"}",
                "{\"action\":\"reregisterBroker\",\"broker\":\"b101\"}",
                "{\"action\":\"createTopic\",\"name\":\"orders\",\"partitions\":3,\"rf\":2}",
                "{\"action\":\"createTopic\",\"name\":\"o\",\"partitions\":1,\"rf\":3,\"configs\":{\"min.insync.replicas\":\"2\","
                        + "\"unclean.leader.election.enable\":\"true\"}}",
                "{\"action\":\"feed\",\"topic\":\"p\",\"count\":3,\"keys\":1,\"acks\":\"all\",\"rate\":1,\"idempotence\":false}",
                "{\"action\":\"createPartitions\",\"topic\":\"orders\",\"total\":6}",
                "{\"action\":\"electPreferredLeaders\",\"topic\":\"orders\"}",
                "{\"action\":\"electPreferredLeaders\"}",
                "{\"action\":\"alterTopicConfig\",\"topic\":\"orders\",\"configs\":{\"min.insync.replicas\":\"2\","
                        + "\"unclean.leader.election.enable\":null}}",
                "{\"action\":\"deleteTopic\",\"name\":\"orders\"}",
                "{\"action\":\"registerProducer\",\"broker\":\"b101\"}",
                "{\"action\":\"feed\",\"topic\":\"payments\",\"count\":300,\"keys\":16,\"acks\":\"all\",\"rate\":30,\"via\":\"b101\"}",
                "{\"action\":\"feed\",\"topic\":\"t\",\"file\":\"" + raw + "\",\"spec\":\"" + spec + "\",\"acks\":\"1\",\"rate\":2.5}",
                "{\"action\":\"dropInFlight\",\"message\":42}",
                "{\"action\":\"stop\",\"node\":\"b101\"}",
                "{\"action\":\"addController\",\"id\":4}",
                "{\"action\":\"addVoter\",\"node\":\"n4\"}",
                "{\"action\":\"removeVoter\",\"node\":\"leader\"}",
                "{\"action\":\"setSpeed\",\"speed\":0.5}",
                "{\"action\":\"splitVote\"}",
                "{\"action\":\"splitVote\",\"nodes\":[\"n2\",\"n3\"]}",
                "{\"action\":\"dropMessage\",\"from\":\"leader\",\"to\":\"n2\",\"kind\":\"FetchResponse\"}");
        Set<String> kinds = new HashSet<>();
        for (String c : cases) {
            ObjectNode in = json(c);
            Action a = ActionJson.parse(in);
            assertEquals(in, ActionJson.toJson(a), c);
            assertEquals(in.get("action").asText(), ActionJson.name(a));
            kinds.add(ActionJson.name(a));
        }
        Set<String> vocabulary = new HashSet<>(Vocabulary.ACTIONS.keySet());
        vocabulary.remove("expect");
        vocabulary.remove("question"); // a scenario step the player asks, not a cluster action
        assertEquals(vocabulary, kinds, "every action of the vocabulary has a case");
    }

    @Test
    void namesAndDefaultsBecomeTypedValues() throws Exception {
        assertEquals(new Action.Kill(new NodeRef.LeaderOf("my-topic.v2", 11)),
                ActionJson.parse(json("{\"action\":\"kill\",\"node\":\"leader of my-topic.v2-11\"}")));
        assertEquals(new Action.Restart(NodeRef.broker(101), false), ActionJson.parse(json("{\"action\":\"restart\",\"node\":\"b101\"}")));
        assertEquals(new Action.CreateTopic("t", 1, 1), ActionJson.parse(json("{\"action\":\"createTopic\",\"name\":\"t\"}")));
        assertEquals(new Action.RegisterBroker(7, "broker-7", 9092, null),
                ActionJson.parse(json("{\"action\":\"registerBroker\",\"id\":7}")));
        assertTrue(problem("{\"action\":\"feed\",\"topic\":\"t\",\"acks\":\"1\",\"idempotence\":true}").contains("acks"),
                "Kafka refuses an idempotent producer without acks=all");
        assertTrue(problem("{\"action\":\"createTopic\",\"name\":\"t\",\"configs\":{\"retention.ms\":1}}")
                .contains("Unknown topic config name: retention.ms"));
        Action.Feed feed = (Action.Feed) ActionJson.parse(json("{\"action\":\"feed\",\"topic\":\"t\"}"));
        assertTrue(feed.idempotent(), "Kafka 3.0+'s default with acks=all");
        assertEquals(100, feed.records().records().size(), "100 generated records unless told");
        assertEquals(20, feed.rate());
        assertEquals("kill node=n2", ActionJson.describe(new Action.Kill(NodeRef.node(2))), "the trace's words, as for a step");
        assertEquals("network loss=0.1", ActionJson.describe(new Action.Network(0.1, null, null, null)));
    }

    @Test
    void engineeredMomentsAreCheckedAsTheyAreRead() throws Exception {
        assertEquals(new Action.DropMessage(NodeRef.node(1), NodeRef.node(2), io.yakraft.cluster.MessageKind.BEGIN_QUORUM_EPOCH),
                ActionJson.parse(json("{\"action\":\"dropMessage\",\"from\":\"n1\",\"to\":\"n2\",\"kind\":\"beginquorumepoch\"}")),
                "a kind's label in any case");
        assertTrue(problem("{\"action\":\"dropMessage\",\"from\":\"n1\",\"to\":\"n2\",\"kind\":\"Ping\"}")
                .startsWith("dropMessage: 'kind' must be a message kind, one of: PreVote, PreVoteResponse, Vote"));
        assertEquals("dropMessage: 'kind' is required", problem("{\"action\":\"dropMessage\",\"from\":\"n1\",\"to\":\"n2\"}"));
        assertEquals("splitVote: 'nodes' names the two voters that time out together, got 3",
                problem("{\"action\":\"splitVote\",\"nodes\":[\"n1\",\"n2\",\"n3\"]}"));
        assertEquals(new Action.SplitVote(null), ActionJson.parse(json("{\"action\":\"splitVote\"}")));
    }

    @Test
    void eachComplaintSaysWhatWasExpected(@TempDir Path dir) throws Exception {
        assertTrue(problem("{\"node\":\"n1\"}").startsWith("an action needs 'action', one of: addController, addVoter, alterTopicConfig, caption"));
        assertTrue(problem("{\"action\":\"explode\"}").startsWith("explode: unknown action 'explode' (expected one of: addController, addVoter, alterTopicConfig, caption"));
        assertTrue(problem("{\"action\":\"expect\",\"check\":\"logsConverged\"}").contains("unknown action 'expect'"),
                "a check is not an action");
        assertEquals("kill: unknown field 'nod' (did you mean 'node'? expected one of: node)", problem("{\"action\":\"kill\",\"nod\":\"n1\"}"));
        assertEquals("kill: 'node' is required", problem("{\"action\":\"kill\"}"));
        assertEquals("kill: 'node' must be 'the boss' is not a node (expected n2, b101, 3, leader, a follower, a broker or"
                + " leader of payments-0)", problem("{\"action\":\"kill\",\"node\":\"the boss\"}"));
        assertEquals("kill: 'node' must be a node such as \"n2\" or \"leader\"", problem("{\"action\":\"kill\",\"node\":true}"));
        assertEquals("caption: 'text' must be a string", problem("{\"action\":\"caption\",\"text\":5}"));
        assertEquals("createTopic: 'rf' must be a whole number", problem("{\"action\":\"createTopic\",\"name\":\"t\",\"rf\":\"three\"}"));
        assertEquals("setSpeed: 'speed' must be a number", problem("{\"action\":\"setSpeed\",\"speed\":\"fast\"}"));
        assertEquals("restart: 'emptyDisk' must be true or false", problem("{\"action\":\"restart\",\"node\":\"n1\",\"emptyDisk\":1}"));
        assertEquals("partition: 'minority' must be a non-empty list of nodes such as [\"n1\", \"n2\"]",
                problem("{\"action\":\"partition\",\"minority\":[]}"));
        assertEquals("partition: 'groups' must be at least two groups of nodes, e.g. [[\"n1\",\"n2\"],[\"n3\"]]",
                problem("{\"action\":\"partition\",\"groups\":[[\"n1\"]]}"));
        assertEquals("partition: unknown preset 'star' (expected one of: bridge, majoritiesRing, majorityMinority)",
                problem("{\"action\":\"partition\",\"preset\":\"star\"}"));
        assertEquals("heal: give both 'from' and 'to' (one link), or neither (every link)", problem("{\"action\":\"heal\",\"from\":\"n1\"}"));
        assertEquals("feed: 'acks' must be \"0\", \"1\" or \"all\" (a string)", problem("{\"action\":\"feed\",\"topic\":\"t\",\"acks\":1}"));
        assertEquals("feed: a file needs its pipeline spec (\"spec\")", problem("{\"action\":\"feed\",\"topic\":\"t\",\"file\":\"x.csv\"}"));
        assertEquals("feed: a pipeline spec needs the file it cleans (\"file\")",
                problem("{\"action\":\"feed\",\"topic\":\"t\",\"spec\":\"x.json\"}"));
        assertTrue(problem("{\"action\":\"feed\",\"topic\":\"t\",\"rate\":-1}").startsWith("feed: 'rate' must be between 0 and 1000000 (records per simulated second)"));
        Path spec = Files.writeString(dir.resolve("spec.json"), "{}");
        String missing = problem("{\"action\":\"feed\",\"topic\":\"t\",\"file\":\"" + dir.resolve("nope.csv") + "\",\"spec\":\"" + spec + "\"}");
        assertTrue(missing.startsWith("feed: " + dir.resolve("nope.csv")), "the file is read before anything is scheduled: " + missing);
    }

    @Test
    void aRecordingWritesAFeedsPathsAndReplaysItsRecords(@TempDir Path dir) throws Exception {
        Path raw = Files.writeString(dir.resolve("raw.csv"), "id\n1\n2\n");
        Path spec = Files.writeString(dir.resolve("spec.json"), "{}");
        Action a = ActionJson.parse(json("{\"action\":\"feed\",\"topic\":\"t\",\"file\":\"" + raw + "\",\"spec\":\"" + spec + "\"}"));
        Action.FromFile f = assertInstanceOf(Action.FromFile.class, ((Action.Feed) a).records());
        assertEquals(2, f.records().size());
        ObjectNode written = ActionJson.toJson(a);
        assertEquals(raw.toString(), written.get("file").asText());
        assertTrue(!written.has("records"), "the records are not written: a replay reads the file again");
    }
}
