package io.yakraft.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yakraft.cluster.BrokerIdentity;
import io.yakraft.cluster.Cluster;
import io.yakraft.data.Acks;
import io.yakraft.data.Feed;
import io.yakraft.data.FeedRecord;
import io.yakraft.data.FeedRequest;
import io.yakraft.ingest.FeedSource;
import io.yakraft.ingest.PipelineSpec;
import io.yakraft.metadata.ControllerCommand;
import io.yakraft.metadata.ControllerReply;
import io.yakraft.sim.LinkConfig;
import io.yakraft.sim.NodeStatus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Carries out a step's action on the cluster, as the window's controls do. Controller commands
 * are answered later; {@code answers} hears each answer as a line ("createTopic orders: NONE").
 */
final class Actions {
    private Actions() {
    }

    /**
     * Schedules the step's action as a timed input at the cluster's current time, traced under the
     * step's description: the one way actions enter a run, whether a scenario plays them, a person
     * clicks, or a recording replays them, so all three give the same trace. {@code outcome} hears
     * what happened in words once the input runs.
     */
    static void asInput(Step step, Cluster c, Consumer<String> answers, Consumer<ControllerReply> replies,
                        Consumer<String> outcome) {
        c.at(c.now(), step.describe(), cl -> outcome.accept(apply(step, cl, answers, replies)));
    }

