package io.yakraft.kafka.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yakraft.cluster.NodeRef;
import io.yakraft.kafka.KafkaObservation;
import io.yakraft.kafka.PacedFeed;
import io.yakraft.scenario.Check;
import io.yakraft.scenario.NodeNames;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates a scenario's check on one observation of a real cluster (describeMetadataQuorum, describeCluster,
 * describeTopics), in the simulator's words and node names. Epochs are counted as the lesson counts them: the
 * simulation's first leader leads epoch 1, a real cluster's first leader may lead a later one (an election lost
 * to timing while six JVMs start), so {@code epochOffset} (the real epoch at the run's start minus 1) is taken off.
 */
final class RealChecks {
    /** A replica that caught up with the leader this recently counts as having the leader's log (Kafka's own notion). */
    static final long CAUGHT_UP_WITHIN_MS = 2_500;

    record Outcome(boolean passed, String message) {
    }

    private RealChecks() {
    }

    /** The state a check looks at: the observation, which node processes run, names, answers and feeds so far. */
    record Context(KafkaObservation o, Set<Integer> running, List<Integer> controllers, List<Integer> brokers, NodeAliases aliases,
                   List<String> answers, List<PacedFeed> feeds, long epochOffset) {
    }

    static Outcome evaluate(Check check, Context c) {
        ObjectNode a = check.args();
        Optional<KafkaObservation.Quorum> q = c.o().quorum().value();
        switch (check.name()) {
            case "answered": {
                String text = a.get("text").asText();
                return c.answers().stream().filter(x -> x.contains(text)).findFirst().map(x -> of(true, x))
                        .orElseGet(() -> of(false, "no answer mentions '" + text + "' yet (answers: " + c.answers() + ")"));
            }
            case "leaderElected": {
                if (q.isEmpty() || q.get().leaderId() < 0) {
                    return of(false, "no leader: " + (q.isEmpty() ? c.o().quorum().error() : "the quorum names none"));
                }
                long epoch = q.get().leaderEpoch() - c.epochOffset();
                int min = a.path("minEpoch").asInt(0);
                return of(epoch >= min, c.aliases().describe(c.aliases().sim(q.get().leaderId())) + " leads " + epochWords(q.get().leaderEpoch(), c)
                        + (min > 0 ? ", expected epoch " + min + " or later" : ""));
            }
            case "leaderIs": {
                int want = sim(a, "node");
                if (q.isEmpty() || q.get().leaderId() < 0) {
                    return of(false, "no leader, expected " + NodeAliases.name(want));
                }
                boolean ok = isBound(a.get("node").asText()) ? c.aliases().bind(want, q.get().leaderId())
                        : c.aliases().real(want) == q.get().leaderId();
                return of(ok, "leader is " + c.aliases().describe(c.aliases().sim(q.get().leaderId())) + ", expected " + NodeAliases.name(want));
            }
            case "noLeaderAmong": {
                List<Integer> names = new ArrayList<>();
                a.get("nodes").forEach(n -> names.add(simId(n.asText())));
                if (q.isEmpty() || q.get().leaderId() < 0) {
                    return of(true, "no controller answers as leader (" + (q.isEmpty() ? c.o().quorum().error() : "none named") + "); checked " + names(names, c));
                }
                int leader = q.get().leaderId();
                boolean among = names.stream().anyMatch(n -> c.aliases().real(n) == leader);
                if (among && !c.running().contains(leader)) {
                    return of(true, "the last known leader " + c.aliases().describe(c.aliases().sim(leader)) + " is dead and no other controller leads yet");
                }
                return of(!among, "leader is " + c.aliases().describe(c.aliases().sim(leader)) + "; checked " + names(names, c));
            }
            case "votersAre": {
                // describeMetadataQuorum lists the leader's voter set: the latest, which Kafka commits before the next change
                java.util.TreeSet<Integer> want = new java.util.TreeSet<>();
                a.get("nodes").forEach(n -> want.add(c.aliases().real(simId(n.asText()))));
                if (q.isEmpty() || q.get().leaderId() < 0) {
                    return of(false, "no leader to list the voters: " + (q.isEmpty() ? c.o().quorum().error() : "the quorum names none"));
                }
                java.util.TreeSet<Integer> voters = new java.util.TreeSet<>(q.get().voters().stream().map(KafkaObservation.Replica::id).toList());
                return of(voters.equals(want), "voters " + voters.stream().map(id -> c.aliases().describe(c.aliases().sim(id))).toList()
                        + " (describeMetadataQuorum); expected " + want.stream().map(id -> c.aliases().describe(c.aliases().sim(id))).toList());
            }
            case "epochAtLeast":
            case "epochIs": {
                if (q.isEmpty()) {
                    return of(false, "the quorum does not answer: " + c.o().quorum().error());
                }
                long epoch = q.get().leaderEpoch() - c.epochOffset();
                long want = a.get("value").asLong();
                boolean exact = check.name().equals("epochIs");
                return of(exact ? epoch == want : epoch >= want, epochWords(q.get().leaderEpoch(), c)
                        + (exact ? ", expected " : ", expected at least ") + want);
            }
            case "committedAtLeast": {
                if (q.isEmpty() || q.get().leaderId() < 0) {
                    return of(false, "no leader to ask: " + c.o().quorum().error());
                }
                long want = a.get("value").asLong();
                return of(q.get().highWatermark() >= want, "the metadata log's high watermark is " + q.get().highWatermark()
                        + ", expected at least " + want + " (a real log also holds Kafka's own records: feature levels, registrations, a NoOpRecord every 500 ms)");
            }
            case "logsConverged":
            case "imagesConverged":
                return converged(check.name().equals("imagesConverged"), c);
            case "brokerRegistered":
            case "brokerFenced":
            case "brokerUnfenced": {
                int b = sim(a, "broker");
                if (c.o().brokers().value().isEmpty()) {
                    return of(false, "describeCluster did not answer: " + c.o().brokers().error());
                }
                int real = c.aliases().real(b);
                Optional<KafkaObservation.Broker> reg = c.o().brokers().value().get().stream().filter(x -> x.id() == real).findFirst();
                String state = reg.isEmpty() ? "not registered" : reg.get().fenced() ? "fenced" : "unfenced";
                boolean ok = switch (check.name()) {
                    case "brokerRegistered" -> reg.isPresent();
                    case "brokerFenced" -> reg.isPresent() && reg.get().fenced();
                    default -> reg.isPresent() && !reg.get().fenced();
                };
                return of(ok, c.aliases().describe(b) + " is " + state + " (describeCluster, fenced brokers included)");
            }
            case "topicOnAllNodes":
                return topicOnAllNodes(a.get("topic").asText(), c);
            case "topicAbsent": {
                String t = a.get("topic").asText();
                if (c.o().topics().value().isEmpty()) {
                    return of(false, "the topics could not be listed: " + c.o().topics().error());
                }
                boolean present = topic(c, t).isPresent();
                return of(!present, "topic " + t + (present ? " exists" : " does not exist"));
            }
            case "partitionLeaderIs":
            case "partitionLeaderIsNot":
            case "isrSizeIs":
                return partitionCheck(check.name(), a, c);
            case "fed":
                return fed(a, c);
            case "replicasInSync":
                return replicasInSync(a.get("topic").asText(), c);
            default:
                throw new IllegalArgumentException("check " + check.name() + " has no real-cluster form: "
                        + RealCheckSupport.unsupported(check.name()).orElse("unknown check"));
        }
    }

    private static String epochWords(long realEpoch, Context c) {
        return c.epochOffset() == 0 ? "epoch " + realEpoch
                : "real epoch " + realEpoch + " (epoch " + (realEpoch - c.epochOffset()) + " as the lesson counts: this cluster's first leader led epoch "
                + (1 + c.epochOffset()) + ")";
    }

    private static Outcome converged(boolean images, Context c) {
        Optional<KafkaObservation.Quorum> q = c.o().quorum().value();
        if (q.isEmpty() || q.get().leaderId() < 0) {
            return of(false, "no leader: " + c.o().quorum().error());
        }
        List<KafkaObservation.Replica> replicas = new ArrayList<>(q.get().voters());
        replicas.addAll(q.get().observers());
        List<String> behind = new ArrayList<>();
        List<Integer> nodes = new ArrayList<>(c.controllers());
        nodes.addAll(c.brokers());
        for (int id : nodes) {
            if (!c.running().contains(id) || id == q.get().leaderId()) {
                continue;
            }
            Optional<KafkaObservation.Replica> r = replicas.stream().filter(x -> x.id() == id).findFirst();
            if (r.isEmpty() || r.get().lastCaughtUpMs() < c.o().observedAtMs() - CAUGHT_UP_WITHIN_MS) {
                behind.add(c.aliases().describe(c.aliases().sim(id)) + (r.isEmpty() ? " (not fetching)" : " (log end " + r.get().logEndOffset() + ")"));
            }
        }
        String what = images ? "every running node has caught up with the metadata log, so it holds the same image (Kafka shows no image digest; the image is a function of the log)"
                : "every running node caught up with the leader's log within " + CAUGHT_UP_WITHIN_MS + " ms (describeMetadataQuorum's lastCaughtUpTimestamp)";
        return of(behind.isEmpty(), behind.isEmpty() ? what + "; high watermark " + q.get().highWatermark()
                : "behind the leader's high watermark " + q.get().highWatermark() + ": " + behind);
    }

    private static Outcome topicOnAllNodes(String t, Context c) {
        Optional<KafkaObservation.Topic> topic = topic(c, t);
        if (topic.isEmpty()) {
            return of(false, "topic " + t + " is not listed yet" + (c.o().topics().value().isEmpty() ? ": " + c.o().topics().error() : ""));
        }
        List<Integer> leaderless = topic.get().partitions().stream().filter(p -> p.leader() < 0).map(KafkaObservation.Partition::partition).toList();
        if (!leaderless.isEmpty()) {
            return of(false, "topic " + t + ": partitions " + leaderless + " have no leader yet");
        }
        Outcome caughtUp = converged(false, c);
        return of(caughtUp.passed(), caughtUp.passed() ? "topic " + t + " is described with a leader for each of its "
                + topic.get().partitions().size() + " partitions, and every running node has caught up with the metadata log that created it"
                : "topic " + t + " exists, but " + caughtUp.message());
    }

    private static Outcome partitionCheck(String name, ObjectNode a, Context c) {
        String t = a.get("topic").asText();
        int index = a.get("partition").asInt();
        String where = t + "-" + index;
        Optional<KafkaObservation.Partition> p = topic(c, t).flatMap(x -> x.partitions().stream().filter(y -> y.partition() == index).findFirst());
        if (p.isEmpty()) {
            return of(false, "no partition " + where + (c.o().topics().value().isEmpty() ? ": " + c.o().topics().error() : ""));
        }
        int leader = p.get().leader();
        String actual = leader < 0 ? "none" : c.aliases().describe(c.aliases().sim(leader));
        if (name.equals("isrSizeIs")) {
            int size = a.get("size").asInt();
            return of(p.get().isr().size() == size, where + " ISR " + names(p.get().isr().stream().map(c.aliases()::sim).toList(), c)
                    + ", expected size " + size);
        }
        if (name.equals("partitionLeaderIsNot")) {
            int b = sim(a, "broker");
            return of(leader != c.aliases().real(b), where + " is led by " + actual + ", expected anyone but " + c.aliases().describe(b));
        }
        String want = a.get("broker").asText();
        if (want.equals("none")) {
            return of(leader < 0, where + " is led by " + actual + ", expected none");
        }
        int b = simId(want);
        if (leader < 0) {
            return of(false, where + " has no leader, expected " + want);
        }
        boolean ok = isBound(want) ? c.aliases().bind(b, leader) : c.aliases().real(b) == leader;
        return of(ok, where + " is led by " + c.aliases().describe(c.aliases().sim(leader)) + ", expected " + want
                + (ok && b != leader ? " (Kafka's replica placer starts at a random broker: the lesson's " + want
                + " is real b" + leader + " in this run)" : ""));
    }

    private static Outcome fed(ObjectNode a, Context c) {
        if (c.feeds().isEmpty()) {
            return of(false, "no feed has started");
        }
        int id = a.has("feed") ? a.get("feed").asInt() : c.feeds().size();
        if (id < 1 || id > c.feeds().size()) {
            return of(false, "no feed " + id + " (feeds 1 to " + c.feeds().size() + ")");
        }
        PacedFeed.Progress f = c.feeds().get(id - 1).progress();
        long atLeast = a.get("acked").asLong();
        long atMost = a.path("failed").asLong(Long.MAX_VALUE);
        boolean ok = f.acked() >= atLeast && f.failed() <= atMost;
        String m = "feed " + id + " (a real KafkaProducer): " + f.acked() + " of " + f.total() + " acknowledged, " + f.failed() + " failed, "
                + f.sent() + " sent";
        if (!ok) {
            m += "; expected at least " + atLeast + " acknowledged" + (a.has("failed") ? " and at most " + atMost + " failed" : "")
                    + (f.firstError().isEmpty() ? "" : "; first error: " + f.firstError());
        }
        return of(ok, m);
    }

    /**
     * Every partition of the topic has a leader and every replica on a running, unfenced broker is in its ISR:
     * Kafka takes a follower into the ISR only once it has fetched up to the leader's high watermark (Admin shows
     * no follower's log end, so the ISR is the evidence).
     */
    private static Outcome replicasInSync(String t, Context c) {
        Optional<KafkaObservation.Topic> topic = topic(c, t);
        if (topic.isEmpty()) {
            return of(false, "no topic " + t);
        }
        List<Integer> unfenced = c.o().brokers().value().map(bs -> bs.stream().filter(b -> !b.fenced())
                .map(KafkaObservation.Broker::id).toList()).orElse(List.of());
        List<String> parts = new ArrayList<>();
        for (KafkaObservation.Partition p : topic.get().partitions()) {
            if (p.leader() < 0) {
                return of(false, t + "-" + p.partition() + " has no leader");
            }
            for (int r : p.replicas()) {
                if (c.running().contains(r) && unfenced.contains(r) && !p.isr().contains(r)) {
                    return of(false, t + "-" + p.partition() + ": " + c.aliases().describe(c.aliases().sim(r)) + " runs but is not in the ISR "
                            + names(p.isr().stream().map(c.aliases()::sim).toList(), c) + " yet");
                }
            }
            parts.add(t + "-" + p.partition() + " ISR " + names(p.isr().stream().map(c.aliases()::sim).toList(), c));
        }
        return of(true, "every running replica is in its partition's ISR (it fetched up to the leader's high watermark): " + String.join(", ", parts));
    }

    private static Optional<KafkaObservation.Topic> topic(Context c, String name) {
        return c.o().topics().value().flatMap(ts -> ts.stream().filter(t -> t.name().equals(name)).findFirst());
    }

    /** A check names a node by id ("b102", "n1"): its name in the scenario, as an integer. */
    private static int sim(ObjectNode a, String field) {
        return simId(a.get(field).asText());
    }

    static int simId(String text) {
        NodeRef ref = NodeNames.parse(text);
        if (ref instanceof NodeRef.Id id) {
            return id.id();
        }
        throw new IllegalArgumentException("a check on a real cluster names a node by id (n1, b101), got '" + text + "'");
    }

    /** Identity checks ("b102 leads payments-0") may bind a scenario's name to a real node (see {@link NodeAliases}). */
    private static boolean isBound(String text) {
        return NodeNames.parse(text) instanceof NodeRef.Id;
    }

    private static String names(List<Integer> ids, Context c) {
        return ids.stream().map(NodeAliases::name).toList().toString();
    }

    private static Outcome of(boolean passed, String message) {
        return new Outcome(passed, message);
    }

}
