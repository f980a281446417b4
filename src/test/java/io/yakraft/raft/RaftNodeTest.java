package io.yakraft.raft;

import io.yakraft.raft.RaftMessage.BeginQuorumEpochRequest;
import io.yakraft.raft.RaftMessage.EndQuorumEpochRequest;
import io.yakraft.raft.RaftMessage.FetchRequest;
import io.yakraft.raft.RaftMessage.FetchResponse;
import io.yakraft.raft.RaftMessage.VoteRequest;
import io.yakraft.raft.RaftMessage.VoteResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One KRaft node driven by hand with explicit times: the protocol rules one at a time. */
class RaftNodeTest {
    private static final int[] VOTERS = {1, 2, 3};

    /** Records what the node decided. */
    static final class Recording implements RaftOutputs {
        final List<int[]> to = new ArrayList<>();
        final List<RaftMessage> sent = new ArrayList<>();
        final List<Role> roles = new ArrayList<>();
        final List<String> votes = new ArrayList<>();
        final List<VoteReason> codes = new ArrayList<>();

        @Override
        public void send(int destination, RaftMessage message) {
            to.add(new int[] {destination});
            sent.add(message);
        }

        @Override
        public void roleChanged(Role from, Role next, int epoch, int leaderId, String reason) {
            roles.add(next);
        }

        @Override
        public void voteDecision(int candidateId, int epoch, boolean preVote, boolean granted, VoteReason code,
                                 String reason) {
            assertEquals(code.granted(), granted, "the code agrees with the decision: " + reason);
            votes.add(reason);
            codes.add(code);
        }

        @Override
        public void appended(List<LogEntry> entries, String reason) {
        }

        @Override
        public void truncated(long newEndOffset, long removed, String reason) {
        }

        @Override
        public void highWatermarkChanged(long from, long next) {
        }

        @Override
        public void timerExpired(String what) {
        }

        final List<String> notes = new ArrayList<>();

        @Override
        public void note(String detail) {
            notes.add(detail);
        }

        <T extends RaftMessage> List<T> sentOf(Class<T> type) {
            List<T> out = new ArrayList<>();
            for (RaftMessage m : sent) {
                if (type.isInstance(m)) {
                    out.add(type.cast(m));
                }
            }
            return out;
        }
    }

    private final Recording out = new Recording();
    private final DurableState disk = new DurableState();

    private RaftNode node(int id) {
        return new RaftNode(id, VOTERS, RaftConfig.kafkaDefaults(), disk, new SplittableRandom(7), out, 0);
    }

    /** Node 1 elected leader of epoch 1 at time t (returns t). */
    private long electLeader(RaftNode n) {
        n.start(0);
        long t = n.timerDeadline();
        n.wake(t);
        VoteRequest pre = out.sentOf(VoteRequest.class).get(0);
        n.handle(t, 2, new VoteResponse(0, -1, true, true, pre.correlation(), RaftError.NONE));
        VoteRequest vote = out.sentOf(VoteRequest.class).get(out.sentOf(VoteRequest.class).size() - 1);
        n.handle(t, 2, new VoteResponse(1, -1, true, false, vote.correlation(), RaftError.NONE));
        assertEquals(Role.LEADER, n.role());
        return t;
    }

    @Test
    void electionTimeoutLeadsToPreVoteWithoutBumpingTheEpoch() {
        RaftNode n = node(1);
        n.start(0);
        long t = n.timerDeadline();
        assertTrue(t >= 1000 && t < 2000, "election timeout randomized in [1000, 2000): " + t);
        n.wake(t);
        assertEquals(Role.PROSPECTIVE, n.role());
        assertEquals(0, n.epoch(), "a pre-vote does not bump the epoch (KIP-996)");
        List<VoteRequest> reqs = out.sentOf(VoteRequest.class);
        assertEquals(2, reqs.size());
        assertTrue(reqs.stream().allMatch(VoteRequest::preVote));
    }

    @Test
    void preVoteMajorityThenVoteMajorityMakesALeaderThatWritesTheLeaderChangeRecord() {
        RaftNode n = node(1);
        electLeader(n);
        assertEquals(1, n.epoch());
        assertEquals(new ElectionState(1, 1, 1), disk.election(), "epoch, leader and vote persisted");
        LogEntry first = disk.log().get(0);
        assertEquals(1, first.epoch());
        assertInstanceOf(LeaderChangeMessage.class, first.payload());
        assertEquals(2, out.sentOf(BeginQuorumEpochRequest.class).size());
        assertEquals(List.of(Role.UNATTACHED, Role.PROSPECTIVE, Role.CANDIDATE, Role.LEADER), out.roles);
    }

