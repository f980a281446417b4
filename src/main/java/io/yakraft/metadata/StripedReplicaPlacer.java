package io.yakraft.metadata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replica placement as Kafka 4.3's {@code org.apache.kafka.metadata.placement.StripedReplicaPlacer}.
 *
 * <p>Every usable broker (registered and not in controlled shutdown; fenced ones included) sits in
 * its rack's list, sorted by id and rotated by a random offset; the racks are sorted by name (no rack
 * first) and rotated by another random offset. Each partition's first replica, the one that becomes
 * leader, is the next <em>unfenced</em> broker starting at the current rack; the followers are taken
 * one per rack in turn, unfenced brokers before fenced ones. So a fenced broker can hold a follower
 * replica but never the leader's. Every partition advances the rack offset and the "iteration
 * epoch", which moves every rack's list one step; once as many partitions as there are unfenced
 * brokers are placed, racks and lists are shuffled to avoid repeating the same assignments.
 *
 * <p>The random draws come from the caller (the simulation's seeded random), in Kafka's order:
 * per rack the fenced list's offset then the unfenced list's, then the rack offset; a shuffle is
 * {@code Collections.shuffle}'s swaps. Kafka visits the racks in its HashMap's order; we visit them
 * sorted by name, which is the same order for short rack names (and for the one rack of the sim).
 */
public final class StripedReplicaPlacer {

    /** {@code java.util.Random.nextInt(bound)}: a uniform draw in {@code [0, bound)}. */
    @FunctionalInterface
    public interface Draw {
        int nextInt(int bound);
    }

    /** Kafka's {@code UsableBroker}: an id, its rack ({@code null}: none) and whether it is fenced. */
    public record UsableBroker(int id, String rack, boolean fenced) {
    }

    /** Kafka's InvalidReplicationFactorException, with its messages. */
    public static final class PlacementException extends IllegalArgumentException {
        PlacementException(String message) {
            super(message);
        }
    }

    private StripedReplicaPlacer() {
    }

    /**
     * Replicas for {@code count} partitions (Kafka's {@code place(PlacementSpec, ClusterDescriber)}).
     * Partition ids do not enter the rule (Kafka's PlacementSpec carries the start partition but the
     * placer does not read it).
     */
    public static List<List<Integer>> place(int count, int rf, List<UsableBroker> brokers, Draw random) {
        RackList racks = new RackList(random, brokers);
        checkPositive(rf);
        checkSomeUnfenced(racks.numUnfenced);
        checkEnoughBrokers(rf, racks.numTotal);
        List<List<Integer>> out = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            out.add(List.copyOf(racks.place(rf)));
        }
        return out;
    }

    /** The usable brokers of an image, in id order: registered and not in controlled shutdown. */
    public static List<UsableBroker> usableBrokers(Iterable<BrokerRegistration> registered) {
        List<UsableBroker> out = new ArrayList<>();
        for (BrokerRegistration b : registered) {
            if (!b.inControlledShutdown()) {
                out.add(new UsableBroker(b.id(), b.rack(), b.fenced()));
            }
        }
        out.sort(Comparator.comparingInt(UsableBroker::id));
        return out;
    }

    static void checkPositive(int rf) {
        if (rf <= 0) {
            throw new PlacementException("Invalid replication factor " + rf + ": the replication factor must be positive.");
        }
    }

    static void checkSomeUnfenced(int numUnfenced) {
        if (numUnfenced == 0) {
            throw new PlacementException("All brokers are currently fenced, or have all their log directories cordoned.");
        }
    }

    static void checkEnoughBrokers(int rf, int numTotal) {
        if (rf > numTotal) {
            throw new PlacementException("The target replication factor of " + rf + " cannot be reached because only "
                    + numTotal + " broker(s) are registered or some brokers have all their log directories cordoned.");
        }
    }

    /** {@code Collections.shuffle(list, random)}: the same swaps for the same draws. */
    static <T> void shuffle(List<T> list, Draw random) {
        for (int i = list.size(); i > 1; i--) {
            int j = random.nextInt(i);
            T tmp = list.get(i - 1);
            list.set(i - 1, list.get(j));
            list.set(j, tmp);
        }
    }

    /** Kafka's BrokerList: the brokers of one rack and one fencing state, iterated once per epoch. */
    static final class BrokerList {
        private final List<Integer> brokers = new ArrayList<>();
        /** How many brokers this epoch has returned. */
        private int index;
        /** Added to the index (modulo the size) to find the next broker. */
        private int offset;
        /** The iteration epoch last seen; a new one restarts the iteration one step further on. */
        private int epoch;

        BrokerList add(int broker) {
            brokers.add(broker);
            return this;
        }

        void initialize(Draw random) {
            if (!brokers.isEmpty()) {
                brokers.sort(Integer::compare);
                offset = random.nextInt(brokers.size());
            }
        }

        void shuffle(Draw random) {
            StripedReplicaPlacer.shuffle(brokers, random);
        }

        int size() {
            return brokers.size();
        }

        /** The next broker of this epoch, or -1 once every broker was returned in it. */
        int next(int epoch) {
            if (brokers.isEmpty()) {
                return -1;
            }
            if (this.epoch != epoch) {
                this.epoch = epoch;
                index = 0;
                offset = (offset + 1) % brokers.size();
            }
            if (index >= brokers.size()) {
                return -1;
            }
            int broker = brokers.get((index + offset) % brokers.size());
            index++;
            return broker;
        }
    }

    /** Kafka's Rack: its fenced and unfenced brokers. */
    static final class Rack {
        final BrokerList fenced = new BrokerList();
        final BrokerList unfenced = new BrokerList();

        void initialize(Draw random) {
            fenced.initialize(random);
            unfenced.initialize(random);
        }

        void shuffle(Draw random) {
            fenced.shuffle(random);
            unfenced.shuffle(random);
        }

        /** Unfenced brokers first, then fenced ones. */
        int next(int epoch) {
            int result = unfenced.next(epoch);
            return result >= 0 ? result : fenced.next(epoch);
        }
    }

    /** Kafka's RackList: the racks, sorted by name (no rack first), iterated from a rotating offset. */
    static final class RackList {
        private static final Comparator<String> RACK_ORDER = Comparator.nullsFirst(Comparator.naturalOrder());

        private final Draw random;
        private final Map<String, Rack> racks = new HashMap<>();
        private final List<String> rackNames = new ArrayList<>();
        /** The racks by name, fixed: the order in which their lists draw (Kafka: its HashMap's order). */
        private final List<String> drawOrder;
        final int numTotal;
        final int numUnfenced;
        private int epoch;
        private int offset;

        RackList(Draw random, List<UsableBroker> brokers) {
            this.random = random;
            int total = 0;
            int unfencedCount = 0;
            for (UsableBroker b : brokers) {
                Rack rack = racks.get(b.rack());
                if (rack == null) {
                    rackNames.add(b.rack());
                    rack = new Rack();
                    racks.put(b.rack(), rack);
                }
                if (b.fenced()) {
                    rack.fenced.add(b.id());
                } else {
                    unfencedCount++;
                    rack.unfenced.add(b.id());
                }
                total++;
            }
            rackNames.sort(RACK_ORDER);
            drawOrder = new ArrayList<>(rackNames); // not List.copyOf: "no rack" is a null name
            for (String name : drawOrder) {
                racks.get(name).initialize(random);
            }
            numTotal = total;
            numUnfenced = unfencedCount;
            offset = rackNames.isEmpty() ? 0 : random.nextInt(rackNames.size());
        }

        List<String> rackNames() {
            return rackNames;
        }

        List<Integer> place(int rf) {
            checkPositive(rf);
            checkEnoughBrokers(rf, numTotal);
            checkSomeUnfenced(numUnfenced);
            // after as many partitions as unfenced brokers, shuffle to avoid repeating assignments
            // (never with one unfenced broker: that would loop forever)
            if (epoch == numUnfenced && numUnfenced > 1) {
                shuffle();
                epoch = 0;
            }
            if (offset == rackNames.size()) {
                offset = 0;
            }
            List<Integer> out = new ArrayList<>(rf);
            // the first replica (the leader) is always unfenced
            int firstRack = offset;
            while (true) {
                int result = racks.get(rackNames.get(firstRack)).unfenced.next(epoch);
                if (result >= 0) {
                    out.add(result);
                    break;
                }
                firstRack = (firstRack + 1) % rackNames.size();
            }
            int rackIndex = offset;
            for (int replica = 1; replica < rf; replica++) {
                int result = -1;
                do {
                    if (rackIndex == firstRack) {
                        firstRack = -1; // the leader's rack is skipped once in the first round
                    } else {
                        result = racks.get(rackNames.get(rackIndex)).next(epoch);
                    }
                    rackIndex = (rackIndex + 1) % rackNames.size();
                } while (result < 0);
                out.add(result);
            }
            epoch++;
            offset++;
            return out;
        }

        private void shuffle() {
            StripedReplicaPlacer.shuffle(rackNames, random);
            for (String name : drawOrder) {
                racks.get(name).shuffle(random);
            }
        }
    }
}
