package io.yakraft.check.lin;

import io.yakraft.sim.Seeds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A synthetic, linearizable history for measuring the checker (as {@code sim.QueueWorkout} is for
 * the event queue): {@code keys} keys (topics, brokers, partitions and the producer-id allocator),
 * each driven by {@code clientsPerKey} clients issuing calls one after another with commit-like
 * latencies (1–250 ms) and think times, so calls on a key overlap as a run's retries and
 * concurrent admins do; about one change in ten is left pending, half of those never taking
 * effect. Every call takes effect at a random moment inside its interval, in which order a plain
 * sequential implementation answers it.
 */
public final class HistoryWorkout {
    private HistoryWorkout() {
    }

    private record Timed(long invoked, long completed, long moment, int client, Call call, boolean pending, boolean dropped) {
    }

    public static History generate(long seed, int operations, int keys, int clientsPerKey) {
        SplittableRandom random = Seeds.stream(seed, "lincheck workout");
        List<Operation> all = new ArrayList<>(operations);
        for (int k = 0; k < keys; k++) {
            int count = operations / keys + (k < operations % keys ? 1 : 0);
            all.addAll(key(k, count, clientsPerKey, random));
        }
        all.sort(Comparator.comparingLong(Operation::invokedAt));
        List<Operation> numbered = new ArrayList<>(all.size());
        for (Operation o : all) {
            numbered.add(new Operation(numbered.size(), o.client(), o.invokedAt(), o.completedAt(), o.call(), o.result()));
        }
        return new History(numbered);
    }

    private static List<Operation> key(int k, int count, int clients, SplittableRandom random) {
        int kind = k % 4; // 0 topic, 1 broker, 2 partition, 3 the allocator (once) or another topic
        boolean allocator = kind == 3 && k == 3;
        List<Timed> timed = new ArrayList<>();
        long[] clock = new long[clients];
        for (int i = 0; i < count; i++) {
            int c = random.nextInt(clients);
            long invoked = clock[c] + random.nextInt(50);
            long completed = invoked + 1 + random.nextInt(250);
            clock[c] = completed;
            Call call = call(kind, allocator, k, random);
            boolean read = call instanceof Call.ReadTopic || call instanceof Call.ReadBroker || call instanceof Call.ReadProducerIds;
            boolean pending = !read && random.nextInt(10) == 0;
            timed.add(new Timed(invoked, completed, invoked + random.nextLong(completed - invoked + 1), c, call, pending,
                    pending && random.nextBoolean()));
        }
        timed.sort(Comparator.comparingLong(Timed::moment));
        Reference ref = new Reference();
        List<Operation> out = new ArrayList<>();
        for (Timed t : timed) {
            Result r = t.dropped() ? null : ref.apply(t.call());
            out.add(new Operation(0, t.client(), t.invoked(), t.pending() ? Long.MAX_VALUE : t.completed(), t.call(),
                    t.pending() ? new Result.Unknown() : r));
        }
        return out;
    }

    private static Call call(int kind, boolean allocator, int k, SplittableRandom random) {
        int roll = random.nextInt(10);
        if (allocator) {
            return roll < 7 ? new Call.AllocateProducerIds(roll, 1000) : new Call.ReadProducerIds();
        }
        return switch (kind) {
            case 1 -> roll < 4 ? new Call.RegisterBroker(k) : roll < 6 ? new Call.UnregisterBroker(k) : new Call.ReadBroker(k);
            case 2 -> new Call.Produce("p" + k + "@w", 1 + random.nextInt(20));
            default -> roll < 3 ? new Call.CreateTopic("t" + k, 3) : roll < 5 ? new Call.DeleteTopic("t" + k)
                    : roll < 6 ? new Call.CreatePartitions("t" + k, 4 + random.nextInt(20)) : new Call.ReadTopic("t" + k);
        };
    }

    /** The sequential cluster the workout's answers come from. */
    private static final class Reference {
        private final Map<String, String> topicIds = new HashMap<>();
        private final Map<String, Integer> partitions = new HashMap<>();
        private final Map<Integer, Long> epochs = new HashMap<>();
        private final Map<String, Long> ends = new HashMap<>();
        private long nextEpoch = 1;
        private long nextProducerId;
        private int nextTopic;

        Result apply(Call call) {
            if (call instanceof Call.CreateTopic c) {
                if (topicIds.containsKey(c.topic())) {
                    return new Result.Failed("TOPIC_ALREADY_EXISTS");
                }
                topicIds.put(c.topic(), "id" + nextTopic++);
                partitions.put(c.topic(), c.partitions());
                return new Result.TopicCreated(topicIds.get(c.topic()), c.partitions());
            }
            if (call instanceof Call.DeleteTopic c) {
                partitions.remove(c.topic());
                return topicIds.remove(c.topic()) != null ? new Result.Done() : new Result.Failed("UNKNOWN_TOPIC_OR_PARTITION");
            }
            if (call instanceof Call.CreatePartitions c) {
                if (!topicIds.containsKey(c.topic())) {
                    return new Result.Failed("UNKNOWN_TOPIC_OR_PARTITION");
                }
                if (partitions.get(c.topic()) >= c.total()) {
                    return new Result.Failed("INVALID_PARTITIONS");
                }
                partitions.put(c.topic(), c.total());
                return new Result.PartitionsCreated(topicIds.get(c.topic()), c.total());
            }
            if (call instanceof Call.ReadTopic c) {
                return topicIds.containsKey(c.topic()) ? new Result.TopicState(true, topicIds.get(c.topic()), partitions.get(c.topic()))
                        : new Result.TopicState(false, null, -1);
            }
            if (call instanceof Call.RegisterBroker c) {
                epochs.put(c.broker(), nextEpoch);
                return new Result.BrokerRegistered(nextEpoch++);
            }
            if (call instanceof Call.UnregisterBroker c) {
                return epochs.remove(c.broker()) != null ? new Result.Done() : new Result.Failed("BROKER_ID_NOT_REGISTERED");
            }
            if (call instanceof Call.ReadBroker c) {
                Long e = epochs.get(c.broker());
                return e == null ? new Result.BrokerState(false, -1) : new Result.BrokerState(true, e);
            }
            if (call instanceof Call.AllocateProducerIds c) {
                nextProducerId += c.blockSize();
                return new Result.ProducerIds(nextProducerId - c.blockSize(), c.blockSize());
            }
            if (call instanceof Call.ReadProducerIds) {
                return new Result.NextProducerId(nextProducerId);
            }
            if (call instanceof Call.Produce c) {
                long end = ends.getOrDefault(c.partition(), 0L);
                ends.put(c.partition(), end + c.records());
                return new Result.Produced(end);
            }
            throw new IllegalArgumentException("no reference rule for " + call.describe());
        }
    }
}
