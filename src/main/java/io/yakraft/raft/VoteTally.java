package io.yakraft.raft;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The votes of one election round (a pre-vote or a vote), as Kafka's EpochElection counts them:
 * who granted, who refused, who has not answered. The round's correlation id tells its answers
 * from those of an earlier round. It also keeps when the request to each unanswered voter times
 * out, so the request can be sent again (Kafka's maybeSendVoteRequests through its
 * RequestManager: a voter whose request timed out is ready again).
 */
final class VoteTally {
    private final long round;
    private final int[] voters;
    private final int majority;
    private final TreeSet<Integer> granted = new TreeSet<>();
    private final TreeSet<Integer> rejected = new TreeSet<>();
    /** Unanswered voters and when the request to each times out. */
    private final TreeMap<Integer, Long> timesOutAt = new TreeMap<>();

    VoteTally(long round, int[] voters, int self) {
        this.round = round;
        this.voters = voters.clone();
        this.majority = voters.length / 2 + 1;
        granted.add(self);
    }

    long round() {
        return round;
    }

    void record(int voter, boolean grant) {
        (grant ? granted : rejected).add(voter);
        timesOutAt.remove(voter);
    }

    boolean won() {
        return granted.size() >= majority;
    }

    /** Kafka's isVoteRejected: the granted and the unanswered together can no longer make a majority. */
    boolean lost() {
        return granted.size() + unrecorded().size() < majority;
    }

    /** Voters that neither granted nor refused (Kafka's unrecordedVoters). */
    List<Integer> unrecorded() {
        List<Integer> out = new ArrayList<>();
        for (int v : voters) {
            if (!granted.contains(v) && !rejected.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    /** A request went to {@code voter}; without an answer by {@code timeoutAt} it goes again. */
    void sent(int voter, long timeoutAt) {
        timesOutAt.put(voter, timeoutAt);
    }

    /** Unanswered voters whose request timed out by {@code now}, while the round can still be won. */
    List<Integer> timedOut(long now) {
        List<Integer> out = new ArrayList<>();
        if (!lost()) {
            timesOutAt.forEach((v, at) -> {
                if (at <= now) {
                    out.add(v);
                }
            });
        }
        return out;
    }

    /** When the next unanswered request times out, or Long.MAX_VALUE (none, or the round is lost). */
    long nextTimeout() {
        if (lost()) {
            return Long.MAX_VALUE;
        }
        long next = Long.MAX_VALUE;
        for (long at : timesOutAt.values()) {
            next = Math.min(next, at);
        }
        return next;
    }

    int majority() {
        return majority;
    }

    List<Integer> granted() {
        return List.copyOf(granted);
    }

    List<Integer> rejected() {
        return List.copyOf(rejected);
    }
}
