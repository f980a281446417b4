package io.yakraft.raft;

import io.yakraft.raft.LeaderState.HeldFetch;
import io.yakraft.raft.RaftMessage.BeginQuorumEpochRequest;
import io.yakraft.raft.RaftMessage.BeginQuorumEpochResponse;
import io.yakraft.raft.RaftMessage.EndQuorumEpochRequest;
import io.yakraft.raft.RaftMessage.EndQuorumEpochResponse;
import io.yakraft.raft.RaftMessage.FetchRequest;
import io.yakraft.raft.RaftMessage.FetchResponse;
import io.yakraft.raft.RaftMessage.FetchSnapshotRequest;
import io.yakraft.raft.RaftMessage.FetchSnapshotResponse;
import io.yakraft.raft.RaftMessage.VoteRequest;
import io.yakraft.raft.RaftMessage.VoteResponse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One KRaft replica as a pure state machine: inputs are messages, timer wake-ups, local appends
 * and resign requests, each with the current simulated time; outputs go to {@link RaftOutputs}.
 * No I/O, no clock, no threads; randomness comes from the injected stream.
 *
 * <p>Shaped like Kafka 4.x's KafkaRaftClient: this class dispatches each input to the handler
 * for it; {@link QuorumState} owns the role and every transition; one class per role
 * ({@link UnattachedState}, {@link ProspectiveState}, {@link CandidateState},
 * {@link LeaderState}, {@link FollowerState}, {@link ResignedState}) holds that role's state and
 * timers. Follows pre-vote (KIP-996), pull-based Fetch with divergence detection, a
 * leader-change record at the start of each epoch, the high watermark from voters' fetch
 * offsets, check-quorum, BeginQuorumEpoch/EndQuorumEpoch, and observers that only fetch.
 *
 * <p>A few decisions are protected methods so that tests can build deliberately broken
 * variants and prove the invariant checks catch them.
 */
public class RaftNode {
    private final int id;
    /** This replica as KIP-853 names it: id and the directory id of its disk. */
    private final ReplicaKey localKey;
    /** controller.quorum.bootstrap.servers: whom an observer asks for the leader. */
    private final int[] bootstrapServers;
    /** The bootstrap servers as Kafka's RequestManager tracks them: who is ready, who backs off. */
    private final BootstrapServers bootstrap;
    /** The voter sets of the log (Kafka's KRaftControlRecordStateMachine); the latest is in force. */
    private final VoterHistory voterHistory;
    private final RaftConfig config;
    private final DurableState disk;
    private final RaftOutputs out;
    private final QuorumState quorum;
    private final VoteHandler votes;

    private long highWatermark;
    private long nextCorrelation;
    /** The voter set this node last acted on; a different latest set means the log changed it. */
    private VoterSet appliedVoters;
    /** This replica as a voter node: its key, its controller listener and its kraft.version range. */
    private VoterSet.Voter localVoter;
    private boolean started;

    public RaftNode(int id, int[] voters, RaftConfig config, DurableState disk, SplittableRandom random,
                    RaftOutputs out, int incarnation) {
        this.id = id;
        this.bootstrapServers = voters.clone();
        Arrays.sort(this.bootstrapServers);
        this.localKey = new ReplicaKey(id, disk.directoryId());
        this.bootstrap = new BootstrapServers(this.bootstrapServers, id);
        // kraft.version 1: the voter set of the bootstrap checkpoint, none on a disk formatted
        // without one; kraft.version 0 (a disk without a directory id): the configured voters.
        VoterSet bootstrap = disk.bootstrapVoters() != null ? disk.bootstrapVoters()
                : disk.directoryId().isEmpty() ? VoterSet.fromIds(this.bootstrapServers) : VoterSet.EMPTY;
        this.voterHistory = new VoterHistory(bootstrap);
        this.config = config;
        this.disk = disk;
        this.out = out;
        this.quorum = new QuorumState(localKey, voterHistory, this.bootstrapServers, config, disk, random, out);
        this.votes = new VoteHandler(id, config, disk, quorum, this::candidateLogUpToDate);
        // Correlation ids are unique across restarts so a response to a previous life is ignored.
        this.nextCorrelation = ((long) incarnation) << 32;
        this.localVoter = new VoterSet.Voter(localKey, VoterSet.endpointOf(id));
    }

    /**
     * Where this controller listens and which kraft.versions its software supports (server.properties'
     * controller listener; Kafka's QuorumConfig and localSupportedKRaftVersion). Set before {@link #start}.
     */
    public void listenOn(String endpoint, VoterSet.KRaftVersionRange kraftVersions) {
        if (started) {
            throw new IllegalStateException("n" + id + ": listeners are configuration, set before the node starts");
        }
        localVoter = new VoterSet.Voter(localKey, endpoint, kraftVersions);
    }

    /** This replica as a voter node: key, endpoint and supported kraft.version range. */
    public VoterSet.Voter localVoter() {
        return localVoter;
    }

    // ------------------------------------------------------------------ public view

    public int id() {
        return id;
    }

    public boolean isVoter() {
        return quorum.isVoter();
    }

    public Role role() {
        return quorum.role();
    }

    public int epoch() {
        return quorum.epoch();
    }

    public int leaderId() {
        return quorum.leaderId();
    }

    public int votedId() {
        return quorum.votedId();
    }

    public long highWatermark() {
        return highWatermark;
    }

    public RaftLog log() {
        return disk.log();
    }

    public RaftConfig config() {
        return config;
    }

    /** The ids of the latest voter set of this replica's log (committed or not). */
    public int[] voters() {
        return quorum.voterIds();
    }

    /** The latest voter set of this replica's log, committed or not (Kafka's lastVoterSet). */
    public VoterSet voterSet() {
        return voterHistory.latest();
    }

    /** Offset of the VotersRecord that set {@link #voterSet()}, -1 for the bootstrap checkpoint or a snapshot. */
    public long voterSetOffset() {
        return voterHistory.latestEntry().offset();
    }

    /** The voter set as of this replica's high watermark: the committed one. */
    public VoterSet committedVoterSet() {
        return voterHistory.at(highWatermark - 1);
    }

    /** This replica's id and the directory id of its disk. */
    public ReplicaKey replicaKey() {
        return localKey;
    }

    /** The finalized kraft.version: 1 when the disk was formatted with a directory id (KIP-853), else 0. */
    public int kraftVersion() {
        return disk.directoryId().isEmpty() ? 0 : 1;
    }

    /** The running timer a view should draw: election, backoff, fetch or check-quorum deadline. */
    public long timerDeadline() {
        return quorum.state().timerDeadline();
    }

    /** The leader's view of every replica, or an empty list when not leader. */
    public List<ReplicaState> replicaStates() {
        return quorum.state() instanceof LeaderState leader ? leader.replicaStates() : List.of();
    }

    /**
     * Kafka's DescribeQuorum, answered only by a leader (KafkaRaftClient.handleDescribeQuorumRequest:
     * any other role answers NOT_LEADER_OR_FOLLOWER, which is an empty result here). The high
     * watermark is -1 until this leader has one of its own.
     */
    public java.util.Optional<QuorumInfo> describeQuorum(long now) {
        return quorum.state() instanceof LeaderState leader
                ? java.util.Optional.of(leader.describe(now, advertisedHighWatermark()))
                : java.util.Optional.empty();
    }

    /** The running pre-vote or vote round as this node counts it, or {@link VoteCount#NONE}. */
    public VoteCount voteCount() {
        if (quorum.state() instanceof ProspectiveState p) {
            return count(true, p.tally());
        }
        if (quorum.state() instanceof CandidateState c) {
            return count(false, c.tally());
        }
        return VoteCount.NONE;
    }

    private static VoteCount count(boolean preVote, VoteTally tally) {
        return new VoteCount(preVote, tally.granted().size(), tally.rejected().size(), tally.majority());
    }

    /** Epoch start offset when leader, else -1. */
    public long epochStartOffset() {
        return quorum.state() instanceof LeaderState leader ? leader.epochStartOffset() : -1;
    }

    public long nextWakeAt() {
        return quorum.state().nextWakeAt();
    }

    // ------------------------------------------------------------------ start

    /** Boots from the durable state, as Kafka's QuorumState.initialize does. */
    public void start(long now) {
        started = true;
        if (disk.snapshot() != null) {
            // Everything in a snapshot was committed, so the high watermark starts at its end.
            highWatermark = disk.snapshot().id().offset();
            if (disk.snapshot().voters() != null) {
                voterHistory.snapshotAt(disk.snapshot().id().offset(), disk.snapshot().voters());
            }
            out.snapshotLoaded(disk.snapshot(), "loaded the latest snapshot from disk");
        }
        // Kafka's KRaftControlRecordStateMachine reads the latest snapshot, then the control
        // records of the log after it (the log may still hold older entries, kept by retention).
        RaftLog log = disk.log();
        long replayFrom = disk.snapshot() != null ? Math.max(log.startOffset(), disk.snapshot().id().offset()) : log.startOffset();
        voterHistory.appended(log.slice(replayFrom, log.endOffset()));
        appliedVoters = voterHistory.latest();
        quorum.initialize(now, nextCorrelation);
        if (quorum.state() instanceof CandidateState candidate) {
            nextCorrelation++; // the round the restarted candidate took
            // A restarted candidate asks again (Kafka's pollCandidate sends to unrecorded voters).
            if (candidate.tally().won()) {
                becomeLeader(now);
            } else {
                requestVotes(now, candidate.epoch(), candidate.tally(), false);
            }
        }
    }

