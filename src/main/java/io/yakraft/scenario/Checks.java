package io.yakraft.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yakraft.cluster.Cluster;
import io.yakraft.cluster.TopicIds;
import io.yakraft.data.FeedStatus;
import io.yakraft.data.ReplicaView;
import io.yakraft.data.TopicPartition;
import io.yakraft.metadata.BrokerRegistration;
import io.yakraft.metadata.PartitionRegistration;
import io.yakraft.metadata.TopicImage;
import io.yakraft.sim.NodeStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Evaluates a {@link Check} against the cluster now; the message says what was seen either way. */
final class Checks {
    record Outcome(boolean passed, String message) {
    }

    private Checks() {
    }

    /** {@code answers}: the controller's answers to the scenario's commands so far (for "answered"). */
    static Outcome evaluate(Check check, Cluster c, List<String> answers) {
        ObjectNode a = check.args();
        if (check.name().equals("answered")) {
            String text = a.get("text").asText();
            for (String answer : answers) {
                if (answer.contains(text)) {
                    return of(true, answer);
                }
            }
            return of(false, "no answer mentions '" + text + "' yet (answers: " + answers + ")");
        }
        int leader = c.leaderId();
        switch (check.name()) {
            case "leaderElected": {
                int min = a.path("minEpoch").asInt(0);
                boolean ok = leader >= 0 && c.epochOf(leader) >= min;
                return of(ok, (leader >= 0 ? "n" + leader + " leads epoch " + c.epochOf(leader) : "no leader")
                        + (min > 0 ? ", expected a leader in epoch " + min + " or later" : ""));
            }
            case "leaderIs": {
                int want = node(a, "node", c);
                return of(leader == want && want >= 0, "leader is " + name(leader) + ", expected " + name(want));
            }
            case "noLeaderAmong": {
                List<Integer> nodes = nodes(a.get("nodes"), c);
                return of(!nodes.contains(leader), "leader is " + name(leader) + "; checked " + names(nodes));
            }
            case "votersAre": {
                // The voter set the leader's log ends with, committed: a change counts once it commits.
                List<Integer> want = nodes(a.get("nodes"), c).stream().sorted().toList();
                List<Integer> committed = java.util.Arrays.stream(c.committedVoters().ids()).boxed().toList();
                List<Integer> latest = java.util.Arrays.stream(c.currentVoters().ids()).boxed().toList();
                return of(committed.equals(want) && latest.equals(want), "committed voters " + names(committed)
                        + (latest.equals(committed) ? "" : ", latest (uncommitted) " + names(latest)) + "; expected " + names(want));
            }
            case "epochAtLeast":
            case "epochIs": {
                int epoch = maxEpoch(c);
                long want = a.get("value").asLong();
                boolean ok = check.name().equals("epochIs") ? epoch == want : epoch >= want;
                return of(ok, "highest epoch " + epoch + (check.name().equals("epochIs") ? ", expected " : ", expected at least ") + want);
            }
            case "roleIs": {
                int n = node(a, "node", c);
                String role = n < 0 ? "none" : c.view(n).displayRole();
                return of(role.equalsIgnoreCase(a.get("role").asText()), name(n) + " is " + role + ", expected " + a.get("role").asText());
            }
            case "anyNodeIs": {
                String want = a.get("role").asText();
                List<String> seen = new ArrayList<>();
                for (int n : c.allIds()) {
                    String role = c.view(n).displayRole();
                    if (role.equalsIgnoreCase(want)) {
                        return of(true, name(n) + " is " + role);
                    }
                    seen.add(name(n) + " " + role);
                }
                return of(false, "no node is " + want + " (" + String.join(", ", seen) + ")");
            }
            case "committedAtLeast": {
                long hw = leader < 0 ? -1 : c.logRange(leader).highWatermark();
                return of(hw >= a.get("value").asLong(), "leader's high watermark " + hw + ", expected at least " + a.get("value").asLong());
            }
            case "highWatermarkAtLeast":
            case "highWatermarkIs": {
                int n = node(a, "node", c);
                long hw = n < 0 ? -1 : c.view(n).highWatermark();
                long want = a.get("value").asLong();
                boolean ok = check.name().endsWith("Is") ? hw == want : hw >= want;
                return of(ok, name(n) + "'s high watermark " + hw + ", expected " + (ok || check.name().endsWith("Is") ? "" : "at least ") + want);
            }
            case "logsConverged": {
                if (leader < 0) {
                    return of(false, "no leader");
                }
                // the newest NoOpRecords may still be on their way: the rest is what must agree
                long end = io.yakraft.check.Runner.settledEnd(c, leader, c.logRange(leader).endOffset());
                List<String> behind = new ArrayList<>();
                for (int id : c.allIds()) {
                    if (c.status(id) == NodeStatus.UP && (c.view(id).highWatermark() < end || c.view(id).logEndOffset() < end)) {
                        behind.add("n" + id);
                    }
                }
                return of(behind.isEmpty(), behind.isEmpty() ? "every live node holds and has committed " + end + " entries"
                        : "behind the leader's " + end + ": " + behind);
            }
            case "imagesConverged": {
                String hash = null;
                for (int id : c.allIds()) {
                    if (c.status(id) != NodeStatus.DOWN) {
                        String h = c.image(id).sha256();
                        if (hash != null && !hash.equals(h)) {
                            return of(false, "n" + id + "'s image differs");
                        }
                        hash = h;
                    }
                }
                return of(true, "every live node holds image " + (hash == null ? "-" : hash.substring(0, 12)));
            }
            case "brokerRegistered":
            case "brokerFenced":
            case "brokerUnfenced": {
                int b = node(a, "broker", c);
                BrokerRegistration reg = c.committedImage().brokers().get(b);
                String state = reg == null ? "not registered" : reg.fenced() ? "fenced" : "unfenced";
                boolean ok = switch (check.name()) {
                    case "brokerRegistered" -> reg != null;
                    case "brokerFenced" -> reg != null && reg.fenced();
                    default -> reg != null && !reg.fenced();
                };
                return of(ok, "b" + b + " is " + state + " in the leader's image");
            }
            case "topicOnAllNodes": {
                String t = a.get("topic").asText();
                List<String> missing = new ArrayList<>();
                for (int id : c.allIds()) {
                    if (c.status(id) != NodeStatus.DOWN && !c.image(id).topics().containsKey(t)) {
                        missing.add("n" + id);
                    }
                }
                return of(missing.isEmpty(), missing.isEmpty() ? "every live node sees topic " + t : "topic " + t + " not yet on " + missing);
            }
            case "topicAbsent": {
                String t = a.get("topic").asText();
                boolean present = c.committedImage().topics().containsKey(t);
                return of(!present, "topic " + t + (present ? " exists" : " does not exist") + " in the leader's image");
            }
            case "partitionLeaderIs":
            case "partitionLeaderIsNot":
            case "isrSizeIs": {
                PartitionRegistration p = partition(c, a.get("topic").asText(), a.get("partition").asInt());
                String where = a.get("topic").asText() + "-" + a.get("partition").asInt();
                if (p == null) {
                    return of(false, "no partition " + where);
                }
                if (check.name().equals("isrSizeIs")) {
                    return of(p.isr().size() == a.get("size").asInt(), where + " ISR " + p.isr() + ", expected size " + a.get("size").asInt());
                }
                String actual = p.hasLeader() ? "b" + p.leader() : "none";
                if (check.name().equals("partitionLeaderIsNot")) {
                    int b = node(a, "broker", c);
                    return of(p.leader() != b, where + " is led by " + actual + ", expected anyone but b" + b);
                }
                String want = a.get("broker").asText();
                boolean ok = want.equals("none") ? !p.hasLeader() : p.leader() == c.resolve(NodeNames.parse(want));
                return of(ok, where + " is led by " + actual + ", expected " + want);
            }
            case "truncated": {
                int n = node(a, "node", c);
                int count = n < 0 ? 0 : c.logView(n).truncations(); // not snapshot(): waits poll this every 10 ms
                return of(count > 0, name(n) + " truncated its log " + count + " time(s)");
            }
            case "logStartAtLeast": {
                int n = node(a, "node", c);
                long start = n < 0 ? -1 : c.logRange(n).startOffset();
                return of(start >= a.get("value").asLong(), name(n) + "'s log starts at " + start + ", expected at least " + a.get("value").asLong());
            }
            case "fed":
                return fed(a, c);
            case "replicasInSync":
                return replicasInSync(a.get("topic").asText(), c);
            case "violated": {
                // a lesson about a broken variant proves the rule it drops really breaks
                String rule = a.path("rule").asText("");
                for (String v : c.violations()) {
                    if (v.startsWith(rule)) {
                        return of(true, v);
                    }
                }
                return of(false, "no violation" + (rule.isEmpty() ? "" : " of " + rule) + " yet"
                        + (c.violations().isEmpty() ? "" : " (seen: " + c.violations().get(0) + ")"));
            }
            case "invariantsHold":
                return of(c.violations().isEmpty(), c.violations().isEmpty() ? "all invariants hold" : c.violations().get(0));
            default:
                throw new IllegalArgumentException("unknown check " + check.name()); // the reader rejects these first
        }
    }

