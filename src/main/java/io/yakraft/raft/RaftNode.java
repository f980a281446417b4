package io.yakraft.raft;

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
import java.util.TreeSet;

import io.yakraft.raft.LeaderState.HeldFetch;

/**
 * One KRaft replica as a pure state machine: inputs are messages, timer wake-ups, local appends
 * and resign requests, each with the current simulated time; outputs go to {@link RaftOutputs}.
 * No I/O, no clock, no threads; randomness comes from the injected stream.
 *
 * <p>Follows Kafka 4.x: pre-vote (KIP-996), pull-based Fetch with divergence detection, a
 * leader-change record at the start of each epoch, the high watermark from voters' fetch
 * offsets, check-quorum, BeginQuorumEpoch/EndQuorumEpoch, and observers that only fetch.
 *
 * <p>A few decisions are protected methods so that tests can build deliberately broken
 * variants and prove the invariant checks catch them.
 */
public class RaftNode {
    private final int id;
    private final int[] voters;
    private final boolean voter;
    private final RaftConfig config;
    private final DurableState disk;
    private final SplittableRandom random;
    private final RaftOutputs out;

    private Role role = Role.UNATTACHED;
    private int epoch;
    private int leaderId = -1;
    private long highWatermark;

    /** Election timer (Unattached, Prospective, Candidate, Resigned) or fetch timer (Follower). */
    private long electionDeadline = Long.MAX_VALUE;
    /** Candidate that lost waits until here before trying again (exponential backoff). */
    private long backoffDeadline = Long.MAX_VALUE;
    private int failedElections;

    /** Follower / observer fetch loop. */
    private long fetchDeadline = Long.MAX_VALUE;
    private long nextFetchAt = Long.MAX_VALUE;
    private long fetchCorrelation = -1;
    private long fetchRequestExpiresAt = Long.MAX_VALUE;
    private long lastLeaderContact = Long.MIN_VALUE;
    private boolean leaderResigned;
    private int bootstrapCursor;

    /** Prospective / Candidate tally. */
    private long electionRound = -1;
    private final TreeSet<Integer> granted = new TreeSet<>();
    private final TreeSet<Integer> rejected = new TreeSet<>();
    /** The leader a Prospective was following before (it returns to it after losing). */
    private int prospectiveFormerLeader = -1;

    /** Resigned: voters still to acknowledge EndQuorumEpoch. */
    private final TreeSet<Integer> endEpochPending = new TreeSet<>();
    private List<Integer> resignSuccessors = List.of();
    private long endEpochResendAt = Long.MAX_VALUE;

    private LeaderState leader;
    private long nextCorrelation;

    public RaftNode(int id, int[] voters, RaftConfig config, DurableState disk, SplittableRandom random,
                    RaftOutputs out, int incarnation) {
        this.id = id;
        this.voters = voters.clone();
        Arrays.sort(this.voters);
        this.voter = Arrays.binarySearch(this.voters, id) >= 0;
        this.config = config;
        this.disk = disk;
        this.random = random;
        this.out = out;
        // Correlation ids are unique across restarts so a response to a previous life is ignored.
        this.nextCorrelation = ((long) incarnation) << 32;
    }

    // ------------------------------------------------------------------ public view

    public int id() {
        return id;
    }

    public boolean isVoter() {
        return voter;
    }

    public Role role() {
        return role;
    }

    public int epoch() {
        return epoch;
    }

    public int leaderId() {
        return leaderId;
    }

