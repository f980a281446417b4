package io.yakraft.metadata;

import io.yakraft.metadata.ControllerCommand.AllocateProducerIds;
import io.yakraft.metadata.ControllerCommand.AlterPartition;
import io.yakraft.metadata.ControllerCommand.BrokerHeartbeat;
import io.yakraft.metadata.ControllerCommand.CreatePartitions;
import io.yakraft.metadata.ControllerCommand.CreateTopic;
import io.yakraft.metadata.ControllerCommand.DeleteTopic;
import io.yakraft.metadata.ControllerCommand.RegisterBroker;
import io.yakraft.metadata.ControllerCommand.RegisterController;
import io.yakraft.metadata.ControllerCommand.UnregisterBroker;
import io.yakraft.metadata.MetadataRecord.BrokerRegistrationChangeRecord;
import io.yakraft.metadata.MetadataRecord.PartitionChangeRecord;
import io.yakraft.metadata.MetadataRecord.PartitionRecord;
import io.yakraft.metadata.MetadataRecord.ProducerIdsRecord;
import io.yakraft.metadata.MetadataRecord.RegisterBrokerRecord;
import io.yakraft.metadata.MetadataRecord.RemoveTopicRecord;
import io.yakraft.metadata.MetadataRecord.TopicRecord;
import io.yakraft.metadata.MetadataRecord.UnregisterBrokerRecord;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The quorum controller's logic, as Kafka's QuorumController runs it on the active controller:
 * a command is validated against the latest state (the committed image plus this controller's
 * own records not yet committed), turned into records, and those records are replayed at once
 * into that state so the next command sees them. The host appends the records to the log and
 * sends the reply only once they are committed.
 *
 * <p>Records are ordered so that every prefix of a batch is a sound image: leadership moves off
 * a broker before it is fenced or unregistered, and a broker is unfenced before it is elected.
 *
 * <p>Pure: no clock, no I/O; time and randomness come in. Broker sessions (Kafka's
 * BrokerHeartbeatManager) live in memory here and restart on each activation.
 */
public class QuorumController {
    /** Producer ids handed out per AllocateProducerIds request (Kafka's block size). */
    public static final int PRODUCER_ID_BLOCK = 1000;
    /** A sanity bound so a typo does not create a million partitions. */
    public static final int MAX_PARTITIONS = 10_000;

    /** What a command produced: records to append (maybe none) and the reply to send once committed. */
    public record Decision(List<MetadataRecord> records, ControllerReply reply) {
        public Decision {
            records = List.copyOf(records);
        }
    }

    private final long sessionTimeoutMs;
    /** BeginTransactionRecord.Name of the bootstrap records (ActivationRecordsGenerator). */
    public static final String BOOTSTRAP_TRANSACTION = "Bootstrap records";
    /** ConfigResource.Type.BROKER's id: a ConfigRecord for the cluster (name "") or one broker. */
    public static final byte BROKER_RESOURCE = 4;

    private final SplittableRandom random;
    /** The cluster's min.insync.replicas, for topics that do not set their own (Kafka's default 1). */
    private int defaultMinInsyncReplicas = 1;
    private MetadataImage image = MetadataImage.EMPTY;
    /** broker id → the time its session ends unless a heartbeat arrives. */
    private final TreeMap<Integer, Long> sessionEnds = new TreeMap<>();
    /** broker id → the metadata offset its last heartbeat reported (BrokerHeartbeatManager's metadataOffset). */
    private final TreeMap<Integer, Long> metadataOffsets = new TreeMap<>();
    /** broker id → its controlled-shutdown offset, for brokers in controlled shutdown. */
    private final TreeMap<Integer, Long> shutdownOffsets = new TreeMap<>();

    /** BrokerControlState: where a broker stands with the controller. */
    private enum BrokerControlState { FENCED, UNFENCED, CONTROLLED_SHUTDOWN, SHUTDOWN_NOW }

    public QuorumController(long sessionTimeoutMs, SplittableRandom random) {
        this.sessionTimeoutMs = sessionTimeoutMs;
        this.random = random;
    }

    /**
     * Takes over from the committed image. Every registered broker starts a fresh session, as
     * Kafka's new active controller does: it cannot know when they last heard from its predecessor.
     */
    public void activate(long now, MetadataImage committed) {
        image = committed;
        sessionEnds.clear();
        metadataOffsets.clear();
        shutdownOffsets.clear();
        for (BrokerRegistration b : committed.brokers().values()) {
            sessionEnds.put(b.id(), now + sessionTimeoutMs);
        }
    }

    /** Sets the cluster-wide min.insync.replicas the controller falls back on; returns this. */
    public QuorumController withDefaultMinInsyncReplicas(int minInsyncReplicas) {
        this.defaultMinInsyncReplicas = minInsyncReplicas;
        return this;
    }

    /** The committed image plus this controller's uncommitted records. */
    public MetadataImage image() {
        return image;
    }

    /**
     * Seam for deliberately broken variants: true means a reply waits until its records (and
     * everything written before) are committed, as Kafka's controller purgatory makes it.
     */
    public boolean answersAfterCommit() {
        return true;
    }