    // ------------------------------------------------------------------ inputs

    public void handle(long now, int from, RaftMessage message) {
        // Java 17 has no pattern switch: the chain names every type of the sealed hierarchy and
        // anything else fails loudly rather than being dropped.
        if (message instanceof VoteRequest m) {
            onVoteRequest(now, from, m);
        } else if (message instanceof VoteResponse m) {
            onVoteResponse(now, from, m);
        } else if (message instanceof BeginQuorumEpochRequest m) {
            onBeginQuorumEpoch(now, from, m);
        } else if (message instanceof BeginQuorumEpochResponse m) {
            onBeginQuorumEpochResponse(now, from, m);
        } else if (message instanceof EndQuorumEpochRequest m) {
            onEndQuorumEpoch(now, from, m);
        } else if (message instanceof EndQuorumEpochResponse m) {
            onEndQuorumEpochResponse(now, from, m);
        } else if (message instanceof FetchRequest m) {
            onFetchRequest(now, from, m);
        } else if (message instanceof FetchResponse m) {
            onFetchResponse(now, from, m);
        } else if (message instanceof FetchSnapshotRequest m) {
            onFetchSnapshotRequest(now, from, m);
        } else if (message instanceof FetchSnapshotResponse m) {
            onFetchSnapshotResponse(now, from, m);
        } else if (message instanceof RaftMessage.UpdateVoterRequest m) {
            onUpdateVoterRequest(now, from, m);
        } else if (message instanceof RaftMessage.UpdateVoterResponse m) {
            onUpdateVoterResponse(now, from, m);
        } else {
            throw new IllegalStateException("unhandled raft message from n" + from + ": " + message);
        }
    }

    /** Fires whatever deadlines have passed. */
    public void wake(long now) {
        EpochState state = quorum.state();
        if (state instanceof LeaderState leader) {
            pollLeader(now, leader);
            return;
        }
        FetchLoop fetch = fetchLoopOf(state);
        if (state instanceof FollowerState follower) {
            follower.pollUpdateVoterTimer(now);
        }
        if (fetch != null && fetch.requestExpired(now)) {
            fetch.settled();
            out.note("fetch request timed out after " + config.requestTimeoutMs() + " ms; retrying");
            fetch.fetchNoLaterThan(now + config.retryBackoffMs());
        }
        if (state instanceof FollowerState follower && follower.fetchDeadline() <= now) {
            out.timerExpired("fetch timeout: no successful fetch from leader n" + follower.leaderId() + " for "
                    + config.fetchTimeoutMs() + " ms");
            if (quorum.isVoter()) {
                becomeProspective(now, follower.leaderId(), "fetch timeout expired");
            } else {
                quorum.transitionToObserverUnattached(now, "fetch timeout expired; looking for the leader again");
            }
            return;
        }
        if (state.electionDeadline() <= now) {
            onElectionTimeout(now, state);
            return;
        }
        resendVoteRequests(now, state);
        if (state instanceof ResignedState resigned && resigned.endEpochResendAt() <= now) {
            sendEndQuorumEpoch(now, resigned);
        }
        if (fetch != null && fetch.nextFetchAt() <= now) {
            fetch.fetchAt(Long.MAX_VALUE);
            if (!(state instanceof FollowerState follower && follower.updateVoterDue() && maybeSendUpdateVoter(now, follower, fetch))) {
                sendFetch(now, state, fetch);
            }
        }
    }

    private void onElectionTimeout(long now, EpochState state) {
        if (!quorum.isVoter() && !(state instanceof ResignedState)) {
            quorum.transitionToObserverUnattached(now, "not in the voter set " + voterHistory.latest().describe()
                    + "; looking for the leader as an observer");
        } else if (state instanceof UnattachedState) {
            out.timerExpired("election timeout expired");
            becomeProspective(now, -1, "election timeout expired");
        } else if (state instanceof ResignedState resigned) {
            // Kafka's pollResigned: leave the resigned epoch for the next one, so that no answer
            // can still name us leader of it; the spent timer makes the Unattached elect at once.
            out.timerExpired("election timeout expired while resigned");
            quorum.transitionToUnattached(now, resigned.epoch() + 1, "resigned epoch " + resigned.epoch()
                    + " for its election timeout; moving to epoch " + (resigned.epoch() + 1));
        } else if (state instanceof ProspectiveState prospective) {
            out.timerExpired("pre-vote timed out without a majority");
            prospectiveLost(now, prospective, "pre-vote timed out");
        } else if (state instanceof CandidateState candidate) {
            // Kafka's pollCandidate: lost or undecided, the candidate starts over as Prospective
            // when its election timer runs out, with no further backoff.
            out.timerExpired(candidate.lost() ? "election lost; waited out the election timeout"
                    : "election timed out without a majority");
            becomeProspective(now, -1, "election in epoch " + candidate.epoch() + " not won");
        } else {
            throw new IllegalStateException("unhandled election timeout in " + state.role());
        }
    }

    /**
     * Appends payloads as the leader. Returns the offset of the first one, or -1 when this node
     * is not the leader (the caller answers NOT_CONTROLLER).
     */
    public long append(long now, List<?> payloads) {
        if (!(quorum.state() instanceof LeaderState leader) || payloads.isEmpty()) {
            return -1;
        }
        return appendAsLeader(now, leader, payloads, "leader appended " + payloads.size() + " record(s)");
    }

    private long appendAsLeader(long now, LeaderState leader, List<?> payloads, String why) {
        RaftLog log = disk.log();
        long base = log.endOffset();
        long batchLast = base + payloads.size() - 1; // one call, one batch (Kafka: scheduleAtomicAppend)
        List<LogEntry> added = new ArrayList<>(payloads.size());
        for (Object p : payloads) {
            LogEntry e = new LogEntry(log.endOffset(), leader.epoch(), p, batchLast);
            log.append(e);
            added.add(e);
        }
        out.appended(added, why);
        leader.updateLocalEnd(log.endOffset(), now);
        if (voterHistory.appended(added)) {
            followVoterSet(now);
        }
        maybeAdvanceHighWatermark(now, leader);
        answerHeldFetches(leader, false);
        return base;
    }

    /** Graceful resignation (shutdown or an operator's request): Resigned plus EndQuorumEpoch. */
    public void resign(long now, String why) {
        if (quorum.state() instanceof LeaderState leader) {
            resignTo(now, leader, why);
        }
    }

    /** Makes the current election/fetch timer expire now (the "force timeout" control). */
    public void forceTimeout(long now) {
        expireTimerAt(now);
        wake(now);
    }

    /**
     * Moves the node's election timer (a follower's: its fetch timeout) to {@code at}, so it fires
     * then; the driver re-reads {@link #nextWakeAt()}. A leader runs no election timer and is left
     * as it is. Two voters given the same instant start their elections together (a split vote).
     */
    public void expireTimerAt(long at) {
        EpochState state = quorum.state();
        if (state instanceof FollowerState follower) {
            follower.fetchTimeoutAt(at);
        } else if (state instanceof CandidateState candidate) {
            candidate.electAt(at);
        } else if (state instanceof UnattachedState unattached) {
            unattached.electAt(at);
        } else if (state instanceof ProspectiveState prospective) {
            prospective.electAt(at);
        } else if (state instanceof ResignedState resigned) {
            resigned.electAt(at);
        } else if (!(state instanceof LeaderState)) {
            throw new IllegalStateException("unhandled role for a timer change: " + state.role());
        }
    }

    // ------------------------------------------------------------------ voter changes (KIP-853)

    /** The voter change this leader appended and has not yet committed, in words; empty when none. */
    public java.util.Optional<String> pendingVoterChange() {
        return quorum.state() instanceof LeaderState leader && leader.pendingVoterChange() != null
                ? java.util.Optional.of(leader.pendingVoterChange().describe()) : java.util.Optional.empty();
    }

    /**
     * Kafka's AddVoterHandler.handleAddVoterRequest, its checks in Kafka's order: only the leader;
     * one change at a time (none pending, the latest voter set committed); the leader knows its high
     * watermark; kraft.version 1; the id is not a voter yet; the new voter is an observer that has
     * caught up with the leader. Then the leader appends a VotersRecord with the new set and uses
     * it at once; the change is done when that record is committed. (Kafka first asks the new
     * voter's ApiVersions for its kraft.version range; every simulated controller supports 1.)
     */
    public VoterChangeResult addVoter(long now, ReplicaKey key, String endpoint) {
        return addVoter(now, new VoterSet.Voter(key, endpoint));
    }

