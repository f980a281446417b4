package io.yakraft.scenario;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every action and check a scenario may use, with its arguments: their kinds and which are
 * required. The reader checks steps against it, so an unknown action, check or field is an
 * error, never ignored. The JSON Schema in {@code scenarios/scenario.schema.json} says the same.
 */
final class Vocabulary {
    enum Kind {
        TEXT, TEXTS, NODE, NODES, INT, NUMBER, BOOL, GROUPS, ACKS, MESSAGE, CONFIGS, CONFIG_CHANGES;

        /** Why the value does not fit this kind, or null. */
        String problem(JsonNode v) {
            return switch (this) {
                case TEXT -> v.isTextual() ? null : "a string";
                case TEXTS -> texts(v);
                case NODE -> v.isTextual() || v.isInt() ? NodeNames.problem(v.asText()) : "a node such as \"n2\" or \"leader\"";
                case NODES -> nodes(v);
                case INT -> v.isIntegralNumber() ? null : "a whole number";
                case NUMBER -> v.isNumber() ? null : "a number";
                case BOOL -> v.isBoolean() ? null : "true or false";
                case GROUPS -> groups(v);
                case ACKS -> v.isTextual() && acks(v.asText()) ? null : "\"0\", \"1\" or \"all\" (a string)";
                case MESSAGE -> v.isTextual() && MessageKinds.parse(v.asText()) != null ? null
                        : "a message kind, one of: " + MessageKinds.names();
                case CONFIGS -> configs(v);
                case CONFIG_CHANGES -> configChanges(v);
            };
        }

        /** Topic configs: an object of config names to strings, numbers or booleans, each a config Kafka knows here. */
        private static String configs(JsonNode v) {
            if (!v.isObject()) {
                return "an object of topic configs such as {\"min.insync.replicas\": 2}";
            }
            java.util.Map<String, String> m = new java.util.TreeMap<>();
            for (java.util.Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                    return "topic config '" + e.getKey() + "' as a string, number or boolean";
                }
                m.put(e.getKey(), e.getValue().asText());
            }
            String p = io.yakraft.metadata.TopicConfigs.problem(m);
            return p == null ? null : "valid topic configs (" + p + ")";
        }