    public int votedId() {
        return disk.election().epoch() == epoch ? disk.election().votedId() : -1;
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

    public int[] voters() {
        return voters.clone();
    }

    /** The running timer a view should draw: election or fetch deadline, whichever applies. */
    public long timerDeadline() {
        if (role == Role.LEADER) {
            return leader.checkQuorumDeadline;
        }
        if (role == Role.CANDIDATE && backoffDeadline != Long.MAX_VALUE) {
            return backoffDeadline;
        }
        return role == Role.FOLLOWER ? fetchDeadline : electionDeadline;
    }

    /** The leader's view of every replica, or an empty list when not leader. */
    public List<ReplicaState> replicaStates() {
        return role == Role.LEADER ? leader.replicaStates() : List.of();
    }

    /** Epoch start offset when leader, else -1. */
    public long epochStartOffset() {
        return role == Role.LEADER ? leader.epochStartOffset : -1;
    }

    public long nextWakeAt() {
        long d = Math.min(electionDeadline, backoffDeadline);
        d = Math.min(d, fetchDeadline);
        d = Math.min(d, nextFetchAt);
        d = Math.min(d, fetchRequestExpiresAt);
        d = Math.min(d, endEpochResendAt);
        if (role == Role.LEADER) {
            d = Math.min(d, leader.nextDeadline());
        }
        return d;
    }

    // ------------------------------------------------------------------ start

    /** Boots from the durable state, as Kafka's QuorumState.initialize does. */
    public void start(long now) {
        ElectionState saved = disk.election();
        RaftLog log = disk.log();
        epoch = Math.max(saved.epoch(), log.lastEpoch());
        if (disk.snapshot() != null) {
            // Everything in a snapshot was committed, so the high watermark starts at its end.
            highWatermark = disk.snapshot().id().offset();
            out.snapshotLoaded(disk.snapshot(), "loaded the latest snapshot from disk");
        }
        if (!voter) {
            leaderId = -1;
            becomeObserverUnattached(now, "observer started; looking for the leader");
            return;
        }
        if (saved.epoch() < log.lastEpoch()) {
            enter(Role.UNATTACHED, -1, "log holds a newer epoch than the quorum-state file");
            electionDeadline = now + randomElectionTimeout();
        } else if (saved.leaderId() == id) {
            // A restarted leader resigns its epoch: it must not vote in it or write in it again.
            enter(Role.RESIGNED, -1, "was leader of epoch " + epoch + " before restart; resigning it");
            electionDeadline = now + randomElectionTimeout();
        } else if (saved.votedId() == id) {
            enter(Role.UNATTACHED, -1, "was candidate in epoch " + epoch + " before restart");
            electionDeadline = now + randomElectionTimeout();
        } else if (saved.hasLeader()) {
            becomeFollower(now, saved.epoch(), saved.leaderId(), "restarted knowing leader n" + saved.leaderId());
        } else {
            enter(Role.UNATTACHED, -1, saved.hasVoted()
                    ? "restarted having voted for n" + saved.votedId() + " in epoch " + epoch
                    : "started with no known leader");
            electionDeadline = now + randomElectionTimeout();
        }
    }

    // ------------------------------------------------------------------ inputs

    public void handle(long now, int from, RaftMessage message) {
        // Java 17 has no pattern switch; the sealed hierarchy keeps this chain complete.
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
        }
    }

    /** Fires whatever deadlines have passed. */
    public void wake(long now) {
        if (role == Role.LEADER) {
            pollLeader(now);
            return;
        }
        if (fetchRequestExpiresAt <= now) {
            fetchRequestExpiresAt = Long.MAX_VALUE;
            fetchCorrelation = -1;
            out.note("fetch request timed out after " + config.requestTimeoutMs() + " ms; retrying");
            nextFetchAt = Math.min(nextFetchAt, now + config.retryBackoffMs());
        }
        if (role == Role.FOLLOWER && fetchDeadline <= now) {
            out.timerExpired("fetch timeout: no successful fetch from leader n" + leaderId + " for "
                    + config.fetchTimeoutMs() + " ms");
            if (voter) {
                becomeProspective(now, leaderId, "fetch timeout expired");
            } else {
                becomeObserverUnattached(now, "fetch timeout expired; looking for the leader again");
            }
            return;
        }
        if (role == Role.CANDIDATE && backoffDeadline <= now) {
            backoffDeadline = Long.MAX_VALUE;
            out.timerExpired("election backoff over");
            becomeProspective(now, -1, "retrying after a lost election");
            return;
        }
        if (electionDeadline <= now) {
            electionDeadline = Long.MAX_VALUE;
            switch (role) {
                case UNATTACHED, RESIGNED -> {
                    out.timerExpired("election timeout expired");
                    becomeProspective(now, -1, "election timeout expired");
                }
                case PROSPECTIVE -> {
                    out.timerExpired("pre-vote timed out without a majority");
                    prospectiveLost(now, "pre-vote timed out");
                }
                case CANDIDATE -> {
                    out.timerExpired("election timed out without a majority");
                    startBackoff(now);
                }
                default -> {
                }
            }
            return;
        }
        if (role == Role.RESIGNED && endEpochResendAt <= now) {
            sendEndQuorumEpoch(now);
        }
        if (nextFetchAt <= now) {
            nextFetchAt = Long.MAX_VALUE;
            sendFetch(now);
        }
    }

    /**
     * Appends payloads as the leader. Returns the offset of the first one, or -1 when this node
     * is not the leader (the caller answers NOT_CONTROLLER).
     */
    public long append(long now, List<?> payloads) {
        if (role != Role.LEADER || payloads.isEmpty()) {
            return -1;
        }
        long base = disk.log().endOffset();
        List<LogEntry> added = new ArrayList<>(payloads.size());
        for (Object p : payloads) {
            LogEntry e = new LogEntry(disk.log().endOffset(), epoch, p);
            disk.log().append(e);
            added.add(e);
        }
        out.appended(added, "leader appended " + added.size() + " record(s)");
        leader.updateLocalEnd(disk.log().endOffset(), now);
        maybeAdvanceHighWatermark(now);
        completeHeldFetches(now, false);
        return base;
    }

