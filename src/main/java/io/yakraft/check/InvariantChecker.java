package io.yakraft.check;

import io.yakraft.cluster.Cluster;
import io.yakraft.cluster.ClusterObserver;
import io.yakraft.cluster.LogRange;
import io.yakraft.raft.LogEntry;
import io.yakraft.raft.VoterSet;
import io.yakraft.raft.VotersRecord;
import io.yakraft.raft.Role;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks Raft's and KRaft's safety rules as the run happens, in the spirit of Kafka's
 * RaftEventSimulationTest plus the Raft paper's: one leader per epoch, monotonic epochs and
 * high watermarks, a high watermark never beyond what a majority of voters hold, committed
 * entries identical wherever held, leader completeness, and nothing committed ever lost.
 * The metadata layer's rules ride along ({@link MetadataInvariants}), and the data plane's ({@link DataInvariants}). The first violation
 * stops the run and names the seed, event number and rule.
 *
 * <p>Work per event is proportional to the number of voters; the committed log is tracked
 * incrementally as an array of epochs by offset.
 */
public final class InvariantChecker implements ClusterObserver {
    public static final String SINGLE_LEADER = "SingleLeaderPerEpoch";
    public static final String MONOTONIC_EPOCH = "MonotonicEpoch";
    public static final String MONOTONIC_HW = "MonotonicHighWatermark";
    public static final String MAJORITY_HW = "MajorityReachedHighWatermark";
    public static final String CONSISTENT_COMMITTED = "ConsistentCommittedData";
    public static final String LEADER_COMPLETENESS = "LeaderCompleteness";
    public static final String NO_COMMITTED_LOSS = "CommittedEntryNeverLost";
    public static final String NO_TRUNCATION_BELOW_HW = "NoTruncationBelowHighWatermark";
    public static final String HW_WITHIN_LOG = "HighWatermarkWithinLog";
    /** KIP-853: a leader appends a new voter set only once the previous one is committed, one voter at a time. */
    public static final String VOTER_CHANGE_COMMITTED_FIRST = "VoterSetChangesOnlyAfterCommit";
    /** KIP-853: every voter set a leader commits with in one epoch shares a voter with every majority of the others. */
    public static final String OVERLAPPING_MAJORITIES = "OverlappingMajoritiesPerEpoch";

    private final Cluster cluster;
    /** The voter set the leader of each epoch last advanced its high watermark with. */
    private final Map<Integer, VoterSet> commitSets = new HashMap<>();
    private final Map<Integer, Integer> leaderOfEpoch = new HashMap<>();
    private final Map<Integer, Integer> lastEpoch = new HashMap<>();
    private final Map<Integer, Long> lastHw = new HashMap<>();
    /** Epoch of every committed offset, 0..committed-1. */
    private int[] committedEpochs = new int[1024];
    /** Epoch of the leader under which each committed offset became committed (non-decreasing). */
    private int[] commitTerms = new int[1024];
    private long committed;
    private final List<Violation> violations = new ArrayList<>();
    private long checks;
    private final MetadataInvariants metadata;
    private final DataInvariants data;

    public InvariantChecker(Cluster cluster) {
        this.cluster = cluster;
        cluster.addObserver(this);
        this.metadata = new MetadataInvariants(cluster, this::fail);
        cluster.addObserver(metadata);
        this.data = new DataInvariants(cluster, this::fail);
        cluster.addObserver(data);
    }

    /**
     * The data plane's liveness rule, checked now: call after a calm at least as long as a replica
     * is given to catch up (see {@link DataInvariants#checkReplicasReachHighWatermark}).
     */
    public void checkReplicasReachHighWatermark() {
        data.checkReplicasReachHighWatermark();
    }

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    /** Number of committed offsets seen so far (the largest high watermark ever reported). */
    public long committedOffset() {
        return committed;
    }

    /** How many rule evaluations ran (shows the checker actually worked). */
    public long checks() {
        return checks + metadata.checks() + data.checks();
    }

    private void fail(String rule, int node, String detail) {
        Violation v = new Violation(rule, cluster.config().seed(), cluster.eventCount() + 1,
                cluster.now(), node, detail);
        violations.add(v);
        cluster.recordViolation(node, v.toString());
    }

