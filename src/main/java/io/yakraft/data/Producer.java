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
 * <p>Idempotent (enable.idempotence, Kafka 3.0+'s default with acks=all): before its first batch it
 * gets a producer id from its home broker (InitProducerId, from the broker's block of the
 * controller's ids); every batch carries that id, the producer epoch and the sequence numbers of its
 * records in the partition, given when the batch is first sent. A failed batch is retried whole, with
 * the same sequences, so a leader that already has it (the answer was lost, or the leader changed
 * after the append) answers with the first copy's offsets instead of appending it again. A batch that
 * fails for good after it was sent (delivery timeout, or OUT_OF_ORDER_SEQUENCE_NUMBER) leaves its
 * sequences unresolved: the producer bumps its epoch and starts every partition's sequences over
 * (KIP-360). Without idempotence a failed batch's records go back to the queue and may be appended
 * twice (at least once). Keyless records use Kafka's sticky partitioner ({@link StickyPartitioner}).
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
    private final boolean idempotent;
    private final StickyPartitioner sticky;
    /** The id InitProducerId gave, -1 until then (or without idempotence). */
    private long producerId = -1;
    private short producerEpoch;
    /** When to ask for a producer id (again): the last ask may have gone unanswered. */
    private long producerIdAskAt;
    /** An id came since the last send: send at once. */
    private boolean producerIdArrived;
    /** partition → the sequence its next new batch starts at. */
    private final Map<Integer, Integer> nextSequence = new TreeMap<>();
    /** partition → a sent batch that failed and goes again whole, with its sequences (idempotence only). */
    private final Map<Integer, Sealed> resend = new TreeMap<>();

    /** A batch once sent: its records and the stamp it keeps for every retry. */
    private record Sealed(List<Feed.Outgoing> batch, ProducerStamp stamp) {
    }

    private record InFlight(long correlationId, TopicPartition partition, int leader, List<Feed.Outgoing> batch,
                            long deadline, ProducerStamp stamp) {
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
        int session = feed.nextProducerSession();
        this.nextCorrelation = ((long) feed.id() << 40) + ((long) (session & 0xFFF) << 28) + 1;
        this.idempotent = feed.request().idempotent();
        this.sticky = new StickyPartitioner(((long) feed.id() << 16) + session);
    }

    /** The producer id it writes with, -1 without idempotence or before InitProducerId answered. */
    public long producerId() {
        return producerId;
    }

    /** When this producer wants {@link #wake} next (Long.MAX_VALUE: never). */
    public long nextWakeAt() {
        if (dead) {
            return Long.MAX_VALUE;
        }
        // fixed times only: a time computed from "now" would move away each time it is reached
        long next = feed.nextReleaseAt();
        if (producerIdArrived) {
            return 0;
        }
        if (idempotent && producerId < 0) {
            // nothing goes out before InitProducerId answers: only the next ask (and the pace) wake it
            for (InFlight f : inFlight.values()) {
                next = Math.min(next, f.deadline);
            }
            return hasWork() ? Math.min(next, producerIdAskAt) : next;
        }
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
        for (int partition : resend.keySet()) {
            if (!inFlight.containsKey(partition)) {
                next = Math.min(next, retryAt.getOrDefault(partition, 0L));
            }
        }
        return next;
    }

    private boolean hasWork() {
        return !unassigned.isEmpty() || !resend.isEmpty() || queues.values().stream().anyMatch(q -> !q.isEmpty());
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
        if (!dead && (feed.nextReleaseAt() <= now || producerIdArrived)) {
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
        } else if (r.error() == Error.OUT_OF_ORDER_SEQUENCE_NUMBER || r.error() == Error.INVALID_PRODUCER_EPOCH) {
            // not retriable (Kafka's OutOfOrderSequenceException / InvalidProducerEpochException reach the caller)
            String why = r.error() + " from b" + from + (r.message().isEmpty() ? "" : ": " + r.message());
            feed.failed(f.batch.size(), why);
            trace(f.partition + ": " + f.batch.size() + " record(s) failed for good (" + why + ")");
            bumpEpoch();
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
        if (f.stamp.idempotent()) {
            // whole, with its sequences; stamped afresh if the epoch was bumped while it was out
            resend.put(f.partition.partition(), new Sealed(f.batch, f.stamp.producerEpoch() == producerEpoch ? f.stamp : null));
        } else {
            ArrayDeque<Feed.Outgoing> q = queues.computeIfAbsent(f.partition.partition(), k -> new ArrayDeque<>());
            for (int i = f.batch.size() - 1; i >= 0; i--) {
                q.addFirst(f.batch.get(i));
            }
        }
        retryAt.put(f.partition.partition(), now + config.retryBackoffMs());
    }

    /**
     * KIP-360: a sent batch failed for good, so the leader's idea of the next sequence is unknown; a
     * new epoch starts every partition's sequences at 0 (batches to resend are stamped afresh).
     */
    private void bumpEpoch() {
        producerEpoch++;
        nextSequence.clear();
        resend.replaceAll((p, s) -> new Sealed(s.batch, null));
        trace("producer id " + producerId + " bumps its epoch to " + producerEpoch + ": sequences start over");
    }

    /** Asks the home broker for a producer id when one is due (InitProducerId precedes the first batch). */
    private void askProducerId(long now) {
        if (producerId >= 0 || now < producerIdAskAt) {
            return;
        }
        producerIdAskAt = now + config.requestTimeoutMs();
        boolean sent = out.initProducerId(id -> {
            if (!dead && producerId < 0) {
                producerId = id;
                producerIdArrived = true;
                trace("producer id " + id + " from b" + home + " (InitProducerId): batches carry it and their sequences");
            }
        });
        if (!sent) {
            producerIdAskAt = now + config.retryBackoffMs();
        }
    }

    /** Lets out what the pace allows, gives records partitions, expires old ones and sends a batch per idle partition. */
    private void send(long now, DataImage homeImage) {
        if (dead) {
            return;
        }
        if (idempotent) {
            askProducerId(now);
        }
        producerIdArrived = false; // (an id that came during the ask is used by this send)
        for (Feed.Outgoing o = feed.next(now); o != null; o = feed.next(now)) {
            unassigned.add(o);
        }
        TopicLayout topic = homeImage.topic(feed.request().topic());
        if (topic != null) {
            while (!unassigned.isEmpty()) {
                Feed.Outgoing o = unassigned.poll();
                if (o.partition < 0 || o.partition >= topic.partitions().size()) {
                    o.partition = o.record.key() == null ? sticky.partition(topic, config.maxBatchRecords())
                            : Partitioner.partition(o.record.key(), o.id, topic.partitions().size());
                }
                queues.computeIfAbsent(o.partition, k -> new ArrayDeque<>()).add(o);
            }
        }
        if (!unassigned.isEmpty() && unassignedRetryAt <= now) {
            unassignedRetryAt = now + config.retryBackoffMs();
        }
        expire(now, unassigned, "topic '" + feed.request().topic() + "' is not in b" + home + "'s metadata");
        expireResends(now);
        java.util.Set<Integer> partitions = new java.util.TreeSet<>(queues.keySet());
        partitions.addAll(resend.keySet());
        for (int partition : partitions) {
            ArrayDeque<Feed.Outgoing> q = queues.computeIfAbsent(partition, k -> new ArrayDeque<>());
            expire(now, q, "delivery.timeout.ms passed before " + feed.request().topic() + "-" + partition + " took the records");
            Sealed again = resend.get(partition);
            if ((q.isEmpty() && again == null) || inFlight.containsKey(partition) || retryAt.getOrDefault(partition, 0L) > now) {
                continue;
            }
            if (idempotent && producerId < 0) {
                continue; // no batch before InitProducerId has answered
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
            List<Feed.Outgoing> batch;
            ProducerStamp stamp = again == null ? null : again.stamp;
            if (again != null) {
                resend.remove(partition);
                batch = again.batch;
            } else {
                batch = new ArrayList<>();
                while (!q.isEmpty() && batch.size() < config.maxBatchRecords()) {
                    batch.add(q.poll());
                }
            }
            if (!idempotent) {
                stamp = ProducerStamp.NONE;
            } else if (stamp == null) {
                int first = nextSequence.getOrDefault(partition, 0);
                stamp = new ProducerStamp(producerId, producerEpoch, first, first + batch.size() - 1);
                nextSequence.put(partition, first + batch.size());
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
            out.send(p.leader(), new ProduceRequest(correlation, tp, acks, records, ids, stamp));
            if (acks == Acks.NONE) {
                feed.sentWithoutAck(batch.size());
            } else {
                inFlight.put(partition, new InFlight(correlation, tp, p.leader(), batch, now + config.requestTimeoutMs(),
                        stamp));
            }
        }
    }

    /** A sent batch waiting to go again fails whole once its first record's delivery timeout passed. */
    private void expireResends(long now) {
        boolean expired = false;
        for (java.util.Iterator<Map.Entry<Integer, Sealed>> it = resend.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, Sealed> e = it.next();
            List<Feed.Outgoing> batch = e.getValue().batch;
            if (now - batch.get(0).releasedAt >= config.deliveryTimeoutMs()) {
                it.remove();
                String why = "delivery.timeout.ms passed before " + feed.request().topic() + "-" + e.getKey()
                        + " took the records";
                feed.failed(batch.size(), why);
                trace(batch.size() + " record(s) failed for good: " + why);
                expired = true;
            }
        }
        if (expired) {
            bumpEpoch();
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
        resend.values().forEach(s -> back.addAll(s.batch));
        inFlight.values().forEach(f -> back.addAll(f.batch));
        feed.giveBack(back);
    }

    private void trace(String what) {
        out.trace("producer " + feed.id() + ": " + what);
    }
}
