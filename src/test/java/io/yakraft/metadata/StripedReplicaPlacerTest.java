package io.yakraft.metadata;

import io.yakraft.metadata.StripedReplicaPlacer.BrokerList;
import io.yakraft.metadata.StripedReplicaPlacer.PlacementException;
import io.yakraft.metadata.StripedReplicaPlacer.RackList;
import io.yakraft.metadata.StripedReplicaPlacer.UsableBroker;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Follows Kafka 4.3.1's {@code StripedReplicaPlacerTest} case by case, with the same expected
 * placements. Kafka's test draws from a fixed linear congruential sequence (seed 17, multiplier
 * 2862933555777941757, increment 3037000493); {@link FixedSequence} draws the same numbers, so equal
 * draws must give equal placements.
 */
class StripedReplicaPlacerTest {

    /** The fixed draw sequence of Kafka's server-common test random, as a java.util.Random. */
    private static final class FixedSequence extends Random {
        private long state = 17;

        @Override
        protected int next(int bits) {
            state = (state * 2862933555777941757L) + 3037000493L;
            return (int) (state >>> (64 - bits));
        }
    }

    private static StripedReplicaPlacer.Draw mock() {
        return new FixedSequence()::nextInt;
    }

    private static UsableBroker b(int id, String rack, boolean fenced) {
        return new UsableBroker(id, rack, fenced);
    }

    /** testBrokerList. */
    @Test
    void brokerListIteratesOncePerEpochOneStepFurtherEachEpoch() {
        BrokerList empty = new BrokerList();
        assertEquals(0, empty.size());
        assertEquals(-1, empty.next(1));
        BrokerList brokers = new BrokerList().add(0).add(1).add(2).add(3);
        assertEquals(4, brokers.size());
        assertEquals(List.of(0, 1, 2, 3, -1, -1), draws(brokers, 0, 6));
        assertEquals(List.of(1, 2, 3, 0, -1), draws(brokers, 1, 5));
    }

    /** testAvoidFencedReplicaIfPossibleOnSingleRack. */
    @Test
    void avoidsTheFencedBrokerIfPossibleOnOneRack() {
        RackList racks = new RackList(mock(), List.of(b(3, null, false), b(1, null, true), b(0, null, false),
                b(4, null, false), b(2, null, false)));
        assertEquals(5, racks.numTotal);
        assertEquals(4, racks.numUnfenced);
        assertEquals(Arrays.asList((String) null), racks.rackNames());
        assertThrows(PlacementException.class, () -> racks.place(0));
        assertThrows(PlacementException.class, () -> racks.place(-1));
        assertEquals(List.of(3, 4, 0, 2), racks.place(4));
        assertEquals(List.of(4, 0, 2, 3), racks.place(4));
        assertEquals(List.of(0, 2, 3, 4), racks.place(4));
        assertEquals(List.of(2, 3, 4, 0), racks.place(4));
        assertEquals(List.of(0, 4, 3, 2), racks.place(4));
    }

    /** testMultiPartitionTopicPlacementOnSingleUnfencedBroker. */
    @Test
    void manyPartitionsOnOneUnfencedBrokerDoNotLoop() {
        assertEquals(List.of(List.of(0), List.of(0), List.of(0)),
                StripedReplicaPlacer.place(3, 1, List.of(b(0, null, false), b(1, null, true)), mock()));
    }

    /** testPlacementOnFencedReplicaOnSingleRack. */
    @Test
    void placesAFollowerOnTheFencedBrokerWhenItMust() {
        RackList racks = new RackList(mock(), List.of(b(3, null, false), b(1, null, true), b(2, null, false)));
        assertEquals(3, racks.numTotal);
        assertEquals(2, racks.numUnfenced);
        assertEquals(List.of(3, 2, 1), racks.place(3));
        assertEquals(List.of(2, 3, 1), racks.place(3));
        assertEquals(List.of(3, 2, 1), racks.place(3));
        assertEquals(List.of(2, 3, 1), racks.place(3));
    }

    /** testRackListWithMultipleRacks. */
    @Test
    void stripesAcrossRacks() {
        RackList racks = new RackList(mock(), List.of(b(11, "1", false), b(10, "1", false), b(30, "3", false),
                b(31, "3", false), b(21, "2", false), b(20, "2", true)));
        assertEquals(6, racks.numTotal);
        assertEquals(5, racks.numUnfenced);
        assertEquals(List.of("1", "2", "3"), racks.rackNames());
        assertEquals(List.of(11, 21, 31, 10), racks.place(4));
        assertEquals(List.of(21, 30, 10, 20), racks.place(4));
        assertEquals(List.of(31, 11, 21, 30), racks.place(4));
    }

    /** testRackListWithInvalidRacks: racks with only fenced brokers never give the leader. */
    @Test
    void racksOfOnlyFencedBrokersNeverGiveTheLeader() {
        RackList racks = new RackList(mock(), List.of(b(11, "1", false), b(10, "1", false), b(30, "3", true),
                b(31, "3", true), b(20, "2", true), b(21, "2", true), b(41, "4", false), b(40, "4", true)));
        assertEquals(8, racks.numTotal);
        assertEquals(3, racks.numUnfenced);
        assertEquals(List.of("1", "2", "3", "4"), racks.rackNames());
        assertEquals(List.of(41, 11, 21, 30), racks.place(4));
        assertEquals(List.of(10, 20, 31, 41), racks.place(4));
        assertEquals(List.of(41, 21, 30, 11), racks.place(4));
    }

