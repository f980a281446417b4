package io.yakraft.check;

import io.yakraft.cluster.ClusterConfig;
import io.yakraft.cluster.MetadataConfig;
import io.yakraft.check.lin.Linearizability;
import io.yakraft.check.lin.Verdict;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Brokers, controller commands and faults mixed: for any seed, 3 or 5 controllers and 1–3
 * brokers under 2 minutes of random faults (brokers and the active controller killed mid-command,
 * partitions, lossy links) with a topic and producer-id workload and frequent snapshots, no
 * metadata or raft invariant breaks, the client-visible history is linearizable, and after the calm every live node
 * holds the same image.
 * Trials: jqwik.tries.default (1000 in `mvn verify`).
 */
class MetadataSafetyPropertyTest {

    @Property
    void metadataStaysSafeAndConverges(
            @ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 2) long seed,
            @ForAll @IntRange(min = 0, max = 1) int fiveControllers,
            @ForAll @IntRange(min = 1, max = 3) int brokers) {
        ClusterConfig config = ClusterConfig.defaults(seed, fiveControllers == 1 ? 5 : 3, brokers).withTrace(false)
                .withMetadata(MetadataConfig.kafkaDefaults().withSnapshotEvery(50));
        RunResult r = Runner.run(RunSpec.of(config, 120_000, true)
                .withWorkload(new TopicWorkload.Spec(8, 4, Math.min(brokers, 2), 3, 400)));
        assertTrue(r.safe(), () -> "violations: " + r.violations());
        Verdict lin = Linearizability.check(r.history());
        assertTrue(lin.linearizable(), lin::describe);
        assertTrue(r.live(), () -> "not caught up after the calm; high watermarks " + r.highWatermarks());
        assertTrue(r.imagesConverged(), () -> "images differ: " + r.metadata());
        assertEquals(brokers, r.metadata().get(1).brokers().size(), "every broker registered");
    }
}
