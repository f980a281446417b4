package io.yakraft.data;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;

/**
 * A partition replica's producer state, as Kafka's ProducerStateManager keeps it beside every log:
 * per producer id its epoch and the metadata of its last five batches (ProducerStateEntry's
 * NUM_BATCHES_TO_RETAIN). Every replica builds it from the records it appends, leader or follower,
 * and rebuilds it from its log after a truncation, so a new leader already knows what the old one
 * appended and recognises a retried batch (UnifiedLog.analyzeAndValidateProducerState).
 */
public final class ProducerStates {
    static final int BATCHES_KEPT = 5;

    /** One appended batch: its sequence range and where it landed. */
    public record BatchMetadata(int firstSequence, int lastSequence, long firstOffset, long lastOffset) {
    }

    private static final class Entry {
        short epoch;
        final ArrayDeque<BatchMetadata> batches = new ArrayDeque<>();
    }

    /** The leader's verdict on an incoming stamped batch. */
    public sealed interface Verdict {
        /** In sequence (or a producer this log knows nothing of): append it. */
        record Append() implements Verdict {
        }

        /** The same batch is already in the log at these offsets: answer with them, append nothing. */
        record Duplicate(long firstOffset, long lastOffset) implements Verdict {
        }

        /** A gap or an unknown earlier sequence: Kafka's OUT_OF_ORDER_SEQUENCE_NUMBER. */
        record OutOfOrder(String why) implements Verdict {
        }

        /** An epoch older than the one the log holds: Kafka's INVALID_PRODUCER_EPOCH. */
        record StaleEpoch(String why) implements Verdict {
        }
    }

    private static final Verdict APPEND = new Verdict.Append();
    private final Map<Long, Entry> byProducer = new TreeMap<>();

    /** Takes an appended record into account (only the last record of a stamped batch changes anything). */
    void appended(DataRecord r) {
        if (!r.lastOfBatch()) {
            return;
        }
        ProducerStamp s = r.batch();
        Entry e = byProducer.computeIfAbsent(s.producerId(), k -> new Entry());
        if (s.producerEpoch() != e.epoch) {
            e.batches.clear(); // a new epoch starts its sequences over
            e.epoch = s.producerEpoch();
        }
        e.batches.addLast(new BatchMetadata(s.baseSequence(), s.lastSequence(), r.offset() - (s.count() - 1), r.offset()));
        while (e.batches.size() > BATCHES_KEPT) {
            e.batches.removeFirst();
        }
    }

    void clear() {
        byProducer.clear();
    }

    boolean isEmpty() {
        return byProducer.isEmpty();
    }

    /**
     * Kafka's checks for a batch the leader is asked to append: a duplicate of one of the producer's
     * last five batches is answered with that batch's offsets; otherwise, within the epoch the log holds,
     * the batch must start right after the last sequence; a newer epoch must start at sequence 0; an older
     * one is fenced. A producer id the log holds nothing of may start at any sequence
     * (ProducerAppendInfo.checkSequence: its records may all be gone).
     */
    public Verdict check(ProducerStamp s) {
        Entry e = byProducer.get(s.producerId());
        if (e == null || e.batches.isEmpty()) {
            return APPEND;
        }
        if (s.producerEpoch() < e.epoch) {
            return new Verdict.StaleEpoch("producer " + s.producerId() + " epoch " + s.producerEpoch() + " is older than epoch "
                    + e.epoch + " in the log");
        }
        if (s.producerEpoch() > e.epoch) {
            return s.baseSequence() == 0 ? APPEND : new Verdict.OutOfOrder("producer " + s.producerId() + " starts epoch "
                    + s.producerEpoch() + " at sequence " + s.baseSequence() + ", not 0");
        }
        for (BatchMetadata b : e.batches) {
            if (b.firstSequence() == s.baseSequence() && b.lastSequence() == s.lastSequence()) {
                return new Verdict.Duplicate(b.firstOffset(), b.lastOffset());
            }
        }
        int last = e.batches.getLast().lastSequence();
        return s.baseSequence() == last + 1 ? APPEND : new Verdict.OutOfOrder("producer " + s.producerId() + " sent sequence "
                + s.baseSequence() + " after " + last);
    }

    /** The last sequence the log holds of a producer, -1 when none (for views and tests). */
    public int lastSequence(long producerId) {
        Entry e = byProducer.get(producerId);
        return e == null || e.batches.isEmpty() ? -1 : e.batches.getLast().lastSequence();
    }
}
