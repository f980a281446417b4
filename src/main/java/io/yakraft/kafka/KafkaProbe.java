package io.yakraft.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.QuorumInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Looks at a real cluster through kafka-clients' Admin: the metadata quorum, the brokers (fenced or not),
 * the topics and partitions. Every call is bounded by a short timeout so a refresh loop never hangs on a
 * dead node; a part that fails is reported as failed in the observation, the others still come.
 */
public final class KafkaProbe implements AutoCloseable {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(4);
    /** More topics than this are not described on every refresh (a lab window, not a cluster console). */
    private static final int MAX_TOPICS = 200;
    /**
     * A voter change waits on the leader until the new voter set commits (and, for AddRaftVoter, until the new
     * voter answered ApiVersions and caught up): longer than a look. Retried by the client after a short request
     * timeout, the second request would only meet the first one's change still in flight, so the request waits too.
     */
    private static final Duration VOTER_CHANGE_TIMEOUT = Duration.ofSeconds(30);

    private final Admin brokers;
    /**
     * Replaced after a failed call: an Admin bootstrapped from the controllers (KIP-919) that lost its active
     * controller kept failing every describeMetadataQuorum with "Timed out waiting for a node assignment" after the
     * quorum had elected a new leader (seen with kafka-clients 4.3.1); a fresh client asks the controllers anew.
     */
    private volatile Admin controllers;
    private final java.util.function.Supplier<Admin> controllerFactory;
    private final java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();
    private final String description;
    /** An attached cluster's bootstrap servers and client properties (a producer needs them too); "" and empty for a local one. */
    private String attachedBootstrap = "";
    private Properties attachedProperties = new Properties();

    /** Where voter changes are sent (the controllers of a local cluster, the bootstrap servers of an attached one), with long timeouts. */
    private Properties voterChangeProperties = new Properties();

    private KafkaProbe(Admin brokers, java.util.function.Supplier<Admin> controllerFactory, String description) {
        this.brokers = brokers;
        this.controllerFactory = controllerFactory;
        this.controllers = controllerFactory == null ? null : controllerFactory.get();
        this.description = description;
    }

    /** Any cluster: bootstrap servers plus optional client properties (SASL, TLS…) that override the defaults. */
    public static KafkaProbe attach(String bootstrapServers, Properties clientProperties) {
        Properties p = defaults();
        p.putAll(clientProperties);
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        KafkaProbe probe = new KafkaProbe(Admin.create(p), null, bootstrapServers);
        probe.voterChangeProperties = slow(p);
        probe.attachedBootstrap = bootstrapServers;
        probe.attachedProperties = new Properties();
        probe.attachedProperties.putAll(clientProperties);
        return probe;
    }

    /** A local cluster: brokers for topics and the cluster, and the controllers directly (KIP-919) for the quorum. */
    public static KafkaProbe local(LocalCluster cluster) {
        Properties c = defaults();
        c.put(AdminClientConfig.BOOTSTRAP_CONTROLLERS_CONFIG, cluster.controllerBootstrap());
        java.util.function.Supplier<Admin> controllerAdmin = () -> Admin.create(c);
        Admin brokerAdmin = null;
        if (!cluster.state().brokers().isEmpty()) {
            Properties b = defaults();
            b.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
            brokerAdmin = Admin.create(b);
        }
        KafkaProbe probe = new KafkaProbe(brokerAdmin, controllerAdmin, "local cluster in " + cluster.dir());
        probe.voterChangeProperties = slow(c);
        return probe;
    }

    /** The controllers of a local cluster only (its brokers may not run yet). */
    static KafkaProbe controllersOnly(LocalCluster cluster) {
        Properties c = defaults();
        c.put(AdminClientConfig.BOOTSTRAP_CONTROLLERS_CONFIG, cluster.controllerBootstrap());
        KafkaProbe probe = new KafkaProbe(null, () -> Admin.create(c), "controllers in " + cluster.dir());
        probe.voterChangeProperties = slow(c);
        return probe;
    }

