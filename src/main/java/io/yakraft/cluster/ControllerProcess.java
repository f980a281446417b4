package io.yakraft.cluster;

import io.yakraft.metadata.ControllerCommand;
import io.yakraft.metadata.ControllerCommand.RegisterController;
import io.yakraft.metadata.ControllerRegistration;
import io.yakraft.metadata.MetadataImage;
import io.yakraft.metadata.Uuid;
import io.yakraft.metadata.ControllerReply;
import io.yakraft.metadata.MetadataRecord;
import io.yakraft.metadata.QuorumController;
import io.yakraft.metadata.QuorumController.Decision;
import io.yakraft.raft.RaftNode;
import io.yakraft.raft.Role;
import io.yakraft.sim.Simulation;
import io.yakraft.sim.TraceKind;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;

/**
 * The quorum controller on one controller node. It is active while its raft core leads and has
 * applied everything up to the start of its epoch (Kafka fires handleLeaderChange to the
 * controller only then), so it always starts from what is committed. Replies wait in a
 * purgatory until the log's high watermark passes the last offset written, then go out; on
 * losing leadership every waiting command is answered NOT_CONTROLLER.
 */
final class ControllerProcess implements NodeProcess {
    /** Who waits for an answer: a broker across the network, or a local caller (window, API, scenario). */
    private record Waiter(long afterOffset, ControllerCommand command, ControllerReply reply, long lastRecord, int broker,
                          long correlationId, Consumer<ControllerReply> local) {
    }

    private final int id;
    private final RaftHost host;
    private final Simulation sim;
    private final NodeImages images;
    private final QuorumController controller;
    private final List<ClusterObserver> observers;
    private final ArrayDeque<Waiter> purgatory = new ArrayDeque<>();
    private int activeEpoch = -1;
    private long lastWritten = -1;
    /** metadata.max.idle.interval.ms; 0: no NoOpRecords. */
    private final int maxIdleIntervalMs;
    private final int requestTimeoutMs;
    /** The controller's min.insync.replicas, written into the bootstrap as the cluster default. */
    private final int defaultMinInsyncReplicas;
    private final Uuid incarnationId;
    private long nextNoOpAt = Long.MAX_VALUE;
    /**
     * Kafka's unclean.leader.election.interval.ms is 300 000 ms (5 minutes); scaled down here, as
     * the session timeouts are not, so that a lesson sees the periodic electUnclean task act.
     */
    static final long UNCLEAN_ELECTION_CHECK_MS = 5_000;
    private long nextUncleanCheckAt = Long.MAX_VALUE;
    /** When this controller next asks to be registered (ControllerRegistrationManager), until its record is applied. */
    private long nextRegisterAt;
    private long nextCorrelation;

    /**
     * @param incarnation as a broker's: the high bits of this incarnation's correlation ids
     */
    ControllerProcess(int id, int incarnation, RaftHost host, Simulation sim, NodeImages images,
                      QuorumController controller, List<ClusterObserver> observers, MetadataConfig config,
                      int requestTimeoutMs, int defaultMinInsyncReplicas, Uuid incarnationId, long now) {
        this.id = id;
        this.defaultMinInsyncReplicas = defaultMinInsyncReplicas;
        this.maxIdleIntervalMs = config.maxIdleIntervalMs();
        this.requestTimeoutMs = requestTimeoutMs;
        this.incarnationId = incarnationId;
        this.nextRegisterAt = now;
        this.nextCorrelation = ((long) incarnation << 40) + 1;
        this.host = host;
        this.sim = sim;
        this.images = images;
        this.controller = controller;
        this.observers = observers;
    }

    boolean active() {
        return activeEpoch >= 0;
    }

    @Override
    public boolean handle(long now, int from, Object payload) {
        if (payload instanceof ControllerResponse) {
            return true; // our registration's answer: its record in the applied image is what counts
        }
        if (!(payload instanceof ControllerRequest r)) {
            return false;
        }
        submit(now, r.command(), from, r.correlationId(), null);
        return true;
    }

    /** The RegisterControllerRecord of this incarnation is applied (or metadata is not bootstrapped yet). */
    private boolean registered() {
        MetadataImage img = images.image(id);
        ControllerRegistration own = img.controllers().get(id);
        return img.metadataVersion() == 0 || (own != null && own.incarnationId().equals(incarnationId));
    }

    /**
     * Kafka's ControllerRegistrationManager: once caught up with a bootstrapped log, the controller
     * sends ControllerRegistration to the active controller (itself, if it is the one) until its
     * record is applied.
     */
    private void maybeRegister(long now) {
        if (now < nextRegisterAt || registered()) {
            return;
        }
        nextRegisterAt = now + requestTimeoutMs;
        RegisterController c = new RegisterController(id, incarnationId, listeners(id));
        if (active()) {
            submit(now, c, -1, 0, reply -> { });
            return;
        }
        int leader = host.node().leaderId();
        if (leader >= 0 && leader != id) {
            sim.send(id, leader, new ControllerRequest(nextCorrelation++, c));
        }
    }

    /** The controller listener (Kafka: controller.listener.names, "CONTROLLER" on 9093). */
    static List<MetadataRecord.Endpoint> listeners(int id) {
        return List.of(new MetadataRecord.Endpoint("CONTROLLER", "controller-" + id, 9093,
                MetadataRecord.SecurityProtocol.PLAINTEXT));
    }