    /**
     * AddRaftVoter for {@code newVoter}, whose kraft.version range is what its ApiVersions answer
     * says (Kafka's AddVoterHandler.handleApiVersionsResponse: a range without the finalized
     * kraft.version is INVALID_REQUEST). The simulation takes that answer as already received:
     * the ApiVersions round trip itself is not modelled.
     */
    public VoterChangeResult addVoter(long now, VoterSet.Voter newVoter) {
        ReplicaKey key = newVoter.key();
        VoterChangeResult refused = voterChangeRefused(now, "add " + key);
        if (refused != null) {
            return refused;
        }
        LeaderState leader = (LeaderState) quorum.state();
        VoterSet current = voterHistory.latest();
        java.util.Optional<VoterSet> next = current.with(newVoter);
        if (next.isEmpty()) {
            return refuse(RaftError.DUPLICATE_VOTER, "n" + key.id() + " is already a voter of " + current.describe());
        }
        if (!newVoter.kraftVersions().supports(kraftVersion())) {
            return refuse(RaftError.INVALID_REQUEST, "new voter " + key + " supports kraft.version " + newVoter.kraftVersions()
                    + " (its ApiVersions answer), not the finalized " + kraftVersion());
        }
        if (!leader.isObserverCaughtUp(key, now)) {
            return refuse(RaftError.REQUEST_TIMED_OUT, "new voter " + key + " is not a caught-up observer of leader n" + id
                    + " (it must fetch up to the leader's log end first)");
        }
        return appendVoters(now, leader, next.get(), new LeaderState.PendingVoterChange(disk.log().endOffset(), true, key, now + config.requestTimeoutMs()));
    }

    /**
     * Kafka's RemoveVoterHandler.handleRemoveVoterRequest: the same one-at-a-time checks, then a
     * VotersRecord without the voter. A leader that removes itself goes on leading (it no longer
     * counts toward the high watermark) until that record is committed, then resigns.
     */
    public VoterChangeResult removeVoter(long now, ReplicaKey key) {
        VoterChangeResult refused = voterChangeRefused(now, "remove " + key);
        if (refused != null) {
            return refused;
        }
        LeaderState leader = (LeaderState) quorum.state();
        VoterSet current = voterHistory.latest();
        java.util.Optional<VoterSet> next = current.without(key);
        if (next.isEmpty()) {
            return refuse(RaftError.VOTER_NOT_FOUND, key + " is not a voter of " + current.describe()
                    + (current.isVoter(key) ? " that can be removed (it is the last one)" : ""));
        }
        return appendVoters(now, leader, next.get(), new LeaderState.PendingVoterChange(disk.log().endOffset(), false, key, now + config.requestTimeoutMs()));
    }

    /** The checks AddVoter and RemoveVoter share, or null when the change may go ahead. */
    private VoterChangeResult voterChangeRefused(long now, String what) {
        if (!(quorum.state() instanceof LeaderState leader)) {
            return refuse(RaftError.NOT_LEADER_OR_FOLLOWER, "n" + id + " is not the leader (leader n" + quorum.leaderId() + ")");
        }
        expirePendingVoterChange(now, leader); // Kafka's isOperationPending expires first
        if (leader.pendingVoterChange() != null) {
            return refuse(RaftError.REQUEST_TIMED_OUT, "cannot " + what + ": voter change "
                    + leader.pendingVoterChange().describe() + " is still in progress");
        }
        if (!leader.hasHighWatermark()) {
            return refuse(RaftError.REQUEST_TIMED_OUT, "cannot " + what + ": leader n" + id
                    + " has no high watermark in epoch " + leader.epoch() + " yet");
        }
        if (kraftVersion() < 1) {
            return refuse(RaftError.UNSUPPORTED_VERSION, "cannot " + what + ": kraft.version is 0 (static voters)");
        }
        VoterHistory.Entry latest = voterHistory.latestEntry();
        if (latest.offset() >= highWatermark) {
            return refuse(RaftError.REQUEST_TIMED_OUT, "cannot " + what + ": the voter set at offset " + latest.offset()
                    + " is not committed yet (high watermark " + highWatermark + ")");
        }
        return null;
    }

    private VoterChangeResult refuse(RaftError error, String message) {
        out.note("voter change refused, " + error + ": " + message);
        return VoterChangeResult.refused(error, message);
    }

    private VoterChangeResult appendVoters(long now, LeaderState leader, VoterSet next,
                                           LeaderState.PendingVoterChange change) {
        leader.voterChangeStarted(change);
        long offset = append(now, List.of(new VotersRecord(next)));
        return new VoterChangeResult(RaftError.NONE, change.describe() + ": voters " + next.describe(), offset);
    }

    /**
     * The pending change's record is committed: done (Kafka's AddVoterHandler / RemoveVoterHandler
     * highWatermarkUpdated); a leader whose removal is committed resigns (Kafka's requestResign).
     * Kafka resigns only when its pending removal completes; ours also when that pending state had
     * timed out before the record committed, so no leader goes on leading outside its voter set.
     */
    private void maybeCompleteVoterChange(long now, LeaderState leader) {
        LeaderState.PendingVoterChange change = leader.pendingVoterChange();
        if (change != null && highWatermark > change.offset()) {
            leader.voterChangeDone();
            out.note("voter change committed: " + change.describe() + "; voters now " + voterHistory.latest().describe());
        }
        if (!quorum.isVoter() && voterHistory.latestEntry().offset() < highWatermark && !committedVoterSet().isVoter(localKey)) {
            resignTo(now, leader, "removed from the voter set " + voterHistory.latest().describe());
        }
    }

    /** Kafka's maybeExpirePendingOperation: the pending change's timer ran out; it is answered REQUEST_TIMED_OUT and dropped. */
    private void expirePendingVoterChange(long now, LeaderState leader) {
        LeaderState.PendingVoterChange expired = leader.expirePendingVoterChange(now);
        if (expired != null) {
            out.note("voter change " + expired.describe() + " answered " + RaftError.REQUEST_TIMED_OUT + ": not committed within "
                    + config.requestTimeoutMs() + " ms (high watermark " + highWatermark + "); the leader drops it, its record"
                    + " stays in the log and may still commit");
        }
    }

    /**
     * The latest voter set of the log changed (a VotersRecord appended, or truncated away): the
     * leader counts the new set's majority at once; a replica that left the set leaves any
     * election; one that joined it gets an election timer.
     */
    private void followVoterSet(long now) {
        VoterSet latest = voterHistory.latest();
        if (latest.equals(appliedVoters)) {
            return;
        }
        VoterSet before = appliedVoters;
        appliedVoters = latest;
        boolean voter = quorum.isVoter();
        String change = java.util.Arrays.equals(before.ids(), latest.ids())
                ? "voter set " + latest.describe() + " updated: " + updatedVoters(before, latest)
                : "voter set " + before.describe() + " → " + latest.describe();
        out.note(change + " (uncommitted until the high watermark passes it); n" + id + (voter ? " is a voter" : " is not a voter"));
        EpochState state = quorum.state();
        if (state instanceof LeaderState leader) {
            leader.updateVoters(latest);
            maybeAdvanceHighWatermark(now, leader);
        } else if (!voter && (state instanceof ProspectiveState || state instanceof CandidateState
                || (state instanceof UnattachedState u && u.electionDeadline() != Long.MAX_VALUE))) {
            quorum.transitionToObserverUnattached(now, "no longer in the voter set " + latest.describe());
        } else if (voter && state instanceof UnattachedState u && u.electionDeadline() == Long.MAX_VALUE) {
            u.electAt(quorum.electionTimeoutFrom(now));
        }
    }

    // ------------------------------------------------------------------ UpdateRaftVoter (KIP-853)

    /**
     * Kafka's pollFollowerAsVoter with shouldSendUpdateVoteRequest: once per update period, a
     * voter whose entry in the latest voter set differs from how it runs (endpoint, kraft.version
     * range) sends UpdateRaftVoter to the leader, in place of its next fetch (one request in flight
     * to the leader). Returns true when the request went out; the period restarts either way.
     */
    private boolean maybeSendUpdateVoter(long now, FollowerState follower, FetchLoop fetch) {
        boolean voter = quorum.isVoter();
        follower.updateVoterChecked(voter ? now + config.fetchTimeoutMs() : Long.MAX_VALUE);
        if (!voter || kraftVersion() < 1 || !voterHistory.latest().voterNodeNeedsUpdate(localVoter)) {
            return false;
        }
        long correlation = nextCorrelation++;
        fetch.sent(correlation, now + config.requestTimeoutMs());
        out.note("the voter set lists n" + id + " as " + voterHistory.latest().voterFor(id).map(v -> v.endpoint()
                + ", kraft.version " + v.kraftVersions()).orElse("?") + "; it runs as " + localVoter.endpoint()
                + ", kraft.version " + localVoter.kraftVersions() + ": UpdateRaftVoter to leader n" + follower.leaderId());
        out.send(follower.leaderId(), new RaftMessage.UpdateVoterRequest(follower.epoch(), localKey, localVoter.endpoint(),
                localVoter.kraftVersions(), correlation));
        return true;
    }

