package io.yakraft.data;

import java.util.ArrayList;
import java.util.List;

/** A {@link DataOutputs} that keeps what a core decided, for tests to read; ISR asks are held for the test to answer. */
final class RecordingOutputs implements DataOutputs {
    record Sent(int to, DataMessage message) {
    }

    record Ask(AlterIsrRequest request, AlterIsrAnswer.Listener listener) {
    }

    final List<Sent> sent = new ArrayList<>();
    final List<String> trace = new ArrayList<>();
    final List<Ask> asks = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    boolean registered = true;
    /** What {@link #brokerEpoch()} answers. */
    long brokerEpoch = -1;

    @Override
    public long brokerEpoch() {
        return brokerEpoch;
    }

    @Override
    public void send(int destination, DataMessage message) {
        sent.add(new Sent(destination, message));
    }

    @Override
    public void trace(String words) {
        trace.add(words);
    }

    @Override
    public boolean alterIsr(AlterIsrRequest request, AlterIsrAnswer.Listener onAnswer) {
        if (!registered) {
            return false;
        }
        asks.add(new Ask(request, onAnswer));
        return true;
    }

    /** Producer ids handed out at once, from 1000 on, as from a controller block. */
    long nextProducerId = 1000;

    @Override
    public boolean initProducerId(java.util.function.LongConsumer onId) {
        onId.accept(nextProducerId++);
        return true;
    }

    @Override
    public void leaderStarted(TopicPartition partition, int leaderEpoch, PartitionLog log) {
        events.add("leads " + partition + " in " + leaderEpoch + " at " + log.endOffset());
    }

    @Override
    public void truncated(TopicPartition partition, long newEndOffset, int removed) {
        events.add("truncated " + partition + " to " + newEndOffset + " (" + removed + ")");
    }

    @Override
    public void recordsAcked(TopicPartition partition, Acks acks, List<DataRecord> records) {
        events.add("acked " + partition + " acks=" + acks.label() + " " + records.size() + " from " + records.get(0).offset());
    }

    /** The messages sent of one type, oldest first; the list is cleared of them. */
    <T extends DataMessage> List<T> take(Class<T> type) {
        List<T> out = new ArrayList<>();
        sent.removeIf(s -> {
            if (type.isInstance(s.message())) {
                out.add(type.cast(s.message()));
                return true;
            }
            return false;
        });
        return out;
    }
}
