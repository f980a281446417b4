package io.yakraft.raft;

import java.util.List;

/**
 * The leader's own view of the quorum, as Kafka's DescribeQuorum answers it
 * (KafkaRaftClient.handleDescribeQuorumRequest, RaftUtil.singletonDescribeQuorumResponse): the
 * leader, its epoch, its high watermark (-1 while it has none of its own), and for each voter and
 * observer the log end the leader last heard of with its fetch and caught-up times. The leader's
 * own entry carries its log end and the current time for both timestamps, as Kafka's does.
 */
public record QuorumInfo(int leaderId, int leaderEpoch, long highWatermark, List<Replica> voters,
                         List<Replica> observers) {

    public QuorumInfo {
        voters = List.copyOf(voters);
        observers = List.copyOf(observers);
    }

    /**
     * One replica as the leader knows it (DescribeQuorumResponse's ReplicaState); -1 for a value
     * the leader has not learned in this epoch.
     */
    public record Replica(int replicaId, long logEndOffset, long lastFetchTimestamp, long lastCaughtUpTimestamp) {
    }

    /** The leader's own entry among the voters. */
    public Replica leader() {
        for (Replica r : voters) {
            if (r.replicaId() == leaderId) {
                return r;
            }
        }
        throw new IllegalStateException("leader n" + leaderId + " is missing from its own voter list " + voters);
    }

    /** The voter with the smallest log end; on a tie the leader (so none lags), then the lowest id. */
    public Replica furthestBehindVoter() {
        Replica worst = leader();
        for (Replica r : voters) {
            if (r.logEndOffset() < worst.logEndOffset()) {
                worst = r;
            }
        }
        return worst;
    }

    /**
     * Kafka's kafka-metadata-quorum "MaxFollowerLag" (MetadataQuorumCommand): the leader's log end
     * minus the smallest log end among the voters.
     */
    public long maxFollowerLag() {
        return leader().logEndOffset() - furthestBehindVoter().logEndOffset();
    }

    /**
     * Kafka's "MaxFollowerLagTimeMs": how long ago the furthest-behind voter was last caught up,
     * counted from the leader's own caught-up time; 0 when no voter lags, -1 when that voter was
     * never caught up in this epoch.
     */
    public long maxFollowerLagTimeMs() {
        Replica worst = furthestBehindVoter();
        if (worst.replicaId() == leaderId) {
            return 0;
        }
        return worst.lastCaughtUpTimestamp() < 0 ? -1 : leader().lastCaughtUpTimestamp() - worst.lastCaughtUpTimestamp();
    }
}
