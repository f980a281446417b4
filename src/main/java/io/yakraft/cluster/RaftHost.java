package io.yakraft.cluster;

import io.yakraft.raft.LogEntry;
import io.yakraft.raft.RaftMessage;
import io.yakraft.raft.RaftNode;
import io.yakraft.raft.RaftOutputs;
import io.yakraft.raft.Role;
import io.yakraft.raft.VoteReason;
import io.yakraft.sim.Envelope;
import io.yakraft.sim.SimNode;
import io.yakraft.sim.Simulation;
import io.yakraft.sim.Trace;
import io.yakraft.sim.TraceKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Hosts one {@link RaftNode} on the kernel: hands it deliveries and wake-ups and turns its
 * outputs into sends, trace records and observer calls.
 */
final class RaftHost implements SimNode, RaftOutputs {
    private final int id;
    private final Simulation sim;
    private final List<ClusterObserver> observers;
    private RaftNode node;
    private final List<NodeProcess> processes = new ArrayList<>();

    RaftHost(int id, Simulation sim, List<ClusterObserver> observers) {
        this.id = id;
        this.sim = sim;
        this.observers = observers;
    }

    void attach(RaftNode node) {
        this.node = node;
    }

    void add(NodeProcess process) {
        processes.add(process);
    }

    RaftNode node() {
        return node;
    }

    /** The node's process of the given type, or null. */
    <T extends NodeProcess> T process(Class<T> type) {
        for (NodeProcess p : processes) {
            if (type.isInstance(p)) {
                return type.cast(p);
            }
        }
        return null;
    }

    void crashed() {
        processes.forEach(NodeProcess::crashed);
    }

    @Override
    public void onStart(long now) {
        node.start(now);
        afterEvent(now);
    }

    @Override
    public void onMessage(long now, Envelope envelope) {
        if (envelope.payload() instanceof RaftMessage m) {
            node.handle(now, envelope.from(), m);
        } else {
            boolean taken = false;
            for (NodeProcess p : processes) {
                taken = taken || p.handle(now, envelope.from(), envelope.payload());
            }
            if (!taken) {
                note("ignored " + envelope.payload().getClass().getSimpleName() + " from n" + envelope.from()
                        + ": nothing on this node serves it");
            }
        }
        afterEvent(now);
    }

    @Override
    public void onWake(long now) {
        if (node.nextWakeAt() <= now) {
            node.wake(now);
        }
        for (NodeProcess p : processes) {
            if (p.nextWakeAt() <= now) {
                p.wake(now);
            }
        }
        afterEvent(now);
    }

    /** Lets the processes act on what the core just did; the core is not mid-event here. */
    void afterEvent(long now) {
        for (NodeProcess p : processes) {
            p.afterEvent(now);
        }
    }

    @Override
    public long nextWakeAt() {
        long next = node.nextWakeAt();
        for (NodeProcess p : processes) {
            next = Math.min(next, p.nextWakeAt());
        }
        return next;
    }

    // ------------------------------------------------------------- RaftOutputs

    private Trace trace() {
        return sim.trace();
    }

    @Override
    public void send(int destination, RaftMessage message) {
        sim.send(id, destination, message);
    }

    @Override
    public void roleChanged(Role from, Role to, int epoch, int leaderId, String reason) {
        if (trace().enabled()) {
            trace().record(sim.now(), id, TraceKind.ROLE, from.label() + " → " + to.label() + " (epoch " + epoch
                    + (leaderId >= 0 ? ", leader n" + leaderId : "") + "): " + reason,
                    new RoleChange(from, to, epoch, leaderId));
        }
        for (ClusterObserver o : observers) {
            o.roleChanged(id, from, to, epoch, leaderId);
        }
    }

    @Override
    public void voteDecision(int candidateId, int epoch, boolean preVote, boolean granted,
                             VoteReason code, String reason) {
        if (trace().enabled()) {
            trace().record(sim.now(), id, TraceKind.VOTE, "n" + candidateId + " epoch " + epoch + ": " + reason,
                    new VoteDecision(candidateId, epoch, preVote, granted, code));
        }
    }

    @Override
    public void appended(List<LogEntry> entries, String reason) {
        if (trace().enabled()) {
            LogEntry first = entries.get(0);
            LogEntry last = entries.get(entries.size() - 1);
            trace().record(sim.now(), id, TraceKind.APPEND, "offsets " + first.offset() + ".." + last.offset()
                    + " (epoch " + last.epoch() + "): " + reason);
        }
        for (ClusterObserver o : observers) {
            o.appended(id, entries);
        }
    }

    @Override
    public void truncated(long newEndOffset, long removed, String reason) {
        if (trace().enabled()) {
            trace().record(sim.now(), id, TraceKind.TRUNCATE, "removed " + removed + " entr" + (removed == 1 ? "y" : "ies")
                    + ": " + reason);
        }
        for (ClusterObserver o : observers) {
            o.truncated(id, newEndOffset, removed);
        }
    }

    @Override
    public void highWatermarkChanged(long from, long to) {
        if (trace().enabled()) {
            trace().record(sim.now(), id, TraceKind.HIGH_WATERMARK, "high watermark " + from + " → " + to);
        }
        for (ClusterObserver o : observers) {
            o.highWatermarkChanged(id, from, to);
        }
    }

    @Override
    public void snapshotLoaded(io.yakraft.raft.RaftSnapshot snapshot, String reason) {
        if (trace().enabled()) {
            trace().record(sim.now(), id, TraceKind.SNAPSHOT, reason + " (snapshot " + snapshot.id() + ")");
        }
        for (ClusterObserver o : observers) {
            o.snapshotLoaded(id, snapshot);
        }
    }

    @Override
    public void timerExpired(String what) {
        if (trace().enabled()) {
            trace().record(sim.now(), id, TraceKind.TIMER, what);
        }
    }

    @Override
    public void note(String detail) {
        if (trace().enabled()) {
            trace().record(sim.now(), id, TraceKind.NOTE, detail);
        }
    }
}
