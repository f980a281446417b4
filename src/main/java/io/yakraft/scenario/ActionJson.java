package io.yakraft.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yakraft.data.Acks;
import io.yakraft.cluster.Action;
import io.yakraft.data.FeedRecord;
import io.yakraft.cluster.NodeRef;
import io.yakraft.ingest.FeedSource;
import io.yakraft.ingest.PipelineSpec;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scenario JSON ({"action": "kill", "node": "n2"}) to a typed {@link Action} and back: the one
 * parser and validator behind scenario files, REST bodies and the window's forms, checking
 * against {@link Vocabulary} with the reader's words. A feed's records are read here, before the
 * action is scheduled, so a missing file is an error at once. {@link #toJson} writes what a
 * replay needs (a feed's paths, not its records).
 */
public final class ActionJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The payload names of a write that comes from no scenario step (as before: step index -1). */
    static final String LIVE_WRITE_LABEL = "write--1";

    private ActionJson() {
    }

    /** The action could not be built; the message says what and why, in the reader's words. */
    public static final class Invalid extends Exception {
        public Invalid(String message) {
            super(message);
        }
    }

    /** Parses a whole action object, {"action": NAME, ...args}, as the window and the REST API send it. */
    public static Action parse(ObjectNode json) throws Invalid {
        ObjectNode args = json.deepCopy();
        JsonNode name = args.remove("action");
        if (name == null || !name.isTextual()) {
            throw new Invalid("an action needs 'action', one of: " + actionNames());
        }
        return parse(name.asText(), args, name.asText(), LIVE_WRITE_LABEL);
    }

    /**
     * Parses {@code args} (the step's fields other than where and when) for {@code action};
     * {@code what} starts each error message ("step 3 (kill)"); {@code writeLabel} names a
     * write's payloads.
     */
    static Action parse(String action, ObjectNode args, String what, String writeLabel) throws Invalid {
        Map<String, Vocabulary.Arg> spec = action.equals("expect") ? null : Vocabulary.ACTIONS.get(action);
        if (spec == null) {
            throw new Invalid(what + ": unknown action '" + action + "' " + DidYouMean.hint(action, actionList()));
        }
        String problem = Vocabulary.problem(args, spec, what);
        if (problem != null) {
            throw new Invalid(problem);
        }
        try {
            return build(action, args, what, writeLabel);
        } catch (IllegalArgumentException e) {
            throw new Invalid(what + ": " + e.getMessage());
        }
    }

    /** The actions that act ('expect' checks instead). */
    static String actionNames() {
        return Vocabulary.oneOf(actionList());
    }

    private static List<String> actionList() {
        List<String> names = new ArrayList<>(Vocabulary.ACTIONS.keySet());
        names.remove("expect");
        return names;
    }

    private static Action build(String action, ObjectNode a, String what, String writeLabel) throws Invalid {
        switch (action) {
            case "caption":
                return new Action.Caption(a.get("text").asText(), a.path("pause").asBoolean(false));
            case "kill":
                return new Action.Kill(node(a, "node"));
            case "stop":
                return new Action.Stop(node(a, "node"));
            case "restart":
                return new Action.Restart(node(a, "node"), a.path("emptyDisk").asBoolean(false));
            case "pause":
                return new Action.Pause(node(a, "node"));
            case "addController":
                return new Action.AddController(a.get("id").asInt());
            case "addVoter":
                return new Action.AddVoter(node(a, "node"));
            case "removeVoter":
                return new Action.RemoveVoter(node(a, "node"));
            case "resume":
                return new Action.Resume(node(a, "node"));
            case "forceTimeout":
                return new Action.ForceTimeout(node(a, "node"));
            case "resign":
                return new Action.Resign(a.has("node") ? node(a, "node") : null);
            case "compact":
                return new Action.Compact(node(a, "node"));
            case "isolate":
                return new Action.Isolate(node(a, "node"));
            case "dropInFlight":
                return new Action.DropInFlight(a.get("message").asLong());
            case "partition":
                return new Action.Partition(split(a, what));
            case "cut":
                return new Action.Cut(node(a, "from"), node(a, "to"), a.path("oneWay").asBoolean(false));
            case "heal":
                if (a.has("from") != a.has("to")) {
                    throw new Invalid(what + ": give both 'from' and 'to' (one link), or neither (every link)");
                }
                return a.has("from") ? new Action.Heal(node(a, "from"), node(a, "to")) : Action.Heal.all();
            case "network":
                return new Action.Network(a.has("loss") ? a.get("loss").asDouble() : null,
                        a.has("minLatencyMs") ? a.get("minLatencyMs").asLong() : null,
                        a.has("maxLatencyMs") ? a.get("maxLatencyMs").asLong() : null,
                        a.has("duplication") ? a.get("duplication").asDouble() : null);
            case "write":
                return new Action.Write(a.path("count").asInt(1), writeLabel);
            case "registerBroker": {
                int id = a.get("id").asInt();
                return new Action.RegisterBroker(id, a.path("host").asText("broker-" + id), a.path("port").asInt(9092),
                        a.path("rack").asText(null));
            }
            case "unregisterBroker":
                return new Action.UnregisterBroker(node(a, "broker"));
            case "reregisterBroker":
                return new Action.ReregisterBroker(node(a, "broker"), a.has("host") ? a.get("host").asText() : null,
                        a.has("port") ? Integer.valueOf(a.get("port").asInt()) : null, a.has("rack") ? a.get("rack").asText() : null);
            case "createTopic":
                return new Action.CreateTopic(a.get("name").asText(), a.path("partitions").asInt(1), a.path("rf").asInt(1),
                        configs(a));
            case "createPartitions":
                return new Action.CreatePartitions(a.get("topic").asText(), a.get("total").asInt());
            case "alterTopicConfig": {
                java.util.Map<String, String> changes = new java.util.TreeMap<>();
                a.path("configs").fields().forEachRemaining(e -> changes.put(e.getKey(),
                        e.getValue().isNull() ? null : e.getValue().asText()));
                return new Action.AlterTopicConfig(a.get("topic").asText(), changes);
            }
            case "electPreferredLeaders":
                return new Action.ElectPreferredLeaders(a.has("topic") ? a.get("topic").asText() : null);
            case "deleteTopic":
                return new Action.DeleteTopic(a.get("name").asText());
            case "registerProducer":
                return new Action.RegisterProducer(node(a, "broker"));
            case "feed":
                return feed(a, what);
            case "setSpeed":
                return new Action.SetSpeed(a.get("speed").asDouble());
            case "splitVote": {
                List<NodeRef> pair = a.has("nodes") ? nodes(a.get("nodes")) : null;
                if (pair != null && pair.size() != 2) {
                    throw new Invalid(what + ": 'nodes' names the two voters that time out together, got " + pair.size());
                }
                return new Action.SplitVote(pair);
            }
            case "dropMessage":
                return new Action.DropMessage(node(a, "from"), node(a, "to"), MessageKinds.parse(a.get("kind").asText()));
            default:
                throw new IllegalStateException("the vocabulary names '" + action + "' but nothing builds it");
        }
    }

    private static NodeRef node(ObjectNode a, String field) {
        return NodeNames.parse(a.get(field).asText());
    }

    private static List<NodeRef> nodes(JsonNode list) {
        List<NodeRef> out = new ArrayList<>();
        list.forEach(n -> out.add(NodeNames.parse(n.asText())));
        return out;
    }

    /** The partition shapes a 'partition' step may name. */
    static final List<String> PRESETS = List.of("majorityMinority", "majoritiesRing", "bridge");

    private static Action.Split split(ObjectNode a, String what) throws Invalid {
        if (a.has("groups")) {
            List<List<NodeRef>> groups = new ArrayList<>();
            a.get("groups").forEach(g -> groups.add(nodes(g)));
            return new Action.Groups(groups);
        }
        String preset = a.path("preset").asText("majorityMinority");
        switch (preset) {
            case "majorityMinority":
                return new Action.MajorityMinority(a.has("minority") ? nodes(a.get("minority")) : null);
            case "majoritiesRing":
                return new Action.MajoritiesRing();
            case "bridge":
                return new Action.Bridge(a.has("node") ? node(a, "node") : null);
            default:
                throw new Invalid(what + ": unknown preset '" + preset + "' " + DidYouMean.hint(preset, PRESETS));
        }
    }

    /** A createTopic's "configs" object as config name → value text (the vocabulary checked the names and values). */
    private static java.util.Map<String, String> configs(ObjectNode a) {
        java.util.Map<String, String> m = new java.util.TreeMap<>();
        a.path("configs").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    /** Reads the feed's records now: a file through its spec, else generated ones. */
    private static Action.Feed feed(ObjectNode a, String what) throws Invalid {
        Action.Records records;
        if (a.has("file") || a.has("spec")) {
            if (!a.has("spec")) {
                throw new Invalid(what + ": a file needs its pipeline spec (\"spec\")");
            }
            if (!a.has("file")) {
                throw new Invalid(what + ": a pipeline spec needs the file it cleans (\"file\")");
            }
            String file = a.get("file").asText();
            String spec = a.get("spec").asText();
            try {
                FeedSource.Prepared p = FeedSource.prepare(Path.of(file), Path.of(spec), (rows, bytes) -> { });
                records = new Action.FromFile(file, spec, p.records(), p.report().clean(), p.report().read());
            } catch (NoSuchFileException e) {
                throw new Invalid(what + ": " + e.getMessage() + ": no such file");
            } catch (IOException | PipelineSpec.SpecException | InvalidPathException e) {
                throw new Invalid(what + ": " + e.getMessage());
            }
        } else {
            int count = a.path("count").asInt(100);
            int keys = a.path("keys").asInt(16);
            List<FeedRecord> generated = FeedSource.synthetic(count, keys);
            records = new Action.Generated(count, keys, generated);
        }
        Acks acks = Acks.parse(a.path("acks").asText("all"));
        Boolean idempotence = a.has("idempotence") ? a.get("idempotence").asBoolean() : null;
        if (Boolean.TRUE.equals(idempotence) && acks != Acks.ALL) {
            throw new Invalid(what + ": \"idempotence\": true needs \"acks\": \"all\" (Kafka refuses an idempotent producer"
                    + " with acks " + acks.label() + "), got \"acks\": \"" + acks.label() + "\"");
        }
        return new Action.Feed(a.get("topic").asText(), records, acks, a.path("rate").asDouble(20),
                a.has("via") ? node(a, "via") : null, idempotence);
    }

    // ---------------------------------------------------------------- Action -> JSON

    /** The action as scenario JSON, {"action": NAME, ...}: what a recording writes and a replay reads back. */
    public static ObjectNode toJson(Action action) {
        ObjectNode n = JSON.createObjectNode();
        n.put("action", name(action));
        n.setAll(args(action));
        return n;
    }

    /** The words the trace gives the action's input: "kill node=n2", as for a scenario step with these fields. */
    public static String describe(Action action) {
        return Step.describe(name(action), args(action));
    }

    /** The vocabulary's name of the action. */
    public static String name(Action action) {
        if (action instanceof Action.Caption) {
            return "caption";
        } else if (action instanceof Action.Kill) {
            return "kill";
        } else if (action instanceof Action.Stop) {
            return "stop";
        } else if (action instanceof Action.Restart) {
            return "restart";
        } else if (action instanceof Action.Pause) {
            return "pause";
        } else if (action instanceof Action.AddController) {
            return "addController";
        } else if (action instanceof Action.AddVoter) {
            return "addVoter";
        } else if (action instanceof Action.RemoveVoter) {
            return "removeVoter";
        } else if (action instanceof Action.Resume) {
            return "resume";
        } else if (action instanceof Action.ForceTimeout) {
            return "forceTimeout";
        } else if (action instanceof Action.Resign) {
            return "resign";
        } else if (action instanceof Action.Compact) {
            return "compact";
        } else if (action instanceof Action.Isolate) {
            return "isolate";
        } else if (action instanceof Action.DropInFlight) {
            return "dropInFlight";
        } else if (action instanceof Action.Partition) {
            return "partition";
        } else if (action instanceof Action.Cut) {
            return "cut";
        } else if (action instanceof Action.Heal) {
            return "heal";
        } else if (action instanceof Action.Network) {
            return "network";
        } else if (action instanceof Action.Write) {
            return "write";
        } else if (action instanceof Action.RegisterBroker) {
            return "registerBroker";
        } else if (action instanceof Action.UnregisterBroker) {
            return "unregisterBroker";
        } else if (action instanceof Action.ReregisterBroker) {
            return "reregisterBroker";
        } else if (action instanceof Action.CreateTopic) {
            return "createTopic";
        } else if (action instanceof Action.CreatePartitions) {
            return "createPartitions";
        } else if (action instanceof Action.AlterTopicConfig) {
            return "alterTopicConfig";
        } else if (action instanceof Action.ElectPreferredLeaders) {
            return "electPreferredLeaders";
        } else if (action instanceof Action.DeleteTopic) {
            return "deleteTopic";
        } else if (action instanceof Action.RegisterProducer) {
            return "registerProducer";
        } else if (action instanceof Action.Feed) {
            return "feed";
        } else if (action instanceof Action.SetSpeed) {
            return "setSpeed";
        } else if (action instanceof Action.SplitVote) {
            return "splitVote";
        } else if (action instanceof Action.DropMessage) {
            return "dropMessage";
        }
        throw new IllegalStateException("no name for " + action);
    }

    /** The action's fields in the vocabulary's order; a field not given (null, or false for a flag) is left out. */
    private static ObjectNode args(Action action) {
        ObjectNode n = JSON.createObjectNode();
        if (action instanceof Action.Caption a) {
            n.put("text", a.text());
            flag(n, "pause", a.pause());
        } else if (action instanceof Action.Kill a) {
            node(n, "node", a.node());
        } else if (action instanceof Action.Stop a) {
            node(n, "node", a.node());
        } else if (action instanceof Action.Restart a) {
            node(n, "node", a.node());
            flag(n, "emptyDisk", a.emptyDisk());
        } else if (action instanceof Action.Pause a) {
            node(n, "node", a.node());
        } else if (action instanceof Action.AddController a) {
            n.put("id", a.id());
        } else if (action instanceof Action.AddVoter a) {
            node(n, "node", a.node());
        } else if (action instanceof Action.RemoveVoter a) {
            node(n, "node", a.node());
        } else if (action instanceof Action.Resume a) {
            node(n, "node", a.node());
        } else if (action instanceof Action.ForceTimeout a) {
            node(n, "node", a.node());
        } else if (action instanceof Action.Resign a) {
            node(n, "node", a.node());
        } else if (action instanceof Action.Compact a) {
            node(n, "node", a.node());
        } else if (action instanceof Action.Isolate a) {
            node(n, "node", a.node());
        } else if (action instanceof Action.DropInFlight a) {
            long id = a.messageId();
            if (id == (int) id) {
                n.put("message", (int) id); // as a parser reads a small number back (an int node)
            } else {
                n.put("message", id);
            }
        } else if (action instanceof Action.Partition a) {
            split(n, a.split());
        } else if (action instanceof Action.Cut a) {
            node(n, "from", a.from());
            node(n, "to", a.to());
            flag(n, "oneWay", a.oneWay());
        } else if (action instanceof Action.Heal a) {
            node(n, "from", a.from());
            node(n, "to", a.to());
        } else if (action instanceof Action.Network a) {
            number(n, "loss", a.loss());
            whole(n, "minLatencyMs", a.minLatencyMs());
            whole(n, "maxLatencyMs", a.maxLatencyMs());
            number(n, "duplication", a.duplication());
        } else if (action instanceof Action.Write a) {
            n.put("count", a.count());
        } else if (action instanceof Action.RegisterBroker a) {
            n.put("id", a.id());
            n.put("host", a.host());
            n.put("port", a.port());
            if (a.rack() != null) {
                n.put("rack", a.rack());
            }
        } else if (action instanceof Action.UnregisterBroker a) {
            node(n, "broker", a.broker());
        } else if (action instanceof Action.ReregisterBroker a) {
            node(n, "broker", a.broker());
            if (a.host() != null) {
                n.put("host", a.host());
            }
            if (a.port() != null) {
                n.put("port", a.port());
            }
            if (a.rack() != null) {
                n.put("rack", a.rack());
            }
        } else if (action instanceof Action.CreateTopic a) {
            n.put("name", a.name());
            n.put("partitions", a.partitions());
            n.put("rf", a.replicationFactor());
            if (!a.configs().isEmpty()) {
                ObjectNode configs = n.putObject("configs");
                a.configs().forEach(configs::put);
            }
        } else if (action instanceof Action.CreatePartitions a) {
            n.put("topic", a.topic());
            n.put("total", a.total());
        } else if (action instanceof Action.AlterTopicConfig a) {
            n.put("topic", a.topic());
            ObjectNode configs = n.putObject("configs");
            a.configs().forEach((k, v) -> {
                if (v == null) {
                    configs.putNull(k);
                } else {
                    configs.put(k, v);
                }
            });
        } else if (action instanceof Action.ElectPreferredLeaders a) {
            if (a.topic() != null) {
                n.put("topic", a.topic());
            }
        } else if (action instanceof Action.DeleteTopic a) {
            n.put("name", a.name());
        } else if (action instanceof Action.RegisterProducer a) {
            node(n, "broker", a.broker());
        } else if (action instanceof Action.Feed a) {
            feed(n, a);
        } else if (action instanceof Action.SetSpeed a) {
            number(n, "speed", a.speed());
        } else if (action instanceof Action.SplitVote a) {
            if (a.nodes() != null) {
                ArrayNode members = n.putArray("nodes");
                a.nodes().forEach(r -> members.add(r.text()));
            }
        } else if (action instanceof Action.DropMessage a) {
            node(n, "from", a.from());
            node(n, "to", a.to());
            n.put("kind", a.kind().label());
        } else {
            throw new IllegalStateException("no JSON for " + action);
        }
        return n;
    }

    private static void feed(ObjectNode n, Action.Feed a) {
        n.put("topic", a.topic());
        if (a.records() instanceof Action.FromFile f) {
            n.put("file", f.file());
            n.put("spec", f.spec());
        } else if (a.records() instanceof Action.Generated g) {
            n.put("count", g.count());
            n.put("keys", g.keys());
        } else {
            throw new IllegalStateException("no JSON for the records of " + a.records());
        }
        n.put("acks", a.acks().label());
        number(n, "rate", a.rate());
        node(n, "via", a.via());
        if (a.idempotence() != null) {
            n.put("idempotence", a.idempotence());
        }
    }

    private static void split(ObjectNode n, Action.Split split) {
        if (split instanceof Action.Groups g) {
            ArrayNode groups = n.putArray("groups");
            for (List<NodeRef> group : g.groups()) {
                ArrayNode members = groups.addArray();
                group.forEach(r -> members.add(r.text()));
            }
        } else if (split instanceof Action.MajorityMinority m) {
            n.put("preset", "majorityMinority");
            if (m.minority() != null) {
                ArrayNode members = n.putArray("minority");
                m.minority().forEach(r -> members.add(r.text()));
            }
        } else if (split instanceof Action.MajoritiesRing) {
            n.put("preset", "majoritiesRing");
        } else if (split instanceof Action.Bridge b) {
            n.put("preset", "bridge");
            node(n, "node", b.node());
        } else {
            throw new IllegalStateException("no JSON for " + split);
        }
    }

    private static void node(ObjectNode n, String field, NodeRef ref) {
        if (ref != null) {
            n.put(field, ref.text());
        }
    }

    private static void flag(ObjectNode n, String field, boolean value) {
        if (value) {
            n.put(field, true);
        }
    }

    /** As a JSON reader gives it back: an int when it fits, else a long. */
    private static void whole(ObjectNode n, String field, Long value) {
        if (value == null) {
            return;
        }
        if (value == value.intValue()) {
            n.put(field, value.intValue());
        } else {
            n.put(field, value.longValue());
        }
    }

    /** A whole number is written without a fraction (20, not 20.0), as a person would write it. */
    private static void number(ObjectNode n, String field, Double value) {
        if (value == null) {
            return;
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            whole(n, field, value.longValue());
        } else {
            n.put(field, value);
        }
    }
}
