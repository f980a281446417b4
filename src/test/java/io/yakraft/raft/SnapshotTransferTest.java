package io.yakraft.raft;

import io.yakraft.raft.RaftMessage.BeginQuorumEpochRequest;
import io.yakraft.raft.RaftMessage.FetchRequest;
import io.yakraft.raft.RaftMessage.FetchResponse;
import io.yakraft.raft.RaftMessage.FetchSnapshotRequest;
import io.yakraft.raft.RaftMessage.FetchSnapshotResponse;
import io.yakraft.raft.RaftMessage.VoteRequest;
import io.yakraft.raft.RaftMessage.VoteResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Snapshots as Kafka 4.3 writes, ships and retains them. Each test names the Kafka test it
 * follows: KafkaRaftClientSnapshotTest (kafka-raft 4.3.1) for FetchSnapshot, and
 * KafkaMetadataLog.maybeClean / deleteBeforeSnapshot (kafka core) for retention.
 */
class SnapshotTransferTest {
    private static final int[] VOTERS = {1, 2, 3};
    private static final RaftConfig CONFIG = RaftConfig.kafkaDefaults().withFetchSnapshotMaxRecords(4);

    private final RaftNodeTest.Recording out = new RaftNodeTest.Recording();
    private final DurableState disk = new DurableState();

    /** Node 1 leads epoch 1 with 30 committed entries (the leader-change record and 29 more). */
    private RaftNode leaderWithCommittedLog() {
        RaftNode n = new RaftNode(1, VOTERS, CONFIG, disk, new SplittableRandom(7), out, 0);
        n.start(0);
        long t = n.timerDeadline();
        n.wake(t);
        VoteRequest pre = out.sentOf(VoteRequest.class).get(0);
        n.handle(t, 2, new VoteResponse(0, -1, true, true, pre.correlation(), RaftError.NONE));
        List<VoteRequest> reqs = out.sentOf(VoteRequest.class);
        n.handle(t, 2, new VoteResponse(1, -1, true, false, reqs.get(reqs.size() - 1).correlation(), RaftError.NONE));
        assertEquals(Role.LEADER, n.role());
        for (int i = 0; i < 29; i++) {
            n.append(t, List.of("e" + i));
        }
        n.handle(t + 1, 2, new FetchRequest(1, 2, 30, 1, 1));
        assertEquals(30, n.highWatermark());
        return n;
    }

    private <T extends RaftMessage> T last(Class<T> type) {
        List<T> all = out.sentOf(type);
        assertFalse(all.isEmpty(), "no " + type.getSimpleName() + " was sent");
        return all.get(all.size() - 1);
    }

    /**
     * Kafka: RecordsSnapshotWriter (SnapshotHeaderRecord written first, SnapshotFooterRecord by
     * freeze) and RecordsSnapshotReader. The file reads back to the same snapshot; one without
     * its footer is refused.
     */
    @Test
    void recordsSnapshotWriterPutsTheHeaderFirstAndTheFooterLast() {
        VoterSet voters = VoterSet.fromIds(VOTERS);
        RaftSnapshot s = new RaftSnapshot(new OffsetAndEpoch(30, 1), "image", voters, 1234, 5);
        List<SnapshotRecord> file = s.records();
        assertEquals(9, s.size(), "header, KRaftVersionRecord, VotersRecord, 5 state records, footer");
        assertEquals(new SnapshotRecord.Header(0, 1234), file.get(0));
        assertEquals(new SnapshotRecord.KRaftVersion(1), file.get(1));
        assertEquals(new SnapshotRecord.Voters(voters), file.get(2));
        assertInstanceOf(SnapshotRecord.Footer.class, file.get(8));
        assertEquals(s, RaftSnapshot.fromRecords(s.id(), file));
        assertThrows(IllegalStateException.class, () -> RaftSnapshot.fromRecords(s.id(), file.subList(0, 8)));
    }