    /**
     * Kafka's KafkaRaftClient.handleUpdateVoterRequest then UpdateVoterHandler, checks in Kafka's
     * order: the epoch and leadership (validateLeaderOnlyRequest); a directory id, an endpoint on
     * the controller listener and a valid kraft.version range (INVALID_REQUEST); no voter change
     * pending, a high watermark, the latest voter set committed (REQUEST_TIMED_OUT); the range
     * holds the finalized kraft.version (INVALID_REQUEST); the key is a voter (VOTER_NOT_FOUND).
     * Then the leader appends the updated VotersRecord and answers at once (no pending state), and
     * the request counts as the voter following it (updateCheckQuorumForFollowingVoter).
     */
    private void onUpdateVoterRequest(long now, int from, RaftMessage.UpdateVoterRequest req) {
        RaftError error = updateVoterError(now, req);
        if (error == RaftError.NONE) {
            LeaderState leader = (LeaderState) quorum.state();
            VoterSet next = voterHistory.latest().updateVoter(new VoterSet.Voter(req.voterKey(), req.endpoint(),
                    req.kraftVersions())).orElseThrow();
            long offset = appendAsLeader(now, leader, List.of(new VotersRecord(next)), "UpdateRaftVoter from "
                    + req.voterKey() + ": VotersRecord with its endpoint " + req.endpoint() + " and kraft.version "
                    + req.kraftVersions());
            out.note("voter " + req.voterKey() + " updated (VotersRecord at " + offset + ")");
            leader.countForCheckQuorum(req.voterKey().id(), now, config);
        } else {
            out.note("UpdateRaftVoter from " + req.voterKey() + " answered " + error);
        }
        out.send(from, new RaftMessage.UpdateVoterResponse(quorum.epoch(), quorum.leaderId(), error, req.correlation()));
    }

    private RaftError updateVoterError(long now, RaftMessage.UpdateVoterRequest req) {
        RaftError invalid = leaderOnlyError(req.epoch());
        if (invalid != RaftError.NONE) {
            return invalid;
        }
        if (req.voterKey().directoryId().isEmpty() || req.endpoint() == null || !req.endpoint().startsWith("CONTROLLER://")
                || !req.kraftVersions().valid()) {
            return RaftError.INVALID_REQUEST;
        }
        LeaderState leader = (LeaderState) quorum.state();
        expirePendingVoterChange(now, leader);
        if (leader.pendingVoterChange() != null || !leader.hasHighWatermark()) {
            return RaftError.REQUEST_TIMED_OUT;
        }
        if (kraftVersion() < 1) {
            return RaftError.UNSUPPORTED_VERSION; // kraft.version 0 keeps voters in memory (not modelled)
        }
        if (voterHistory.latestEntry().offset() >= highWatermark) {
            return RaftError.REQUEST_TIMED_OUT;
        }
        if (!req.kraftVersions().supports(kraftVersion())) {
            return RaftError.INVALID_REQUEST;
        }
        VoterSet.Voter updated = new VoterSet.Voter(req.voterKey(), req.endpoint(), req.kraftVersions());
        return voterHistory.latest().updateVoter(updated).isPresent() ? RaftError.NONE : RaftError.VOTER_NOT_FOUND;
    }

    /** Kafka's handleUpdateVoterResponse: NONE or UNSUPPORTED_VERSION count as hearing from the leader. */
    private void onUpdateVoterResponse(long now, int from, RaftMessage.UpdateVoterResponse resp) {
        FetchLoop fetch = fetchLoopOf(quorum.state());
        if (fetch == null || !fetch.awaits(resp.correlation())) {
            return;
        }
        fetch.settled();
        if (observeEpoch(now, resp.epoch(), resp.leaderId(), "UpdateRaftVoter response from n" + from)) {
            return;
        }
        if (quorum.state() instanceof FollowerState follower && from == follower.leaderId()
                && (resp.error() == RaftError.NONE || resp.error() == RaftError.UNSUPPORTED_VERSION)) {
            follower.heardFromLeader(now, config.fetchTimeoutMs());
            fetch.fetchAt(now);
        } else {
            out.note("UpdateRaftVoter answered " + resp.error() + " by n" + from + "; asking again in an update period");
            fetch.fetchAt(now + config.retryBackoffMs());
        }
    }

    /** The voters whose entry differs between two sets of the same ids, as "n2 at CONTROLLER://… kraft.version [0, 1]". */
    private static String updatedVoters(VoterSet before, VoterSet after) {
        List<String> changed = new ArrayList<>();
        for (VoterSet.Voter v : after.voters()) {
            if (!before.voters().contains(v)) {
                changed.add(v.key() + " at " + v.endpoint() + ", kraft.version " + v.kraftVersions());
            }
        }
        return String.join("; ", changed);
    }

    // ------------------------------------------------------------------ elections

    private void becomeProspective(long now, int formerLeader, String reason) {
        ProspectiveState prospective = quorum.transitionToProspective(now, formerLeader, nextCorrelation++, reason);
        if (prospective.tally().won()) {
            becomeCandidate(now, "won the pre-vote alone (single voter)");
            return;
        }
        requestVotes(now, prospective.epoch(), prospective.tally(), true);
    }

    /** KIP-996: a Prospective that lost goes back to the leader it had, which may still be fine. */
    private void prospectiveLost(long now, ProspectiveState prospective, String why) {
        int former = prospective.formerLeader();
        ElectionState saved = disk.election();
        if (former >= 0 && saved.epoch() == prospective.epoch() && saved.leaderId() == former) {
            quorum.transitionToFollower(now, prospective.epoch(), former, why + "; returning to leader n" + former);
        } else {
            quorum.transitionToUnattachedInEpoch(now, why + "; waiting for another election timeout");
        }
    }

    private void becomeCandidate(long now, String reason) {
        CandidateState candidate = quorum.transitionToCandidate(now, nextCorrelation++, reason);
        if (candidate.tally().won()) {
            becomeLeader(now);
            return;
        }
        requestVotes(now, candidate.epoch(), candidate.tally(), false);
    }

    private void requestVotes(long now, int epoch, VoteTally tally, boolean preVote) {
        for (int v : quorum.voterIds()) {
            if (v != id) {
                sendVoteRequest(now, v, epoch, tally, preVote);
            }
        }
    }

    private void sendVoteRequest(long now, int to, int epoch, VoteTally tally, boolean preVote) {
        RaftLog log = disk.log();
        tally.sent(to, now + config.requestTimeoutMs());
        // KIP-853: the request names the voter it is meant for, disk included.
        String voterDirectory = voterHistory.latest().voterFor(to).map(v -> v.key().directoryId()).orElse(ReplicaKey.NO_DIRECTORY);
        out.send(to, new VoteRequest(epoch, id, log.lastEpoch(), log.endOffset(), preVote, tally.round(), voterDirectory));
    }

    /**
     * Kafka's maybeSendVoteRequests (pollProspective, pollCandidate): while the round can still
     * be won, a voter whose request went unanswered for the request timeout is asked again.
     */
    private void resendVoteRequests(long now, EpochState state) {
        VoteTally tally = state instanceof ProspectiveState p ? p.tally()
                : state instanceof CandidateState c ? c.tally() : null;
        if (tally == null) {
            return;
        }
        for (int v : tally.timedOut(now)) {
            out.note((state instanceof ProspectiveState ? "pre-vote" : "vote") + " request to n" + v + " unanswered for "
                    + config.requestTimeoutMs() + " ms; asking again");
            sendVoteRequest(now, v, state.epoch(), tally, state instanceof ProspectiveState);
        }
    }

    private void becomeLeader(long now) {
        LeaderState leader = quorum.transitionToLeader(now);
        int[] voterIds = quorum.voterIds();
        List<Integer> voterList = Arrays.stream(voterIds).boxed().toList();
        appendStartOfEpochControlRecords(now, leader, voterList);
        for (int v : voterIds) {
            if (v != id) {
                out.send(v, new BeginQuorumEpochRequest(leader.epoch(), id));
            }
        }
    }

    /**
     * Kafka's LeaderState.appendStartOfEpochControlRecords: one batch with the LeaderChangeMessage
     * and, with kraft.version 1, a KRaftVersionRecord and a VotersRecord when the voter set was
     * never written into the log (it came from the bootstrap checkpoint) or when the leader's own
     * entry in it is out of date (its endpoint or kraft.version range changed).
     */
    private void appendStartOfEpochControlRecords(long now, LeaderState leader, List<Integer> voterList) {
        List<Object> batch = new ArrayList<>(3);
        batch.add(new LeaderChangeMessage(id, voterList, leader.grantingVoters()));
        String why = "start of epoch " + leader.epoch() + ": LeaderChangeMessage";
        VoterHistory.Entry atStart = voterHistory.latestEntry();
        if (kraftVersion() == 1 && (atStart.fromBootstrapCheckpoint() || atStart.voters().voterNodeNeedsUpdate(localVoter))) {
            VoterSet written = atStart.voters().updateVoter(localVoter).orElseThrow(() -> new IllegalStateException(
                    "leader " + localKey + " is not a voter of " + atStart.voters().describe()));
            batch.add(new KRaftVersionRecord(1));
            batch.add(new VotersRecord(written));
            why += atStart.fromBootstrapCheckpoint()
                    ? ", KRaftVersionRecord (kraft.version 1) and VotersRecord " + written.describe()
                      + " (the bootstrap checkpoint's voter set, written into the log once)"
                    : ", KRaftVersionRecord and VotersRecord " + written.describe() + " (leader n" + id
                      + "'s own entry updated to " + localVoter.endpoint() + ", kraft.version " + localVoter.kraftVersions() + ")";
        }
        appendAsLeader(now, leader, batch, why);
    }