    /** Applies the action now; returns what happened, in words. {@code replies} hears each controller answer. */
    private static String apply(Step step, Cluster c, Consumer<String> answers, Consumer<ControllerReply> replies) {
        ObjectNode a = step.args();
        switch (step.action()) {
            case "caption":
                return "caption: " + a.get("text").asText();
            case "kill":
                return onNode(a, "node", c, "kill", c::crash);
            case "restart":
                return onNode(a, "node", c, "restart", id -> c.restart(id, a.path("emptyDisk").asBoolean(false)));
            case "pause":
                return onNode(a, "node", c, "pause", c::pause);
            case "resume":
                return onNode(a, "node", c, "resume", c::resume);
            case "forceTimeout":
                return onNode(a, "node", c, "force the timeout of", c::forceTimeout);
            case "resign":
                return a.has("node") ? onNode(a, "node", c, "make resign", c::resign) : onLeader(c);
            case "compact":
                return onNode(a, "node", c, "compact", c::compact);
            case "isolate":
                return onNode(a, "node", c, "isolate", c::isolate);
            case "partition":
                return partition(a, c);
            case "cut": {
                int from = NodeRef.resolve(a.get("from").asText(), c);
                int to = NodeRef.resolve(a.get("to").asText(), c);
                if (from < 0 || to < 0) {
                    return "cut: no such node now";
                }
                if (a.path("oneWay").asBoolean(false)) {
                    c.cut(from, to);
                    return "cut n" + from + "→n" + to;
                }
                c.cutBoth(from, to);
                return "cut n" + from + "⇄n" + to;
            }
            case "heal":
                if (a.has("from") && a.has("to")) {
                    int from = NodeRef.resolve(a.get("from").asText(), c);
                    int to = NodeRef.resolve(a.get("to").asText(), c);
                    c.heal(from, to);
                    c.heal(to, from);
                    return "healed n" + from + "⇄n" + to;
                }
                c.healAll();
                c.simulation().network().clearOverrides();
                return "healed every link";
            case "network": {
                LinkConfig d = c.simulation().network().defaults();
                LinkConfig n = new LinkConfig(a.path("minLatencyMs").asLong(d.minLatencyMs()),
                        a.path("maxLatencyMs").asLong(d.maxLatencyMs()), a.path("loss").asDouble(d.lossProbability()),
                        a.path("duplication").asDouble(d.duplicateProbability()));
                c.setLinkDefaults(n);
                return "network " + n;
            }
            case "write": {
                int count = a.path("count").asInt(1);
                List<String> writes = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    writes.add("write-" + step.index() + "-" + i);
                }
                long offset = c.propose(writes);
                return offset < 0 ? "write: no leader to take it" : count + " client write(s) appended at " + offset;
            }
            case "registerBroker": {
                int id = a.get("id").asInt();
                try {
                    c.addBroker(id, new BrokerIdentity(a.path("host").asText("broker-" + id), a.path("port").asInt(9092),
                            a.path("rack").asText(null)));
                    return "broker b" + id + " started";
                } catch (IllegalArgumentException e) {
                    return "registerBroker: " + e.getMessage();
                }
            }
            case "unregisterBroker":
                return command(new ControllerCommand.UnregisterBroker(NodeRef.resolve(a.get("broker").asText(), c)), c, answers, replies);
            case "createTopic":
                return command(new ControllerCommand.CreateTopic(a.get("name").asText(), a.path("partitions").asInt(1),
                        a.path("rf").asInt(1)), c, answers, replies);
            case "createPartitions":
                return command(new ControllerCommand.CreatePartitions(a.get("topic").asText(), a.get("total").asInt()), c, answers,
                        replies);
            case "deleteTopic":
                return command(new ControllerCommand.DeleteTopic(a.get("name").asText()), c, answers, replies);
            case "registerProducer": {
                int b = NodeRef.resolve(a.get("broker").asText(), c);
                boolean sent = b >= 0 && c.requestProducerIds(b, r -> {
                    answers.accept("registerProducer b" + b + ": " + words(r));
                    replies.accept(r);
                });
                return sent ? "b" + b + " asks for producer ids" : "registerProducer: b" + b + " is down or not registered";
            }
            case "feed":
                return feed(a, c);
            case "setSpeed":
                return "speed " + a.get("speed").asDouble() + "×";
            default:
                throw new IllegalArgumentException("unknown action " + step.action()); // the reader rejects these first
        }
    }

    /**
     * Starts a feed: the records of {@code file} run through {@code spec} (paths as the reader
     * resolved them), else {@code count} synthetic records over {@code keys} keys; acks "all"
     * unless told, {@code rate} records per simulated second (default 20, 0 as fast as possible),
     * the producer beside {@code via} if given.
     */
    private static String feed(ObjectNode a, Cluster c) {
        String topic = a.get("topic").asText();
        List<FeedRecord> records;
        String source;
        try {
            if (a.has("file")) {
                if (!a.has("spec")) {
                    return "feed: a file needs its pipeline spec (\"spec\")";
                }
                FeedSource.Prepared p = FeedSource.prepare(Path.of(a.get("file").asText()), Path.of(a.get("spec").asText()),
                        (rows, bytes) -> { });
                records = p.records();
                source = a.get("file").asText() + " (" + p.report().clean() + " clean of " + p.report().read() + " read)";
            } else {
                records = FeedSource.synthetic(a.path("count").asInt(100), a.path("keys").asInt(16));
                source = records.size() + " generated records";
            }
            Acks acks = Acks.parse(a.path("acks").asText("all"));
            int via = a.has("via") ? NodeRef.resolve(a.get("via").asText(), c) : -1;
            Feed f = c.feed(new FeedRequest(topic, records, acks, a.path("rate").asDouble(20), via));
            return "feed " + f.id() + ": " + source + " into '" + topic + "' with acks=" + acks.label();
        } catch (java.io.IOException | PipelineSpec.SpecException | IllegalArgumentException e) {
            return "feed: " + e.getMessage();
        }
    }

    private static String command(ControllerCommand command, Cluster c, Consumer<String> answers,
                                  Consumer<ControllerReply> replies) {
        c.submit(command, r -> {
            answers.accept(command.describe() + ": " + words(r));
            replies.accept(r);
        });
        return command.describe() + " sent to the active controller";
    }

    private static String words(ControllerReply r) {
        return r.ok() ? "ok" : r.error() + " (" + r.message() + ")";
    }

    private static String onNode(ObjectNode a, String field, Cluster c, String verb, Consumer<Integer> act) {
        String ref = a.get(field).asText();
        int id = NodeRef.resolve(ref, c);
        if (id < 0 || !c.allIds().contains(id)) {
            return verb + " " + ref + ": nobody holds that role now";
        }
        act.accept(id);
        return verb + " n" + id + (ref.startsWith("n") || Character.isDigit(ref.charAt(0)) ? "" : " (" + ref + ")");
    }

    private static String onLeader(Cluster c) {
        int l = c.leaderId();
        if (l < 0) {
            return "resign: no leader";
        }
        c.resign(l);
        return "leader n" + l + " resigns";
    }

    private static String partition(ObjectNode a, Cluster c) {
        if (a.has("groups")) {
            List<List<Integer>> groups = new ArrayList<>();
            for (JsonNode g : a.get("groups")) {
                List<Integer> ids = new ArrayList<>();
                g.forEach(n -> ids.add(NodeRef.resolve(n.asText(), c)));
                groups.add(ids);
            }
            for (int i = 0; i < groups.size(); i++) {
                for (int j = i + 1; j < groups.size(); j++) {
                    for (int x : groups.get(i)) {
                        for (int y : groups.get(j)) {
                            c.cutBoth(x, y);
                        }
                    }
                }
            }
            return "partitioned into " + groups;
        }
        String preset = a.path("preset").asText("majorityMinority");
        switch (preset) {
            case "majorityMinority": {
                List<Integer> minority = new ArrayList<>();
                if (a.has("minority")) {
                    a.get("minority").forEach(n -> minority.add(NodeRef.resolve(n.asText(), c)));
                } else {
                    int l = c.leaderId();
                    if (l >= 0) {
                        minority.add(l);
                    }
                    for (int v : c.voterIds()) {
                        if (minority.size() < (c.voterIds().length - 1) / 2 && v != l && c.status(v) != NodeStatus.DOWN) {
                            minority.add(v);
                        }
                    }
                }
                c.splitMajorityMinority(minority);
                return "minority " + minority + " cut off from the majority";
            }
            case "majoritiesRing":
                c.majoritiesRing();
                return "majorities ring";
            case "bridge": {
                int b = NodeRef.resolve(a.path("node").asText("a follower"), c);
                c.bridge(b);
                return "bridge through n" + b;
            }
            default:
                return "partition: unknown preset '" + preset + "' (majorityMinority, majoritiesRing, bridge)";
        }
    }
}
