package io.yakraft.raft;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Owns the node's role (Kafka's QuorumState): every transition happens here, persists what the
 * quorum-state file must hold before the node acts on it, and reports the change through
 * {@link RaftOutputs#roleChanged}. A transition the protocol does not allow throws.
 *
 * <p>It decides nothing about the protocol; the {@link RaftNode} asks for a transition when a
 * message or a timer calls for one. It owns the node's election randomness (timeouts and
 * backoff), so the draws happen in the order the transitions do.
 */
final class QuorumState {
    private final int localId;
    private final ReplicaKey localKey;
    /** The voter sets of the log; the latest one is in force (KIP-853). */
    private final VoterHistory voterHistory;
    /** controller.quorum.bootstrap.servers: whom an observer asks for the leader. */
    private final int[] bootstrapServers;
    private final RaftConfig config;
    private final DurableState disk;
    private final SplittableRandom random;
    private final RaftOutputs out;

    /** Before {@link #initialize}: unattached in epoch 0, no timers, nothing reported. */
    private EpochState state = new UnattachedState(0, Long.MAX_VALUE, Long.MAX_VALUE);

    QuorumState(int localId, int[] sortedVoters, RaftConfig config, DurableState disk, SplittableRandom random,
                RaftOutputs out) {
        this(new ReplicaKey(localId, disk.directoryId()), new VoterHistory(VoterSet.fromIds(sortedVoters)), sortedVoters,
                config, disk, random, out);
    }

    QuorumState(ReplicaKey localKey, VoterHistory voterHistory, int[] bootstrapServers, RaftConfig config,
                DurableState disk, SplittableRandom random, RaftOutputs out) {
        this.localId = localKey.id();
        this.localKey = localKey;
        this.voterHistory = voterHistory;
        this.bootstrapServers = bootstrapServers;
        this.config = config;
        this.disk = disk;
        this.random = random;
        this.out = out;
    }

    // ------------------------------------------------------------------ view

    EpochState state() {
        return state;
    }

    Role role() {
        return state.role();
    }

    int epoch() {
        return state.epoch();
    }

    int leaderId() {
        return state.leaderId();
    }

    /** Whether this replica (id and disk) is in the latest voter set of its log. */
    boolean isVoter() {
        refreshVoterCache();
        return cachedIsVoter;
    }

    int majority() {
        return voterHistory.latest().majority();
    }

    VoterSet voterSet() {
        return voterHistory.latest();
    }

    /** The latest voter set's ids, sorted (a copy). */
    int[] voterIds() {
        refreshVoterCache();
        return cachedIds.clone();
    }

    /** The voter set is read on every message: its ids and our membership are worked out once per set. */
    private void refreshVoterCache() {
        VoterSet latest = voterHistory.latest();
        if (latest != cachedSet) {
            cachedSet = latest;
            cachedIds = latest.ids();
            cachedIsVoter = latest.isVoter(localKey);
        }
    }

    private VoterSet cachedSet;
    private int[] cachedIds;
    private boolean cachedIsVoter;

    /** The vote this node cast in its current epoch, or -1. */
    int votedId() {
        ElectionState saved = disk.election();
        return saved.epoch() == epoch() ? saved.votedId() : -1;
    }

    // ------------------------------------------------------------------ start

    /**
     * Boots from the durable state, as Kafka's QuorumState.initialize does; {@code round} is
     * the election round a restarted candidate asks in.
     */
    void initialize(long now, long round) {
        ElectionState saved = disk.election();
        int epoch = Math.max(saved.epoch(), disk.log().lastEpoch());
        if (!isVoter()) {
            enterObserverUnattached(now, epoch, "observer started; looking for the leader");
        } else if (saved.epoch() < disk.log().lastEpoch()) {
            enterUnattached(now, epoch, "log holds a newer epoch than the quorum-state file");
        } else if (saved.leaderId() == localId) {
            // A restarted leader resigns its epoch: it must not vote in it or write in it again.
            enter(new ResignedState(epoch, List.of(), new TreeSet<>(), now + randomElectionTimeout()),
                    "was leader of epoch " + epoch + " before restart; resigning it");
        } else if (saved.votedId() == localId) {
            // It voted for itself in this epoch: it resumes that election rather than wait.
            enter(new CandidateState(epoch, new VoteTally(round, voterIds(), localId), now + randomElectionTimeout()),
                    "was candidate in epoch " + epoch + " before restart; resuming the election");
        } else if (saved.hasLeader()) {
            enterFollower(now, saved.epoch(), saved.leaderId(), "restarted knowing leader n" + saved.leaderId());
        } else {
            enterUnattached(now, epoch, saved.hasVoted()
                    ? "restarted having voted for n" + saved.votedId() + " in epoch " + epoch
                    : "started with no known leader");
        }
    }