    private static Properties defaults() {
        Properties p = new Properties();
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis() - 500);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis());
        p.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 100);
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "yakraft-studio");
        return p;
    }

    private static Properties slow(Properties base) {
        Properties p = new Properties();
        p.putAll(base);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) VOTER_CHANGE_TIMEOUT.toMillis());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) VOTER_CHANGE_TIMEOUT.toMillis());
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "yakraft-studio-voters");
        return p;
    }

    /** The attached cluster's bootstrap servers ("" for a local cluster: ask the cluster for its own). */
    public String bootstrapServers() {
        return attachedBootstrap;
    }

    /** The attached cluster's client properties (SASL, TLS…), a copy; empty for a local cluster. */
    public Properties clientProperties() {
        Properties copy = new Properties();
        copy.putAll(attachedProperties);
        return copy;
    }

    public String description() {
        return description;
    }

    /** One observation of quorum, brokers and topics (blocking, at most a few seconds per part). */
    public KafkaObservation observe() {
        var quorum = quorum();
        // taken once the quorum answered, so "last fetch … ago" is measured against the leader's answer, not before it
        long now = System.currentTimeMillis();
        return new KafkaObservation(now, quorum, brokerList(), topics());
    }

    /** The quorum, asked of the brokers first (they forward to the active controller), then of the controllers. */
    public KafkaObservation.Part<KafkaObservation.Quorum> quorum() {
        return quorum(CALL_TIMEOUT);
    }

    /** The quorum, waiting at most {@code timeout} for each Admin asked. */
    public KafkaObservation.Part<KafkaObservation.Quorum> quorum(Duration timeout) {
        String firstError = "";
        for (Admin admin : admins()) {
            try {
                QuorumInfo q = admin.describeMetadataQuorum().quorumInfo().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return KafkaObservation.Part.of(new KafkaObservation.Quorum(q.leaderId(), q.leaderEpoch(), q.highWatermark(),
                        replicas(q.voters(), q.highWatermark()), replicas(q.observers(), q.highWatermark())));
            } catch (Exception e) {
                if (firstError.isEmpty()) {
                    firstError = e instanceof TimeoutException ? "no answer within " + timeout.toMillis() / 1000.0 + " s" : reason(e);
                }
                if (admin == controllers) {
                    renewControllers(admin);
                }
            }
        }
        return KafkaObservation.Part.failed(firstError);
    }

    /** The full answer of describeMetadataQuorum (with the voters' endpoints, KIP-853), for a raw fetch from the leader. */
    public org.apache.kafka.clients.admin.QuorumInfo quorumInfo() throws Exception {
        Exception first = null;
        for (Admin admin : admins()) {
            try {
                return admin.describeMetadataQuorum().quorumInfo().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        throw first == null ? new IllegalStateException("no Admin to ask") : first;
    }

    private synchronized void renewControllers(Admin failed) {
        if (controllers == failed && controllerFactory != null) {
            controllers = controllerFactory.get();
            failed.close(Duration.ZERO);
        }
    }

    private List<Admin> admins() {
        List<Admin> out = new ArrayList<>(2);
        if (brokers != null) {
            out.add(brokers);
        }
        if (controllers != null) {
            out.add(controllers);
        }
        return out;
    }

    private static List<KafkaObservation.Replica> replicas(List<QuorumInfo.ReplicaState> states, long hw) {
        return states.stream().sorted(Comparator.comparingInt(QuorumInfo.ReplicaState::replicaId))
                .map(r -> new KafkaObservation.Replica(r.replicaId(), r.replicaDirectoryId().toString(), r.logEndOffset(),
                        r.logEndOffset() < 0 ? -1 : Math.max(0, hw - r.logEndOffset()), r.lastFetchTimestamp().orElse(-1), r.lastCaughtUpTimestamp().orElse(-1)))
                .toList();
    }

    public KafkaObservation.Part<List<KafkaObservation.Broker>> brokerList() {
        if (brokers == null) {
            return KafkaObservation.Part.failed("this cluster has no brokers");
        }
        try {
            var nodes = brokers.describeCluster(new DescribeClusterOptions().includeFencedBrokers(true)
                    .timeoutMs((int) CALL_TIMEOUT.toMillis())).nodes().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return KafkaObservation.Part.of(nodes.stream().sorted(Comparator.comparingInt(Node::id))
                    .map(n -> new KafkaObservation.Broker(n.id(), n.host(), n.port(), n.isFenced())).toList());
        } catch (Exception e) {
            return KafkaObservation.Part.failed(reason(e));
        }
    }

    public KafkaObservation.Part<List<KafkaObservation.Topic>> topics() {
        if (brokers == null) {
            return KafkaObservation.Part.failed("this cluster has no brokers");
        }
        try {
            Set<String> names = new TreeSet<>(brokers.listTopics(new ListTopicsOptions().listInternal(true))
                    .names().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            List<String> described = names.stream().limit(MAX_TOPICS).toList();
            Map<String, TopicDescription> all = brokers.describeTopics(described).allTopicNames()
                    .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<KafkaObservation.Topic> out = new ArrayList<>();
            for (String name : described) {
                TopicDescription d = all.get(name);
                out.add(new KafkaObservation.Topic(name, d.topicId().toString(), d.isInternal(),
                        d.partitions().stream().map(KafkaProbe::partition).toList()));
            }
            return KafkaObservation.Part.of(out);
        } catch (Exception e) {
            return KafkaObservation.Part.failed(reason(e));
        }
    }

    private static KafkaObservation.Partition partition(TopicPartitionInfo p) {
        return new KafkaObservation.Partition(p.partition(), p.leader() == null ? -1 : p.leader().id(), ids(p.replicas()),
                ids(p.isr()), ids(p.elr()), ids(p.lastKnownElr()));
    }

    private static List<Integer> ids(List<Node> nodes) {
        return nodes == null ? List.of() : nodes.stream().map(Node::id).toList();
    }

    /** Creates a topic and waits for the controller's answer. */
    public void createTopic(String name, int partitions, short replicationFactor) throws ExecutionException, InterruptedException, TimeoutException {
        if (brokers == null) {
            throw new IllegalStateException("this cluster has no brokers to hold a topic");
        }
        brokers.createTopics(List.of(new NewTopic(name, partitions, replicationFactor)))
                .all().get(CALL_TIMEOUT.toMillis() * 3, TimeUnit.MILLISECONDS);
    }

    /**
     * Asks for a topic and answers in the simulator's words: "CreateTopic(NAME): ok" or "CreateTopic(NAME): ERROR"
     * with Kafka's error name (TOPIC_ALREADY_EXISTS, INVALID_REPLICATION_FACTOR…) and its message.
     */
    public String createTopicAnswer(String name, int partitions, short replicationFactor) {
        if (brokers == null) {
            return "CreateTopic(" + name + "): this cluster has no brokers";
        }
        return answer("CreateTopic(" + name + ")", brokers.createTopics(List.of(new NewTopic(name, partitions, replicationFactor))).all());
    }

    /** Grows a topic to {@code total} partitions: "CreatePartitions(NAME → TOTAL): ok" or Kafka's error name. */
    public String createPartitionsAnswer(String topic, int total) {
        if (brokers == null) {
            return "CreatePartitions(" + topic + " → " + total + "): this cluster has no brokers";
        }
        return answer("CreatePartitions(" + topic + " → " + total + ")",
                brokers.createPartitions(Map.of(topic, org.apache.kafka.clients.admin.NewPartitions.increaseTo(total))).all());
    }

    public String deleteTopicAnswer(String topic) {
        if (brokers == null) {
            return "DeleteTopic(" + topic + "): this cluster has no brokers";
        }
        return answer("DeleteTopic(" + topic + ")", brokers.deleteTopics(List.of(topic)).all());
    }

    /**
     * {@code count} small writes to the metadata log, the real counterpart of the simulator's raw client writes:
     * Kafka has no client API that appends arbitrary records to __cluster_metadata, so each write sets the
     * cluster-wide default of {@code log.cleaner.backoff.ms} (15 s in Kafka; here 15 s plus a few ms, a value
     * that changes nothing a lab shows), which the active controller commits as one ConfigRecord. Sent to the
     * controllers directly (KIP-919, incrementalAlterConfigs is one of the calls they take), so it works without brokers.
     */
    public String writeConfigRecords(int count) {
        Admin admin = controllers != null ? controllers : brokers;
        var resource = new org.apache.kafka.common.config.ConfigResource(org.apache.kafka.common.config.ConfigResource.Type.BROKER, "");
        String last = "";
        for (int i = 0; i < count; i++) {
            String value = String.valueOf(15_000 + writes.incrementAndGet());
            var op = new org.apache.kafka.clients.admin.AlterConfigOp(new org.apache.kafka.clients.admin.ConfigEntry("log.cleaner.backoff.ms", value),
                    org.apache.kafka.clients.admin.AlterConfigOp.OpType.SET);
            last = answer("Write(ConfigRecord log.cleaner.backoff.ms=" + value + ")",
                    admin.incrementalAlterConfigs(Map.of(resource, List.of(op))).all());
            if (!last.endsWith(": ok")) {
                return last;
            }
        }
        return "Write(" + count + " ConfigRecord(s)): ok";
    }

    /**
     * AddRaftVoter (KIP-853): the active controller adds controller {@code id}, running now on the directory
     * {@code directoryId}, listening on {@code host:port} (listener CONTROLLER), to the voter set. Kafka answers
     * once the new voter set is committed; a controller that has not caught up yet is refused.
     * Answers "AddRaftVoter(ID): ok" or Kafka's error name.
     */
    public String addVoterAnswer(int id, String directoryId, String host, int port) {
        var endpoint = new org.apache.kafka.clients.admin.RaftVoterEndpoint("CONTROLLER", host, port);
        try (Admin admin = Admin.create(voterChangeProperties)) {
            return answer("AddRaftVoter(" + id + ")", admin.addRaftVoter(id, org.apache.kafka.common.Uuid.fromString(directoryId),
                    Set.of(endpoint), new org.apache.kafka.clients.admin.AddRaftVoterOptions().timeoutMs((int) VOTER_CHANGE_TIMEOUT.toMillis())).all(),
                    VOTER_CHANGE_TIMEOUT.plusSeconds(2));
        }
    }

    /** RemoveRaftVoter (KIP-853): the voter {@code id} with that directory leaves the voter set. */
    public String removeVoterAnswer(int id, String directoryId) {
        try (Admin admin = Admin.create(voterChangeProperties)) {
            return answer("RemoveRaftVoter(" + id + ")", admin.removeRaftVoter(id, org.apache.kafka.common.Uuid.fromString(directoryId),
                    new org.apache.kafka.clients.admin.RemoveRaftVoterOptions().timeoutMs((int) VOTER_CHANGE_TIMEOUT.toMillis())).all(),
                    VOTER_CHANGE_TIMEOUT.plusSeconds(2));
        }
    }

    private static String answer(String what, org.apache.kafka.common.KafkaFuture<Void> future) {
        return answer(what, future, CALL_TIMEOUT.multipliedBy(3));
    }

    private static String answer(String what, org.apache.kafka.common.KafkaFuture<Void> future, Duration timeout) {
        try {
            future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return what + ": ok";
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return what + ": " + org.apache.kafka.common.protocol.Errors.forException(cause).name() + " (" + cause.getMessage() + ")";
        } catch (TimeoutException e) {
            return what + ": no answer within " + timeout.toSeconds() + " s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return what + ": interrupted";
        }
    }

    /** The sum of the topic's partitions' end offsets: how many records it holds (no compaction, no deletion). */
    public long recordCount(String topic) throws ExecutionException, InterruptedException, TimeoutException {
        if (brokers == null) {
            throw new IllegalStateException("this cluster has no brokers");
        }
        TopicDescription d = brokers.describeTopics(List.of(topic)).allTopicNames()
                .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        d.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        return brokers.listOffsets(latest).all().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).values().stream()
                .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
    }

    /**
     * Observes until {@code ready} holds or the deadline passes; returns the last observation either way
     * (the caller says what it waited for). Real processes take real time: this is the one place that waits on it.
     */
    public KafkaObservation awaitObservation(Predicate<KafkaObservation> ready, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        KafkaObservation last = observe();
        while (!ready.test(last) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(200);
            last = observe();
        }
        return last;
    }

    /**
     * The quorum has a leader with all {@code voters} voters (any number when negative: a reopened cluster whose
     * voter set changed), and {@code brokerCount} brokers are registered and unfenced.
     */
    public static Predicate<KafkaObservation> readyWith(int voters, int brokerCount) {
        return o -> o.quorum().value().filter(q -> q.leaderId() >= 0 && (voters < 0 || q.voters().size() == voters)).isPresent()
                && (brokerCount == 0 || o.brokers().value()
                        .filter(bs -> bs.stream().filter(b -> !b.fenced()).count() == brokerCount).isPresent());
    }

    /** Broker {@code id} is registered and unfenced (describeCluster, fenced brokers included). */
    public static Predicate<KafkaObservation> brokerUnfenced(int id) {
        return o -> o.brokers().value().filter(bs -> bs.stream().anyMatch(b -> b.id() == id && !b.fenced())).isPresent();
    }

    /** Broker {@code id} is registered and fenced. */
    public static Predicate<KafkaObservation> brokerFenced(int id) {
        return o -> o.brokers().value().filter(bs -> bs.stream().anyMatch(b -> b.id() == id && b.fenced())).isPresent();
    }

    /** The quorum has a leader and its voters are exactly {@code ids}. */
    public static Predicate<KafkaObservation> votersAre(Set<Integer> ids) {
        return o -> o.quorum().value().filter(q -> q.leaderId() >= 0
                && new TreeSet<>(q.voters().stream().map(KafkaObservation.Replica::id).toList()).equals(new TreeSet<>(ids))).isPresent();
    }

    /** Replica {@code id} is an observer whose log end reached the high watermark (AddRaftVoter takes a caught-up one). */
    public static Predicate<KafkaObservation> caughtUpObserver(int id) {
        return o -> o.quorum().value().filter(q -> q.observers().stream()
                .anyMatch(r -> r.id() == id && r.logEndOffset() >= 0 && r.logEndOffset() >= q.highWatermark() - 1)).isPresent();
    }

    /** A leader other than {@code formerLeader} in an epoch above {@code formerEpoch}. */
    public static Predicate<KafkaObservation> newLeaderAfter(int formerLeader, long formerEpoch) {
        return o -> o.quorum().value()
                .filter(q -> q.leaderId() >= 0 && q.leaderId() != formerLeader && q.leaderEpoch() > formerEpoch).isPresent();
    }

    private static String reason(Throwable e) {
        Throwable t = e;
        while ((t instanceof ExecutionException || t instanceof java.util.concurrent.CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof TimeoutException) {
            return "no answer within " + CALL_TIMEOUT.toSeconds() + " s";
        }
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    @Override
    public void close() {
        for (Admin a : admins()) {
            a.close(Duration.ofSeconds(2));
        }
    }
}
