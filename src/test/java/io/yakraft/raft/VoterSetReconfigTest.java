package io.yakraft.raft;

import io.yakraft.raft.RaftMessage.VoteRequest;
import io.yakraft.raft.RaftMessage.VoteResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * KIP-853 at the level of one replica: voter keys with directory ids, the voter set read from
 * the log, and the leader's AddRaftVoter / RemoveRaftVoter checks. Each test names the Kafka 4.3
 * method or test (kafka-raft 4.3.1) it follows.
 */
class VoterSetReconfigTest {
    private static final int[] BOOTSTRAP = {1, 2, 3};
    private static final VoterSet INITIAL = new VoterSet(List.of(
            new VoterSet.Voter(new ReplicaKey(1, "dir-1a"), VoterSet.endpointOf(1)),
            new VoterSet.Voter(new ReplicaKey(2, "dir-2a"), VoterSet.endpointOf(2)),
            new VoterSet.Voter(new ReplicaKey(3, "dir-3a"), VoterSet.endpointOf(3))));

    private final RaftNodeTest.Recording out = new RaftNodeTest.Recording();

    private RaftNode node(int id, DurableState disk) {
        return new RaftNode(id, BOOTSTRAP, RaftConfig.kafkaDefaults(), disk, new SplittableRandom(7), out, 0);
    }

    private VoteResponse lastVoteResponse() {
        List<VoteResponse> rs = out.sentOf(VoteResponse.class);
        return rs.get(rs.size() - 1);
    }

    /** n1 elected leader of epoch 1 by n2's vote; returns the time. */
    private long electLeader(RaftNode n) {
        n.start(0);
        long t = n.timerDeadline();
        n.wake(t);
        VoteRequest pre = out.sentOf(VoteRequest.class).get(0);
        assertEquals(n.kraftVersion() == 1 ? "dir-2a" : ReplicaKey.NO_DIRECTORY, pre.voterDirectoryId(),
                "a vote request names the voter's disk (VoterDirectoryId)");
        n.handle(t, 2, new VoteResponse(0, -1, true, true, pre.correlation(), RaftError.NONE));
        List<VoteRequest> reqs = out.sentOf(VoteRequest.class);
        n.handle(t, 2, new VoteResponse(1, -1, true, false, reqs.get(reqs.size() - 1).correlation(), RaftError.NONE));
        assertEquals(Role.LEADER, n.role());
        return t;
    }

    /** Both followers fetch up to the log end, so the leader has a high watermark in its epoch. */
    private long commitEpochStart(RaftNode leader, long t) {
        long end = leader.log().endOffset();
        leader.handle(t + 1, 2, new RaftMessage.FetchRequest(1, 2, end, 1, 901, "dir-2a"));
        leader.handle(t + 1, 3, new RaftMessage.FetchRequest(1, 3, end, 1, 902, "dir-3a"));
        assertEquals(end, leader.highWatermark());
        return t + 1;
    }

    /**
     * Kafka: KafkaRaftClient.handleVoteRequest, isValidVoterKey ("A replica sent a voter key in the
     * VOTE request that doesn't match the local key; rejecting the vote", INVALID_VOTER_KEY). The
     * double vote of the issue: n1 voted for n2 in epoch 2, lost its disk, and must not vote for n3
     * in epoch 2; on its new disk it is not the voter n3 asks.
     */
    @Test
    void handleVoteRequestRejectsAVoterKeyOfAnotherDisk() {
        DurableState first = new DurableState("dir-1a", INITIAL);
        RaftNode n1 = node(1, first);
        n1.start(0);
        n1.handle(1, 2, new VoteRequest(2, 2, 0, 0, false, 5, "dir-1a"));
        assertTrue(lastVoteResponse().granted(), "n1 on its first disk votes for n2 in epoch 2");

        DurableState replaced = new DurableState("dir-1b", null); // the disk was lost and formatted again
        RaftNode again = node(1, replaced);
        again.start(10);
        assertFalse(again.isVoter(), "on a new disk n1 is an observer until added again");
        again.handle(11, 3, new VoteRequest(2, 3, 0, 0, false, 6, "dir-1a"));
        VoteResponse r = lastVoteResponse();
        assertFalse(r.granted(), "no second vote in epoch 2");
        assertEquals(RaftError.INVALID_VOTER_KEY, r.error());
    }

