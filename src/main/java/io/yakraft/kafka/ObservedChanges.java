package io.yakraft.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changed between two observations of a real cluster, in words for the window's history: a new
 * leader or epoch, a broker fenced or unfenced, appearing or gone, a topic created or deleted, the quorum
 * becoming unreachable or answering again. A real cluster has no recording to rewind: this list of what was
 * observed, when, is its timeline.
 */
public final class ObservedChanges {
    private ObservedChanges() {
    }

    public static List<String> between(KafkaObservation before, KafkaObservation after) {
        List<String> out = new ArrayList<>();
        quorum(before, after, out);
        brokers(before, after, out);
        topics(before, after, out);
        return out;
    }

    private static void quorum(KafkaObservation before, KafkaObservation after, List<String> out) {
        var a = before.quorum().value();
        var b = after.quorum().value();
        if (a.isPresent() && b.isEmpty()) {
            out.add("the quorum does not answer: " + after.quorum().error());
        } else if (a.isEmpty() && b.isPresent()) {
            out.add("the quorum answers: leader " + leader(b.get().leaderId()) + " in epoch " + b.get().leaderEpoch());
        } else if (a.isPresent()) {
            KafkaObservation.Quorum x = a.get();
            KafkaObservation.Quorum y = b.get();
            if (x.leaderId() != y.leaderId() || x.leaderEpoch() != y.leaderEpoch()) {
                out.add("leader " + leader(x.leaderId()) + " (epoch " + x.leaderEpoch() + ") → " + leader(y.leaderId())
                        + " (epoch " + y.leaderEpoch() + ")");
            }
            List<Integer> vx = x.voters().stream().map(KafkaObservation.Replica::id).toList();
            List<Integer> vy = y.voters().stream().map(KafkaObservation.Replica::id).toList();
            if (!vx.equals(vy)) {
                out.add("voters " + vx + " → " + vy);
            }
        }
    }

    private static String leader(int id) {
        return id < 0 ? "none" : String.valueOf(id);
    }

    private static void brokers(KafkaObservation before, KafkaObservation after, List<String> out) {
        if (before.brokers().value().isEmpty() || after.brokers().value().isEmpty()) {
            return;
        }
        Map<Integer, KafkaObservation.Broker> x = byId(before.brokers().value().get(), KafkaObservation.Broker::id);
        Map<Integer, KafkaObservation.Broker> y = byId(after.brokers().value().get(), KafkaObservation.Broker::id);
        for (var e : y.entrySet()) {
            KafkaObservation.Broker old = x.get(e.getKey());
            if (old == null) {
                out.add("broker " + e.getKey() + " registered" + (e.getValue().fenced() ? " (fenced)" : ""));
            } else if (old.fenced() != e.getValue().fenced()) {
                out.add("broker " + e.getKey() + (e.getValue().fenced() ? " fenced" : " unfenced"));
            }
        }
        x.keySet().stream().filter(id -> !y.containsKey(id)).forEach(id -> out.add("broker " + id + " no longer listed"));
    }

    private static void topics(KafkaObservation before, KafkaObservation after, List<String> out) {
        if (before.topics().value().isEmpty() || after.topics().value().isEmpty()) {
            return;
        }
        Map<String, KafkaObservation.Topic> x = byId(before.topics().value().get(), KafkaObservation.Topic::name);
        Map<String, KafkaObservation.Topic> y = byId(after.topics().value().get(), KafkaObservation.Topic::name);
        y.keySet().stream().filter(n -> !x.containsKey(n)).forEach(n -> out.add("topic " + n + " created ("
                + y.get(n).partitions().size() + " partitions)"));
        x.keySet().stream().filter(n -> !y.containsKey(n)).forEach(n -> out.add("topic " + n + " deleted"));
    }

    private static <K, V> Map<K, V> byId(List<V> values, Function<V, K> key) {
        return values.stream().collect(Collectors.toMap(key, v -> v, (p, q) -> q, java.util.TreeMap::new));
    }
}
