package io.yakraft.api;

import io.yakraft.session.CommittedLog;
import io.yakraft.session.LiveSession;
import io.yakraft.session.LiveSession.Pending;
import io.yakraft.session.Session;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yakraft.cluster.Action;
import io.yakraft.cluster.ClusterSnapshot;
import io.yakraft.cluster.DescribeQuorumAnswer;
import io.yakraft.raft.QuorumInfo;
import io.yakraft.cluster.ErrorCode;
import io.yakraft.cluster.NodeRef;
import io.yakraft.cluster.Outcome;
import io.yakraft.scenario.ActionJson;
import io.yakraft.scenario.StrictJson;
import io.yakraft.cluster.NodeView;
import io.yakraft.metadata.ControllerReply;
import io.yakraft.metadata.MetadataImage;
import io.yakraft.metadata.TopicImage;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The original YAKRaft's REST routes in front of a running cluster. Reads come from the
 * leader's committed image; writes become controller commands (timed inputs, traced and
 * recorded like clicks) and are answered only once committed. Errors are
 * {@code {"error": NAME, "message": "..."}} with a fitting status.
 */
public final class ApiServer implements AutoCloseable {
    /** Bodies larger than this are refused before they reach the cluster. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    static final long ANSWER_TIMEOUT_SECONDS = 15;
    /** Connections served at once, one thread each: a slow command holds its own while it waits, never the others. */
    static final int MAX_CONNECTIONS = 64;
    /** Every route, as "METHOD head" or "METHOD head {}" (with an id): what is not here is 404, or 405 when only the method is wrong. */
    private static final java.util.Set<String> ROUTES = java.util.Set.of("POST register-broker", "GET register-broker",
            "GET register-broker {}", "DELETE register-broker {}", "POST register-broker-change", "GET metadata-fetch-by-id {}",
            "POST register-producer", "POST create-topic", "GET get-topic {}", "POST create-partition", "GET topics",
            "GET partitions", "GET producers", "POST feed", "GET feeds", "GET feeds {}", "GET cluster", "GET metadata",
            "GET health", "POST split-vote", "POST drop-message", "POST stop-node", "POST controllers", "POST voters", "DELETE voters {}",
            "POST alter-topic-config");

    private final LiveSession cluster;
    private final HttpWire server;
    private final ObjectMapper json = io.yakraft.metadata.MetadataJson.mapper();

    public ApiServer(LiveSession cluster, String bind, int port) throws IOException {
        this.cluster = cluster;
        this.server = new HttpWire(bind, port, MAX_CONNECTIONS, MAX_BODY_BYTES, json, this::handle);
    }

    /** The address it listens on, e.g. http://127.0.0.1:6000. */
    public String address() {
        InetSocketAddress a = server.address();
        return "http://" + a.getHostString() + ":" + a.getPort();
    }

    @Override
    public void close() {
        server.close();
    }

    private HttpWire.Response handle(HttpWire.Request request) {
        try {
            Object body = route(request.method(), request.path(), request);
            int status = body instanceof Created ? 201 : body instanceof WithStatus w ? w.status() : 200;
            return answer(status, body instanceof Created c ? c.body() : body instanceof WithStatus w ? w.body() : body, Map.of());
        } catch (WrongMethod e) {
            return answer(405, Map.of("error", "METHOD_NOT_ALLOWED", "message", e.getMessage()), Map.of("Allow", e.allow));
        } catch (ApiError e) {
            Map<String, Object> err = new LinkedHashMap<>();
            err.put("error", e.name());
            err.put("message", e.getMessage());
            return answer(e.status(), err, e.retryAfter() == null ? Map.of() : Map.of("Retry-After", e.retryAfter()));
        } catch (RuntimeException | Error e) {
            // the request fails on its own: the cluster runs on, and the answer names no library internals
            return answer(500, Map.of("error", "INTERNAL", "message", "the server could not handle this request ("
                    + e.getClass().getSimpleName() + "); the cluster keeps running"), Map.of());
        }
    }

    private record Created(Object body) {
    }

    /** An answer with a status of its own (GET /health: 200 ready, 503 not yet). */
    private record WithStatus(int status, Object body) {
    }

    /** The path exists, the method does not: 405 with the methods it has. */
    private static final class WrongMethod extends ApiError {
        private final String allow;

        WrongMethod(String method, String path, String allow) {
            super(405, "METHOD_NOT_ALLOWED", method + " is not allowed on " + path + " (allowed: " + allow + ")");
            this.allow = allow;
        }
    }

    /**
     * Ready to serve: a leader is elected and every broker of the cluster is registered and
     * unfenced, so a write can be placed ({@code serve} announces itself only then).
     */
    public static boolean ready(Session s) {
        return health(s).get("ready") == Boolean.TRUE;
    }

    /** {"ready", "leader", "unfencedBrokers", "brokers"} of the session now. */
    public static Map<String, Object> health(Session s) {
        ClusterSnapshot snap = s.snapshot();
        MetadataImage image = s.committedImage();
        long unfenced = image.brokers().values().stream().filter(b -> !b.fenced()).count();
        // a broker counts while it runs or is registered: one stopped and unregistered (DELETE) is gone, not waited for
        long brokers = snap.nodes().stream().filter(n -> !n.voter()
                && (n.status() != io.yakraft.sim.NodeStatus.DOWN || image.brokers().containsKey(n.id()))).count();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ready", snap.leaderId() >= 0 && unfenced >= brokers);
        m.put("leader", snap.leaderId() >= 0 ? snap.leaderId() : null);
        m.put("unfencedBrokers", unfenced);
        m.put("brokers", brokers);
        return m;
    }