    @Override
    public void roleChanged(int node, Role from, Role to, int epoch, int leaderId) {
        checks++;
        Integer prevEpoch = lastEpoch.get(node);
        if (prevEpoch != null && epoch < prevEpoch) {
            fail(MONOTONIC_EPOCH, node, "epoch went back from " + prevEpoch + " to " + epoch);
            return;
        }
        lastEpoch.put(node, epoch);
        if (to != Role.LEADER) {
            return;
        }
        Integer other = leaderOfEpoch.putIfAbsent(epoch, node);
        if (other != null && other != node) {
            fail(SINGLE_LEADER, node, "n" + node + " and n" + other + " both became leader of epoch " + epoch);
            return;
        }
        // Leader completeness (Raft §5.4): a leader of epoch E holds every entry that became
        // committed under a leader of an earlier epoch. Later commits may be missing: a
        // long-paused candidate can still collect the votes granted to it back then and lead its
        // old epoch until it is fenced.
        long required = committedBefore(epoch);
        LogRange log = cluster.logRange(node);
        if (required > 0 && !holdsCommittedPrefix(node, log, required)) {
            fail(LEADER_COMPLETENESS, node, "new leader of epoch " + epoch + " lacks committed entries: its log ends at "
                    + log.endOffset() + " (epoch " + log.lastEpoch() + "), entries committed before epoch " + epoch + " reach "
                    + required + " (epoch " + committedEpochs[(int) required - 1] + ")");
        }
    }

