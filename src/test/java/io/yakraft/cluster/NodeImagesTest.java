package io.yakraft.cluster;

import io.yakraft.check.InvariantChecker;
import io.yakraft.metadata.ControllerCommand;
import io.yakraft.metadata.ControllerReply;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each node builds its own image from what it has committed: lagging views are real. */
class NodeImagesTest {
    /** Creates the topic through the active controller (on broker 101) and returns once it answered. */
    private static void topic(Cluster c, String name, int partitions) {
        List<ControllerReply> replies = new ArrayList<>();
        c.submit(new ControllerCommand.CreateTopic(name, partitions, 1), replies::add);
        for (int i = 0; i < 100 && replies.isEmpty(); i++) {
            c.runFor(10);
        }
        assertEquals(1, replies.size(), "an answer to CreateTopic(" + name + ")");
        assertTrue(replies.get(0).ok(), replies.get(0).message());
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
        topic(c, "orders", 3);
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
        topic(c, "payments", 1);
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
        topic(c, "a", 2);
        for (int id : c.allIds()) {
            c.compact(id);
        }
        topic(c, "b", 1);
        c.restart(follower, false);
        c.runFor(3_000);
        assertTrue(c.logRange(leader).startOffset() > 0, "the leader compacted its log");
        assertEquals(c.image(leader).sha256(), c.image(follower).sha256(),
                "the restarted follower caught up through the snapshot and the log after it");
        assertTrue(c.image(follower).topics().keySet().containsAll(List.of("a", "b")));
        assertTrue(c.violations().isEmpty(), () -> c.violations().toString());
    }
}