    /** Kafka: VoterSet.isVoter with ReplicaKey.NO_DIRECTORY_ID: a kraft.version 0 voter matches any directory. */
    @Test
    void aStaticVoterMatchesAnyDirectoryAndADynamicOneOnlyItsOwn() {
        VoterSet statics = VoterSet.fromIds(BOOTSTRAP);
        assertTrue(statics.isVoter(new ReplicaKey(2, "whatever")));
        assertTrue(INITIAL.isVoter(new ReplicaKey(2, "dir-2a")));
        assertFalse(INITIAL.isVoter(new ReplicaKey(2, "dir-2b")));
        assertFalse(INITIAL.isVoter(new ReplicaKey(4, "dir-4a")));
    }

    /** Kafka: VoterSetTest.testOverlappingMajority / testNonoverlappingMajority. */
    @Test
    void votersSetsOverlapWhenTheyDifferByOneVoter() {
        VoterSet four = INITIAL.with(new VoterSet.Voter(new ReplicaKey(4, "dir-4a"), VoterSet.endpointOf(4))).orElseThrow();
        assertTrue(INITIAL.hasOverlappingMajority(four));
        VoterSet two = INITIAL.without(new ReplicaKey(3, "dir-3a")).orElseThrow();
        assertTrue(INITIAL.hasOverlappingMajority(two));
        assertFalse(four.hasOverlappingMajority(two), "two voters apart: {1,2} and {3,4} are majorities of each");
    }

    /**
     * Kafka: KafkaRaftClientReconfigTest.testAddVoterWithoutFencedPreviousLeaders, testAddVoterWithExistingVoter,
     * testAddVoterWithLaggingNewVoter, testAddVoter and testAddVoterWithPendingAddVoter: the checks of
     * AddVoterHandler in order, then the VotersRecord is used as soon as it is appended and the
     * change completes when it commits.
     */
    @Test
    void addVoterChecksThenAppendsAVotersRecordUsedAtOnce() {
        RaftNode leader = node(1, new DurableState("dir-1a", INITIAL));
        long t = electLeader(leader);
        ReplicaKey n4 = new ReplicaKey(4, "dir-4a");
        assertEquals(RaftError.REQUEST_TIMED_OUT, leader.addVoter(t, n4, VoterSet.endpointOf(4)).error(),
                "no high watermark in this epoch yet");
        t = commitEpochStart(leader, t);
        assertEquals(RaftError.DUPLICATE_VOTER, leader.addVoter(t, new ReplicaKey(2, "dir-2a"), "x").error());
        assertEquals(RaftError.REQUEST_TIMED_OUT, leader.addVoter(t, n4, VoterSet.endpointOf(4)).error(),
                "n4 has never fetched: not a caught-up observer");

        long end = leader.log().endOffset();
        leader.handle(t + 1, 4, new RaftMessage.FetchRequest(1, 4, end, 1, 903, "dir-4a"));
        VoterChangeResult added = leader.addVoter(t + 1, n4, VoterSet.endpointOf(4));
        assertTrue(added.accepted(), added.message());
        assertEquals(end, added.offset());
        assertEquals(4, leader.voterSet().size(), "the uncommitted set is in force at once");
        assertEquals(3, leader.committedVoterSet().size());
        assertEquals(RaftError.REQUEST_TIMED_OUT, leader.addVoter(t + 1, new ReplicaKey(5, "dir-5a"), "x").error(),
                "one change at a time");

        // With four voters the majority is three: n2 alone no longer commits the record.
        leader.handle(t + 2, 2, new RaftMessage.FetchRequest(1, 2, end + 1, 1, 904, "dir-2a"));
        assertEquals(end, leader.highWatermark());
        assertTrue(leader.pendingVoterChange().isPresent());
        leader.handle(t + 3, 4, new RaftMessage.FetchRequest(1, 4, end + 1, 1, 905, "dir-4a"));
        assertEquals(end + 1, leader.highWatermark());
        assertTrue(leader.pendingVoterChange().isEmpty(), "committed: the change is done");
        assertEquals(4, leader.committedVoterSet().size());
    }