        /** Config changes: as {@link #configs}, and a null value deletes the config (IncrementalAlterConfigs' DELETE). */
        private static String configChanges(JsonNode v) {
            if (!v.isObject() || v.isEmpty()) {
                return "a non-empty object of topic configs such as {\"min.insync.replicas\": 2} (null deletes one)";
            }
            com.fasterxml.jackson.databind.node.ObjectNode set = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            for (java.util.Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!io.yakraft.metadata.TopicConfigs.NAMES.contains(e.getKey())) {
                    return "valid topic configs (Unknown topic config name: " + e.getKey() + " (supported here: "
                            + String.join(", ", io.yakraft.metadata.TopicConfigs.NAMES) + "))";
                }
                if (!e.getValue().isNull()) {
                    set.set(e.getKey(), e.getValue());
                }
            }
            return set.isEmpty() ? null : configs(set);
        }

        private static String nodes(JsonNode v) {
            if (!v.isArray() || v.isEmpty()) {
                return "a non-empty list of nodes such as [\"n1\", \"n2\"]";
            }
            for (JsonNode n : v) {
                String p = NODE.problem(n);
                if (p != null) {
                    return p;
                }
            }
            return null;
        }

        private static String texts(JsonNode v) {
            if (!v.isArray() || v.size() < 2) {
                return "a list of at least two strings";
            }
            for (JsonNode t : v) {
                if (!t.isTextual()) {
                    return "a list of at least two strings";
                }
            }
            return null;
        }

        private static boolean acks(String text) {
            try {
                io.yakraft.data.Acks.parse(text);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        private static String groups(JsonNode v) {
            if (!v.isArray() || v.size() < 2) {
                return "at least two groups of nodes, e.g. [[\"n1\",\"n2\"],[\"n3\"]]";
            }
            for (JsonNode g : v) {
                String p = nodes(g);
                if (p != null) {
                    return p;
                }
            }
            return null;
        }
    }

    /** An argument: its kind, whether it is required, and for numbers the range it must lie in (named for the message). */
    record Arg(Kind kind, boolean required, double min, double max, String limit) {
        Arg(Kind kind, boolean required) {
            this(kind, required, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, null);
        }

        /** Why the number {@code v} is out of this argument's range, or null. */
        String outOfRange(JsonNode v) {
            return limit == null || !v.isNumber() ? null : Limits.range(v.asDouble(), min, max, limit);
        }
    }

    /** Bounds {@code field} of {@code action} to {@code min..max}, named {@code limit} in the refusal. */
    private static void limit(String action, String field, double min, double max, String limit) {
        Arg a = ACTIONS.get(action).get(field);
        ACTIONS.get(action).put(field, new Arg(a.kind(), a.required(), min, max, limit));
    }

    static final Map<String, Map<String, Arg>> ACTIONS = new LinkedHashMap<>();
    static final Map<String, Map<String, Arg>> CHECKS = new LinkedHashMap<>();

    private static Map<String, Arg> args(Object... nameKindRequired) {
        Map<String, Arg> m = new LinkedHashMap<>();
        for (int i = 0; i < nameKindRequired.length; i += 3) {
            m.put((String) nameKindRequired[i], new Arg((Kind) nameKindRequired[i + 1], (Boolean) nameKindRequired[i + 2]));
        }
        return m;
    }

    static {
        ACTIONS.put("caption", args("text", Kind.TEXT, true, "pause", Kind.BOOL, false));
        ACTIONS.put("kill", args("node", Kind.NODE, true));
        ACTIONS.put("stop", args("node", Kind.NODE, true));
        ACTIONS.put("restart", args("node", Kind.NODE, true, "emptyDisk", Kind.BOOL, false));
        ACTIONS.put("pause", args("node", Kind.NODE, true));
        // dynamic controller quorums (KIP-853)
        ACTIONS.put("addController", args("id", Kind.INT, true));
        ACTIONS.put("addVoter", args("node", Kind.NODE, true));
        ACTIONS.put("removeVoter", args("node", Kind.NODE, true));
        ACTIONS.put("resume", args("node", Kind.NODE, true));
        ACTIONS.put("forceTimeout", args("node", Kind.NODE, true));
        ACTIONS.put("resign", args("node", Kind.NODE, false));
        ACTIONS.put("compact", args("node", Kind.NODE, true));
        ACTIONS.put("isolate", args("node", Kind.NODE, true));
        ACTIONS.put("dropInFlight", args("message", Kind.INT, true));
        ACTIONS.put("partition", args("groups", Kind.GROUPS, false, "preset", Kind.TEXT, false, "minority", Kind.NODES, false,
                "node", Kind.NODE, false));
        ACTIONS.put("cut", args("from", Kind.NODE, true, "to", Kind.NODE, true, "oneWay", Kind.BOOL, false));
        ACTIONS.put("heal", args("from", Kind.NODE, false, "to", Kind.NODE, false));
        ACTIONS.put("network", args("loss", Kind.NUMBER, false, "minLatencyMs", Kind.INT, false, "maxLatencyMs", Kind.INT, false,
                "duplication", Kind.NUMBER, false));
        ACTIONS.put("write", args("count", Kind.INT, false));
        ACTIONS.put("registerBroker", args("id", Kind.INT, true, "host", Kind.TEXT, false, "port", Kind.INT, false,
                "rack", Kind.TEXT, false));
        ACTIONS.put("unregisterBroker", args("broker", Kind.NODE, true));
        ACTIONS.put("reregisterBroker", args("broker", Kind.NODE, true, "host", Kind.TEXT, false, "port", Kind.INT, false,
                "rack", Kind.TEXT, false));
        ACTIONS.put("createTopic", args("name", Kind.TEXT, true, "partitions", Kind.INT, false, "rf", Kind.INT, false,
                "configs", Kind.CONFIGS, false));
        ACTIONS.put("createPartitions", args("topic", Kind.TEXT, true, "total", Kind.INT, true));
        ACTIONS.put("alterTopicConfig", args("topic", Kind.TEXT, true, "configs", Kind.CONFIG_CHANGES, true));
        ACTIONS.put("electPreferredLeaders", args("topic", Kind.TEXT, false));
        ACTIONS.put("deleteTopic", args("name", Kind.TEXT, true));
        ACTIONS.put("registerProducer", args("broker", Kind.NODE, true));
        ACTIONS.put("feed", args("topic", Kind.TEXT, true, "file", Kind.TEXT, false, "spec", Kind.TEXT, false,
                "count", Kind.INT, false, "keys", Kind.INT, false, "acks", Kind.ACKS, false, "rate", Kind.NUMBER, false,
                "via", Kind.NODE, false, "idempotence", Kind.BOOL, false));
        ACTIONS.put("setSpeed", args("speed", Kind.NUMBER, true));
        // engineered moments: a split vote, one lost message
        ACTIONS.put("splitVote", args("nodes", Kind.NODES, false));
        ACTIONS.put("dropMessage", args("from", Kind.NODE, true, "to", Kind.NODE, true, "kind", Kind.MESSAGE, true));
        ACTIONS.put("expect", args("check", Kind.TEXT, true));
        // predict, then reveal: a scenario step, not a cluster action (it is not in the trace)
        ACTIONS.put("question", args("id", Kind.TEXT, true, "text", Kind.TEXT, true, "choices", Kind.TEXTS, true,
                "answer", Kind.INT, true, "explain", Kind.TEXT, true));

        limit("write", "count", 1, Limits.MAX_WRITES_PER_ACTION, "writes per action");
        limit("feed", "count", 0, Limits.MAX_RECORDS_PER_FEED, "records per feed");
        limit("feed", "keys", 1, Limits.MAX_KEYS, "keys per feed");
        limit("feed", "rate", 0, Limits.MAX_FEED_RATE, "records per simulated second");
        limit("createTopic", "partitions", 1, Limits.MAX_PARTITIONS_PER_TOPIC, "partitions per topic");
        limit("createTopic", "rf", 1, Limits.MAX_REPLICATION_FACTOR, "replication factor");
        limit("createPartitions", "total", 1, Limits.MAX_PARTITIONS_PER_TOPIC, "partitions per topic");
        limit("network", "minLatencyMs", 0, Limits.MAX_LATENCY_MS, "latency in ms");
        limit("network", "maxLatencyMs", 0, Limits.MAX_LATENCY_MS, "latency in ms");
        limit("network", "loss", 0, 1, "a probability");
        limit("network", "duplication", 0, 1, "a probability");
        limit("registerBroker", "id", 0, Limits.MAX_BROKER_ID, "broker ids");
        limit("registerBroker", "port", 1, 65_535, "TCP ports");
        limit("addController", "id", 1, io.yakraft.cluster.ClusterConfig.FIRST_OBSERVER_ID - 1, "controller ids");
        limit("reregisterBroker", "port", 1, 65_535, "TCP ports");
        limit("setSpeed", "speed", io.yakraft.session.LiveSession.MIN_SPEED, io.yakraft.session.LiveSession.MAX_SPEED, "speed");

        CHECKS.put("leaderElected", args("minEpoch", Kind.INT, false));
        CHECKS.put("leaderIs", args("node", Kind.NODE, true));
        CHECKS.put("noLeaderAmong", args("nodes", Kind.NODES, true));
        CHECKS.put("votersAre", args("nodes", Kind.NODES, true));
        CHECKS.put("epochAtLeast", args("value", Kind.INT, true));
        CHECKS.put("epochIs", args("value", Kind.INT, true));
        CHECKS.put("roleIs", args("node", Kind.NODE, true, "role", Kind.TEXT, true));
        CHECKS.put("anyNodeIs", args("role", Kind.TEXT, true));
        CHECKS.put("committedAtLeast", args("value", Kind.INT, true));
        CHECKS.put("highWatermarkAtLeast", args("node", Kind.NODE, true, "value", Kind.INT, true));
        CHECKS.put("highWatermarkIs", args("node", Kind.NODE, true, "value", Kind.INT, true));
        CHECKS.put("logsConverged", args());
        CHECKS.put("imagesConverged", args());
        CHECKS.put("brokerRegistered", args("broker", Kind.NODE, true));
        CHECKS.put("brokerFenced", args("broker", Kind.NODE, true));
        CHECKS.put("brokerUnfenced", args("broker", Kind.NODE, true));
        CHECKS.put("topicOnAllNodes", args("topic", Kind.TEXT, true));
        CHECKS.put("topicAbsent", args("topic", Kind.TEXT, true));
        CHECKS.put("partitionLeaderIs", args("topic", Kind.TEXT, true, "partition", Kind.INT, true, "broker", Kind.TEXT, true));
        CHECKS.put("partitionLeaderIsNot", args("topic", Kind.TEXT, true, "partition", Kind.INT, true, "broker", Kind.NODE, true));
        CHECKS.put("isrSizeIs", args("topic", Kind.TEXT, true, "partition", Kind.INT, true, "size", Kind.INT, true));
        CHECKS.put("truncated", args("node", Kind.NODE, true));
        CHECKS.put("logStartAtLeast", args("node", Kind.NODE, true, "value", Kind.INT, true));
        CHECKS.put("invariantsHold", args());
        CHECKS.put("violated", args("rule", Kind.TEXT, false));
        CHECKS.put("answered", args("text", Kind.TEXT, true));
        CHECKS.put("fed", args("acked", Kind.INT, true, "failed", Kind.INT, false, "feed", Kind.INT, false));
        CHECKS.put("replicasInSync", args("topic", Kind.TEXT, true));
    }

    static final List<String> STEP_FIELDS = List.of("at", "after", "waitFor", "timeout", "action", "comment", "shows", "proves", "view");

    /**
     * The first problem of {@code args} against {@code spec}, in words prefixed by {@code what}
     * ("step 3 (kill): 'node' is required"), or null: an unknown field, a value of the wrong
     * kind, a required field missing ('check' is the caller's business).
     */
    static String problem(com.fasterxml.jackson.databind.node.ObjectNode args, Map<String, Arg> spec, String what) {
        for (java.util.Iterator<String> it = args.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            Arg a = spec.get(f);
            if (a == null) {
                return what + ": unknown field '" + f + "' " + (spec.isEmpty() ? "(expected no arguments)"
                        : DidYouMean.hint(f, spec.keySet()));
            }
            String problem = a.kind().problem(args.get(f));
            if (problem == null) {
                problem = a.outOfRange(args.get(f));
            }
            if (problem != null) {
                return what + ": '" + f + "' must be " + problem;
            }
        }
        for (Map.Entry<String, Arg> e : spec.entrySet()) {
            if (e.getValue().required() && !args.has(e.getKey()) && !e.getKey().equals("check")) {
                return what + ": '" + e.getKey() + "' is required";
            }
        }
        return null;
    }

    static String oneOf(java.util.Collection<String> names) {
        return String.join(", ", new TreeSet<>(names));
    }

    private Vocabulary() {
    }
}
