package io.yakraft.check.lin;

import io.yakraft.cluster.Cluster;
import io.yakraft.cluster.ClusterObserver;
import io.yakraft.cluster.TopicIds;
import io.yakraft.data.Acks;
import io.yakraft.data.DataMessage.ProduceRequest;
import io.yakraft.data.DataRecord;
import io.yakraft.data.TopicPartition;
import io.yakraft.metadata.BrokerRegistration;
import io.yakraft.metadata.ControllerCommand;
import io.yakraft.metadata.ControllerError;
import io.yakraft.metadata.ControllerReply;
import io.yakraft.metadata.MetadataImage;
import io.yakraft.metadata.QuorumController;
import io.yakraft.metadata.TopicImage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Records the client-visible history of a run as it happens: every controller command a client
 * sends (topics, partitions, broker registration, producer ids; not heartbeats or ISR changes,
 * which are the protocol's own traffic), every produce request, with the simulated times they
 * went out and their answers came back, and reads of the committed image. A request sent over
 * the simulated network, which may duplicate messages, is recorded with a pending copy: a
 * duplicate delivery may take effect a second time.
 *
 * <p>A read is taken after each answer (of the answered key) and by {@link #readAll()}: it is the
 * image of the leader with the highest epoch, and only while that leader's controller is active,
 * which has applied everything committed (a read served by the active controller). It only
 * observes: attaching a recorder does not change the run or its trace.
 */
public final class HistoryRecorder implements ClusterObserver {
    /** The client id of reads of the committed image. */
    public static final int READER = -2;

    private final Cluster cluster;
    private final List<Operation> ops = new ArrayList<>();
    /** Command number → index of its operation, until answered. */
    private final Map<Long, Integer> openCommands = new HashMap<>();
    /** "partition/first record id" → index of the latest acks=all produce of that batch, until acknowledged. */
    private final Map<String, Integer> openProduces = new HashMap<>();
    private final Map<TopicPartition, String> partitionNames = new HashMap<>();
    private final Set<String> topics = new TreeSet<>();
    private final Set<Integer> brokers = new TreeSet<>();
    private boolean producerIds;
    /** Partitions a broker that lost its disk hosted: their logs may restart empty, so their produces are left out. */
    private final Set<String> exempt = new TreeSet<>();

    private HistoryRecorder(Cluster cluster) {
        this.cluster = cluster;
    }

    /** A recorder observing {@code cluster}; attach it before {@link Cluster#start()} to hear every operation. */
    public static HistoryRecorder attach(Cluster cluster) {
        HistoryRecorder r = new HistoryRecorder(cluster);
        cluster.addObserver(r);
        return r;
    }

    /**
     * The operations so far; unanswered ones as pending. Produces to a partition a broker hosted
     * when it restarted with an empty disk are left out, as the data invariants exempt them: its
     * acknowledged records may be gone with the disk (Kafka cannot tell such a broker from a
     * healthy one when it was the last ISR member; KIP-966).
     */
    public History history() {
        if (exempt.isEmpty()) {
            return new History(ops);
        }
        List<Operation> kept = new ArrayList<>();
        for (Operation o : ops) {
            if (!(o.call() instanceof Call.Produce p && exempt.contains(p.partition()))) {
                kept.add(new Operation(kept.size(), o.client(), o.invokedAt(), o.completedAt(), o.call(), o.result()));
            }
        }
        return new History(kept);
    }

    @Override
    public void commandSent(long op, int client, ControllerCommand command) {
        Call call = toCall(command);
        if (call != null) {
            openCommands.put(op, add(client, call));
            if (client >= 0) {
                add(client, call); // the simulated network may deliver a broker's request twice
            }
        }
    }

    @Override
    public void fault(int node, String what, boolean diskLost) {
        if (!diskLost || !what.equals("restarting") || cluster.isVoter(node)) {
            return;
        }
        cluster.replicas(node).keySet().forEach(tp -> exempt.add(partitionName(tp)));
        for (TopicImage t : cluster.committedImage().topics().values()) {
            t.partitions().forEach((p, reg) -> {
                if (reg.replicas().contains(node)) {
                    exempt.add(partitionName(TopicIds.partition(t, p)));
                }
            });
        }
    }

    @Override
    public void commandAnswered(long op, ControllerReply reply) {
        Integer i = openCommands.remove(op);
        if (i == null) {
            return;
        }
        Operation o = ops.get(i);
        ops.set(i, new Operation(o.id(), o.client(), o.invokedAt(), cluster.now(), o.call(), toResult(reply)));
        read(o.call().key());
    }

    @Override
    public void produceSent(int broker, ProduceRequest request) {
        if (io.yakraft.metadata.TopicConfigs.uncleanLeaderElection(cluster.committedImage(), request.partition().topic())) {
            exempt.add(partitionName(request.partition())); // unclean election may lose what it acknowledged, by design
        }
        Call.Produce call = new Call.Produce(partitionName(request.partition()), request.records().size());
        int i = add(broker, call);
        add(broker, call); // a duplicate delivery may append the batch again (without idempotence)
        if (request.acks() == Acks.ALL && !request.recordIds().isEmpty()) {
            openProduces.put(partitionName(request.partition()) + "/" + request.recordIds().get(0), i);
        }
    }

    @Override
    public void recordsAcked(TopicPartition partition, Acks acks, List<DataRecord> records) {
        if (acks != Acks.ALL || records.isEmpty()) {
            return; // acks=1 can lose what it acknowledged: its produces stay pending
        }
        Integer i = openProduces.remove(partitionName(partition) + "/" + records.get(0).id());
        if (i != null) {
            Operation o = ops.get(i);
            ops.set(i, new Operation(o.id(), o.client(), o.invokedAt(), cluster.now(), o.call(),
                    new Result.Produced(records.get(0).offset())));
        }
    }

    /** Reads every topic, broker and the producer-id allocator the history or the committed image knows, if it can now. */
    public void readAll() {
        MetadataImage image = committed();
        if (image == null) {
            return;
        }
        topics.addAll(image.topics().keySet());
        brokers.addAll(image.brokers().keySet());
        for (String t : topics) {
            read(Call.topicKey(t));
        }
        for (int b : brokers) {
            read(Call.brokerKey(b));
        }
        if (producerIds || image.nextProducerId() > 0) {
            read(Call.PRODUCER_IDS);
        }
    }

    /** The image a read of the committed metadata sees now, or null when no active controller leads the newest epoch. */
    private MetadataImage committed() {
        int leader = cluster.leaderId();
        return leader >= 0 && cluster.activeControllerId() == leader ? cluster.image(leader) : null;
    }

    private void read(String key) {
        MetadataImage image = committed();
        if (image == null) {
            return;
        }
        if (key.startsWith("topic:")) {
            String name = key.substring("topic:".length());
            TopicImage t = image.topics().get(name);
            add(READER, new Call.ReadTopic(name), t == null ? new Result.TopicState(false, null, -1)
                    : new Result.TopicState(true, t.id().toString(), t.partitions().size()));
        } else if (key.startsWith("broker:")) {
            int id = Integer.parseInt(key.substring("broker:".length()));
            BrokerRegistration b = image.brokers().get(id);
            add(READER, new Call.ReadBroker(id), b == null ? new Result.BrokerState(false, -1)
                    : new Result.BrokerState(true, b.epoch()));
        } else if (key.equals(Call.PRODUCER_IDS)) {
            add(READER, new Call.ReadProducerIds(), new Result.NextProducerId(image.nextProducerId()));
        }
    }

    private int add(int client, Call call) {
        return add(client, call, new Result.Unknown(), Long.MAX_VALUE);
    }

    private void add(int client, Call call, Result result) {
        add(client, call, result, cluster.now());
    }

    private int add(int client, Call call, Result result, long completedAt) {
        ops.add(new Operation(ops.size(), client, cluster.now(), completedAt, call, result));
        return ops.size() - 1;
    }

    /** The checker's call for a client command, or null for the protocol's own traffic (heartbeats, ISR changes). */
    private Call toCall(ControllerCommand command) {
        if (command instanceof ControllerCommand.CreateTopic c) {
            topics.add(c.name());
            return new Call.CreateTopic(c.name(), c.assignment() != null ? -1 : c.partitions());
        }
        if (command instanceof ControllerCommand.DeleteTopic c) {
            topics.add(c.name());
            return new Call.DeleteTopic(c.name());
        }
        if (command instanceof ControllerCommand.CreatePartitions c) {
            topics.add(c.topic());
            return new Call.CreatePartitions(c.topic(), c.totalCount());
        }
        if (command instanceof ControllerCommand.RegisterBroker c) {
            brokers.add(c.brokerId());
            return new Call.RegisterBroker(c.brokerId());
        }
        if (command instanceof ControllerCommand.UnregisterBroker c) {
            brokers.add(c.brokerId());
            return new Call.UnregisterBroker(c.brokerId());
        }
        if (command instanceof ControllerCommand.AllocateProducerIds c) {
            producerIds = true;
            return new Call.AllocateProducerIds(c.brokerId(), QuorumController.PRODUCER_ID_BLOCK);
        }
        if (command instanceof ControllerCommand.BrokerHeartbeat || command instanceof ControllerCommand.AlterPartition
                || command instanceof ControllerCommand.ElectLeaders
                || command instanceof ControllerCommand.AlterTopicConfigs) {
            return null;
        }
        throw new IllegalStateException("no history rule for " + command.describe());
    }

    /**
     * The result a client can rely on. NOT_CONTROLLER is inconclusive: a controller that lost its
     * leadership (or crashed) after writing the records answers it, and they may still commit.
     */
    static Result toResult(ControllerReply reply) {
        if (reply.error() == ControllerError.NOT_CONTROLLER) {
            return new Result.Unknown();
        }
        if (!reply.ok()) {
            return new Result.Failed(reply.error().name());
        }
        ControllerReply.Body body = reply.body();
        if (body instanceof ControllerReply.TopicCreated t) {
            return new Result.TopicCreated(t.topicId().toString(), t.partitions());
        }
        if (body instanceof ControllerReply.PartitionsCreated p) {
            return new Result.PartitionsCreated(p.topicId().toString(), p.totalCount());
        }
        if (body instanceof ControllerReply.BrokerRegistered b) {
            return new Result.BrokerRegistered(b.brokerEpoch());
        }
        if (body instanceof ControllerReply.ProducerIdBlock b) {
            return new Result.ProducerIds(b.firstProducerId(), b.size());
        }
        if (body instanceof ControllerReply.Done) {
            return new Result.Done();
        }
        throw new IllegalStateException("no history rule for the answer " + body);
    }

    /** A partition's key in the history, "name-p@id"; kept, as every produce asks for it. */
    private String partitionName(TopicPartition tp) {
        return partitionNames.computeIfAbsent(tp, p -> p + "@" + p.topicId());
    }
}