    /**
     * Kafka: KafkaRaftClientReconfigTest.testRemoveVoterIsLeader and RemoveVoterHandler
     * (requestResign once the set without the leader is committed): the leader stops counting
     * itself at once, leads until the record commits, then resigns.
     */
    @Test
    void aLeaderThatRemovesItselfResignsOnceTheRemovalCommits() {
        RaftNode leader = node(1, new DurableState("dir-1a", INITIAL));
        long t = commitEpochStart(leader, electLeader(leader));
        VoterChangeResult removed = leader.removeVoter(t, new ReplicaKey(1, "dir-1a"));
        assertTrue(removed.accepted(), removed.message());
        assertFalse(leader.isVoter());
        assertEquals(Role.LEADER, leader.role(), "it leads until the removal commits");
        long end = leader.log().endOffset();
        leader.handle(t + 1, 2, new RaftMessage.FetchRequest(1, 2, end, 1, 910, "dir-2a"));
        assertEquals(Role.LEADER, leader.role(), "n2 alone is no majority of {2, 3}; the leader does not count");
        leader.handle(t + 2, 3, new RaftMessage.FetchRequest(1, 3, end, 1, 911, "dir-3a"));
        assertEquals(end, leader.highWatermark());
        assertEquals(Role.RESIGNED, leader.role());
        assertEquals(RaftError.NOT_LEADER_OR_FOLLOWER, leader.removeVoter(t + 3, new ReplicaKey(2, "dir-2a")).error(),
                "a resigned leader takes no more changes");
    }

    /**
     * Kafka: KRaftControlRecordStateMachine (a follower reads VotersRecord as it appends it, and a
     * truncation takes it back) and AddVoterHandler's kraft.version check
     * (testAddVoterWithKraftVersion0): a static quorum refuses voter changes.
     */
    @Test
    void aStaticQuorumRefusesVoterChanges() {
        RaftNode leader = node(1, new DurableState());
        long t = electLeader(leader);
        long end = leader.log().endOffset();
        leader.handle(t + 1, 2, new RaftMessage.FetchRequest(1, 2, end, 1, 920));
        assertEquals(0, leader.kraftVersion());
        assertEquals(RaftError.UNSUPPORTED_VERSION, leader.removeVoter(t + 1, new ReplicaKey(3, "")).error());
    }

    /**
     * Kafka: KafkaRaftClientReconfigTest.testLeaderWritesBootstrapRecords and
     * LeaderState.appendStartOfEpochControlRecords: the first leader of a quorum whose voters come
     * from the bootstrap checkpoint writes the LeaderChangeMessage, a KRaftVersionRecord and a
     * VotersRecord in one batch; the set is then read from the log (offset 2).
     */
    @Test
    void theFirstLeaderWritesTheBootstrapVotersIntoTheLogInItsFirstBatch() {
        RaftNode leader = node(1, new DurableState("dir-1a", INITIAL));
        electLeader(leader);
        List<LogEntry> batch = leader.log().slice(0, leader.log().endOffset());
        assertEquals(3, batch.size());
        assertTrue(batch.get(0).payload() instanceof LeaderChangeMessage);
        assertEquals(new KRaftVersionRecord(1), batch.get(1).payload());
        assertEquals(new VotersRecord(INITIAL), batch.get(2).payload());
        for (LogEntry e : batch) {
            assertEquals(2, e.batchLastOffset(), "one batch: " + e);
        }
        assertEquals(2, leader.voterSetOffset(), "the voter set now comes from the log");
    }

