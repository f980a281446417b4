package io.yakraft.check.lin;

import io.yakraft.check.RunResult;
import io.yakraft.check.RunSpec;
import io.yakraft.check.Runner;
import io.yakraft.check.TopicWorkload;
import io.yakraft.check.FeedWorkload;
import io.yakraft.cluster.ClusterConfig;
import io.yakraft.cluster.MetadataConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Histories recorded from real runs: they hold what the workload did, and a correct cluster's are linearizable. */
class RunHistoryTest {

    @Test
    void aRunUnderFaultsRecordsEveryKindOfOperationAndIsLinearizable() {
        Map<String, Integer> kinds = new TreeMap<>();
        for (long seed = 1; seed <= 6; seed++) {
            ClusterConfig config = ClusterConfig.defaults(seed, 3, 3).withTrace(false)
                    .withMetadata(MetadataConfig.kafkaDefaults().withSnapshotEvery(50));
            RunResult r = Runner.run(RunSpec.of(config, 60_000, true)
                    .withWorkload(new TopicWorkload.Spec(6, 3, 2, 3, 300))
                    .withFeed(FeedWorkload.Spec.parse("records=600,rate=50,partitions=2,rf=3,acks=all")));
            History h = r.history();
            h.operations().forEach(o -> kinds.merge(o.call().getClass().getSimpleName(), 1, Integer::sum));
            Verdict v = Linearizability.check(h);
            System.out.printf("seed %d: %d ops, %d keys, %d pending%n", seed, h.size(), v.keys(), v.pending());
            assertTrue(v.linearizable(), () -> v.describe());
            assertTrue(v.undecided().isEmpty(), () -> "undecided " + v.undecided());
        }
        assertTrue(kinds.keySet().containsAll(java.util.List.of("CreateTopic", "RegisterBroker", "AllocateProducerIds",
                "Produce", "ReadTopic", "ReadBroker", "ReadProducerIds")), () -> "kinds " + kinds);
    }

    @Test
    void recordingLeavesTheTraceAlone() {
        ClusterConfig config = ClusterConfig.defaults(7, 3, 2);
        RunSpec spec = RunSpec.of(config, 20_000, true).withWorkload(new TopicWorkload.Spec(3, 2, 1, 1, 300));
        RunResult a = Runner.run(spec);
        RunResult b = Runner.run(spec);
        assertEquals(a.traceSha256(), b.traceSha256());
        assertEquals(a.history(), b.history(), "the history is as deterministic as the run");
    }
}
