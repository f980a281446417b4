package io.yakraft.sim;

import java.util.ArrayList;
import java.util.List;

/** Classic partition shapes used in lessons and fuzzing. All ids are given in a fixed order. */
public final class NetworkPresets {
    private NetworkPresets() {
    }

    /** Cuts every link between {@code node} and everybody else, both ways. */
    public static void isolate(Network net, int node, List<Integer> all) {
        for (int other : all) {
            if (other != node) {
                net.cutBoth(node, other);
            }
        }
    }

    /**
     * Splits the voters into a majority and a minority; {@code minority} are the voters put on
     * the small side. Non-voters (observers) stay with the majority.
     */
    public static void splitMajorityMinority(Network net, List<Integer> minority, List<Integer> all) {
        List<Integer> majority = new ArrayList<>(all);
        majority.removeAll(minority);
        net.partition(List.of(majority, minority));
    }

    /**
     * Two halves that cannot talk to each other, except through {@code bridge}, which sees both.
     */
    public static void bridge(Network net, int bridge, List<Integer> left, List<Integer> right) {
        for (int a : left) {
            for (int b : right) {
                if (a != bridge && b != bridge) {
                    net.cutBoth(a, b);
                }
            }
        }
    }

    /**
     * Majorities ring: each node only talks to its neighbours on a ring. With five voters every
     * node reaches a majority (itself and two neighbours) but no two nodes see the same one.
     */
    public static void majoritiesRing(Network net, List<Integer> ring) {
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
    }
}
