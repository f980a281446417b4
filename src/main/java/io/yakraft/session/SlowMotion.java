package io.yakraft.session;

import io.yakraft.cluster.Cluster;
import io.yakraft.cluster.MessageKind;
import io.yakraft.sim.TraceEvent;

import java.util.Deque;
import java.util.Iterator;

/**
 * How fast the moment at hand should play, relative to the chosen speed, so that what matters is
 * seen: slower while an election, a leadership announcement, a registration or an ISR change is
 * on the wire or has just happened (a role change, a vote, a fault, a truncation), faster across
 * idle waits (timers with nothing in flight, or no leader and nothing key in flight). Wall-clock pacing only: it decides how much
 * simulated time a wall-clock tick lets pass, never what happens in it.
 */
public final class SlowMotion {
    /** Key moments play at this fraction of the chosen speed. */
    public static final double SLOW = 0.25;
    /** Idle waits play this many times faster. */
    public static final double FAST = 4.0;
    /** A key trace event keeps the pace slow for this long afterwards (simulated ms). */
    static final long AFTERGLOW_MS = 150;

    private SlowMotion() {
    }

    /** The pace factor now: {@link #SLOW}, 1 or {@link #FAST}. */
    public static double factor(Cluster cluster, Deque<TraceEvent> recent) {
        long now = cluster.now();
        for (Iterator<TraceEvent> it = recent.descendingIterator(); it.hasNext(); ) {
            TraceEvent e = it.next();
            if (e.time() < now - AFTERGLOW_MS) {
                break;
            }
            if (keyEvent(e)) {
                return SLOW;
            }
        }
        var inFlight = cluster.inFlightKinds();
        for (MessageKind kind : inFlight) {
            if (keyMessage(kind)) {
                return SLOW;
            }
        }
        // With no leader, what flies is Unattached replicas' fetches to the bootstrap servers (Kafka's
        // pollUnattachedCommon): the cluster is waiting for an election timer, an idle wait too
        return inFlight.isEmpty() || cluster.leaderId() < 0 ? FAST : 1.0;
    }

    /** A role change, a vote decision, a fault, a truncation: what a lesson narrates. */
    static boolean keyEvent(TraceEvent e) {
        return switch (e.kind()) {
            case ROLE, VOTE, FAULT, TRUNCATE -> true;
            case SEND, DELIVER, DROP, DUPLICATE -> keyMessage(MessageKind.of(e));
            case TIMER, APPEND, HIGH_WATERMARK, SNAPSHOT, NETWORK, INPUT, COMMAND, NOTE, VIOLATION, DATA -> false;
        };
    }

    /** Elections, leadership, registration and ISR changes travel slowly enough to be followed. */
    static boolean keyMessage(MessageKind k) {
        if (k == null) {
            return false;
        }
        return switch (k.family()) {
            case PRE_VOTE, VOTE, LEADERSHIP, VOTER_CHANGE -> true;
            case CONTROLLER_RPC -> k == MessageKind.REGISTER_BROKER || k == MessageKind.REGISTER_BROKER_RESPONSE
                    || k == MessageKind.ALTER_PARTITION || k == MessageKind.ALTER_PARTITION_RESPONSE
                    || k == MessageKind.CREATE_TOPIC || k == MessageKind.CREATE_TOPIC_RESPONSE;
            case FETCH, SNAPSHOT, PRODUCE, REPLICA_FETCH -> false;
        };
    }
}
