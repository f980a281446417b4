package io.yakraft.ui;

import io.yakraft.cluster.ClusterSnapshot;
import io.yakraft.cluster.NodeView;
import io.yakraft.raft.QuorumInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The quorum panel's content from a frame, without JavaFX: the leader's DescribeQuorum answer
 * set beside what each node holds, so "what the leader believes" and "what is there" can be
 * compared row by row. Times are shown as "ms ago" at the snapshot's instant.
 */
final class QuorumRows {
    private QuorumRows() {
    }

    /** One replica: the leader's belief (log end, fetch and caught-up times) and the node's own log end. */
    record Row(String replica, String kind, String leaderKnowsEnd, String holdsEnd, String lastFetch, String lastCaughtUp) {
    }

    /** The headline: leader, epoch, high watermark and Kafka's max follower lag; or why there is no answer. */
    static String headline(ClusterSnapshot s) {
        Optional<QuorumInfo> quorum = s.quorum();
        if (quorum.isEmpty()) {
            return "No leader: only a leader answers DescribeQuorum (others say NOT_LEADER_OR_FOLLOWER)";
        }
        QuorumInfo q = quorum.get();
        long lagMs = q.maxFollowerLagTimeMs();
        return "Leader n" + q.leaderId() + " · epoch " + q.leaderEpoch() + " · HW "
                + (q.highWatermark() < 0 ? "unknown" : q.highWatermark()) + " · max follower lag "
                + q.maxFollowerLag() + (lagMs < 0 ? " (never caught up)" : " (" + lagMs + " ms)");
    }

    static List<Row> rows(ClusterSnapshot s) {
        List<Row> out = new ArrayList<>();
        if (s.quorum().isEmpty()) {
            return out;
        }
        QuorumInfo q = s.quorum().get();
        for (QuorumInfo.Replica r : q.voters()) {
            out.add(row(s, r, r.replicaId() == q.leaderId() ? "leader" : "voter"));
        }
        for (QuorumInfo.Replica r : q.observers()) {
            out.add(row(s, r, "observer"));
        }
        return out;
    }

    private static Row row(ClusterSnapshot s, QuorumInfo.Replica r, String kind) {
        NodeView n = s.nodes().stream().filter(v -> v.id() == r.replicaId()).findFirst().orElse(null);
        return new Row("n" + r.replicaId(), kind, offset(r.logEndOffset()),
                n == null ? "—" : n.displayRole().equals("Dead") ? n.logEndOffset() + " (dead)" : String.valueOf(n.logEndOffset()),
                ago(s.now(), r.lastFetchTimestamp()), ago(s.now(), r.lastCaughtUpTimestamp()));
    }

    private static String offset(long o) {
        return o < 0 ? "unknown" : String.valueOf(o);
    }

    private static String ago(long now, long at) {
        return at < 0 ? "never" : (now - at) + " ms ago";
    }
}
