package io.yakraft.data;

/** One partition replica on one broker, as views show it: its role, log end and high watermark. */
public record ReplicaView(TopicPartition partition, boolean leader, int leaderEpoch, int leaderId, long logEndOffset,
                         long highWatermark) {
}
