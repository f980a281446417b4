package io.yakraft.cluster;

import io.yakraft.data.Feed;
import io.yakraft.data.FeedRecord;
import io.yakraft.data.Acks;
import io.yakraft.metadata.ControllerCommand;
import io.yakraft.metadata.ControllerReply;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cluster.apply answers with a typed outcome: refusals carry an error code, answers carry data. */
class ActionOutcomeTest {

    private static Cluster running() {
        Cluster c = new Cluster(ClusterConfig.defaults(42, 3, 3)).start();
        c.runUntil(5_000);
        assertTrue(c.leaderId() >= 0, "a leader after 5 s");
        return c;
    }

    private static Outcome.Refused refused(Outcome o, ErrorCode code) {
        Outcome.Refused r = assertInstanceOf(Outcome.Refused.class, o, o.describe());
        assertEquals(code, r.code(), r.describe());
        return r;
    }

    @Test
    void anUnknownNodeOrTopicIsRefusedWithItsCode() {
        Cluster c = running();
        Outcome.Refused node = refused(c.apply(new Action.Kill(NodeRef.node(99)), r -> { }), ErrorCode.NO_SUCH_NODE);
        assertEquals("kill n99", node.what());
        refused(c.apply(new Action.Cut(NodeRef.node(1), NodeRef.broker(999), false), r -> { }), ErrorCode.NO_SUCH_NODE);
        refused(c.apply(new Action.Kill(new NodeRef.LeaderOf("nope", 0)), r -> { }), ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
        refused(c.apply(new Action.RegisterBroker(101, "broker-101", 9092, null), r -> { }), ErrorCode.DUPLICATE_BROKER_REGISTRATION);
        refused(c.apply(new Action.RegisterBroker(-1, "x", 9092, null), r -> { }), ErrorCode.INVALID_REQUEST);
        refused(c.apply(new Action.ReregisterBroker(NodeRef.node(1), "x", null, null), r -> { }), ErrorCode.BROKER_ID_NOT_REGISTERED);
        refused(c.apply(new Action.ReregisterBroker(NodeRef.broker(101), null, 70_000, null), r -> { }), ErrorCode.INVALID_REQUEST);
        refused(c.apply(new Action.RegisterProducer(NodeRef.node(1)), r -> { }), ErrorCode.BROKER_NOT_AVAILABLE);
        Action.Feed viaController = new Action.Feed("t", new Action.Generated(1, 1, List.of(new FeedRecord("k", "{}"))), Acks.ALL, 0,
                NodeRef.node(1));
        refused(c.apply(viaController, r -> { }), ErrorCode.BROKER_ID_NOT_REGISTERED);
        refused(c.apply(new Action.Network(null, 50L, 10L, null), r -> { }), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void answersCarryTypedData() {
        Cluster c = running();
        assertEquals(new Outcome.BrokerStarted(104), c.apply(new Action.RegisterBroker(104, "broker-104", 9092, null), r -> { }));
        assertEquals(new Outcome.BrokerStarted(102), c.apply(new Action.ReregisterBroker(NodeRef.broker(102), "kafka-2", null, "r1"), r -> { }));
        Outcome feed = c.apply(new Action.Feed("t", new Action.Generated(1, 1, List.of(new FeedRecord("k", "{}"))), Acks.ALL, 0, null),
                r -> { });
        assertEquals(1, assertInstanceOf(Outcome.FeedStarted.class, feed).feedId());
        assertEquals(new Outcome.ProducerIdsRequested(101), c.apply(new Action.RegisterProducer(NodeRef.broker(101)), r -> { }));
        assertInstanceOf(Outcome.Written.class, c.apply(new Action.Write(2, "w"), r -> { }));

        List<ControllerReply> replies = new ArrayList<>();
        Outcome sent = c.apply(new Action.CreateTopic("orders", 1, 1), replies::add);
        assertInstanceOf(ControllerCommand.CreateTopic.class, assertInstanceOf(Outcome.CommandSent.class, sent).command());
        for (int i = 0; i < 100 && replies.isEmpty(); i++) {
            c.runFor(10);
        }
        assertEquals(1, replies.size(), "the controller's answer comes later, to the reply consumer");
        assertTrue(replies.get(0).ok(), replies.get(0).toString());

        Outcome killed = c.apply(new Action.Kill(new NodeRef.Leader()), r -> { });
        assertTrue(assertInstanceOf(Outcome.Accepted.class, killed).describe().matches("kill n\\d \\(leader\\)"), killed.describe());
        c.runFor(100);
        assertEquals(-1, c.resolve(new NodeRef.Leader()), "no leader right after the kill");
        refused(c.apply(new Action.Resign(null), r -> { }), ErrorCode.LEADER_NOT_AVAILABLE);
    }
}
