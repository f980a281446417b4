package io.yakraft.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The deterministic kernel: a virtual clock, one event queue ordered by (time, seq), the
 * network and the processes. A run is a pure function of (seed, configuration, timed inputs).
 * Single-threaded; callers that drive it from several threads must serialise access.
 */
public final class Simulation {
    /** Ids of messages in flight that a person dropped: skipped at delivery. */
    private final java.util.Set<Long> droppedByHand = new java.util.TreeSet<>();

    private final long seed;
    private final Network network;
    private final Trace trace;
    private final EventQueue queue = new EventQueue();
    private final TreeMap<Integer, Slot> nodes = new TreeMap<>();
    private MessageDescriber describer = MessageDescriber.TO_STRING;
    private long now;
    private long nextSeq;
    private long nextEnvelopeId;
    private long eventCount;
    private boolean stopped;
    private String stopReason;
    /** Messages asked to be dropped on purpose (dropMessage): their envelope ids, dropped when they arrive. */
    private final java.util.Set<Long> doomed = new java.util.HashSet<>();
    /** Drops asked for before a matching message was sent: the next one sent on the link is doomed. */
    private final List<ArmedDrop> armed = new ArrayList<>();

    /** A drop waiting for the next message on {@code from → to} that {@code matches} accepts. */
    private record ArmedDrop(int from, int to, java.util.function.Predicate<Object> matches) {
    }

    /** Kernel bookkeeping for one node id. */
    private static final class Slot {
        final int id;
        final NodeFactory factory;
        SimNode process;
        NodeStatus status = NodeStatus.DOWN;
        int incarnation = -1;
        long wakeGeneration;
        long scheduledWake = Long.MAX_VALUE;
        final ArrayDeque<Envelope> pausedInbox = new ArrayDeque<>();

        Slot(int id, NodeFactory factory) {
            this.id = id;
            this.factory = factory;
        }
    }

    public Simulation(long seed, boolean traceEnabled) {
        this.seed = seed;
        this.network = new Network(seed);
        this.trace = new Trace(traceEnabled);
    }

    public long seed() {
        return seed;
    }

    public long now() {
        return now;
    }

    public long eventCount() {
        return eventCount;
    }

    public Network network() {
        return network;
    }

    public Trace trace() {
        return trace;
    }

    public void setDescriber(MessageDescriber describer) {
        this.describer = describer;
    }

    /** A random stream of its own for a purpose outside the kernel (fault plans, placement). */
    public SplittableRandom randomFor(String purpose, int... ids) {
        return Seeds.stream(seed, purpose, ids);
    }

    // ---------------------------------------------------------------- nodes

    /** Registers a node and starts it now. */
    public void addNode(int id, NodeFactory factory) {
        if (nodes.containsKey(id)) {
            throw new IllegalArgumentException("node " + id + " already exists");
        }
        Slot slot = new Slot(id, factory);
        nodes.put(id, slot);
        boot(slot, Fault.STARTED, "started");
    }

    public List<Integer> nodeIds() {
        return new ArrayList<>(nodes.keySet());
    }

    public NodeStatus status(int id) {
        return slot(id).status;
    }

    public int incarnation(int id) {
        return slot(id).incarnation;
    }

    /** The live process of a node, or null when it is down. */
    public SimNode process(int id) {
        Slot s = slot(id);
        return s.status == NodeStatus.DOWN ? null : s.process;
    }

    /** When the node's next timer fires, or Long.MAX_VALUE. */
    public long scheduledWake(int id) {
        return slot(id).scheduledWake;
    }

    private Slot slot(int id) {
        Slot s = nodes.get(id);
        if (s == null) {
            throw new IllegalArgumentException("no node " + id);
        }
        return s;
    }

    private void boot(Slot s, Fault how, String why) {
        s.incarnation++;
        s.status = NodeStatus.UP;
        s.process = s.factory.create(s.id, s.incarnation, how == Fault.RESTARTED_EMPTY_DISK);
        s.wakeGeneration++;
        s.scheduledWake = Long.MAX_VALUE;
        trace.record(now, s.id, TraceKind.FAULT, why + " (incarnation " + s.incarnation + ")",
                new FaultEvent(how, s.incarnation));
        s.process.onStart(now);
        rescheduleWake(s);
    }

