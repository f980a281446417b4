package io.yakraft.data;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One stream of records into a topic, at a pace, and its tally. The records are handed to a
 * {@link Producer} as the pace lets them out; the feed outlives that producer, so when
 * the broker it runs beside crashes, the records it had not got answers for come back here
 * and go out again from another broker (at least once: Kafka without idempotence).
 */
public final class Feed {
    private final int id;
    private final FeedRequest request;
    private final long startedAt;
    /** Records a crashed producer gave back, first to go out again. */
    private final ArrayDeque<Outgoing> returned = new ArrayDeque<>();
    private int released;
    private int acked;
    private int failed;
    private int sentWithoutAck;
    private int retries;
    private final Map<Integer, Integer> ackedByPartition = new TreeMap<>();
    private int home = -1;
    /** How many producers have run this feed: each numbers its requests apart from the ones before. */
    private int producerSessions;
    private String lastError = "";

    /** A record on its way: {@code releasedAt} starts its delivery timeout; partition -1 until assigned. */
    static final class Outgoing {
        final long id;
        final FeedRecord record;
        final long releasedAt;
        int partition = -1;

        Outgoing(long id, FeedRecord record, long releasedAt) {
            this.id = id;
            this.record = record;
            this.releasedAt = releasedAt;
        }
    }

    /** Feed number {@code id} (from 1), started at simulated time {@code startedAt}. */
    public Feed(int id, FeedRequest request, long startedAt) {
        this.id = id;
        this.request = request;
        this.startedAt = startedAt;
    }

    public int id() {
        return id;
    }

    public FeedRequest request() {
        return request;
    }

    public FeedStatus status() {
        return new FeedStatus(id, request.topic(), request.acks(), request.records().size(), acked, failed, sentWithoutAck,
                retries, Map.copyOf(ackedByPartition), home, lastError);
    }

    /** The broker its producer runs beside, -1 while none does. */
    public int home() {
        return home;
    }

    /** Where its producer runs now (-1: nowhere, no broker is up); a new {@link Producer} says so itself. */
    public void producerRunsBeside(int broker) {
        home = broker;
    }

    /** A new producer's number among the ones that ran this feed, from 0. */
    int nextProducerSession() {
        return producerSessions++;
    }

    /** The next record the pace lets out by {@code now}, or null. */
    Outgoing next(long now) {
        if (!returned.isEmpty()) {
            return returned.poll();
        }
        if (released < request.records().size() && released < allowedBy(now)) {
            int index = released++;
            // the feed id in the high bits keeps record ids (producer id + sequence in Kafka) unique across feeds
            return new Outgoing(((long) id << 32) | index, request.records().get(index), now);
        }
        return null;
    }

    /** When the pace lets the next record out (Long.MAX_VALUE: all are out). */
    long nextReleaseAt() {
        if (!returned.isEmpty()) {
            return 0;
        }
        if (released >= request.records().size()) {
            return Long.MAX_VALUE;
        }
        if (request.recordsPerSecond() <= 0) {
            return 0;
        }
        return startedAt + (long) Math.ceil(released * 1000.0 / request.recordsPerSecond());
    }

    private long allowedBy(long now) {
        if (request.recordsPerSecond() <= 0) {
            return Long.MAX_VALUE;
        }
        return (long) Math.floor((now - startedAt) * request.recordsPerSecond() / 1000.0) + 1;
    }

    /** Records whose producer died before it heard of them: they go out again first, in their order. */
    void giveBack(Collection<Outgoing> records) {
        List<Outgoing> sorted = new java.util.ArrayList<>(records);
        sorted.sort(java.util.Comparator.comparingLong(o -> o.id));
        for (int i = sorted.size() - 1; i >= 0; i--) {
            returned.addFirst(sorted.get(i));
        }
    }

    void acked(int partition, int count) {
        acked += count;
        ackedByPartition.merge(partition, count, Integer::sum);
    }

    void failed(int count, String why) {
        failed += count;
        lastError = why;
    }

    void sentWithoutAck(int count) {
        sentWithoutAck += count;
    }

    void retried(String why) {
        retries++;
        lastError = why;
    }
}
