package io.yakraft.cluster;

import io.yakraft.metadata.BrokerRegistration;
import io.yakraft.metadata.ControllerCommand;
import io.yakraft.metadata.ControllerCommand.AllocateProducerIds;
import io.yakraft.metadata.ControllerCommand.AlterPartition;
import io.yakraft.metadata.ControllerCommand.BrokerHeartbeat;
import io.yakraft.metadata.ControllerCommand.RegisterBroker;
import io.yakraft.metadata.ControllerError;
import io.yakraft.metadata.ControllerReply;
import io.yakraft.metadata.Uuid;
import io.yakraft.raft.RaftConfig;
import io.yakraft.sim.Simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A Kafka broker's lifecycle as its BrokerLifecycleManager runs it, beside the broker's raft
 * observer: register with the active controller (a fresh incarnation id per start), heartbeat
 * with the offset it has applied (fast while fenced and catching up, every
 * broker.heartbeat.interval.ms once unfenced), re-register when the controller has forgotten
 * it, and carry its replica manager's AlterPartition requests (ISR shrink and expand)
 * to the controller.
 */
final class BrokerProcess implements NodeProcess {
    private final int id;
    private final RaftHost host;
    private final Simulation sim;
    private final NodeImages images;
    private final MetadataConfig config;
    private final RaftConfig raftConfig;
    private final int[] controllers;
    private final Uuid incarnationId;
    private final BrokerIdentity identity;
    /** correlation id → who waits for the answer of a request made on someone's behalf. */
    private final Map<Long, Consumer<ControllerReply>> callers = new TreeMap<>();
    /** correlation id → command, for requests still unanswered. */
    private final Map<Long, ControllerCommand> inFlight = new TreeMap<>();
    /** correlation id → the command's number for observers (see {@link ClientCommands}). */
    private final Map<Long, Long> opNumbers = new TreeMap<>();
    private final ClientCommands clientCommands;
    private long nextCorrelation;
    private long brokerEpoch = -1;
    private boolean fenced = true;
    private boolean shutDown;
    /** Set by {@link #beginControlledShutdown}: heartbeats ask to shut down (BrokerLifecycleManager). */
    private boolean wantShutdown;
    /** When the broker stops waiting for the controller's permission and shuts down anyway. */
    private long shutdownDeadline = Long.MAX_VALUE;
    private Runnable onShutdown = () -> { };
    private final Uuid logDir;
    /** The epoch of the last incarnation if it shut down cleanly, else -1 (BrokerRegistration's PreviousBrokerEpoch). */
    private final long previousBrokerEpoch;
    /** Where a clean shutdown writes this incarnation's epoch for the next one. */
    private final java.util.function.LongConsumer cleanShutdownFile;
    private long nextContactAt;
    private int controllerHint = -1;
    private int rotation;
    private final List<Long> producerIdBlocks = new ArrayList<>();
    /** The ids of the current block not handed out yet: [nextProducerId, blockEnd). */
    private long nextProducerId;
    private long blockEnd;
    /** Producers waiting for an id until a block comes (Kafka's ProducerIdManager), oldest first. */
    private final List<java.util.function.LongConsumer> producerIdWaiters = new ArrayList<>();
    /** When the block asked for is given up on (an answer may be lost): -1 while none is asked for. */
    private long blockAskDeadline = -1;

    /**
     * @param incarnation 0 on first start, +1 on each restart: the high bits of this incarnation's
     *                    correlation ids, so an answer to an earlier incarnation's request (a controller
     *                    may hold one for a while) never passes for an answer to one of ours, as in Kafka,
     *                    where an answer only comes back on the connection of the process that asked
     */
    BrokerProcess(int id, int incarnation, RaftHost host, Simulation sim, NodeImages images, MetadataConfig config,
                  RaftConfig raftConfig, int[] controllers, Uuid incarnationId, BrokerIdentity identity, long now,
                  ClientCommands clientCommands, Uuid logDir, long previousBrokerEpoch,
                  java.util.function.LongConsumer cleanShutdownFile) {
        this.id = id;
        this.previousBrokerEpoch = previousBrokerEpoch;
        this.cleanShutdownFile = cleanShutdownFile;
        this.logDir = logDir;
        this.nextCorrelation = ((long) incarnation << 40) + 1;
        this.host = host;
        this.sim = sim;
        this.images = images;
        this.config = config;
        this.raftConfig = raftConfig;
        this.controllers = controllers.clone();
        this.incarnationId = incarnationId;
        this.identity = identity;
        this.clientCommands = clientCommands;
        this.nextContactAt = now; // register at once
    }