    /** Crash: volatile state is lost, durable state kept; in-flight messages to it will drop. */
    public void crash(int id) {
        down(id, Fault.CRASHED, "crashed: volatile state lost, disk kept");
    }

    /** A clean stop: like a crash for the simulation (the process is gone, the disk stays), traced as STOPPED. */
    public void shutDown(int id) {
        down(id, Fault.STOPPED, "stopped: shut down cleanly, disk kept");
    }

    private void down(int id, Fault fault, String words) {
        Slot s = slot(id);
        if (s.status == NodeStatus.DOWN) {
            return;
        }
        s.status = NodeStatus.DOWN;
        s.process = null;
        s.pausedInbox.clear();
        s.wakeGeneration++;
        s.scheduledWake = Long.MAX_VALUE;
        trace.record(now, id, TraceKind.FAULT, words, new FaultEvent(fault, s.incarnation));
    }

    /** Restarts a crashed node; with {@code diskLost} its durable state is wiped first. */
    public void restart(int id, boolean diskLost) {
        Slot s = slot(id);
        if (s.status != NodeStatus.DOWN) {
            crash(id);
        }
        boot(s, diskLost ? Fault.RESTARTED_EMPTY_DISK : Fault.RESTARTED_FROM_DISK,
                diskLost ? "restarted with an empty disk" : "restarted from its disk");
    }

    /** Pause: the node handles nothing, timers stand still, its inbox waits. */
    public void pause(int id) {
        Slot s = slot(id);
        if (s.status != NodeStatus.UP) {
            return;
        }
        s.status = NodeStatus.PAUSED;
        s.wakeGeneration++;
        s.scheduledWake = Long.MAX_VALUE;
        trace.record(now, id, TraceKind.FAULT, "paused: inbox held, timers frozen", new FaultEvent(Fault.PAUSED, s.incarnation));
    }

    public void resume(int id) {
        Slot s = slot(id);
        if (s.status != NodeStatus.PAUSED) {
            return;
        }
        s.status = NodeStatus.UP;
        trace.record(now, id, TraceKind.FAULT, "resumed with " + s.pausedInbox.size() + " waiting message(s)",
                new FaultEvent(Fault.RESUMED, s.incarnation));
        // The held inbox is handed over now, in arrival order, ahead of anything later.
        while (!s.pausedInbox.isEmpty()) {
            Envelope e = s.pausedInbox.poll();
            queue.add(new Event(now, nextSeq++, Event.Type.DELIVER, id, 0, e, null));
        }
        // Deadlines that passed while paused fire at once.
        queue.add(new Event(now, nextSeq++, Event.Type.WAKE, id, ++s.wakeGeneration, null, null));
        s.scheduledWake = now;
    }

    // ---------------------------------------------------------------- messages and inputs

    /** Sends a message through the network model (called by processes while they handle an event). */
    public void send(int from, int to, Object payload) {
        MessageType type = trace.enabled() ? describer.type(payload) : null;
        String kind = type == null ? null : type.label();
        if (network.isCut(from, to)) {
            if (trace.enabled()) {
                trace.record(now, from, TraceKind.DROP, kind + " to n" + to + " dropped: link n" + from + "→n" + to + " is cut", to, -1,
                        new MessageEvent(MessageEvent.Stage.DROPPED_LINK_CUT, type));
            }
            return;
        }
        LinkConfig link = network.link(from, to);
        SplittableRandom r = network.stream(from, to);
        if (link.lossProbability() > 0 && r.nextDouble() < link.lossProbability()) {
            if (trace.enabled()) {
                trace.record(now, from, TraceKind.DROP, kind + " to n" + to + " lost (loss " + link.lossProbability() + ")", to, -1,
                        new MessageEvent(MessageEvent.Stage.DROPPED_LOST, type));
            }
            return;
        }
        long deliverAt = now + latency(link, r);
        Envelope env = new Envelope(nextEnvelopeId++, from, to, payload, now, deliverAt, false);
        if (!armed.isEmpty()) {
            doomIfArmed(env);
        }
        queue.add(new Event(deliverAt, nextSeq++, Event.Type.DELIVER, to, 0, env, null));
        if (trace.enabled()) {
            trace.record(now, from, TraceKind.SEND, "→n" + to + " " + describer.describe(payload) + " (arrives at " + deliverAt + ")",
                    to, env.id(), new MessageEvent(MessageEvent.Stage.SENT, type));
        }
        if (link.duplicateProbability() > 0 && r.nextDouble() < link.duplicateProbability()) {
            long dupAt = now + latency(link, r);
            Envelope dup = new Envelope(nextEnvelopeId++, from, to, payload, now, dupAt, true);
            queue.add(new Event(dupAt, nextSeq++, Event.Type.DELIVER, to, 0, dup, null));
            if (trace.enabled()) {
                trace.record(now, from, TraceKind.DUPLICATE, kind + " to n" + to + " duplicated by the network (copy arrives at " + dupAt + ")",
                        to, dup.id(), new MessageEvent(MessageEvent.Stage.DUPLICATED, type));
            }
        }
    }

