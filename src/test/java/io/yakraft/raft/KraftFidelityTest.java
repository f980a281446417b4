package io.yakraft.raft;

import io.yakraft.raft.RaftMessage.BeginQuorumEpochRequest;
import io.yakraft.raft.RaftMessage.EndQuorumEpochRequest;
import io.yakraft.raft.RaftMessage.FetchRequest;
import io.yakraft.raft.RaftMessage.FetchResponse;
import io.yakraft.raft.RaftMessage.VoteRequest;
import io.yakraft.raft.RaftMessage.VoteResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The protocol corrections of issue 18, one test per rule, each named after the Kafka 4.3
 * method or test it follows (KafkaRaftClient, QuorumState and their tests in kafka-raft 4.3.1).
 * docs/FIDELITY.md maps every rule to its Kafka source and to the test here.
 */
class KraftFidelityTest {
    private static final int[] VOTERS = {1, 2, 3};

    private final RaftNodeTest.Recording out = new RaftNodeTest.Recording();
    private final DurableState disk = new DurableState();

    private RaftNode node(int id) {
        return new RaftNode(id, VOTERS, RaftConfig.kafkaDefaults(), disk, new SplittableRandom(7), out, 0);
    }

    /** Node 1 elected leader of epoch 1; returns the time it won. */
    private long electLeader(RaftNode n) {
        n.start(0);
        long t = n.timerDeadline();
        n.wake(t);
        VoteRequest pre = out.sentOf(VoteRequest.class).get(0);
        n.handle(t, 2, new VoteResponse(0, -1, true, true, pre.correlation(), RaftError.NONE));
        List<VoteRequest> reqs = out.sentOf(VoteRequest.class);
        n.handle(t, 2, new VoteResponse(1, -1, true, false, reqs.get(reqs.size() - 1).correlation(), RaftError.NONE));
        assertEquals(Role.LEADER, n.role());
        return t;
    }

    private VoteResponse lastVoteResponse() {
        List<VoteResponse> rs = out.sentOf(VoteResponse.class);
        return rs.get(rs.size() - 1);
    }

    /**
     * Kafka: KafkaRaftClient.handleVoteRequest ("if (replicaEpoch > quorum.epoch())
     * transitionToUnattached") and KafkaRaftClientTest.testGrantVotesFromHigherEpochAfterResigningLeadership.
     * A pre-vote from a newer epoch moves even the leader to Unattached there, and the grant
     * goes back in that epoch, where the Prospective that asked counts it.
     */
    @Test
    void handleVoteRequestMovesToUnattachedInAHigherEpochFirst() {
        RaftNode leader = node(1);
        long t = electLeader(leader);
        leader.handle(t + 10, 2, new VoteRequest(3, 2, 1, 1, true, 77));
        assertEquals(Role.UNATTACHED, leader.role());
        assertEquals(3, leader.epoch());
        VoteResponse r = lastVoteResponse();
        assertTrue(r.granted(), "n2's log (epoch 1, end 1) is as up to date as ours");
        assertEquals(3, r.epoch(), "the answer carries the epoch the request brought");
        assertEquals(-1, disk.election().votedId(), "a pre-vote is not a vote");

        RaftNodeTest.Recording out2 = new RaftNodeTest.Recording();
        RaftNode follower = new RaftNode(3, VOTERS, RaftConfig.kafkaDefaults(), new DurableState(),
                new SplittableRandom(1), out2, 0);
        follower.start(0);
        follower.handle(1, 1, new BeginQuorumEpochRequest(1, 1));
        assertEquals(Role.FOLLOWER, follower.role());
        follower.handle(2, 2, new VoteRequest(2, 2, 0, 0, false, 5));
        assertEquals(Role.UNATTACHED, follower.role());
        assertEquals(2, follower.epoch());
        assertEquals(2, follower.votedId(), "Unattached in epoch 2, then voted for n2 there");
    }