    @Test
    void aVoterRejectsAStaleLogAndASecondCandidateInTheSameEpoch() {
        RaftNode n = node(2);
        disk.log().append(new LogEntry(0, 3, "x"));
        n.start(0);
        n.handle(10, 1, new VoteRequest(4, 1, 2, 5, false, 1));
        assertFalse(out.sentOf(VoteResponse.class).get(0).granted());
        assertTrue(out.votes.get(0).contains("candidate's last epoch 2 < ours 3"), out.votes.get(0));
        n.handle(20, 3, new VoteRequest(4, 3, 3, 1, false, 2));
        assertTrue(out.sentOf(VoteResponse.class).get(1).granted());
        assertEquals(3, disk.election().votedId());
        n.handle(30, 1, new VoteRequest(4, 1, 3, 1, false, 3));
        assertFalse(out.sentOf(VoteResponse.class).get(2).granted(), "one vote per epoch");
        assertEquals(List.of(VoteReason.CANDIDATE_LOG_BEHIND, VoteReason.GRANTED, VoteReason.ALREADY_VOTED_FOR_ANOTHER),
                out.codes);
    }

    @Test
    void everyVoteDecisionCarriesTheReasonItWasTakenFor() {
        RaftNode n = node(1);
        long t = electLeader(n);
        n.handle(t + 1, 2, new VoteRequest(0, 2, 0, 0, false, 5));
        n.handle(t + 2, 2, new VoteRequest(1, 2, 1, 1, true, 6));
        n.handle(t + 3, 3, new VoteRequest(1, 3, 1, 1, false, 7));
        assertEquals(List.of(VoteReason.STALE_EPOCH, VoteReason.IS_LEADER, VoteReason.ALREADY_VOTED_FOR_ANOTHER), out.codes);

        RaftNode observer = new RaftNode(9, VOTERS, RaftConfig.kafkaDefaults(), new DurableState(), new SplittableRandom(1), out, 0);
        observer.start(0);
        observer.handle(1, 2, new VoteRequest(1, 2, 0, 0, false, 8));
        // Kafka 4.3's handleVoteRequest has no "am I a voter" check (KIP-853): a replica outside
        // its own voter set may be a voter in the candidate's, so it judges the request as any other.
        assertEquals(VoteReason.GRANTED, out.codes.get(3));

        RaftNode follower = new RaftNode(3, VOTERS, RaftConfig.kafkaDefaults(), new DurableState(), new SplittableRandom(1), out, 0);
        follower.start(0);
        follower.handle(1, 1, new BeginQuorumEpochRequest(1, 1));
        follower.handle(2, 2, new VoteRequest(1, 2, 0, 0, false, 9));
        assertEquals(VoteReason.KNOWN_LEADER, out.codes.get(4));
    }

    @Test
    void aVoterAskedAgainByTheCandidateItVotedForGrantsAgain() {
        RaftNode n = node(2);
        n.start(0);
        n.handle(10, 1, new VoteRequest(1, 1, 0, 0, false, 1));
        n.handle(20, 1, new VoteRequest(1, 1, 0, 0, false, 1));
        assertEquals(List.of(VoteReason.GRANTED, VoteReason.GRANTED_AGAIN), out.codes);
        assertTrue(out.sentOf(VoteResponse.class).stream().allMatch(VoteResponse::granted));
    }

