package io.yakraft.check.lin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates histories that are linearizable by construction: a sequential run of random calls
 * over a few topics, brokers, the producer-id allocator and partitions, answered by a plain
 * reference implementation written here (not the checker's models), each call then given an
 * interval around its moment in that run (so calls overlap at random), some turned pending
 * (their effect kept, or dropped as if they never reached the cluster).
 */
final class SequentialHistories {
    private final SplittableRandom random;
    private final Map<String, String> topicIds = new HashMap<>();
    private final Map<String, Integer> topicPartitions = new HashMap<>();
    private final Map<Integer, Long> brokerEpochs = new HashMap<>();
    private final Map<String, Long> logEnds = new HashMap<>();
    private long nextEpoch = 1;
    private long nextProducerId;
    private int nextTopicId;

    private SequentialHistories(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** {@code size} operations over {@code keys}-ish keys; intervals up to {@code spread} ms around 10 ms steps. */
    static History generate(long seed, int size, int keys, int spread) {
        return new SequentialHistories(seed).run(size, keys, spread);
    }

    private History run(int size, int keys, int spread) {
        List<Operation> ops = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            long moment = 10L * (i + 1);
            int kind = random.nextInt(10);
            int which = random.nextInt(Math.max(1, keys / 4));
            boolean pending = random.nextInt(8) == 0;
            boolean droppedIfPending = random.nextBoolean();
            Map<String, String> idsBefore = new HashMap<>(topicIds);
            Map<String, Integer> partsBefore = new HashMap<>(topicPartitions);
            Map<Integer, Long> epochsBefore = new HashMap<>(brokerEpochs);
            Map<String, Long> endsBefore = new HashMap<>(logEnds);
            long epochBefore = nextEpoch;
            long pidBefore = nextProducerId;
            Call call;
            Result result;
            String topic = "t" + which;
            switch (kind) {
                case 0 -> {
                    call = new Call.CreateTopic(topic, 3);
                    if (topicIds.containsKey(topic)) {
                        result = new Result.Failed("TOPIC_ALREADY_EXISTS");
                    } else {
                        String id = "id" + nextTopicId++;
                        topicIds.put(topic, id);
                        topicPartitions.put(topic, 3);
                        result = new Result.TopicCreated(id, 3);
                    }
                }
                case 1 -> {
                    call = new Call.DeleteTopic(topic);
                    result = topicIds.remove(topic) != null ? new Result.Done() : new Result.Failed("UNKNOWN_TOPIC_OR_PARTITION");
                    topicPartitions.remove(topic);
                }
                case 2 -> {
                    int total = topicPartitions.getOrDefault(topic, 3) + 1 + random.nextInt(2);
                    call = new Call.CreatePartitions(topic, total);
                    if (!topicIds.containsKey(topic)) {
                        result = new Result.Failed("UNKNOWN_TOPIC_OR_PARTITION");
                    } else {
                        topicPartitions.put(topic, total);
                        result = new Result.PartitionsCreated(topicIds.get(topic), total);
                    }
                }
                case 3 -> {
                    call = new Call.ReadTopic(topic);
                    result = topicIds.containsKey(topic) ? new Result.TopicState(true, topicIds.get(topic), topicPartitions.get(topic))
                            : new Result.TopicState(false, null, -1);
                }
                case 4 -> {
                    call = new Call.RegisterBroker(which);
                    long epoch = nextEpoch;
                    nextEpoch += 1 + random.nextInt(5);
                    brokerEpochs.put(which, epoch);
                    result = new Result.BrokerRegistered(epoch);
                }
                case 5 -> {
                    call = new Call.UnregisterBroker(which);
                    result = brokerEpochs.remove(which) != null ? new Result.Done() : new Result.Failed("BROKER_ID_NOT_REGISTERED");
                }
                case 6 -> {
                    call = new Call.ReadBroker(which);
                    Long e = brokerEpochs.get(which);
                    result = e == null ? new Result.BrokerState(false, -1) : new Result.BrokerState(true, e);
                }
                case 7 -> {
                    call = new Call.AllocateProducerIds(which, 1000);
                    result = new Result.ProducerIds(nextProducerId, 1000);
                    nextProducerId += 1000;
                }
                case 8 -> {
                    call = new Call.ReadProducerIds();
                    result = new Result.NextProducerId(nextProducerId);
                }
                default -> {
                    String partition = "p" + which + "@x";
                    int n = 1 + random.nextInt(3);
                    call = new Call.Produce(partition, n);
                    long end = logEnds.getOrDefault(partition, 0L);
                    logEnds.put(partition, end + n);
                    result = new Result.Produced(end);
                }
            }
            boolean read = call instanceof Call.ReadTopic || call instanceof Call.ReadBroker || call instanceof Call.ReadProducerIds;
            long invoked = Math.max(0, moment - random.nextInt(spread + 1));
            long completed = moment + random.nextInt(spread + 1);
            if (pending && !read) {
                if (droppedIfPending) { // it never reached the cluster: undo its effect
                    topicIds.clear();
                    topicIds.putAll(idsBefore);
                    topicPartitions.clear();
                    topicPartitions.putAll(partsBefore);
                    brokerEpochs.clear();
                    brokerEpochs.putAll(epochsBefore);
                    logEnds.clear();
                    logEnds.putAll(endsBefore);
                    nextEpoch = epochBefore;
                    nextProducerId = pidBefore;
                }
                ops.add(new Operation(i, -1, invoked, Long.MAX_VALUE, call, new Result.Unknown()));
            } else {
                ops.add(new Operation(i, read ? -2 : -1, invoked, completed, call, result));
            }
        }
        return new History(ops);
    }
}
