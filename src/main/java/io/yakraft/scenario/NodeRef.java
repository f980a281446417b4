package io.yakraft.scenario;

import io.yakraft.cluster.Cluster;
import io.yakraft.metadata.PartitionRegistration;
import io.yakraft.metadata.TopicImage;
import io.yakraft.raft.Role;
import io.yakraft.sim.NodeStatus;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a step names a node: "n3" or "3" or "b101" by id, or by role, resolved when the step
 * runs and deterministically: "leader" (the current leader), "a follower" (the lowest-numbered
 * live controller that does not lead), "a broker" (the lowest-numbered live broker), "leader of
 * payments-0" (the broker leading that partition in the committed image).
 */
final class NodeRef {
    /** "leader of TOPIC-PARTITION": the last dash splits, as topic names may hold dashes too. */
    private static final Pattern PARTITION_LEADER = Pattern.compile("leader of ([a-zA-Z0-9._-]+)-(\\d{1,6})");

    private NodeRef() {
    }

    /** Syntax check at load time: null when the reference is well formed, else what is wrong. */
    static String problem(String ref) {
        if (ref == null) {
            return "a node is required (e.g. \"n2\", \"b101\", \"leader\", \"a follower\", \"a broker\")";
        }
        if (ref.equals("leader") || ref.equals("a follower") || ref.equals("a broker") || PARTITION_LEADER.matcher(ref).matches()) {
            return null;
        }
        String digits = ref.startsWith("n") || ref.startsWith("b") ? ref.substring(1) : ref;
        return digits.matches("\\d{1,6}") ? null
                : "'" + ref + "' is not a node (expected n2, b101, 3, leader, a follower, a broker or leader of payments-0)";
    }

    /** The node id now, or -1 when the role has no holder (no leader, no live follower, a partition without leader). */
    static int resolve(String ref, Cluster c) {
        switch (ref) {
            case "leader":
                return c.leaderId();
            case "a follower": {
                int leader = c.leaderId();
                for (int v : c.voterIds()) {
                    if (v != leader && c.status(v) != NodeStatus.DOWN && c.raft(v).role() != Role.LEADER) {
                        return v;
                    }
                }
                return -1;
            }
            case "a broker": {
                for (int b : c.observerIds()) {
                    if (c.status(b) != NodeStatus.DOWN) {
                        return b;
                    }
                }
                return -1;
            }
            default: {
                Matcher m = PARTITION_LEADER.matcher(ref);
                if (m.matches()) {
                    return partitionLeader(c, m.group(1), Integer.parseInt(m.group(2)));
                }
                return Integer.parseInt(ref.startsWith("n") || ref.startsWith("b") ? ref.substring(1) : ref);
            }
        }
    }

    /** The broker leading the partition in the committed image, or -1 (no such partition, no leader). */
    private static int partitionLeader(Cluster c, String topic, int partition) {
        TopicImage t = c.committedImage().topics().get(topic);
        PartitionRegistration p = t == null ? null : t.partitions().get(partition);
        return p == null || !p.hasLeader() ? -1 : p.leader();
    }
}