    /** Graceful resignation (shutdown or an operator's request): Resigned plus EndQuorumEpoch. */
    public void resign(long now, String why) {
        if (role != Role.LEADER) {
            return;
        }
        List<Integer> successors = leader.preferredSuccessors();
        resignTo(now, successors, why);
    }

    /** Makes the current election/fetch timer expire now (the "force timeout" control). */
    public void forceTimeout(long now) {
        switch (role) {
            case FOLLOWER -> fetchDeadline = now;
            case CANDIDATE -> {
                if (backoffDeadline != Long.MAX_VALUE) {
                    backoffDeadline = now;
                } else {
                    electionDeadline = now;
                }
            }
            case LEADER -> {
            }
            default -> electionDeadline = now;
        }
        wake(now);
    }

    // ------------------------------------------------------------------ transitions

    private void enter(Role next, int leader, String reason) {
        Role prev = role;
        role = next;
        leaderId = leader;
        electionDeadline = Long.MAX_VALUE;
        backoffDeadline = Long.MAX_VALUE;
        fetchDeadline = Long.MAX_VALUE;
        nextFetchAt = Long.MAX_VALUE;
        fetchRequestExpiresAt = Long.MAX_VALUE;
        fetchCorrelation = -1;
        endEpochResendAt = Long.MAX_VALUE;
        endEpochPending.clear();
        granted.clear();
        rejected.clear();
        electionRound = -1;
        leaderResigned = false;
        if (next != Role.LEADER) {
            this.leader = null;
        }
        out.roleChanged(prev, next, epoch, leader, reason);
    }

    private void persist(int newEpoch, int newLeader, int newVoted) {
        disk.writeElection(new ElectionState(newEpoch, newLeader, newVoted));
    }

    /** A newer epoch was seen and its leader (if any) is not known to be us. */
    private void becomeUnattached(long now, int newEpoch, String reason) {
        long remaining = electionDeadline;
        epoch = newEpoch;
        persist(newEpoch, -1, -1);
        if (!voter) {
            becomeObserverUnattached(now, reason);
            return;
        }
        enter(Role.UNATTACHED, -1, reason);
        // Kafka keeps a running election timer when the epoch moves on without a leader.
        electionDeadline = remaining != Long.MAX_VALUE && remaining > now ? remaining : now + randomElectionTimeout();
    }

    private void becomeObserverUnattached(long now, String reason) {
        int lost = leaderId;
        enter(Role.UNATTACHED, -1, reason);
        if (lost >= 0) {
            // ask the other voters first: the leader we lost is the least likely to answer
            bootstrapCursor = Arrays.binarySearch(voters, lost) + 1;
        }
        nextFetchAt = now; // observers discover the leader by fetching from a bootstrap voter
    }

    private void becomeFollower(long now, int newEpoch, int newLeader, String reason) {
        ElectionState saved = disk.election();
        epoch = newEpoch;
        if (saved.epoch() != newEpoch || saved.leaderId() != newLeader) {
            persist(newEpoch, newLeader, saved.epoch() == newEpoch ? saved.votedId() : -1);
        }
        enter(Role.FOLLOWER, newLeader, reason);
        fetchDeadline = now + config.fetchTimeoutMs();
        // Learning of a leader second-hand is not contact with it: only its own fetch answers
        // (or BeginQuorumEpoch) count, else a stale belief could block pre-votes forever.
        lastLeaderContact = Long.MIN_VALUE;
        nextFetchAt = now;
    }

    private void becomeProspective(long now, int formerLeader, String reason) {
        enter(Role.PROSPECTIVE, -1, reason + "; asking for pre-votes in epoch " + epoch);
        prospectiveFormerLeader = formerLeader;
        electionRound = nextCorrelation++;
        electionDeadline = now + randomElectionTimeout();
        granted.add(id);
        if (granted.size() >= majority()) {
            becomeCandidate(now, "won the pre-vote alone (single voter)");
            return;
        }
        RaftLog log = disk.log();
        for (int v : voters) {
            if (v != id) {
                out.send(v, new VoteRequest(epoch, id, log.lastEpoch(), log.endOffset(), true, electionRound));
            }
        }
    }

    private void prospectiveLost(long now, String why) {
        int former = prospectiveFormerLeader;
        prospectiveFormerLeader = -1;
        if (former >= 0 && disk.election().epoch() == epoch && disk.election().leaderId() == former) {
            // KIP-996: go back to the leader we had, which may still be fine.
            becomeFollower(now, epoch, former, why + "; returning to leader n" + former);
        } else {
            enter(Role.UNATTACHED, -1, why + "; waiting for another election timeout");
            electionDeadline = now + randomElectionTimeout();
        }
    }