    private void resignTo(long now, LeaderState leader, String why) {
        List<Integer> successors = leader.preferredSuccessors();
        List<HeldFetch> held = leader.takeAllHeld();
        ResignedState resigned = quorum.transitionToResigned(now, successors, why);
        for (HeldFetch h : held) {
            respondNotLeader(h.replicaId(), h.request());
        }
        sendEndQuorumEpoch(now, resigned);
    }

    private void sendEndQuorumEpoch(long now, ResignedState resigned) {
        for (int v : resigned.unacknowledged()) {
            out.send(v, new EndQuorumEpochRequest(resigned.epoch(), id, resigned.successors()));
        }
        resigned.sentEndEpoch(now + config.fetchTimeoutMs() / 2);
    }

    /**
     * Any message from a newer epoch moves us there: as follower when it names a leader other
     * than us, else unattached. Returns true when the role changed.
     */
    private boolean observeEpoch(long now, int msgEpoch, int msgLeader, String why) {
        EpochState state = quorum.state();
        if (msgEpoch > state.epoch()) {
            if (msgLeader >= 0 && msgLeader != id) {
                quorum.transitionToFollower(now, msgEpoch, msgLeader, why + ": epoch " + msgEpoch + " has leader n" + msgLeader);
            } else {
                quorum.transitionToUnattached(now, msgEpoch, why + ": saw newer epoch " + msgEpoch);
            }
            return true;
        }
        // A Prospective still counts the leader it came from as known (as Kafka's ProspectiveState
        // does), so hearing that leader's name again does not send it back to following.
        boolean knowsThatLeader = state instanceof ProspectiveState p && p.formerLeader() == msgLeader;
        if (msgEpoch == state.epoch() && msgLeader >= 0 && msgLeader != id && state.leaderId() < 0 && !knowsThatLeader
                && !(state instanceof LeaderState) && !(state instanceof ResignedState)) {
            quorum.transitionToFollower(now, msgEpoch, msgLeader, why + ": learned leader n" + msgLeader + " of epoch "
                    + msgEpoch);
            return true;
        }
        return false;
    }

    // ------------------------------------------------------------------ votes

    private void onVoteRequest(long now, int from, VoteRequest req) {
        if (req.epoch() > quorum.epoch()) {
            // Kafka's handleVoteRequest: a Vote or PreVote from a newer epoch first moves any role
            // (the leader too) to Unattached in that epoch; the request is then judged there and
            // the answer carries that epoch, so the Prospective that asked can count it.
            quorum.transitionToUnattached(now, req.epoch(), (req.preVote() ? "pre-vote" : "vote") + " request from n"
                    + req.candidateId() + " in newer epoch " + req.epoch());
        }
        VoteHandler.Decision d = votes.decide(now, req);
        if (d.reason() == VoteReason.GRANTED && !req.preVote()) {
            grantVote(now, req.candidateId());
        }
        out.voteDecision(req.candidateId(), req.epoch(), req.preVote(), d.reason().granted(), d.reason(), d.words());
        out.send(from, new VoteResponse(quorum.epoch(), quorum.leaderId(), d.reason().granted(), req.preVote(),
                req.correlation(), d.error()));
    }

    /** Persist the vote, then give the candidate a full election timeout to win (as Kafka does). */
    private void grantVote(long now, int candidateId) {
        quorum.recordVote(candidateId);
        EpochState state = quorum.state();
        if (state instanceof ProspectiveState prospective) {
            // Kafka's prospectiveAddVotedState: the vote is recorded and the node stays
            // Prospective (its own pre-vote goes on) with a fresh election timeout.
            prospective.electAt(quorum.electionTimeoutFrom(now));
            out.note("voted for n" + candidateId + " in epoch " + state.epoch() + "; still Prospective");
        } else if (state instanceof UnattachedState unattached) {
            if (quorum.isVoter()) {
                unattached.electAt(quorum.electionTimeoutFrom(now)); // an observer that votes runs no election timer
            }
        } else {
            throw new IllegalStateException("a vote granted in role " + state.role());
        }
    }

    /**
     * Raft's up-to-date check: compare the last epochs, then the end offsets.
     * Protected only so tests can build a broken variant.
     */
    protected boolean candidateLogUpToDate(int lastEpoch, long endOffset) {
        RaftLog log = disk.log();
        if (lastEpoch != log.lastEpoch()) {
            return lastEpoch > log.lastEpoch();
        }
        return endOffset >= log.endOffset();
    }

    private void onVoteResponse(long now, int from, VoteResponse resp) {
        if (observeEpoch(now, resp.epoch(), resp.leaderId(), "vote response from n" + from)) {
            return;
        }
        EpochState state = quorum.state();
        if (resp.epoch() != state.epoch()) {
            return;
        }
        if (resp.preVote() && state instanceof ProspectiveState prospective && prospective.tally().round() == resp.correlation()) {
            VoteTally tally = prospective.tally();
            tally.record(from, resp.granted());
            if (tally.won()) {
                becomeCandidate(now, "won the pre-vote with " + tally.granted());
            } else if (tally.lost()) {
                prospectiveLost(now, prospective, "pre-vote rejected by " + tally.rejected());
            }
        } else if (!resp.preVote() && state instanceof CandidateState candidate
                && candidate.tally().round() == resp.correlation()) {
            VoteTally tally = candidate.tally();
            tally.record(from, resp.granted());
            if (tally.won()) {
                becomeLeader(now);
            } else if (tally.lost()) {
                // Kafka's maybeHandleElectionLoss: wait out the rest of the election timeout.
                out.note("vote rejected by a majority " + tally.rejected() + "; waiting until "
                        + candidate.electionDeadline() + " to start over");
            }
        }
        // else: an answer to an earlier round or another kind of request, no longer awaited
    }

    // ------------------------------------------------------------------ begin / end epoch

    private void onBeginQuorumEpoch(long now, int from, BeginQuorumEpochRequest req) {
        if (req.epoch() < quorum.epoch()) {
            out.send(from, new BeginQuorumEpochResponse(quorum.epoch(), quorum.leaderId(), RaftError.FENCED_LEADER_EPOCH));
            return;
        }
        observeEpoch(now, req.epoch(), req.leaderId(), "BeginQuorumEpoch from n" + from);
        out.send(from, new BeginQuorumEpochResponse(quorum.epoch(), quorum.leaderId(), RaftError.NONE));
    }

    private void onBeginQuorumEpochResponse(long now, int from, BeginQuorumEpochResponse resp) {
        if (observeEpoch(now, resp.epoch(), resp.leaderId(), "BeginQuorumEpoch response from n" + from)) {
            return;
        }
        if (quorum.state() instanceof LeaderState leader && resp.epoch() == leader.epoch()
                && resp.error() == RaftError.NONE) {
            leader.acknowledge(from);
        }
    }

    private void onEndQuorumEpoch(long now, int from, EndQuorumEpochRequest req) {
        if (req.epoch() < quorum.epoch()) {
            out.send(from, new EndQuorumEpochResponse(quorum.epoch(), quorum.leaderId(), RaftError.FENCED_LEADER_EPOCH));
            return;
        }
        // Kafka's handleEndQuorumEpochRequest: maybeTransition first (a newer epoch, or an
        // unknown leader of ours, makes us that leader's follower), then a follower of the
        // resigning leader shortens its fetch timeout by its rank among the preferred successors.
        observeEpoch(now, req.epoch(), req.leaderId(), "EndQuorumEpoch from n" + from);
        EpochState state = quorum.state();
        if (quorum.isVoter() && state instanceof FollowerState follower && follower.leaderId() == req.leaderId()) {
            int position = req.preferredSuccessors().indexOf(id);
            long backoff = endEpochElectionBackoff(position < 0 ? req.preferredSuccessors().size() : position,
                    req.preferredSuccessors().size());
            follower.leaderResigned(now + backoff);
            out.note("leader n" + req.leaderId() + " resigned epoch " + state.epoch() + "; successor rank "
                    + (position < 0 ? "none" : position) + ", electing in " + backoff + " ms");
        }
        out.send(from, new EndQuorumEpochResponse(quorum.epoch(), quorum.leaderId(), RaftError.NONE));
    }

    /**
     * Kafka's strictExponentialElectionBackoffMs: the first preferred successor elects at once,
     * the others after max >> (n - 1) doubled per rank, a voter not among them after the maximum.
     */
    long endEpochElectionBackoff(int position, int successors) {
        int max = config.electionBackoffMaxMs();
        if (position == 0) {
            return 0;
        } else if (position < 0 || position >= successors) {
            return max;
        }
        long base = max >> (successors - 1);
        return Math.min(max, base << (position - 1));
    }