    // ------------------------------------------------------------------ transitions

    /**
     * A newer epoch was seen and its leader (if any) is not known to be us; or a Resigned leader's
     * election timer ran out and it moves to the next epoch (Kafka's pollResigned). As Kafka's
     * QuorumState.transitionToUnattached: a Candidate, an Unattached voter, a Resigned leader or a
     * Prospective whose pre-vote is not yet lost keeps what remains of its election timer (so a
     * Resigned leader whose timer ran out elects at once); any other voter draws a fresh one. An
     * observer has no election timer and goes looking for the leader.
     */
    UnattachedState transitionToUnattached(long now, int newEpoch, String reason) {
        if (newEpoch <= epoch()) {
            throw illegal(Role.UNATTACHED, "epoch " + newEpoch + " is not newer than " + epoch());
        }
        boolean keepsTimer = state instanceof CandidateState || state instanceof UnattachedState
                || state instanceof ResignedState
                || (state instanceof ProspectiveState p && !p.tally().lost());
        long remaining = state.electionDeadline();
        persist(newEpoch, -1, -1);
        if (!isVoter()) {
            return enterObserverUnattached(now, newEpoch, reason);
        }
        long deadline = keepsTimer && remaining != Long.MAX_VALUE ? Math.max(remaining, now)
                : now + randomElectionTimeout();
        // Kafka's pollUnattachedAsVoter: while its election timer runs, it also fetches from the bootstrap servers
        return enter(new UnattachedState(newEpoch, deadline, now), reason);
    }

    /** A Prospective gives up (lost, or voted for another) and waits in its epoch for a new timeout. */
    UnattachedState transitionToUnattachedInEpoch(long now, String reason) {
        require(Role.UNATTACHED, EnumSet.of(Role.PROSPECTIVE));
        return enterUnattached(now, epoch(), reason);
    }

    /**
     * An observer lost its leader (fetch timeout) and asks the bootstrap voters again; or a
     * replica that was removed from the voter set leaves its election (KIP-853).
     */
    UnattachedState transitionToObserverUnattached(long now, String reason) {
        require(Role.UNATTACHED, EnumSet.of(Role.FOLLOWER, Role.UNATTACHED, Role.PROSPECTIVE, Role.CANDIDATE));
        if (isVoter()) {
            throw illegal(Role.UNATTACHED, "n" + localId + " is a voter, not an observer");
        }
        return enterObserverUnattached(now, epoch(), reason);
    }

    /** Follow {@code leader} in {@code newEpoch}: a newer epoch, or ours when we knew no leader yet. */
    FollowerState transitionToFollower(long now, int newEpoch, int leader, String reason) {
        if (leader < 0 || leader == localId) {
            throw illegal(Role.FOLLOWER, "n" + leader + " cannot be followed by n" + localId);
        }
        if (newEpoch < epoch() || (newEpoch == epoch() && (state.leaderId() >= 0
                || state.role() == Role.LEADER || state.role() == Role.RESIGNED))) {
            throw illegal(Role.FOLLOWER, "epoch " + newEpoch + " with leader n" + leader);
        }
        return enterFollower(now, newEpoch, leader, reason);
    }

    /** Start a pre-vote in the current epoch; {@code formerLeader} is the leader we followed, or -1. */
    ProspectiveState transitionToProspective(long now, int formerLeader, long round, String reason) {
        require(Role.PROSPECTIVE, EnumSet.of(Role.UNATTACHED, Role.FOLLOWER, Role.CANDIDATE, Role.RESIGNED));
        int epoch = epoch();
        if (!isVoter()) {
            throw illegal(Role.PROSPECTIVE, "n" + localId + " is not in the voter set " + voterSet().describe());
        }
        return enter(new ProspectiveState(epoch, formerLeader, new VoteTally(round, voterIds(), localId),
                now + randomElectionTimeout()), reason + "; asking for pre-votes in epoch " + epoch);
    }

