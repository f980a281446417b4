package io.yakraft.raft;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The leader of one epoch: replica progress (for the high watermark and describe-quorum),
 * BeginQuorumEpoch acknowledgements, the check-quorum window, and fetches held for long polling.
 */
final class LeaderState implements EpochState {
    /** Kafka's LeaderState.OBSERVER_SESSION_TIMEOUT_MS: an observer quiet this long leaves the describe answer. */
    static final long OBSERVER_SESSION_TIMEOUT_MS = 300_000L;
    private final int epoch;
    /** Offset of the leader-change record: the first offset of this epoch. */
    private final long epochStartOffset;
    private final List<Integer> grantingVoters;
    private final int localId;
    private final ReplicaKey localKey;
    /** The latest voter set of the log (committed or not), as Kafka's LeaderState follows it. */
    private VoterSet voterSet;
    private int[] voters;
    /** The voters' progress, by id (Kafka's voterStates). */
    private final Map<Integer, ReplicaState> replicas = new TreeMap<>();
    /** Every other replica that fetched, by replica key: a node on a new disk is not the voter of its id. */
    private final Map<ReplicaKey, ReplicaState> observers = new TreeMap<>(KEY_ORDER);
    private static final java.util.Comparator<ReplicaKey> KEY_ORDER =
            java.util.Comparator.comparingInt(ReplicaKey::id).thenComparing(ReplicaKey::directoryId);
    /** The voter change appended and not yet committed (Kafka's AddVoterHandlerState / RemoveVoterHandlerState). */
    private PendingVoterChange pendingVoterChange;
    /** Voters heard from since the check-quorum window last reset (the leader counts itself). */
    private final Set<Integer> fetchedThisWindow = new TreeSet<>();
    private long checkQuorumDeadline;
    private long beginEpochResendAt;
    /** Kafka's LeaderState high watermark is empty until a majority passes the epoch start. */
    private boolean highWatermarkKnown;
    private final List<HeldFetch> held = new ArrayList<>();

    /** A fetch parked until data arrives, the high watermark moves, or max wait expires. */
    record HeldFetch(int replicaId, RaftMessage.FetchRequest request, long expiresAt) {
    }

    /**
     * A VotersRecord at {@code offset} that adds or removes {@code key}; done when the high
     * watermark passes it, given up at {@code expiresAt} (Kafka's AddVoterHandlerState and
     * RemoveVoterHandlerState timers: the request timeout).
     */
    record PendingVoterChange(long offset, boolean add, ReplicaKey key, long expiresAt) {
        String describe() {
            return (add ? "add " : "remove ") + key + " (VotersRecord at " + offset + ")";
        }
    }

    LeaderState(ReplicaKey localKey, int epoch, long epochStartOffset, VoterSet voterSet, List<Integer> grantingVoters,
                long now, RaftConfig config) {
        this.localId = localKey.id();
        this.localKey = localKey;
        this.epoch = epoch;
        this.epochStartOffset = epochStartOffset;
        this.voterSet = voterSet;
        this.voters = voterSet.ids();
        this.grantingVoters = List.copyOf(grantingVoters);
        for (int v : voters) {
            replicas.put(v, v == localId ? new ReplicaState(v, true, epochStartOffset, now, now, epochStartOffset, true)
                    : ReplicaState.unknown(v, true));
        }
        this.checkQuorumDeadline = now + config.checkQuorumTimeoutMs();
        this.beginEpochResendAt = now + config.fetchTimeoutMs() / 2;
    }

    @Override
    public Role role() {
        return Role.LEADER;
    }

    @Override
    public int epoch() {
        return epoch;
    }

    @Override
    public int leaderId() {
        return localId;
    }

    long epochStartOffset() {
        return epochStartOffset;
    }

    /** Whether a majority has passed the epoch start, so this leader has a high watermark of its own. */
    boolean hasHighWatermark() {
        return highWatermarkKnown;
    }

    void highWatermarkKnown() {
        highWatermarkKnown = true;
    }

    List<Integer> grantingVoters() {
        return grantingVoters;
    }

    void updateLocalEnd(long endOffset, long now) {
        boolean voter = voterSet.isVoter(localKey);
        ReplicaState self = new ReplicaState(localId, voter, endOffset, now, now, endOffset, true);
        if (voter) {
            replicas.put(localId, self);
        } else {
            observers.put(localKey, self);
        }
    }

    private long localEnd() {
        ReplicaState self = voterSet.isVoter(localKey) ? replicas.get(localId) : observers.get(localKey);
        return self == null ? epochStartOffset : self.endOffset();
    }

    VoterSet voterSet() {
        return voterSet;
    }