    /**
     * Kafka: KafkaRaftClientReconfigTest.testLeaderDoesNotBootstrapRecordsWithKraftVersion0, and
     * appendStartOfEpochControlRecords' "offset == -1" rule: a static quorum writes only the
     * LeaderChangeMessage, and so does a leader whose log already holds the voter set.
     */
    @Test
    void aLeaderWritesNoVotersWithKraftVersion0OrWhenTheLogHoldsThem() {
        RaftNode statics = node(1, new DurableState());
        electLeader(statics);
        assertEquals(1, statics.log().endOffset(), "kraft.version 0: only the LeaderChangeMessage");

        DurableState disk = new DurableState("dir-1a", INITIAL);
        disk.log().append(new LogEntry(0, 1, new LeaderChangeMessage(2, List.of(1, 2, 3), List.of(2, 3)), 2));
        disk.log().append(new LogEntry(1, 1, new KRaftVersionRecord(1), 2));
        disk.log().append(new LogEntry(2, 1, new VotersRecord(INITIAL), 2));
        disk.writeElection(new ElectionState(1, 2, 2));
        RaftNode n1 = node(1, disk);
        n1.start(0);
        long t = n1.timerDeadline();
        n1.wake(t); // fetch timeout: Prospective
        VoteRequest pre = out.sentOf(VoteRequest.class).get(out.sentOf(VoteRequest.class).size() - 1);
        n1.handle(t, 2, new VoteResponse(pre.epoch(), -1, true, true, pre.correlation(), RaftError.NONE));
        n1.handle(t, 3, new VoteResponse(pre.epoch(), -1, true, true, pre.correlation(), RaftError.NONE));
        List<VoteRequest> reqs = out.sentOf(VoteRequest.class);
        VoteRequest vote = reqs.get(reqs.size() - 1);
        n1.handle(t, 2, new VoteResponse(vote.epoch(), -1, true, false, vote.correlation(), RaftError.NONE));
        assertEquals(Role.LEADER, n1.role());
        assertEquals(4, n1.log().endOffset(), "epoch 2 starts with the LeaderChangeMessage alone");
        assertTrue(n1.log().slice(3, 4).get(0).payload() instanceof LeaderChangeMessage);
    }

    /**
     * Kafka: KafkaRaftClientReconfigTest.testLeaderUpdatesVoter (VoterSet.voterNodeNeedsUpdate): a
     * leader whose own listener differs from the voter set's entry writes the updated set at the
     * start of its epoch, though the log already holds one.
     */
    @Test
    void aLeaderWhoseListenerChangedWritesItsUpdatedEntryAtEpochStart() {
        DurableState disk = new DurableState("dir-1a", INITIAL);
        RaftNode n1 = node(1, disk);
        n1.listenOn("CONTROLLER://n1:19093", VoterSet.KRaftVersionRange.SUPPORTED);
        electLeader(n1);
        VotersRecord written = (VotersRecord) n1.log().slice(2, 3).get(0).payload();
        assertEquals("CONTROLLER://n1:19093", written.voters().voterFor(1).orElseThrow().endpoint());
        assertEquals(VoterSet.endpointOf(2), written.voters().voterFor(2).orElseThrow().endpoint());
        assertTrue(INITIAL.voterNodeNeedsUpdate(n1.localVoter()));
        assertFalse(written.voters().voterNodeNeedsUpdate(n1.localVoter()));
    }

