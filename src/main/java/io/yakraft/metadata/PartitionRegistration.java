package io.yakraft.metadata;

import java.util.List;

/** One partition's replicas, ISR, leader and epochs. */
public record PartitionRegistration(List<Integer> replicas, List<Integer> isr, List<Integer> removingReplicas,
                                    List<Integer> addingReplicas, int leader, int leaderEpoch, int partitionEpoch) {
    public PartitionRegistration {
        replicas = List.copyOf(replicas);
        isr = List.copyOf(isr);
        removingReplicas = List.copyOf(removingReplicas);
        addingReplicas = List.copyOf(addingReplicas);
    }

    static PartitionRegistration of(MetadataRecord.PartitionRecord r) {
        return new PartitionRegistration(r.replicas(), r.isr(), r.removingReplicas(), r.addingReplicas(), r.leader(),
                r.leaderEpoch(), r.partitionEpoch());
    }

    /**
     * Applies a PartitionChangeRecord as Kafka's replay does: unchanged fields are null (or -2
     * for the leader); every change bumps the partition epoch, a new leader also the leader epoch.
     */
    PartitionRegistration merge(MetadataRecord.PartitionChangeRecord c) {
        int newLeader = c.leader() == MetadataRecord.NO_LEADER_CHANGE ? leader : c.leader();
        boolean leaderChanged = newLeader != leader;
        return new PartitionRegistration(
                c.replicas() == null ? replicas : c.replicas(),
                c.isr() == null ? isr : c.isr(),
                c.removingReplicas() == null ? removingReplicas : c.removingReplicas(),
                c.addingReplicas() == null ? addingReplicas : c.addingReplicas(),
                newLeader,
                leaderChanged ? leaderEpoch + 1 : leaderEpoch,
                partitionEpoch + 1);
    }

    public boolean hasLeader() {
        return leader >= 0;
    }
}