    /**
     * Kafka: QuorumState.prospectiveAddVotedState, called from KafkaRaftClient.handleVoteRequest
     * ("else if (quorum.isProspectiveNotVoted())"); QuorumStateTest.testProspectiveVotedToCandidate.
     * A Prospective that grants a real vote in its own epoch records it and stays Prospective
     * with a fresh election timeout; a second candidate of the epoch is then refused.
     */
    @Test
    void prospectiveAddVotedStateKeepsTheProspective() {
        disk.writeElection(new ElectionState(1, -1, -1));
        RaftNode n = node(2);
        n.start(0);
        long t = n.timerDeadline();
        n.wake(t);
        assertEquals(Role.PROSPECTIVE, n.role());
        n.handle(t + 5, 3, new VoteRequest(1, 3, 0, 0, false, 40));
        assertTrue(lastVoteResponse().granted());
        assertEquals(Role.PROSPECTIVE, n.role(), "the vote does not end the pre-vote");
        assertEquals(3, n.votedId());
        assertTrue(n.timerDeadline() >= t + 5 + 1000, "a fresh election timeout after voting");
        n.handle(t + 6, 1, new VoteRequest(1, 1, 0, 0, false, 41));
        assertEquals(VoteReason.ALREADY_VOTED_FOR_ANOTHER, out.codes.get(out.codes.size() - 1));
    }

    /**
     * Kafka: KafkaRaftClient.validateLeaderOnlyRequest (via tryCompleteFetchRequest) and
     * KafkaRaftClientTest.testInvalidFetchRequest ("fetchRequest(epoch + 1, ...)" answered
     * UNKNOWN_LEADER_EPOCH). A Fetch from a newer epoch is answered with our epoch and leader
     * and changes nothing here: the leader stays leader, a follower keeps its leader.
     */
    @Test
    void validateLeaderOnlyRequestAnswersUnknownLeaderEpoch() {
        RaftNode leader = node(1);
        long t = electLeader(leader);
        leader.handle(t + 1, 9, new FetchRequest(4, 9, 0, 0, 50));
        FetchResponse r = lastFetchResponse();
        assertEquals(RaftError.UNKNOWN_LEADER_EPOCH, r.error());
        assertEquals(1, r.epoch());
        assertEquals(1, r.leaderId());
        assertEquals(Role.LEADER, leader.role(), "the fetcher's epoch does not depose the leader");
        assertEquals(1, leader.epoch());

        RaftNodeTest.Recording out2 = new RaftNodeTest.Recording();
        RaftNode follower = new RaftNode(3, VOTERS, RaftConfig.kafkaDefaults(), new DurableState(),
                new SplittableRandom(1), out2, 0);
        follower.start(0);
        follower.handle(1, 1, new BeginQuorumEpochRequest(1, 1));
        follower.handle(2, 9, new FetchRequest(2, 9, 0, 0, 51));
        FetchResponse f = out2.sentOf(FetchResponse.class).get(0);
        assertEquals(RaftError.UNKNOWN_LEADER_EPOCH, f.error());
        assertEquals(Role.FOLLOWER, follower.role());
        assertEquals(1, follower.epoch());
        assertEquals(1, follower.leaderId());
    }

    private FetchResponse lastFetchResponse() {
        List<FetchResponse> rs = out.sentOf(FetchResponse.class);
        return rs.get(rs.size() - 1);
    }

    /**
     * Kafka: KafkaRaftClient.pollResigned ("transitionToUnattached(quorum.epoch() + 1, ...)") and
     * KafkaRaftClientTest.testElectionTimeoutAfterUserInitiatedResign. When a Resigned leader's
     * election timer runs out it becomes Unattached in the next epoch with no time left on the
     * timer, so it starts a pre-vote in that epoch at once.
     */
    @Test
    void pollResignedMovesToUnattachedInTheNextEpoch() {
        RaftNode n = node(1);
        long t = electLeader(n);
        n.resign(t + 1, "operator");
        assertEquals(Role.RESIGNED, n.role());
        long timeout = n.timerDeadline();
        n.wake(timeout);
        assertEquals(Role.UNATTACHED, n.role());
        assertEquals(2, n.epoch(), "the resigned epoch is left for the next");
        assertEquals(new ElectionState(2, -1, -1), disk.election());
        assertEquals(timeout, n.nextWakeAt(), "no election time left");
        n.wake(timeout);
        assertEquals(Role.PROSPECTIVE, n.role());
        assertEquals(2, n.epoch());
    }

