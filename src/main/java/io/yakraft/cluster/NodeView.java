package io.yakraft.cluster;

import io.yakraft.raft.Role;
import io.yakraft.sim.NodeStatus;

/**
 * An immutable picture of one node at one moment, for views, the CLI and tests.
 * {@code timerStart}/{@code timerDeadline} bound the running election or fetch timer
 * (Long.MAX_VALUE deadline when none runs). {@code appliedOffset} is the last committed offset
 * the node applied to its metadata image; {@code metadataRole} is "active controller" or
 * "standby controller" on a live controller ("" when down); on a broker, its registration as
 * the leader's committed image holds it ("fenced", "unfenced", "shut down", "not registered",
 * or "registering" while a live broker waits for its first registration to commit), so a dead
 * broker shows "unfenced" until the controller's session timeout fences it.
 */
public record NodeView(int id, boolean voter, NodeStatus status, Role role, int epoch, int leaderId, int votedId,
                       long logStartOffset, long logEndOffset, int lastEpoch, long highWatermark,
                       long timerDeadline, int incarnation, long appliedOffset, String metadataRole) {

    /** What a person calls the node's state: its role, or Dead/Paused, or Observer for a fetching broker. */
    public String displayRole() {
        if (status == NodeStatus.DOWN) {
            return "Dead";
        }
        if (status == NodeStatus.PAUSED) {
            return "Paused";
        }
        if (!voter) {
            return role == Role.FOLLOWER ? "Observer" : "Observer (" + role.label() + ")";
        }
        return role.label();
    }
}
