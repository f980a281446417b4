package io.yakraft.raft;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every role change goes through QuorumState: each legal one, and refusals of illegal ones. */
class QuorumStateTest {
    private static final int[] VOTERS = {1, 2, 3};

    private final RaftNodeTest.Recording out = new RaftNodeTest.Recording();
    private final DurableState disk = new DurableState();

    private QuorumState quorum(int id) {
        QuorumState q = new QuorumState(id, VOTERS, RaftConfig.kafkaDefaults(), disk, new SplittableRandom(3), out);
        q.initialize(0, 0);
        return q;
    }

    private Role lastReported() {
        return out.roles.get(out.roles.size() - 1);
    }

    private QuorumState leaderOfEpoch1() {
        QuorumState q = quorum(1);
        q.transitionToProspective(10, -1, 0, "timeout");
        CandidateState c = q.transitionToCandidate(10, 1, "won the pre-vote");
        c.tally().record(2, true);
        q.transitionToLeader(10);
        return q;
    }

    @Test
    void aFreshVoterStartsUnattachedWithARunningElectionTimer() {
        QuorumState q = quorum(1);
        UnattachedState s = assertInstanceOf(UnattachedState.class, q.state());
        assertEquals(0, s.epoch());
        long timeout = RaftConfig.kafkaDefaults().electionTimeoutMs();
        assertTrue(s.electionDeadline() >= timeout && s.electionDeadline() < 2 * timeout, "deadline " + s.electionDeadline());
        assertEquals(List.of(Role.UNATTACHED), out.roles);
    }

    @Test
    void anObserverStartsUnattachedAndFetchesAtOnce() {
        QuorumState q = quorum(9);
        UnattachedState s = assertInstanceOf(UnattachedState.class, q.state());
        assertEquals(Long.MAX_VALUE, s.electionDeadline());
        assertEquals(0, s.fetch().nextFetchAt());
    }

    @Test
    void prospectiveThenCandidateRaisesTheEpochAndPersistsTheSelfVote() {
        QuorumState q = quorum(1);
        ProspectiveState p = q.transitionToProspective(10, -1, 0, "timeout");
        assertEquals(0, p.epoch(), "a pre-vote does not raise the epoch");
        assertEquals(Role.PROSPECTIVE, lastReported());
        CandidateState c = q.transitionToCandidate(10, 1, "won the pre-vote");
        assertEquals(1, c.epoch());
        assertEquals(new ElectionState(1, -1, 1), disk.election());
        assertEquals(Role.CANDIDATE, lastReported());
    }

    @Test
    void candidateWithAMajorityBecomesLeaderAndPersistsIt() {
        QuorumState q = leaderOfEpoch1();
        LeaderState l = assertInstanceOf(LeaderState.class, q.state());
        assertEquals(List.of(1, 2), l.grantingVoters());
        assertEquals(new ElectionState(1, 1, 1), disk.election());
        assertEquals(Role.LEADER, lastReported());
    }

    @Test
    void leaderResignsAndAwaitsEveryOtherVoter() {
        QuorumState q = leaderOfEpoch1();
        ResignedState r = q.transitionToResigned(20, List.of(3, 2), "shutdown");
        assertEquals(1, r.epoch());
        assertEquals(List.of(2, 3), r.unacknowledged());
        assertEquals(List.of(3, 2), r.successors());
        assertEquals(Role.RESIGNED, lastReported());
    }

    @Test
    void aNewerEpochMakesAnyRoleFollowerOrUnattached() {
        QuorumState q = leaderOfEpoch1();
        q.transitionToUnattached(30, 2, "newer epoch");
        assertEquals(Role.UNATTACHED, q.role());
        assertEquals(new ElectionState(2, -1, -1), disk.election());
        FollowerState f = q.transitionToFollower(40, 3, 2, "leader n2");
        assertEquals(2, f.leaderId());
        assertEquals(new ElectionState(3, 2, -1), disk.election());
        assertEquals(40 + RaftConfig.kafkaDefaults().fetchTimeoutMs(), f.fetchDeadline());
    }

    @Test
    void aFollowerStartsAPreVoteAndALosingProspectiveGoesBackToUnattached() {
        QuorumState q = quorum(1);
        q.transitionToFollower(5, 1, 2, "leader n2");
        ProspectiveState p = q.transitionToProspective(50, 2, 0, "fetch timeout");
        assertEquals(2, p.formerLeader());
        q.transitionToUnattachedInEpoch(60, "pre-vote lost");
        assertEquals(Role.UNATTACHED, q.role());
        assertEquals(1, q.epoch());
    }

    @Test
    void anObserverThatLosesItsLeaderLooksForItAgain() {
        QuorumState q = quorum(9);
        q.transitionToFollower(5, 1, 2, "leader n2");
        q.transitionToObserverUnattached(50, "fetch timeout");
        assertEquals(Role.UNATTACHED, q.role());
        assertEquals(50, q.state().nextWakeAt(), "it fetches from the bootstrap servers at once");
    }

    @Test
    void illegalTransitionsThrow() {
        QuorumState q = quorum(1);
        assertThrows(IllegalStateException.class, () -> q.transitionToCandidate(1, 1, "no pre-vote won"));
        assertThrows(IllegalStateException.class, () -> q.transitionToLeader(1));
        assertThrows(IllegalStateException.class, () -> q.transitionToResigned(1, List.of(), "not leader"));
        assertThrows(IllegalStateException.class, () -> q.transitionToUnattached(1, 0, "same epoch"));
        assertThrows(IllegalStateException.class, () -> q.transitionToFollower(1, 0, 1, "itself"));
        assertThrows(IllegalStateException.class, () -> q.transitionToObserverUnattached(1, "a voter"));
        q.transitionToProspective(10, -1, 0, "timeout");
        q.transitionToCandidate(10, 1, "won the pre-vote");
        assertThrows(IllegalStateException.class, () -> q.transitionToLeader(10), "one vote of three is no majority");
        IllegalStateException back = assertThrows(IllegalStateException.class, () -> q.transitionToFollower(10, 0, 2, "old"));
        assertTrue(back.getMessage().contains("Candidate → Follower"), back.getMessage());
        assertEquals(Role.CANDIDATE, q.role(), "a refused transition leaves the role as it was");
    }

    @Test
    void aLeaderCannotFollowInItsOwnEpoch() {
        QuorumState q = leaderOfEpoch1();
        assertThrows(IllegalStateException.class, () -> q.transitionToFollower(20, 1, 2, "same epoch"));
        assertThrows(IllegalStateException.class, () -> q.transitionToProspective(20, -1, 5, "leaders do not pre-vote"));
        assertEquals(Role.LEADER, q.role());
    }
}
