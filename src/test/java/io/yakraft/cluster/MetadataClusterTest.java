package io.yakraft.cluster;

import io.yakraft.check.InvariantChecker;
import io.yakraft.metadata.BrokerRegistration;
import io.yakraft.metadata.ControllerCommand;
import io.yakraft.metadata.ControllerError;
import io.yakraft.metadata.ControllerReply;
import io.yakraft.metadata.MetadataImage;
import io.yakraft.metadata.PartitionRegistration;
import io.yakraft.metadata.TopicImage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Brokers and controller commands through the simulated quorum: registration, fencing, failover mid-command. */
class MetadataClusterTest {

    private static Cluster cluster(long seed) {
        Cluster c = new Cluster(ClusterConfig.defaults(seed, 3, 3));
        new InvariantChecker(c);
        return c.start();
    }

    private static ControllerReply submitAndWait(Cluster c, ControllerCommand command) {
        List<ControllerReply> replies = new ArrayList<>();
        for (int attempt = 0; attempt < 50 && (replies.isEmpty() || replies.get(0).error() == ControllerError.NOT_CONTROLLER); attempt++) {
            replies.clear();
            c.submit(command, replies::add);
            for (int i = 0; i < 100 && replies.isEmpty(); i++) {
                c.runFor(10);
            }
            if (replies.isEmpty() || replies.get(0).error() == ControllerError.NOT_CONTROLLER) {
                c.runFor(200);
            }
        }
        assertEquals(1, replies.size(), "one reply to " + command.describe());
        return replies.get(0);
    }

    @Test
    void brokersRegisterAndUnfenceOnEveryNodesImage() {
        Cluster c = cluster(7);
        c.runUntil(10_000);
        for (int node : c.allIds()) {
            MetadataImage img = c.image(node);
            assertEquals(List.of(101, 102, 103), new ArrayList<>(img.brokers().keySet()), "brokers seen by n" + node);
            for (BrokerRegistration b : img.brokers().values()) {
                assertFalse(b.fenced(), "b" + b.id() + " unfenced on n" + node);
            }
        }
        assertEquals("unfenced", c.view(101).metadataRole());
        assertEquals("active controller", c.view(c.leaderId()).metadataRole());
    }

    @Test
    void killedBrokerIsFencedAndLosesLeadershipThenComesBack() {
        Cluster c = cluster(8);
        c.runUntil(8_000);
        ControllerReply created = submitAndWait(c, new ControllerCommand.CreateTopic("orders", 6, 3));
        assertTrue(created.ok(), created.message());
        c.runFor(1_000);
        c.crash(102);
        c.runFor(9_000 + 4_000);
        int leader = c.leaderId();
        TopicImage t = c.image(leader).topics().get("orders");
        assertTrue(c.image(leader).brokers().get(102).fenced(), "b102 fenced after the session timeout");
        for (PartitionRegistration p : t.partitions().values()) {
            assertTrue(p.leader() != 102, "b102 leads nothing: " + p);
            assertFalse(p.isr().contains(102), "b102 left every ISR: " + p);
        }
        c.restart(102, false);
        c.runFor(10_000);
        MetadataImage after = c.image(c.leaderId());
        assertFalse(after.brokers().get(102).fenced(), "b102 unfenced again");
        for (PartitionRegistration p : after.topics().get("orders").partitions().values()) {
            assertEquals(p.replicas().size(), p.isr().size(), "ISR expanded back to every replica: " + p);
        }
    }

    @Test
    void activeControllerKilledMidCommandAnswersNotControllerAndTheRetryIsSafe() {
        Cluster c = cluster(9);
        c.runUntil(8_000);
        int active = c.activeControllerId();
        assertTrue(active > 0, "an active controller after 8 s");
        List<ControllerReply> first = new ArrayList<>();
        c.submit(new ControllerCommand.CreateTopic("payments", 3, 2), first::add);
        c.crash(active);
        assertEquals(1, first.size(), "the caller hears at once that its controller is gone");
        assertEquals(ControllerError.NOT_CONTROLLER, first.get(0).error());
        c.runFor(5_000);
        ControllerReply retry = submitAndWait(c, new ControllerCommand.CreateTopic("payments", 3, 2));
        assertTrue(retry.ok() || retry.error() == ControllerError.TOPIC_ALREADY_EXISTS, retry.toString());
        c.restart(active, false);
        c.runFor(5_000);
        String hash = c.image(c.leaderId()).sha256();
        for (int node : c.allIds()) {
            assertEquals(hash, c.image(node).sha256(), "n" + node + " holds the same image");
            assertEquals(3, c.image(node).topics().get("payments").partitions().size());
        }
        assertTrue(c.violations().isEmpty(), c.violations().toString());
    }

    @Test
    void aBrokerBehindTheLogStartCatchesUpThroughASnapshot() {
        Cluster c = new Cluster(ClusterConfig.defaults(10, 3, 3)
                .withMetadata(MetadataConfig.kafkaDefaults().withSnapshotEvery(20)));
        new InvariantChecker(c);
        List<String> snapshotLines = new ArrayList<>();
        c.addTraceListener(e -> {
            if (e.node() == 103 && e.kind() == io.yakraft.sim.TraceKind.SNAPSHOT) {
                snapshotLines.add(e.reason());
            }
        });
        c.start();
        c.runUntil(8_000);
        c.crash(103);
        for (int i = 0; i < 8; i++) {
            assertTrue(submitAndWait(c, new ControllerCommand.CreateTopic("t" + i, 4, 2)).ok());
        }
        int leader = c.leaderId();
        assertTrue(c.logRange(leader).startOffset() > c.logRange(103).endOffset(),
                "the leader's log now starts after everything the dead broker holds");
        c.restart(103, false);
        c.runFor(12_000);
        assertTrue(snapshotLines.stream().anyMatch(l -> l.contains("installed snapshot")), "n103 installed a snapshot from the leader: " + snapshotLines);
        assertEquals(c.image(c.leaderId()).sha256(), c.image(103).sha256(), "and then applied the log after it");
        assertEquals(8, c.image(103).topics().size());
        assertFalse(c.image(c.leaderId()).brokers().get(103).fenced(), "re-registered and unfenced");
        assertTrue(c.violations().isEmpty(), c.violations().toString());
    }

    @Test
    void brokersGetDisjointProducerIdBlocksThatSurviveInTheImage() {
        Cluster c = cluster(12);
        c.runUntil(8_000);
        assertTrue(c.requestProducerIds(101));
        c.runFor(500);
        assertTrue(c.requestProducerIds(102));
        c.runFor(500);
        assertTrue(c.requestProducerIds(101));
        c.runFor(2_000); // answered after commit; followers learn the high watermark on their next fetch
        assertEquals(List.of(0L, 2_000L), c.producerIdBlocks(101));
        assertEquals(List.of(1_000L), c.producerIdBlocks(102));
        for (int node : c.allIds()) {
            assertEquals(3_000L, c.image(node).nextProducerId(), "n" + node + " knows the next free producer id");
        }
        c.crash(103);
        assertFalse(c.requestProducerIds(103), "a dead broker asks nobody");
    }
}
