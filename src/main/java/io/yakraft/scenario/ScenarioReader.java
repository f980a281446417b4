package io.yakraft.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yakraft.cluster.ClusterConfig;
import io.yakraft.cluster.MetadataConfig;
import io.yakraft.sim.Durations;
import io.yakraft.sim.LinkConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a scenario file strictly: JSON syntax, then every field against {@link Vocabulary}. An
 * error names the file, the line and column of the offending step or field, and what was
 * expected; nothing unknown is ignored.
 */
public final class ScenarioReader {
    /** Messages at classroom speed: the window's default latency, so lessons look the same everywhere. */
    public static final LinkConfig DEFAULT_NETWORK = LinkConfig.DEFAULT.withLatency(15, 40);
    static final long DEFAULT_TIMEOUT_MS = 30_000;
    private static final Set<String> TOP = Set.of("name", "description", "cluster", "steps", "slowMotion", "variant",
            "fuzz", "stopAtViolation");
    private static final Set<String> FUZZ = Set.of("faultsFromMs", "faultsUntilMs", "faultGapMs", "maxFaults", "writeEveryMs",
            "workload", "feed", "calmMs", "healEveryMs", "voterChanges", "rule", "atMs", "event");
    private static final Set<String> CLUSTER = Set.of("controllers", "brokers", "seed", "network", "snapshotEvery", "raft",
            "minInsyncReplicas", "retentionRecords", "retentionMs", "snapshotIntervalMs");
    private static final Set<String> RAFT = Set.of("electionTimeoutMs", "fetchTimeoutMs", "electionBackoffMaxMs",
            "requestTimeoutMs", "retryBackoffMs", "fetchMaxWaitMs", "fetchSnapshotMaxRecords");
    private static final Set<String> NETWORK = Set.of("minLatencyMs", "maxLatencyMs", "loss", "duplication");

    private final String file;
    /** The scenario file's folder, against which a feed's relative paths resolve; null: not read from a file. */
    private final Path folder;
    private final Map<String, JsonLocation> where = new HashMap<>();

    private ScenarioReader(String file, Path folder) {
        this.file = file;
        this.folder = folder;
    }

    /** Reads a scenario from text that comes from no file on disk (a built-in lesson, a test). */
    public static Scenario read(String file, String text) throws ScenarioException {
        return new ScenarioReader(file, null).parse(text);
    }

