package io.yakraft.cluster;

import io.yakraft.metadata.MetadataDelta;
import io.yakraft.metadata.MetadataImage;
import io.yakraft.metadata.MetadataRecord;
import io.yakraft.raft.LogEntry;
import io.yakraft.raft.RaftLog;
import io.yakraft.raft.RaftSnapshot;
import io.yakraft.sim.Simulation;
import io.yakraft.sim.TraceKind;

import java.util.HashMap;
import java.util.Map;

/**
 * Every node's own metadata image, built the way Kafka's brokers and controllers build theirs:
 * committed records only (up to the node's high watermark), applied in log order, from the
 * latest snapshot after a restart. A lagging node's stale view is therefore real.
 * Non-metadata payloads (plain client writes, the leader-change control record) only move the
 * applied offset.
 */
final class NodeImages implements ClusterObserver {
    private final Map<Integer, MetadataImage> images = new HashMap<>();
    /** Next log offset each node will apply. */
    private final Map<Integer, Long> nextToApply = new HashMap<>();
    private final Cluster cluster;
    private final Simulation sim;

    NodeImages(Cluster cluster, Simulation sim) {
        this.cluster = cluster;
        this.sim = sim;
    }

    MetadataImage image(int node) {
        return images.getOrDefault(node, MetadataImage.EMPTY);
    }

    /** Offset of the last applied log entry, -1 before any. */
    long appliedOffset(int node) {
        return nextToApply.getOrDefault(node, 0L) - 1;
    }

    @Override
    public void fault(int node, String what, boolean diskLost) {
        if (what.equals("restarting")) {
            // the image is in memory: a restart rebuilds it from the snapshot and the log
            images.put(node, MetadataImage.EMPTY);
            nextToApply.put(node, 0L);
        }
    }

    @Override
    public void snapshotLoaded(int node, RaftSnapshot snapshot) {
        MetadataImage img = snapshot.state() instanceof MetadataImage m ? m : MetadataImage.EMPTY;
        images.put(node, img);
        nextToApply.put(node, snapshot.id().offset());
    }

    @Override
    public void highWatermarkChanged(int node, long from, long to) {
        RaftLog log = cluster.disk(node).log();
        long next = Math.max(nextToApply.getOrDefault(node, 0L), log.startOffset());
        // A correct core never reports a high watermark past its log; a broken one may, and the
        // invariant checker (which hears of it next) must get to say so.
        to = Math.min(to, log.endOffset());
        if (next >= to) {
            return;
        }
        MetadataDelta delta = null;
        for (long o = next; o < to; o++) {
            LogEntry e = log.get(o);
            if (e.payload() instanceof MetadataRecord r) {
                if (delta == null) {
                    delta = image(node).toDelta();
                }
                try {
                    delta.replay(o, r);
                } catch (IllegalArgumentException bad) {
                    // every node rejects the same committed record the same way, so images still agree
                    sim.trace().record(sim.now(), node, TraceKind.NOTE, "committed record at " + o + " not applied: " + bad.getMessage());
                }
            }
        }
        if (delta != null) {
            images.put(node, delta.apply());
        }
        nextToApply.put(node, to);
    }
}
