package io.yakraft.sim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The simulated network: per directed link a {@link LinkConfig} and a cut flag. Each link
 * draws from its own random stream, so adding a node never changes another link's draws.
 */
public final class Network {
    private final long seed;
    private LinkConfig defaults = LinkConfig.DEFAULT;
    private final Map<Long, LinkConfig> overrides = new HashMap<>();
    private final Set<Long> cut = new java.util.HashSet<>();
    private final Map<Long, SplittableRandom> streams = new HashMap<>();

    Network(long seed) {
        this.seed = seed;
    }

    private static long key(int from, int to) {
        return ((long) from << 32) | (to & 0xffffffffL);
    }

    public LinkConfig defaults() {
        return defaults;
    }

    /** Sets the config of every link without an override of its own. */
    public void setDefaults(LinkConfig config) {
        defaults = config;
    }

    public void setLink(int from, int to, LinkConfig config) {
        overrides.put(key(from, to), config);
    }

    public LinkConfig link(int from, int to) {
        return overrides.getOrDefault(key(from, to), defaults);
    }

    /** Clears per-link overrides so every link uses the defaults again. */
    public void clearOverrides() {
        overrides.clear();
    }

    public boolean isCut(int from, int to) {
        return !cut.isEmpty() && cut.contains(key(from, to));
    }

    public void cut(int from, int to) {
        cut.add(key(from, to));
    }

    public void cutBoth(int a, int b) {
        cut(a, b);
        cut(b, a);
    }

    public void heal(int from, int to) {
        cut.remove(key(from, to));
    }

    public void healAll() {
        cut.clear();
    }

    /** Directed cut links as [from, to] pairs, sorted, for views and snapshots. */
    public List<int[]> cutLinks() {
        TreeSet<Long> sorted = new TreeSet<>(cut);
        List<int[]> out = new ArrayList<>(sorted.size());
        for (long k : sorted) {
            out.add(new int[] {(int) (k >>> 32), (int) k});
        }
        return out;
    }

    /**
     * Partitions the nodes into groups: every link between two different groups is cut both
     * ways; links inside a group are healed. Nodes in no group keep their links as they are.
     */
    public void partition(Collection<? extends Collection<Integer>> groups) {
        List<List<Integer>> gs = new ArrayList<>();
        for (Collection<Integer> g : groups) {
            gs.add(new ArrayList<>(g));
        }
        for (int i = 0; i < gs.size(); i++) {
            for (int a : gs.get(i)) {
                for (int b : gs.get(i)) {
                    if (a != b) {
                        heal(a, b);
                    }
                }
                for (int j = 0; j < gs.size(); j++) {
                    if (j != i) {
                        for (int b : gs.get(j)) {
                            cutBoth(a, b);
                        }
                    }
                }
            }
        }
    }

    SplittableRandom stream(int from, int to) {
        return streams.computeIfAbsent(key(from, to), k -> Seeds.stream(seed, "link", from, to));
    }
}