    /**
     * Kafka: KafkaRaftClient.pollCandidate and maybeHandleElectionLoss;
     * KafkaRaftClientTest.testCandidateWaitsRestOfElectionTimeoutAfterElectionLoss and
     * testCandidateElectionTimeout. A candidate refused by a majority stays Candidate until its
     * election timer runs out, then becomes Prospective with no further backoff.
     */
    @Test
    void candidateWaitsRestOfElectionTimeoutAfterElectionLoss() {
        RaftNode n = node(1);
        n.start(0);
        n.wake(n.timerDeadline());
        long t = n.timerDeadline() - 1000; // any moment inside the pre-vote
        VoteRequest pre = out.sentOf(VoteRequest.class).get(0);
        n.handle(t, 2, new VoteResponse(0, -1, true, true, pre.correlation(), RaftError.NONE));
        assertEquals(Role.CANDIDATE, n.role());
        long deadline = n.timerDeadline();
        List<VoteRequest> reqs = out.sentOf(VoteRequest.class);
        long round = reqs.get(reqs.size() - 1).correlation();
        n.handle(t + 1, 2, new VoteResponse(1, -1, false, false, round, RaftError.NONE));
        n.handle(t + 2, 3, new VoteResponse(1, -1, false, false, round, RaftError.NONE));
        assertEquals(Role.CANDIDATE, n.role(), "a lost election waits out the timer");
        assertEquals(deadline, n.timerDeadline(), "no separate backoff timer");
        n.wake(deadline - 1);
        assertEquals(Role.CANDIDATE, n.role());
        n.wake(deadline);
        assertEquals(Role.PROSPECTIVE, n.role());
        assertEquals(1, n.epoch());
        assertTrue(n.timerDeadline() >= deadline + 1000, "a fresh election timeout for the pre-vote");
    }

    /**
     * Kafka: KafkaRaftClient.endEpochElectionBackoff and strictExponentialElectionBackoffMs. With
     * election.backoff.max.ms 1000 and three preferred successors: rank 0 elects at once, rank 1
     * after 1000 >> 2 = 250 ms, rank 2 after 500 ms; a voter not named waits the maximum.
     */
    @Test
    void strictExponentialElectionBackoffMs() {
        RaftNode n = node(1);
        assertEquals(0, n.endEpochElectionBackoff(0, 3));
        assertEquals(250, n.endEpochElectionBackoff(1, 3));
        assertEquals(500, n.endEpochElectionBackoff(2, 3));
        assertEquals(1000, n.endEpochElectionBackoff(3, 3));
        assertEquals(1000, n.endEpochElectionBackoff(-1, 3));
        assertEquals(500, n.endEpochElectionBackoff(1, 2), "1000 >> 1 = 500 for the second of two");

        RaftNode follower = node(3);
        follower.start(0);
        follower.handle(1, 1, new BeginQuorumEpochRequest(1, 1));
        follower.handle(100, 1, new EndQuorumEpochRequest(1, 1, List.of(2, 3)));
        assertEquals(100 + 500, follower.timerDeadline(), "rank 1 of 2 successors");
    }

    /**
     * Kafka: QuorumState.initialize ("election.isVotedCandidate(local) -> new CandidateState") and
     * KafkaRaftClientTest.testInitializeAsCandidateFromStateStore. A voter that had voted for
     * itself restarts as Candidate of that epoch and asks for votes again.
     */
    @Test
    void initializeAsCandidateFromStateStore() {
        disk.writeElection(new ElectionState(2, -1, 1));
        RaftNode n = node(1);
        n.start(0);
        assertEquals(Role.CANDIDATE, n.role());
        assertEquals(2, n.epoch());
        List<VoteRequest> reqs = out.sentOf(VoteRequest.class);
        assertEquals(2, reqs.size());
        assertTrue(reqs.stream().noneMatch(VoteRequest::preVote));
        assertTrue(reqs.stream().allMatch(r -> r.epoch() == 2));
        n.handle(5, 3, new VoteResponse(2, -1, true, false, reqs.get(0).correlation(), RaftError.NONE));
        assertEquals(Role.LEADER, n.role());
    }

