package io.yakraft.metadata;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks ReplicaPlacer: distinct replicas, replication factor, leader spread, rack spread and determinism. */
class ReplicaPlacerTest {

    @Test
    void replicasAreDistinctAndRfIsRespected() {
        List<BrokerRegistration> brokers = brokers(5, 1);
        for (int rf = 1; rf <= 5; rf++) {
            List<List<Integer>> placement = ReplicaPlacer.place(0, 20, rf, brokers, new SplittableRandom(rf));
            assertEquals(20, placement.size());
            for (List<Integer> replicas : placement) {
                assertEquals(rf, replicas.size(), "rf " + rf + ": " + replicas);
                assertEquals(rf, new HashSet<>(replicas).size(), "duplicate broker in " + replicas);
                assertTrue(ids(brokers).containsAll(replicas), "unknown broker in " + replicas);
            }
        }
    }

    @Test
    void leadersSpreadEvenlyOverBrokers() {
        List<BrokerRegistration> brokers = brokers(4, 1);
        List<List<Integer>> placement = ReplicaPlacer.place(0, 400, 3, brokers, new SplittableRandom(42));
        TreeMap<Integer, Integer> leaders = leaderCounts(placement);
        assertEquals(ids(brokers), leaders.keySet());
        leaders.values().forEach(n -> assertEquals(100, n, "leader counts " + leaders));
    }

    @Test
    void leadersSpreadEvenlyWhenCountIsNotAMultiple() {
        List<BrokerRegistration> brokers = brokers(3, 1);
        TreeMap<Integer, Integer> leaders = leaderCounts(ReplicaPlacer.place(0, 100, 1, brokers, new SplittableRandom(3)));
        int min = leaders.values().stream().min(Integer::compare).orElseThrow();
        int max = leaders.values().stream().max(Integer::compare).orElseThrow();
        assertEquals(3, leaders.size());
        assertTrue(max - min <= 1, "leader counts " + leaders);
    }

    @Test
    void withTwoRacksEveryRf2PartitionSpansBothRacks() {
        for (int perRack : new int[] {1, 2, 3}) {
            List<BrokerRegistration> brokers = brokers(2 * perRack, 2);
            for (long seed = 0; seed < 10; seed++) {
                for (List<Integer> replicas : ReplicaPlacer.place(0, 50, 2, brokers, new SplittableRandom(seed))) {
                    assertEquals(Set.of("rack-0", "rack-1"), racks(brokers, replicas), "replicas " + replicas);
                }
            }
        }
    }

    @Test
    void sameSeedGivesSamePlacement() {
        List<BrokerRegistration> brokers = brokers(6, 3);
        List<List<Integer>> a = ReplicaPlacer.place(0, 30, 3, brokers, new SplittableRandom(99));
        List<List<Integer>> b = ReplicaPlacer.place(0, 30, 3, brokers, new SplittableRandom(99));
        assertEquals(a, b);
    }

    @Test
    void placementStartingLaterContinuesTheStripe() {
        List<BrokerRegistration> brokers = brokers(4, 1);
        List<List<Integer>> all = ReplicaPlacer.place(0, 8, 2, brokers, new SplittableRandom(5));
        List<List<Integer>> tail = ReplicaPlacer.place(4, 4, 2, brokers, new SplittableRandom(5));
        assertEquals(all.subList(4, 8), tail);
    }

    @Test
    void rfLargerThanBrokersThrows() {
        assertThrows(IllegalArgumentException.class,
                () -> ReplicaPlacer.place(0, 1, 4, brokers(3, 1), new SplittableRandom(1)));
    }

    @Test
    void rfBelowOneThrows() {
        assertThrows(IllegalArgumentException.class,
                () -> ReplicaPlacer.place(0, 1, 0, brokers(3, 1), new SplittableRandom(1)));
    }

    @Test
    void noBrokersThrows() {
        assertThrows(IllegalArgumentException.class,
                () -> ReplicaPlacer.place(0, 1, 1, List.of(), new SplittableRandom(1)));
    }

    @Test
    void rackAlternatingDealsOnePerRackInTurn() {
        assertEquals(List.of(2, 1, 4, 3), ReplicaPlacer.rackAlternating(brokers(4, 2)));
        assertEquals(List.of(3, 1, 2, 6, 4, 5), ReplicaPlacer.rackAlternating(brokers(6, 3)));
    }

    /** Brokers 1..n, broker i in rack "rack-(i % racks)". */
    private static List<BrokerRegistration> brokers(int n, int racks) {
        List<BrokerRegistration> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(new BrokerRegistration(i, i, Uuid.ZERO, List.of(), "rack-" + (i % racks), false, false));
        }
        return out;
    }

    private static Set<Integer> ids(List<BrokerRegistration> brokers) {
        Set<Integer> out = new java.util.TreeSet<>();
        brokers.forEach(b -> out.add(b.id()));
        return out;
    }

    private static Set<String> racks(List<BrokerRegistration> brokers, List<Integer> replicas) {
        Set<String> out = new HashSet<>();
        for (BrokerRegistration b : brokers) {
            if (replicas.contains(b.id())) {
                out.add(b.rack());
            }
        }
        return out;
    }

    private static TreeMap<Integer, Integer> leaderCounts(List<List<Integer>> placement) {
        TreeMap<Integer, Integer> out = new TreeMap<>();
        placement.forEach(r -> out.merge(r.get(0), 1, Integer::sum));
        return out;
    }
}
