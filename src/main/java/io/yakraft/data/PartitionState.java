package io.yakraft.data;

import java.util.List;

/**
 * One partition as a broker's metadata says it is (Kafka's LeaderAndIsr): where its replicas
 * are, which are in sync, who leads (-1: nobody) and the epochs that order these facts.
 */
public record PartitionState(List<Integer> replicas, List<Integer> isr, int leader, int leaderEpoch,
                             int partitionEpoch) {
    public PartitionState {
        replicas = List.copyOf(replicas);
        isr = List.copyOf(isr);
    }

    public boolean hasLeader() {
        return leader >= 0;
    }
}
