package io.yakraft.metadata;

import java.util.List;

/**
 * One partition's replicas, ISR, leader and epochs, as Kafka's PartitionRegistration: with the
 * leader's recovery state, each replica's log directory and KIP-966's eligible leader replicas.
 */
public record PartitionRegistration(List<Integer> replicas, List<Integer> isr, List<Integer> removingReplicas,
                                    List<Integer> addingReplicas, int leader, byte leaderRecoveryState, int leaderEpoch,
                                    int partitionEpoch, List<Uuid> directories, List<Integer> eligibleLeaderReplicas,
                                    List<Integer> lastKnownElr) {
    public PartitionRegistration {
        replicas = List.copyOf(replicas);
        isr = List.copyOf(isr);
        removingReplicas = List.copyOf(removingReplicas);
        addingReplicas = List.copyOf(addingReplicas);
        directories = List.copyOf(directories);
        eligibleLeaderReplicas = List.copyOf(eligibleLeaderReplicas);
        lastKnownElr = List.copyOf(lastKnownElr);
    }

    static PartitionRegistration of(MetadataRecord.PartitionRecord r) {
        return new PartitionRegistration(r.replicas(), r.isr(), r.removingReplicas(), r.addingReplicas(), r.leader(),
                r.leaderRecoveryState(), r.leaderEpoch(), r.partitionEpoch(), r.directories(), r.eligibleLeaderReplicas(),
                r.lastKnownElr());
    }

    /**
     * Applies a PartitionChangeRecord as Kafka's PartitionRegistration.merge does: unchanged fields
     * are null (-2 for the leader, -1 for the recovery state); every record bumps the partition
     * epoch, and a record that names a leader bumps the leader epoch, even when it names the same
     * leader again (PartitionChangeBuilder writes the leader field to force that bump).
     */
    PartitionRegistration merge(MetadataRecord.PartitionChangeRecord c) {
        boolean leaderNamed = c.leader() != MetadataRecord.NO_LEADER_CHANGE;
        return new PartitionRegistration(
                c.replicas() == null ? replicas : c.replicas(),
                c.isr() == null ? isr : c.isr(),
                c.removingReplicas() == null ? removingReplicas : c.removingReplicas(),
                c.addingReplicas() == null ? addingReplicas : c.addingReplicas(),
                leaderNamed ? c.leader() : leader,
                c.leaderRecoveryState() == MetadataRecord.NO_RECOVERY_STATE_CHANGE ? leaderRecoveryState
                        : c.leaderRecoveryState(),
                leaderNamed ? leaderEpoch + 1 : leaderEpoch,
                partitionEpoch + 1,
                c.directories() == null ? directories : c.directories(),
                c.eligibleLeaderReplicas() == null ? eligibleLeaderReplicas : c.eligibleLeaderReplicas(),
                c.lastKnownElr() == null ? lastKnownElr : c.lastKnownElr());
    }

    public boolean hasLeader() {
        return leader >= 0;
    }
}