    /**
     * True once this incarnation's metadata has caught up with its own registration: only then
     * does the broker act on its image (Kafka's brokers wait for the initial metadata catch-up
     * before their replica manager starts), so a restarted broker never leads on a stale image.
     */
    boolean caughtUp() {
        BrokerRegistration own = images.image(id).brokers().get(id);
        return brokerEpoch >= 0 && own != null && own.epoch() == brokerEpoch;
    }

    /**
     * Kafka's BrokerState as BrokerLifecycleManager moves it: STARTING until the broker has
     * applied its own registration, RECOVERY while fenced, RUNNING once unfenced,
     * PENDING_CONTROLLED_SHUTDOWN while the controller moves its leaderships, SHUTTING_DOWN once
     * the controller let it go.
     */
    BrokerState state() {
        if (shutDown) {
            return BrokerState.SHUTTING_DOWN;
        }
        if (wantShutdown) {
            return BrokerState.PENDING_CONTROLLED_SHUTDOWN;
        }
        if (!caughtUp()) {
            return BrokerState.STARTING;
        }
        return fenced ? BrokerState.RECOVERY : BrokerState.RUNNING;
    }

    /**
     * Starts a controlled shutdown: heartbeats now ask to shut down; {@code stop} runs once the
     * controller answers shouldShutDown, or at {@code deadline} if it never does (Kafka's broker
     * gives up waiting too), or at once when the broker never registered.
     */
    void beginControlledShutdown(long now, long deadline, Runnable stop) {
        if (shutDown || wantShutdown) {
            return;
        }
        onShutdown = stop;
        if (brokerEpoch < 0) {
            shutDown = true;
            stop.run();
            return;
        }
        wantShutdown = true;
        shutdownDeadline = deadline;
        nextContactAt = now;
    }

    /** First ids of the producer-id blocks the controller granted this incarnation. */
    List<Long> producerIdBlocks() {
        return List.copyOf(producerIdBlocks);
    }

    @Override
    public long nextWakeAt() {
        return shutDown ? Long.MAX_VALUE : Math.min(nextContactAt, shutdownDeadline);
    }

    @Override
    public void wake(long now) {
        if (!shutDown && now >= shutdownDeadline) {
            shutDown = true; // the controller never let us go: shut down uncleanly, as Kafka's broker does
            onShutdown.run();
            return;
        }
        if (shutDown || now < nextContactAt) {
            return;
        }
        // an answer not back by the next contact is lost: stop waiting, the next request replaces it
        inFlight.entrySet().removeIf(e -> !(e.getValue() instanceof AllocateProducerIds));
        callers.keySet().retainAll(inFlight.keySet());
        opNumbers.keySet().retainAll(inFlight.keySet());
        if (brokerEpoch < 0) {
            send(new RegisterBroker(id, incarnationId, identity.listeners(), identity.rack(), List.of(logDir),
                    previousBrokerEpoch));
            nextContactAt = now + raftConfig.requestTimeoutMs();
            return;
        }
        send(new BrokerHeartbeat(id, brokerEpoch, images.appliedOffset(id), false, wantShutdown));
        // while fenced, or waiting to be let go, the broker heartbeats fast (Kafka: at once after each answer)
        nextContactAt = now + (fenced || wantShutdown ? config.fencedHeartbeatMs() : config.heartbeatIntervalMs());
    }

    /**
     * Asks the controller for a block of producer ids (Kafka: AllocateProducerIds); {@code onReply}
     * hears the answer if one comes. False when the broker is not registered yet.
     */
    boolean requestProducerIds(Consumer<ControllerReply> onReply) {
        if (brokerEpoch < 0 || shutDown) {
            return false;
        }
        callers.put(send(new AllocateProducerIds(id, brokerEpoch)), onReply);
        return true;
    }

    /**
     * InitProducerId from a producer beside this broker: an id from the current block at once, else
     * once the controller granted a new block (AllocateProducerIds, asked once at a time). False when
     * the broker is not registered.
     */
    boolean initProducerId(long now, java.util.function.LongConsumer onId) {
        if (brokerEpoch < 0 || shutDown) {
            return false;
        }
        if (nextProducerId < blockEnd) {
            onId.accept(nextProducerId++);
            return true;
        }
        producerIdWaiters.add(onId);
        if (blockAskDeadline < 0 || now >= blockAskDeadline) {
            blockAskDeadline = now + raftConfig.requestTimeoutMs();
            callers.put(send(new AllocateProducerIds(id, brokerEpoch)), reply -> blockAskDeadline = -1);
        }
        return true;
    }

