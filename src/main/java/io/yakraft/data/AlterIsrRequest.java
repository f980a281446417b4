package io.yakraft.data;

import java.util.List;

/**
 * A partition leader's wish to change the ISR (Kafka's AlterPartition, sent by the leader to the
 * controller): valid only against the leader epoch and partition epoch it was made in.
 */
public record AlterIsrRequest(TopicPartition partition, int leaderEpoch, int partitionEpoch, List<Integer> isr,
                              List<Long> isrBrokerEpochs) {
    public AlterIsrRequest {
        isr = List.copyOf(isr);
        isrBrokerEpochs = List.copyOf(isrBrokerEpochs);
        if (isrBrokerEpochs.size() != isr.size()) {
            throw new IllegalArgumentException("one broker epoch per ISR member: " + isr + " vs " + isrBrokerEpochs);
        }
    }

    /** Without broker epochs: -1 for every member (the controller skips the KIP-903 check). */
    public AlterIsrRequest(TopicPartition partition, int leaderEpoch, int partitionEpoch, List<Integer> isr) {
        this(partition, leaderEpoch, partitionEpoch, isr, java.util.Collections.nCopies(isr.size(), -1L));
    }
}