    private static Outcome of(boolean passed, String message) {
        return new Outcome(passed, message);
    }

    private static int node(ObjectNode a, String field, Cluster c) {
        return c.resolve(NodeNames.parse(a.get(field).asText()));
    }

    private static List<Integer> nodes(JsonNode refs, Cluster c) {
        List<Integer> out = new ArrayList<>();
        refs.forEach(r -> out.add(c.resolve(NodeNames.parse(r.asText()))));
        return out;
    }

    private static String name(int id) {
        return id < 0 ? "nobody" : "n" + id;
    }

    private static String names(List<Integer> ids) {
        return ids.stream().map(Checks::name).toList().toString();
    }

    private static int maxEpoch(Cluster c) {
        int e = 0;
        for (int v : c.voterIds()) {
            e = Math.max(e, c.view(v).epoch());
        }
        return e;
    }

    private static PartitionRegistration partition(Cluster c, String topic, int partition) {
        TopicImage t = c.committedImage().topics().get(topic);
        return t == null ? null : t.partitions().get(partition);
    }

    /** A feed's tally: at least {@code acked} acknowledged and, if given, at most {@code failed} failed. */
    private static Outcome fed(ObjectNode a, Cluster c) {
        List<FeedStatus> feeds = c.feeds();
        if (feeds.isEmpty()) {
            return of(false, "no feed has started");
        }
        int id = a.has("feed") ? a.get("feed").asInt() : feeds.get(feeds.size() - 1).id();
        FeedStatus f = feeds.stream().filter(s -> s.id() == id).findFirst().orElse(null);
        if (f == null) {
            return of(false, "no feed " + id + " (feeds 1 to " + feeds.size() + ")");
        }
        int atLeast = a.get("acked").asInt();
        int atMost = a.path("failed").asInt(Integer.MAX_VALUE);
        boolean ok = f.acked() >= atLeast && f.failed() <= atMost;
        StringBuilder m = new StringBuilder("feed " + id + ": " + f.acked() + " of " + f.total() + " acknowledged, "
                + f.failed() + " failed, " + f.retries() + (f.retries() == 1 ? " retry" : " retries"));
        if (f.sentWithoutAck() > 0) {
            m.append(", ").append(f.sentWithoutAck()).append(" sent without an answer (acks=0)");
        }
        if (!ok) {
            m.append("; expected at least ").append(atLeast).append(" acknowledged")
                    .append(a.has("failed") ? " and at most " + atMost + " failed" : "");
            if (!f.lastError().isEmpty()) {
                m.append("; last error: ").append(f.lastError());
            }
        }
        return of(ok, m.toString());
    }