    /**
     * Kafka: KafkaRaftClientSnapshotTest.testFetchSnapshotRequestAsLeader and
     * testPartialFetchSnapshotRequestAsLeader. The leader answers from the position, at most
     * the requested number of records, with the snapshot's whole size.
     */
    @Test
    void fetchSnapshotRequestAsLeaderAnswersOneChunkFromThePosition() {
        RaftNode n = leaderWithCommittedLog();
        assertTrue(n.createSnapshot(5, 30, "image", 9));
        OffsetAndEpoch id = disk.snapshot().id();
        n.handle(10, 3, new FetchSnapshotRequest(1, 3, id, 0, 4, 50, ""));
        FetchSnapshotResponse first = last(FetchSnapshotResponse.class);
        assertEquals(RaftError.NONE, first.error());
        assertEquals(11, first.size(), "header, 9 state records, footer");
        assertEquals(0, first.position());
        assertEquals(4, first.records().size());
        assertEquals(new SnapshotRecord.Header(0, 5), first.records().get(0));

        n.handle(11, 3, new FetchSnapshotRequest(1, 3, id, 8, 4, 51, ""));
        FetchSnapshotResponse tail = last(FetchSnapshotResponse.class);
        assertEquals(8, tail.position());
        assertEquals(3, tail.records().size(), "only 3 records are left after position 8");
        assertInstanceOf(SnapshotRecord.Footer.class, tail.records().get(2));
    }

    /**
     * Kafka: KafkaRaftClientSnapshotTest.testFetchSnapshotRequestMissingSnapshot and
     * testFetchSnapshotRequestWithInvalidPosition.
     */
    @Test
    void fetchSnapshotRequestForAMissingSnapshotOrABadPositionIsAnError() {
        RaftNode n = leaderWithCommittedLog();
        assertTrue(n.createSnapshot(5, 30, "image", 9));
        n.handle(10, 3, new FetchSnapshotRequest(1, 3, new OffsetAndEpoch(20, 1), 0, 4, 50, ""));
        assertEquals(RaftError.SNAPSHOT_NOT_FOUND, last(FetchSnapshotResponse.class).error());
        OffsetAndEpoch id = disk.snapshot().id();
        n.handle(11, 3, new FetchSnapshotRequest(1, 3, id, -1, 4, 51, ""));
        assertEquals(RaftError.POSITION_OUT_OF_RANGE, last(FetchSnapshotResponse.class).error());
        n.handle(12, 3, new FetchSnapshotRequest(1, 3, id, 11, 4, 52, ""));
        assertEquals(RaftError.POSITION_OUT_OF_RANGE, last(FetchSnapshotResponse.class).error(), "position == size");
    }

    /**
     * Kafka: KafkaRaftClientSnapshotTest.testLeaderShouldResignLeadershipIfNotGetFetchSnapshotRequestFromMajorityVoters.
     * Every chunk a voter fetches counts toward check-quorum, so a long transfer keeps the leader.
     */
    @Test
    void everyFetchSnapshotChunkCountsTowardCheckQuorum() {
        RaftNode n = leaderWithCommittedLog();
        assertTrue(n.createSnapshot(5, 30, "image", 9));
        OffsetAndEpoch id = disk.snapshot().id();
        long window = CONFIG.checkQuorumTimeoutMs();
        for (int k = 1; k <= 3; k++) {
            n.handle(k * (window - 100), 3, new FetchSnapshotRequest(1, 3, id, 0, 4, 60 + k, ""));
            n.wake(k * (window - 100) + 50);
            assertEquals(Role.LEADER, n.role(), "n3's FetchSnapshot chunk " + k + " with the leader is a majority");
        }
        n.wake(3 * (window - 100) + window + 1);
        assertEquals(Role.RESIGNED, n.role(), "no chunk and no fetch for a whole window: the leader resigns");
    }

    /** A follower of leader n1 in epoch 1 with an empty log, its first Fetch sent. */
    private RaftNode follower(DurableState d, RaftNodeTest.Recording o) {
        RaftNode f = new RaftNode(3, VOTERS, CONFIG, d, new SplittableRandom(3), o, 0);
        f.start(0);
        f.handle(1, 1, new BeginQuorumEpochRequest(1, 1));
        assertEquals(Role.FOLLOWER, f.role());
        f.wake(1);
        return f;
    }