    /**
     * Kafka: KafkaRaftClientReconfigTest.testRemoveVoterTimedOut and testAddVoterTimeout
     * (LeaderState.maybeExpirePendingOperation): a change not committed within the request timeout
     * is answered REQUEST_TIMED_OUT and the leader drops it; its VotersRecord stays in force, and the
     * next change waits until that set commits.
     */
    @Test
    void aPendingVoterChangeTimesOutAfterTheRequestTimeout() {
        RaftNode leader = node(1, new DurableState("dir-1a", INITIAL));
        long t = commitEpochStart(leader, electLeader(leader));
        VoterChangeResult removed = leader.removeVoter(t, new ReplicaKey(3, "dir-3a"));
        assertTrue(removed.accepted(), removed.message());
        int timeout = RaftConfig.kafkaDefaults().requestTimeoutMs();
        assertTrue(leader.nextWakeAt() <= t + timeout, "the leader wakes for the change's timer");
        leader.wake(t + timeout - 1);
        assertTrue(leader.pendingVoterChange().isPresent(), "not yet");
        leader.wake(t + timeout);
        assertTrue(leader.pendingVoterChange().isEmpty(), "dropped at the request timeout");
        assertTrue(out.notes.stream().anyMatch(n -> n.contains("REQUEST_TIMED_OUT")), out.notes.toString());
        assertFalse(leader.voterSet().containsId(3), "the uncommitted set stays in force");
        VoterChangeResult next = leader.removeVoter(t + timeout, new ReplicaKey(2, "dir-2a"));
        assertEquals(RaftError.REQUEST_TIMED_OUT, next.error());
        assertTrue(next.message().contains("not committed"), next.message());
    }

    /**
     * Kafka: KafkaRaftClientReconfigTest.testUpdateVoter, testInvalidUpdateVoter, testUpdateVoterOldEpoch,
     * testUpdateVoterWithNoneVoter and testUpdateVoterWithPendingAddVoter (UpdateVoterHandler's checks):
     * the leader answers NONE once it appended the updated VotersRecord, and refuses the rest.
     */
    @Test
    void updateVoterChecksThenAppendsTheUpdatedVotersRecord() {
        RaftNode leader = node(1, new DurableState("dir-1a", INITIAL));
        long t = commitEpochStart(leader, electLeader(leader));
        ReplicaKey n2 = new ReplicaKey(2, "dir-2a");
        VoterSet.KRaftVersionRange both = VoterSet.KRaftVersionRange.SUPPORTED;
        assertEquals(RaftError.FENCED_LEADER_EPOCH, updateVoter(leader, t, 0, n2, "CONTROLLER://n2:19093", both));
        assertEquals(RaftError.INVALID_REQUEST, updateVoter(leader, t, 1, new ReplicaKey(2, ""), "CONTROLLER://n2:19093", both),
                "a voter key without a directory id");
        assertEquals(RaftError.INVALID_REQUEST, updateVoter(leader, t, 1, n2, "PLAINTEXT://n2:9092", both),
                "no endpoint on the controller listener");
        assertEquals(RaftError.INVALID_REQUEST, updateVoter(leader, t, 1, n2, "CONTROLLER://n2:19093",
                new VoterSet.KRaftVersionRange(0, 0)), "kraft.version 1 is finalized");
        assertEquals(RaftError.VOTER_NOT_FOUND, updateVoter(leader, t, 1, new ReplicaKey(2, "dir-2b"), "CONTROLLER://n2:19093", both),
                "n2 on another disk is not the voter");
        long end = leader.log().endOffset();
        assertEquals(RaftError.NONE, updateVoter(leader, t, 1, n2, "CONTROLLER://n2:19093", both));
        assertEquals(end + 1, leader.log().endOffset());
        assertEquals("CONTROLLER://n2:19093", leader.voterSet().voterFor(2).orElseThrow().endpoint());
        assertEquals(end, leader.voterSetOffset());
        assertEquals(RaftError.REQUEST_TIMED_OUT, updateVoter(leader, t, 1, new ReplicaKey(3, "dir-3a"), "CONTROLLER://n3:19093", both),
                "the updated set is not committed yet");
    }