    /** Serves one command; its records will be written at {@code nextOffset} onwards. */
    public Decision handle(long now, long nextOffset, ControllerCommand command) {
        Decision d;
        if (command instanceof RegisterBroker c) {
            d = register(now, nextOffset, c);
        } else if (command instanceof BrokerHeartbeat c) {
            d = heartbeat(now, nextOffset, c);
        } else if (command instanceof RegisterController c) {
            d = registerController(c);
        } else if (command instanceof UnregisterBroker c) {
            d = unregister(c);
        } else if (command instanceof CreateTopic c) {
            d = createTopic(c);
        } else if (command instanceof CreatePartitions c) {
            d = createPartitions(c);
        } else if (command instanceof DeleteTopic c) {
            d = deleteTopic(c);
        } else if (command instanceof AllocateProducerIds c) {
            d = allocateProducerIds(c);
        } else if (command instanceof AlterPartition c) {
            d = alterPartition(c);
        } else if (command instanceof ControllerCommand.ElectLeaders c) {
            d = electPreferredLeaders(c);
        } else if (command instanceof ControllerCommand.AlterTopicConfigs c) {
            d = alterTopicConfigs(c);
        } else {
            throw new IllegalArgumentException("unknown command " + command);
        }
        replay(nextOffset, d.records());
        return d;
    }

    /** The earliest time a session may end, Long.MAX_VALUE when no unfenced broker has one. */
    public long nextSessionEnd() {
        long next = Long.MAX_VALUE;
        for (Map.Entry<Integer, Long> e : sessionEnds.entrySet()) {
            BrokerRegistration b = image.brokers().get(e.getKey());
            if (b != null && !b.fenced()) {
                next = Math.min(next, e.getValue());
            }
        }
        return next;
    }

    /**
     * Fences the lowest-numbered unfenced broker whose session ended by {@code now} (Kafka's
     * maybeFenceStaleBroker), or returns null when none did. Call until null.
     */
    public Decision fenceStaleBroker(long now, long nextOffset) {
        for (Map.Entry<Integer, Long> e : sessionEnds.entrySet()) {
            BrokerRegistration b = image.brokers().get(e.getKey());
            if (b != null && !b.fenced() && e.getValue() <= now) {
                List<MetadataRecord> records = new ArrayList<>(partitionChangesOnFence(b.id()));
                records.add(fence(b));
                shutdownOffsets.remove(b.id());
                Decision d = new Decision(records, ControllerReply.ok(new ControllerReply.Done()));
                replay(nextOffset, d.records());
                return d;
            }
        }
        return null;
    }

    // ------------------------------------------------------------- brokers

    private Decision register(long now, long nextOffset, RegisterBroker c) {
        if (c.brokerId() < 0) {
            return error(ControllerError.INVALID_REQUEST, "broker id must be 0 or more, got " + c.brokerId());
        }
        BrokerRegistration existing = image.brokers().get(c.brokerId());
        List<MetadataRecord> records = new ArrayList<>();
        if (existing != null && !existing.fenced()) {
            boolean sessionLive = sessionEnds.getOrDefault(c.brokerId(), Long.MIN_VALUE) > now;
            if (sessionLive && !existing.incarnationId().equals(c.incarnationId())) {
                return error(ControllerError.DUPLICATE_BROKER_REGISTRATION, "broker " + c.brokerId()
                        + " is registered with incarnation " + existing.incarnationId() + " and its session is live");
            }
        }
        if (existing != null && !existing.incarnationId().equals(c.incarnationId())) {
            // ClusterControlManager.registerBroker → handleBrokerShutdown: the old incarnation is gone, and its
            // leaderships move before the new, fenced registration lands. A broker that did not shut down
            // cleanly (its previous broker epoch is not the registered one) also leaves every ELR.
            boolean clean = c.previousBrokerEpoch() == existing.epoch();
            records.addAll(elrEnabled() && !clean ? partitionChangesOnUncleanShutdown(c.brokerId())
                    : partitionChangesOnFence(c.brokerId()));
        }
        long epoch = nextOffset + records.size(); // Kafka: the broker epoch is the registration record's offset
        records.add(new RegisterBrokerRecord(c.brokerId(), c.incarnationId(), epoch, c.listeners(),
                KafkaFeatures.supported(), c.rack(), true, false, c.logDirs()));
        sessionEnds.put(c.brokerId(), now + sessionTimeoutMs);
        shutdownOffsets.remove(c.brokerId());
        metadataOffsets.remove(c.brokerId());
        return new Decision(records, ControllerReply.ok(new ControllerReply.BrokerRegistered(epoch)));
    }

