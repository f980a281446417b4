package io.yakraft.scenario;

import io.yakraft.cluster.Cluster;
import io.yakraft.cluster.TopicIds;
import io.yakraft.data.DataRecord;
import io.yakraft.data.PartitionLog;
import io.yakraft.metadata.PartitionRegistration;
import io.yakraft.metadata.TopicImage;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample feed kills the leader of orders-1 while records flow: its timed-out batches are retried
 * against the new leader. With Kafka's default idempotent producer the new leader, whose producer state
 * came with the replicated records, answers a retried batch it already holds with the first copy's
 * offsets, so the topic ends with exactly one copy of each record.
 */
class IdempotentFeedTest {

    @Test
    void theSampleFeedThatKillsALeaderEndsWithExactlyOneCopyOfEachRecord() throws ScenarioException {
        Cluster[] cluster = new Cluster[1];
        ScenarioRun run = ScenarioRun.play(ScenarioReader.read(Path.of("data", "feed-orders.scenario.json")), c -> cluster[0] = c);
        for (StepReport r : run.expectations()) {
            assertTrue(r.passed(), () -> "step " + r.step() + ": " + r.description() + " — " + r.message());
        }
        Map<Long, Integer> copies = copies(cluster[0], "orders");
        assertEquals(41, copies.size(), "every clean record of orders.csv is in the topic");
        copies.forEach((id, n) -> assertEquals(1, n, () -> "record " + Long.toHexString(id) + " is in the topic " + n + " times"));
        assertTrue(run.reports().stream().noneMatch(r -> r.message().contains("Violation")), "no invariant broke");
    }

    @Test
    void withoutIdempotenceTheSameFeedWritesSomeRecordsTwice() throws Exception {
        String text = java.nio.file.Files.readString(Path.of("data", "feed-orders.scenario.json"));
        String feed = "\"file\": \"orders.csv\", \"spec\": \"orders.spec.json\", \"acks\": \"all\"";
        assertTrue(text.contains(feed), "the sample's feed step");
        text = text.replace(feed, "\"file\": \"data/orders.csv\", \"spec\": \"data/orders.spec.json\", \"acks\": \"all\","
                + " \"idempotence\": false");
        Cluster[] cluster = new Cluster[1];
        ScenarioRun run = ScenarioRun.play(ScenarioReader.read("feed-orders-at-least-once.json", text), c -> cluster[0] = c);
        for (StepReport r : run.expectations()) {
            assertTrue(r.passed(), () -> "step " + r.step() + ": " + r.description() + " — " + r.message());
        }
        Map<Long, Integer> copies = copies(cluster[0], "orders");
        assertEquals(41, copies.size(), "every clean record is in the topic");
        assertTrue(copies.values().stream().anyMatch(n -> n > 1), "at least once: a retried batch the old leader had"
                + " replicated is appended again: " + copies);
    }

    /** Record id → how many times the partition leaders' logs hold it. */
    static Map<Long, Integer> copies(Cluster c, String topic) {
        Map<Long, Integer> copies = new TreeMap<>();
        TopicImage t = c.committedImage().topics().get(topic);
        for (Map.Entry<Integer, PartitionRegistration> e : t.partitions().entrySet()) {
            PartitionLog log = c.partitionLog(e.getValue().leader(), TopicIds.partition(t, e.getKey()));
            for (DataRecord r : log.records()) {
                copies.merge(r.id(), 1, Integer::sum);
            }
        }
        return copies;
    }
}
