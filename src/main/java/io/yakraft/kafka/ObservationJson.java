package io.yakraft.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** An observation (and, for a local cluster, each node's process) as the JSON {@code kafka status --json} prints. */
public final class ObservationJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ObservationJson() {
    }

    public static String render(KafkaObservation o, LocalCluster local) {
        ObjectNode root = JSON.createObjectNode();
        root.put("observedAtMs", o.observedAtMs());
        if (local != null) {
            root.put("dir", local.dir().toString());
            root.put("clusterId", local.state().clusterId());
            ArrayNode nodes = root.putArray("processes");
            for (LocalNode n : local.state().nodes()) {
                ObjectNode j = nodes.addObject();
                j.put("id", n.id());
                j.put("role", n.role().processRoles());
                j.put("port", n.port());
                j.put("pid", n.pid());
                j.put("running", local.process(n).isPresent());
                j.put("paused", local.isPaused(n));
                j.put("dir", local.nodeDir(n).toString());
            }
        }
        ObjectNode quorum = root.putObject("quorum");
        o.quorum().value().ifPresentOrElse(q -> {
            quorum.put("leaderId", q.leaderId());
            quorum.put("leaderEpoch", q.leaderEpoch());
            quorum.put("highWatermark", q.highWatermark());
            replicas(quorum.putArray("voters"), q.voters(), o.observedAtMs());
            replicas(quorum.putArray("observers"), q.observers(), o.observedAtMs());
        }, () -> quorum.put("error", o.quorum().error()));
        o.brokers().value().ifPresentOrElse(bs -> {
            ArrayNode arr = root.putArray("brokers");
            for (KafkaObservation.Broker b : bs) {
                ObjectNode j = arr.addObject();
                j.put("id", b.id());
                j.put("host", b.host());
                j.put("port", b.port());
                j.put("fenced", b.fenced());
            }
        }, () -> root.putObject("brokers").put("error", o.brokers().error()));
        o.topics().value().ifPresentOrElse(ts -> {
            ArrayNode arr = root.putArray("topics");
            for (KafkaObservation.Topic t : ts) {
                ObjectNode j = arr.addObject();
                j.put("name", t.name());
                j.put("topicId", t.topicId());
                j.put("internal", t.internal());
                ArrayNode ps = j.putArray("partitions");
                for (KafkaObservation.Partition p : t.partitions()) {
                    ObjectNode pj = ps.addObject();
                    pj.put("partition", p.partition());
                    pj.put("leader", p.leader());
                    ints(pj.putArray("replicas"), p.replicas());
                    ints(pj.putArray("isr"), p.isr());
                    ints(pj.putArray("elr"), p.elr());
                    ints(pj.putArray("lastKnownElr"), p.lastKnownElr());
                }
            }
        }, () -> root.putObject("topics").put("error", o.topics().error()));
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render the observation as JSON", e);
        }
    }

    private static void replicas(ArrayNode arr, List<KafkaObservation.Replica> rs, long now) {
        for (KafkaObservation.Replica r : rs) {
            ObjectNode j = arr.addObject();
            j.put("id", r.id());
            j.put("directoryId", r.directoryId());
            j.put("logEndOffset", r.logEndOffset());
            j.put("lag", r.lag());
            j.put("lastFetchTimestamp", r.lastFetchMs());
            j.put("lastCaughtUpTimestamp", r.lastCaughtUpMs());
            if (r.lastFetchMs() >= 0) {
                j.put("lastFetchAgoMs", now - r.lastFetchMs());
            }
            if (r.lastCaughtUpMs() >= 0) {
                j.put("lastCaughtUpAgoMs", now - r.lastCaughtUpMs());
            }
        }
    }

    private static void ints(ArrayNode arr, List<Integer> xs) {
        xs.forEach(arr::add);
    }
}
