package io.yakraft.check;

import io.yakraft.cluster.Cluster;
import io.yakraft.metadata.ControllerCommand;
import io.yakraft.metadata.TopicConfigs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A fault of the operator kind: topic configs altered at random while the cluster runs
 * (IncrementalAlterConfigs). {@code min.insync.replicas} moves between 1 and 3 or is deleted, so ISRs
 * cross it both ways and ClearElrRecords land amid elections; {@code unclean.leader.election.enable}
 * is switched on and off, so the controller's periodic electUnclean task runs. Its own random
 * stream: adding it to a run leaves every other random draw as it was.
 */
public final class ConfigChanges {
    private final SplittableRandom random;
    private final long meanGapMs;
    private final long until;

    private ConfigChanges(Cluster cluster, long meanGapMs, long until) {
        this.random = cluster.randomFor("config-changes");
        this.meanGapMs = meanGapMs;
        this.until = until;
    }

    /** From {@code from} to {@code until}, one change every {@code meanGapMs} on average. */
    public static void schedule(Cluster cluster, long from, long until, long meanGapMs) {
        new ConfigChanges(cluster, meanGapMs, until).next(cluster, from);
    }

    private void next(Cluster cluster, long after) {
        long at = after + 1 + random.nextLong(2 * meanGapMs);
        if (at >= until) {
            return;
        }
        cluster.at(at, "config change", c -> {
            alter(c);
            next(c, at);
        });
    }

    private void alter(Cluster c) {
        List<String> topics = new ArrayList<>(c.committedImage().topics().keySet());
        if (topics.isEmpty()) {
            return;
        }
        String topic = topics.get(random.nextInt(topics.size()));
        Map<String, String> change = new HashMap<>();
        if (random.nextBoolean()) {
            int roll = random.nextInt(4);
            change.put(TopicConfigs.MIN_INSYNC_REPLICAS, roll == 0 ? null : String.valueOf(roll));
        } else {
            int roll = random.nextInt(3);
            change.put(TopicConfigs.UNCLEAN_LEADER_ELECTION, roll == 0 ? null : String.valueOf(roll == 1));
        }
        c.submit(new ControllerCommand.AlterTopicConfigs(topic, change), reply -> { });
    }
}
