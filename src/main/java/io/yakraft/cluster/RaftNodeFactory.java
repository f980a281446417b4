package io.yakraft.cluster;

import io.yakraft.raft.DurableState;
import io.yakraft.raft.RaftConfig;
import io.yakraft.raft.RaftNode;
import io.yakraft.raft.RaftOutputs;

import java.util.SplittableRandom;

/** Builds the consensus core of a node; tests pass deliberately broken variants here. */
@FunctionalInterface
public interface RaftNodeFactory {
    RaftNode create(int id, int[] voters, RaftConfig config, DurableState disk, SplittableRandom random,
                    RaftOutputs outputs, int incarnation);

    RaftNodeFactory KRAFT = RaftNode::new;
}