    private Object route(String method, String path, HttpWire.Request ex) throws ApiError {
        String[] p = path.replaceAll("/+$", "").split("/");
        String head = p.length > 1 ? p[1] : "";
        String arg = p.length > 2 ? p[2] : null;
        if (p.length > 3) {
            throw notFound(path);
        }
        String key = head + (arg == null ? "" : " {}");
        if (!ROUTES.contains(method + " " + key)) {
            List<String> allow = new ArrayList<>();
            for (String m : List.of("GET", "POST", "DELETE")) {
                if (ROUTES.contains(m + " " + key)) {
                    allow.add(m);
                }
            }
            if (!allow.isEmpty()) {
                throw new WrongMethod(method, path, String.join(", ", allow));
            }
        }
        switch (method + " " + key) {
            case "GET health": {
                Map<String, Object> h = await(cluster.query(ApiServer::health));
                return new WithStatus(h.get("ready") == Boolean.TRUE ? 200 : 503, h);
            }
            case "POST register-broker":
                return registerBroker(body(ex));
            case "GET register-broker":
                return SeedViews.brokers(committed());
            case "GET register-broker {}":
            {
                int id = seedId(arg);
                MetadataImage image = committed();
                if (!image.brokers().containsKey(id)) {
                    throw new ApiError(404, "BROKER_ID_NOT_REGISTERED", "no broker " + id + " is registered");
                }
                return SeedViews.broker(image.brokers().get(id), image.offset());
            }
            case "DELETE register-broker {}":
                return unregister(seedId(arg));
            case "POST register-broker-change":
                return brokerChange(body(ex));
            case "GET metadata-fetch-by-id {}":
                return metadataOf(seedId(arg));
            case "POST register-producer":
                return registerProducer(body(ex));
            case "POST create-topic":
                return createTopic(body(ex));
            case "GET get-topic {}": { // the seed answers a list: every topic record with that name (one, here)
                MetadataImage image = committed();
                return List.of(SeedViews.topic(topicOrThrow(image, arg), image.offset()));
            }
            case "POST create-partition":
                return createPartition(body(ex));
            case "POST alter-topic-config":
                return alterTopicConfig(body(ex));
            case "GET topics": {
                List<Object> out = new ArrayList<>();
                MetadataImage image = committed();
                image.topics().values().forEach(t -> out.add(SeedViews.topic(t, image.offset())));
                return out;
            }
            case "GET partitions": {
                List<Object> out = new ArrayList<>();
                MetadataImage image = committed();
                image.topics().values().forEach(t -> out.addAll(SeedViews.partitions(t, image.offset())));
                return out;
            }
            case "GET producers": {
                List<Object> out = new ArrayList<>();
                committed().producerBlocks().values().forEach(b -> out.add(SeedViews.producer(b)));
                return out;
            }
            case "POST feed":
                return feed(body(ex));
            case "GET feeds":
                return snapshot().feeds().stream().map(ApiServer::feedView).toList();
            case "GET feeds {}": {
                int id = intArg("feedId", arg);
                return snapshot().feeds().stream().filter(f -> f.id() == id).findFirst().map(ApiServer::feedView)
                        .orElseThrow(() -> new ApiError(404, "UNKNOWN_FEED", "no feed " + id));
            }
            case "GET cluster":
                return cluster(ex.query());
            case "GET metadata":
                return committedSince(ex.query());
            case "POST split-vote":
                return engineered("splitVote", body(ex));
            case "POST drop-message":
                return engineered("dropMessage", body(ex));
            case "POST stop-node": // {"node": "b101"}: a clean stop (controlled shutdown), beside a crash
                return engineered("stop", body(ex));
            case "POST controllers":
                return voterChange(json.createObjectNode().put("action", "addController").put("id", requiredInt(body(ex), "id")));
            case "POST voters":
                return voterChange(json.createObjectNode().put("action", "addVoter").put("node", "n" + requiredInt(body(ex), "id")));
            case "DELETE voters {}":
                return voterChange(json.createObjectNode().put("action", "removeVoter").put("node", "n" + intArg("id", arg)));
            default:
                throw notFound(method + " " + path);
        }
    }

    // ---------------------------------------------------------------- writes

