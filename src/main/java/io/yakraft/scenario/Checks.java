package io.yakraft.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yakraft.cluster.Cluster;
import io.yakraft.metadata.BrokerRegistration;
import io.yakraft.metadata.PartitionRegistration;
import io.yakraft.metadata.TopicImage;
import io.yakraft.sim.NodeStatus;

import java.util.ArrayList;
import java.util.List;

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
                boolean ok = leader >= 0 && c.raft(leader).epoch() >= min;
                return of(ok, (leader >= 0 ? "n" + leader + " leads epoch " + c.raft(leader).epoch() : "no leader")
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
            case "committedAtLeast": {
                long hw = leader < 0 ? -1 : c.raft(leader).highWatermark();
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
                long end = c.raft(leader).log().endOffset();
                List<String> behind = new ArrayList<>();
                for (int id : c.allIds()) {
                    if (c.status(id) == NodeStatus.UP && (c.view(id).highWatermark() != end || c.view(id).logEndOffset() != end)) {
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
                boolean ok = want.equals("none") ? !p.hasLeader() : p.leader() == NodeRef.resolve(want, c);
                return of(ok, where + " is led by " + actual + ", expected " + want);
            }
            case "truncated": {
                int n = node(a, "node", c);
                int count = n < 0 ? 0 : c.logView(n).truncations(); // not snapshot(): waits poll this every 10 ms
                return of(count > 0, name(n) + " truncated its log " + count + " time(s)");
            }
            case "logStartAtLeast": {
                int n = node(a, "node", c);
                long start = n < 0 ? -1 : c.disk(n).log().startOffset();
                return of(start >= a.get("value").asLong(), name(n) + "'s log starts at " + start + ", expected at least " + a.get("value").asLong());
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
        return NodeRef.resolve(a.get(field).asText(), c);
    }

    private static List<Integer> nodes(JsonNode refs, Cluster c) {
        List<Integer> out = new ArrayList<>();
        refs.forEach(r -> out.add(NodeRef.resolve(r.asText(), c)));
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

}
