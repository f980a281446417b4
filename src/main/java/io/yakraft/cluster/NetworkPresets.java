package io.yakraft.cluster;

import io.yakraft.sim.Network;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The classic partition shapes of lessons and fuzzing, computed in this one place: isolate,
 * majority/minority, bridge, majorities ring, groups, and healing everything. Scenario actions,
 * the window, the REST API and the random fault campaign all reach them through the
 * {@link Cluster}'s network commands, which trace what was done. Ids are taken in a fixed order,
 * so a shape is a pure function of the cluster's membership (and, for the default minority, of
 * who leads and who is up).
 */
final class NetworkPresets {
    private final Network net;

    NetworkPresets(Network net) {
        this.net = net;
    }

    /** Cuts every link between {@code node} and everybody else in {@code all}, both ways. */
    void isolate(int node, List<Integer> all) {
        for (int other : all) {
            if (other != node) {
                net.cutBoth(node, other);
            }
        }
    }

    /**
     * Cuts {@code minority} off from everybody else in {@code all} (observers stay with the
     * majority); links inside each side are healed.
     */
    void majorityMinority(List<Integer> minority, List<Integer> all) {
        List<Integer> majority = new ArrayList<>(all);
        majority.removeAll(minority);
        net.partition(List.of(majority, minority));
    }

    /**
     * The minority a split cuts off when none is named: the leader plus as many other live voters
     * as leave the rest a majority.
     */
    static List<Integer> defaultMinority(int leader, int[] voters, IntPredicate live) {
        List<Integer> minority = new ArrayList<>();
        if (leader >= 0) {
            minority.add(leader);
        }
        for (int v : voters) {
            if (minority.size() < (voters.length - 1) / 2 && v != leader && live.test(v)) {
                minority.add(v);
            }
        }
        return minority;
    }

    /**
     * Splits the other voters into a lower and an upper half that cannot talk to each other; only
     * {@code bridge}, in both, sees everybody. Returns the two halves, each with the bridge.
     */
    List<List<Integer>> bridge(int bridge, int[] voters) {
        List<Integer> others = new ArrayList<>();
        for (int v : voters) {
            if (v != bridge) {
                others.add(v);
            }
        }
        List<Integer> left = new ArrayList<>(others.subList(0, others.size() / 2));
        List<Integer> right = new ArrayList<>(others.subList(others.size() / 2, others.size()));
        left.add(bridge);
        right.add(bridge);
        for (int a : left) {
            for (int b : right) {
                if (a != bridge && b != bridge) {
                    net.cutBoth(a, b);
                }
            }
        }
        return List.of(List.copyOf(left), List.copyOf(right));
    }

    /**
     * Majorities ring over the voters in id order: each talks only to its two neighbours. With
     * five voters every node reaches a majority (itself and two neighbours) but no two nodes see
     * the same one. Returns the ring.
     */
    List<Integer> majoritiesRing(int[] voters) {
        List<Integer> ring = new ArrayList<>();
        for (int v : voters) {
            ring.add(v);
        }
        int n = ring.size();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int d = Math.abs(i - j);
                int ringDistance = Math.min(d, n - d);
                if (i != j && ringDistance > 1) {
                    net.cut(ring.get(i), ring.get(j));
                }
            }
        }
        return List.copyOf(ring);
    }

    /**
     * The node pairs to cut both ways so that {@code groups} cannot reach each other, in a fixed
     * order (group by group, member by member); links inside a group are left as they are.
     */
    static List<int[]> linksBetween(List<List<Integer>> groups) {
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            for (int j = i + 1; j < groups.size(); j++) {
                for (int x : groups.get(i)) {
                    for (int y : groups.get(j)) {
                        pairs.add(new int[] {x, y});
                    }
                }
            }
        }
        return pairs;
    }

    /** Every cut healed and every link back on the defaults (per-link overrides cleared). */
    void healAll() {
        net.healAll();
        net.clearOverrides();
    }
}
