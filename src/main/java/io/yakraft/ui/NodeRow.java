package io.yakraft.ui;

import io.yakraft.cluster.NodeView;

/** One row of the nodes table: what a person compares across nodes at a glance. {@code kind}: controller or broker. */
public record NodeRow(int id, String kind, String role, int epoch, String leader, String votedFor, long logStart,
                      long logEnd, long highWatermark, int incarnation, String metadata, long applied) {

    public static NodeRow of(NodeView n) {
        return new NodeRow(n.id(), !n.voter() ? "broker" : n.observerController() ? "controller (observer)" : "controller",
                tableRole(n), n.epoch(),
                n.leaderId() < 0 ? "—" : "n" + n.leaderId(), n.votedId() < 0 ? "—" : "n" + n.votedId(),
                n.logStartOffset(), n.logEndOffset(), n.highWatermark(), n.incarnation(),
                shortRole(n.metadataRole()), n.appliedOffset());
    }

    /**
     * "Observer" for every live observer: "Observer (Unattached)" did not fit the column at 1366 px,
     * and an observer is only ever following or unattached, which the Leader column tells apart
     * (a leader's name, or "—"). The canvas and the selection line keep the long form.
     */
    static String tableRole(NodeView n) {
        String role = n.displayRole();
        return role.startsWith("Observer") ? "Observer" : role; // a broker, or a controller outside the voter set
    }

    /** The table says "active"/"standby" for controllers: the Role column already tells them from brokers. */
    private static String shortRole(String metadataRole) {
        if (metadataRole.isEmpty()) {
            return "—";
        }
        return metadataRole.endsWith(" controller") ? metadataRole.substring(0, metadataRole.indexOf(' ')) : metadataRole;
    }
}