    /**
     * An engineered moment ({"nodes": ["n2", "n3"]} for a split vote; {"from", "to", "kind"} to drop
     * a message), with the scenario step's fields: 200 with what was done, or the refusal (404 for a
     * node that does not exist, 409 when the cluster cannot do it now).
     */
    private Object engineered(String action, JsonNode b) throws ApiError {
        ObjectNode step = ((ObjectNode) b).deepCopy();
        step.put("action", action);
        Outcome outcome = await(perform(parse(step, "INVALID_REQUEST")).outcome());
        if (outcome instanceof Outcome.Refused r) {
            throw new ApiError(r.code() == ErrorCode.NO_SUCH_NODE ? 404 : 409, r.code().name(), r.message());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", action);
        m.put("detail", outcome.describe());
        return m;
    }

    /**
     * KIP-853 (POST /controllers {id}, POST /voters {id}, DELETE /voters/{id}): 200 with the leader's
     * first answer (the change is done once its VotersRecord commits; GET /cluster shows the voters),
     * or Kafka's error: 404 no such node or VOTER_NOT_FOUND, 409 DUPLICATE_VOTER or a change that
     * cannot start now (REQUEST_TIMED_OUT, as Kafka answers it), 503 without a leader.
     */
    private Object voterChange(ObjectNode step) throws ApiError {
        String action = step.get("action").asText();
        Outcome outcome = await(perform(parse(step, "INVALID_REQUEST")).outcome());
        if (outcome instanceof Outcome.Refused r) {
            int status = switch (r.code()) {
                case NO_SUCH_NODE, VOTER_NOT_FOUND -> 404;
                case LEADER_NOT_AVAILABLE -> 503;
                case INVALID_REQUEST, UNSUPPORTED_VERSION -> 400;
                default -> 409;
            };
            throw new ApiError(status, r.code().name(), r.message());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", action);
        m.put("detail", outcome.describe());
        return m;
    }

    private Object registerBroker(JsonNode b) throws ApiError {
        int id = requiredInt(b, "brokerId");
        NodeView taken = snapshot().nodes().stream().filter(n -> n.id() == id).findFirst().orElse(null);
        if (taken != null && taken.voter()) {
            throw new ApiError(400, "INVALID_REQUEST", "brokerId " + id + " is a controller's id in this cluster; a broker needs"
                    + " an id no node has (controllers: " + snapshot().nodes().stream().filter(NodeView::voter)
                    .map(n -> String.valueOf(n.id())).reduce((x, y) -> x + ", " + y).orElse("none") + ")");
        }
        if (committed().brokers().containsKey(id) || taken != null) {
            throw new ApiError(409, "DUPLICATE_BROKER_REGISTRATION", "broker " + id + " is already registered");
        }
        ObjectNode step = json.createObjectNode().put("action", "registerBroker").put("id", id)
                .put("host", optionalText(b, "brokerHost", "broker-" + id)).put("port", optionalInt(b, "brokerPort", 9092));
        if (b.hasNonNull("rackId")) {
            step.put("rack", b.get("rackId").asText());
        }
        Action action = parse(step, "INVALID_REQUEST", Map.of("'id'", "'brokerId'", "'port'", "'brokerPort'", "'host'", "'brokerHost'",
                "'rack'", "'rackId'"));
        Outcome outcome = await(perform(action).outcome());
        if (outcome instanceof Outcome.Refused r) {
            throw new ApiError(r.code() == ErrorCode.DUPLICATE_BROKER_REGISTRATION ? 409 : 400, r.code().name(), r.message());
        }
        // the broker registers itself; answer once its RegisterBrokerRecord is committed
        await(cluster.when(s -> s.committedImage().brokers().containsKey(id)), "broker " + id
                + " started but its registration was not committed within " + ANSWER_TIMEOUT_SECONDS + " s (is there a quorum?)");
        MetadataImage image = committed();
        return new Created(withMessage("Record created successfully", SeedViews.broker(image.brokers().get(id), image.offset())));
    }

    /**
     * Removes the broker from the cluster: its process stops first, as an operator shuts a broker
     * down before unregistering it (a running broker would register again at its next heartbeat).
     */
    private Object unregister(int id) throws ApiError {
        brokerOrThrow(id);
        perform(new Action.Kill(NodeRef.broker(id)));
        ControllerReply r = await(perform(new Action.UnregisterBroker(NodeRef.broker(id))).reply());
        check(r);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("message", "Record deleted successfully");
        m.put("brokerId", id);
        m.put("brokerStatus", "UNREGISTERED");
        return m;
    }

    /** The registration fields the seed's /register-broker-change may carry, by our scenario vocabulary's names. */
    private static final Map<String, String> REGISTRATION_FIELDS = Map.of("brokerHost", "host", "brokerPort", "port", "rackId", "rack");

    /**
     * The seed's broker update: {"brokerId": N} with registration fields to change (brokerHost,
     * brokerPort, rackId: the broker restarts and registers again with them, and the controller
     * gives it a higher epoch, as the seed bumps its epoch) and/or "brokerStatus": CLOSED (the
     * process stops; the controller fences it when its session expires) or ALIVE (it restarts).
     */
    private Object brokerChange(JsonNode b) throws ApiError {
        int id = requiredInt(b, "brokerId");
        String status = b.hasNonNull("brokerStatus") ? requiredText(b, "brokerStatus") : null;
        if (status != null && !status.equals("CLOSED") && !status.equals("ALIVE")) {
            throw new ApiError(400, "INVALID_REQUEST", "brokerStatus must be CLOSED or ALIVE, got '" + status + "'");
        }
        ObjectNode step = json.createObjectNode().put("action", "reregisterBroker").put("broker", "b" + id);
        for (Map.Entry<String, String> f : REGISTRATION_FIELDS.entrySet()) {
            if (b.hasNonNull(f.getKey())) {
                if (f.getKey().equals("brokerPort")) {
                    step.put(f.getValue(), requiredInt(b, f.getKey()));
                } else {
                    step.put(f.getValue(), requiredText(b, f.getKey()));
                }
            }
        }
        if (b.hasNonNull("securityProtocol")) {
            requiredText(b, "securityProtocol"); // accepted as the seed does; every listener here is PLAINTEXT
        }
        boolean reregister = step.size() > 2;
        if (!reregister && status == null) {
            throw new ApiError(400, "MISSING_FIELD", "give what changes: 'brokerStatus' (CLOSED or ALIVE) and/or registration"
                    + " fields (brokerHost, brokerPort, rackId)");
        }
        if (reregister && "CLOSED".equals(status)) {
            throw new ApiError(400, "INVALID_REQUEST", "registration fields ('brokerHost', 'brokerPort', 'rackId') cannot come with"
                    + " 'brokerStatus': CLOSED: a broker registers new fields by starting again; send them alone (or with ALIVE),"
                    + " then CLOSED");
        }
        long epochBefore = brokerOrThrow(id).epoch(); // the seed fails with a 500 here; it meant a 404
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("message", "Broker information updated successfully");
        if (reregister) {
            Action action = parse(step, "INVALID_REQUEST", Map.of("'host'", "'brokerHost'", "'port'", "'brokerPort'", "'rack'", "'rackId'"));
            if (await(perform(action).outcome()) instanceof Outcome.Refused r) {
                throw new ApiError(r.code() == ErrorCode.BROKER_ID_NOT_REGISTERED ? 404 : 400, r.code().name(), r.message());
            }
            await(cluster.when(s -> {
                var now = s.committedImage().brokers().get(id);
                return now != null && now.epoch() > epochBefore;
            }), "broker " + id + " restarted but its new registration was not committed within " + ANSWER_TIMEOUT_SECONDS
                    + " s: the outcome is unknown; read it back with GET /register-broker/" + id);
            MetadataImage image = committed();
            m.putAll(SeedViews.broker(image.brokers().get(id), image.offset()));
            m.put("detail", "broker b" + id + " restarted and registered again: epoch " + epochBefore + " -> "
                    + image.brokers().get(id).epoch());
            return m;
        }
        // CLOSED is a clean shutdown, as Kafka's broker does on SIGTERM: controlled shutdown first
        Outcome outcome = await(perform(status.equals("CLOSED") ? new Action.Stop(NodeRef.broker(id))
                : new Action.Restart(NodeRef.broker(id), false)).outcome());
        if (outcome instanceof Outcome.Refused r) {
            throw new ApiError(404, r.code().name(), r.message());
        }
        m.put("brokerId", id);
        m.put("brokerStatus", status);
        m.put("detail", outcome.describe() + (status.equals("CLOSED")
                ? "; controlled shutdown: the controller moves its leaderships, then lets it stop" : ""));
        return m;
    }

    /**
     * {"brokerId"} (the seed's clients also send "brokerEpoch" and "producerId"): the broker asks
     * the controller for a block of producer ids (AllocateProducerIds), which picks them itself.
     */
    private Object registerProducer(JsonNode b) throws ApiError {
        int id = requiredInt(b, "brokerId");
        for (String seedField : List.of("brokerEpoch", "producerId")) {
            if (b.hasNonNull(seedField) && !(b.get(seedField).isIntegralNumber() && b.get(seedField).canConvertToLong())) {
                throw new ApiError(400, "INVALID_TYPE", "'" + seedField + "' must be a whole number, got " + b.get(seedField));
            }
        }
        brokerOrThrow(id);
        Pending p = perform(new Action.RegisterProducer(NodeRef.broker(id)));
        if (await(p.outcome()) instanceof Outcome.Refused refused) {
            throw new ApiError(409, refused.code().name(), refused.describe());
        }
        ControllerReply r = await(p.reply());
        check(r);
        var block = (ControllerReply.ProducerIdBlock) r.body();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("message", "Producer registered successfully");
        m.put("brokerId", id);
        m.put("brokerEpoch", committed().brokers().get(id).epoch());
        m.put("producerId", block.firstProducerId());
        m.put("blockSize", block.size());
        return new Created(m);
    }

    private Object createTopic(JsonNode b) throws ApiError {
        String name = requiredText(b, "name");
        ObjectNode step = json.createObjectNode().put("action", "createTopic").put("name", name)
                .put("partitions", optionalInt(b, "partitions", 1)).put("rf", optionalInt(b, "replicationFactor", 1));
        if (b.has("configs")) {
            // topic configs: a bad name or value is Kafka's INVALID_CONFIG, named before the action parser sees it
            JsonNode configs = b.get("configs");
            Map<String, String> m = new java.util.TreeMap<>();
            configs.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
            String problem = configs.isObject() ? io.yakraft.metadata.TopicConfigs.problem(m)
                    : "configs must be an object such as {\"min.insync.replicas\": 2}";
            if (problem != null) {
                throw new ApiError(400, "INVALID_CONFIG", problem);
            }
            step.set("configs", configs);
        }
        ControllerReply r = await(perform(parse(step, "INVALID_REQUEST")).reply());
        check(r);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("message", "Topic created successfully");
        m.put("topicUUID", ((ControllerReply.TopicCreated) r.body()).topicId().toString());
        m.put("name", name);
        return new Created(m);
    }

    /**
     * {"name": T, "configs": {"min.insync.replicas": 2, "unclean.leader.election.enable": null}}:
     * Kafka's IncrementalAlterConfigs on topic T (null DELETEs a config). 200 with the topic's
     * configs after the change; 400 INVALID_CONFIG naming the config, 404 for an unknown topic.
     */
    private Object alterTopicConfig(JsonNode b) throws ApiError {
        String name = requiredText(b, "name");
        if (!b.has("configs") || !b.get("configs").isObject() || b.get("configs").isEmpty()) {
            throw new ApiError(400, "MISSING_FIELD", "'configs' is required: an object such as {\"min.insync.replicas\": 2}"
                    + " (null deletes a config)");
        }
        ObjectNode step = json.createObjectNode().put("action", "alterTopicConfig").put("topic", name);
        step.set("configs", b.get("configs"));
        topicOrThrow(name);
        ControllerReply r = await(perform(parse(step, "INVALID_CONFIG")).reply());
        check(r);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        MetadataImage image = committed();
        Map<String, String> now = new java.util.TreeMap<>();
        for (String k : io.yakraft.metadata.TopicConfigs.NAMES) {
            String v = image.topicConfig(name, k);
            if (v != null) {
                now.put(k, v);
            }
        }
        m.put("configs", now);
        return m;
    }

    /** The seed's partition record: all five are required when one of them is given. */
    private static final List<String> SEED_PARTITION_FIELDS = List.of("partitionId", "topicUUID", "replicas", "ISR", "leader");

    /**
     * {"name": T} or {"topicUUID": U}, optional "total" (default: one more partition); or the
     * seed's record {partitionId, topicUUID, replicas, ISR, leader}: partition {@code partitionId}
     * is created (with any missing ones before it), placed by the controller as Kafka's
     * CreatePartitions without assignments places it: ISR = replicas, leader = the first replica.
     */
    private Object createPartition(JsonNode b) throws ApiError {
        boolean seedRecord = SEED_PARTITION_FIELDS.stream().anyMatch(f -> !f.equals("topicUUID") && b.has(f));
        if (seedRecord) {
            for (String f : SEED_PARTITION_FIELDS) {
                if (!b.hasNonNull(f)) {
                    throw new ApiError(400, "MISSING_FIELD", "'" + f + "' is required: a partition record has "
                            + String.join(", ", SEED_PARTITION_FIELDS));
                }
            }
            requiredText(b, "topicUUID");
            requiredInt(b, "leader");
            for (String list : List.of("replicas", "ISR")) {
                if (!b.get(list).isArray() || b.get(list).isEmpty()) {
                    throw new ApiError(400, "INVALID_TYPE", "'" + list + "' must be a non-empty list of broker ids, got " + b.get(list));
                }
                for (JsonNode r : b.get(list)) {
                    if (!r.isIntegralNumber() || !r.canConvertToInt()) {
                        throw new ApiError(400, "INVALID_TYPE", "'" + list + "' must hold broker ids (whole numbers), got " + r);
                    }
                }
            }
        }
        TopicImage t;
        if (b.hasNonNull("topicUUID")) {
            String uuid = requiredText(b, "topicUUID");
            t = committed().topics().values().stream().filter(x -> x.id().toString().equals(uuid)).findFirst()
                    .orElseThrow(() -> new ApiError(404, "UNKNOWN_TOPIC_OR_PARTITION", "no topic with topicUUID " + uuid));
        } else {
            t = topicOrThrow(requiredText(b, "name"));
        }
        int total;
        if (seedRecord) {
            int partitionId = requiredInt(b, "partitionId");
            if (partitionId < t.partitions().size()) {
                throw new ApiError(409, "INVALID_PARTITIONS", "partition " + partitionId + " of '" + t.name() + "' already exists (it has "
                        + t.partitions().size() + " partitions, numbered from 0); the next one is " + t.partitions().size());
            }
            if (partitionId >= io.yakraft.scenario.Limits.MAX_PARTITIONS_PER_TOPIC) {
                throw new ApiError(400, "INVALID_PARTITIONS", "'partitionId' must be below " + io.yakraft.scenario.Limits.MAX_PARTITIONS_PER_TOPIC
                        + " (partitions per topic), got " + partitionId);
            }
            total = partitionId + 1;
        } else {
            total = optionalInt(b, "total", t.partitions().size() + 1);
        }
        ControllerReply r = await(perform(new Action.CreatePartitions(t.name(), total)).reply());
        check(r);
        MetadataImage image = committed();
        TopicImage after = image.topics().get(t.name());
        Map<String, Object> view = after == null ? Map.of("name", t.name()) : SeedViews.topic(after, image.offset());
        return new Created(withMessage("Partition created successfully", view));
    }

    /**
     * Starts a feed, as the scenario action does: {"topic", and "file" + "spec" (paths on the
     * server) or "count" (+ "keys"), "acks", "rate", "via"}. 201 with its id: it runs on; GET /feeds/{id}
     * follows it.
     */
    private Object feed(JsonNode b) throws ApiError {
        String topic = requiredText(b, "topic");
        topicOrThrow(topic);
        ObjectNode step = json.createObjectNode().put("action", "feed").put("topic", topic);
        for (String text : List.of("file", "spec", "acks", "via")) {
            if (b.hasNonNull(text)) {
                step.put(text, requiredText(b, text));
            }
        }
        if (b.hasNonNull("file") != b.hasNonNull("spec")) {
            throw new ApiError(400, "MISSING_FIELD", "'file' and 'spec' go together: a raw file is fed through its pipeline spec");
        }
        if (b.hasNonNull("count")) {
            step.put("count", requiredInt(b, "count"));
        }
        if (b.hasNonNull("keys")) {
            step.put("keys", requiredInt(b, "keys"));
        }
        if (b.hasNonNull("rate")) {
            if (!b.get("rate").isNumber() || b.get("rate").asDouble() < 0) {
                throw new ApiError(400, "INVALID_TYPE", "'rate' must be a number of records per simulated second, 0 or more");
            }
            step.put("rate", b.get("rate").asDouble());
        }
        Outcome outcome = await(perform(parse(step, "INVALID_FEED")).outcome()); // the file is read here, before anything runs
        if (!(outcome instanceof Outcome.FeedStarted started)) {
            throw new ApiError(400, "INVALID_FEED", outcome instanceof Outcome.Refused r ? r.message() : outcome.describe());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("feedId", started.feedId());
        out.put("outcome", outcome.describe());
        return new Created(out);
    }

    private static Map<String, Object> feedView(io.yakraft.data.FeedStatus f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("feedId", f.id());
        m.put("topic", f.topic());
        m.put("acks", f.acks().label());
        m.put("total", f.total());
        m.put("acked", f.acked());
        m.put("failed", f.failed());
        m.put("sentWithoutAck", f.sentWithoutAck());
        m.put("retries", f.retries());
        m.put("ackedByPartition", new java.util.TreeMap<>(f.ackedByPartition()));
        m.put("producerBroker", f.homeBroker());
        m.put("done", f.done());
        m.put("lastError", f.lastError());
        return m;
    }

    // ---------------------------------------------------------------- reads

    private Object metadataOf(int id) throws ApiError {
        ClusterSnapshot s = snapshot();
        MetadataImage image = s.images().get(id);
        if (image == null) {
            throw new ApiError(404, "BROKER_ID_NOT_REGISTERED", "no broker " + id + " runs in this cluster");
        }
        NodeView v = s.node(id);
        return SeedViews.metadata(image, v.appliedOffset());
    }

    /**
     * GET /cluster[?node=N]: DescribeQuorum as Kafka answers it, asked of the leader (or of
     * controller N). Only a leader describes the quorum; any other node is answered 503
     * NOT_LEADER_OR_FOLLOWER with the leader and epoch it knows. The leader's answer keeps the
     * route's earlier fields (each node's own log end, status and lag) and adds Kafka's under
     * {@code describeQuorum}, so what the leader believes sits beside what each node holds.
     */
    private Object cluster(String query) throws ApiError {
        Integer node = null;
        if (query != null) {
            for (String kv : query.split("&")) {
                if (kv.startsWith("node=")) {
                    node = intArg("node", kv.substring(5));
                }
            }
        }
        Integer asked = node;
        record Asked(ClusterSnapshot snapshot, DescribeQuorumAnswer answer) {
        }
        Asked a = await(cluster.query(s -> {
            ClusterSnapshot snap = s.snapshot();
            int target = asked != null ? asked : snap.leaderId() >= 0 ? snap.leaderId() : bestInformedVoter(snap);
            boolean exists = snap.nodes().stream().anyMatch(n -> n.id() == target);
            return new Asked(snap, exists ? s.describeQuorum(target) : null);
        }));
        if (asked != null && a.snapshot().nodes().stream().noneMatch(n -> n.id() == asked)) {
            throw new ApiError(404, "UNKNOWN_NODE", "no node " + asked + " in this cluster (nodes: " + a.snapshot().nodes()
                    .stream().map(n -> String.valueOf(n.id())).reduce((x, y) -> x + ", " + y).orElse("none") + ")");
        }
        if (a.answer() instanceof DescribeQuorumAnswer.Described d) {
            Map<String, Object> m = quorum(a.snapshot());
            m.put("describeQuorum", describeQuorum(d.quorum()));
            return m;
        }
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("error", "NOT_LEADER_OR_FOLLOWER");
        if (a.answer() instanceof DescribeQuorumAnswer.NotLeader n) {
            err.put("message", "n" + n.askedId() + " is not the leader; only the leader describes the quorum"
                    + (n.knownLeaderId() >= 0 ? " (it knows leader n" + n.knownLeaderId() + " of epoch " + n.epoch() + ")"
                    : " (it knows no leader in epoch " + n.epoch() + ")"));
            err.put("leaderId", n.knownLeaderId() >= 0 ? n.knownLeaderId() : null);
            err.put("leaderEpoch", n.epoch());
        } else if (a.answer() instanceof DescribeQuorumAnswer.NoAnswer n) {
            err.put("message", "n" + n.askedId() + " is not running, so it answers nothing");
            err.put("leaderId", null);
        } else if (a.answer() == null) {
            err.put("message", "no controller is running");
            err.put("leaderId", null);
        } else {
            throw new IllegalStateException("unhandled DescribeQuorum answer " + a.answer());
        }
        return new WithStatus(503, err);
    }

    /** With no leader, the live voter of the highest epoch is asked (it names the leader it knows, if any). */
    private static int bestInformedVoter(ClusterSnapshot s) {
        int best = -1;
        int bestEpoch = -1;
        for (NodeView n : s.nodes()) {
            if (n.voter() && n.status() == io.yakraft.sim.NodeStatus.UP && n.epoch() > bestEpoch) {
                best = n.id();
                bestEpoch = n.epoch();
            }
        }
        return best;
    }

    /** Kafka's DescribeQuorumResponse fields, and kafka-metadata-quorum's MaxFollowerLag and MaxFollowerLagTimeMs. */
    private static Map<String, Object> describeQuorum(QuorumInfo q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("leaderId", q.leaderId());
        m.put("leaderEpoch", q.leaderEpoch());
        m.put("highWatermark", q.highWatermark());
        m.put("maxFollowerLag", q.maxFollowerLag());
        m.put("maxFollowerLagTimeMs", q.maxFollowerLagTimeMs());
        m.put("currentVoters", q.voters().stream().map(ApiServer::replica).toList());
        m.put("observers", q.observers().stream().map(ApiServer::replica).toList());
        return m;
    }

    private static Map<String, Object> replica(QuorumInfo.Replica r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("replicaId", r.replicaId());
        m.put("logEndOffset", r.logEndOffset());
        m.put("lastFetchTimestamp", r.lastFetchTimestamp());
        m.put("lastCaughtUpTimestamp", r.lastCaughtUpTimestamp());
        return m;
    }

    private Map<String, Object> quorum(ClusterSnapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("leaderId", s.leaderId());
        m.put("leaderEpoch", s.leaderEpoch());
        NodeView leader = s.leaderId() < 0 ? null : s.node(s.leaderId());
        long end = leader == null ? -1 : leader.logEndOffset();
        m.put("highWatermark", leader == null ? -1 : leader.highWatermark());
        List<Object> voters = new ArrayList<>();
        List<Object> observers = new ArrayList<>();
        for (NodeView n : s.nodes()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("replicaId", n.id());
            r.put("status", n.displayRole());
            r.put("logEndOffset", n.logEndOffset());
            r.put("lag", end < 0 ? null : Math.max(0, end - n.logEndOffset()));
            (s.votes(n.id()) ? voters : observers).add(r);
        }
        m.put("currentVoters", voters);
        m.put("currentObservers", observers);
        m.put("simulatedMs", s.now());
        return m;
    }

    /** GET /metadata?since=OFFSET: the committed records after OFFSET (at most 1000), the image when compacted away. */
    private Object committedSince(String query) throws ApiError {
        long since = -1;
        if (query != null) {
            for (String kv : query.split("&")) {
                if (kv.startsWith("since=")) {
                    try {
                        since = Long.parseLong(kv.substring(6));
                    } catch (NumberFormatException e) {
                        throw new ApiError(400, "INVALID_TYPE", "since must be a whole number (an offset), got '" + kv.substring(6) + "'");
                    }
                }
            }
        }
        long from = since;
        CommittedLog log = await(cluster.query(s -> s.committedSince(from, 1000)));
        if (log == null) {
            throw new ApiError(503, "NOT_CONTROLLER", "no leader is known: there is no quorum right now", "1");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("since", since);
        m.put("currentOffset", log.highWatermark() - 1);
        m.put("logStartOffset", log.logStartOffset());
        List<Object> records = new ArrayList<>();
        for (var e : log.entries()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("offset", e.offset());
            r.put("epoch", e.epoch());
            r.put("type", e.payload() instanceof io.yakraft.metadata.MetadataRecord ? e.payload().getClass().getSimpleName()
                    : e.payload() instanceof io.yakraft.raft.LeaderChangeMessage ? "LeaderChange"
                    : e.payload() instanceof io.yakraft.raft.KRaftVersionRecord ? "KRaftVersion"
                    : e.payload() instanceof io.yakraft.raft.VotersRecord ? "Voters" : "ClientWrite");
            r.put("record", e.payload() instanceof io.yakraft.metadata.MetadataRecord ? e.payload() : String.valueOf(e.payload()));
            records.add(r);
        }
        m.put("records", records);
        if (log.snapshot() != null) {
            m.put("snapshot", log.snapshot().canonical()); // the offsets asked for were compacted into a snapshot
        }
        return m;
    }

    /** Reads go through the session, in order after the writes before them: a read never misses a write it followed. */
    private MetadataImage committed() throws ApiError {
        return await(cluster.query(Session::committedImage));
    }

    private ClusterSnapshot snapshot() throws ApiError {
        return await(cluster.query(Session::snapshot));
    }

    private io.yakraft.metadata.BrokerRegistration brokerOrThrow(int id) throws ApiError {
        var b = committed().brokers().get(id);
        if (b == null) {
            throw new ApiError(404, "BROKER_ID_NOT_REGISTERED", "no broker " + id + " is registered");
        }
        return b;
    }

    private TopicImage topicOrThrow(String name) throws ApiError {
        return topicOrThrow(committed(), name);
    }

    private static TopicImage topicOrThrow(MetadataImage image, String name) throws ApiError {
        TopicImage t = image.topics().get(name);
        if (t == null) {
            throw new ApiError(404, "UNKNOWN_TOPIC_OR_PARTITION", "no topic named '" + name + "'");
        }
        return t;
    }

    // ---------------------------------------------------------------- plumbing

    /** The request as an action, through the one parser scenario files use; its complaint is a 400 named {@code error}. */
    private static Action parse(ObjectNode step, String error) throws ApiError {
        return parse(step, error, Map.of());
    }

    /** As {@link #parse(ObjectNode, String)}, the complaint naming fields by the request's words ({@code renames}: ours → theirs). */
    private static Action parse(ObjectNode step, String error, Map<String, String> renames) throws ApiError {
        try {
            return ActionJson.parse(step);
        } catch (ActionJson.Invalid e) {
            String message = e.getMessage().replaceFirst("^" + step.get("action").asText() + ": ", "");
            for (Map.Entry<String, String> r : renames.entrySet()) {
                message = message.replace(r.getKey(), r.getValue());
            }
            throw new ApiError(400, error, message);
        }
    }

    /** Adds the seed's {@code message} first, before our fields. */
    private static Map<String, Object> withMessage(String message, Map<String, Object> fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("message", message);
        m.putAll(fields);
        return m;
    }

    /**
     * A broker id from the path. The seed's GET compared the path's text with a number and so
     * never found a broker; we do what it meant. A path that is no number is an unknown broker
     * (404, as the seed answers it), not a malformed request.
     */
    private static int seedId(String text) throws ApiError {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ApiError(404, "BROKER_ID_NOT_REGISTERED", "no broker '" + text + "' is registered (a broker id is a whole number)");
        }
    }

    private Pending perform(Action action) {
        return cluster.request(action);
    }

    private static <T> T await(CompletableFuture<T> f) throws ApiError {
        return await(f, "no answer within " + ANSWER_TIMEOUT_SECONDS + " s: the outcome is unknown (the cluster may"
                + " still carry the request out, or the simulation is paused); read the state back before retrying"
                + " (GET /topics, /get-topic/{name}, /register-broker/{id}, /producers, /feeds)");
    }

    private static <T> T await(CompletableFuture<T> f, String timeoutMessage) throws ApiError {
        try {
            return f.get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new ApiError(504, "TIMEOUT", timeoutMessage, "1");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiError(503, "INTERRUPTED", "the server is stopping");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable why = e.getCause();
            throw new ApiError(500, "INTERNAL", "the simulation could not answer: " + (why.getMessage() == null
                    ? why.getClass().getSimpleName() : why.getMessage()) + "; the cluster keeps running");
        }
    }

    /** A controller error in HTTP terms: 503 for no quorum (with Retry-After), 409 conflicts, 404 unknowns, 400 the rest. */
    private static void check(ControllerReply r) throws ApiError {
        if (r.ok()) {
            return;
        }
        String name = r.error().name();
        switch (r.error()) {
            case NOT_CONTROLLER -> throw new ApiError(503, name, r.message(), "1");
            case TOPIC_ALREADY_EXISTS, DUPLICATE_BROKER_REGISTRATION -> throw new ApiError(409, name, r.message());
            case UNKNOWN_TOPIC_OR_PARTITION, BROKER_ID_NOT_REGISTERED -> throw new ApiError(404, name, r.message());
            default -> throw new ApiError(400, name, r.message());
        }
    }

    private JsonNode body(HttpWire.Request ex) throws ApiError {
        try {
            JsonNode n = StrictJson.read(new String(ex.body(), StandardCharsets.UTF_8));
            if (n == null || !n.isObject()) {
                throw new ApiError(400, "INVALID_JSON", "the body must be a JSON object");
            }
            return n;
        } catch (StrictJson.Invalid e) {
            throw new ApiError(400, "INVALID_JSON", "the body is not valid JSON at line " + e.line() + ", column " + e.column()
                    + ": " + e.getMessage());
        }
    }

    private static int requiredInt(JsonNode b, String field) throws ApiError {
        if (!b.hasNonNull(field)) {
            throw new ApiError(400, "MISSING_FIELD", "'" + field + "' is required");
        }
        if (!b.get(field).canConvertToInt() || !b.get(field).isIntegralNumber()) {
            throw new ApiError(400, "INVALID_TYPE", "'" + field + "' must be a whole number, got " + b.get(field));
        }
        return b.get(field).asInt();
    }

    private static int optionalInt(JsonNode b, String field, int fallback) throws ApiError {
        return b.hasNonNull(field) ? requiredInt(b, field) : fallback;
    }

    private static String requiredText(JsonNode b, String field) throws ApiError {
        if (!b.hasNonNull(field) || b.get(field).asText().isBlank()) {
            throw new ApiError(400, "MISSING_FIELD", "'" + field + "' is required");
        }
        if (!b.get(field).isTextual()) {
            throw new ApiError(400, "INVALID_TYPE", "'" + field + "' must be a string, got " + b.get(field));
        }
        return b.get(field).asText();
    }

    private static String optionalText(JsonNode b, String field, String fallback) throws ApiError {
        return b.hasNonNull(field) ? requiredText(b, field) : fallback;
    }

    private static int intArg(String name, String text) throws ApiError {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ApiError(400, "INVALID_TYPE", name + " must be a whole number, got '" + text + "'");
        }
    }

    private static ApiError notFound(String what) {
        return new ApiError(404, "NOT_FOUND", "no route " + what + " (see README: REST API)");
    }

    private HttpWire.Response answer(int status, Object body, Map<String, String> headers) {
        try {
            return new HttpWire.Response(status, headers, json.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("an answer is made of maps, lists and plain values", e);
        }
    }
}
