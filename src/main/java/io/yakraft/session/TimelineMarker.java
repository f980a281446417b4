package io.yakraft.session;

import io.yakraft.cluster.RoleChange;
import io.yakraft.sim.FaultEvent;
import io.yakraft.sim.TraceEvent;
import io.yakraft.sim.TraceKind;

/**
 * A moment worth a tick on the timeline: a new leader, a fault, an action (input) or a broken
 * invariant. Chosen by the records' kinds and typed details; the words only make the label.
 */
public record TimelineMarker(long time, Kind kind, String label) {
    public enum Kind { LEADER, FAULT, ACTION, VIOLATION }

    /** The marker for a trace record, or null when it is not one worth showing. */
    public static TimelineMarker of(TraceEvent e) {
        if (e.detail() instanceof RoleChange r && r.becameLeader()) {
            return new TimelineMarker(e.time(), Kind.LEADER, "n" + e.node() + " leads");
        }
        if (e.detail() instanceof FaultEvent f && f.fault().injected()) {
            return new TimelineMarker(e.time(), Kind.FAULT, "n" + e.node() + " " + e.reason());
        }
        if (e.kind() == TraceKind.INPUT) {
            return new TimelineMarker(e.time(), Kind.ACTION, e.reason());
        }
        if (e.kind() == TraceKind.VIOLATION) {
            return new TimelineMarker(e.time(), Kind.VIOLATION, e.reason());
        }
        return null;
    }
}
