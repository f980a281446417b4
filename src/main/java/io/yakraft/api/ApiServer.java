package io.yakraft.api;

import io.yakraft.session.CommittedLog;
import io.yakraft.session.LiveSession;
import io.yakraft.session.LiveSession.Pending;
import io.yakraft.session.Session;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.yakraft.cluster.Action;
import io.yakraft.cluster.ClusterSnapshot;
import io.yakraft.cluster.ErrorCode;
import io.yakraft.cluster.NodeRef;
import io.yakraft.cluster.Outcome;
import io.yakraft.scenario.ActionJson;
import io.yakraft.cluster.NodeView;
import io.yakraft.metadata.ControllerReply;
import io.yakraft.metadata.MetadataImage;
import io.yakraft.metadata.TopicImage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
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
    /** Requests handled at once: a slow command holds one thread while it waits, never the others. */
    static final int HANDLER_THREADS = 32;
    /** Every route, as "METHOD head" or "METHOD head {}" (with an id): what is not here is 404, or 405 when only the method is wrong. */
    private static final java.util.Set<String> ROUTES = java.util.Set.of("POST register-broker", "GET register-broker",
            "GET register-broker {}", "DELETE register-broker {}", "POST register-broker-change", "GET metadata-fetch-by-id {}",
            "POST register-producer", "POST create-topic", "GET get-topic {}", "POST create-partition", "GET topics",
            "GET partitions", "GET producers", "POST feed", "GET feeds", "GET feeds {}", "GET cluster", "GET metadata",
            "GET health", "POST split-vote", "POST drop-message");

    private final LiveSession cluster;
    private final HttpServer server;
    private final ObjectMapper json = io.yakraft.metadata.MetadataJson.mapper();

    public ApiServer(LiveSession cluster, String bind, int port) throws IOException {
        this.cluster = cluster;
        this.server = HttpServer.create(new InetSocketAddress(bind, port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(HANDLER_THREADS));
        server.start();
    }

    /** The address it listens on, e.g. http://127.0.0.1:6000. */
    public String address() {
        InetSocketAddress a = server.getAddress();
        return "http://" + a.getHostString() + ":" + a.getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            Object body = route(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex);
            int status = body instanceof Created ? 201 : body instanceof WithStatus w ? w.status() : 200;
            send(ex, status, body instanceof Created c ? c.body() : body instanceof WithStatus w ? w.body() : body, null);
        } catch (WrongMethod e) {
            ex.getResponseHeaders().set("Allow", e.allow);
            send(ex, 405, Map.of("error", "METHOD_NOT_ALLOWED", "message", e.getMessage()), null);
        } catch (ApiError e) {
            Map<String, Object> err = new LinkedHashMap<>();
            err.put("error", e.name());
            err.put("message", e.getMessage());
            send(ex, e.status(), err, e.retryAfter());
        } catch (RuntimeException | Error e) {
            // the request fails on its own: the cluster runs on, and the answer names no library internals
            send(ex, 500, Map.of("error", "INTERNAL", "message", "the server could not handle this request ("
                    + e.getClass().getSimpleName() + "); the cluster keeps running"), null);
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
        long unfenced = s.committedImage().brokers().values().stream().filter(b -> !b.fenced()).count();
        long brokers = snap.nodes().stream().filter(n -> !n.voter()).count();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ready", snap.leaderId() >= 0 && unfenced >= brokers);
        m.put("leader", snap.leaderId() >= 0 ? snap.leaderId() : null);
        m.put("unfencedBrokers", unfenced);
        m.put("brokers", brokers);
        return m;
    }

    private Object route(String method, String path, HttpExchange ex) throws ApiError, IOException {
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
                return SeedViews.broker(brokerOrThrow(intArg("brokerId", arg)));
            case "DELETE register-broker {}":
                return unregister(intArg("brokerId", arg));
            case "POST register-broker-change":
                return brokerChange(body(ex));
            case "GET metadata-fetch-by-id {}":
                return metadataOf(intArg("brokerId", arg));
            case "POST register-producer":
                return registerProducer(body(ex));
            case "POST create-topic":
                return createTopic(body(ex));
            case "GET get-topic {}":
                return SeedViews.topic(topicOrThrow(arg));
            case "POST create-partition":
                return createPartition(body(ex));
            case "GET topics": {
                List<Object> out = new ArrayList<>();
                committed().topics().values().forEach(t -> out.add(SeedViews.topic(t)));
                return out;
            }
            case "GET partitions": {
                List<Object> out = new ArrayList<>();
                committed().topics().values().forEach(t -> out.addAll(SeedViews.partitions(t)));
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
                return quorum(snapshot());
            case "GET metadata":
                return committedSince(ex.getRequestURI().getQuery());
            case "POST split-vote":
                return engineered("splitVote", body(ex));
            case "POST drop-message":
                return engineered("dropMessage", body(ex));
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
        Action action;
        try {
            action = parse(step, "INVALID_REQUEST");
        } catch (ApiError e) { // the scenario vocabulary's words for the seed's fields
            throw new ApiError(e.status(), e.name(), e.getMessage().replace("'id'", "'brokerId'").replace("'port'", "'brokerPort'")
                    .replace("'host'", "'brokerHost'").replace("'rack'", "'rackId'"));
        }
        Outcome outcome = await(perform(action).outcome());
        if (outcome instanceof Outcome.Refused r) {
            throw new ApiError(r.code() == ErrorCode.DUPLICATE_BROKER_REGISTRATION ? 409 : 400, r.code().name(), r.message());
        }
        // the broker registers itself; answer once its RegisterBrokerRecord is committed
        await(cluster.when(s -> s.committedImage().brokers().containsKey(id)), "broker " + id
                + " started but its registration was not committed within " + ANSWER_TIMEOUT_SECONDS + " s (is there a quorum?)");
        return new Created(SeedViews.broker(committed().brokers().get(id)));
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
        return Map.of("brokerId", id, "brokerStatus", "UNREGISTERED");
    }

    /** {"brokerId": N, "brokerStatus": "CLOSED" | "ALIVE"}: stops or restarts the broker process. */
    private Object brokerChange(JsonNode b) throws ApiError {
        int id = requiredInt(b, "brokerId");
        String status = requiredText(b, "brokerStatus");
        if (!status.equals("CLOSED") && !status.equals("ALIVE")) {
            throw new ApiError(400, "INVALID_REQUEST", "brokerStatus must be CLOSED or ALIVE, got '" + status + "'");
        }
        brokerOrThrow(id);
        Outcome outcome = await(perform(status.equals("CLOSED") ? new Action.Kill(NodeRef.broker(id))
                : new Action.Restart(NodeRef.broker(id), false)).outcome());
        if (outcome instanceof Outcome.Refused r) {
            throw new ApiError(404, r.code().name(), r.message());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("brokerId", id);
        m.put("brokerStatus", status);
        m.put("detail", outcome.describe() + (status.equals("CLOSED") ? "; the controller fences it when its session expires" : ""));
        return m;
    }

    private Object registerProducer(JsonNode b) throws ApiError {
        int id = requiredInt(b, "brokerId");
        brokerOrThrow(id);
        Pending p = perform(new Action.RegisterProducer(NodeRef.broker(id)));
        if (await(p.outcome()) instanceof Outcome.Refused refused) {
            throw new ApiError(409, refused.code().name(), refused.describe());
        }
        ControllerReply r = await(p.reply());
        check(r);
        var block = (ControllerReply.ProducerIdBlock) r.body();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("brokerId", id);
        m.put("brokerEpoch", committed().brokers().get(id).epoch());
        m.put("producerId", block.firstProducerId());
        m.put("blockSize", block.size());
        return new Created(m);
    }

    private Object createTopic(JsonNode b) throws ApiError {
        String name = requiredText(b, "name");
        ControllerReply r = await(perform(parse(json.createObjectNode().put("action", "createTopic").put("name", name)
                .put("partitions", optionalInt(b, "partitions", 1)).put("rf", optionalInt(b, "replicationFactor", 1)), "INVALID_REQUEST")).reply());
        check(r);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("topicUUID", ((ControllerReply.TopicCreated) r.body()).topicId().toString());
        m.put("name", name);
        return new Created(m);
    }

    /** {"name": T} or {"topicUUID": U}, optional "total" (default: one more partition). */
    private Object createPartition(JsonNode b) throws ApiError {
        TopicImage t;
        if (b.hasNonNull("topicUUID")) {
            String uuid = b.get("topicUUID").asText();
            t = committed().topics().values().stream().filter(x -> x.id().toString().equals(uuid)).findFirst()
                    .orElseThrow(() -> new ApiError(404, "UNKNOWN_TOPIC_OR_PARTITION", "no topic with topicUUID " + uuid));
        } else {
            t = topicOrThrow(requiredText(b, "name"));
        }
        int total = optionalInt(b, "total", t.partitions().size() + 1);
        ControllerReply r = await(perform(new Action.CreatePartitions(t.name(), total)).reply());
        check(r);
        TopicImage after = committed().topics().get(t.name());
        return new Created(after == null ? Map.of("name", t.name()) : SeedViews.topic(after));
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
            (n.voter() ? voters : observers).add(r);
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
                    : e.payload() instanceof io.yakraft.raft.LeaderChangeMessage ? "LeaderChange" : "ClientWrite");
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
        TopicImage t = committed().topics().get(name);
        if (t == null) {
            throw new ApiError(404, "UNKNOWN_TOPIC_OR_PARTITION", "no topic named '" + name + "'");
        }
        return t;
    }

    // ---------------------------------------------------------------- plumbing

    /** The request as an action, through the one parser scenario files use; its complaint is a 400 named {@code error}. */
    private static Action parse(ObjectNode step, String error) throws ApiError {
        try {
            return ActionJson.parse(step);
        } catch (ActionJson.Invalid e) {
            throw new ApiError(400, error, e.getMessage().replaceFirst("^" + step.get("action").asText() + ": ", ""));
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

    private JsonNode body(HttpExchange ex) throws ApiError, IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new ApiError(413, "REQUEST_TOO_LARGE", "bodies are limited to " + MAX_BODY_BYTES + " bytes");
            }
            JsonNode n = json.readTree(new String(bytes, StandardCharsets.UTF_8));
            if (n == null || !n.isObject()) {
                throw new ApiError(400, "INVALID_JSON", "the body must be a JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "INVALID_JSON", "the body is not valid JSON: " + e.getOriginalMessage());
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

    private void send(HttpExchange ex, int status, Object body, String retryAfter) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        if (retryAfter != null) {
            ex.getResponseHeaders().set("Retry-After", retryAfter);
        }
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