    private static long latency(LinkConfig link, SplittableRandom r) {
        long span = link.maxLatencyMs() - link.minLatencyMs();
        return link.minLatencyMs() + (span == 0 ? 0 : r.nextLong(span + 1));
    }

    /** Schedules an outside input at an absolute simulated time (not before now). */
    public void schedule(long at, Input input) {
        if (at < now) {
            throw new IllegalArgumentException("cannot schedule input in the past: " + at + " < " + now);
        }
        queue.add(new Event(at, nextSeq++, Event.Type.INPUT, -1, 0, null, input));
    }

    /**
     * Drops the next message on the link {@code from → to} that {@code matches} accepts: the first
     * such message in flight (by arrival), else the next one sent. It travels as usual and is dropped
     * when it arrives, traced as a DROP on the receiver. Returns true when one was in flight.
     */
    public boolean dropNext(int from, int to, java.util.function.Predicate<Object> matches) {
        for (Envelope e : inFlight()) {
            if (e.from() == from && e.to() == to && !doomed.contains(e.id()) && matches.test(e.payload())) {
                doomed.add(e.id());
                return true;
            }
        }
        armed.add(new ArmedDrop(from, to, matches));
        return false;
    }

    private void doomIfArmed(Envelope env) {
        for (int i = 0; i < armed.size(); i++) {
            ArmedDrop d = armed.get(i);
            if (d.from() == env.from() && d.to() == env.to() && d.matches().test(env.payload())) {
                armed.remove(i);
                doomed.add(env.id());
                return;
            }
        }
    }

    /**
     * Drops one message while it is in flight, by its id: it is never delivered, and the trace
     * records the drop now, at the sender (a person picked it on the canvas). False when no such
     * message is in flight (delivered or dropped already).
     */
    public boolean dropInFlight(long messageId) {
        Envelope found = null;
        for (Envelope e : inFlight()) {
            if (e.id() == messageId) {
                found = e;
            }
        }
        if (found == null) {
            return false;
        }
        droppedByHand.add(messageId);
        if (trace.enabled()) {
            MessageType type = describer.type(found.payload());
            trace.record(now, found.from(), TraceKind.DROP, type.label() + " to n" + found.to() + " dropped by hand in flight",
                    found.to(), found.id(), new MessageEvent(MessageEvent.Stage.DROPPED_BY_HAND, type));
        }
        return true;
    }

    /** Messages currently in flight, in (deliverAt, id) order. */
    public List<Envelope> inFlight() {
        List<Envelope> out = new ArrayList<>();
        boolean anyDropped = !droppedByHand.isEmpty(); // the window asks every frame; a hand drop is rare
        queue.forEach(e -> {
            if (e.type == Event.Type.DELIVER && !(anyDropped && droppedByHand.contains(e.envelope.id()))) {
                out.add(e.envelope);
            }
        });
        out.sort((a, b) -> a.deliverAt() != b.deliverAt() ? Long.compare(a.deliverAt(), b.deliverAt()) : Long.compare(a.id(), b.id()));
        return out;
    }

    // ---------------------------------------------------------------- running

    public boolean stopped() {
        return stopped;
    }

    public String stopReason() {
        return stopReason;
    }

    /** Stops the run (e.g. on an invariant violation); further step() calls do nothing. */
    public void stop(String reason) {
        stopped = true;
        stopReason = reason;
    }

    /** Time of the next queued event, or Long.MAX_VALUE. */
    public long nextEventTime() {
        Event e = queue.peek();
        return e == null ? Long.MAX_VALUE : e.time;
    }