    private void onEndQuorumEpochResponse(long now, int from, EndQuorumEpochResponse resp) {
        if (observeEpoch(now, resp.epoch(), resp.leaderId(), "EndQuorumEpoch response from n" + from)) {
            return;
        }
        if (quorum.state() instanceof ResignedState resigned) {
            resigned.acknowledged(from);
        }
    }

    // ------------------------------------------------------------------ fetch: leader side

    private void onFetchRequest(long now, int from, FetchRequest req) {
        // Kafka's validateLeaderOnlyRequest: an older epoch is fenced, a newer one is unknown to
        // us (answered, and nothing here changes: a fetcher does not lead us into its epoch),
        // and only the leader serves fetches.
        RaftError invalid = leaderOnlyError(req.epoch());
        if (invalid != RaftError.NONE) {
            if (quorum.state() instanceof LeaderState leader && req.epoch() < leader.epoch()) {
                out.send(from, new FetchResponse(leader.epoch(), id, invalid, advertisedHighWatermark(), List.of(), null, null,
                        disk.log().startOffset(), req.correlation()));
            } else {
                respondNotLeader(from, req);
            }
            return;
        }
        LeaderState leader = (LeaderState) quorum.state();
        int epoch = leader.epoch();
        RaftLog log = disk.log();
        if (needsSnapshot(log, req.fetchOffset(), req.lastFetchedEpoch())) {
            // Kafka's validateOffsetAndEpoch: the answer names the latest snapshot, not the one
            // at the log start (the log between them may still be retained).
            RaftSnapshot latest = disk.snapshot();
            if (latest == null) {
                throw new IllegalStateException("log start offset " + log.startOffset()
                        + " is greater than zero but n" + id + " has no snapshot");
            }
            out.send(from, new FetchResponse(epoch, id, RaftError.NONE, advertisedHighWatermark(), List.of(), null,
                    latest.id(), log.startOffset(), req.correlation()));
            return;
        }
        OffsetAndEpoch diverging = divergence(req.fetchOffset(), req.lastFetchedEpoch());
        if (diverging != null) {
            out.note("fetch from n" + from + " at " + req.fetchOffset() + " (last epoch " + req.lastFetchedEpoch()
                    + ") diverges; our epoch " + diverging.epoch() + " ends at " + diverging.offset());
            out.send(from, new FetchResponse(epoch, id, RaftError.NONE, advertisedHighWatermark(), List.of(), diverging, null,
                    log.startOffset(), req.correlation()));
            return;
        }
        leader.updateReplica(req.replicaKey(), req.fetchOffset(), now, config);
        leader.dropHeld(from);
        maybeAdvanceHighWatermark(now, leader);
        if (req.fetchOffset() < log.endOffset()) {
            answerFetch(from, req);
        } else {
            // Long poll: park until there is something new or max wait passes.
            leader.hold(new HeldFetch(from, req, now + config.fetchMaxWaitMs()));
        }
    }

    /**
     * Kafka's rule: a fetch position that lies in the compacted prefix, or whose last epoch is
     * older than the snapshot's, cannot be checked against the log; the fetcher needs the snapshot.
     */
    private static boolean needsSnapshot(RaftLog log, long fetchOffset, int lastFetchedEpoch) {
        if (log.startOffset() == 0) {
            return false;
        }
        return fetchOffset < log.startOffset()
                || (fetchOffset == log.startOffset() && lastFetchedEpoch != log.startEpoch())
                || lastFetchedEpoch < log.startEpoch();
    }

    private void answerFetch(int to, FetchRequest req) {
        RaftLog log = disk.log();
        List<LogEntry> records = log.slice(req.fetchOffset(), req.fetchOffset() + config.maxFetchRecords());
        if (!records.isEmpty() && records.get(records.size() - 1).batchLastOffset() >= req.fetchOffset() + records.size()) {
            // never split a batch: like Kafka's fetch, answer up to the end of the last batch begun
            records = log.slice(req.fetchOffset(), records.get(records.size() - 1).batchLastOffset() + 1);
        }
        out.send(to, new FetchResponse(quorum.epoch(), id, RaftError.NONE, advertisedHighWatermark(), records, null, null,
                log.startOffset(), req.correlation()));
    }

    /**
     * The high watermark the leader puts in its answers: unknown (-1) until it has one of its own
     * in this epoch, as Kafka's LeaderState starts with an empty high watermark (the one a new
     * leader inherited is not yet known to be held by a majority of this epoch).
     */
    private long advertisedHighWatermark() {
        return quorum.state() instanceof LeaderState leader && !leader.hasHighWatermark() ? -1 : highWatermark;
    }

    /** Kafka's validateLeaderOnlyRequest for a request made in {@code requestEpoch}. */
    private RaftError leaderOnlyError(int requestEpoch) {
        int epoch = quorum.epoch();
        if (requestEpoch < epoch) {
            return RaftError.FENCED_LEADER_EPOCH;
        } else if (requestEpoch > epoch) {
            return RaftError.UNKNOWN_LEADER_EPOCH;
        }
        return quorum.role() == Role.LEADER ? RaftError.NONE : RaftError.NOT_LEADER_OR_FOLLOWER;
    }

    private void respondNotLeader(int to, FetchRequest req) {
        int epoch = quorum.epoch();
        RaftError err = req.epoch() == epoch ? RaftError.NOT_LEADER_OR_FOLLOWER : leaderOnlyError(req.epoch());
        out.send(to, new FetchResponse(epoch, quorum.leaderId(), err, -1, List.of(), null, null,
                disk.log().startOffset(), req.correlation()));
    }

    /**
     * Kafka's fetch validation: where does the fetcher's last epoch end in our log? If that is
     * before its fetch offset, or we never had that epoch, the logs diverge there.
     * Protected only so tests can build a broken variant. Returns null when consistent.
     */
    protected OffsetAndEpoch divergence(long fetchOffset, int lastFetchedEpoch) {
        if (fetchOffset == 0 && lastFetchedEpoch == 0) {
            return null;
        }
        OffsetAndEpoch end = disk.log().endOffsetForEpoch(lastFetchedEpoch);
        if (end.epoch() != lastFetchedEpoch || end.offset() < fetchOffset) {
            return end;
        }
        return null;
    }

    private void maybeAdvanceHighWatermark(long now, LeaderState leader) {
        long candidate = nextHighWatermark(quorumOffset(leader.voterEndOffsets()), leader.epochStartOffset(), highWatermark);
        if (candidate > highWatermark) {
            leader.highWatermarkKnown();
            long old = highWatermark;
            highWatermark = candidate;
            out.highWatermarkChanged(old, candidate);
            answerHeldFetches(leader, true);
            maybeCompleteVoterChange(now, leader);
        }
    }

    /**
     * The offset a majority of voters have reached: sort the voters' end offsets and take the
     * majority-th largest. Protected only so tests can build a broken variant.
     */
    protected long quorumOffset(long[] voterEndOffsets) {
        long[] ends = voterEndOffsets.clone();
        Arrays.sort(ends);
        return ends[ends.length - quorum.majority()];
    }

    /**
     * The new high watermark from the offset a majority of voters reached. KRaft only moves it
     * once it covers the leader's own leader-change record (majority > epoch start offset).
     * Protected only so tests can build a broken variant.
     */
    protected long nextHighWatermark(long majorityOffset, long epochStartOffset, long current) {
        if (majorityOffset > epochStartOffset && majorityOffset > current) {
            return majorityOffset;
        }
        return current;
    }

    private void answerHeldFetches(LeaderState leader, boolean allOfThem) {
        for (HeldFetch h : leader.takeHeld(disk.log().endOffset(), allOfThem)) {
            answerFetch(h.replicaId(), h.request());
        }
    }

    private void pollLeader(long now, LeaderState leader) {
        if (leader.checkQuorumDeadline() <= now) {
            if (leader.aloneIsMajority()) {
                leader.checkQuorumAgainAt(now + config.checkQuorumTimeoutMs());
            } else {
                out.timerExpired("check-quorum: no fetches from a majority of voters in "
                        + config.checkQuorumTimeoutMs() + " ms");
                resignTo(now, leader, "lost contact with the quorum");
                return;
            }
        }
        if (leader.beginEpochDue(now)) {
            // Kafka's maybeSendBeginQuorumEpochRequests: every fetch.timeout / 2 the leader
            // reminds each voter that has not fetched within that time that it leads the epoch.
            long period = config.fetchTimeoutMs() / 2;
            for (int v : leader.votersQuietFor(now, period)) {
                out.send(v, new BeginQuorumEpochRequest(leader.epoch(), id));
            }
            leader.beginEpochResentAt(now + period);
        }
        for (HeldFetch h : leader.takeExpired(now)) {
            answerFetch(h.replicaId(), h.request());
        }
        expirePendingVoterChange(now, leader);
    }

    // ------------------------------------------------------------------ fetch: follower side

