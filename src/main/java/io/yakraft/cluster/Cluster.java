package io.yakraft.cluster;

import io.yakraft.data.Feed;
import io.yakraft.data.FeedRequest;
import io.yakraft.data.FeedStatus;
import io.yakraft.data.PartitionLog;
import io.yakraft.data.ReplicaView;
import io.yakraft.data.TopicPartition;
import io.yakraft.metadata.BrokerRegistration;
import io.yakraft.metadata.ControllerCommand;
import io.yakraft.metadata.ControllerReply;
import io.yakraft.metadata.MetadataImage;
import io.yakraft.metadata.Uuid;
import io.yakraft.raft.DurableState;
import io.yakraft.raft.LogEntry;
import io.yakraft.raft.QuorumInfo;
import io.yakraft.raft.RaftLog;
import io.yakraft.raft.RaftError;
import io.yakraft.raft.RaftNode;
import io.yakraft.raft.ReplicaKey;
import io.yakraft.raft.Role;
import io.yakraft.raft.VoterChangeResult;
import io.yakraft.raft.VoterSet;
import io.yakraft.sim.Envelope;
import io.yakraft.sim.Input;
import io.yakraft.sim.LinkConfig;
import io.yakraft.sim.NodeStatus;
import io.yakraft.sim.Simulation;
import io.yakraft.sim.TraceKind;
import io.yakraft.sim.TraceListener;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The facade over one simulated KRaft cluster: builds the nodes on the kernel, takes
 * commands (faults, network changes, writes) and hands out immutable snapshots.
 *
 * <p>Not thread-safe: a driver owns it and calls it between events. Commands that should be
 * part of the recorded, replayable run go through {@link #at(long, String, Consumer)}.
 *
 * <p>It hands out no kernel or core internals: the simulation, the raft cores and their disks
 * stay inside this package. Callers ask typed questions ({@link #logRange}, {@link #entries},
 * {@link #epochOf}, {@link #view}, {@link #snapshot}, …) and get immutable answers, so no
 * outside code can change the run except through the commands here.
 */
public final class Cluster {
    private final ClusterConfig config;
    private final Simulation sim;
    private final NetworkPresets presets;
    private final Map<Integer, DurableState> disks = new TreeMap<>();
    /** Each broker's partition replica logs: on disk, so they outlive a crash (not a disk loss). */
    private final Map<Integer, Map<TopicPartition, PartitionLog>> dataDisks = new TreeMap<>();
    /** Each broker's log directory id, kept across restarts until its disk is lost. */
    private final Map<Integer, Uuid> logDirs = new TreeMap<>();
    /** broker id → the broker epoch its clean shutdown file holds (Kafka writes it when a broker shuts down cleanly). */
    private final Map<Integer, Long> cleanShutdownEpochs = new TreeMap<>();
    private final List<Feed> feeds = new ArrayList<>();
    private final Map<Integer, RaftHost> hosts = new TreeMap<>();
    private final List<ClusterObserver> observers = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private static final int MAX_VIOLATIONS_KEPT = 20;
    private boolean stopAtViolation = true;
    private final RaftNodeFactory factory;
    private final QuorumControllerFactory controllerFactory;
    /** The controller nodes: the configured ones plus any added later (addController). Voters are a subset. */
    private final java.util.TreeSet<Integer> controllerIds = new java.util.TreeSet<>();
    /** controller.quorum.bootstrap.servers: the configured controllers. */
    private final int[] bootstrapServers;
    /** The voter set the configured controllers' disks are formatted with (--initial-controllers). */
    private final VoterSet initialVoters;
    /** A controller's listener and kraft.version range when not the default (server.properties changed by reconfigureController). */
    private final Map<Integer, VoterSet.Voter> controllerListeners = new TreeMap<>();
    /** How many times each controller's disk was formatted: a lost disk comes back with a new directory id. */
    private final Map<Integer, Integer> diskFormats = new TreeMap<>();
    /** Brokers: the configured ones plus any registered from the window or the API later. */
    private final Map<Integer, BrokerIdentity> brokers = new TreeMap<>();
    private final Truncations truncations = new Truncations();
    private final NodeImages images;
    /** The nodes' images as the data plane reads them. */
    private final DataImages dataImages;
    private final ClientCommands clientCommands = new ClientCommands(observers);

    /** A cluster running the protocol its config names (Kafka's unless a variant is chosen). */
    public Cluster(ClusterConfig config) {
        this(config, config.protocol().raft(), config.protocol().controller());
    }

    public Cluster(ClusterConfig config, RaftNodeFactory factory) {
        this(config, factory, config.protocol().controller());
    }

    public Cluster(ClusterConfig config, RaftNodeFactory factory, QuorumControllerFactory controllerFactory) {
        this.config = config;
        this.factory = factory;
        this.controllerFactory = controllerFactory;
        this.sim = new Simulation(config.seed(), config.trace());
        this.sim.setDescriber(RaftMessages.INSTANCE);
        this.sim.network().setDefaults(config.network());
        this.presets = new NetworkPresets(sim.network());
        this.bootstrapServers = config.voterIds();
        for (int id : bootstrapServers) {
            controllerIds.add(id);
        }
        List<VoterSet.Voter> initial = new ArrayList<>();
        for (int id : bootstrapServers) {
            initial.add(new VoterSet.Voter(new ReplicaKey(id, directoryId(id, 0)),
                    VoterSet.endpointOf(id)));
        }
        this.initialVoters = new VoterSet(initial);
        for (int id : config.observerIds()) {
            brokers.put(id, BrokerIdentity.defaultFor(id));
        }
        // first observer: images are up to date before anyone else hears of a high watermark
        this.images = new NodeImages(this, sim);
        this.dataImages = new DataImages(images);
        this.observers.add(images);
        this.observers.add(truncations);
    }

    /** Boots every node at time 0. Observers must be added before this to see the first events. */
    public Cluster start() {
        for (int id : bootstrapServers) {
            addNode(id);
        }
        for (int id : brokers.keySet()) {
            addNode(id);
        }
        return this;
    }

    private void addNode(int id) {
        disks.put(id, format(id));
        dataDisks.put(id, new TreeMap<>(TopicPartition.ORDER));
        sim.addNode(id, (nodeId, incarnation, diskLost) -> {
            if (diskLost) {
                disks.put(nodeId, format(nodeId));
                dataDisks.put(nodeId, new TreeMap<>(TopicPartition.ORDER));
            }
            if (diskLost || !logDirs.containsKey(nodeId)) {
                // a formatted log directory gets its id once (meta.properties' directory.id); a lost disk, a new one
                logDirs.put(nodeId, Uuid.random(sim.randomFor("log-dir", nodeId, incarnation)));
            }
            RaftHost host = new RaftHost(nodeId, sim, observers);
            RaftNode raftNode = factory.create(nodeId, bootstrapServers, config.raft(), disks.get(nodeId),
                    sim.randomFor("raft", nodeId, incarnation), host, incarnation);
            VoterSet.Voter listener = controllerListeners.get(nodeId);
            if (listener != null) {
                raftNode.listenOn(listener.endpoint(), listener.kraftVersions());
            }
            host.attach(raftNode);
            MetadataConfig meta = config.metadata();
            if (isVoter(nodeId)) {
                host.add(new ControllerProcess(nodeId, incarnation, host, sim, images, controllerFactory.create(meta.sessionTimeoutMs(),
                        sim.randomFor("controller", nodeId, incarnation))
                        .withDefaultMinInsyncReplicas(config.data().minInsyncReplicas()), observers, meta, config.raft().requestTimeoutMs(),
                        config.data().minInsyncReplicas(), Uuid.random(sim.randomFor("incarnation", nodeId, incarnation)), sim.now()));
            } else {
                // the broker reads and removes its clean shutdown file as it starts: a crash leaves none behind
                Long previousEpoch = cleanShutdownEpochs.remove(nodeId);
                BrokerProcess broker = new BrokerProcess(nodeId, incarnation, host, sim, images, meta, config.raft(), bootstrapServers,
                        Uuid.random(sim.randomFor("incarnation", nodeId, incarnation)), brokers.get(nodeId), sim.now(), clientCommands,
                        logDirs.get(nodeId), diskLost || previousEpoch == null ? -1 : previousEpoch,
                        epoch -> cleanShutdownEpochs.put(nodeId, epoch));
                host.add(broker);
                host.add(new ReplicaManagerProcess(nodeId, incarnation, dataImages, config.data(), config.protocol().replication(), dataDisks.get(nodeId), broker,
                        new DataHost(nodeId, sim, broker, observers)));
                for (Feed f : feeds) {
                    if (f.home() < 0 && !f.status().done()) {
                        runProducer(f, nodeId, host); // a feed whose brokers were all down resumes here
                    }
                }
            }
            if (meta.snapshotEveryRecords() > 0) {
                host.add(new SnapshotPolicy(nodeId, this, meta.snapshotEveryRecords(),
                        new io.yakraft.raft.LogRetention(meta.retentionRecords(), meta.retentionMs()), meta.snapshotIntervalMs()));
            }
            hosts.put(nodeId, host);
            return host;
        });
    }

    /**
     * A fresh disk for {@code id}, as kafka-storage format makes it. A controller's first disk is
     * formatted with --initial-controllers when it is one of the configured controllers (its
     * bootstrap checkpoint holds the initial voter set, kraft.version 1); any later disk of a
     * controller (one lost and replaced, or an added controller's) with --no-initial-controllers
     * and a new directory id, so it starts as an observer and must be added as a voter. A broker's
     * disk holds no quorum state of interest.
     */
    private DurableState format(int id) {
        if (!controllerIds.contains(id)) {
            return new DurableState();
        }
        int formats = diskFormats.merge(id, 1, Integer::sum) - 1;
        boolean initial = formats == 0 && initialVoters.containsId(id);
        return new DurableState(directoryId(id, formats), initial ? initialVoters : null);
    }

    /** The directory.id of the node's {@code format}-th disk: random as Kafka's, and the same in every run of a seed. */
    private String directoryId(int id, int format) {
        return Uuid.random(sim.randomFor("directory", id, format)).toString();
    }

    /**
     * Starts a new controller process now (Kafka: format its disk with --no-initial-controllers,
     * start it with controller.quorum.bootstrap.servers): it is an observer of the quorum until
     * {@link #addVoter} makes it a voter.
     */
    public void addController(int id) {
        if (id < 1 || sim.nodeIds().contains(id) || id >= ClusterConfig.FIRST_OBSERVER_ID) {
            throw new IllegalArgumentException(id < 1 || id >= ClusterConfig.FIRST_OBSERVER_ID
                    ? "controller id must be 1.." + (ClusterConfig.FIRST_OBSERVER_ID - 1) + ", got " + id
                    : "node " + id + " already exists");
        }
        controllerIds.add(id);
        addNode(id);
        sim.trace().record(sim.now(), id, TraceKind.FAULT, "controller n" + id + " started with a new disk ("
                + disk(id).directoryId() + "); an observer until added as a voter");
    }

    /**
     * Restarts controller {@code id} (its disk kept) with its CONTROLLER listener at {@code endpoint}
     * and software supporting {@code kraftVersions}: server.properties changed. As a voter it then
     * sends UpdateRaftVoter to the leader (KIP-853), or, leading, writes its new entry at the
     * start of its next epoch.
     */
    public void reconfigureController(int id, String endpoint, VoterSet.KRaftVersionRange kraftVersions) {
        if (!controllerIds.contains(id)) {
            throw new IllegalArgumentException("n" + id + " is not a controller");
        }
        controllerListeners.put(id, new VoterSet.Voter(replicaKey(id), endpoint, kraftVersions));
        sim.trace().record(sim.now(), id, TraceKind.FAULT, "controller n" + id + " reconfigured: listener " + endpoint
                + ", kraft.version " + kraftVersions + "; restarting it on the same disk");
        crash(id);
        restart(id, false);
    }

    /**
     * AddRaftVoter sent to the leader for controller {@code id} as it runs now (its current disk).
     * The answer is the leader's first one: refused, or the VotersRecord appended; the change is
     * done when that record commits.
     */
    public VoterChangeResult addVoter(int id) {
        int leader = leaderId();
        if (leader < 0) {
            return new VoterChangeResult(RaftError.NOT_LEADER_OR_FOLLOWER,
                    "no leader to take AddRaftVoter", -1);
        }
        if (sim.status(leader) != NodeStatus.UP) {
            return new VoterChangeResult(RaftError.REQUEST_TIMED_OUT, "leader n" + leader + " is paused and does not answer", -1);
        }
        // the new voter's listener, and its kraft.version range as its ApiVersions answer gives it
        VoterChangeResult r = raft(leader).addVoter(sim.now(), raft(id).localVoter());
        afterPoke(leader);
        return r;
    }

    /** RemoveRaftVoter sent to the leader for the voter with this id (the directory id its voter set lists). */
    public VoterChangeResult removeVoter(int id) {
        int leader = leaderId();
        if (leader < 0) {
            return new VoterChangeResult(RaftError.NOT_LEADER_OR_FOLLOWER,
                    "no leader to take RemoveRaftVoter", -1);
        }
        if (sim.status(leader) != NodeStatus.UP) {
            return new VoterChangeResult(RaftError.REQUEST_TIMED_OUT, "leader n" + leader + " is paused and does not answer", -1);
        }
        RaftNode l = raft(leader);
        ReplicaKey key = l.voterSet().voterFor(id).map(VoterSet.Voter::key)
                .orElse(new ReplicaKey(id, ReplicaKey.NO_DIRECTORY));
        VoterChangeResult r = l.removeVoter(sim.now(), key);
        afterPoke(leader);
        return r;
    }

    /**
     * The voter set now: the latest one in the live leader's log (committed or not, as Kafka uses
     * it), else that of the live controller with the highest epoch, else the initial one.
     */
    public VoterSet currentVoters() {
        int leader = leaderId();
        if (leader >= 0) {
            return raft(leader).voterSet();
        }
        VoterSet best = initialVoters;
        int bestEpoch = -1;
        for (int id : controllerIds) {
            if (sim.status(id) != NodeStatus.DOWN && raft(id).epoch() > bestEpoch && !raft(id).voterSet().isEmpty()) {
                best = raft(id).voterSet();
                bestEpoch = raft(id).epoch();
            }
        }
        return best;
    }

    /** The voter set committed at the live leader (its high watermark), or {@link #currentVoters()} without one. */
    public VoterSet committedVoters() {
        int leader = leaderId();
        return leader >= 0 ? raft(leader).committedVoterSet() : currentVoters();
    }

    /** The voter change the leader has appended and not committed, in words, or empty. */
    public java.util.Optional<String> pendingVoterChange() {
        int leader = leaderId();
        return leader >= 0 ? raft(leader).pendingVoterChange() : java.util.Optional.empty();
    }

    /** The latest voter set in the node's log (committed or not); its last incarnation's while it is down. */
    public VoterSet voterSetOf(int id) {
        return raft(id).voterSet();
    }

    /** Offset of the VotersRecord behind {@link #voterSetOf}, -1 when it came from the bootstrap checkpoint or a snapshot. */
    public long voterSetOffsetOf(int id) {
        return raft(id).voterSetOffset();
    }

    /** The offset of the leader's first record of its epoch (its LeaderChangeMessage), -1 when the node does not lead. */
    public long epochStartOffsetOf(int id) {
        return raft(id).epochStartOffset();
    }

    /** Whether the node runs now and leads its epoch. */
    public boolean leads(int id) {
        return sim.status(id) != NodeStatus.DOWN && raft(id).role() == Role.LEADER;
    }

    /** The node's replica key (id and the directory id of its current disk). */
    public ReplicaKey replicaKey(int id) {
        return new ReplicaKey(id, disk(id).directoryId());
    }

    /**
     * Starts a new broker process now: it registers with the active controller as {@code identity}
     * and goes fenced → unfenced like the others. The id must be unused and not negative.
     */
    public void addBroker(int id, BrokerIdentity identity) {
        if (id < 0 || sim.nodeIds().contains(id)) {
            throw new IllegalArgumentException(id < 0 ? "broker id must be 0 or more, got " + id
                    : "node " + id + " already exists");
        }
        brokers.put(id, identity);
        addNode(id);
    }

    /**
     * Restarts broker {@code id} as a new incarnation that registers as {@code identity}: the
     * controller answers with a new, higher broker epoch (Kafka's re-registration).
     */
    public void reregisterBroker(int id, BrokerIdentity identity) {
        if (!brokers.containsKey(id)) {
            throw new IllegalArgumentException("no broker " + id);
        }
        brokers.put(id, identity);
        restart(id, false);
    }

    /** How broker {@code id} presents itself when it registers, or null for a controller. */
    public BrokerIdentity identity(int id) {
        return brokers.get(id);
    }

    public void addObserver(ClusterObserver o) {
        observers.add(o);
    }

    public ClusterConfig config() {
        return config;
    }

    public long now() {
        return sim.now();
    }

    /**
     * The controller nodes (configured and added): every node that runs a quorum controller and
     * can be a voter. Which of them vote now is {@link #currentVoters()}.
     */
    public int[] voterIds() {
        return controllerIds.stream().mapToInt(Integer::intValue).toArray();
    }

    public int[] observerIds() {
        return brokers.keySet().stream().mapToInt(Integer::intValue).toArray();
    }

    public List<Integer> allIds() {
        return sim.nodeIds();
    }

    /** The node's consensus core (also while it is down: its last incarnation); for this package's processes only. */
    RaftNode raft(int id) {
        RaftHost h = hosts.get(id);
        if (h == null) {
            throw new IllegalArgumentException("no node " + id);
        }
        return h.node();
    }

    /** The node's own metadata image: what it has applied of the committed log. */
    public MetadataImage image(int id) {
        return images.image(id);
    }

    /** Offset of the last committed entry the node has applied to its image, -1 before any. */
    public long appliedOffset(int id) {
        return images.appliedOffset(id);
    }

    // ------------------------------------------------------------- logs

    /** Where the node's log stands now (a down node: what its disk holds, high watermark 0). */
    public LogRange logRange(int id) {
        RaftLog log = disk(id).log();
        return new LogRange(log.startOffset(), log.endOffset(), log.lastEpoch(), highWatermark(id));
    }

    /** The node's epoch: its core's while it runs, the one on its disk while it is down. */
    public int epochOf(int id) {
        return sim.status(id) != NodeStatus.DOWN ? raft(id).epoch() : disk(id).election().epoch();
    }

    /**
     * The epoch of the entry the node holds at {@code offset}; at {@code startOffset - 1} the
     * epoch its snapshot ends with; -1 for an offset it does not know.
     */
    public int entryEpoch(int id, long offset) {
        return disk(id).log().epochAt(offset);
    }

    /**
     * The entries the node holds in {@code [from, to)}, clipped to its log, as an immutable list
     * (empty when the range holds none).
     */
    public List<LogEntry> entries(int id, long from, long to) {
        RaftLog log = disk(id).log();
        return log.slice(Math.max(from, log.startOffset()), to);
    }

    /**
     * At most {@code max} entries the node knows to be committed, from {@code from} (or its log
     * start, when that is later) up to its high watermark, as an immutable list.
     */
    public List<LogEntry> committedEntries(int id, long from, int max) {
        RaftLog log = disk(id).log();
        long start = Math.max(from, log.startOffset());
        long hw = highWatermark(id);
        return start >= hw ? List.of() : log.slice(start, Math.min(hw, start + max));
    }

    /** The high watermark the node's core knows; 0 while it is down (it is volatile in KRaft). */
    private long highWatermark(int id) {
        return sim.status(id) != NodeStatus.DOWN ? raft(id).highWatermark() : 0;
    }

    /** The node's disk; for this package's processes only. */
    DurableState disk(int id) {
        DurableState d = disks.get(id);
        if (d == null) {
            throw new IllegalArgumentException("no node " + id);
        }
        return d;
    }

    public NodeStatus status(int id) {
        return sim.status(id);
    }

    /** True for a configured or added broker (up or down). */
    public boolean isBroker(int id) {
        return brokers.containsKey(id);
    }

    /** True for a controller node (configured or added), voter or not right now; see {@link #currentVoters()}. */
    public boolean isVoter(int id) {
        return controllerIds.contains(id);
    }

    /** The live leader with the highest epoch, or -1. */
    public int leaderId() {
        int best = -1;
        int bestEpoch = -1;
        for (int id : controllerIds) {
            if (sim.status(id) != NodeStatus.DOWN) {
                RaftNode n = raft(id);
                if (n.role() == Role.LEADER && n.epoch() > bestEpoch) {
                    best = id;
                    bestEpoch = n.epoch();
                }
            }
        }
        return best;
    }

    /**
     * DescribeQuorum sent to node {@code id} now: the leader's own view, or Kafka's
     * NOT_LEADER_OR_FOLLOWER with the leader that node knows, or no answer from a node that is
     * not running. A query: it changes nothing.
     */
    public DescribeQuorumAnswer describeQuorum(int id) {
        if (sim.status(id) != NodeStatus.UP) {
            return new DescribeQuorumAnswer.NoAnswer(id);
        }
        RaftNode n = raft(id);
        return n.describeQuorum(sim.now()).<DescribeQuorumAnswer>map(DescribeQuorumAnswer.Described::new)
                .orElseGet(() -> new DescribeQuorumAnswer.NotLeader(id, n.epoch(), n.leaderId()));
    }

    // ------------------------------------------------------------- running

    public boolean step() {
        return sim.step();
    }

    public void runUntil(long time) {
        sim.runUntil(time);
    }

    public void runFor(long millis) {
        sim.runUntil(sim.now() + millis);
    }

    /**
     * Processes the next event if it is due by {@code time}; false when none is (or the run
     * stopped). The clock stays at the last event, unlike {@link #runUntil}.
     */
    public boolean stepUntil(long time) {
        return sim.stepUntil(time);
    }

    /** Time of the next queued event, or Long.MAX_VALUE when none is queued. */
    public long nextEventTime() {
        return sim.nextEventTime();
    }

    /** How many events have been processed. */
    public long eventCount() {
        return sim.eventCount();
    }

    /** The kinds of the messages in flight now, in the order they were sent. */
    public List<MessageKind> inFlightKinds() {
        List<MessageKind> kinds = new ArrayList<>();
        for (Envelope e : sim.inFlight()) {
            kinds.add(MessageKind.of(e.payload()));
        }
        return kinds;
    }

    /** True once the run stopped (an invariant violation): time no longer moves. */
    public boolean stopped() {
        return sim.stopped();
    }

    // ------------------------------------------------------------- the trace and the seed

    /** Hears every trace record from now on (add it before {@link #start()} to hear the boot). */
    public void addTraceListener(TraceListener listener) {
        sim.trace().addListener(listener);
    }

    /** The SHA-256 of the trace so far: equal runs have equal hashes. */
    public String traceSha256() {
        return sim.trace().sha256();
    }

    /**
     * A random stream drawn from the run's seed for an outside {@code purpose} (a fault campaign):
     * the same seed and purpose give the same draws, and no node's own stream is disturbed.
     */
    public SplittableRandom randomFor(String purpose) {
        return sim.randomFor(purpose);
    }

    /** Schedules a command as a timed input: it is traced and replays identically. */
    public void at(long time, String description, Consumer<Cluster> command) {
        sim.schedule(time, new Input(description, () -> command.accept(this)));
    }

    /** A periodic check at {@code time} that leaves no trace line of its own; what it does is traced. */
    public void quietlyAt(long time, Consumer<Cluster> check) {
        sim.schedule(time, Input.quiet(() -> check.accept(this)));
    }

    /**
     * Carries out an action now, between events (call it from a timed input so it is traced and
     * replays). A controller command's answer, or a producer-id request's, comes later to
     * {@code replies}; the returned outcome says what happened at once.
     */
    public Outcome apply(Action action, Consumer<ControllerReply> replies) {
        return new ActionRunner(this, replies).apply(action);
    }

    /** The id the reference names now, or -1 when the role has no holder (no leader, no live follower, …). */
    public int resolve(NodeRef ref) {
        return RoleHolders.resolve(ref, this);
    }

    /**
     * A safety rule broke: the words go into the trace as the node's VIOLATION record, and the
     * run stops there (a checker's verdict, so the failing seed and event can be replayed).
     */
    public void recordViolation(int node, String words) {
        if (!stopAtViolation && keptOfRule(words) >= MAX_VIOLATIONS_KEPT) {
            return; // a broken variant left running breaks its rules again and again: the first ones tell the story
        }
        sim.trace().record(sim.now(), node, TraceKind.VIOLATION, words);
        violations.add(words);
        if (stopAtViolation) {
            sim.stop(words);
        }
    }

    /**
     * Whether a violation stops the run (the default, so a failing seed ends at its violation).
     * A lesson about a broken protocol variant keeps it running, to show what the broken rule leads to.
     */
    /**
     * How many violations of the rule that {@code words} names (its first word) are kept: the cap
     * is per rule, so a rule broken on every NoOpRecord does not crowd out the next rule's story.
     */
    private int keptOfRule(String words) {
        String rule = words.split(" ", 2)[0];
        int n = 0;
        for (String v : violations) {
            if (v.split(" ", 2)[0].equals(rule)) {
                n++;
            }
        }
        return n;
    }

    public void stopAtViolation(boolean stop) {
        stopAtViolation = stop;
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    // ------------------------------------------------------------- faults

    /**
     * A clean stop. A broker goes through controlled shutdown first (its leaderships move while it
     * still serves, then the controller lets it go; it gives up waiting after the session timeout);
     * a controller that leads resigns (EndQuorumEpoch) and stops. A stopped node restarts like a
     * crashed one.
     */
    public void stop(int id) {
        if (sim.status(id) != NodeStatus.UP) {
            crash(id); // a paused process cannot take part in a controlled shutdown
            return;
        }
        if (isVoter(id)) {
            raft(id).resign(sim.now(), "shutting down");
            afterPoke(id);
            int incarnation = sim.incarnation(id);
            sim.schedule(sim.now(), new Input("n" + id + " shuts down after resigning", () -> stopNow(id, incarnation)));
            return;
        }
        BrokerProcess broker = hosts.get(id).process(BrokerProcess.class);
        int incarnation = sim.incarnation(id);
        broker.beginControlledShutdown(sim.now(), sim.now() + config.metadata().sessionTimeoutMs(), () ->
                sim.schedule(sim.now(), new Input("b" + id + " shuts down: controlled shutdown done",
                        () -> stopNow(id, incarnation))));
        if (sim.status(id) == NodeStatus.UP) {
            afterPoke(id);
        }
    }

    /** The broker's lifecycle state, null for a controller or a node that is down. */
    public BrokerState brokerState(int id) {
        if (isVoter(id) || sim.status(id) == NodeStatus.DOWN || !hosts.containsKey(id)) {
            return null;
        }
        BrokerProcess b = hosts.get(id).process(BrokerProcess.class);
        return b == null ? null : b.state();
    }

    /** Ends the stopping incarnation; one restarted (or crashed) meanwhile is left alone. */
    private void stopNow(int id, int incarnation) {
        if (sim.status(id) == NodeStatus.DOWN || sim.incarnation(id) != incarnation) {
            return;
        }
        hosts.get(id).crashed();
        sim.shutDown(id);
        for (ClusterObserver o : observers) {
            o.fault(id, "stop", false);
        }
        for (Feed f : feeds) {
            if (f.home() == id) {
                placeProducer(f);
            }
        }
    }

    public void crash(int id) {
        if (sim.status(id) != NodeStatus.DOWN) {
            hosts.get(id).crashed();
        }
        sim.crash(id);
        for (ClusterObserver o : observers) {
            o.fault(id, "crash", false);
        }
        for (Feed f : feeds) {
            if (f.home() == id) {
                placeProducer(f);
            }
        }
    }

    public void restart(int id, boolean diskLost) {
        for (ClusterObserver o : observers) {
            o.fault(id, "restarting", diskLost);
        }
        sim.restart(id, diskLost);
        for (ClusterObserver o : observers) {
            o.fault(id, "restarted", diskLost);
        }
    }

    public void pause(int id) {
        sim.pause(id);
    }

    public void resume(int id) {
        sim.resume(id);
    }

    /** Makes the node's election or fetch timer expire now. */
    public void forceTimeout(int id) {
        if (sim.status(id) == NodeStatus.UP) {
            raft(id).forceTimeout(sim.now());
            afterPoke(id);
        }
    }

    /**
     * Sets the election timers of the voters {@code a} and {@code b} (a follower's: its fetch
     * timeout) to run out now, together: both start pre-votes at the same instant (a split vote
     * when no third voter breaks the tie). Callers check that both are live voters that do not lead.
     */
    public void splitVote(int a, int b) {
        long at = sim.now();
        for (int id : new int[] {a, b}) {
            raft(id).expireTimerAt(at);
            sim.refreshWake(id);
        }
        sim.trace().record(at, -1, TraceKind.FAULT, "split vote: the election timers of n" + a + " and n" + b
                + " run out together at " + at);
    }

    /**
     * Drops the next message of {@code kind} on the link {@code from → to}: the first in flight,
     * else the next one sent. Returns true when one was in flight.
     */
    public boolean dropNextMessage(int from, int to, MessageKind kind) {
        boolean inFlight = sim.dropNext(from, to, payload -> MessageKind.of(payload) == kind);
        netTrace("the next " + kind.label() + " on n" + from + "→n" + to + " will be dropped"
                + (inFlight ? " (one is in flight)" : " (when it is sent)"));
        return inFlight;
    }

    /** Graceful resignation of the node if it leads. */
    public void resign(int id) {
        if (sim.status(id) == NodeStatus.UP) {
            raft(id).resign(sim.now(), "asked to resign");
            afterPoke(id);
        }
    }

    /**
     * Appends payloads at the current leader. Returns the base offset, or -1 when there is no
     * live leader.
     */
    public long propose(List<?> payloads) {
        int leader = leaderId();
        if (leader < 0 || sim.status(leader) != NodeStatus.UP) {
            return -1;
        }
        long offset = raft(leader).append(sim.now(), payloads);
        afterPoke(leader);
        return offset;
    }

    /** After a command reached into a node's core from outside an event: let its processes follow, re-arm its timer. */
    private void afterPoke(int id) {
        hosts.get(id).afterEvent(sim.now());
        sim.refreshWake(id);
    }

    // ------------------------------------------------------------- metadata commands

    /** The controller currently serving commands, or -1 (none elected, or still catching up). */
    public int activeControllerId() {
        for (int id : controllerIds) {
            ControllerProcess cp = hosts.containsKey(id) ? hosts.get(id).process(ControllerProcess.class) : null;
            if (cp != null && cp.active() && sim.status(id) == NodeStatus.UP) {
                return id;
            }
        }
        return -1;
    }

    /**
     * Hands a command to the active controller, as an admin client beside it would. The reply
     * comes once the command's records are committed, or NOT_CONTROLLER when there is no active
     * controller or it loses leadership first. Call between events (from {@link #at}).
     */
    public void submit(ControllerCommand command, Consumer<ControllerReply> onReply) {
        int active = activeControllerId();
        if (active < 0) {
            onReply.accept(ControllerReply.notController(leaderId()));
            return;
        }
        // numbered only once it reaches a controller: a command refused here did nothing anywhere
        long op = clientCommands.sent(-1, command);
        hosts.get(active).process(ControllerProcess.class).submit(sim.now(), command, -1, 0, reply -> {
            clientCommands.answered(op, reply);
            onReply.accept(reply);
        });
        sim.refreshWake(active);
    }

    /** Makes the broker ask the controller for a block of producer ids; false when it is not registered or down. */
    public boolean requestProducerIds(int brokerId) {
        return requestProducerIds(brokerId, reply -> { });
    }

    /** As {@link #requestProducerIds(int)}; {@code onReply} hears the controller's answer when it reaches the broker. */
    public boolean requestProducerIds(int brokerId, Consumer<ControllerReply> onReply) {
        BrokerProcess b = broker(brokerId);
        boolean sent = b != null && sim.status(brokerId) == NodeStatus.UP && b.requestProducerIds(onReply);
        if (sent) {
            sim.refreshWake(brokerId);
        }
        return sent;
    }

    /** The live broker process on the node, or null for controllers and dead nodes. */
    private BrokerProcess broker(int id) {
        RaftHost h = hosts.get(id);
        return h == null || sim.status(id) == NodeStatus.DOWN ? null : h.process(BrokerProcess.class);
    }

    /** The first ids of the producer-id blocks the broker's current incarnation holds. */
    public List<Long> producerIdBlocks(int brokerId) {
        BrokerProcess b = broker(brokerId);
        return b == null ? List.of() : b.producerIdBlocks();
    }

    /**
     * The cluster's committed metadata as one node knows it: the leader's image, else (no leader)
     * the image of the live node that has applied the most.
     */
    public MetadataImage committedImage() {
        int leader = leaderId();
        if (leader >= 0) {
            return images.image(leader);
        }
        int best = -1;
        for (int id : sim.nodeIds()) {
            if (sim.status(id) != NodeStatus.DOWN && (best < 0 || images.appliedOffset(id) > images.appliedOffset(best))) {
                best = id;
            }
        }
        return best < 0 ? MetadataImage.EMPTY : images.image(best);
    }

    private String metadataRole(int id) {
        if (isVoter(id)) {
            if (sim.status(id) == NodeStatus.DOWN) {
                return "";
            }
            ControllerProcess cp = hosts.get(id).process(ControllerProcess.class);
            return cp != null && cp.active() ? "active controller" : "standby controller";
        }
        // the fenced state is the controller's word: read it from the leader's committed image
        int leader = leaderId();
        MetadataImage view = images.image(leader >= 0 ? leader : id);
        BrokerRegistration b = view.brokers().get(id);
        if (b == null) {
            return broker(id) != null ? "registering" : "not registered";
        }
        if (b.inControlledShutdown()) {
            return "shut down";
        }
        return b.fenced() ? "fenced" : "unfenced";
    }

    /**
     * Snapshots the node's metadata image at its high watermark and drops the log before it,
     * so lagging replicas must catch up through FetchSnapshot. Returns false when nothing new
     * was committed since the last snapshot.
     */
    public boolean compact(int id) {
        if (sim.status(id) != NodeStatus.UP) {
            return false;
        }
        RaftNode n = raft(id);
        long upTo = n.highWatermark();
        MetadataImage image = images.image(id);
        boolean done = n.snapshotAndCompact(sim.now(), upTo, image, ImageRecords.count(image));
        sim.refreshWake(id);
        return done;
    }

    /**
     * Snapshots the node's metadata image at its high watermark and keeps the log (Kafka's
     * SnapshotGenerator); {@link #cleanLog} deletes it when retention allows. False when nothing
     * new was committed since the latest snapshot.
     */
    boolean takeSnapshot(int id) {
        if (sim.status(id) != NodeStatus.UP) {
            return false;
        }
        RaftNode n = raft(id);
        MetadataImage image = images.image(id);
        return n.createSnapshot(sim.now(), n.highWatermark(), image, ImageRecords.count(image));
    }

    /** Kafka's KafkaMetadataLog.maybeClean on the node's log and snapshots. */
    boolean cleanLog(int id, io.yakraft.raft.LogRetention retention) {
        return sim.status(id) == NodeStatus.UP && raft(id).maybeClean(sim.now(), retention);
    }

    /** The snapshots on the node's disk, oldest first (the log may hold entries before the latest). */
    public List<io.yakraft.raft.RaftSnapshot> snapshots(int id) {
        return disk(id).snapshots();
    }

    /** End offset of the node's latest snapshot, or its log start when it has none. */
    long latestSnapshotEnd(int id) {
        var snap = disk(id).snapshot();
        return snap != null ? Math.max(snap.id().offset(), disk(id).log().startOffset()) : disk(id).log().startOffset();
    }

    // ------------------------------------------------------------- data

    /**
     * Starts feeding records into a topic: a producer runs beside the requested broker (else the
     * lowest-numbered live one) and sends them at the requested pace. Call between events.
     */
    public Feed feed(FeedRequest request) {
        if (request.viaBroker() >= 0 && !brokers.containsKey(request.viaBroker())) {
            throw new IllegalArgumentException("no broker " + request.viaBroker() + " to run the producer beside");
        }
        Feed f = new Feed(feeds.size() + 1, request, sim.now());
        feeds.add(f);
        placeProducer(f);
        return f;
    }

    public List<FeedStatus> feeds() {
        List<FeedStatus> out = new ArrayList<>();
        for (Feed f : feeds) {
            out.add(f.status());
        }
        return out;
    }

    /** Runs the feed's producer beside its chosen broker if that is up, else the lowest-numbered live broker, else nowhere yet. */
    private void placeProducer(Feed f) {
        int home = -1;
        int wanted = f.request().viaBroker();
        if (wanted >= 0 && sim.status(wanted) != NodeStatus.DOWN) {
            home = wanted;
        } else {
            for (int b : brokers.keySet()) {
                if (sim.status(b) != NodeStatus.DOWN) {
                    home = b;
                    break;
                }
            }
        }
        f.producerRunsBeside(-1);
        if (home >= 0) {
            runProducer(f, home, hosts.get(home));
            sim.refreshWake(home);
        }
        sim.trace().record(sim.now(), home, TraceKind.DATA, "feed " + f.id() + " into '"
                + f.request().topic() + "': " + (home >= 0 ? "producer runs beside b" + home : "no broker is up to run its producer"));
    }

    private void runProducer(Feed f, int home, RaftHost host) {
        host.add(new ProducerProcess(home, dataImages, config.data(), f,
                new DataHost(home, sim, host.process(BrokerProcess.class), observers)));
    }

    /** The broker's partition replicas (a down broker's from its disk), by partition. */
    public Map<TopicPartition, ReplicaView> replicas(int brokerId) {
        RaftHost h = hosts.get(brokerId);
        ReplicaManagerProcess rm = h == null || sim.status(brokerId) == NodeStatus.DOWN ? null : h.process(ReplicaManagerProcess.class);
        if (rm != null) {
            return rm.views();
        }
        Map<TopicPartition, ReplicaView> out = new TreeMap<>(TopicPartition.ORDER);
        dataDisks.getOrDefault(brokerId, Map.of()).forEach((tp, log) ->
                out.put(tp, new ReplicaView(tp, false, -1, -1, log.endOffset(), log.highWatermark(),
                        log.epochStarts())));
        return out;
    }

    /** The broker's replica log of a partition, or null when it holds none. */
    public PartitionLog partitionLog(int brokerId, TopicPartition partition) {
        return dataDisks.getOrDefault(brokerId, Map.of()).get(partition);
    }

    // ------------------------------------------------------------- network
    // Every change is traced as a NETWORK record; the shapes come from NetworkPresets.

    public void cut(int from, int to) {
        sim.network().cut(from, to);
        netTrace("link n" + from + "→n" + to + " cut");
    }

    public void cutBoth(int a, int b) {
        sim.network().cutBoth(a, b);
        netTrace("links n" + a + "⇄n" + b + " cut");
    }

    public void heal(int from, int to) {
        sim.network().heal(from, to);
        netTrace("link n" + from + "→n" + to + " healed");
    }

    /** Heals every cut link and puts every link back on the defaults. */
    public void healAll() {
        presets.healAll();
        netTrace("all links healed");
    }

    public void isolate(int id) {
        presets.isolate(id, allIds());
        netTrace("n" + id + " isolated");
    }

    /** Cuts {@code minority} off from everybody else (observers stay with the majority). */
    public void splitMajorityMinority(List<Integer> minority) {
        presets.majorityMinority(minority, allIds());
        netTrace("split: minority " + minority + " cut off from the majority");
    }

    /** The minority a split cuts off when none is named: the leader plus live voters, leaving the rest a majority. */
    List<Integer> defaultMinority() {
        return NetworkPresets.defaultMinority(leaderId(), currentVoters().ids(), id -> sim.status(id) != NodeStatus.DOWN);
    }

    /** Two halves of the voters that only meet at {@code bridgeNode}. */
    public void bridge(int bridgeNode) {
        List<List<Integer>> halves = presets.bridge(bridgeNode, currentVoters().ids());
        netTrace("bridge: " + halves.get(0) + " and " + halves.get(1) + " only meet at n" + bridgeNode);
    }

    /** Each voter talks only to its two neighbours on a ring of the voters in id order. */
    public void majoritiesRing() {
        netTrace("majorities ring over " + presets.majoritiesRing(currentVoters().ids()));
    }

    /** Drops one message in flight by its id; false when it is not in flight. */
    public boolean dropInFlight(long messageId) {
        return sim.dropInFlight(messageId);
    }

    /** Cuts every link between different groups both ways, one traced cut per pair; links inside a group stay. */
    public void partition(List<List<Integer>> groups) {
        for (int[] pair : NetworkPresets.linksBetween(groups)) {
            cutBoth(pair[0], pair[1]);
        }
    }

    /** The link settings every link without an override of its own uses. */
    public LinkConfig linkDefaults() {
        return sim.network().defaults();
    }

    public void setLinkDefaults(LinkConfig link) {
        sim.network().setDefaults(link);
        netTrace("network: latency " + link.minLatencyMs() + ".." + link.maxLatencyMs() + " ms, loss "
                + link.lossProbability() + ", duplication " + link.duplicateProbability());
    }

    private void netTrace(String what) {
        sim.trace().record(sim.now(), -1, TraceKind.NETWORK, what);
    }

    // ------------------------------------------------------------- views

    public NodeView view(int id) {
        NodeStatus status = sim.status(id);
        RaftNode n = raft(id);
        DurableState disk = disks.get(id);
        boolean live = status != NodeStatus.DOWN;
        return new NodeView(id, isVoter(id), status, n.role(), live ? n.epoch() : disk.election().epoch(),
                live ? n.leaderId() : -1, n.votedId(), disk.log().startOffset(), disk.log().endOffset(),
                disk.log().lastEpoch(), live ? n.highWatermark() : 0,
                status == NodeStatus.UP ? n.timerDeadline() : Long.MAX_VALUE, sim.incarnation(id),
                images.appliedOffset(id), metadataRole(id),
                status == NodeStatus.UP ? n.voteCount() : io.yakraft.raft.VoteCount.NONE,
                live ? n.replicaStates() : List.of(), isVoter(id) && n.isVoter());
    }

    public ClusterSnapshot snapshot() {
        List<NodeView> views = new ArrayList<>();
        for (int id : sim.nodeIds()) {
            views.add(view(id));
        }
        List<MessageView> flying = new ArrayList<>();
        for (Envelope e : sim.inFlight()) {
            flying.add(new MessageView(e.id(), e.from(), e.to(), MessageKind.of(e.payload()),
                    RaftMessages.INSTANCE.describe(e.payload()), e.sentAt(), e.deliverAt(), e.payload()));
        }
        Map<Integer, LogView> logs = new TreeMap<>();
        Map<Integer, MetadataImage> nodeImages = new TreeMap<>();
        for (NodeView v : views) {
            logs.put(v.id(), logView(v.id(), v.highWatermark()));
            nodeImages.put(v.id(), images.image(v.id()));
        }
        Map<Integer, Map<TopicPartition, ReplicaView>> replicaViews = new TreeMap<>();
        for (int b : brokers.keySet()) {
            replicaViews.put(b, replicas(b));
        }
        int leader = leaderId();
        Optional<QuorumInfo> quorum = leader < 0 ? Optional.empty() : raft(leader).describeQuorum(sim.now());
        return new ClusterSnapshot(config.seed(), sim.now(), sim.eventCount(), List.copyOf(views), List.copyOf(flying),
                sim.network().cutLinks(), leader, leader < 0 ? -1 : raft(leader).epoch(), violations(),
                java.util.Collections.unmodifiableMap(logs), java.util.Collections.unmodifiableMap(nodeImages),
                java.util.Collections.unmodifiableMap(replicaViews), feeds(), quorum,
                Arrays.stream(currentVoters().ids()).boxed().toList());
    }

    /** The node's log for the replication view: what it holds, as epoch runs, and its last truncation. */
    public LogView logView(int id) {
        return logView(id, view(id).highWatermark());
    }

    private LogView logView(int id, long highWatermark) {
        DurableState disk = disks.get(id);
        Truncations.Last t = truncations.of(id);
        io.yakraft.raft.RaftSnapshot latest = disk.snapshot();
        io.yakraft.raft.SnapshotTransfer transfer = sim.status(id) == NodeStatus.UP
                ? raft(id).snapshotTransfer().orElse(null) : null;
        return new LogView(disk.log().startOffset(), disk.log().endOffset(), highWatermark, disk.log().epochRuns(),
                t.count(), t.to(), t.from(), latest == null ? -1 : latest.id().offset(), transfer);
    }
}