    private void becomeCandidate(long now, String reason) {
        epoch = epoch + 1;
        persist(epoch, -1, id);
        enter(Role.CANDIDATE, -1, reason + "; epoch " + epoch + ", voting for itself");
        electionRound = nextCorrelation++;
        electionDeadline = now + randomElectionTimeout();
        granted.add(id);
        if (granted.size() >= majority()) {
            becomeLeader(now);
            return;
        }
        RaftLog log = disk.log();
        for (int v : voters) {
            if (v != id) {
                out.send(v, new VoteRequest(epoch, id, log.lastEpoch(), log.endOffset(), false, electionRound));
            }
        }
    }

    private void startBackoff(long now) {
        failedElections++;
        long cap = Math.min((long) config.electionBackoffMaxMs(),
                (long) config.retryBackoffMs() << Math.min(20, failedElections));
        backoffDeadline = now + 1 + random.nextLong(Math.max(1, cap));
        electionDeadline = Long.MAX_VALUE;
        out.note("election lost in epoch " + epoch + "; backing off until " + backoffDeadline);
    }

    private void becomeLeader(long now) {
        List<Integer> granting = new ArrayList<>(granted);
        persist(epoch, id, id);
        failedElections = 0;
        long start = disk.log().endOffset();
        this.leader = new LeaderState(id, epoch, start, voters, granting, now, config);
        enter(Role.LEADER, id, "won the vote of " + granting + " in epoch " + epoch);
        List<Integer> voterList = Arrays.stream(voters).boxed().toList();
        append(now, List.of(new LeaderChangeMessage(id, voterList, granting)));
        for (int v : voters) {
            if (v != id) {
                out.send(v, new BeginQuorumEpochRequest(epoch, id));
            }
        }
    }

    private void resignTo(long now, List<Integer> successors, String why) {
        List<HeldFetch> held = List.copyOf(leader.held);
        enter(Role.RESIGNED, -1, why + "; resigning epoch " + epoch);
        for (HeldFetch h : held) {
            respondNotLeader(h.replicaId(), h.request());
        }
        resignSuccessors = List.copyOf(successors);
        for (int v : voters) {
            if (v != id) {
                endEpochPending.add(v);
            }
        }
        electionDeadline = now + randomElectionTimeout();
        sendEndQuorumEpoch(now);
    }

    private void sendEndQuorumEpoch(long now) {
        for (int v : endEpochPending) {
            out.send(v, new EndQuorumEpochRequest(epoch, id, resignSuccessors));
        }
        endEpochResendAt = endEpochPending.isEmpty() ? Long.MAX_VALUE : now + config.fetchTimeoutMs() / 2;
    }

    /**
     * Any message from a newer epoch moves us there: as follower when it names a leader other
     * than us, else unattached. Returns true when the epoch changed.
     */
    private boolean observeEpoch(long now, int msgEpoch, int msgLeader, String why) {
        if (msgEpoch > epoch) {
            if (msgLeader >= 0 && msgLeader != id) {
                becomeFollower(now, msgEpoch, msgLeader, why + ": epoch " + msgEpoch + " has leader n" + msgLeader);
            } else {
                becomeUnattached(now, msgEpoch, why + ": saw newer epoch " + msgEpoch);
            }
            return true;
        }
        // A Prospective still counts the leader it came from as known (as Kafka's ProspectiveState
        // does), so hearing that leader's name again does not send it back to following.
        boolean knowsThatLeader = role == Role.PROSPECTIVE && prospectiveFormerLeader == msgLeader;
        if (msgEpoch == epoch && msgLeader >= 0 && msgLeader != id && leaderId < 0 && !knowsThatLeader
                && role != Role.LEADER && role != Role.RESIGNED) {
            becomeFollower(now, epoch, msgLeader, why + ": learned leader n" + msgLeader + " of epoch " + epoch);
            return true;
        }
        return false;
    }

    // ------------------------------------------------------------------ votes