    /** The fetch loop of a follower or an unattached observer; null for roles that do not fetch. */
    private static FetchLoop fetchLoopOf(EpochState state) {
        if (state instanceof FollowerState follower) {
            return follower.fetch();
        }
        return state instanceof UnattachedState unattached ? unattached.fetch() : null;
    }

    private void sendFetch(long now, EpochState state, FetchLoop fetch) {
        int target;
        if (state instanceof FollowerState follower) {
            target = follower.leaderId();
        } else if (state instanceof UnattachedState) {
            // Kafka's pollUnattachedCommon (maybeSendFetchToAnyBootstrap): voter or observer, a replica
            // that knows no leader fetches from a ready bootstrap server picked at random; an answer
            // names the leader if that server knows it.
            target = bootstrap.pickReady(now, nextCorrelation ^ ((long) id << 40));
            if (target < 0) {
                fetch.fetchAt(bootstrap.nextReadyAt()); // every bootstrap server is backing off
                return;
            }
        } else {
            return;
        }
        RaftLog log = disk.log();
        long correlation = nextCorrelation++;
        fetch.sent(correlation, now + config.requestTimeoutMs());
        if (state instanceof FollowerState follower && follower.fetchingSnapshot() != null) {
            // Kafka's pollFollowerAsVoter/AsObserver: while a snapshot downloads, ask for its next
            // chunk, from the position the partial snapshot has reached.
            PartialSnapshot partial = follower.fetchingSnapshot();
            out.send(target, new FetchSnapshotRequest(state.epoch(), id, partial.id(), partial.position(),
                    config.fetchSnapshotMaxRecords(), correlation, disk.directoryId()));
            return;
        }
        out.send(target, new FetchRequest(state.epoch(), id, log.endOffset(), log.lastEpoch(), correlation,
                disk.directoryId()));
    }

    private void onFetchResponse(long now, int from, FetchResponse resp) {
        FetchLoop fetch = fetchLoopOf(quorum.state());
        if (fetch == null || !fetch.awaits(resp.correlation())) {
            return; // a stale or duplicated answer to a request we no longer wait for
        }
        fetch.settled();
        boolean unattached = quorum.state() instanceof UnattachedState;
        if (unattached) {
            // Kafka's onResponseResult: every error a Fetch answer carries here (NOT_LEADER_OR_FOLLOWER,
            // FENCED_LEADER_EPOCH, UNKNOWN_LEADER_EPOCH) is handled (maybeHandleCommonResponse returns
            // true), so the server is ready again at once: no backoff
            bootstrap.answered(from, true, now, config.retryBackoffMs());
        }
        if (resp.error() != RaftError.NONE) {
            if (!observeEpoch(now, resp.epoch(), resp.leaderId(), "fetch response from n" + from)) {
                // an Unattached replica asks a bootstrap server again at once (Kafka's poll sends the next
                // Fetch as soon as the answer is handled); a follower retries its leader after the backoff
                fetch.fetchAt(unattached ? now : now + config.retryBackoffMs());
                if (quorum.state() instanceof FollowerState f && resp.epoch() == f.epoch() && from == f.leaderId()) {
                    out.note("leader n" + from + " answered " + resp.error() + "; retrying");
                }
            }
            return;
        }
        if (observeEpoch(now, resp.epoch(), resp.leaderId(), "fetch response from n" + from)) {
            return;
        }
        if (!(quorum.state() instanceof FollowerState follower) || from != follower.leaderId()
                || resp.epoch() != follower.epoch()) {
            return;
        }
        follower.heardFromLeader(now, config.fetchTimeoutMs());
        RaftLog log = disk.log();
        if (resp.divergingEpoch() != null) {
            // Our log is not yet known to match the leader's: truncate and ask again, and take
            // no high watermark from this answer (it may cover entries we still must replace).
            truncateToDivergence(resp.divergingEpoch());
            voterHistory.truncatedTo(log.endOffset());
            followVoterSet(now);
            fetch.fetchAt(now);
            return;
        } else if (resp.snapshotId() != null) {
            // Kafka's handleFetchResponse: start a new partial snapshot (createNewSnapshotUnchecked)
            // and fetch it chunk by chunk from position 0.
            out.note("our log (end " + log.endOffset() + ", epoch " + log.lastEpoch() + ") reaches into what the leader"
                    + " compacted (its log starts at " + resp.logStartOffset() + "); fetching snapshot " + resp.snapshotId());
            follower.fetchingSnapshot(new PartialSnapshot(resp.snapshotId()));
            fetch.fetchAt(now);
            return;
        } else if (!resp.records().isEmpty() && resp.records().get(0).offset() == log.endOffset()) {
            for (LogEntry e : resp.records()) {
                log.append(e);
            }
            out.appended(resp.records(), "replicated from leader n" + from);
            if (voterHistory.appended(resp.records())) {
                followVoterSet(now);
            }
        }
        long newHw = followerHighWatermark(resp.highWatermark(), log.endOffset());
        if (newHw > highWatermark) {
            long old = highWatermark;
            highWatermark = newHw;
            out.highWatermarkChanged(old, newHw);
        }
        fetch.fetchAt(now);
    }

    /**
     * Kafka's handleFetchSnapshotRequest: only the leader answers; a snapshot id it does not hold
     * is SNAPSHOT_NOT_FOUND; a position outside the snapshot is POSITION_OUT_OF_RANGE; otherwise
     * the records from the position, at most the requested number, with the snapshot's size.
     * Every chunk served to a voter counts toward check-quorum (updateCheckQuorumForFollowingVoter).
     */
    private void onFetchSnapshotRequest(long now, int from, FetchSnapshotRequest req) {
        int epoch = quorum.epoch();
        RaftError err = leaderOnlyError(req.epoch());
        if (err != RaftError.NONE) {
            out.send(from, FetchSnapshotResponse.error(epoch, quorum.leaderId(), err, req.correlation()));
            return;
        }
        RaftSnapshot snap = disk.snapshot(req.snapshotId());
        if (snap == null) {
            out.note("FetchSnapshot from n" + from + " for " + req.snapshotId() + ": SNAPSHOT_NOT_FOUND (snapshots held: "
                    + disk.snapshots().stream().map(x -> x.id().toString()).toList() + ")");
            out.send(from, FetchSnapshotResponse.error(epoch, id, RaftError.SNAPSHOT_NOT_FOUND, req.correlation()));
            return;
        }
        if (req.position() < 0 || req.position() >= snap.size()) {
            out.send(from, FetchSnapshotResponse.error(epoch, id, RaftError.POSITION_OUT_OF_RANGE, req.correlation()));
            return;
        }
        List<SnapshotRecord> chunk = snap.slice((int) req.position(), Math.max(1, req.maxRecords()));
        if (voterHistory.latest().isVoter(req.replicaKey())) {
            // Kafka's updateCheckQuorumForFollowingVoter: a voter fetching the snapshot is following us.
            ((LeaderState) quorum.state()).countForCheckQuorum(from, now, config);
        }
        out.send(from, new FetchSnapshotResponse(epoch, id, RaftError.NONE, snap.id(), snap.size(), req.position(), chunk,
                req.correlation()));
    }

    /**
     * Kafka's handleFetchSnapshotResponse: SNAPSHOT_NOT_FOUND (the leader deleted it meanwhile)
     * drops the partial snapshot and starts over with a Fetch; a chunk for another snapshot or
     * from another position than the partial one has reached is a broken protocol (Kafka throws);
     * a chunk is appended, and only the last one freezes and installs the snapshot.
     */
    private void onFetchSnapshotResponse(long now, int from, FetchSnapshotResponse resp) {
        FetchLoop fetch = fetchLoopOf(quorum.state());
        if (fetch == null || !fetch.awaits(resp.correlation())) {
            return;
        }
        fetch.settled();
        if (observeEpoch(now, resp.epoch(), resp.leaderId(), "snapshot response from n" + from)) {
            return;
        }
        if (!(quorum.state() instanceof FollowerState follower) || from != follower.leaderId()
                || resp.epoch() != follower.epoch()) {
            fetch.fetchAt(now + config.retryBackoffMs());
            return;
        }
        if (resp.error() == RaftError.SNAPSHOT_NOT_FOUND) {
            out.note("leader n" + from + " no longer has snapshot " + (follower.fetchingSnapshot() == null ? "?"
                    : follower.fetchingSnapshot().id()) + " (SNAPSHOT_NOT_FOUND); dropping the partial snapshot and fetching again");
            follower.fetchingSnapshot(null);
            follower.heardFromLeader(now, config.fetchTimeoutMs());
            fetch.fetchAt(now);
            return;
        }
        if (resp.error() != RaftError.NONE) {
            out.note("leader n" + from + " answered FetchSnapshot with " + resp.error() + "; retrying");
            fetch.fetchAt(now + config.retryBackoffMs());
            return;
        }
        PartialSnapshot partial = follower.fetchingSnapshot();
        if (partial == null) {
            throw new IllegalStateException("n" + id + " received an unexpected FetchSnapshot response: " + resp);
        }
        if (!partial.id().equals(resp.snapshotId())) {
            throw new IllegalStateException("n" + id + " received a FetchSnapshot response with an invalid id. Expected "
                    + partial.id() + "; received " + resp.snapshotId());
        }
        if (partial.position() != resp.position()) {
            throw new IllegalStateException("n" + id + " received a FetchSnapshot response with an invalid position."
                    + " Expected " + partial.position() + "; received " + resp.position());
        }
        follower.heardFromLeader(now, config.fetchTimeoutMs());
        partial.append(resp.records(), resp.size());
        int per = config.fetchSnapshotMaxRecords();
        out.note("snapshot " + partial.id() + ": chunk " + (resp.position() / per + 1) + " of " + ((resp.size() + per - 1) / per)
                + " from n" + from + ", records " + resp.position() + ".." + (partial.position() - 1) + " of " + resp.size()
                + (partial.complete() ? "; complete" : ""));
        if (partial.complete()) {
            follower.fetchingSnapshot(null);
            installSnapshot(partial.freeze(), "installed snapshot " + partial.id() + " from leader n" + from
                    + " (" + resp.size() + " records, SnapshotHeaderRecord to SnapshotFooterRecord)");
            followVoterSet(now);
        }
        fetch.fetchAt(now);
    }

