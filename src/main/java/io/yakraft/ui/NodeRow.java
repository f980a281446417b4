package io.yakraft.ui;

import io.yakraft.cluster.NodeView;

/** One row of the nodes table: what a person compares across nodes at a glance. */
public record NodeRow(int id, String kind, String role, int epoch, String leader, String votedFor, long logStart,
                      long logEnd, long highWatermark, int incarnation) {

    public static NodeRow of(NodeView n) {
        return new NodeRow(n.id(), n.voter() ? "controller" : "observer", n.displayRole(), n.epoch(),
                n.leaderId() < 0 ? "—" : "n" + n.leaderId(), n.votedId() < 0 ? "—" : "n" + n.votedId(),
                n.logStartOffset(), n.logEndOffset(), n.highWatermark(), n.incarnation());
    }
}