    /**
     * Kafka's updateVoterAndObserverStates: the log's latest voter set changed (appended or, for a
     * leader never, truncated). A new voter keeps the progress it made as an observer; a removed
     * one keeps its progress as an observer.
     */
    void updateVoters(VoterSet next) {
        Map<ReplicaKey, ReplicaState> byKey = new TreeMap<>(KEY_ORDER);
        for (ReplicaState r : replicas.values()) {
            byKey.put(r.replicaId() == localId ? localKey : voterSet.voterFor(r.replicaId()).orElseThrow().key(), r);
        }
        byKey.putAll(observers);
        replicas.clear();
        observers.clear();
        voterSet = next;
        voters = next.ids();
        byKey.forEach((key, r) -> {
            if (next.isVoter(key)) {
                replicas.put(key.id(), r.asVoter(true));
            } else {
                observers.put(key, r.asVoter(false));
            }
        });
        for (int v : voters) {
            replicas.putIfAbsent(v, ReplicaState.unknown(v, true));
        }
    }

    PendingVoterChange pendingVoterChange() {
        return pendingVoterChange;
    }

    void voterChangeStarted(PendingVoterChange change) {
        pendingVoterChange = change;
    }

    void voterChangeDone() {
        pendingVoterChange = null;
    }

    /**
     * Kafka's LeaderState.maybeExpirePendingOperation: a change still uncommitted when its timer
     * runs out is dropped (the caller answers REQUEST_TIMED_OUT). Its VotersRecord stays in the log
     * and may still commit; only the leader's bookkeeping of it ends. Returns the dropped change or null.
     */
    PendingVoterChange expirePendingVoterChange(long now) {
        PendingVoterChange expired = pendingVoterChange;
        if (expired == null || expired.expiresAt() > now) {
            return null;
        }
        pendingVoterChange = null;
        return expired;
    }

    /**
     * Kafka's isReplicaCaughtUp for AddVoter: an observer that has been caught up with the
     * leader's log end at some fetch and fetched recently (Kafka: within the hour).
     */
    boolean isObserverCaughtUp(ReplicaKey key, long now) {
        ReplicaState r = observers.get(key);
        return r != null && r.lastCaughtUpMs() > 0 && r.lastFetchMs() > 0 && r.lastFetchMs() > now - 3_600_000L;
    }

    /**
     * Records a fetch at {@code fetchOffset}. A voter's fetch counts toward check-quorum: as
     * soon as a majority (the leader included) has fetched since the last reset, the window
     * restarts (Kafka's LeaderState does the same).
     */
    boolean updateReplica(ReplicaKey key, long fetchOffset, long now, RaftConfig config) {
        // A fetch offset can go backwards after truncation; the leader believes the newest fetch.
        // Only the voter's own disk counts as the voter (KIP-853): the same id on a new disk is an observer.
        boolean voter = voterSet.isVoter(key);
        int replicaId = key.id();
        if (voter) {
            ReplicaState old = replicas.getOrDefault(replicaId, ReplicaState.unknown(replicaId, true));
            replicas.put(replicaId, old.fetched(fetchOffset, now, localEnd()));
            countForCheckQuorum(replicaId, now, config);
        } else {
            ReplicaState old = observers.getOrDefault(key, ReplicaState.unknown(replicaId, false));
            observers.put(key, old.fetched(fetchOffset, now, localEnd()));
        }
        return voter;
    }

    /**
     * A voter was heard from through Fetch or FetchSnapshot (Kafka's
     * updateCheckQuorumForFollowingVoter): once a majority, the leader included, has been heard
     * from since the last reset, the check-quorum window restarts.
     */
    void countForCheckQuorum(int replicaId, long now, RaftConfig config) {
        fetchedThisWindow.add(replicaId);
        if (replicas.containsKey(localId)) {
            fetchedThisWindow.add(localId);
        }
        fetchedThisWindow.retainAll(replicas.keySet());
        if (fetchedThisWindow.size() >= voters.length / 2 + 1) {
            fetchedThisWindow.clear();
            checkQuorumDeadline = now + config.checkQuorumTimeoutMs();
        }
    }

    void acknowledge(int replicaId) {
        ReplicaState old = replicas.get(replicaId);
        if (old != null && replicaId != localId && !old.acknowledgedEpoch()) {
            replicas.put(replicaId, old.acknowledged());
        }
    }

    /**
     * Kafka's needToSendBeginQuorumRequests: the other voters that have not fetched for
     * {@code quietMs} (or never in this epoch). A voter that fetches steadily needs no reminder;
     * one that went quiet (crashed, cut off, stranded in another epoch) hears the leader again.
     */
    List<Integer> votersQuietFor(long now, long quietMs) {
        List<Integer> out = new ArrayList<>();
        for (int v : voters) {
            ReplicaState r = replicas.get(v);
            if (v != localId && (r.lastFetchMs() < 0 || now - r.lastFetchMs() >= quietMs)) {
                out.add(v);
            }
        }
        return out;
    }