    /** testAllBrokersFenced and testRackListAllBrokersFenced. */
    @Test
    void refusesWhenEveryBrokerIsFenced() {
        PlacementException e = assertThrows(PlacementException.class,
                () -> StripedReplicaPlacer.place(1, 1, List.of(b(11, "1", true), b(10, "1", true)), mock()));
        assertEquals("All brokers are currently fenced, or have all their log directories cordoned.", e.getMessage());
        RackList racks = new RackList(mock(), List.of(b(0, null, true), b(1, null, true), b(2, null, true)));
        assertEquals(0, racks.numUnfenced);
        assertEquals(e.getMessage(), assertThrows(PlacementException.class, () -> racks.place(3)).getMessage());
    }

    /** testNotEnoughBrokers and testRackListNotEnoughBrokers. */
    @Test
    void refusesAReplicationFactorAboveTheBrokerCount() {
        List<UsableBroker> two = List.of(b(11, "1", false), b(10, "1", false));
        String expected = "The target replication factor of 3 cannot be reached because only 2 broker(s) are registered"
                + " or some brokers have all their log directories cordoned.";
        assertEquals(expected, assertThrows(PlacementException.class,
                () -> StripedReplicaPlacer.place(1, 3, two, mock())).getMessage());
        assertEquals(expected, assertThrows(PlacementException.class,
                () -> new RackList(mock(), two).place(3)).getMessage());
    }

    /** testNonPositiveReplicationFactor and testRackListNonPositiveReplicationFactor. */
    @Test
    void refusesANonPositiveReplicationFactor() {
        List<UsableBroker> two = List.of(b(11, "1", false), b(10, "1", false));
        assertEquals("Invalid replication factor 0: the replication factor must be positive.",
                assertThrows(PlacementException.class, () -> StripedReplicaPlacer.place(1, 0, two, mock())).getMessage());
        assertEquals("Invalid replication factor -1: the replication factor must be positive.",
                assertThrows(PlacementException.class, () -> new RackList(mock(), two).place(-1)).getMessage());
    }

    /** testSuccessfulPlacement. */
    @Test
    void placesFivePartitionsAsKafkaDoes() {
        assertEquals(List.of(List.of(2, 3, 0), List.of(3, 0, 1), List.of(0, 1, 2), List.of(1, 2, 3), List.of(1, 0, 2)),
                StripedReplicaPlacer.place(5, 3, List.of(b(0, null, false), b(3, null, false), b(2, null, false),
                        b(1, null, false)), mock()));
    }

    /** testEvenDistribution: the same counts of each (leader, follower) pair over 200 partitions. */
    @Test
    void distributesPairsAsKafkaDoes() {
        List<List<Integer>> placement = StripedReplicaPlacer.place(200, 2, List.of(b(0, null, false),
                b(1, null, false), b(2, null, false), b(3, null, false)), mock());
        Map<List<Integer>, Integer> counts = new HashMap<>();
        placement.forEach(r -> counts.merge(r, 1, Integer::sum));
        assertEquals(Map.ofEntries(Map.entry(List.of(0, 1), 14), Map.entry(List.of(0, 2), 22),
                Map.entry(List.of(0, 3), 14), Map.entry(List.of(1, 0), 17), Map.entry(List.of(1, 2), 17),
                Map.entry(List.of(1, 3), 16), Map.entry(List.of(2, 0), 13), Map.entry(List.of(2, 1), 17),
                Map.entry(List.of(2, 3), 20), Map.entry(List.of(3, 0), 20), Map.entry(List.of(3, 1), 19),
                Map.entry(List.of(3, 2), 11)), counts);
    }

    /** Ours: the leader is never fenced, whatever the seed, and the same seed gives the same placement. */
    @Test
    void theLeaderIsNeverFencedAndTheSeedDecides() {
        List<UsableBroker> brokers = List.of(b(101, null, false), b(102, null, true), b(103, null, false),
                b(104, null, true));
        for (long seed = 0; seed < 200; seed++) {
            List<List<Integer>> placement = StripedReplicaPlacer.place(6, 3, brokers, new SplittableRandom(seed)::nextInt);
            for (List<Integer> replicas : placement) {
                assertTrue(replicas.get(0) == 101 || replicas.get(0) == 103, "seed " + seed + ": " + replicas);
                assertEquals(3, replicas.stream().distinct().count(), "seed " + seed + ": " + replicas);
            }
            assertEquals(placement, StripedReplicaPlacer.place(6, 3, brokers, new SplittableRandom(seed)::nextInt));
        }
        java.util.Set<List<List<Integer>>> seen = new java.util.HashSet<>();
        for (long seed = 0; seed < 10; seed++) {
            seen.add(StripedReplicaPlacer.place(6, 2, brokers, new SplittableRandom(seed)::nextInt));
        }
        assertTrue(seen.size() > 1, "ten seeds gave one placement: " + seen);
    }

    /** Ours: brokers in controlled shutdown are not usable (BrokerHeartbeatManager.UsableBrokerIterator). */
    @Test
    void brokersInControlledShutdownAreNotUsable() {
        List<BrokerRegistration> registered = List.of(
                new BrokerRegistration(3, 1, Uuid.ZERO, List.of(), null, false, false),
                new BrokerRegistration(1, 1, Uuid.ZERO, List.of(), "r", true, false),
                new BrokerRegistration(2, 1, Uuid.ZERO, List.of(), null, false, true));
        assertEquals(List.of(b(1, "r", true), b(3, null, false)), StripedReplicaPlacer.usableBrokers(registered));
    }

    private static List<Integer> draws(BrokerList list, int epoch, int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(list.next(epoch));
        }
        return out;
    }
}