    /** The snapshot this follower is downloading, as (id, records received, size); empty when none. */
    public java.util.Optional<SnapshotTransfer> snapshotTransfer() {
        if (quorum.state() instanceof FollowerState f && f.fetchingSnapshot() != null) {
            PartialSnapshot p = f.fetchingSnapshot();
            return java.util.Optional.of(new SnapshotTransfer(p.id(), p.position(), p.size(), config.fetchSnapshotMaxRecords()));
        }
        return java.util.Optional.empty();
    }

    private void installSnapshot(RaftSnapshot snap, String reason) {
        RaftLog log = disk.log();
        long removed = log.endOffset() - log.startOffset();
        log.wipe();
        log.advanceStartTo(snap.id().offset(), snap.id().epoch());
        // Kafka's truncateToLatestSnapshot: the log starts at the new snapshot and the older ones go
        disk.forgetSnapshotsBefore(Long.MAX_VALUE);
        disk.saveSnapshot(snap);
        // the whole log was wiped, so every voter set it held is gone, also those past the snapshot
        voterHistory.truncatedTo(0);
        if (snap.voters() != null) {
            voterHistory.snapshotAt(snap.id().offset(), snap.voters());
        }
        if (removed > 0) {
            out.truncated(log.endOffset(), removed, "log replaced by a snapshot");
        }
        out.snapshotLoaded(snap, reason);
        if (snap.id().offset() > highWatermark) {
            long old = highWatermark;
            highWatermark = snap.id().offset();
            out.highWatermarkChanged(old, highWatermark);
        }
    }

    /**
     * Writes a snapshot of the committed state at {@code endOffset} (Kafka's
     * RaftClient.createSnapshot, frozen at once) and keeps the log before it: only
     * {@link #maybeClean} deletes log, as the retention rule allows. {@code stateRecords} is how
     * many records the state machine writes for {@code state}; {@code now} becomes the header's
     * last-contained timestamp (the snapshot is taken as soon as the records are applied).
     * Returns false when the offset is not committed here or not after the latest snapshot.
     */
    public boolean createSnapshot(long now, long endOffset, Object state, int stateRecords) {
        RaftLog log = disk.log();
        RaftSnapshot latest = disk.snapshot();
        long after = Math.max(log.startOffset(), latest == null ? 0 : latest.id().offset());
        if (endOffset > highWatermark || endOffset <= after || endOffset > log.endOffset()) {
            return false;
        }
        // Kafka writes the KRaftVersionRecord and VotersRecord in every snapshot (kraft.version 1).
        VoterSet votersThere = kraftVersion() == 1 ? voterHistory.at(endOffset - 1) : null;
        RaftSnapshot snap = new RaftSnapshot(new OffsetAndEpoch(endOffset, log.epochAt(endOffset - 1)), state, votersThere,
                now, Math.max(1, stateRecords));
        disk.saveSnapshot(snap);
        if (votersThere != null) {
            voterHistory.snapshotAt(endOffset, votersThere);
        }
        out.note("snapshot " + snap.id() + " written (" + snap.size() + " records, header to footer); log still starts at "
                + log.startOffset());
        return true;
    }

    /**
     * Takes a snapshot at {@code endOffset} and deletes the log before the latest snapshot at once,
     * whatever the retention rule says (the operator's "compact now"). Returns false when there was
     * nothing new to snapshot and nothing left to delete.
     */
    public boolean snapshotAndCompact(long now, long endOffset, Object state, int stateRecords) {
        boolean wrote = createSnapshot(now, endOffset, state, stateRecords);
        // a snapshot already taken there (kept back by retention) is compacted to as well
        boolean deleted = deleteBeforeSnapshot(disk.snapshot(), "compacted on request");
        return wrote || deleted;
    }

    /** The two-argument form tests use: one state record, timestamp 0. */
    public boolean snapshotAndCompact(long endOffset, Object state) {
        return snapshotAndCompact(0, endOffset, state, 1);
    }

    /**
     * Kafka's KafkaMetadataLog.maybeClean: with at least two snapshots, walk them oldest first
     * and, while the rule breaks for a snapshot, delete the log and snapshots before the next
     * one (deleteBeforeSnapshot). The size rule counts the log plus every snapshot against
     * metadata.max.retention (records here); the time rule deletes past a snapshot whose last
     * contained record is older than metadata.max.retention.ms. The latest snapshot always stays.
     * Returns true when anything was deleted.
     */
    public boolean maybeClean(long now, LogRetention retention) {
        boolean cleaned = false;
        if (retention.maxRecords() >= 0) {
            List<RaftSnapshot> snaps = disk.snapshots();
            long total = snaps.stream().mapToLong(RaftSnapshot::size).sum();
            for (int i = 0; i + 1 < snaps.size(); i++) {
                RaftLog log = disk.log();
                long logSize = log.endOffset() - log.startOffset();
                if (logSize + total <= retention.maxRecords()) {
                    break;
                }
                String why = "metadata.max.retention: log " + logSize + " + snapshots " + total + " records > "
                        + retention.maxRecords();
                total -= snaps.get(i).size();
                if (!deleteBeforeSnapshot(snaps.get(i + 1), why)) {
                    break;
                }
                cleaned = true;
            }
        }
        if (retention.maxMs() >= 0) {
            List<RaftSnapshot> snaps = disk.snapshots();
            for (int i = 0; i + 1 < snaps.size(); i++) {
                if (!retention.tooOld(snaps.get(i), now)) {
                    break;
                }
                String why = "metadata.max.retention.ms: snapshot " + snaps.get(i).id() + " holds records up to "
                        + (now - snaps.get(i).lastContainedLogTimestamp()) + " ms old > " + retention.maxMs() + " ms";
                if (!deleteBeforeSnapshot(snaps.get(i + 1), why)) {
                    break;
                }
                cleaned = true;
            }
        }
        return cleaned;
    }

    /**
     * Kafka's deleteBeforeSnapshot: moves the log start up to a snapshot this replica holds
     * (never past the latest one, never backwards) and forgets the snapshots before it.
     */
    private boolean deleteBeforeSnapshot(RaftSnapshot snap, String why) {
        RaftLog log = disk.log();
        RaftSnapshot latest = disk.snapshot();
        if (snap == null || latest == null || log.startOffset() >= snap.id().offset()
                || snap.id().offset() > latest.id().offset() || snap.id().offset() > highWatermark) {
            return false;
        }
        long oldStart = log.startOffset();
        log.advanceStartTo(snap.id().offset(), snap.id().epoch());
        int forgotten = disk.forgetSnapshotsBefore(snap.id().offset());
        out.note("log start " + oldStart + " → " + snap.id().offset() + " (deleted up to snapshot " + snap.id()
                + (forgotten > 0 ? ", " + forgotten + " older snapshot(s) deleted" : "") + "): " + why);
        return true;
    }

    /** A follower's high watermark: the leader's, but never beyond what it holds itself. */
    protected long followerHighWatermark(long leaderHw, long logEnd) {
        return Math.min(leaderHw, logEnd);
    }

    /** Kafka's truncateToEndOffset: cut at the leader's end of that epoch, or our own if earlier. */
    protected void truncateToDivergence(OffsetAndEpoch diverging) {
        RaftLog log = disk.log();
        long cut;
        if (diverging.epoch() == 0) {
            cut = Math.min(diverging.offset(), log.endOffset());
        } else {
            OffsetAndEpoch local = log.endOffsetForEpoch(diverging.epoch());
            cut = local.epoch() == diverging.epoch() ? Math.min(local.offset(), diverging.offset()) : local.offset();
        }
        cut = Math.max(cut, log.startOffset());
        long removed = log.truncateTo(cut);
        out.truncated(cut, removed, "log diverged from leader n" + quorum.leaderId() + " at " + diverging
                + "; truncated to " + cut);
    }
}