    /** Each voter's last fetched end offset (the leader's own log end for itself); unknown counts as 0. */
    long[] voterEndOffsets() {
        long[] ends = new long[voters.length];
        for (int i = 0; i < voters.length; i++) {
            ends[i] = Math.max(0, replicas.get(voters[i]).endOffset());
            // (a leader outside the voter set, removing itself, is not counted: Kafka's voterStates)
        }
        return ends;
    }

    /** A single voter is its own majority: its check-quorum window never runs out. */
    boolean aloneIsMajority() {
        return voters.length == 1 && voters[0] == localId;
    }

    long checkQuorumDeadline() {
        return checkQuorumDeadline;
    }

    void checkQuorumAgainAt(long at) {
        checkQuorumDeadline = at;
    }

    /** Whether the BeginQuorumEpoch heartbeat timer (Kafka's beginQuorumEpochTimer) ran out. */
    boolean beginEpochDue(long now) {
        return beginEpochResendAt <= now;
    }

    /** Restart the heartbeat timer: the next check is at {@code at}. */
    void beginEpochResentAt(long at) {
        beginEpochResendAt = at;
    }

    /** Voters ordered by end offset, most caught-up first; the preferred successors on resign. */
    List<Integer> preferredSuccessors() {
        List<ReplicaState> vs = new ArrayList<>();
        for (int v : voters) {
            if (v != localId) {
                vs.add(replicas.get(v));
            }
        }
        vs.sort((a, b) -> a.endOffset() != b.endOffset() ? Long.compare(b.endOffset(), a.endOffset())
                : Integer.compare(a.replicaId(), b.replicaId()));
        List<Integer> out = new ArrayList<>();
        for (ReplicaState r : vs) {
            out.add(r.replicaId());
        }
        return out;
    }

    /** Voters then observers, each in id order. */
    List<ReplicaState> replicaStates() {
        List<ReplicaState> all = new ArrayList<>(replicas.values());
        all.addAll(observers.values());
        return List.copyOf(all);
    }

    /**
     * Kafka's DescribeQuorum answer from this leader at {@code now}: voters in id order, then the
     * observers heard from within Kafka's observer session (LeaderState.OBSERVER_SESSION_TIMEOUT_MS,
     * 5 minutes; older ones are left out as clearInactiveObservers forgets them). The leader's own
     * timestamps are {@code now} (RaftUtil.toReplicaState).
     */
    QuorumInfo describe(long now, long highWatermark) {
        List<QuorumInfo.Replica> voterList = new ArrayList<>();
        List<QuorumInfo.Replica> observerList = new ArrayList<>();
        for (ReplicaState r : replicaStates()) {
            if (!r.voter() && now - r.lastFetchMs() >= OBSERVER_SESSION_TIMEOUT_MS) {
                continue; // left out, not removed: a query changes nothing
            }
            boolean self = r.replicaId() == localId;
            QuorumInfo.Replica info = new QuorumInfo.Replica(r.replicaId(), r.endOffset(), self ? now : r.lastFetchMs(),
                    self ? now : r.lastCaughtUpMs());
            (r.voter() ? voterList : observerList).add(info);
        }
        return new QuorumInfo(localId, epoch, highWatermark, voterList, observerList);
    }

    // ------------------------------------------------------------------ long polls

    void hold(HeldFetch fetch) {
        held.add(fetch);
    }

    /** A new fetch from a replica replaces the one it had parked. */
    void dropHeld(int replicaId) {
        held.removeIf(h -> h.replicaId() == replicaId);
    }

    /** Parked fetches to answer now: those below {@code logEnd}, or all of them. */
    List<HeldFetch> takeHeld(long logEnd, boolean all) {
        return take(h -> all || h.request().fetchOffset() < logEnd);
    }

    /** Parked fetches whose max wait has passed. */
    List<HeldFetch> takeExpired(long now) {
        return take(h -> h.expiresAt() <= now);
    }

    /** Every parked fetch (the leader is leaving its role). */
    List<HeldFetch> takeAllHeld() {
        return take(h -> true);
    }

    private List<HeldFetch> take(java.util.function.Predicate<HeldFetch> which) {
        List<HeldFetch> ready = new ArrayList<>();
        for (HeldFetch h : held) {
            if (which.test(h)) {
                ready.add(h);
            }
        }
        held.removeAll(ready);
        return ready;
    }

    // ------------------------------------------------------------------ timers

    @Override
    public long electionDeadline() {
        return Long.MAX_VALUE;
    }

    @Override
    public long timerDeadline() {
        return checkQuorumDeadline;
    }

    @Override
    public long nextWakeAt() {
        long d = voters.length == 1 ? checkQuorumDeadline : Math.min(checkQuorumDeadline, beginEpochResendAt);
        if (pendingVoterChange != null) {
            d = Math.min(d, pendingVoterChange.expiresAt());
        }
        for (HeldFetch h : held) {
            d = Math.min(d, h.expiresAt());
        }
        return d;
    }
}