    @Override
    public boolean handle(long now, int from, Object payload) {
        if (!(payload instanceof ControllerResponse r)) {
            return false;
        }
        ControllerCommand asked = inFlight.remove(r.correlationId());
        if (asked == null) {
            return true; // a duplicate or an answer we stopped waiting for
        }
        ControllerReply reply = r.reply();
        Long op = opNumbers.remove(r.correlationId());
        if (op != null && r.command().equals(asked)) {
            // (a guard: correlation ids carry the incarnation, so a former incarnation's answer does not get here)
            clientCommands.answered(op, reply);
        }
        Consumer<ControllerReply> caller = callers.remove(r.correlationId());
        if (caller != null) {
            caller.accept(reply);
        }
        if (reply.error() == ControllerError.NOT_CONTROLLER) {
            controllerHint = reply.body() instanceof ControllerReply.NotController n ? n.leaderId() : -1;
            if (asked instanceof RegisterBroker || asked instanceof BrokerHeartbeat) {
                nextContactAt = now + raftConfig.retryBackoffMs();
            }
            return true;
        }
        if (asked instanceof RegisterBroker) {
            if (reply.body() instanceof ControllerReply.BrokerRegistered reg) {
                brokerEpoch = reg.brokerEpoch();
                fenced = true;
                nextContactAt = now; // first heartbeat at once
            } else {
                nextContactAt = now + raftConfig.requestTimeoutMs();
            }
        } else if (asked instanceof BrokerHeartbeat) {
            if (reply.body() instanceof ControllerReply.HeartbeatAnswer h) {
                fenced = h.fenced();
                if (h.shouldShutdown() && !shutDown) {
                    shutDown = true;
                    cleanShutdownFile.accept(brokerEpoch); // the controller let it go: a clean shutdown
                    onShutdown.run();
                }
            } else if (reply.error() == ControllerError.STALE_BROKER_EPOCH
                    || reply.error() == ControllerError.BROKER_ID_NOT_REGISTERED) {
                brokerEpoch = -1; // the controller no longer knows this registration: start over
                fenced = true;
                nextContactAt = now;
            }
        } else if (asked instanceof AllocateProducerIds && reply.body() instanceof ControllerReply.ProducerIdBlock b) {
            producerIdBlocks.add(b.firstProducerId());
            nextProducerId = b.firstProducerId();
            blockEnd = b.firstProducerId() + b.size();
            while (!producerIdWaiters.isEmpty() && nextProducerId < blockEnd) {
                producerIdWaiters.remove(0).accept(nextProducerId++);
            }
        }
        return true;
    }

    /**
     * Asks the controller to set a partition's ISR (Kafka: AlterPartition, sent by the
     * partition's leader); {@code onReply} hears the answer if one comes. False when the broker is
     * not registered.
     */
    boolean alterPartition(Uuid topicId, int partition, int leaderEpoch, int partitionEpoch, List<Integer> isr,
                           List<Long> isrBrokerEpochs, Consumer<ControllerReply> onReply) {
        if (brokerEpoch < 0 || shutDown) {
            return false;
        }
        callers.put(send(new AlterPartition(id, brokerEpoch, topicId, partition, leaderEpoch, partitionEpoch, isr,
                isrBrokerEpochs)), onReply);
        return true;
    }

    /** This incarnation's broker epoch, -1 until its registration is answered. */
    long brokerEpoch() {
        return brokerEpoch;
    }

    private long send(ControllerCommand command) {
        long correlation = nextCorrelation++;
        inFlight.put(correlation, command);
        opNumbers.put(correlation, clientCommands.sent(id, command));
        sim.send(id, target(), new ControllerRequest(correlation, command));
        return correlation;
    }

    /** The leader the metadata quorum told us of, else the last hint, else the controllers in turn. */
    private int target() {
        int leader = host.node().leaderId();
        if (leader >= 0) {
            return leader;
        }
        if (controllerHint >= 0) {
            return controllerHint;
        }
        return controllers[rotation++ % controllers.length];
    }
}
