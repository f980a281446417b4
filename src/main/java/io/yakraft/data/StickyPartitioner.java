package io.yakraft.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kafka's built-in partitioner for records without a key (BuiltInPartitioner, KIP-794): a producer
 * sticks to one partition until a batch's worth has gone to it, then picks another at random among
 * the partitions that have a leader (all of them when none has). Kafka counts batch.size bytes
 * (16 KiB); the simulation counts records, {@link DataConfig#maxBatchRecords()} of them (its batch).
 * The count runs on records assigned, not on simulated time: Kafka's linger.ms is not modelled (a
 * batch leaves as soon as its partition has none in flight), so at a slow pace a "batch" of 20
 * keyless records may take many requests, and still all go to one partition. The random pick is
 * a murmur2 hash of the producer's seed and its switch count, so a run stays a function of its seed.
 */
final class StickyPartitioner {
    private final long seed;
    private int current = -1;
    private int assigned;
    private int switches;

    StickyPartitioner(long seed) {
        this.seed = seed;
    }

    /** The partition for the next keyless record of {@code topic}, with batches of {@code batchRecords}. */
    int partition(TopicLayout topic, int batchRecords) {
        int n = topic.partitions().size();
        if (current < 0 || current >= n || assigned >= batchRecords) {
            current = next(topic);
            assigned = 0;
        }
        assigned++;
        return current;
    }

    private int next(TopicLayout topic) {
        int random = Partitioner.murmur2((seed + "/" + switches++).getBytes(StandardCharsets.UTF_8)) & 0x7fffffff;
        List<Integer> available = new ArrayList<>();
        for (Map.Entry<Integer, PartitionState> e : topic.partitions().entrySet()) {
            if (e.getValue().hasLeader()) {
                available.add(e.getKey());
            }
        }
        return available.isEmpty() ? random % topic.partitions().size() : available.get(random % available.size());
    }
}
