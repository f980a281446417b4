package io.yakraft.data;

import io.yakraft.data.DataMessage.Error;
import io.yakraft.data.DataMessage.ProduceRequest;
import io.yakraft.data.DataMessage.ProduceResponse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Kafka producer running beside a broker (its "home"), sending one {@link Feed}'s records.
 * It reads partition leaders from its home broker's metadata ({@link DataImage}, handed in with
 * every call that may send), as a client's metadata cache would, maps keys to partitions with {@link Partitioner}, keeps one batch in flight per
 * partition (max.in.flight.requests.per.connection 1, so order holds), and retries a failed or
 * unanswered batch after retry.backoff.ms, against whatever leader the image names then, until
 * delivery.timeout.ms has passed since the record was let out.
 *
 * <p>Pure: time comes in as arguments, everything it decides leaves through {@link DataOutputs}.
 */
public final class Producer {
    private final int home;
    private final DataConfig config;
    private final Feed feed;
    private final DataOutputs out;
    /** Let out by the pace but not yet given a partition (the topic is not in the image yet). */
    private final ArrayDeque<Feed.Outgoing> unassigned = new ArrayDeque<>();
    private final Map<Integer, ArrayDeque<Feed.Outgoing>> queues = new TreeMap<>();
    private final Map<Integer, InFlight> inFlight = new TreeMap<>();
    private final Map<Integer, Long> retryAt = new TreeMap<>();
    private long nextCorrelation;
    /** When to look for the topic in the image again while records wait for it. */
    private long unassignedRetryAt;
    private boolean dead;

    private record InFlight(long correlationId, TopicPartition partition, int leader, List<Feed.Outgoing> batch,
                            long deadline) {
    }

    /** A producer for {@code feed} beside broker {@code home}; the feed now reports it runs there. */
    public Producer(int home, DataConfig config, Feed feed, DataOutputs out) {
        this.home = home;
        this.config = config;
        this.feed = feed;
        this.out = out;
        feed.producerRunsBeside(home);
        // the feed id in the high bits: several producers may share a broker, and their answers must not mix;
        // below it the producer's session: an answer meant for an earlier producer of this feed (one that died
        // with its broker) never matches this one's requests, as Kafka's answers come back only on the
        // connection of the client that asked
        this.nextCorrelation = ((long) feed.id() << 40) + ((long) (feed.nextProducerSession() & 0xFFF) << 28) + 1;
    }

    /** When this producer wants {@link #wake} next (Long.MAX_VALUE: never). */
    public long nextWakeAt() {
        if (dead) {
            return Long.MAX_VALUE;
        }
        // fixed times only: a time computed from "now" would move away each time it is reached
        long next = feed.nextReleaseAt();
        if (!unassigned.isEmpty()) {
            next = Math.min(next, unassignedRetryAt);
        }
        for (InFlight f : inFlight.values()) {
            next = Math.min(next, f.deadline);
        }
        for (Map.Entry<Integer, ArrayDeque<Feed.Outgoing>> q : queues.entrySet()) {
            if (!q.getValue().isEmpty() && !inFlight.containsKey(q.getKey())) {
                next = Math.min(next, retryAt.getOrDefault(q.getKey(), 0L));
            }
        }
        return next;
    }

    public void wake(long now, DataImage homeImage) {
        for (Iterator<InFlight> it = inFlight.values().iterator(); it.hasNext(); ) {
            InFlight f = it.next();
            if (f.deadline <= now) {
                it.remove();
                retry(now, f, "no answer from b" + f.leader + " within request.timeout.ms");
            }
        }
        send(now, homeImage);
    }

    /** The home broker finished an event: lets out what the pace allows by now. */
    public void afterEvent(long now, DataImage homeImage) {
        if (!dead && feed.nextReleaseAt() <= now) {
            send(now, homeImage);
        }
    }

    /** A produce answer reached the home broker; false when it belongs to another producer there. */
    public boolean handle(long now, int from, ProduceResponse r, DataImage homeImage) {
        if ((r.correlationId() >>> 40) != feed.id()) {
            return false;
        }
        InFlight f = inFlight.get(r.partition().partition());
        if (f == null || f.correlationId != r.correlationId()) {
            return true; // a duplicate, or an answer we stopped waiting for
        }
        inFlight.remove(r.partition().partition());
        if (r.error() == Error.NONE) {
            List<DataRecord> acked = new ArrayList<>();
            for (int i = 0; i < f.batch.size(); i++) {
                Feed.Outgoing o = f.batch.get(i);
                acked.add(new DataRecord(r.baseOffset() + i, -1, o.id, o.record.key(), o.record.value()));
            }
            feed.acked(f.partition.partition(), acked.size());
            trace(f.partition + ": " + acked.size() + " record(s) acknowledged at offset " + r.baseOffset() + " (acks="
                    + feed.request().acks().label() + ")");
            out.recordsAcked(f.partition, feed.request().acks(), acked);
        } else {
            retry(now, f, r.error() + " from b" + from + (r.message().isEmpty() ? "" : ": " + r.message()));
        }
        send(now, homeImage);
        return true;
    }