    /** Length of the committed prefix that became committed in epochs below {@code epoch}. */
    private long committedBefore(int epoch) {
        long lo = 0;
        long hi = committed;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (commitTerms[(int) mid] < epoch) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    // No rule on appends: a follower of a deposed leader may hold a different, uncommitted entry
    // at an offset that is committed elsewhere; it only matters once the node calls it committed
    // (checked on high watermark changes) or a leader lacks it (leader completeness).

    @Override
    public void truncated(int node, long newEndOffset, long removed) {
        checks++;
        long hw = cluster.logRange(node).highWatermark();
        if (newEndOffset < hw) {
            fail(NO_TRUNCATION_BELOW_HW, node, "truncated to " + newEndOffset + " below its high watermark " + hw);
            return;
        }
        checkCommittedSurvives(node, "after truncation");
    }

    @Override
    public void highWatermarkChanged(int node, long from, long to) {
        checks++;
        Long prev = lastHw.get(node);
        if (prev != null && to < prev) {
            fail(MONOTONIC_HW, node, "high watermark went back from " + prev + " to " + to);
            return;
        }
        lastHw.put(node, to);
        LogRange log = cluster.logRange(node);
        if (to > log.endOffset()) {
            fail(HW_WITHIN_LOG, node, "high watermark " + to + " beyond its own log end " + log.endOffset());
            return;
        }
        long committedBefore = committed;
        // Everything this node now calls committed must agree with what others called committed.
        long start = Math.max(from, log.startOffset());
        int commitTerm = cluster.epochOf(node);
        for (long o = start; o < to; o++) {
            int e = cluster.entryEpoch(node, o);
            if (o < committed) {
                if (committedEpochs[(int) o] != e) {
                    fail(CONSISTENT_COMMITTED, node, "offset " + o + " committed with epoch " + committedEpochs[(int) o]
                            + " elsewhere but epoch " + e + " here");
                    return;
                }
            } else {
                append(e, commitTerm);
            }
        }
        // A newly committed high watermark must be held by a majority of voters (durable logs
        // count). One already committed may be learned later, under a voter set changed since.
        if (to <= committedBefore) {
            return;
        }
        // A voter whose disk was replaced since it fetched counts as neither holder nor elector
        // (KIP-853: on its new disk it cannot vote as that voter).
        VoterSet voters = cluster.currentVoters();
        if (couldElectWithout(voters, to) >= voters.majority()) {
            fail(MAJORITY_HW, node, "high watermark " + to + " held by only " + votersHolding(voters, to) + " of "
                    + voters.size() + " voters");
            return;
        }
        if (cluster.leads(node)) {
            checkOverlappingMajorities(node, cluster.voterSetOf(node));
        }
    }

    /**
     * No two voter sets that could each form a majority without the other commit in one epoch:
     * each set a leader commits with must overlap in majorities with the one it committed with
     * before in that epoch (one voter changed at a time, each change committed before the next).
     */
    private void checkOverlappingMajorities(int leader, VoterSet used) {
        int epoch = cluster.epochOf(leader);
        VoterSet earlier = commitSets.get(epoch);
        if (earlier != null && !earlier.equals(used) && !earlier.hasOverlappingMajority(used)) {
            fail(OVERLAPPING_MAJORITIES, leader, "epoch " + epoch + " committed with voters " + earlier.describe()
                    + " and then with " + used.describe() + ", whose majorities need not meet");
            return;
        }
        commitSets.put(epoch, used);
    }

    @Override
    public void appended(int node, List<LogEntry> entries) {
        // The node's voter history does not hold these entries yet: its latest set is the one before.
        if (!cluster.leads(node)) {
            return;
        }
        for (LogEntry e : entries) {
            if (e.payload() instanceof VotersRecord r) {
                checks++;
                VoterSet before = cluster.voterSetOf(node);
                long setAt = cluster.voterSetOffsetOf(node);
                long hw = cluster.logRange(node).highWatermark();
                // Kafka's appendStartOfEpochControlRecords may rewrite the leader's own entry (same
                // voters, new endpoint) in the epoch's first batch, committed set or not.
                boolean startOfEpochUpdate = e.batchLastOffset() == e.offset() && e.offset() - 2 == cluster.epochStartOffsetOf(node)
                        && sameVoterKeys(before, r.voters());
                if (setAt >= hw && !startOfEpochUpdate) {
                    fail(VOTER_CHANGE_COMMITTED_FIRST, node, "leader n" + node + " wrote voters " + r.voters().describe()
                            + " at " + e.offset() + " while the voter set at " + setAt + " was uncommitted (high watermark " + hw + ")");
                } else if (!before.hasOverlappingMajority(r.voters())) {
                    fail(VOTER_CHANGE_COMMITTED_FIRST, node, "leader n" + node + " changed voters " + before.describe()
                            + " to " + r.voters().describe() + " at " + e.offset() + ": more than one voter at a time");
                }
            }
        }
    }

    private static boolean sameVoterKeys(VoterSet a, VoterSet b) {
        return a.voters().stream().map(VoterSet.Voter::key).toList().equals(b.voters().stream().map(VoterSet.Voter::key).toList());
    }

    @Override
    public void fault(int node, String what, boolean diskLost) {
        checks++;
        if (what.equals("restarting")) {
            lastHw.remove(node); // the high watermark is volatile in KRaft; it restarts from 0
            if (diskLost) {
                lastEpoch.remove(node); // a wiped node starts over from epoch 0
            }
        } else if (what.equals("restarted") && diskLost) {
            checkCommittedSurvives(node, "after n" + node + " lost its disk");
        }
    }

    private void checkCommittedSurvives(int node, String when) {
        if (committed == 0) {
            return;
        }
        // Safe while every majority of the voter set contains a holder or a voter whose disk was
        // replaced (KIP-853: a replica on a new disk is not that voter and cannot grant a vote).
        VoterSet voters = cluster.currentVoters();
        int couldElectWithout = couldElectWithout(voters, committed);
        if (couldElectWithout >= voters.majority()) {
            fail(NO_COMMITTED_LOSS, node, when + ": committed entries up to " + committed + " survive on only "
                    + votersHolding(voters, committed) + " of " + voters.size() + " voters, and " + couldElectWithout
                    + " voters without them could elect a leader");
        }
    }

    /** How many voters lack [0, upTo) and still run on the disk the voter set knows: they could vote. */
    private int couldElectWithout(VoterSet voters, long upTo) {
        int n = 0;
        for (VoterSet.Voter v : voters.voters()) {
            int id = v.key().id();
            if (cluster.allIds().contains(id) && v.key().matches(cluster.replicaKey(id))
                    && !holdsCommittedPrefix(id, cluster.logRange(id), upTo)) {
                n++;
            }
        }
        return n;
    }

    /** How many voters' durable logs hold the committed prefix [0, upTo). */
    private int votersHolding(VoterSet voters, long upTo) {
        int holders = 0;
        for (int v : voters.ids()) {
            if (cluster.allIds().contains(v) && holdsCommittedPrefix(v, cluster.logRange(v), upTo)) {
                holders++;
            }
        }
        return holders;
    }

    /**
     * True when the node's log ({@code log} is where it stands) holds offsets [0, upTo) matching
     * the committed ones. By log matching, an identical (offset, epoch) at upTo-1 implies the
     * whole prefix; a prefix covered by the log's snapshot counts as held.
     */
    private boolean holdsCommittedPrefix(int node, LogRange log, long upTo) {
        if (upTo == 0) {
            return true;
        }
        if (log.endOffset() < upTo) {
            return false;
        }
        long last = upTo - 1;
        if (last < log.startOffset() - 1) {
            return true;
        }
        int held = cluster.entryEpoch(node, last);
        int want = last < committed ? committedEpochs[(int) last] : held;
        return held == want;
    }

    private void append(int entryEpoch, int commitTerm) {
        if (committed == committedEpochs.length) {
            committedEpochs = java.util.Arrays.copyOf(committedEpochs, committedEpochs.length * 2);
            commitTerms = java.util.Arrays.copyOf(commitTerms, commitTerms.length * 2);
        }
        commitTerms[(int) committed] = commitTerm;
        committedEpochs[(int) committed++] = entryEpoch;
    }
}
