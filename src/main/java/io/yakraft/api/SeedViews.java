package io.yakraft.api;

import io.yakraft.metadata.BrokerRegistration;
import io.yakraft.metadata.MetadataImage;
import io.yakraft.metadata.PartitionRegistration;
import io.yakraft.metadata.ProducerIdBlock;
import io.yakraft.metadata.TopicImage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The image in the original YAKRaft's field names (RegisterBrokerRecords, TopicRecords,
 * PartitionRecords...), our fields beside them. Where the seed stamped a record with the wall
 * time of its last change ({@code last_offset}, {@code last_updated}), we give the metadata log
 * offset the answer is current as of: the cluster's clock is simulated, its log offsets are real.
 */
final class SeedViews {
    private SeedViews() {
    }

    static Map<String, Object> broker(BrokerRegistration b, long asOfOffset) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("brokerId", b.id());
        m.put("brokerHost", b.listeners().isEmpty() ? null : b.listeners().get(0).host());
        m.put("brokerPort", b.listeners().isEmpty() ? null : b.listeners().get(0).port());
        m.put("securityProtocol", b.listeners().isEmpty() ? null : b.listeners().get(0).securityProtocol());
        m.put("rackId", b.rack());
        m.put("internalUUID", String.valueOf(b.incarnationId()));
        m.put("epoch", b.epoch());
        m.put("brokerStatus", b.fenced() || b.inControlledShutdown() ? "CLOSED" : "ALIVE");
        m.put("fenced", b.fenced());
        m.put("last_offset", asOfOffset);
        return m;
    }

    static List<Map<String, Object>> brokers(MetadataImage image) {
        List<Map<String, Object>> out = new ArrayList<>();
        image.brokers().values().forEach(b -> out.add(broker(b, image.offset())));
        return out;
    }

    static Map<String, Object> topic(TopicImage t, long asOfOffset) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("topicUUID", t.id().toString());
        m.put("name", t.name());
        m.put("last_offset", asOfOffset);
        m.put("partitions", partitions(t, asOfOffset));
        return m;
    }

    static List<Map<String, Object>> partitions(TopicImage t, long asOfOffset) {
        List<Map<String, Object>> out = new ArrayList<>();
        t.partitions().forEach((id, p) -> out.add(partition(t, id, p, asOfOffset)));
        return out;
    }

    static Map<String, Object> partition(TopicImage t, int id, PartitionRegistration p, long asOfOffset) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("partitionId", id);
        m.put("topicUUID", t.id().toString());
        m.put("topicName", t.name());
        m.put("replicas", p.replicas());
        m.put("ISR", p.isr());
        m.put("removingReplicas", p.removingReplicas());
        m.put("addingReplicas", p.addingReplicas());
        m.put("leader", p.leader());
        m.put("leaderEpoch", p.leaderEpoch());
        m.put("partitionEpoch", p.partitionEpoch());
        // KIP-966 and KIP-704, as kafka-topics --describe reports them (Elr, LastKnownElr, LeaderRecoveryState)
        m.put("eligibleLeaderReplicas", p.eligibleLeaderReplicas());
        m.put("lastKnownElr", p.lastKnownElr());
        m.put("leaderRecoveryState", p.leaderRecoveryState() == io.yakraft.metadata.MetadataRecord.RECOVERING
                ? "RECOVERING" : "RECOVERED");
        m.put("last_offset", asOfOffset);
        return m;
    }

    static Map<String, Object> producer(ProducerIdBlock b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("brokerId", b.brokerId());
        m.put("brokerEpoch", b.brokerEpoch());
        m.put("producerId", b.firstProducerId());
        m.put("nextProducerId", b.nextProducerId());
        return m;
    }

    /**
     * What a broker sees: the seed's {@code last_updated} (here the last metadata offset it
     * applied), then every broker, topic and partition in its own image.
     */
    static Map<String, Object> metadata(MetadataImage image, long appliedOffset) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("last_updated", appliedOffset);
        m.put("appliedOffset", appliedOffset);
        m.put("brokers", brokers(image));
        List<Map<String, Object>> topics = new ArrayList<>();
        image.topics().values().forEach(t -> topics.add(topic(t, image.offset())));
        m.put("topics", topics);
        return m;
    }
}