    /** Serves a command now; {@code local} gets the reply when {@code broker} is -1. */
    void submit(long now, ControllerCommand command, int broker, long correlationId, Consumer<ControllerReply> local) {
        RaftNode raft = host.node();
        followCore(now);
        if (!active()) {
            answer(new Waiter(-1, command, ControllerReply.notController(raft.leaderId()), -1, broker, correlationId, local));
            return;
        }
        long next = raft.log().endOffset();
        Decision d = controller.handle(now, next, command);
        long lastRecord = write(now, d.records(), command.describe());
        long after = controller.answersAfterCommit() ? lastWritten : -1;
        Waiter w = new Waiter(after, command, d.reply(), lastRecord, broker, correlationId, local);
        if (after < raft.highWatermark()) {
            answer(w);
        } else {
            purgatory.add(w);
        }
    }

    /** Appends a decision's records; returns the last one's offset, -1 when there were none. */
    private long write(long now, List<MetadataRecord> records, String why) {
        if (records.isEmpty()) {
            trace(why + " → no records");
            return -1;
        }
        long base = host.node().append(now, records);
        if (base < 0) {
            throw new IllegalStateException("active controller n" + id + " could not append: its core does not lead");
        }
        lastWritten = base + records.size() - 1;
        trace(why + " → " + records.size() + " record(s) at " + base + ".." + lastWritten);
        return lastWritten;
    }

    @Override
    public void wake(long now) {
        maybeRegister(now);
    }

    @Override
    public void afterEvent(long now) {
        followCore(now);
        if (!active()) {
            return;
        }
        RaftNode raft = host.node();
        while (!purgatory.isEmpty() && purgatory.peek().afterOffset() < raft.highWatermark()) {
            answer(purgatory.poll());
        }
        Decision fence;
        while ((fence = controller.fenceStaleBroker(now, raft.log().endOffset())) != null) {
            write(now, fence.records(), "broker session expired");
        }
        if (now >= nextNoOpAt) {
            write(now, controller.noOp(raft.log().endOffset()).records(), "metadata.max.idle.interval.ms");
            nextNoOpAt = now + maxIdleIntervalMs;
        }
        if (now >= nextUncleanCheckAt) {
            Decision unclean = controller.electUncleanLeaders(raft.log().endOffset());
            if (unclean != null) {
                write(now, unclean.records(), "unclean.leader.election.interval.ms: unclean election of leaderless partitions");
            }
            nextUncleanCheckAt = now + UNCLEAN_ELECTION_CHECK_MS;
        }
    }

    /** Becomes active or standby as the raft core's role and applied offset say. */
    private void followCore(long now) {
        RaftNode raft = host.node();
        if (active() && (raft.role() != Role.LEADER || raft.epoch() != activeEpoch)) {
            trace("no longer the active controller (epoch " + activeEpoch + ")");
            activeEpoch = -1;
            while (!purgatory.isEmpty()) {
                Waiter w = purgatory.poll();
                answer(new Waiter(-1, w.command(), ControllerReply.lostLeadership(id, raft.leaderId()), w.lastRecord(),
                        w.broker(), w.correlationId(), w.local()));
            }
        }
        if (!active() && raft.role() == Role.LEADER && images.appliedOffset(id) >= raft.epochStartOffset()) {
            activeEpoch = raft.epoch();
            lastWritten = raft.epochStartOffset();
            controller.activate(now, images.image(id));
            trace("active controller for epoch " + activeEpoch + " from committed offset " + images.appliedOffset(id));
            Decision boot = controller.bootstrap(raft.log().endOffset(), defaultMinInsyncReplicas);
            if (boot != null) {
                write(now, boot.records(), "bootstrap metadata");
            }
            nextNoOpAt = maxIdleIntervalMs > 0 ? now + maxIdleIntervalMs : Long.MAX_VALUE;
            nextUncleanCheckAt = now + UNCLEAN_ELECTION_CHECK_MS;
        }
    }

    @Override
    public long nextWakeAt() {
        long next = active() ? Math.min(controller.nextSessionEnd(), nextNoOpAt) : Long.MAX_VALUE;
        if (active() && controller.uncleanElectionPending()) {
            next = Math.min(next, nextUncleanCheckAt); // the periodic task only wakes the node when it has work
        }
        return registered() ? next : Math.min(next, nextRegisterAt);
    }

    @Override
    public void crashed() {
        for (Waiter w : purgatory) {
            if (w.local() != null) {
                w.local().accept(ControllerReply.notController(-1));
            }
        }
        purgatory.clear();
        activeEpoch = -1;
    }

    private void answer(Waiter w) {
        long hw = host.node().highWatermark();
        for (ClusterObserver o : observers) {
            o.controllerReplied(id, w.command(), w.reply(), w.lastRecord(), hw);
        }
        if (w.local() != null) {
            w.local().accept(w.reply());
        } else if (w.broker() >= 0) {
            sim.send(id, w.broker(), new ControllerResponse(w.correlationId(), w.command(), w.reply()));
        }
    }

    private void trace(String what) {
        if (sim.trace().enabled()) {
            sim.trace().record(sim.now(), id, TraceKind.COMMAND, what);
        }
    }
}
