package io.yakraft.cluster;

import io.yakraft.data.Acks;
import io.yakraft.data.DataRecord;
import io.yakraft.data.PartitionLog;
import io.yakraft.data.TopicPartition;
import io.yakraft.raft.LogEntry;
import io.yakraft.raft.Role;

import java.util.List;

/**
 * Hooks for whoever watches the protocol from outside (the invariant checker, views). Called
 * synchronously, in simulation order, while the node handles its event.
 */
public interface ClusterObserver {
    default void roleChanged(int node, Role from, Role to, int epoch, int leaderId) {
    }

    default void appended(int node, List<LogEntry> entries) {
    }

    default void truncated(int node, long newEndOffset, long removed) {
    }

    /** The node loaded a snapshot (from disk at start, or fetched from the leader). */
    default void snapshotLoaded(int node, io.yakraft.raft.RaftSnapshot snapshot) {
    }

    default void highWatermarkChanged(int node, long from, long to) {
    }

    /**
     * A controller answered a command. {@code lastRecord} is the offset of the last record the
     * command wrote (-1 for none); {@code highWatermark} is the controller's when it answered.
     */
    default void controllerReplied(int node, io.yakraft.metadata.ControllerCommand command,
                                   io.yakraft.metadata.ControllerReply reply, long lastRecord, long highWatermark) {
    }

    /** A broker became leader of a partition in {@code leaderEpoch}; {@code log} is its replica's log at that moment. */
    default void partitionLeaderStarted(int broker, TopicPartition partition, int leaderEpoch, PartitionLog log) {
    }

    /** A follower truncated its replica of a partition where the leader said the logs diverge. */
    default void partitionTruncated(int broker, TopicPartition partition, long newEndOffset, int removed) {
    }

    /** A producer got its answer: these records (offsets filled in) are acknowledged with {@code acks}. */
    default void recordsAcked(TopicPartition partition, Acks acks, java.util.List<DataRecord> records) {
    }

    /**
     * A client sent a controller command: a broker on its own behalf ({@code client} is its id) or
     * a caller beside the cluster (-1). {@code op} names the command until {@link #commandAnswered}.
     */
    default void commandSent(long op, int client, io.yakraft.metadata.ControllerCommand command) {
    }

    /** The answer to command {@code op} reached its client; never called for an answer that was lost or dropped. */
    default void commandAnswered(long op, io.yakraft.metadata.ControllerReply reply) {
    }

    /** A producer running beside {@code broker} sent a produce request; a success comes back as {@link #recordsAcked}. */
    default void produceSent(int broker, io.yakraft.data.DataMessage.ProduceRequest request) {
    }

    /** "crash"; "restarting" just before the new incarnation boots, "restarted" just after. */
    default void fault(int node, String what, boolean diskLost) {
    }
}