    /**
     * Reads a scenario file. A feed's relative {@code file} and {@code spec} resolve against the
     * scenario's folder when a file is there, else stay relative to the working directory.
     */
    public static Scenario read(Path path) throws ScenarioException {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(path.toString(), 1, 1, "cannot read: " + e.getMessage());
        }
        return new ScenarioReader(path.toString(), path.getParent()).parse(text);
    }

    private Scenario parse(String text) throws ScenarioException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode root;
        try {
            root = StrictJson.read(text); // a duplicate key or text after the closing brace is a mistake, with its line
            locate(mapper, text);
        } catch (StrictJson.Invalid e) {
            throw new ScenarioException(file, e.line(), e.column(), "not valid JSON: " + e.getMessage());
        } catch (IOException e) {
            throw new ScenarioException(file, 1, 1, "cannot read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw error("", "a scenario is a JSON object with name, cluster and steps");
        }
        unknownFields(root, TOP, "", "the top level");
        String name = text(root, "name", "");
        ClusterConfig cluster = cluster(required(root, "cluster", ""));
        if (root.has("variant")) {
            String variant = text(root, "variant", "");
            if (!io.yakraft.cluster.ProtocolVariants.exists(variant)) {
                throw error("variant", "'variant': unknown protocol variant '" + variant + "' (expected one of: "
                        + String.join(", ", io.yakraft.cluster.ProtocolVariants.names()) + ")");
            }
            cluster = cluster.withVariant(variant);
        }
        FuzzReplay fuzz = root.has("fuzz") ? fuzz(root.get("fuzz")) : null;
        JsonNode steps = required(root, "steps", "");
        if (!steps.isArray() || steps.isEmpty()) {
            throw error("steps", "'steps' must be a non-empty list");
        }
        List<Step> out = new ArrayList<>();
        Set<String> questions = new java.util.HashSet<>();
        java.util.TreeMap<Integer, String> nodes = new java.util.TreeMap<>();
        for (int id : cluster.voterIds()) {
            nodes.put(id, "n" + id);
        }
        for (int id : cluster.observerIds()) {
            nodes.put(id, "b" + id);
        }
        for (int i = 0; i < steps.size(); i++) {
            Step step = step(i, steps.get(i));
            checkNodesExist(step, nodes);
            if (step.question() != null && !questions.add(step.question().id())) {
                throw error("steps[" + i + "]", "step " + (i + 1) + ": a question with id '" + step.question().id() + "' was asked before");
            }
            if (step.proves() != null && !questions.contains(step.proves())) {
                throw error("steps[" + i + "]", "step " + (i + 1) + ": 'proves' names no earlier question (questions so far: "
                        + (questions.isEmpty() ? "none" : Vocabulary.oneOf(questions)) + ")");
            }
            out.add(step);
        }
        JsonNode slow = root.path("slowMotion");
        if (!slow.isMissingNode() && !slow.isBoolean()) {
            throw error("slowMotion", "'slowMotion' must be true or false");
        }
        return new Scenario(name, root.path("description").asText(""), cluster, out, slow.asBoolean(true), fuzz,
                root.path("stopAtViolation").asBoolean(true));
    }

    private ClusterConfig cluster(JsonNode c) throws ScenarioException {
        if (!c.isObject()) {
            throw error("cluster", "'cluster' must be an object with controllers, brokers and seed");
        }
        unknownFields(c, CLUSTER, "cluster", "'cluster'");
        int controllers = integer(c, "controllers", 3, "cluster");
        int brokers = integer(c, "brokers", 0, "cluster");
        long seed = c.has("seed") ? longValue(c, "seed", "cluster") : 42;
        LinkConfig network = DEFAULT_NETWORK;
        if (c.has("network")) {
            JsonNode n = c.get("network");
            unknownFields(n, NETWORK, "cluster", "'network'");
            String where = "cluster";
            int min = integer(n, "minLatencyMs", (int) network.minLatencyMs(), where);
            int max = integer(n, "maxLatencyMs", (int) network.maxLatencyMs(), where);
            double loss = n.path("loss").asDouble(0);
            double dup = n.path("duplication").asDouble(0);
            String out = firstProblem(
                    "network.minLatencyMs", Limits.range(min, 0, Limits.MAX_LATENCY_MS, "latency in ms"),
                    "network.maxLatencyMs", Limits.range(max, 0, Limits.MAX_LATENCY_MS, "latency in ms"),
                    "network.loss", Limits.range(loss, 0, 1, "a probability"),
                    "network.duplication", Limits.range(dup, 0, 1, "a probability"));
            if (out == null && min > max) {
                out = "network.minLatencyMs (" + min + ") must not exceed network.maxLatencyMs (" + max + ")";
            }
            if (out != null) {
                throw error(where, "'cluster': " + out);
            }
            network = new LinkConfig(min, max, loss, dup);
        }
        try {
            ClusterConfig config = ClusterConfig.defaults(seed, controllers, brokers).withNetwork(network);
            if (c.has("raft")) {
                JsonNode r = c.get("raft");
                unknownFields(r, RAFT, "cluster", "'raft'");
                io.yakraft.raft.RaftConfig d = config.raft();
                config = config.withRaft(new io.yakraft.raft.RaftConfig(integer(r, "electionTimeoutMs", d.electionTimeoutMs(), "cluster"),
                        integer(r, "fetchTimeoutMs", d.fetchTimeoutMs(), "cluster"),
                        integer(r, "electionBackoffMaxMs", d.electionBackoffMaxMs(), "cluster"),
                        integer(r, "requestTimeoutMs", d.requestTimeoutMs(), "cluster"),
                        integer(r, "retryBackoffMs", d.retryBackoffMs(), "cluster"),
                        integer(r, "fetchMaxWaitMs", d.fetchMaxWaitMs(), "cluster"), d.maxFetchRecords(),
                        integer(r, "fetchSnapshotMaxRecords", d.fetchSnapshotMaxRecords(), "cluster")));
            }
            if (c.has("minInsyncReplicas")) {
                config = config.withData(config.data().withMinInsyncReplicas(integer(c, "minInsyncReplicas", 1, "cluster")));
            }
            if (c.has("snapshotEvery")) {
                config = config.withMetadata(MetadataConfig.kafkaDefaults().withSnapshotEvery(integer(c, "snapshotEvery", 500, "cluster")));
            }
            if (c.has("snapshotIntervalMs")) {
                // metadata.log.max.snapshot.interval.ms; 0: snapshots by record count only
                config = config.withMetadata(config.metadata().withSnapshotInterval(integer(c, "snapshotIntervalMs",
                        (int) MetadataConfig.DEFAULT_SNAPSHOT_INTERVAL_MS, "cluster")));
            }
            if (c.has("retentionRecords") || c.has("retentionMs")) {
                // metadata.max.retention.bytes (in records) and metadata.max.retention.ms; -1 turns a rule off
                MetadataConfig m = config.metadata();
                config = config.withMetadata(m.withRetention(integer(c, "retentionRecords", (int) m.retentionRecords(), "cluster"),
                        integer(c, "retentionMs", (int) m.retentionMs(), "cluster")));
            }
            return config;
        } catch (IllegalArgumentException e) {
            throw error("cluster", "'cluster': " + e.getMessage());
        }
    }

    /** The "fuzz" section: the fuzz simulation the scenario replays (see {@link FuzzReplay}). */
    private FuzzReplay fuzz(JsonNode f) throws ScenarioException {
        if (!f.isObject()) {
            throw error("fuzz", "'fuzz' must be an object with faultsUntilMs and the plan's other settings");
        }
        unknownFields(f, FUZZ, "fuzz", "'fuzz'");
        try {
            io.yakraft.check.TopicWorkload.Spec workload = f.has("workload")
                    ? io.yakraft.check.TopicWorkload.Spec.parse(text(f, "workload", "fuzz")) : null;
            io.yakraft.check.FeedWorkload.Spec feed = f.has("feed") ? io.yakraft.check.FeedWorkload.Spec.parse(text(f, "feed", "fuzz")) : null;
            io.yakraft.check.FuzzPlan plan = new io.yakraft.check.FuzzPlan(f.path("faultsFromMs").asLong(2_000),
                    longValue(f, "faultsUntilMs", "fuzz"), f.path("faultGapMs").asLong(700), f.path("maxFaults").asInt(Integer.MAX_VALUE),
                    f.path("writeEveryMs").asLong(0), workload, feed, f.path("calmMs").asLong(0),
                    f.path("healEveryMs").asLong(0), f.path("voterChanges").asBoolean(false));
            return new FuzzReplay(plan, f.has("rule") ? text(f, "rule", "fuzz") : null, f.path("atMs").asLong(-1),
                    f.path("event").asLong(-1));
        } catch (IllegalArgumentException e) {
            throw error("fuzz", "'fuzz': " + e.getMessage());
        }
    }

    private Step step(int i, JsonNode s) throws ScenarioException {
        String at = "steps[" + i + "]";
        if (!s.isObject()) {
            throw error(at, "step " + (i + 1) + " must be an object");
        }
        String action = s.has("action") ? s.get("action").asText() : null;
        Map<String, Vocabulary.Arg> spec = action == null ? Map.of() : Vocabulary.ACTIONS.get(action);
        if (action != null && spec == null) {
            throw error(at, "step " + (i + 1) + ": unknown action '" + action + "' "
                    + DidYouMean.hint(action, Vocabulary.ACTIONS.keySet()));
        }
        if (action == null && !s.has("waitFor")) {
            throw error(at, "step " + (i + 1) + ": needs an 'action' or a 'waitFor'");
        }
        ObjectNode args = ((ObjectNode) s).deepCopy();
        Vocabulary.STEP_FIELDS.forEach(args::remove);
        Map<String, Vocabulary.Arg> allowed = new java.util.LinkedHashMap<>(spec);
        if ("expect".equals(action)) {
            String check = s.path("check").asText(null);
            Map<String, Vocabulary.Arg> checkSpec = check == null ? null : Vocabulary.CHECKS.get(check);
            if (checkSpec == null) {
                throw error(at, "step " + (i + 1) + (check == null ? ": 'expect' needs a 'check', one of: "
                        + Vocabulary.oneOf(Vocabulary.CHECKS.keySet()) : ": unknown check '" + check + "' "
                        + DidYouMean.hint(check, Vocabulary.CHECKS.keySet())));
            }
            allowed.putAll(checkSpec);
        }
        String what = "step " + (i + 1) + " (" + (action == null ? "wait" : action) + ")";
        io.yakraft.cluster.Action typed = null;
        validateArgs(args, allowed, at, what);
        Question question = null;
        if ("question".equals(action)) {
            List<String> choices = new ArrayList<>();
            args.get("choices").forEach(c -> choices.add(c.asText()));
            try {
                question = new Question(args.get("id").asText(), args.get("text").asText(), choices, args.get("answer").asInt(),
                        args.get("explain").asText());
            } catch (IllegalArgumentException e) {
                throw error(at, what + ": " + e.getMessage());
            }
        } else if (action != null && !action.equals("expect")) {
            if ("feed".equals(action)) {
                resolveBesideScenario(args, "file");
                resolveBesideScenario(args, "spec");
            }
            try {
                typed = ActionJson.parse(action, args, what, "write-" + i);
            } catch (ActionJson.Invalid e) {
                throw error(at, e.getMessage());
            }
        }
        Check waitFor = s.has("waitFor") ? check(s.get("waitFor"), at, i) : null;
        long atMs = s.has("at") ? duration(s, "at", at, i) : -1;
        long afterMs = s.has("after") ? duration(s, "after", at, i) : -1;
        if (atMs >= 0 && afterMs >= 0) {
            throw error(at, "step " + (i + 1) + ": give 'at' or 'after', not both");
        }
        long timeout = s.has("timeout") ? duration(s, "timeout", at, i) : DEFAULT_TIMEOUT_MS;
        Check shows = null;
        if (s.has("shows")) {
            if (!"caption".equals(action) && !"question".equals(action)) {
                throw error(at, what + ": 'shows' belongs to a caption or a question (the state it speaks of)");
            }
            shows = check(s.get("shows"), at, i);
        }
        String proves = null;
        if (s.has("proves")) {
            if (!"expect".equals(action) || !s.get("proves").isTextual()) {
                throw error(at, what + ": 'proves' belongs to an expectation and names a question's id");
            }
            proves = s.get("proves").asText();
        }
        ViewHint view = s.has("view") ? viewHint(s.get("view"), action, at, what) : null;
        return new Step(i, line(at), column(at), atMs, afterMs, waitFor, timeout, action, args, typed, shows, proves, question,
                view);
    }

    /** A caption's or a question's "view": {"show": "partition", "partition": "payments-0"} or {"show": "metadata"}. */
    private ViewHint viewHint(JsonNode v, String action, String at, String what) throws ScenarioException {
        if (!"caption".equals(action) && !"question".equals(action)) {
            throw error(at, what + ": 'view' belongs to a caption or a question (the view it wants on screen)");
        }
        String expected = "expected {\"show\": \"partition\", \"partition\": \"topic-n\"} or {\"show\": \"metadata\"}";
        if (!v.isObject() || !v.path("show").isTextual()) {
            throw error(at, what + ": 'view' " + expected);
        }
        java.util.Iterator<String> names = v.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("show") && !name.equals("partition")) {
                throw error(at, what + ": 'view' has no field '" + name + "' (" + expected + ")");
            }
        }
        String show = v.get("show").asText();
        try {
            switch (show) {
                case "metadata":
                    if (v.has("partition")) {
                        throw new IllegalArgumentException("the metadata log view takes no 'partition'");
                    }
                    return new ViewHint(ViewHint.Kind.METADATA, null);
                case "partition":
                    return new ViewHint(ViewHint.Kind.PARTITION, v.path("partition").asText(null));
                default:
                    throw new IllegalArgumentException("'show' is 'partition' or 'metadata', got '" + show + "'");
            }
        } catch (IllegalArgumentException e) {
            throw error(at, what + ": 'view': " + e.getMessage());
        }
    }

    private Check check(JsonNode w, String at, int i) throws ScenarioException {
        ObjectNode args;
        String name;
        if (w.isTextual()) {
            name = w.asText();
            args = new ObjectMapper().createObjectNode();
        } else if (w.isObject() && w.has("check")) {
            args = ((ObjectNode) w).deepCopy();
            name = args.remove("check").asText();
        } else {
            throw error(at, "step " + (i + 1) + ": 'waitFor' is a check name or an object with 'check'");
        }
        Map<String, Vocabulary.Arg> spec = Vocabulary.CHECKS.get(name);
        if (spec == null) {
            throw error(at, "step " + (i + 1) + ": unknown check '" + name + "' "
                    + DidYouMean.hint(name, Vocabulary.CHECKS.keySet()));
        }
        validateArgs(args, spec, at, "step " + (i + 1) + " (waitFor " + name + ")");
        return new Check(name, args);
    }

    private void validateArgs(ObjectNode args, Map<String, Vocabulary.Arg> spec, String at, String what) throws ScenarioException {
        String problem = Vocabulary.problem(args, spec, what);
        if (problem != null) {
            throw error(at, problem);
        }
    }

    /** A relative path names the file beside the scenario when there is one there; otherwise it is left as written. */
    private void resolveBesideScenario(ObjectNode args, String field) {
        if (folder == null || !args.has(field)) {
            return;
        }
        Path written;
        try {
            written = Path.of(args.get(field).asText());
        } catch (java.nio.file.InvalidPathException e) {
            return; // the feed says so when it runs
        }
        if (written.isAbsolute()) {
            return;
        }
        Path beside = folder.resolve(written).normalize();
        if (Files.exists(beside)) {
            args.put(field, beside.toString());
        }
    }

    private long duration(JsonNode s, String field, String at, int i) throws ScenarioException {
        JsonNode v = s.get(field);
        if (v.isNumber()) { // the unit is required: 5 could be 5 ms or 5 s (see Durations)
            throw error(at, "step " + (i + 1) + ": '" + field + "': " + Durations.bareNumber(v.asText()));
        }
        if (!v.isTextual()) {
            throw error(at, "step " + (i + 1) + ": '" + field + "' must be a duration such as \"500ms\" or \"2s\", got " + v);
        }
        try {
            long ms = Durations.parseMillis(v.asText());
            String out = Limits.range(ms, 0, Limits.MAX_SIM_TIME_MS, "simulated ms: one simulated day");
            if (out != null) {
                throw error(at, "step " + (i + 1) + ": '" + field + "' must be " + out);
            }
            return ms;
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw error(at, "step " + (i + 1) + ": '" + field + "': " + e.getMessage());
        }
    }

    private int integer(JsonNode n, String field, int fallback, String at) throws ScenarioException {
        if (!n.has(field)) {
            return fallback;
        }
        if (!n.get(field).isIntegralNumber()) {
            throw error(at, "'" + field + "' must be a whole number");
        }
        return n.get(field).asInt();
    }

    private long longValue(JsonNode n, String field, String at) throws ScenarioException {
        if (!n.get(field).isIntegralNumber()) {
            throw error(at, "'" + field + "' must be a whole number");
        }
        return n.get(field).asLong();
    }

    private String text(JsonNode n, String field, String at) throws ScenarioException {
        JsonNode v = required(n, field, at);
        if (!v.isTextual()) {
            throw error(at, "'" + field + "' must be a string");
        }
        return v.asText();
    }

    private JsonNode required(JsonNode n, String field, String at) throws ScenarioException {
        if (!n.has(field)) {
            throw error(at, "'" + field + "' is required");
        }
        return n.get(field);
    }

    private void unknownFields(JsonNode n, Set<String> known, String at, String what) throws ScenarioException {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                String path = at.isEmpty() ? f : at;
                throw error(path, "unknown field '" + f + "' in " + what + " " + DidYouMean.hint(f, known));
            }
        }
    }

    /**
     * Every node a step names by id must exist when the step runs: in the cluster, or registered by
     * an earlier step ({@code n99} would otherwise be refused only when the step plays, or never).
     */
    private void checkNodesExist(Step step, java.util.TreeMap<Integer, String> nodes) throws ScenarioException {
        String where = "steps[" + step.index() + "]";
        if (step.action() != null && step.args() != null) {
            checkNodesIn(step.args(), Vocabulary.ACTIONS.get(step.action()), nodes, where, step);
        }
        for (Check c : new Check[] {step.waitFor(), step.shows()}) {
            if (c != null) {
                checkNodesIn(c.args(), Vocabulary.CHECKS.get(c.name()), nodes, where, step);
            }
        }
        if ("addController".equals(step.action())) {
            int id = step.args().get("id").asInt();
            nodes.put(id, "n" + id);
        }
        if ("registerBroker".equals(step.action())) {
            int id = step.args().get("id").asInt();
            nodes.put(id, "b" + id);
        }
    }

    private void checkNodesIn(ObjectNode args, Map<String, Vocabulary.Arg> spec, java.util.TreeMap<Integer, String> nodes,
                              String where, Step step) throws ScenarioException {
        if (spec == null) {
            return;
        }
        for (Map.Entry<String, Vocabulary.Arg> e : spec.entrySet()) {
            Vocabulary.Kind k = e.getValue().kind();
            JsonNode v = args.get(e.getKey());
            if (v == null || (k != Vocabulary.Kind.NODE && k != Vocabulary.Kind.NODES && k != Vocabulary.Kind.GROUPS)) {
                continue;
            }
            List<String> names = new ArrayList<>();
            collectTexts(v, names);
            for (String name : names) {
                io.yakraft.cluster.NodeRef ref;
                try {
                    ref = NodeNames.parse(name);
                } catch (IllegalArgumentException bad) {
                    continue; // the vocabulary already said what is wrong with it
                }
                if (ref instanceof io.yakraft.cluster.NodeRef.Id id && !nodes.containsKey(id.id())) {
                    throw error(where, "step " + (step.index() + 1) + ": '" + e.getKey() + "' names " + name
                            + ", which does not exist in this cluster (its nodes: " + String.join(", ", nodes.values()) + ")");
                }
            }
        }
    }

    private static void collectTexts(JsonNode v, List<String> out) {
        if (v.isArray()) {
            v.forEach(x -> collectTexts(x, out));
        } else if (v.isTextual() || v.isInt()) {
            out.add(v.asText());
        }
    }

    /** The first "name must be …" of the (name, problem) pairs whose problem is not null, or null. */
    private static String firstProblem(String... nameProblem) {
        for (int i = 0; i < nameProblem.length; i += 2) {
            if (nameProblem[i + 1] != null) {
                return nameProblem[i] + " must be " + nameProblem[i + 1];
            }
        }
        return null;
    }

    private ScenarioException error(String path, String message) {
        return new ScenarioException(file, line(path), column(path), message);
    }

    private long line(String path) {
        JsonLocation l = where.get(path);
        return l == null ? 1 : l.getLineNr();
    }

    private long column(String path) {
        JsonLocation l = where.get(path);
        return l == null ? 1 : l.getColumnNr();
    }

    /** Where each top-level field, the cluster and each step starts, for error messages. */
    private void locate(ObjectMapper mapper, String text) throws IOException {
        try (JsonParser p = mapper.createParser(text)) {
            int depth = 0;
            String topField = null;
            int stepIndex = -1;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME && depth == 1) {
                    topField = p.currentName();
                    where.put(topField, p.currentTokenLocation());
                } else if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY)) {
                    if (depth == 2 && "steps".equals(topField)) {
                        where.put("steps[" + ++stepIndex + "]", p.currentTokenLocation());
                    }
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                } else if (depth == 2 && "steps".equals(topField)) {
                    where.put("steps[" + ++stepIndex + "]", p.currentTokenLocation()); // a scalar where a step should be
                }
            }
        }
    }
}
