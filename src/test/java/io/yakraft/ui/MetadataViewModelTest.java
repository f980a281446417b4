package io.yakraft.ui;

import io.yakraft.session.Frame;
import io.yakraft.cluster.Cluster;
import io.yakraft.metadata.ControllerCommand;
import io.yakraft.cluster.MessageKind;
import io.yakraft.sim.MessageEvent;
import io.yakraft.sim.TraceEvent;
import io.yakraft.sim.TraceKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The metadata tabs' view-model and the small pure pieces of the window, without a scene. */
class MetadataViewModelTest {

    private static Frame frame(Cluster c, long number, int recordsNode) {
        return new Frame(c.snapshot(), List.of(), number, 1, false, number, recordsNode,
                c.entries(recordsNode, 0, Long.MAX_VALUE), null, List.of(), 0, c.config());
    }

    @Test
    void aLaggingNodesTabsShowItsStaleImageAndChangedRowsFlash() {
        Cluster c = new Cluster(io.yakraft.session.Session.defaultConfig(5, 3, 3)).start();
        c.runUntil(6_000);
        int leader = c.leaderId();
        int lagging = leader == 1 ? 2 : 1;
        MetadataViewModel m = new MetadataViewModel();
        m.seenByProperty().set(lagging);
        m.update(frame(c, 1, lagging), 0);
        assertEquals(3, m.brokers().items().size());
        c.pause(lagging);
        c.submit(new ControllerCommand.CreateTopic("orders", 2, 2), r -> { });
        c.runFor(1_000);
        m.update(frame(c, 2, lagging), 1_000_000_000L);
        assertTrue(m.topics().items().isEmpty(), "the paused node has not applied the topic yet");
        m.seenByProperty().set(MetadataViewModel.FOLLOW_LEADER);
        m.update(frame(c, 3, leader), 2_000_000_000L);
        assertEquals("orders", m.topics().items().get(0).name());
        assertFalse(m.topics().fresh(m.topics().items().get(0)), "switching nodes flashes nothing");
        c.submit(new ControllerCommand.CreatePartitions("orders", 3), r -> { });
        c.runFor(1_000);
        m.update(frame(c, 4, leader), 3_000_000_000L);
        MetadataRows.TopicRow orders = m.topics().items().get(0);
        assertEquals(3, orders.partitions());
        assertTrue(m.topics().fresh(orders), "the changed row flashes");
        m.update(frame(c, 5, leader), 3_000_000_000L + FlashingList.FLASH_NANOS);
        assertFalse(m.topics().fresh(m.topics().items().get(0)), "and stops flashing on time");
        assertTrue(m.records().items().stream().anyMatch(r -> r.type().equals("TOPIC_RECORD") && r.committed()));
    }

    @Test
    void thePartitionsTabShowsTheSeenByBrokersReplicaElseTheLeaders() {
        Cluster c = new Cluster(io.yakraft.session.Session.defaultConfig(5, 3, 3)).start();
        c.runUntil(6_000);
        c.submit(new ControllerCommand.CreateTopic("orders", 1, 3), r -> { });
        c.runFor(2_000);
        var image = c.snapshot().committedImage();
        var partition = image.topics().get("orders").partitions().get(0);
        int leader = partition.leader();
        int follower = partition.replicas().stream().filter(b -> b != leader).findFirst().orElseThrow();
        c.pause(follower);
        c.feed(new io.yakraft.data.FeedRequest("orders", io.yakraft.ingest.FeedSource.synthetic(10, 4),
                io.yakraft.data.Acks.LEADER, 0, leader));
        c.runFor(2_000);
        var s = c.snapshot();
        image = s.committedImage();
        MetadataRows.PartitionRow asController = MetadataRows.partitions(image, s.replicas(), c.voterIds()[0]).get(0);
        assertEquals("10", asController.logEnd(), "a controller hosts no replica: the leader's log end");
        MetadataRows.PartitionRow asLeader = MetadataRows.partitions(image, s.replicas(), leader).get(0);
        assertEquals("10", asLeader.logEnd());
        MetadataRows.PartitionRow asPaused = MetadataRows.partitions(image, s.replicas(), follower).get(0);
        assertEquals("0", asPaused.logEnd(), "the paused follower's own replica has nothing yet");
        assertEquals("—", MetadataRows.partitions(image).get(0).logEnd(), "without replicas nothing is known");
    }

    @Test
    void clickingNearALinkFindsItAndItsNearerEnd() {
        ClusterLayout layout = new ClusterLayout(List.of(1, 2, 3), List.of(101), 800, 600);
        var p1 = layout.position(1);
        var p2 = layout.position(2);
        double mx = p1.x() + (p2.x() - p1.x()) * 0.3;
        double my = p1.y() + (p2.y() - p1.y()) * 0.3;
        int[] link = layout.linkAt(mx, my + 3, List.of(new int[] {1, 2}, new int[] {1, 3}, new int[] {2, 3}));
        assertEquals(List.of(1, 2), List.of(link[0], link[1]));
        assertEquals(1, layout.nearerEnd(link, mx, my));
        assertNull(layout.linkAt(p1.x(), p1.y(), List.of(new int[] {1, 2})), "a click on a node is not a click on a link");
        assertNull(layout.linkAt(mx, my + 40, List.of(new int[] {1, 2})));
    }

    @Test
    void dropsKnowWhichEndLostTheMessage() {
        DroppedMessage atSend = DroppedMessage.of(new TraceEvent(1, 5, 2, TraceKind.DROP, "cut", 3, -1,
                new MessageEvent(MessageEvent.Stage.DROPPED_LINK_CUT, MessageKind.FETCH)), 0);
        assertEquals(2, atSend.from());
        assertEquals(3, atSend.to());
        assertFalse(atSend.atReceiver());
        DroppedMessage atArrival = DroppedMessage.of(new TraceEvent(2, 6, 3, TraceKind.DROP, "down", 2, 17,
                new MessageEvent(MessageEvent.Stage.DROPPED_RECEIVER_DOWN, MessageKind.VOTE)), 0);
        assertEquals(2, atArrival.from());
        assertTrue(atArrival.atReceiver());
        assertEquals(0.5, atArrival.alpha(DroppedMessage.FADE_NANOS / 2), 1e-9);
        assertNull(DroppedMessage.of(new TraceEvent(3, 7, 1, TraceKind.VOTE, "granted"), 0));
        assertNull(DroppedMessage.of(new TraceEvent(4, 8, 1, TraceKind.DROP, "dropped, but said in words only", 2, 18), 0),
                "a drop is known by its typed detail, not by its words");
        assertNull(DroppedMessage.of(new TraceEvent(5, 9, 1, TraceKind.SEND, "→n2 Fetch", 2, 19,
                new MessageEvent(MessageEvent.Stage.SENT, MessageKind.FETCH)), 0));
    }
}