    /**
     * Kafka: KafkaRaftClient.maybeSendBeginQuorumEpochRequests with LeaderState
     * .needToSendBeginQuorumRequests; KafkaRaftClientTest.testBeginQuorumEpochHeartbeat and
     * testBeginQuorumShouldNotSendAfterFetchRequest. Every fetch.timeout / 2 (1000 ms by default)
     * the leader resends BeginQuorumEpoch to each voter that has not fetched in that time.
     */
    @Test
    void beginQuorumEpochHeartbeat() {
        RaftNode n = node(1);
        long t = electLeader(n);
        assertEquals(List.of(2, 3), beginEpochTargetsSince(0), "sent to every voter on election");
        int mark = out.sent.size();
        n.wake(t + 999);
        assertEquals(List.of(), beginEpochTargetsSince(mark));
        assertEquals(t + 1000, n.nextWakeAt(), "the heartbeat timer is the leader's next wake");
        n.wake(t + 1000);
        assertEquals(List.of(2, 3), beginEpochTargetsSince(mark), "nobody fetched: both reminded");
        mark = out.sent.size();
        n.handle(t + 1300, 2, new FetchRequest(1, 2, 1, 1, 60));
        n.wake(t + 2000);
        assertEquals(List.of(3), beginEpochTargetsSince(mark), "n2 fetched 700 ms ago");
        mark = out.sent.size();
        n.wake(t + 3000);
        assertEquals(Role.LEADER, n.role());
        assertEquals(List.of(2, 3), beginEpochTargetsSince(mark), "n2 quiet for 1700 ms now");
    }

    private List<Integer> beginEpochTargetsSince(int mark) {
        List<Integer> targets = new java.util.ArrayList<>();
        for (int i = mark; i < out.sent.size(); i++) {
            if (out.sent.get(i) instanceof BeginQuorumEpochRequest) {
                targets.add(out.to.get(i)[0]);
            }
        }
        return targets;
    }

    /**
     * Kafka: KafkaRaftClient.handleFetchSnapshotRequest calling
     * LeaderState.updateCheckQuorumForFollowingVoter. A voter fetching the snapshot counts
     * toward check-quorum just as a Fetch does.
     */
    @Test
    void updateCheckQuorumForFollowingVoterCountsFetchSnapshot() {
        RaftNode n = node(1);
        long t = electLeader(n);
        n.handle(t + 1, 2, new FetchRequest(1, 2, 0, 0, 70));
        n.handle(t + 2, 2, new FetchRequest(1, 2, 1, 1, 71));
        assertTrue(n.snapshotAndCompact(1, "image"));
        n.handle(t + 2000, 3, new RaftMessage.FetchSnapshotRequest(1, 3, disk.snapshot().id(), 0, 16, 72, ""));
        assertEquals(RaftError.NONE, out.sentOf(RaftMessage.FetchSnapshotResponse.class).get(0).error());
        n.wake(t + 3002);
        assertEquals(Role.LEADER, n.role(), "n3's FetchSnapshot with the leader is a majority heard from");
        n.wake(t + 5000);
        assertEquals(Role.RESIGNED, n.role(), "and the window it restarted runs out 3000 ms later");
    }

    /**
     * Kafka: LeaderState.highWatermark() starts empty and KafkaRaftClient.buildFetchResponse
     * sends "highWatermark.orElse(-1L)". A new leader answers fetches with an unknown high
     * watermark until a majority holds an entry of its epoch.
     */
    @Test
    void aNewLeaderAdvertisesAnUnknownHighWatermarkUntilItHasOne() {
        RaftNode n = node(1);
        long t = electLeader(n);
        n.handle(t + 1, 2, new FetchRequest(1, 2, 0, 0, 80));
        assertEquals(-1, lastFetchResponse().highWatermark(), "no majority past the epoch start yet");
        n.handle(t + 2, 2, new FetchRequest(1, 2, 1, 1, 81));
        n.append(t + 3, List.of("x"));
        n.handle(t + 4, 3, new FetchRequest(1, 3, 1, 1, 82));
        assertEquals(1, lastFetchResponse().highWatermark(), "known once n2 holds the leader-change record");
    }