    private void onVoteRequest(long now, int from, VoteRequest req) {
        String kind = req.preVote() ? "pre-vote" : "vote";
        if (!voter) {
            out.voteDecision(req.candidateId(), req.epoch(), req.preVote(), false, kind + " rejected: n" + id + " is an observer");
            out.send(from, new VoteResponse(epoch, leaderId, false, req.preVote(), req.correlation(), RaftError.INCONSISTENT_VOTER_SET));
            return;
        }
        if (req.epoch() < epoch) {
            out.voteDecision(req.candidateId(), req.epoch(), req.preVote(), false,
                    kind + " rejected: candidate's epoch " + req.epoch() + " < ours " + epoch);
            out.send(from, new VoteResponse(epoch, leaderId, false, req.preVote(), req.correlation(), RaftError.FENCED_LEADER_EPOCH));
            return;
        }
        if (req.preVote() && role == Role.LEADER && req.epoch() > epoch) {
            // A voter stranded in a newer epoch (its Vote requests were lost) cannot follow us: it
            // rejects our epoch and we never hear from it again. Kafka's voters find the leader by
            // fetching; here the leader that hears of the newer epoch steps down so the quorum
            // moves past it (stepping down on a newer epoch is always safe).
            becomeUnattached(now, req.epoch(), "pre-vote from n" + req.candidateId() + " in newer epoch " + req.epoch()
                    + ": a voter is stranded there");
        }
        if (req.preVote()) {
            boolean ok;
            String reason;
            if (role == Role.LEADER) {
                ok = false;
                reason = "pre-vote rejected: n" + id + " is the leader of epoch " + epoch;
            } else if (role == Role.FOLLOWER && !leaderResigned && req.candidateId() != leaderId
                    && lastLeaderContact != Long.MIN_VALUE && now - lastLeaderContact < config.fetchTimeoutMs()) {
                ok = false;
                reason = "pre-vote rejected: heard from leader n" + leaderId + " " + (now - lastLeaderContact)
                        + " ms ago (< fetch timeout " + config.fetchTimeoutMs() + " ms)";
            } else {
                ok = candidateLogUpToDate(req.lastOffsetEpoch(), req.lastOffset());
                reason = ok ? "pre-vote granted: candidate's log " + logPos(req) + " is at least as up to date as ours " + ourPos()
                        : "pre-vote rejected: " + whyNotUpToDate(req);
            }
            out.voteDecision(req.candidateId(), req.epoch(), true, ok, reason);
            out.send(from, new VoteResponse(epoch, leaderId, ok, true, req.correlation(), RaftError.NONE));
            return;
        }
        if (req.epoch() > epoch) {
            becomeUnattached(now, req.epoch(), "vote request from n" + req.candidateId() + " in newer epoch " + req.epoch());
        }
        ElectionState saved = disk.election();
        boolean ok;
        String reason;
        if (saved.votedId() == req.candidateId() && saved.epoch() == epoch) {
            ok = true;
            reason = "vote granted again: already voted for n" + req.candidateId() + " in epoch " + epoch;
        } else if (saved.epoch() == epoch && saved.hasVoted()) {
            ok = false;
            reason = "vote rejected: already voted for n" + saved.votedId() + " in epoch " + epoch;
        } else if (role != Role.UNATTACHED && role != Role.PROSPECTIVE) {
            ok = false;
            reason = "vote rejected: n" + id + " is " + role.label() + " in epoch " + epoch
                    + (leaderId >= 0 ? " with leader n" + leaderId : "");
        } else if (!candidateLogUpToDate(req.lastOffsetEpoch(), req.lastOffset())) {
            ok = false;
            reason = "vote rejected: " + whyNotUpToDate(req);
        } else {
            ok = true;
            reason = "vote granted: candidate's log " + logPos(req) + " is at least as up to date as ours " + ourPos();
            persist(epoch, -1, req.candidateId());
            if (role == Role.PROSPECTIVE) {
                enter(Role.UNATTACHED, -1, "voted for n" + req.candidateId() + " in epoch " + epoch);
            }
            // Kafka resets the election timer after voting: the candidate deserves its chance.
            electionDeadline = now + randomElectionTimeout();
        }
        out.voteDecision(req.candidateId(), req.epoch(), false, ok, reason);
        out.send(from, new VoteResponse(epoch, leaderId, ok, false, req.correlation(), RaftError.NONE));
    }

    private String logPos(VoteRequest req) {
        return "(epoch " + req.lastOffsetEpoch() + ", end " + req.lastOffset() + ")";
    }

    private String ourPos() {
        return "(epoch " + disk.log().lastEpoch() + ", end " + disk.log().endOffset() + ")";
    }

    private String whyNotUpToDate(VoteRequest req) {
        RaftLog log = disk.log();
        if (req.lastOffsetEpoch() < log.lastEpoch()) {
            return "candidate's last epoch " + req.lastOffsetEpoch() + " < ours " + log.lastEpoch();
        }
        return "candidate's log ends at " + req.lastOffset() + " < ours " + log.endOffset() + " in epoch " + log.lastEpoch();
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
        boolean expected = resp.correlation() == electionRound
                && ((resp.preVote() && role == Role.PROSPECTIVE) || (!resp.preVote() && role == Role.CANDIDATE));
        if (!expected || resp.epoch() != epoch) {
            return;
        }
        if (resp.granted()) {
            granted.add(from);
        } else {
            rejected.add(from);
        }
        if (role == Role.PROSPECTIVE) {
            if (granted.size() >= majority()) {
                becomeCandidate(now, "won the pre-vote with " + granted);
            } else if (rejected.size() >= majority()) {
                prospectiveLost(now, "pre-vote rejected by " + rejected);
            }
        } else {
            if (granted.size() >= majority()) {
                becomeLeader(now);
            } else if (rejected.size() >= majority() && backoffDeadline == Long.MAX_VALUE) {
                out.note("vote rejected by a majority " + rejected);
                startBackoff(now);
            }
        }
    }