    private void retry(long now, InFlight f, String why) {
        feed.retried(f.partition + ": " + why);
        trace(f.partition + ": produce of " + f.batch.size() + " record(s) failed (" + why + "); retrying in "
                + config.retryBackoffMs() + " ms");
        ArrayDeque<Feed.Outgoing> q = queues.computeIfAbsent(f.partition.partition(), k -> new ArrayDeque<>());
        for (int i = f.batch.size() - 1; i >= 0; i--) {
            q.addFirst(f.batch.get(i));
        }
        retryAt.put(f.partition.partition(), now + config.retryBackoffMs());
    }

    /** Lets out what the pace allows, gives records partitions, expires old ones and sends a batch per idle partition. */
    private void send(long now, DataImage homeImage) {
        if (dead) {
            return;
        }
        for (Feed.Outgoing o = feed.next(now); o != null; o = feed.next(now)) {
            unassigned.add(o);
        }
        TopicLayout topic = homeImage.topic(feed.request().topic());
        if (topic != null) {
            while (!unassigned.isEmpty()) {
                Feed.Outgoing o = unassigned.poll();
                if (o.partition < 0 || o.partition >= topic.partitions().size()) {
                    o.partition = Partitioner.partition(o.record.key(), o.id, topic.partitions().size());
                }
                queues.computeIfAbsent(o.partition, k -> new ArrayDeque<>()).add(o);
            }
        }
        if (!unassigned.isEmpty() && unassignedRetryAt <= now) {
            unassignedRetryAt = now + config.retryBackoffMs();
        }
        expire(now, unassigned, "topic '" + feed.request().topic() + "' is not in b" + home + "'s metadata");
        for (Map.Entry<Integer, ArrayDeque<Feed.Outgoing>> e : queues.entrySet()) {
            int partition = e.getKey();
            ArrayDeque<Feed.Outgoing> q = e.getValue();
            expire(now, q, "delivery.timeout.ms passed before " + feed.request().topic() + "-" + partition + " took the records");
            if (q.isEmpty() || inFlight.containsKey(partition) || retryAt.getOrDefault(partition, 0L) > now) {
                continue;
            }
            if (topic == null) {
                retryAt.put(partition, now + config.retryBackoffMs()); // the topic left the image: wait, the records may expire
                continue;
            }
            PartitionState p = topic.partitions().get(partition);
            if (p == null || !p.hasLeader()) {
                retryAt.put(partition, now + config.retryBackoffMs()); // wait for the controller to name a leader
                continue;
            }
            List<Feed.Outgoing> batch = new ArrayList<>();
            while (!q.isEmpty() && batch.size() < config.maxBatchRecords()) {
                batch.add(q.poll());
            }
            TopicPartition tp = topic.partition(partition);
            List<FeedRecord> records = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            for (Feed.Outgoing o : batch) {
                records.add(o.record);
                ids.add(o.id);
            }
            long correlation = nextCorrelation++;
            Acks acks = feed.request().acks();
            out.send(p.leader(), new ProduceRequest(correlation, tp, acks, records, ids));
            if (acks == Acks.NONE) {
                feed.sentWithoutAck(batch.size());
            } else {
                inFlight.put(partition, new InFlight(correlation, tp, p.leader(), batch, now + config.requestTimeoutMs()));
            }
        }
    }

    private void expire(long now, ArrayDeque<Feed.Outgoing> q, String why) {
        int expired = 0;
        while (!q.isEmpty() && now - q.peek().releasedAt >= config.deliveryTimeoutMs()) {
            q.poll();
            expired++;
        }
        if (expired > 0) {
            feed.failed(expired, why);
            trace(expired + " record(s) failed for good: " + why);
        }
    }

    /** The broker died and this producer with it: what it had not heard back about goes back to the feed. */
    public void crashed() {
        dead = true;
        List<Feed.Outgoing> back = new ArrayList<>(unassigned);
        queues.values().forEach(back::addAll);
        inFlight.values().forEach(f -> back.addAll(f.batch));
        feed.giveBack(back);
    }

    private void trace(String what) {
        out.trace("producer " + feed.id() + ": " + what);
    }
}
