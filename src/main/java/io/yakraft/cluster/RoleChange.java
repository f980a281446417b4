package io.yakraft.cluster;

import io.yakraft.raft.Role;
import io.yakraft.sim.TraceDetail;
import io.yakraft.sim.TraceEvent;

/** The detail of a ROLE record: a node's quorum state moved {@code from → to} in {@code epoch} ({@code leaderId} -1 when unknown). */
public record RoleChange(Role from, Role to, int epoch, int leaderId) implements TraceDetail {

    public RoleChange {
        if (from == null || to == null) {
            throw new IllegalArgumentException("a role change needs both roles");
        }
    }

    /** The node has just become the quorum's leader. */
    public boolean becameLeader() {
        return to == Role.LEADER;
    }

    /** The role change a trace record carries, or null when it carries none. */
    public static RoleChange of(TraceEvent event) {
        return event.detail() instanceof RoleChange r ? r : null;
    }
}
