package io.yakraft.check;

import io.yakraft.cluster.Cluster;
import io.yakraft.cluster.LogRange;
import io.yakraft.metadata.BrokerRegistration;
import io.yakraft.metadata.PartitionRegistration;
import io.yakraft.metadata.TopicImage;
import io.yakraft.sim.NodeStatus;

import java.util.HashSet;
import java.util.Map;

/**
 * Liveness after calm, checked once at the end of a fuzz run's calm (every fault healed, every
 * node up for {@code calmMs}): a leader exists and every live node has caught up with its log;
 * every live replica of a partition reaches its leader's high watermark; every ISR is whole
 * again (all replicas, when all are up and unfenced); every command the workload sent was
 * answered and the feed finished. The first rule broken is recorded on the cluster as a
 * violation, which stops the run there, as a safety rule does.
 */
public final class FuzzLiveness {
    public static final String LEADER = "LeaderAfterCalm";
    public static final String CAUGHT_UP = "EveryReplicaCaughtUpAfterCalm";
    public static final String ISR_WHOLE = "IsrWholeAfterCalm";
    public static final String ANSWERED = "EveryCommandAnswered";
    public static final String REPLICA_REACHES_HW = DataInvariants.REPLICA_REACHES_HW;
    public static final String IDEMPOTENT_ONCE = DataInvariants.IDEMPOTENT_ONCE;

    private FuzzLiveness() {
    }

    static void check(Cluster c, FuzzPlan.Armed armed, long calmMs) {
        String when = " " + calmMs + " ms after the faults stopped";
        int leader = c.leaderId();
        if (leader < 0) {
            fail(c, armed, LEADER, -1, "no leader" + when);
            return;
        }
        if (!Runner.caughtUp(c)) {
            LogRange l = c.logRange(leader);
            StringBuilder behind = new StringBuilder();
            for (int id : c.allIds()) {
                if (c.status(id) == NodeStatus.UP && (c.logRange(id).highWatermark() < Runner.settledEnd(c, leader, l.endOffset())
                        || c.epochOf(id) != c.epochOf(leader))) {
                    behind.append(behind.length() == 0 ? "" : ", ").append("n").append(id).append(" (epoch ")
                            .append(c.epochOf(id)).append(", high watermark ").append(c.logRange(id).highWatermark()).append(')');
                }
            }
            fail(c, armed, CAUGHT_UP, leader, "leader n" + leader + " (epoch " + c.epochOf(leader) + ", log end "
                    + l.endOffset() + ", high watermark " + l.highWatermark() + ")" + when + "; behind: "
                    + (behind.length() == 0 ? "the leader's own high watermark" : behind));
            return;
        }
        boolean[] failed = {false};
        new DataInvariants(c, (rule, node, detail) -> {
            if (!failed[0]) {
                failed[0] = true;
                fail(c, armed, rule, node, detail);
            }
        }).checkReplicasReachHighWatermark();
        if (failed[0]) {
            return;
        }
        for (TopicImage t : c.committedImage().topics().values()) {
            for (Map.Entry<Integer, PartitionRegistration> e : t.partitions().entrySet()) {
                PartitionRegistration p = e.getValue();
                if (allUsable(c, p) && !new HashSet<>(p.isr()).equals(new HashSet<>(p.replicas()))) {
                    fail(c, armed, ISR_WHOLE, p.leader(), t.name() + "-" + e.getKey() + " has ISR " + p.isr() + " of replicas "
                            + p.replicas() + when + ", every replica up and unfenced");
                    return;
                }
            }
        }
        if (armed.workload() != null && armed.workload().awaitingAnswer()) {
            fail(c, armed, ANSWERED, -1, "a metadata command of the workload is still unanswered" + when);
            return;
        }
        if (armed.feed() != null && armed.feed().outcome() != null && !armed.feed().outcome().done()) {
            fail(c, armed, ANSWERED, -1, "the feed is unfinished" + when + ": " + armed.feed().outcome());
        }
    }

    private static boolean allUsable(Cluster c, PartitionRegistration p) {
        for (int b : p.replicas()) {
            BrokerRegistration r = c.committedImage().brokers().get(b);
            if (c.status(b) != NodeStatus.UP || r == null || r.fenced()) {
                return false;
            }
        }
        return true;
    }

    private static void fail(Cluster c, FuzzPlan.Armed armed, String rule, int node, String detail) {
        Violation v = new Violation(rule, c.config().seed(), c.eventCount() + 1, c.now(), node, detail);
        armed.reportLiveness(v);
        c.recordViolation(node, v.toString());
    }
}