    @Test
    void aMessageOfNoKnownTypeFailsLoudly() {
        RaftNode n = node(1);
        n.start(0);
        // RaftMessage is sealed, so null is the only value of no known type; it must not be dropped.
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> n.handle(1, 2, null));
        assertTrue(e.getMessage().startsWith("unhandled raft message"), e.getMessage());
    }

    @Test
    void theHighWatermarkNeedsAMajorityPastTheEpochStart() {
        RaftNode n = node(1);
        long t = electLeader(n);
        n.handle(t + 1, 2, new FetchRequest(1, 2, 0, 0, 11));
        assertEquals(0, n.highWatermark(), "a majority at the epoch start commits nothing yet");
        n.handle(t + 2, 2, new FetchRequest(1, 2, 1, 1, 12));
        assertEquals(1, n.highWatermark(), "leader + n2 hold the leader-change record");
    }

    @Test
    void aDivergingFetchIsToldWhereTheLeadersEpochEnds() {
        RaftNode n = node(1);
        long t = electLeader(n);
        n.handle(t + 1, 3, new FetchRequest(1, 3, 4, 0, 21));
        FetchResponse r = out.sentOf(FetchResponse.class).get(0);
        assertNotNull(r.divergingEpoch());
        assertEquals(new OffsetAndEpoch(0, 0), r.divergingEpoch());
    }

    @Test
    void aLeaderWithoutFetchesFromAMajorityResignsThroughCheckQuorum() {
        RaftNode n = node(1);
        long t = electLeader(n);
        n.wake(t + 2_999);
        assertEquals(Role.LEADER, n.role());
        n.wake(t + 3_000);
        assertEquals(Role.RESIGNED, n.role());
        assertEquals(2, out.sentOf(EndQuorumEpochRequest.class).size());
    }

    @Test
    void aFollowerThatHasFetchedFromItsLeaderRejectsPreVotes() {
        RaftNode n = node(2);
        n.start(0);
        n.handle(5, 1, new BeginQuorumEpochRequest(1, 1));
        assertEquals(Role.FOLLOWER, n.role());
        n.wake(5);
        FetchRequest fetch = out.sentOf(FetchRequest.class).get(out.sentOf(FetchRequest.class).size() - 1);
        n.handle(10, 1, new FetchResponse(1, 1, RaftError.NONE, 0, List.of(), null, null, 0, fetch.correlation()));
        n.handle(100, 3, new VoteRequest(1, 3, 0, 0, true, 9));
        VoteResponse r = out.sentOf(VoteResponse.class).get(0);
        assertFalse(r.granted());
        assertTrue(out.votes.get(0).contains("has fetched from leader n1"), out.votes.get(0));
    }

    @Test
    void aRestartedLeaderComesBackResignedAndStaleAnswersAreIgnored() {
        RaftNode n = node(1);
        electLeader(n);
        RaftNode again = new RaftNode(1, VOTERS, RaftConfig.kafkaDefaults(), disk, new SplittableRandom(7), out, 1);
        again.start(5_000);
        assertEquals(Role.RESIGNED, again.role());
        assertEquals(1, again.epoch());

        RaftNode follower = new RaftNode(2, VOTERS, RaftConfig.kafkaDefaults(), new DurableState(), new SplittableRandom(1), out, 0);
        follower.start(0);
        follower.handle(1, 1, new BeginQuorumEpochRequest(1, 1));
        long end = follower.log().endOffset();
        follower.handle(2, 1, new FetchResponse(1, 1, RaftError.NONE, 1,
                List.of(new LogEntry(0, 1, "x")), null, null, 0, 424242));
        assertEquals(end, follower.log().endOffset(), "a response to no request of ours changes nothing");
    }

    /**
     * Kafka: KafkaRaftClientTest.testUnattachedAsVoterCanBecomeFollowerAfterFindingLeader and
     * RequestManager.findReadyBootstrapServer / onResponseResult: an Unattached voter fetches from a
     * bootstrap server at once (its election timer running meanwhile); a server that does not know
     * the leader answers NOT_LEADER_OR_FOLLOWER, which Kafka handles, so a server picked at random is
     * asked again at once; an answer naming the leader of a newer epoch makes it a follower.
     */
    @Test
    void anUnattachedVoterFetchesFromTheBootstrapServersAndLearnsTheLeader() {
        RaftNode n1 = node(1);
        n1.start(0);
        assertEquals(Role.UNATTACHED, n1.role());
        assertEquals(0, n1.nextWakeAt(), "it fetches at once, not only when its election timer runs out");
        java.util.Set<Integer> asked = new java.util.TreeSet<>();
        long t = 0;
        for (int i = 0; i < 8; i++) {
            n1.wake(t);
            List<FetchRequest> fetches = out.sentOf(FetchRequest.class);
            assertEquals(i + 1, fetches.size(), "one fetch in flight at a time");
            int server = out.to.get(out.to.size() - 1)[0];
            assertTrue(server == 2 || server == 3, "a bootstrap server other than itself: n" + server);
            asked.add(server);
            t += 3;
            n1.handle(t, server, new FetchResponse(0, -1, RaftError.NOT_LEADER_OR_FOLLOWER, -1, List.of(), null, null, 0,
                    fetches.get(i).correlation()));
            assertEquals(t, n1.nextWakeAt(), "asked again at once");
        }
        assertEquals(java.util.Set.of(2, 3), asked, "the server is drawn at random, not always the same");
        n1.wake(t);
        List<FetchRequest> fetches = out.sentOf(FetchRequest.class);
        n1.handle(t + 3, out.to.get(out.to.size() - 1)[0], new FetchResponse(4, 3, RaftError.FENCED_LEADER_EPOCH, -1,
                List.of(), null, null, 0, fetches.get(fetches.size() - 1).correlation()));
        assertEquals(Role.FOLLOWER, n1.role());
        assertEquals(3, n1.leaderId());
        assertEquals(4, n1.epoch());
    }
}