    private RaftError updateVoter(RaftNode leader, long t, int epoch, ReplicaKey key, String endpoint,
                                  VoterSet.KRaftVersionRange range) {
        leader.handle(t, key.id(), new RaftMessage.UpdateVoterRequest(epoch, key, endpoint, range, 7000 + out.sent.size()));
        List<RaftMessage.UpdateVoterResponse> rs = out.sentOf(RaftMessage.UpdateVoterResponse.class);
        return rs.get(rs.size() - 1).error();
    }

    /**
     * Kafka: KafkaRaftClientReconfigTest.testFollowerSendsUpdateVoter and
     * testFollowerSendsUpdateVoterIfPendingFetchDuringTimeout: a voter whose listener differs from
     * its entry in the voter set sends UpdateRaftVoter to the leader once the update period
     * (fetch.timeout) has run out, in place of its next fetch; a response NONE counts as hearing
     * from the leader, and fetching goes on.
     */
    @Test
    void aFollowerWhoseListenerChangedSendsUpdateVoterAfterTheUpdatePeriod() {
        RaftNode n2 = node(2, new DurableState("dir-2a", INITIAL));
        n2.listenOn("CONTROLLER://n2:19093", VoterSet.KRaftVersionRange.SUPPORTED);
        n2.start(0);
        n2.handle(10, 1, new RaftMessage.BeginQuorumEpochRequest(1, 1));
        assertEquals(Role.FOLLOWER, n2.role());
        int period = RaftConfig.kafkaDefaults().fetchTimeoutMs();
        long t = 10;
        while (t < 10 + period) {
            n2.wake(t);
            List<RaftMessage.FetchRequest> fetches = out.sentOf(RaftMessage.FetchRequest.class);
            RaftMessage.FetchRequest f = fetches.get(fetches.size() - 1);
            n2.handle(t + 100, 1, new RaftMessage.FetchResponse(1, 1, RaftError.NONE, 0, List.of(), null, null, 0, f.correlation()));
            t += 100;
        }
        assertTrue(out.sentOf(RaftMessage.UpdateVoterRequest.class).isEmpty(), "not before the period runs out");
        n2.wake(t);
        List<RaftMessage.UpdateVoterRequest> sent = out.sentOf(RaftMessage.UpdateVoterRequest.class);
        assertEquals(1, sent.size());
        assertEquals(new ReplicaKey(2, "dir-2a"), sent.get(0).voterKey());
        assertEquals("CONTROLLER://n2:19093", sent.get(0).endpoint());
        int fetchesBefore = out.sentOf(RaftMessage.FetchRequest.class).size();
        n2.handle(t + 5, 1, new RaftMessage.UpdateVoterResponse(1, 1, RaftError.NONE, sent.get(0).correlation()));
        n2.wake(t + 5);
        assertEquals(fetchesBefore + 1, out.sentOf(RaftMessage.FetchRequest.class).size(), "fetching goes on");
    }

    /**
     * Kafka: KafkaRaftClientReconfigTest.testAddVoterInvalidFeatureVersion (AddVoterHandler.handleApiVersionsResponse):
     * a new voter whose ApiVersions range lacks the finalized kraft.version is refused INVALID_REQUEST.
     */
    @Test
    void addVoterRefusesAVoterWhoseKraftVersionRangeLacksTheFinalizedOne() {
        RaftNode leader = node(1, new DurableState("dir-1a", INITIAL));
        long t = commitEpochStart(leader, electLeader(leader));
        ReplicaKey n4 = new ReplicaKey(4, "dir-4a");
        leader.handle(t + 1, 4, new RaftMessage.FetchRequest(1, 4, leader.log().endOffset(), 1, 930, "dir-4a"));
        VoterChangeResult r = leader.addVoter(t + 1, new VoterSet.Voter(n4, VoterSet.endpointOf(4), new VoterSet.KRaftVersionRange(0, 0)));
        assertEquals(RaftError.INVALID_REQUEST, r.error(), r.message());
        assertTrue(leader.addVoter(t + 1, new VoterSet.Voter(n4, VoterSet.endpointOf(4))).accepted());
    }
}