    /**
     * Kafka's BrokerHeartbeatManager.calculateNextBrokerState and ReplicationControlManager's
     * handling of each move: a fenced broker is unfenced once it has applied its own registration;
     * a broker that wants to shut down enters controlled shutdown (InControlledShutdown set, its
     * leaderships and ISR places moved in the same batch), and is let go (fenced, shouldShutDown)
     * once every other active broker has applied past its controlled-shutdown offset.
     */
    private Decision heartbeat(long now, long nextOffset, BrokerHeartbeat c) {
        ControllerReply bad = checkBroker(c.brokerId(), c.brokerEpoch());
        if (bad != null) {
            return new Decision(List.of(), bad);
        }
        sessionEnds.put(c.brokerId(), now + sessionTimeoutMs);
        metadataOffsets.put(c.brokerId(), c.currentMetadataOffset());
        BrokerRegistration b = image.brokers().get(c.brokerId());
        BrokerControlState current = b.fenced() ? BrokerControlState.FENCED
                : shutdownOffsets.containsKey(b.id()) ? BrokerControlState.CONTROLLED_SHUTDOWN : BrokerControlState.UNFENCED;
        BrokerControlState next = nextState(current, c, b);
        List<MetadataRecord> records = new ArrayList<>();
        if (next != current) {
            switch (next) {
                case UNFENCED -> {
                    records.add(new BrokerRegistrationChangeRecord(b.id(), b.epoch(), BrokerRegistrationChangeRecord.CLEAR,
                            BrokerRegistrationChangeRecord.NO_CHANGE));
                    records.addAll(electionsOnUnfence(b.id()));
                }
                case CONTROLLED_SHUTDOWN -> {
                    if (!b.inControlledShutdown()) {
                        records.add(new BrokerRegistrationChangeRecord(b.id(), b.epoch(),
                                BrokerRegistrationChangeRecord.NO_CHANGE, BrokerRegistrationChangeRecord.SET));
                    }
                    records.addAll(partitionChangesOnFence(b.id()));
                    // the offset every other active broker must reach before this one may go
                    shutdownOffsets.put(b.id(), nextOffset + records.size() - 1);
                }
                case FENCED, SHUTDOWN_NOW -> {
                    if (!b.fenced()) {
                        records.addAll(partitionChangesOnFence(b.id()));
                        records.add(fence(b));
                    }
                    shutdownOffsets.remove(b.id());
                }
            }
        }
        boolean fenced = next == BrokerControlState.FENCED || next == BrokerControlState.SHUTDOWN_NOW;
        return new Decision(records, ControllerReply.ok(new ControllerReply.HeartbeatAnswer(fenced,
                next == BrokerControlState.SHUTDOWN_NOW)));
    }

    private BrokerControlState nextState(BrokerControlState current, BrokerHeartbeat c, BrokerRegistration b) {
        return switch (current) {
            case FENCED -> c.wantShutdown() ? BrokerControlState.SHUTDOWN_NOW
                    : !c.wantFence() && c.currentMetadataOffset() >= b.epoch() ? BrokerControlState.UNFENCED
                    : BrokerControlState.FENCED;
            case UNFENCED -> c.wantFence() ? (c.wantShutdown() ? BrokerControlState.SHUTDOWN_NOW : BrokerControlState.FENCED)
                    : !c.wantShutdown() ? BrokerControlState.UNFENCED
                    : inSomeIsr(b.id()) ? BrokerControlState.CONTROLLED_SHUTDOWN : BrokerControlState.SHUTDOWN_NOW;
            case CONTROLLED_SHUTDOWN -> c.wantFence() ? BrokerControlState.SHUTDOWN_NOW
                    : !inSomeIsr(b.id()) && shutdownOffsets.get(b.id()) <= lowestActiveOffset()
                    ? BrokerControlState.SHUTDOWN_NOW : BrokerControlState.CONTROLLED_SHUTDOWN;
            case SHUTDOWN_NOW -> throw new IllegalStateException("SHUTDOWN_NOW is never a current state");
        };
    }

    /**
     * BrokerHeartbeatManager.lowestActiveOffset: the lowest metadata offset an unfenced broker not
     * in controlled shutdown last reported (-1 for one not heard from since this controller took
     * over); Long.MAX_VALUE when there is none.
     */
    private long lowestActiveOffset() {
        long lowest = Long.MAX_VALUE;
        for (BrokerRegistration b : image.brokers().values()) {
            if (!b.fenced() && !shutdownOffsets.containsKey(b.id())) {
                lowest = Math.min(lowest, metadataOffsets.getOrDefault(b.id(), -1L));
            }
        }
        return lowest;
    }