    /**
     * Kafka: KafkaRaftClientSnapshotTest.testFetchResponseWithSnapshotId and
     * testFetchSnapshotResponsePartialData. The follower asks from position 0, then from each
     * position it reached; it keeps the partial snapshot until the last chunk, and only then
     * installs it (the log starts at the snapshot, the high watermark moves there).
     */
    @Test
    void followerKeepsAPartialSnapshotAndInstallsOnlyWhenComplete() {
        RaftNode f = follower(disk, out);
        RaftSnapshot source = new RaftSnapshot(new OffsetAndEpoch(100, 1), "image", null, 7, 9);
        FetchRequest fetch = last(FetchRequest.class);
        f.handle(2, 1, new FetchResponse(1, 1, RaftError.NONE, 100, List.of(), null, source.id(), 100, fetch.correlation()));
        f.wake(2);
        for (int position = 0; position < source.size(); position += 4) {
            FetchSnapshotRequest req = last(FetchSnapshotRequest.class);
            assertEquals(position, req.position(), "asks from the position the partial snapshot reached");
            assertEquals(4, req.maxRecords());
            assertNull(disk.snapshot(), "nothing installed before the last chunk");
            assertEquals(0, f.log().startOffset());
            assertEquals(position, f.snapshotTransfer().orElseThrow().received());
            f.handle(3 + position, 1, new FetchSnapshotResponse(1, 1, RaftError.NONE, source.id(), source.size(), position,
                    source.slice(position, 4), req.correlation()));
            f.wake(3 + position);
        }
        assertEquals(source, disk.snapshot(), "the assembled records read back to the leader's snapshot");
        assertEquals(100, f.log().startOffset());
        assertEquals(100, f.highWatermark());
        assertTrue(f.snapshotTransfer().isEmpty());
        assertEquals(100, last(FetchRequest.class).fetchOffset(), "then it fetches the log after the snapshot");
    }

    /**
     * Kafka: KafkaRaftClientSnapshotTest.testFetchSnapshotResponseMissingSnapshot. The leader
     * deleted the snapshot meanwhile: the partial one is dropped and the follower fetches again.
     */
    @Test
    void snapshotNotFoundDropsThePartialSnapshotAndFetchesAgain() {
        RaftNode f = follower(disk, out);
        OffsetAndEpoch id = new OffsetAndEpoch(100, 1);
        f.handle(2, 1, new FetchResponse(1, 1, RaftError.NONE, 100, List.of(), null, id, 100,
                last(FetchRequest.class).correlation()));
        f.wake(2);
        int fetchesBefore = out.sentOf(FetchRequest.class).size();
        f.handle(3, 1, FetchSnapshotResponse.error(1, 1, RaftError.SNAPSHOT_NOT_FOUND, last(FetchSnapshotRequest.class).correlation()));
        f.wake(3);
        assertTrue(f.snapshotTransfer().isEmpty());
        assertEquals(fetchesBefore + 1, out.sentOf(FetchRequest.class).size(), "a Fetch, which names the current snapshot");
        assertEquals(Role.FOLLOWER, f.role());
    }

    /**
     * Kafka: KafkaRaftClient.handleFetchSnapshotResponse ("Received fetch snapshot response with
     * an invalid position") and testFetchSnapshotResponseWithInvalidId: a chunk that does not
     * continue the partial snapshot is a broken protocol and fails loudly, as Kafka's does.
     */
    @Test
    void aChunkFromAnotherPositionOrSnapshotFailsLoudly() {
        RaftSnapshot source = new RaftSnapshot(new OffsetAndEpoch(100, 1), "image", null, 7, 9);
        RaftNode f = downloading(source.id(), disk, out);
        long c = last(FetchSnapshotRequest.class).correlation();
        assertThrows(IllegalStateException.class, () -> f.handle(3, 1, new FetchSnapshotResponse(1, 1, RaftError.NONE,
                source.id(), source.size(), 4, source.slice(4, 4), c)), "position 4 while the partial snapshot holds 0");

        RaftNodeTest.Recording out2 = new RaftNodeTest.Recording();
        RaftNode g = downloading(source.id(), new DurableState(), out2);
        List<FetchSnapshotRequest> asked = out2.sentOf(FetchSnapshotRequest.class);
        long c2 = asked.get(asked.size() - 1).correlation();
        assertThrows(IllegalStateException.class, () -> g.handle(3, 1, new FetchSnapshotResponse(1, 1, RaftError.NONE,
                new OffsetAndEpoch(90, 1), source.size(), 0, source.slice(0, 4), c2)), "a chunk of another snapshot");
    }

