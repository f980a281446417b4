package io.yakraft.cluster;

import io.yakraft.metadata.PartitionRegistration;
import io.yakraft.metadata.TopicImage;
import io.yakraft.raft.Role;
import io.yakraft.sim.NodeStatus;

/** Resolves a {@link NodeRef} against the cluster as it is now, deterministically. */
final class RoleHolders {
    private RoleHolders() {
    }

    /** The node id now, or -1 when the role has no holder (no leader, no live follower, a partition without leader). */
    static int resolve(NodeRef ref, Cluster c) {
        if (ref instanceof NodeRef.Id id) {
            return id.id();
        }
        if (ref instanceof NodeRef.Leader) {
            return c.leaderId();
        }
        if (ref instanceof NodeRef.AFollower) {
            int leader = c.leaderId();
            for (int v : c.voterIds()) {
                if (v != leader && c.status(v) != NodeStatus.DOWN && c.raft(v).role() != Role.LEADER) {
                    return v;
                }
            }
            return -1;
        }
        if (ref instanceof NodeRef.ABroker) {
            for (int b : c.observerIds()) {
                if (c.status(b) != NodeStatus.DOWN) {
                    return b;
                }
            }
            return -1;
        }
        if (ref instanceof NodeRef.LeaderOf p) {
            PartitionRegistration r = partition(c, p);
            return r == null || !r.hasLeader() ? -1 : r.leader();
        }
        throw new IllegalStateException("unknown node reference " + ref);
    }

    /** The partition a LeaderOf names in the committed image, or null when there is no such topic or partition. */
    static PartitionRegistration partition(Cluster c, NodeRef.LeaderOf p) {
        TopicImage t = c.committedImage().topics().get(p.topic());
        return t == null ? null : t.partitions().get(p.partition());
    }
}