    /** Kafka keeps a broker in the ISR when it is the last member; such a broker still holds a place to give up. */
    private boolean inSomeIsr(int brokerId) {
        for (TopicImage t : image.topics().values()) {
            for (PartitionRegistration p : t.partitions().values()) {
                if (p.leader() == brokerId || (p.isr().contains(brokerId) && p.isr().size() > 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The fencing record of MetadataVersion 3.3+: a BrokerRegistrationChangeRecord, not a FenceBrokerRecord. */
    private static MetadataRecord fence(BrokerRegistration b) {
        return new BrokerRegistrationChangeRecord(b.id(), b.epoch(), BrokerRegistrationChangeRecord.SET,
                BrokerRegistrationChangeRecord.NO_CHANGE);
    }

    /** ClusterControlManager.registerController: one RegisterControllerRecord per new incarnation. */
    private Decision registerController(RegisterController c) {
        ControllerRegistration known = image.controllers().get(c.controllerId());
        if (known != null && known.incarnationId().equals(c.incarnationId())) {
            return new Decision(List.of(), ControllerReply.ok(new ControllerReply.Done()));
        }
        return new Decision(List.of(new MetadataRecord.RegisterControllerRecord(c.controllerId(), c.incarnationId(), false,
                c.listeners(), KafkaFeatures.supported())), ControllerReply.ok(new ControllerReply.Done()));
    }

    /**
     * The records the first active controller writes into an empty metadata log, as
     * ActivationRecordsGenerator.recordsForEmptyLog does at a metadata.version with metadata
     * transactions (3.6-IV1+, so 4.3-IV0): BeginTransactionRecord "Bootstrap records", the bootstrap
     * feature levels, the cluster-level {@code min.insync.replicas} ConfigRecord (resource BROKER, name
     * "") because eligible.leader.replicas.version is above 0, then EndTransactionRecord. None once
     * metadata.version is set. {@code defaultMinInsyncReplicas}: the controller's min.insync.replicas.
     */
    public Decision bootstrap(long nextOffset, int defaultMinInsyncReplicas) {
        if (image.metadataVersion() > 0) {
            return null;
        }
        List<MetadataRecord> records = new ArrayList<>();
        records.add(new MetadataRecord.BeginTransactionRecord(BOOTSTRAP_TRANSACTION));
        records.addAll(KafkaFeatures.bootstrapRecords());
        records.add(new MetadataRecord.ConfigRecord(BROKER_RESOURCE, "", TopicConfigs.MIN_INSYNC_REPLICAS,
                Integer.toString(defaultMinInsyncReplicas)));
        records.add(new MetadataRecord.EndTransactionRecord());
        Decision d = new Decision(records, ControllerReply.ok(new ControllerReply.Done()));
        replay(nextOffset, d.records());
        return d;
    }

    /** A NoOpRecord (Kafka: written every metadata.max.idle.interval.ms so followers see the log advance). */
    public Decision noOp(long nextOffset) {
        Decision d = new Decision(List.of(new MetadataRecord.NoOpRecord()), ControllerReply.ok(new ControllerReply.Done()));
        replay(nextOffset, d.records());
        return d;
    }

    private Decision unregister(UnregisterBroker c) {
        BrokerRegistration b = image.brokers().get(c.brokerId());
        if (b == null) {
            return error(ControllerError.BROKER_ID_NOT_REGISTERED, "broker " + c.brokerId() + " is not registered");
        }
        // handleBrokerUnregistered: an ISR pass, then an ELR pass over the same image
        List<MetadataRecord> records = new ArrayList<>(partitionChangesOnFence(b.id()));
        records.addAll(leaderAndIsrUpdates(b.id(), MetadataRecord.NO_LEADER, MetadataRecord.NO_LEADER,
                p -> p.eligibleLeaderReplicas().contains(b.id())));
        records.add(new UnregisterBrokerRecord(b.id(), b.epoch()));
        sessionEnds.remove(b.id());
        return new Decision(records, ControllerReply.ok(new ControllerReply.Done()));
    }

    /**
     * The PartitionChangeRecords that take a broker out of service (Kafka's handleBrokerFenced,
     * handleBrokerInControlledShutdown and a clean handleBrokerShutdown): it leaves every ISR, and
     * each partition it led gets a new leader from the ISR (or the ELR), else an unclean one where
     * the topic allows it, else none. With ELR on, the last ISR member leaves too and waits in the
     * ELR; with it off, Kafka keeps the last member in the ISR (KIP-841).
     */
    protected List<MetadataRecord> partitionChangesOnFence(int brokerId) {
        return leaderAndIsrUpdates(brokerId, MetadataRecord.NO_LEADER, MetadataRecord.NO_LEADER,
                p -> p.isr().contains(brokerId));
    }

    /**
     * A new incarnation of a broker that did not shut down cleanly (Kafka's handleBrokerShutdown
     * with ELR on): it leaves every ISR and ELR, since its log may have lost acknowledged records.
     */
    private List<MetadataRecord> partitionChangesOnUncleanShutdown(int brokerId) {
        // two passes over the same image, as Kafka's: a broker is never in both a partition's ISR and its ELR
        List<MetadataRecord> out = new ArrayList<>(leaderAndIsrUpdates(MetadataRecord.NO_LEADER, MetadataRecord.NO_LEADER,
                brokerId, p -> p.isr().contains(brokerId)));
        out.addAll(leaderAndIsrUpdates(MetadataRecord.NO_LEADER, MetadataRecord.NO_LEADER, brokerId,
                p -> p.eligibleLeaderReplicas().contains(brokerId)));
        return out;
    }

    /** Leaderless partitions get a leader now that the broker is unfenced (Kafka's handleBrokerUnfenced). */
    private List<MetadataRecord> electionsOnUnfence(int brokerId) {
        return leaderAndIsrUpdates(MetadataRecord.NO_LEADER, brokerId, MetadataRecord.NO_LEADER, p -> !p.hasLeader());
    }

    /**
     * Kafka's ReplicationControlManager.generateLeaderAndIsrUpdates: for each partition chosen, a
     * PartitionChangeBuilder with {@code brokerToRemove} and {@code uncleanShutdown} out of the
     * ISR and unable to lead, {@code brokerToAdd} able to lead although not yet unfenced in the
     * image, and an unclean election where the topic allows it.
     */
    private List<MetadataRecord> leaderAndIsrUpdates(int brokerToRemove, int brokerToAdd, int uncleanShutdown,
                                                     java.util.function.Predicate<PartitionRegistration> which) {
        java.util.function.IntPredicate acceptable = r -> r != brokerToRemove && r != uncleanShutdown
                && (r == brokerToAdd || usable(r));
        List<MetadataRecord> out = new ArrayList<>();
        for (TopicImage t : image.topics().values()) {
            for (Map.Entry<Integer, PartitionRegistration> e : t.partitions().entrySet()) {
                PartitionRegistration p = e.getValue();
                if (!which.test(p)) {
                    continue;
                }
                PartitionChangeBuilder b = builder(t, e.getKey(), p, acceptable);
                if (uncleanShutdown != MetadataRecord.NO_LEADER) {
                    b.setUncleanShutdownReplicas(List.of(uncleanShutdown));
                }
                List<Integer> isr = new ArrayList<>(p.isr());
                isr.remove(Integer.valueOf(brokerToRemove));
                isr.remove(Integer.valueOf(uncleanShutdown));
                MetadataRecord r = b.setTargetIsr(isr).build();
                if (r != null) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** A builder for one partition with the topic's effective min ISR, ELR switch and election type. */
    private PartitionChangeBuilder builder(TopicImage t, int partition, PartitionRegistration p,
                                           java.util.function.IntPredicate acceptable) {
        PartitionChangeBuilder b = new PartitionChangeBuilder(p, t.id(), partition, acceptable, effectiveMinIsr(t),
                elrEnabled());
        if (TopicConfigs.uncleanLeaderElection(image, t.name())) {
            b.setElection(PartitionChangeBuilder.Election.UNCLEAN);
        }
        return b;
    }

    /** FeatureControlManager.isElrFeatureEnabled: eligible.leader.replicas.version 1 or more. */
    public boolean elrEnabled() {
        return image.features().getOrDefault(KafkaFeatures.ELR_VERSION, (short) 0) >= 1;
    }

    /** getTopicEffectiveMinIsr: the topic's min.insync.replicas (else the cluster's), at most the replication factor. */
    private int effectiveMinIsr(TopicImage t) {
        int rf = t.partitions().isEmpty() ? 1 : t.partitions().values().iterator().next().replicas().size();
        return Math.min(TopicConfigs.minInsyncReplicas(image, t.name(), defaultMinInsyncReplicas), rf);
    }

    /**
     * Kafka's periodic electUnclean task (maybeElectUncleanLeaders): leaderless partitions of
     * topics that allow unclean election get a leader outside the ISR if one can lead. Null when
     * there is nothing to elect.
     */
    public Decision electUncleanLeaders(long nextOffset) {
        List<MetadataRecord> records = new ArrayList<>();
        for (TopicImage t : image.topics().values()) {
            if (!TopicConfigs.uncleanLeaderElection(image, t.name())) {
                continue;
            }
            for (Map.Entry<Integer, PartitionRegistration> e : t.partitions().entrySet()) {
                if (!e.getValue().hasLeader()) {
                    MetadataRecord r = builder(t, e.getKey(), e.getValue(), this::usable).build();
                    if (r != null) {
                        records.add(r);
                    }
                }
            }
        }
        if (records.isEmpty()) {
            return null;
        }
        Decision d = new Decision(records, ControllerReply.ok(new ControllerReply.Done()));
        replay(nextOffset, d.records());
        return d;
    }

    /** Whether a topic allowing unclean election has a leaderless partition: the periodic check has work. */
    public boolean uncleanElectionPending() {
        for (TopicImage t : image.topics().values()) {
            if (TopicConfigs.uncleanLeaderElection(image, t.name())
                    && t.partitions().values().stream().anyMatch(p -> !p.hasLeader())) {
                return true;
            }
        }
        return false;
    }

    /** Registered, unfenced and not shutting down: may lead and may join an ISR. */
    private boolean usable(int brokerId) {
        BrokerRegistration b = image.brokers().get(brokerId);
        return b != null && !b.fenced() && !b.inControlledShutdown();
    }

    private ControllerReply checkBroker(int brokerId, long brokerEpoch) {
        BrokerRegistration b = image.brokers().get(brokerId);
        if (b == null) {
            return ControllerReply.error(ControllerError.BROKER_ID_NOT_REGISTERED, "broker " + brokerId + " is not registered");
        }
        if (b.epoch() != brokerEpoch) {
            return ControllerReply.error(ControllerError.STALE_BROKER_EPOCH, "broker " + brokerId + " sent epoch "
                    + brokerEpoch + " but its registration has epoch " + b.epoch());
        }
        return null;
    }

    // ------------------------------------------------------------- topics

    private Decision createTopic(CreateTopic c) {
        String problem = TopicNames.problem(c.name());
        if (problem != null) {
            return error(ControllerError.INVALID_TOPIC_EXCEPTION, problem);
        }
        if (image.topics().containsKey(c.name())) {
            return error(ControllerError.TOPIC_ALREADY_EXISTS, "topic '" + c.name() + "' already exists");
        }
        String clash = TopicNames.collision(c.name(), image.topics().keySet());
        if (clash != null) {
            return error(ControllerError.INVALID_TOPIC_EXCEPTION, "topic '" + c.name() + "' collides with existing topic '"
                    + clash + "' ('.' and '_' are the same in metric names)");
        }
        String badConfig = TopicConfigs.problem(c.configs());
        if (badConfig != null) {
            return error(ControllerError.INVALID_CONFIG, badConfig);
        }
        List<List<Integer>> assignment;
        if (c.assignment() != null) {
            String bad = assignmentProblem(c.assignment());
            if (bad != null) {
                return error(ControllerError.INVALID_REPLICA_ASSIGNMENT, bad);
            }
            assignment = new ArrayList<>(new TreeMap<>(c.assignment()).values());
        } else {
            Decision bad = placementProblem(c.partitions(), c.replicationFactor());
            if (bad != null) {
                return bad;
            }
            assignment = StripedReplicaPlacer.place(c.partitions(), c.replicationFactor(),
                    StripedReplicaPlacer.usableBrokers(image.brokers().values()), random::nextInt);
        }
        Uuid id = Uuid.random(random);
        List<MetadataRecord> records = new ArrayList<>();
        records.add(new TopicRecord(c.name(), id));
        // as ReplicationControlManager.createTopic: the ConfigRecords after the TopicRecord, before the PartitionRecords
        TopicConfigs.normalise(c.configs()).forEach((k, v) -> records.add(new MetadataRecord.ConfigRecord(
                TopicConfigs.TOPIC_RESOURCE, c.name(), k, v)));
        for (int p = 0; p < assignment.size(); p++) {
            PartitionRecord r = newPartition(id, p, assignment.get(p));
            if (r == null) {
                return error(ControllerError.INVALID_REPLICATION_FACTOR, "every broker assigned to partition " + p
                        + " " + assignment.get(p) + " is fenced");
            }
            records.add(r);
        }
        return new Decision(records, ControllerReply.ok(new ControllerReply.TopicCreated(id, assignment.size())));
    }

    private Decision createPartitions(CreatePartitions c) {
        TopicImage t = image.topics().get(c.topic());
        if (t == null) {
            return error(ControllerError.UNKNOWN_TOPIC_OR_PARTITION, "no topic named '" + c.topic() + "'");
        }
        int current = t.partitions().size();
        if (c.totalCount() <= current) {
            return error(ControllerError.INVALID_PARTITIONS, "topic '" + c.topic() + "' has " + current
                    + " partition(s); the new count must be larger, got " + c.totalCount());
        }
        int rf = t.partitions().isEmpty() ? 1 : t.partitions().values().iterator().next().replicas().size();
        Decision bad = placementProblem(c.totalCount() - current, rf);
        if (bad != null) {
            return bad;
        }
        List<List<Integer>> assignment = StripedReplicaPlacer.place(c.totalCount() - current, rf,
                StripedReplicaPlacer.usableBrokers(image.brokers().values()), random::nextInt);
        List<MetadataRecord> records = new ArrayList<>();
        for (int i = 0; i < assignment.size(); i++) {
            records.add(newPartition(t.id(), current + i, assignment.get(i)));
        }
        return new Decision(records, ControllerReply.ok(new ControllerReply.PartitionsCreated(t.id(), c.totalCount())));
    }

    /**
     * Preferred leader election (ReplicationControlManager.electLeaders with ElectionType.PREFERRED):
     * a partition whose first replica is in the ISR and usable but does not lead gets it as leader in
     * a new leader epoch; the ISR is unchanged.
     */
    private Decision electPreferredLeaders(ControllerCommand.ElectLeaders c) {
        if (c.topic() != null && !image.topics().containsKey(c.topic())) {
            return error(ControllerError.UNKNOWN_TOPIC_OR_PARTITION, "no topic named '" + c.topic() + "'");
        }
        List<MetadataRecord> records = new ArrayList<>();
        List<String> elected = new ArrayList<>();
        int notNeeded = 0;
        int notAvailable = 0;
        for (TopicImage t : image.topics().values()) {
            if (c.topic() != null && !c.topic().equals(t.name())) {
                continue;
            }
            for (Map.Entry<Integer, PartitionRegistration> e : t.partitions().entrySet()) {
                PartitionRegistration p = e.getValue();
                if (p.leader() == p.replicas().get(0)) {
                    notNeeded++; // ELECTION_NOT_NEEDED
                    continue;
                }
                PartitionChangeRecord r = new PartitionChangeBuilder(p, t.id(), e.getKey(), this::usable, effectiveMinIsr(t),
                        elrEnabled()).setElection(PartitionChangeBuilder.Election.PREFERRED).build();
                if (r == null) {
                    notAvailable++; // PREFERRED_LEADER_NOT_AVAILABLE
                } else {
                    records.add(r);
                    elected.add(t.name() + "-" + e.getKey());
                }
            }
        }
        return new Decision(records, ControllerReply.ok(new ControllerReply.LeadersElected(elected, notNeeded, notAvailable)));
    }

    /**
     * ConfigurationControlManager.incrementalAlterConfigs on one TOPIC resource: a ConfigRecord
     * per config whose value changes (a null value deletes it), then, with ELR on, a
     * ClearElrRecord for the topic when min.insync.replicas is among them
     * (createClearElrRecordsAsNeeded). All or nothing: one bad config fails the whole resource.
     */
    private Decision alterTopicConfigs(ControllerCommand.AlterTopicConfigs c) {
        if (!image.topics().containsKey(c.topic())) {
            return error(ControllerError.UNKNOWN_TOPIC_OR_PARTITION, "no topic named '" + c.topic() + "'");
        }
        java.util.Map<String, String> set = new TreeMap<>();
        c.configs().forEach((k, v) -> {
            if (v != null) {
                set.put(k, v);
            }
        });
        String bad = TopicConfigs.problem(set);
        for (String k : c.configs().keySet()) {
            if (bad == null && !TopicConfigs.NAMES.contains(k)) {
                bad = TopicConfigs.problem(java.util.Collections.singletonMap(k, ""));
            }
        }
        if (bad != null) {
            return error(ControllerError.INVALID_CONFIG, bad);
        }
        java.util.Map<String, String> normal = TopicConfigs.normalise(set);
        List<MetadataRecord> records = new ArrayList<>();
        for (String k : c.configs().keySet()) {
            String now = image.topicConfig(c.topic(), k);
            String next = normal.get(k); // null: DELETE
            if (!java.util.Objects.equals(now, next)) {
                records.add(new MetadataRecord.ConfigRecord(TopicConfigs.TOPIC_RESOURCE, c.topic(), k, next));
            }
        }
        if (elrEnabled() && records.stream().anyMatch(r -> ((MetadataRecord.ConfigRecord) r).name()
                .equals(TopicConfigs.MIN_INSYNC_REPLICAS))) {
            records.add(new MetadataRecord.ClearElrRecord(c.topic()));
        }
        return new Decision(records, ControllerReply.ok(new ControllerReply.Done()));
    }

    private Decision deleteTopic(DeleteTopic c) {
        TopicImage t = image.topics().get(c.name());
        if (t == null) {
            return error(ControllerError.UNKNOWN_TOPIC_OR_PARTITION, "no topic named '" + c.name() + "'");
        }
        return new Decision(List.of(new RemoveTopicRecord(t.id())), ControllerReply.ok(new ControllerReply.Done()));
    }

    /** A new partition's record: the ISR is its usable replicas, the first of them leads; null if none is usable. */
    private PartitionRecord newPartition(Uuid topicId, int partition, List<Integer> replicas) {
        List<Integer> isr = new ArrayList<>();
        for (int r : replicas) {
            if (usable(r)) {
                isr.add(r);
            }
        }
        if (isr.isEmpty()) {
            return null;
        }
        List<Uuid> dirs = new ArrayList<>();
        for (int r : replicas) {
            BrokerRegistration b = image.brokers().get(r);
            dirs.add(b == null ? DirectoryIds.UNASSIGNED : b.defaultDir());
        }
        // ELR (KIP-966) starts empty: only an ISR shrinking below min.insync.replicas fills it
        return new PartitionRecord(partition, topicId, replicas, isr, List.of(), List.of(), isr.get(0),
                MetadataRecord.RECOVERED, 0, 0, dirs, List.of(), List.of());
    }

    private Decision placementProblem(int partitions, int rf) {
        if (partitions < 1 || partitions > MAX_PARTITIONS) {
            return error(ControllerError.INVALID_PARTITIONS, "the number of partitions must be 1.." + MAX_PARTITIONS
                    + ", got " + partitions);
        }
        // StripedReplicaPlacer's checks in its order: positive, some unfenced broker, enough brokers
        // (fenced ones count: they may hold followers)
        List<StripedReplicaPlacer.UsableBroker> usable = StripedReplicaPlacer.usableBrokers(image.brokers().values());
        int unfenced = (int) usable.stream().filter(b -> !b.fenced()).count();
        try {
            StripedReplicaPlacer.checkPositive(rf);
            StripedReplicaPlacer.checkSomeUnfenced(unfenced);
            StripedReplicaPlacer.checkEnoughBrokers(rf, usable.size());
        } catch (StripedReplicaPlacer.PlacementException e) {
            return error(ControllerError.INVALID_REPLICATION_FACTOR, "Unable to replicate the partition " + rf
                    + " time(s): " + e.getMessage());
        }
        return null;
    }

    private String assignmentProblem(Map<Integer, List<Integer>> assignment) {
        if (assignment.isEmpty()) {
            return "the replica assignment is empty";
        }
        int size = -1;
        for (int p = 0; p < assignment.size(); p++) {
            List<Integer> replicas = assignment.get(p);
            if (replicas == null) {
                return "partitions must be numbered 0.." + (assignment.size() - 1) + "; partition " + p + " is missing";
            }
            if (replicas.isEmpty()) {
                return "partition " + p + " has no replicas";
            }
            if (size >= 0 && replicas.size() != size) {
                return "every partition needs the same number of replicas; partition " + p + " has "
                        + replicas.size() + ", partition 0 has " + size;
            }
            size = replicas.size();
            if (new HashSet<>(replicas).size() != replicas.size()) {
                return "partition " + p + " names a broker twice: " + replicas;
            }
            for (int r : replicas) {
                if (!image.brokers().containsKey(r)) {
                    return "partition " + p + " names broker " + r + ", which is not registered";
                }
            }
        }
        return null;
    }

    // ------------------------------------------------------------- producers and ISR

    private Decision allocateProducerIds(AllocateProducerIds c) {
        ControllerReply bad = checkBroker(c.brokerId(), c.brokerEpoch());
        if (bad != null) {
            return new Decision(List.of(), bad);
        }
        long first = image.nextProducerId();
        return new Decision(List.of(new ProducerIdsRecord(c.brokerId(), c.brokerEpoch(), first + PRODUCER_ID_BLOCK)),
                ControllerReply.ok(new ControllerReply.ProducerIdBlock(c.brokerId(), first, PRODUCER_ID_BLOCK)));
    }

    /**
     * ReplicationControlManager.alterPartition: the broker epoch first (STALE_BROKER_EPOCH), then
     * validateAlterPartitionData's checks in Kafka's order, then the change.
     */
    private Decision alterPartition(AlterPartition c) {
        ControllerReply bad = checkBroker(c.brokerId(), c.brokerEpoch());
        if (bad != null) {
            return new Decision(List.of(), bad);
        }
        TopicImage t = image.topic(c.topicId());
        if (t == null) {
            return error(ControllerError.UNKNOWN_TOPIC_ID, "no topic with id " + c.topicId());
        }
        PartitionRegistration p = t.partitions().get(c.partitionId());
        Decision invalid = alterPartitionProblem(c, t.name() + "-" + c.partitionId(), p);
        if (invalid != null) {
            return invalid;
        }
        // ReplicationControlManager.alterPartition: the change goes through a PartitionChangeBuilder, so an ISR
        // shrinking under min.insync.replicas fills the ELR, and the leader's RECOVERED ends an unclean recovery
        PartitionChangeRecord change = builder(t, c.partitionId(), p, this::usable)
                .setTargetIsr(c.newIsr())
                .setTargetLeaderRecoveryState(c.leaderRecoveryState())
                .build();
        PartitionRegistration after = change == null ? p : p.merge(change);
        ControllerReply reply = ControllerReply.ok(new ControllerReply.PartitionChanged(after.leader(), after.leaderEpoch(),
                after.partitionEpoch(), after.isr()));
        return new Decision(change == null ? List.of() : List.of(change), reply);
    }

    /**
     * ReplicationControlManager.validateAlterPartitionData, in its order. A request ahead of this
     * controller's epochs means this controller is behind (NOT_CONTROLLER); one behind them is
     * FENCED_LEADER_EPOCH (leader epoch) or INVALID_UPDATE_VERSION (partition epoch). Every member of
     * the new ISR, old or new, must be registered, not shutting down, unfenced, and (KIP-903) at the
     * broker epoch the leader saw. Null when the request is valid.
     */
    private Decision alterPartitionProblem(AlterPartition c, String where, PartitionRegistration p) {
        if (p == null) {
            return error(ControllerError.UNKNOWN_TOPIC_OR_PARTITION, "no partition " + where);
        }
        if (c.leaderEpoch() > p.leaderEpoch() || c.partitionEpoch() > p.partitionEpoch()) {
            return error(ControllerError.NOT_CONTROLLER, where + ": the request's leader epoch " + c.leaderEpoch()
                    + " / partition epoch " + c.partitionEpoch() + " are ahead of this controller's " + p.leaderEpoch()
                    + " / " + p.partitionEpoch());
        }
        if (c.leaderEpoch() < p.leaderEpoch()) {
            return error(ControllerError.FENCED_LEADER_EPOCH, where + ": leader epoch " + c.leaderEpoch()
                    + " is not the current " + p.leaderEpoch());
        }
        if (c.brokerId() != p.leader()) {
            return error(ControllerError.INVALID_REQUEST, where + ": broker " + c.brokerId() + " does not lead it (leader "
                    + p.leader() + ")");
        }
        if (c.partitionEpoch() < p.partitionEpoch()) {
            return error(ControllerError.INVALID_UPDATE_VERSION, where + ": partition epoch " + c.partitionEpoch()
                    + " is not the current " + p.partitionEpoch());
        }
        if (new HashSet<>(c.newIsr()).size() != c.newIsr().size() || !p.replicas().containsAll(c.newIsr())) {
            return error(ControllerError.INVALID_REQUEST, where + ": the new ISR " + c.newIsr()
                    + " must be distinct replicas of " + p.replicas());
        }
        if (!c.newIsr().contains(p.leader())) {
            return error(ControllerError.INVALID_REQUEST, where + ": the new ISR " + c.newIsr()
                    + " must include the leader " + p.leader());
        }
        if (c.leaderRecoveryState() == MetadataRecord.RECOVERING && c.newIsr().size() > 1) {
            return error(ControllerError.INVALID_REQUEST, where + ": the ISR " + c.newIsr() + " has more than one replica"
                    + " while the leader is still recovering from an unclean leader election");
        }
        if (p.leaderRecoveryState() == MetadataRecord.RECOVERED && c.leaderRecoveryState() == MetadataRecord.RECOVERING) {
            return error(ControllerError.INVALID_REQUEST, where + ": the leader recovery state cannot change from RECOVERED"
                    + " to RECOVERING");
        }
        List<String> ineligible = new ArrayList<>();
        for (int i = 0; i < c.newIsr().size(); i++) {
            int id = c.newIsr().get(i);
            long seenEpoch = c.newIsrEpochs().get(i);
            BrokerRegistration b = image.brokers().get(id);
            if (b == null) {
                ineligible.add(id + " not registered");
            } else if (b.inControlledShutdown()) {
                ineligible.add(id + " shutting down");
            } else if (b.fenced()) {
                ineligible.add(id + " fenced");
            } else if (seenEpoch != -1 && seenEpoch != b.epoch()) {
                ineligible.add(id + " broker epoch mismatch: requested=" + seenEpoch + " VS expected=" + b.epoch());
            }
        }
        if (!ineligible.isEmpty()) {
            return error(ControllerError.INELIGIBLE_REPLICA, where + ": ineligible replicas in the new ISR " + c.newIsr()
                    + ": " + String.join(", ", ineligible));
        }
        return null;
    }

    // ------------------------------------------------------------- helpers

    private void replay(long nextOffset, List<MetadataRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        MetadataDelta delta = image.toDelta();
        for (int i = 0; i < records.size(); i++) {
            delta.replay(nextOffset + i, records.get(i));
        }
        image = delta.apply();
    }

    private static Decision error(ControllerError code, String message) {
        return new Decision(List.of(), ControllerReply.error(code, message));
    }
}
