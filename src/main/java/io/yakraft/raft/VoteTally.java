package io.yakraft.raft;

import java.util.List;
import java.util.TreeSet;

/**
 * The votes of one election round (a pre-vote or a vote): who granted, who refused. The round's
 * correlation id tells its answers from those of an earlier round.
 */
final class VoteTally {
    private final long round;
    private final int majority;
    private final TreeSet<Integer> granted = new TreeSet<>();
    private final TreeSet<Integer> rejected = new TreeSet<>();

    VoteTally(long round, int majority, int self) {
        this.round = round;
        this.majority = majority;
        granted.add(self);
    }

    long round() {
        return round;
    }

    void record(int voter, boolean grant) {
        (grant ? granted : rejected).add(voter);
    }

    boolean won() {
        return granted.size() >= majority;
    }

    boolean lost() {
        return rejected.size() >= majority;
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
