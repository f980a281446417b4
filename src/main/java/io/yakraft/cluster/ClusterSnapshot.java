package io.yakraft.cluster;

import io.yakraft.data.FeedStatus;
import io.yakraft.data.ReplicaView;
import io.yakraft.data.TopicPartition;
import io.yakraft.metadata.MetadataImage;
import io.yakraft.raft.QuorumInfo;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a view needs at one simulated instant, immutable, so a UI thread can draw it
 * while the simulation runs on. {@code cutLinks} holds directed [from, to] pairs; {@code logs}
 * and {@code images} give each node's log (as epoch runs) and its own metadata image (images
 * are immutable and shared, so this costs a reference per node); {@code replicas} each broker's
 * partition replicas and {@code feeds} how every feed is doing; {@code quorum} is what the leader
 * answers to DescribeQuorum (empty while no leader is known), to set beside what each node holds.
 */
public record ClusterSnapshot(long seed, long now, long events, List<NodeView> nodes, List<MessageView> inFlight,
                              List<int[]> cutLinks, int leaderId, int leaderEpoch, List<String> violations,
                              Map<Integer, LogView> logs, Map<Integer, MetadataImage> images,
                              Map<Integer, Map<TopicPartition, ReplicaView>> replicas, List<FeedStatus> feeds,
                              Optional<QuorumInfo> quorum, List<Integer> voters) {

    /**
     * Whether the node is in the voter set now ({@link Cluster#currentVoters()}). A controller
     * ({@link NodeView#voter()}) that was added as an observer or removed is not, KIP-853.
     */
    public boolean votes(int id) {
        return voters.contains(id);
    }

    /** The committed metadata as {@link Cluster#committedImage()} defines it, at this instant. */
    public MetadataImage committedImage() {
        if (leaderId >= 0) {
            return images.get(leaderId);
        }
        NodeView best = null;
        for (NodeView n : nodes) {
            if (n.status() != io.yakraft.sim.NodeStatus.DOWN && (best == null || n.appliedOffset() > best.appliedOffset())) {
                best = n;
            }
        }
        return best == null ? MetadataImage.EMPTY : images.get(best.id());
    }

    public NodeView node(int id) {
        for (NodeView n : nodes) {
            if (n.id() == id) {
                return n;
            }
        }
        throw new IllegalArgumentException("no node " + id);
    }
}