    // ------------------------------------------------------------------ begin / end epoch

    private void onBeginQuorumEpoch(long now, int from, BeginQuorumEpochRequest req) {
        if (req.epoch() < epoch) {
            out.send(from, new BeginQuorumEpochResponse(epoch, leaderId, RaftError.FENCED_LEADER_EPOCH));
            return;
        }
        observeEpoch(now, req.epoch(), req.leaderId(), "BeginQuorumEpoch from n" + from);
        if (role == Role.FOLLOWER && leaderId == req.leaderId() && from == req.leaderId()) {
            lastLeaderContact = now;
        }
        out.send(from, new BeginQuorumEpochResponse(epoch, leaderId, RaftError.NONE));
    }

    private void onBeginQuorumEpochResponse(long now, int from, BeginQuorumEpochResponse resp) {
        if (observeEpoch(now, resp.epoch(), resp.leaderId(), "BeginQuorumEpoch response from n" + from)) {
            return;
        }
        if (role == Role.LEADER && resp.epoch() == epoch && resp.error() == RaftError.NONE) {
            leader.acknowledge(from);
        }
    }

    private void onEndQuorumEpoch(long now, int from, EndQuorumEpochRequest req) {
        if (req.epoch() < epoch) {
            out.send(from, new EndQuorumEpochResponse(epoch, leaderId, RaftError.FENCED_LEADER_EPOCH));
            return;
        }
        if (req.epoch() > epoch) {
            becomeUnattached(now, req.epoch(), "EndQuorumEpoch for newer epoch " + req.epoch());
        }
        if (voter && role == Role.FOLLOWER && leaderId == req.leaderId()) {
            // The leader stepped down: stop trusting it and elect soon, preferred successors first.
            leaderResigned = true;
            int position = req.preferredSuccessors().indexOf(id);
            long backoff = position < 0 ? config.electionBackoffMaxMs()
                    : Math.min(config.electionBackoffMaxMs(), (long) config.retryBackoffMs() << position);
            fetchDeadline = now + backoff;
            out.note("leader n" + req.leaderId() + " resigned epoch " + epoch + "; successor rank "
                    + (position < 0 ? "none" : position) + ", electing in " + backoff + " ms");
        } else if (voter && role == Role.UNATTACHED) {
            int position = req.preferredSuccessors().indexOf(id);
            if (position == 0) {
                electionDeadline = Math.min(electionDeadline, now + config.retryBackoffMs());
            }
        }
        out.send(from, new EndQuorumEpochResponse(epoch, leaderId, RaftError.NONE));
    }

    private void onEndQuorumEpochResponse(long now, int from, EndQuorumEpochResponse resp) {
        if (observeEpoch(now, resp.epoch(), resp.leaderId(), "EndQuorumEpoch response from n" + from)) {
            return;
        }
        if (role == Role.RESIGNED) {
            endEpochPending.remove(from);
            if (endEpochPending.isEmpty()) {
                endEpochResendAt = Long.MAX_VALUE;
            }
        }
    }

    // ------------------------------------------------------------------ fetch: leader side

