package io.yakraft.cluster;

import io.yakraft.raft.QuorumInfo;

/**
 * What a controller answers to DescribeQuorum (Kafka's KafkaRaftClient.handleDescribeQuorumRequest):
 * the leader describes the quorum as it sees it; any other live node answers
 * NOT_LEADER_OR_FOLLOWER with the leader and epoch it knows; a down node answers nothing.
 */
public sealed interface DescribeQuorumAnswer {

    /** The leader's own view. */
    record Described(QuorumInfo quorum) implements DescribeQuorumAnswer {
    }

    /** Kafka's NOT_LEADER_OR_FOLLOWER, with the leader the asked node knows (-1 when none) in its epoch. */
    record NotLeader(int askedId, int epoch, int knownLeaderId) implements DescribeQuorumAnswer {
    }

    /** The asked node is down (or paused): no answer comes. */
    record NoAnswer(int askedId) implements DescribeQuorumAnswer {
    }
}