    /** The pre-vote was won: raise the epoch and vote for ourselves (persisted first). */
    CandidateState transitionToCandidate(long now, long round, String reason) {
        require(Role.CANDIDATE, EnumSet.of(Role.PROSPECTIVE));
        int epoch = epoch() + 1;
        persist(epoch, -1, localId);
        return enter(new CandidateState(epoch, new VoteTally(round, voterIds(), localId), now + randomElectionTimeout()),
                reason + "; epoch " + epoch + ", voting for itself");
    }

    /** The vote was won: persist our leadership, then lead from the current log end. */
    LeaderState transitionToLeader(long now) {
        require(Role.LEADER, EnumSet.of(Role.CANDIDATE));
        CandidateState candidate = (CandidateState) state;
        if (!candidate.tally().won()) {
            throw illegal(Role.LEADER, "votes " + candidate.tally().granted() + " are no majority");
        }
        int epoch = candidate.epoch();
        List<Integer> granting = candidate.tally().granted();
        persist(epoch, localId, localId);
        LeaderState leader = new LeaderState(localKey, epoch, disk.log().endOffset(), voterSet(), granting, now, config);
        return enter(leader, "won the vote of " + granting + " in epoch " + epoch);
    }

    /** The leader gives up its epoch; the other voters must acknowledge EndQuorumEpoch. */
    ResignedState transitionToResigned(long now, List<Integer> successors, String why) {
        require(Role.RESIGNED, EnumSet.of(Role.LEADER));
        TreeSet<Integer> others = new TreeSet<>();
        for (int v : voterIds()) {
            if (v != localId) {
                others.add(v);
            }
        }
        int epoch = epoch();
        return enter(new ResignedState(epoch, successors, others, now + randomElectionTimeout()),
                why + "; resigning epoch " + epoch);
    }

    // ------------------------------------------------------------------ votes and timers

    /** Persists our vote for {@code candidate} in the current epoch (before the answer goes out). */
    void recordVote(int candidate) {
        persist(epoch(), -1, candidate);
    }

    /** A fresh randomized election timeout from now: Kafka's [timeout, 2 × timeout). */
    long electionTimeoutFrom(long now) {
        return now + randomElectionTimeout();
    }

    // ------------------------------------------------------------------ internals

    private UnattachedState enterUnattached(long now, int epoch, String reason) {
        return enter(new UnattachedState(epoch, now + randomElectionTimeout(), now), reason);
    }

    private UnattachedState enterObserverUnattached(long now, int epoch, String reason) {
        return enter(new UnattachedState(epoch, Long.MAX_VALUE, now), reason);
    }

    private FollowerState enterFollower(long now, int newEpoch, int leader, String reason) {
        ElectionState saved = disk.election();
        if (saved.epoch() != newEpoch || saved.leaderId() != leader) {
            persist(newEpoch, leader, saved.epoch() == newEpoch ? saved.votedId() : -1);
        }
        return enter(new FollowerState(newEpoch, leader, now + config.fetchTimeoutMs(), now), reason);
    }

    private <S extends EpochState> S enter(S next, String reason) {
        Role prev = state.role();
        state = next;
        out.roleChanged(prev, next.role(), next.epoch(), next.leaderId(), reason);
        return next;
    }

    private void persist(int epoch, int leader, int voted) {
        disk.writeElection(new ElectionState(epoch, leader, voted));
    }

    private long randomElectionTimeout() {
        return config.electionTimeoutMs() + random.nextLong(config.electionTimeoutMs());
    }

    private void require(Role target, Set<Role> from) {
        if (!from.contains(state.role())) {
            throw illegal(target, "allowed only from " + from);
        }
    }

    private IllegalStateException illegal(Role target, String why) {
        return new IllegalStateException("n" + localId + ": illegal transition " + state.role().label() + " → "
                + target.label() + " in epoch " + epoch() + ": " + why);
    }
}