    /**
     * Kafka: KafkaRaftClient.handleDescribeQuorumRequest, RaftUtil.toReplicaState and
     * LeaderState.ReplicaState.updateFollowerState. A fetch at the leader's log end is caught up
     * now; one that reaches the leader's end as of the previous fetch was caught up at that
     * previous fetch; the leader's own timestamps are the current time; observers are listed
     * apart and dropped after 5 quiet minutes; only the leader answers.
     */
    @Test
    void describeQuorumAsTheLeaderSeesIt() {
        RaftNode n = node(1);
        long t = electLeader(n);
        n.handle(t + 1, 2, new FetchRequest(1, 2, 0, 0, 90)); // leader end is 1 (the LeaderChange record)
        QuorumInfo.Replica n2 = n.describeQuorum(t + 2).orElseThrow().voters().get(1);
        assertEquals(new QuorumInfo.Replica(2, 0, t + 1, -1), n2, "behind the leader's end: not caught up");
        n.append(t + 5, List.of("x")); // leader end 2
        n.handle(t + 10, 2, new FetchRequest(1, 2, 1, 1, 91));
        n2 = n.describeQuorum(t + 11).orElseThrow().voters().get(1);
        assertEquals(t + 1, n2.lastCaughtUpTimestamp(), "reached the end the leader had at its previous fetch (t+1)");
        n.handle(t + 20, 2, new FetchRequest(1, 2, 2, 1, 92));
        n.handle(t + 30, 9, new FetchRequest(1, 9, 2, 1, 93)); // an observer (a broker)
        QuorumInfo q = n.describeQuorum(t + 40).orElseThrow();
        assertEquals(1, q.leaderId());
        assertEquals(1, q.leaderEpoch());
        assertEquals(2, q.highWatermark(), "n2 holds both entries: a majority with the leader");
        assertEquals(List.of(new QuorumInfo.Replica(1, 2, t + 40, t + 40), new QuorumInfo.Replica(2, 2, t + 20, t + 20),
                new QuorumInfo.Replica(3, -1, -1, -1)), q.voters());
        assertEquals(List.of(new QuorumInfo.Replica(9, 2, t + 30, t + 30)), q.observers());
        assertEquals(3, q.maxFollowerLag(), "n3 never fetched: the leader's end minus -1");
        assertEquals(-1, q.maxFollowerLagTimeMs(), "n3 was never caught up");
        assertEquals(List.of(), n.describeQuorum(t + 30 + 300_000).orElseThrow().observers(),
                "an observer quiet for the 5-minute observer session is left out");

        RaftNode follower = new RaftNode(2, VOTERS, RaftConfig.kafkaDefaults(), new DurableState(), new SplittableRandom(7),
                new RaftNodeTest.Recording(), 0);
        follower.start(0);
        assertTrue(follower.describeQuorum(0).isEmpty(), "only a leader describes the quorum");
    }