    /**
     * Every partition of the topic: each live replica in its ISR (per the committed image) has
     * the leader's log end offset and high watermark.
     */
    private static Outcome replicasInSync(String topic, Cluster c) {
        TopicImage t = c.committedImage().topics().get(topic);
        if (t == null) {
            return of(false, "no topic " + topic + " in the leader's image");
        }
        List<String> ends = new ArrayList<>();
        for (Map.Entry<Integer, PartitionRegistration> e : t.partitions().entrySet()) {
            TopicPartition tp = TopicIds.partition(t, e.getKey());
            PartitionRegistration p = e.getValue();
            if (!p.hasLeader()) {
                return of(false, tp + " has no leader (ISR " + p.isr() + ")");
            }
            int leader = p.leader();
            ReplicaView lead = c.status(leader) == NodeStatus.DOWN ? null : c.replicas(leader).get(tp);
            if (lead == null) {
                return of(false, tp + ": its leader b" + leader + (c.status(leader) == NodeStatus.DOWN ? " is down" : " holds no replica yet"));
            }
            for (int b : p.isr()) {
                if (b == leader || c.status(b) == NodeStatus.DOWN) {
                    continue;
                }
                ReplicaView r = c.replicas(b).get(tp);
                if (r == null) {
                    return of(false, tp + ": b" + b + " is in the ISR " + p.isr() + " but holds no replica yet");
                }
                if (r.logEndOffset() != lead.logEndOffset() || r.highWatermark() != lead.highWatermark()) {
                    boolean behind = r.logEndOffset() <= lead.logEndOffset() && r.highWatermark() <= lead.highWatermark();
                    return of(false, tp + ": b" + b + (behind ? " is behind" : " differs from") + " leader b" + leader
                            + " (log end " + r.logEndOffset() + ", high watermark " + r.highWatermark() + "; leader's "
                            + lead.logEndOffset() + ", " + lead.highWatermark() + ")");
                }
            }
            ends.add(tp + " " + lead.logEndOffset() + "/" + lead.highWatermark() + " ISR " + p.isr());
        }
        return of(true, "every live ISR replica matches its leader (log end/high watermark): " + String.join(", ", ends));
    }
}
