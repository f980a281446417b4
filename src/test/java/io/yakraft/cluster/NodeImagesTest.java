package io.yakraft.cluster;

import io.yakraft.check.InvariantChecker;
import io.yakraft.metadata.MetadataRecord;
import io.yakraft.metadata.MetadataRecord.PartitionRecord;
import io.yakraft.metadata.MetadataRecord.TopicRecord;
import io.yakraft.metadata.Uuid;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each node builds its own image from what it has committed: lagging views are real. */
class NodeImagesTest {
    private final SplittableRandom random = new SplittableRandom(3);

    private List<MetadataRecord> topic(String name, int partitions) {
        Uuid id = Uuid.random(random);
        List<MetadataRecord> out = new ArrayList<>();
        out.add(new TopicRecord(name, id));
        for (int p = 0; p < partitions; p++) {
            out.add(new PartitionRecord(p, id, List.of(1), List.of(1), List.of(), List.of(), 1, 0, 0));
        }
        return out;
    }

    private static Cluster started() {
        Cluster c = new Cluster(ClusterConfig.defaults(11, 3, 1));
        new InvariantChecker(c);
        c.start();
        c.runUntil(3_000);
        return c;
    }

    @Test
    void everyNodeAppliesTheCommittedRecordsToItsOwnImage() {
        Cluster c = started();
        c.propose(topic("orders", 3));
        c.runFor(1_000);
        String hash = c.image(c.leaderId()).sha256();
        for (int id : c.allIds()) {
            assertEquals(3, c.image(id).topics().get("orders").partitions().size(), "n" + id);
            assertEquals(hash, c.image(id).sha256(), "n" + id + " converged");
        }
    }

    @Test
    void aPausedNodeShowsTheOldViewUntilItCatchesUp() {
        Cluster c = started();
        int leader = c.leaderId();
        int lagging = c.voterIds()[0] == leader ? c.voterIds()[1] : c.voterIds()[0];
        c.pause(lagging);
        c.propose(topic("payments", 1));
        c.runFor(500);
        assertTrue(c.image(leader).topics().containsKey("payments"));
        assertFalse(c.image(lagging).topics().containsKey("payments"), "the paused node still sees the old image");
        c.resume(lagging);
        c.runFor(1_500);
        assertTrue(c.image(lagging).topics().containsKey("payments"));
    }

    @Test
    void aRestartRebuildsTheImageAndASnapshotCarriesIt() {
        Cluster c = started();
        int leader = c.leaderId();
        int follower = c.voterIds()[0] == leader ? c.voterIds()[1] : c.voterIds()[0];
        c.crash(follower);
        c.propose(topic("a", 2));
        c.runFor(500);
        for (int id : c.allIds()) {
            c.compact(id);
        }
        c.propose(topic("b", 1));
        c.runFor(500);
        c.restart(follower, false);
        c.runFor(3_000);
        assertTrue(c.disk(leader).log().startOffset() > 0, "the leader compacted its log");
        assertEquals(c.image(leader).sha256(), c.image(follower).sha256(),
                "the restarted follower caught up through the snapshot and the log after it");
        assertTrue(c.image(follower).topics().keySet().containsAll(List.of("a", "b")));
        assertTrue(c.violations().isEmpty(), () -> c.violations().toString());
    }
}