    /** A follower told by leader n1 to fetch snapshot {@code id}, its first FetchSnapshot sent. */
    private RaftNode downloading(OffsetAndEpoch id, DurableState d, RaftNodeTest.Recording o) {
        RaftNode f = follower(d, o);
        List<FetchRequest> fetches = o.sentOf(FetchRequest.class);
        f.handle(2, 1, new FetchResponse(1, 1, RaftError.NONE, 100, List.of(), null, id, 100,
                fetches.get(fetches.size() - 1).correlation()));
        f.wake(2);
        return f;
    }

    /**
     * Kafka: KafkaMetadataLog.cleanSnapshots ("if (snapshots.size < 2) return false"). A snapshot
     * alone never deletes the log, whatever the limits; the log stays whole from offset 0.
     */
    @Test
    void oneSnapshotNeverDeletesTheLog() {
        RaftNode n = leaderWithCommittedLog();
        assertTrue(n.createSnapshot(5, 20, "image", 9));
        assertFalse(n.maybeClean(1_000_000, new LogRetention(0, 0)));
        assertEquals(0, n.log().startOffset());
        n.handle(20, 2, new FetchRequest(1, 2, 3, 1, 9));
        assertFalse(last(FetchResponse.class).records().isEmpty(), "a fetch at 3 is answered from the log, not the snapshot");
    }

    /**
     * Kafka: KafkaMetadataLog.cleanSnapshotsRetentionSize and deleteBeforeSnapshot. While the log
     * plus the snapshots pass metadata.max.retention, the log and snapshots before the next
     * snapshot go; the latest snapshot stays. Then KafkaRaftClientSnapshotTest.testFetchRequestOffsetLessThanLogStart:
     * a fetch before the log start is sent to the latest snapshot; a fetch in the retained prefix
     * is answered from the log.
     */
    @Test
    void sizeRuleDeletesUpToASnapshotAndFollowersBehindItGetTheLatestSnapshot() {
        RaftNode n = leaderWithCommittedLog();
        assertTrue(n.createSnapshot(5, 10, "image", 9));
        assertTrue(n.createSnapshot(6, 20, "image", 9));
        assertTrue(n.createSnapshot(7, 30, "image", 9));
        assertFalse(n.maybeClean(8, new LogRetention(63, -1)), "log 30 + snapshots 33 = 63: within the limit");
        assertEquals(0, n.log().startOffset());
        assertTrue(n.maybeClean(8, new LogRetention(50, -1)));
        assertEquals(20, n.log().startOffset(), "log 30 + snapshots 33 > 50: snapshot 10 breaks the rule, so the log and"
                + " snapshots before the next one (20) go; then log 10 + snapshots 22 <= 50 stops");
        assertEquals(List.of(20L, 30L), disk.snapshots().stream().map(s -> s.id().offset()).toList());
        assertTrue(n.maybeClean(9, new LogRetention(0, -1)));
        assertEquals(30, n.log().startOffset(), "a limit of 0 deletes up to the latest snapshot, never past it");
        assertEquals(1, disk.snapshots().size());

        n.handle(20, 2, new FetchRequest(1, 2, 5, 1, 9));
        assertEquals(new OffsetAndEpoch(30, 1), last(FetchResponse.class).snapshotId());
    }

    /**
     * Kafka: KafkaMetadataLog.cleanSnapshotsRetentionMs. The log before the next snapshot goes
     * once a snapshot's last contained record is older than metadata.max.retention.ms.
     */
    @Test
    void timeRuleDeletesPastASnapshotOlderThanRetentionMs() {
        RaftNode n = leaderWithCommittedLog();
        assertTrue(n.createSnapshot(1_000, 10, "image", 9));
        assertTrue(n.createSnapshot(5_000, 20, "image", 9));
        assertFalse(n.maybeClean(60_999, new LogRetention(-1, 60_000)), "snapshot 10 is 59 999 ms old");
        assertTrue(n.maybeClean(61_001, new LogRetention(-1, 60_000)));
        assertEquals(20, n.log().startOffset());
        n.handle(70_000, 2, new FetchRequest(1, 2, 15, 1, 9));
        assertEquals(new OffsetAndEpoch(20, 1), last(FetchResponse.class).snapshotId());
    }
}
