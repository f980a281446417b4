package io.yakraft.check;

import io.yakraft.cluster.ClusterConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Same seed, configuration and timed inputs give the same trace, byte for byte. */
class DeterminismTest {

    private static RunResult run(long seed) {
        return Runner.run(RunSpec.of(ClusterConfig.defaults(seed, 5, 2), 30_000, true)
                .withWorkload(TopicWorkload.Spec.parse("topics=5,partitions=3,rf=2,producers=2"))
                .withFeed(FeedWorkload.Spec.parse("records=600,rate=40,partitions=3,rf=2,acks=all")));
    }

    @Test
    void sameSeedGivesTheSameTraceHash() {
        RunResult a = run(42);
        RunResult b = run(42);
        assertTrue(a.events() > 1_000, "the run must have done real work");
        assertEquals(a.traceSha256(), b.traceSha256());
        assertEquals(a.events(), b.events());
        assertEquals(a.highWatermarks(), b.highWatermarks());
        assertEquals(a.metadata(), b.metadata(), "every node's final image, hash included");
        assertTrue(a.feed().acked() > 0, "records flowed: " + a.feed());
        assertEquals(a.feed(), b.feed(), "the same records acknowledged, failed and retried");
    }

    @Test
    void differentSeedsGiveDifferentTraces() {
        assertNotEquals(run(42).traceSha256(), run(43).traceSha256());
    }
}
