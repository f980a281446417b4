package io.yakraft.check;

import io.yakraft.cluster.RaftNodeFactory;
import io.yakraft.raft.OffsetAndEpoch;
import io.yakraft.raft.RaftNode;

import java.util.Map;
import java.util.TreeMap;

/**
 * Deliberately broken KRaft cores. Each removes one safety rule; the property run must catch
 * every one of them, which proves the invariant checks can fail.
 */
final class BrokenVariants {
    private BrokenVariants() {
    }

    /** Grants votes without Raft's "candidate's log is at least as up to date" check. */
    static final RaftNodeFactory VOTE_WITHOUT_LOG_CHECK = (id, voters, config, disk, random, out, inc) ->
            new RaftNode(id, voters, config, disk, random, out, inc) {
                @Override
                protected boolean candidateLogUpToDate(int lastEpoch, long endOffset) {
                    return true;
                }
            };

    /** Commits what the leader alone holds: the high watermark ignores the voters' majority. */
    static final RaftNodeFactory HW_WITHOUT_MAJORITY = (id, voters, config, disk, random, out, inc) ->
            new RaftNode(id, voters, config, disk, random, out, inc) {
                @Override
                protected long quorumOffset(long[] voterEndOffsets) {
                    return java.util.Arrays.stream(voterEndOffsets).max().orElse(0);
                }
            };

    /** The leader never reports a diverging epoch, so followers keep conflicting entries. */
    static final RaftNodeFactory NO_DIVERGENCE_CHECK = (id, voters, config, disk, random, out, inc) ->
            new RaftNode(id, voters, config, disk, random, out, inc) {
                @Override
                protected OffsetAndEpoch divergence(long fetchOffset, int lastFetchedEpoch) {
                    return null;
                }
            };

    /** Followers trust the leader's high watermark even past their own log end. */
    static final RaftNodeFactory FOLLOWER_HW_PAST_LOG_END = (id, voters, config, disk, random, out, inc) ->
            new RaftNode(id, voters, config, disk, random, out, inc) {
                @Override
                protected long followerHighWatermark(long leaderHw, long logEnd) {
                    return leaderHw;
                }
            };

    static Map<String, RaftNodeFactory> all() {
        Map<String, RaftNodeFactory> m = new TreeMap<>();
        m.put("vote-without-log-check", VOTE_WITHOUT_LOG_CHECK);
        m.put("hw-without-majority", HW_WITHOUT_MAJORITY);
        m.put("no-divergence-check", NO_DIVERGENCE_CHECK);
        m.put("follower-hw-past-log-end", FOLLOWER_HW_PAST_LOG_END);
        return m;
    }
}
