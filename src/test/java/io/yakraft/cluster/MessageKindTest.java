package io.yakraft.cluster;

import io.yakraft.data.TopicPartition;
import io.yakraft.data.DataMessage;
import io.yakraft.data.Acks;
import io.yakraft.metadata.ControllerCommand;
import io.yakraft.metadata.ControllerReply;
import io.yakraft.metadata.Uuid;
import io.yakraft.raft.OffsetAndEpoch;
import io.yakraft.raft.RaftError;
import io.yakraft.raft.RaftMessage;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every payload the cluster sends has one kind, and the kind's label is the name the trace has always written. */
class MessageKindTest {

    private static final Uuid TOPIC = new Uuid(1, 2);

    private static List<RaftMessage> raftMessages() {
        OffsetAndEpoch at = new OffsetAndEpoch(5, 2);
        return List.of(
                new RaftMessage.VoteRequest(3, 1, 2, 5, true, 1),
                new RaftMessage.VoteRequest(3, 1, 2, 5, false, 2),
                new RaftMessage.VoteResponse(3, -1, true, true, 1, RaftError.NONE),
                new RaftMessage.VoteResponse(3, -1, false, false, 2, RaftError.NONE),
                new RaftMessage.BeginQuorumEpochRequest(3, 1),
                new RaftMessage.BeginQuorumEpochResponse(3, 1, RaftError.NONE),
                new RaftMessage.EndQuorumEpochRequest(3, 1, List.of(2)),
                new RaftMessage.EndQuorumEpochResponse(3, 1, RaftError.NONE),
                new RaftMessage.FetchRequest(3, 2, 5, 2, 7),
                new RaftMessage.FetchResponse(3, 1, RaftError.NONE, 5, List.of(), null, null, 0, 7),
                new RaftMessage.FetchSnapshotRequest(3, 2, at, 0, 16, 8, ""),
                RaftMessage.FetchSnapshotResponse.error(3, 1, RaftError.SNAPSHOT_NOT_FOUND, 8));
    }

    private static List<ControllerCommand> commands() {
        return List.of(
                new ControllerCommand.RegisterBroker(101, TOPIC, List.of(), null),
                new ControllerCommand.BrokerHeartbeat(101, 4, 10, false, false),
                new ControllerCommand.UnregisterBroker(101),
                new ControllerCommand.CreateTopic("orders", 3, 2),
                new ControllerCommand.CreatePartitions("orders", 4),
                new ControllerCommand.DeleteTopic("orders"),
                new ControllerCommand.AllocateProducerIds(101, 4),
                new ControllerCommand.AlterPartition(101, 4, TOPIC, 0, 1, 1, List.of(101)));
    }

    @Test
    void raftMessagesKeepTheirNames() {
        Set<MessageKind> seen = EnumSet.noneOf(MessageKind.class);
        for (RaftMessage m : raftMessages()) {
            MessageKind k = MessageKind.of(m);
            assertEquals(m.kind(), k.label(), m.toString());
            assertEquals(m.kind(), RaftMessages.INSTANCE.kind(m));
            seen.add(k);
        }
        assertEquals(12, seen.size(), "each raft message has a kind of its own: " + seen);
        assertEquals(MessageKind.Family.PRE_VOTE, MessageKind.of(raftMessages().get(0)).family());
        assertEquals(MessageKind.Family.VOTE, MessageKind.of(raftMessages().get(1)).family());
    }

    @Test
    void controllerRpcsAreNamedAfterTheirCommand() {
        Set<MessageKind> seen = EnumSet.noneOf(MessageKind.class);
        for (ControllerCommand c : commands()) {
            MessageKind request = MessageKind.of(new ControllerRequest(1, c));
            MessageKind response = MessageKind.of(new ControllerResponse(1, c, ControllerReply.ok(new ControllerReply.Done())));
            assertEquals(c.getClass().getSimpleName(), request.label());
            assertEquals(c.getClass().getSimpleName() + "Response", response.label());
            assertTrue(request.isRequest() && response.isResponse());
            assertEquals(MessageKind.Family.CONTROLLER_RPC, request.family());
            assertEquals(MessageKind.Family.CONTROLLER_RPC, response.family());
            seen.add(request);
            seen.add(response);
        }
        assertEquals(16, seen.size());
    }

    @Test
    void dataPlaneMessagesAreProduceAndReplicaFetch() {
        TopicPartition tp = new TopicPartition(TopicIds.topicId(TOPIC), "orders", 0);
        assertEquals(MessageKind.PRODUCE, MessageKind.of(new DataMessage.ProduceRequest(1, tp, Acks.ALL, List.of(), List.of())));
        assertEquals(MessageKind.PRODUCE_RESPONSE,
                MessageKind.of(new DataMessage.ProduceResponse(1, tp, DataMessage.Error.NONE, 0, "")));
        assertEquals(MessageKind.REPLICA_FETCH, MessageKind.of(new DataMessage.ReplicaFetchRequest(1, 102, List.of())));
        assertEquals(MessageKind.REPLICA_FETCH_RESPONSE, MessageKind.of(new DataMessage.ReplicaFetchResponse(1, List.of())));
        for (MessageKind k : List.of(MessageKind.PRODUCE, MessageKind.REPLICA_FETCH_RESPONSE)) {
            assertTrue(k.family().data());
        }
    }

    @Test
    void everyKindIsARequestOrAResponseAndFamiliesPairThem() {
        for (MessageKind k : MessageKind.values()) {
            assertNotEquals(k.isRequest(), k.isResponse(), k.name());
            assertEquals(k.isResponse(), k.label().endsWith("Response"), k.name());
            assertEquals(k.family() == MessageKind.Family.PRE_VOTE || k.family() == MessageKind.Family.VOTE,
                    k.family().election(), k.name());
        }
        for (MessageKind.Family f : MessageKind.Family.values()) {
            long requests = EnumSet.allOf(MessageKind.class).stream().filter(k -> k.family() == f && k.isRequest()).count();
            long responses = EnumSet.allOf(MessageKind.class).stream().filter(k -> k.family() == f && k.isResponse()).count();
            assertEquals(requests, responses, "each request of " + f + " has its response");
            assertTrue(requests > 0, f + " has messages");
        }
    }

    @Test
    void anUnknownPayloadFailsLoudly() {
        assertThrows(IllegalArgumentException.class, () -> MessageKind.of("a string on the wire"));
    }
}