    /**
     * Kafka: FollowerState.canGrantVote ("isPreVote && !hasFetchedFromLeader && isLogUpToDate"),
     * FollowerState.resetFetchTimeoutForSuccessfulFetch and overrideFetchTimeout (used by
     * KafkaRaftClient.handleEndQuorumEpochRequest). A follower that only heard BeginQuorumEpoch
     * grants a pre-vote; once a fetch succeeded it refuses, also after the leader's
     * EndQuorumEpoch; it elects itself when its shortened fetch timer runs out.
     */
    @Test
    void followerCanGrantPreVoteOnlyBeforeItHasFetchedFromLeader() {
        RaftNode n = node(2);
        n.start(0);
        n.handle(5, 1, new BeginQuorumEpochRequest(1, 1));
        n.handle(6, 3, new VoteRequest(1, 3, 0, 0, true, 50));
        assertTrue(lastVoteResponse().granted(), "BeginQuorumEpoch is not a fetch: the pre-vote is granted");
        assertEquals(Role.FOLLOWER, n.role(), "a granted pre-vote changes nothing");
        n.wake(6);
        List<FetchRequest> fetches = out.sentOf(FetchRequest.class);
        n.handle(10, 1, new FetchResponse(1, 1, RaftError.NONE, 0, List.of(), null, null, 0,
                fetches.get(fetches.size() - 1).correlation()));
        n.handle(20, 3, new VoteRequest(1, 3, 0, 0, true, 51));
        assertEquals(VoteReason.RECENT_LEADER_CONTACT, out.codes.get(out.codes.size() - 1));
        n.handle(30, 1, new EndQuorumEpochRequest(1, 1, List.of(3, 2)));
        n.handle(31, 3, new VoteRequest(1, 3, 0, 0, true, 52));
        assertEquals(false, lastVoteResponse().granted(), "still refused after EndQuorumEpoch");
        long electAt = n.timerDeadline();
        assertEquals(30 + 1000 / 2, electAt, "rank 1 of 2: (1000 >> 1) << 0");
        n.wake(electAt);
        assertEquals(Role.PROSPECTIVE, n.role(), "the follower's own timer starts its pre-vote");
    }

    /**
     * Kafka: KafkaRaftClient.maybeSendVoteRequests (from pollProspective and pollCandidate) with
     * RequestManager: while the round can still be won (EpochElection.isVoteRejected is false),
     * a voter whose request went unanswered for quorum.request.timeout.ms is asked again; once a
     * majority can no longer grant, nothing is resent.
     */
    @Test
    void maybeSendVoteRequestsResendsToUnrecordedVotersAfterTheRequestTimeout() {
        RaftConfig quick = new RaftConfig(1000, 2000, 1000, 300, 20, 500, 64);
        RaftNode n = new RaftNode(1, new int[] {1, 2, 3, 4, 5}, quick, disk, new SplittableRandom(7), out, 0);
        n.start(0);
        long t = n.timerDeadline();
        n.wake(t);
        assertEquals(Role.PROSPECTIVE, n.role());
        long round = out.sentOf(VoteRequest.class).get(0).correlation();
        n.handle(t + 10, 2, new VoteResponse(0, -1, false, true, round, RaftError.NONE));
        assertEquals(t + 300, n.nextWakeAt(), "the unanswered requests time out after 300 ms");
        int mark = out.sent.size();
        n.wake(t + 300);
        List<Integer> again = new java.util.ArrayList<>();
        for (int i = mark; i < out.sent.size(); i++) {
            if (out.sent.get(i) instanceof VoteRequest v) {
                assertTrue(v.preVote());
                assertEquals(round, v.correlation(), "the same round: a late answer to either still counts");
                again.add(out.to.get(i)[0]);
            }
        }
        assertEquals(List.of(3, 4, 5), again, "only the voters that have not answered");
        n.handle(t + 310, 3, new VoteResponse(0, -1, false, true, round, RaftError.NONE));
        n.handle(t + 320, 4, new VoteResponse(0, -1, false, true, round, RaftError.NONE));
        assertEquals(Role.UNATTACHED, n.role(), "3 of 5 refused: the pre-vote is lost (isVoteRejected)");
    }

    /**
     * Kafka: EpochElection.isVoteRejected ("numGranted + numUnrecorded < majoritySize"). With
     * four voters two refusals already make a majority of three impossible.
     */
    @Test
    void isVoteRejectedOnceAMajorityCanNoLongerGrant() {
        RaftNode n = new RaftNode(1, new int[] {1, 2, 3, 4}, RaftConfig.kafkaDefaults(), disk, new SplittableRandom(7), out, 0);
        n.start(0);
        long t = n.timerDeadline();
        n.wake(t);
        long round = out.sentOf(VoteRequest.class).get(0).correlation();
        n.handle(t + 1, 2, new VoteResponse(0, -1, false, true, round, RaftError.NONE));
        assertEquals(Role.PROSPECTIVE, n.role());
        n.handle(t + 2, 3, new VoteResponse(0, -1, false, true, round, RaftError.NONE));
        assertEquals(Role.UNATTACHED, n.role(), "granted 1 + unanswered 1 < majority 3");
    }
}