    private void onFetchRequest(long now, int from, FetchRequest req) {
        if (req.epoch() > epoch) {
            // The fetcher knows a newer epoch than we do; we learn it and answer as non-leader.
            observeEpoch(now, req.epoch(), -1, "fetch from n" + from + " in newer epoch");
        }
        if (role != Role.LEADER) {
            respondNotLeader(from, req);
            return;
        }
        if (req.epoch() < epoch) {
            out.send(from, new FetchResponse(epoch, id, RaftError.FENCED_LEADER_EPOCH, highWatermark, List.of(),
                    null, null, disk.log().startOffset(), req.correlation()));
            return;
        }
        RaftLog log = disk.log();
        if (needsSnapshot(log, req.fetchOffset(), req.lastFetchedEpoch())) {
            out.send(from, new FetchResponse(epoch, id, RaftError.NONE, highWatermark, List.of(), null,
                    new OffsetAndEpoch(log.startOffset(), log.startEpoch()), log.startOffset(), req.correlation()));
            return;
        }
        OffsetAndEpoch diverging = divergence(req.fetchOffset(), req.lastFetchedEpoch());
        if (diverging != null) {
            out.note("fetch from n" + from + " at " + req.fetchOffset() + " (last epoch " + req.lastFetchedEpoch()
                    + ") diverges; our epoch " + diverging.epoch() + " ends at " + diverging.offset());
            out.send(from, new FetchResponse(epoch, id, RaftError.NONE, highWatermark, List.of(), diverging, null,
                    log.startOffset(), req.correlation()));
            return;
        }
        boolean isVoterFetch = Arrays.binarySearch(voters, from) >= 0;
        leader.updateReplica(from, isVoterFetch, req.fetchOffset(), now, config);
        leader.held.removeIf(h -> h.replicaId() == from);
        maybeAdvanceHighWatermark(now);
        if (req.fetchOffset() < log.endOffset()) {
            answerFetch(from, req);
        } else {
            // Long poll: park until there is something new or max wait passes.
            leader.held.add(new HeldFetch(from, req, now + config.fetchMaxWaitMs()));
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
        out.send(to, new FetchResponse(epoch, id, RaftError.NONE, highWatermark, records, null, null,
                log.startOffset(), req.correlation()));
    }

    private void respondNotLeader(int to, FetchRequest req) {
        RaftError err = req.epoch() < epoch ? RaftError.FENCED_LEADER_EPOCH
                : req.epoch() > epoch ? RaftError.UNKNOWN_LEADER_EPOCH : RaftError.NOT_LEADER_OR_FOLLOWER;
        out.send(to, new FetchResponse(epoch, leaderId, err, -1, List.of(), null, null,
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

    private void maybeAdvanceHighWatermark(long now) {
        long candidate = nextHighWatermark(quorumOffset(leader.voterEndOffsets()), leader.epochStartOffset, highWatermark);
        if (candidate > highWatermark) {
            long old = highWatermark;
            highWatermark = candidate;
            out.highWatermarkChanged(old, candidate);
            completeHeldFetches(now, true);
        }
    }

    /**
     * The offset a majority of voters have reached: sort the voters' end offsets and take the
     * majority-th largest. Protected only so tests can build a broken variant.
     */
    protected long quorumOffset(long[] voterEndOffsets) {
        long[] ends = voterEndOffsets.clone();
        Arrays.sort(ends);
        return ends[ends.length - majority()];
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

    private void completeHeldFetches(long now, boolean allOfThem) {
        if (leader == null || leader.held.isEmpty()) {
            return;
        }
        long end = disk.log().endOffset();
        List<HeldFetch> ready = new ArrayList<>();
        for (HeldFetch h : leader.held) {
            if (allOfThem || h.request().fetchOffset() < end) {
                ready.add(h);
            }
        }
        leader.held.removeAll(ready);
        for (HeldFetch h : ready) {
            answerFetch(h.replicaId(), h.request());
        }
    }

    private void pollLeader(long now) {
        if (leader.checkQuorumDeadline <= now) {
            if (leader.aloneIsMajority()) {
                leader.checkQuorumDeadline = now + config.checkQuorumTimeoutMs();
            } else {
                out.timerExpired("check-quorum: no fetches from a majority of voters in "
                        + config.checkQuorumTimeoutMs() + " ms");
                resignTo(now, leader.preferredSuccessors(), "lost contact with the quorum");
                return;
            }
        }
        if (!leader.unacknowledgedVoters().isEmpty() && leader.beginEpochResendAt <= now) {
            for (int v : leader.unacknowledgedVoters()) {
                out.send(v, new BeginQuorumEpochRequest(epoch, id));
            }
            leader.beginEpochResendAt = now + config.fetchTimeoutMs() / 2;
        }
        List<HeldFetch> expired = new ArrayList<>();
        for (HeldFetch h : leader.held) {
            if (h.expiresAt() <= now) {
                expired.add(h);
            }
        }
        leader.held.removeAll(expired);
        for (HeldFetch h : expired) {
            answerFetch(h.replicaId(), h.request());
        }
    }

    // ------------------------------------------------------------------ fetch: follower side

    private void sendFetch(long now) {
        int target;
        if (role == Role.FOLLOWER) {
            target = leaderId;
        } else if (!voter && role == Role.UNATTACHED) {
            // Observers ask the bootstrap voters in turn; a non-leader answers with the leader's id.
            target = voters[bootstrapCursor++ % voters.length];
        } else {
            return;
        }
        RaftLog log = disk.log();
        fetchCorrelation = nextCorrelation++;
        fetchRequestExpiresAt = now + config.requestTimeoutMs();
        out.send(target, new FetchRequest(epoch, id, log.endOffset(), log.lastEpoch(), fetchCorrelation));
    }

    private void onFetchResponse(long now, int from, FetchResponse resp) {
        if (resp.correlation() != fetchCorrelation) {
            return; // a stale or duplicated answer to a request we no longer wait for
        }
        fetchCorrelation = -1;
        fetchRequestExpiresAt = Long.MAX_VALUE;
        if (resp.error() != RaftError.NONE) {
            if (!observeEpoch(now, resp.epoch(), resp.leaderId(), "fetch response from n" + from)) {
                nextFetchAt = now + config.retryBackoffMs();
                if (role == Role.FOLLOWER && resp.epoch() == epoch && from == leaderId) {
                    out.note("leader n" + from + " answered " + resp.error() + "; retrying");
                }
            }
            return;
        }
        if (observeEpoch(now, resp.epoch(), resp.leaderId(), "fetch response from n" + from)) {
            return;
        }
        if (role != Role.FOLLOWER || from != leaderId || resp.epoch() != epoch) {
            return;
        }
        lastLeaderContact = now;
        fetchDeadline = now + config.fetchTimeoutMs();
        RaftLog log = disk.log();
        if (resp.divergingEpoch() != null) {
            // Our log is not yet known to match the leader's: truncate and ask again, and take
            // no high watermark from this answer (it may cover entries we still must replace).
            truncateToDivergence(resp.divergingEpoch());
            nextFetchAt = now;
            return;
        } else if (resp.snapshotId() != null) {
            out.note("our log (end " + log.endOffset() + ", epoch " + log.lastEpoch() + ") reaches into what the leader"
                    + " compacted (its log starts at " + resp.logStartOffset() + "); fetching snapshot " + resp.snapshotId());
            fetchCorrelation = nextCorrelation++;
            fetchRequestExpiresAt = now + config.requestTimeoutMs();
            out.send(from, new FetchSnapshotRequest(epoch, id, resp.snapshotId(), fetchCorrelation));
            return;
        } else if (!resp.records().isEmpty() && resp.records().get(0).offset() == log.endOffset()) {
            for (LogEntry e : resp.records()) {
                log.append(e);
            }
            out.appended(resp.records(), "replicated from leader n" + from);
        }
        long newHw = followerHighWatermark(resp.highWatermark(), log.endOffset());
        if (newHw > highWatermark) {
            long old = highWatermark;
            highWatermark = newHw;
            out.highWatermarkChanged(old, newHw);
        }
        nextFetchAt = now;
    }

    private void onFetchSnapshotRequest(long now, int from, FetchSnapshotRequest req) {
        RaftSnapshot snap = disk.snapshot();
        if (role != Role.LEADER || req.epoch() != epoch) {
            RaftError err = req.epoch() < epoch ? RaftError.FENCED_LEADER_EPOCH : RaftError.NOT_LEADER_OR_FOLLOWER;
            out.send(from, new FetchSnapshotResponse(epoch, leaderId, err, null, req.correlation()));
        } else if (snap == null || !snap.id().equals(req.snapshotId())) {
            out.send(from, new FetchSnapshotResponse(epoch, id, RaftError.SNAPSHOT_NOT_FOUND, null, req.correlation()));
        } else {
            out.send(from, new FetchSnapshotResponse(epoch, id, RaftError.NONE, snap, req.correlation()));
        }
    }

    private void onFetchSnapshotResponse(long now, int from, FetchSnapshotResponse resp) {
        if (resp.correlation() != fetchCorrelation) {
            return;
        }
        fetchCorrelation = -1;
        fetchRequestExpiresAt = Long.MAX_VALUE;
        if (observeEpoch(now, resp.epoch(), resp.leaderId(), "snapshot response from n" + from)) {
            return;
        }
        if (resp.error() != RaftError.NONE || role != Role.FOLLOWER || from != leaderId) {
            nextFetchAt = now + config.retryBackoffMs(); // fetch again; the answer names the current snapshot
            return;
        }
        lastLeaderContact = now;
        fetchDeadline = now + config.fetchTimeoutMs();
        installSnapshot(resp.snapshot(), "installed snapshot " + resp.snapshot().id() + " from leader n" + from);
        nextFetchAt = now;
    }

    private void installSnapshot(RaftSnapshot snap, String reason) {
        RaftLog log = disk.log();
        long removed = log.endOffset() - log.startOffset();
        log.wipe();
        log.advanceStartTo(snap.id().offset(), snap.id().epoch());
        disk.saveSnapshot(snap);
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
     * Takes a snapshot of the committed state at {@code endOffset} and drops the log before it
     * (Kafka: metadata.log.max.record.bytes.between.snapshots). Only committed offsets qualify.
     * Returns false when the offset is not committed here or not after the current start.
     */
    public boolean snapshotAndCompact(long endOffset, Object state) {
        RaftLog log = disk.log();
        if (endOffset > highWatermark || endOffset <= log.startOffset() || endOffset > log.endOffset()) {
            return false;
        }
        RaftSnapshot snap = new RaftSnapshot(new OffsetAndEpoch(endOffset, log.epochAt(endOffset - 1)), state);
        disk.saveSnapshot(snap);
        log.advanceStartTo(endOffset, snap.id().epoch());
        out.note("snapshot " + snap.id() + " written; log now starts at " + endOffset);
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
        out.truncated(cut, removed, "log diverged from leader n" + leaderId + " at " + diverging
                + "; truncated to " + cut);
    }

    // ------------------------------------------------------------------ helpers

    private int majority() {
        return voters.length / 2 + 1;
    }

    /** Kafka: election timeout randomized in [timeout, 2 × timeout). */
    private long randomElectionTimeout() {
        return config.electionTimeoutMs() + random.nextLong(config.electionTimeoutMs());
    }

}
