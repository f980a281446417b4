package io.yakraft.ui;

import io.yakraft.cluster.NodeView;

/** One row of the nodes table: what a person compares across nodes at a glance. {@code kind}: controller or broker. */
public record NodeRow(int id, String kind, String role, int epoch, String leader, String votedFor, long logStart,
                      long logEnd, long highWatermark, int incarnation, String metadata, long applied) {

    public static NodeRow of(NodeView n) {
        return new NodeRow(n.id(), n.voter() ? "controller" : "broker", n.displayRole(), n.epoch(),
                n.leaderId() < 0 ? "—" : "n" + n.leaderId(), n.votedId() < 0 ? "—" : "n" + n.votedId(),
                n.logStartOffset(), n.logEndOffset(), n.highWatermark(), n.incarnation(),
                shortRole(n.metadataRole()), n.appliedOffset());
    }

    /** The table says "active"/"standby" for controllers: the Role column already tells them from brokers. */
    private static String shortRole(String metadataRole) {
        if (metadataRole.isEmpty()) {
            return "—";
        }
        return metadataRole.endsWith(" controller") ? metadataRole.substring(0, metadataRole.indexOf(' ')) : metadataRole;
    }
}
