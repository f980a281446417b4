package io.yakraft.cluster;

import io.yakraft.sim.LinkConfig;
import io.yakraft.sim.Network;
import io.yakraft.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The partition shapes, computed in one place, and the Cluster's network commands over them. */
class NetworkPresetsTest {
    private static final int[] FIVE = {1, 2, 3, 4, 5};

    private static Network network() {
        return new Simulation(1, false).network();
    }

    @Test
    void majoritiesRingLeavesEachNodeItsTwoNeighbours() {
        Network net = network();
        List<Integer> ring = new NetworkPresets(net).majoritiesRing(FIVE);
        assertEquals(List.of(1, 2, 3, 4, 5), ring);
        for (int i = 0; i < 5; i++) {
            int reachable = 0;
            for (int j = 0; j < 5; j++) {
                if (i != j && !net.isCut(ring.get(i), ring.get(j))) {
                    reachable++;
                }
            }
            assertEquals(2, reachable, "node " + ring.get(i));
        }
    }

    @Test
    void aBridgeIsTheOnlyNodeBothHalvesReach() {
        Network net = network();
        List<List<Integer>> halves = new NetworkPresets(net).bridge(3, FIVE);
        assertEquals(List.of(List.of(1, 2, 3), List.of(4, 5, 3)), halves);
        for (int a : List.of(1, 2)) {
            for (int b : List.of(4, 5)) {
                assertTrue(net.isCut(a, b) && net.isCut(b, a), a + "⇄" + b);
            }
        }
        for (int other : List.of(1, 2, 4, 5)) {
            assertFalse(net.isCut(3, other) || net.isCut(other, 3), "the bridge reaches " + other);
        }
    }

    @Test
    void theDefaultMinorityIsTheLeaderPlusLiveVotersLeavingAMajority() {
        assertEquals(List.of(4, 1), NetworkPresets.defaultMinority(4, FIVE, id -> true));
        assertEquals(List.of(4, 2), NetworkPresets.defaultMinority(4, FIVE, id -> id != 1), "a dead voter is skipped");
        assertEquals(List.of(1, 2), NetworkPresets.defaultMinority(-1, FIVE, id -> true), "no leader: the lowest live voters");
        assertEquals(List.of(2), NetworkPresets.defaultMinority(2, new int[] {1, 2, 3}, id -> true));
    }

    @Test
    void groupsAreCutPairByPairInAFixedOrder() {
        List<int[]> pairs = NetworkPresets.linksBetween(List.of(List.of(1, 2), List.of(3), List.of(4)));
        List<String> shown = pairs.stream().map(p -> p[0] + "-" + p[1]).toList();
        assertEquals(List.of("1-3", "2-3", "1-4", "2-4", "3-4"), shown);
    }

    @Test
    void healingEverythingClearsCutsAndLinkOverrides() {
        Network net = network();
        NetworkPresets presets = new NetworkPresets(net);
        presets.isolate(2, List.of(1, 2, 3));
        LinkConfig slow = new LinkConfig(100, 200, 0.5, 0);
        net.setLink(1, 3, slow);
        assertTrue(net.isCut(1, 2) && net.isCut(2, 3));
        assertEquals(slow, net.link(1, 3));
        presets.healAll();
        assertTrue(net.cutLinks().isEmpty());
        assertEquals(net.defaults(), net.link(1, 3));
    }

    @Test
    void theClustersNetworkCommandsShowInItsSnapshot() {
        Cluster c = new Cluster(ClusterConfig.defaults(3, 3, 0)).start();
        c.splitMajorityMinority(List.of(1));
        Set<String> cut = Set.copyOf(c.snapshot().cutLinks().stream().map(l -> l[0] + "-" + l[1]).toList());
        assertEquals(Set.of("1-2", "2-1", "1-3", "3-1"), cut);
        c.setLinkDefaults(LinkConfig.DEFAULT.withLatency(7, 9));
        assertEquals(LinkConfig.DEFAULT.withLatency(7, 9), c.linkDefaults());
        c.healAll();
        assertTrue(c.snapshot().cutLinks().isEmpty());
    }
}
