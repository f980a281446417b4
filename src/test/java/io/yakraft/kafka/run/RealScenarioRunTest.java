package io.yakraft.kafka.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yakraft.kafka.KafkaObservation;
import io.yakraft.scenario.Check;
import io.yakraft.scenario.Lessons;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What `run --kafka local` decides before and without any Kafka process: what it can play, how it names and judges. */
class RealScenarioRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theFourLessonsShownOnRealKafkaArePlayableAndOnlyTheirInvariantCheckIsNotEvaluated() throws Exception {
        for (String lesson : List.of("03-leader-crash-and-failover.json", "08-brokers-fencing-and-failover.json",
                "10-creating-topics.json", "11-produce-while-a-partition-leader-dies.json")) {
            var scenario = Lessons.load(lesson);
            assertEquals(List.of(), RealScenarioRun.unplayable(scenario), lesson);
            assertEquals(Set.of("invariantsHold"), RealScenarioRun.notEvaluated(scenario).keySet(), lesson);
        }
    }

    @Test
    void aNetworkPartitionIsRefusedBeforeAnyProcessStartsWithTheReason() throws Exception {
        List<String> why = RealScenarioRun.unplayable(Lessons.load("04-partition-minority-cannot-commit.json"));
        assertFalse(why.isEmpty());
        assertTrue(why.get(0).contains("loopback proxies"), why.get(0));
    }

    @Test
    void aRoleBindsTheSimulationsNameToTheRealNodeOneToOneAndAUsedNameStaysFixed() {
        NodeAliases a = new NodeAliases(List.of(1, 2, 3, 101, 102, 103));
        assertTrue(a.bind(1, 3), "the simulation's leader n1 is real node 3");
        assertEquals(3, a.real(1));
        assertEquals(1, a.real(3), "n3 takes n1's old node, so no two names share a node");
        assertEquals("n1 (real n3)", a.describe(1));
        a.use(102);
        assertFalse(a.bind(102, 101), "a name an action used is fixed");
        assertFalse(a.bind(101, 102), "and so is the node it names");
        assertTrue(a.bind(103, 101));
    }

    @Test
    void epochsAreCountedFromTheRealClustersFirstLeaderAndAKilledLeaderCountsAsNoLeader() {
        var q = new KafkaObservation.Quorum(2, 3, 40, List.of(), List.of());
        KafkaObservation o = new KafkaObservation(1000, KafkaObservation.Part.of(q), KafkaObservation.Part.failed("-"),
                KafkaObservation.Part.failed("-"));
        NodeAliases names = new NodeAliases(List.of(1, 2, 3));
        // the real cluster's first leader led epoch 2: the lesson's epoch 2 is real epoch 3
        var running = new RealChecks.Context(o, Set.of(1, 2, 3), List.of(1, 2, 3), List.of(), names, List.of(), List.of(), 1);
        assertTrue(RealChecks.evaluate(check("epochIs", Map.of("value", 2)), running).passed());
        assertFalse(RealChecks.evaluate(check("epochIs", Map.of("value", 3)), running).passed());
        ObjectNode among = JSON.createObjectNode();
        among.putArray("nodes").add("n1").add("n2").add("n3");
        assertFalse(RealChecks.evaluate(new Check("noLeaderAmong", among), running).passed(), "n2 leads and runs");
        var killed = new RealChecks.Context(o, Set.of(1, 3), List.of(1, 2, 3), List.of(), names, List.of(), List.of(), 1);
        RealChecks.Outcome out = RealChecks.evaluate(new Check("noLeaderAmong", among), killed);
        assertTrue(out.passed(), out.message());
        assertTrue(out.message().contains("dead"), out.message());
    }

    @Test
    void theVoterLessonIsPlayableOnRealKafka() throws Exception {
        var scenario = Lessons.load("15-growing-and-replacing-controllers.json");
        assertEquals(List.of(), RealScenarioRun.unplayable(scenario), "addController, addVoter, removeVoter, restart on an empty disk");
        assertEquals(Set.of("logsConverged", "invariantsHold").containsAll(RealScenarioRun.notEvaluated(scenario).keySet()), true,
                RealScenarioRun.notEvaluated(scenario).toString());
    }

    @Test
    void anAttachedClusterPlaysTheAdminLessonAndRefusesAProcessActionWithTheReason() throws Exception {
        // lesson 10's Admin steps play on an attached cluster; only its broker kill (a fenced broker meets the
        // striped placement) needs a cluster this app started
        List<String> admin = RealScenarioRun.unplayableAttached(Lessons.load("10-creating-topics.json"));
        assertEquals(1, admin.size(), admin.toString());
        assertTrue(admin.get(0).contains("kill node=b103") && admin.get(0).contains("not this app's"), admin.get(0));
        List<String> why = RealScenarioRun.unplayableAttached(Lessons.load("03-leader-crash-and-failover.json"));
        assertFalse(why.isEmpty());
        assertTrue(why.get(0).contains("kill") && why.get(0).contains("not this app's"), why.get(0));
    }

    @Test
    void votersAreComparesTheLeadersVoterSetThroughTheNames() {
        var voter = (java.util.function.IntFunction<KafkaObservation.Replica>) id -> new KafkaObservation.Replica(id, "d" + id, 40, 0, 900, 900);
        var q = new KafkaObservation.Quorum(1, 2, 40, List.of(voter.apply(1), voter.apply(3), voter.apply(4)), List.of(voter.apply(2)));
        KafkaObservation o = new KafkaObservation(1000, KafkaObservation.Part.of(q), KafkaObservation.Part.failed("-"),
                KafkaObservation.Part.failed("-"));
        var c = new RealChecks.Context(o, Set.of(1, 2, 3, 4), List.of(1, 2, 3, 4), List.of(), new NodeAliases(List.of(1, 2, 3, 4)),
                List.of(), List.of(), 0);
        ObjectNode want = JSON.createObjectNode();
        want.putArray("nodes").add("n1").add("n3").add("n4");
        RealChecks.Outcome ok = RealChecks.evaluate(new Check("votersAre", want), c);
        assertTrue(ok.passed(), ok.message());
        ObjectNode five = JSON.createObjectNode();
        five.putArray("nodes").add("n1").add("n2").add("n3").add("n4");
        RealChecks.Outcome no = RealChecks.evaluate(new Check("votersAre", five), c);
        assertFalse(no.passed(), "n2 is an observer, not a voter");
        assertTrue(no.message().contains("expected [n1, n2, n3, n4]"), no.message());
    }

    private static Check check(String name, Map<String, Object> args) {
        return new Check(name, JSON.valueToTree(args));
    }
}
