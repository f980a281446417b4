package io.yakraft.data;

import java.util.List;

/**
 * A partition leader's wish to change the ISR (Kafka's AlterPartition, sent by the leader to the
 * controller): valid only against the leader epoch and partition epoch it was made in.
 */
public record AlterIsrRequest(TopicPartition partition, int leaderEpoch, int partitionEpoch, List<Integer> isr) {
    public AlterIsrRequest {
        isr = List.copyOf(isr);
    }
}
