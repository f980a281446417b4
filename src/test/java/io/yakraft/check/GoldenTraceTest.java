package io.yakraft.check;

import io.yakraft.cluster.Cluster;
import io.yakraft.cluster.ClusterConfig;
import io.yakraft.sim.TraceEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden traces in the spirit of etcd raft's data-driven tests: a small scripted interaction and
 * its full expected trace as text under src/test/resources/golden/. A protocol change shows up
 * as a readable diff. Regenerate with {@code mvn test -Dtest=GoldenTraceTest -Dyakraft.updateGolden=true}.
 */
class GoldenTraceTest {
    private static final Path DIR = Path.of("src/test/resources/golden");

    private static List<String> trace(ClusterConfig config, long until, Consumer<Cluster> script) {
        Cluster cluster = new Cluster(config);
        new InvariantChecker(cluster);
        List<String> lines = new ArrayList<>();
        cluster.addTraceListener((TraceEvent e) -> lines.add(e.toString().stripTrailing()));
        cluster.start();
        script.accept(cluster);
        cluster.runUntil(until);
        assertTrue(cluster.violations().isEmpty(), () -> "violations: " + cluster.violations());
        return lines;
    }

    private static void check(String name, List<String> actual) throws IOException {
        Path file = DIR.resolve(name + ".trace");
        if (Boolean.getBoolean("yakraft.updateGolden")) {
            Files.createDirectories(DIR);
            Files.write(file, actual, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(file), "missing golden file " + file + "; run with -Dyakraft.updateGolden=true");
        List<String> expected = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(String.join("\n", expected), String.join("\n", actual),
                "trace differs from " + file + " (regenerate with -Dyakraft.updateGolden=true if the change is intended)");
    }

    @Test
    void firstElectionAndOneWrite() throws IOException {
        check("first-election", trace(ClusterConfig.defaults(7, 3, 0), 2_500,
                c -> c.at(2_000, "client write", x -> x.propose(List.of("hello")))));
    }

    @Test
    void leaderCrashAndFailover() throws IOException {
        check("leader-crash", trace(ClusterConfig.defaults(7, 3, 0), 6_000, c -> {
            c.at(2_000, "kill the leader", x -> x.crash(x.leaderId()));
        }));
    }

    @Test
    void divergentFollowerTruncates() throws IOException {
        // n1 leads epoch 1; cut off, it appends entries nobody else gets; the rest elect epoch 2
        // and write; after healing n1 learns epoch 2, finds its log diverged, and truncates.
        check("divergence", trace(ClusterConfig.defaults(7, 3, 0), 9_000, c -> {
            c.at(2_000, "isolate the leader", x -> x.isolate(x.leaderId()));
            c.at(2_010, "write on the isolated leader", x -> x.propose(List.of("lost-1", "lost-2")));
            c.at(6_000, "write on the new leader", x -> x.propose(List.of("kept")));
            c.at(6_500, "heal", Cluster::healAll);
        }));
    }

    /**
     * KIP-853's voter change sequence (Kafka: KafkaRaftClientReconfigTest.testAddVoter and
     * testRemoveVoterIsLeader): a fourth controller starts as an observer, is added (the
     * VotersRecord is used when appended, done when committed), then the leader removes itself,
     * leads until that record commits, resigns, and the three left elect a new leader.
     */
    @Test
    void voterAddedThenLeaderRemovesItself() throws IOException {
        check("voter-change", trace(ClusterConfig.defaults(7, 3, 0), 7_000, c -> {
            c.at(2_000, "start controller n4", x -> x.addController(4));
            c.at(3_500, "AddRaftVoter n4", x -> x.addVoter(4));
            c.at(4_500, "RemoveRaftVoter the leader", x -> x.removeVoter(x.leaderId()));
        }));
    }

    /**
     * A chunked snapshot transfer (Kafka: KafkaRaftClientSnapshotTest.testFetchSnapshotRequestAsLeader
     * and testFetchResponseWithSnapshotId / testFetchSnapshotResponsePartialData): n3 is down
     * while the others snapshot every 10 records and retention (50 records: log plus snapshots) deletes the log
     * before an older snapshot; back, n3's Fetch is answered with the latest snapshot id and it
     * downloads the snapshot 4 records per FetchSnapshot, from position 0 to the footer, then
     * installs it and fetches the log after it.
     */
    @Test
    void laggingFollowerFetchesSnapshotInChunks() throws IOException {
        ClusterConfig config = ClusterConfig.defaults(7, 3, 0)
                .withRaft(io.yakraft.raft.RaftConfig.kafkaDefaults().withFetchSnapshotMaxRecords(4))
                .withMetadata(io.yakraft.cluster.MetadataConfig.kafkaDefaults().withSnapshotEvery(10).withRetention(50, -1));
        check("chunked-snapshot", trace(config, 6_000, c -> {
            c.at(1_500, "kill n3", x -> x.crash(3));
            for (int i = 0; i < 8; i++) {
                int k = i;
                c.at(2_000 + 100L * i, "client write", x -> x.propose(List.of("w" + k + "a", "w" + k + "b", "w" + k + "c")));
            }
            c.at(4_000, "restart n3", x -> x.restart(3, false));
        }));
    }
}