    /** Processes one event. Returns false when there is nothing left or the run stopped. */
    public boolean step() {
        while (!stopped) {
            Event e = queue.poll();
            if (e == null) {
                return false;
            }
            if (dispatch(e)) {
                eventCount++;
                return true;
            }
        }
        return false;
    }

    /**
     * Processes the next event if it is due by {@code until}; false when none is (or the run
     * stopped). Stale timers on the way are dropped without counting, and never make it run an
     * event past {@code until} (as {@link #step()} would).
     */
    public boolean stepUntil(long until) {
        while (!stopped) {
            Event e = queue.peek();
            if (e == null || e.time > until) {
                return false;
            }
            queue.poll();
            if (dispatch(e)) {
                eventCount++;
                return true;
            }
        }
        return false;
    }

    /** Runs every event up to and including {@code until}, then sets the clock to {@code until}. */
    public void runUntil(long until) {
        while (stepUntil(until)) {
            // one event at a time
        }
        if (!stopped && until > now) {
            now = until;
        }
    }

    /** Returns true when the event counted (stale timers do not). */
    private boolean dispatch(Event e) {
        switch (e.type) {
            case INPUT -> {
                now = e.time;
                if (!e.input.quiet()) {
                    trace.record(now, -1, TraceKind.INPUT, e.input.description());
                }
                e.input.action().run();
                return true;
            }
            case WAKE -> {
                Slot s = nodes.get(e.node);
                if (s.status != NodeStatus.UP || e.generation != s.wakeGeneration) {
                    return false;
                }
                now = e.time;
                s.scheduledWake = Long.MAX_VALUE;
                s.process.onWake(now);
                rescheduleWake(s);
                return true;
            }
            case DELIVER -> {
                now = e.time;
                deliver(e.envelope);
                return true;
            }
            default -> throw new IllegalStateException("unknown event " + e.type);
        }
    }

    private void deliver(Envelope env) {
        if (droppedByHand.remove(env.id())) {
            return; // traced when it was dropped
        }
        Slot s = nodes.get(env.to());
        MessageType type = trace.enabled() ? describer.type(env.payload()) : null;
        String kind = type == null ? null : type.label();
        if (s.status == NodeStatus.DOWN) {
            if (trace.enabled()) {
                trace.record(now, env.to(), TraceKind.DROP, kind + " from n" + env.from() + " dropped: n" + env.to() + " is down",
                        env.from(), env.id(), new MessageEvent(MessageEvent.Stage.DROPPED_RECEIVER_DOWN, type));
            }
            return;
        }
        if (!doomed.isEmpty() && doomed.remove(env.id())) {
            if (trace.enabled()) {
                trace.record(now, env.to(), TraceKind.DROP, kind + " from n" + env.from() + " dropped on purpose (dropMessage)",
                        env.from(), env.id(), new MessageEvent(MessageEvent.Stage.DROPPED_ON_PURPOSE, type));
            }
            return;
        }
        if (network.isCut(env.from(), env.to())) {
            if (trace.enabled()) {
                trace.record(now, env.to(), TraceKind.DROP, kind + " from n" + env.from() + " dropped: link cut while in flight",
                        env.from(), env.id(), new MessageEvent(MessageEvent.Stage.DROPPED_CUT_IN_FLIGHT, type));
            }
            return;
        }
        if (s.status == NodeStatus.PAUSED) {
            s.pausedInbox.add(env);
            return;
        }
        if (trace.enabled()) {
            trace.record(now, env.to(), TraceKind.DELIVER, "←n" + env.from() + " " + describer.describe(env.payload()),
                    env.from(), env.id(), new MessageEvent(MessageEvent.Stage.DELIVERED, type));
        }
        s.process.onMessage(now, env);
        rescheduleWake(s);
    }

    private void rescheduleWake(Slot s) {
        if (s.status != NodeStatus.UP) {
            return;
        }
        long at = s.process.nextWakeAt();
        if (at == s.scheduledWake) {
            return;
        }
        s.wakeGeneration++;
        s.scheduledWake = at;
        if (at != Long.MAX_VALUE) {
            queue.add(new Event(Math.max(at, now), nextSeq++, Event.Type.WAKE, s.id, s.wakeGeneration, null, null));
        }
    }

    /**
     * Re-reads a node's wanted wake-up time; call after handing the process an input outside
     * of a kernel event (e.g. a local append from a command).
     */
    public void refreshWake(int id) {
        rescheduleWake(slot(id));
    }
}
