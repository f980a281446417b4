package io.yakraft.kafka.run;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which real node a scenario's node name means. A lesson names nodes as its simulation (seed 42)
 * placed them: "n1" is the controller that led first there, "b102" the broker Kafka's placer made
 * leader of payments-0. A real cluster elects and places by its own timing and randomness, so a name
 * stays open until it first matters: when a role ("leader", "leader of payments-0") resolves to
 * real node R where the simulation resolved it to S, or an identity check names S where Kafka shows R,
 * S is bound to R (the name R had moves to S's old node, so the mapping stays one to one). A name used
 * by an action, or bound once, is fixed for the rest of the run. Names and ids are the same integers as
 * in the simulation: controllers 1…n, brokers 101….
 */
final class NodeAliases {
    private final Map<Integer, Integer> realOf = new TreeMap<>();
    private final Set<Integer> fixed = new HashSet<>();

    NodeAliases(List<Integer> ids) {
        ids.forEach(id -> realOf.put(id, id));
    }

    /** The real node the scenario's name {@code simId} means now (the id itself for an unknown name). */
    int real(int simId) {
        return realOf.getOrDefault(simId, simId);
    }

    /** The scenario's name for real node {@code realId}. */
    int sim(int realId) {
        return realOf.entrySet().stream().filter(e -> e.getValue() == realId).map(Map.Entry::getKey).findFirst().orElse(realId);
    }

    /** Fixes the name as it stands (an action used it: from now on it means this node). */
    int use(int simId) {
        fixed.add(simId);
        return real(simId);
    }

    /**
     * Binds {@code simId} to {@code realId} if neither is fixed to something else; true when the name now means
     * that node (also when it already did).
     */
    boolean bind(int simId, int realId) {
        if (real(simId) == realId) {
            fixed.add(simId);
            return true;
        }
        int holder = sim(realId);
        if (fixed.contains(simId) || fixed.contains(holder) || !realOf.containsKey(simId) || !realOf.containsKey(holder)) {
            return false;
        }
        realOf.put(holder, real(simId));
        realOf.put(simId, realId);
        fixed.add(simId);
        return true;
    }

    /** "b102" or "b102 (real b103)" when the name was bound to another node. */
    String describe(int simId) {
        int r = real(simId);
        return name(simId) + (r == simId ? "" : " (real " + name(r) + ")");
    }

    static String name(int id) {
        return id < 0 ? "nobody" : (id >= 100 ? "b" : "n") + id;
    }
}
