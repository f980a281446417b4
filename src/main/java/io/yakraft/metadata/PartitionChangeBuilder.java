package io.yakraft.metadata;

import io.yakraft.metadata.MetadataRecord.PartitionChangeRecord;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Turns a wished-for partition state into one PartitionChangeRecord, as Kafka 4.3's
 * PartitionChangeBuilder does: keeps the eligible leader replicas (KIP-966) while the ISR is under
 * the topic's effective min.insync.replicas, elects a leader (from the ISR, from the ELR when the
 * ISR is empty, from the last known leader in a balanced recovery, or, when the topic allows it,
 * uncleanly), and marks an unclean leader RECOVERING. Reassignments are not modelled, so the
 * replica lists and directories never change here.
 *
 * <p>LastKnownElr holds the last leader only (Kafka's default useLastKnownLeaderInBalancedRecovery),
 * so the builder's own last-known-ELR bookkeeping, which that default never writes, is left out.
 *
 * <p>One builder per partition and change; {@link #build()} returns null when nothing changes
 * (Kafka's changeRecordIsNoOp).
 */
public final class PartitionChangeBuilder {
    /** Kafka's PartitionChangeBuilder.Election. */
    public enum Election {
        /** Elect the preferred replica if it is in the ISR; otherwise keep the partition online. */
        PREFERRED,
        /** Elect from the ISR (or the ELR while the ISR is empty) to keep the partition online. */
        ONLINE,
        /** As ONLINE, but pick a replica outside the ISR rather than leave the partition leaderless. */
        UNCLEAN
    }

    private final PartitionRegistration partition;
    private final Uuid topicId;
    private final int partitionId;
    private final IntPredicate isAcceptableLeader;
    private final int minIsr;
    private final boolean elrEnabled;
    private List<Integer> targetIsr;
    private List<Integer> targetElr;
    private List<Integer> uncleanShutdownReplicas = List.of();
    private Election election = Election.ONLINE;
    private byte targetLeaderRecoveryState;

    /**
     * @param isAcceptableLeader whether a broker may lead now (registered, unfenced, not shutting down)
     * @param minIsr             the topic's effective min.insync.replicas (never above the replication factor)
     * @param elrEnabled         eligible.leader.replicas.version is 1 or more
     */
    public PartitionChangeBuilder(PartitionRegistration partition, Uuid topicId, int partitionId,
                                  IntPredicate isAcceptableLeader, int minIsr, boolean elrEnabled) {
        this.partition = partition;
        this.topicId = topicId;
        this.partitionId = partitionId;
        this.isAcceptableLeader = isAcceptableLeader;
        this.minIsr = minIsr;
        this.elrEnabled = elrEnabled;
        this.targetIsr = partition.isr();
        this.targetElr = partition.eligibleLeaderReplicas();
        this.targetLeaderRecoveryState = partition.leaderRecoveryState();
    }

    public PartitionChangeBuilder setTargetIsr(List<Integer> isr) {
        this.targetIsr = List.copyOf(isr);
        return this;
    }

    public PartitionChangeBuilder setElection(Election election) {
        this.election = election;
        return this;
    }

    /** Brokers that came back from an unclean shutdown: they leave the ELR and may not lead in this change. */
    public PartitionChangeBuilder setUncleanShutdownReplicas(List<Integer> replicas) {
        this.uncleanShutdownReplicas = List.copyOf(replicas);
        return this;
    }

    public PartitionChangeBuilder setTargetLeaderRecoveryState(byte state) {
        this.targetLeaderRecoveryState = state;
        return this;
    }

    /** The record, or null when it would change nothing. */
    public PartitionChangeRecord build() {
        maybePopulateTargetElr();
        Integer leader = null; // null: unchanged (Kafka's NO_LEADER_CHANGE)
        List<Integer> isr = null;
        Byte recovery = null;
        ElectionResult elected = electLeader();
        if (elected.node != partition.leader()) {
            if (targetElr.contains(elected.node)) {
                // elected from the ELR: it becomes the ISR, and leaves the ELR
                targetIsr = List.of(elected.node);
                List<Integer> rest = new ArrayList<>(targetElr);
                rest.remove(Integer.valueOf(elected.node));
                targetElr = rest;
            }
            leader = elected.node;
            if (elected.unclean) {
                // an unclean leader is the whole ISR, and recovering until it says it is done
                isr = List.of(elected.node);
                if (partition.leaderRecoveryState() != MetadataRecord.RECOVERING) {
                    recovery = MetadataRecord.RECOVERING;
                }
            }
        }
        // maybeUpdateRecordElr: an unclean election (the ISR set above) or ELR off clears the ELR fields
        boolean clean = isr == null;
        if (!clean || !elrEnabled) {
            targetElr = List.of();
        }
        List<Integer> elr = targetElr.equals(partition.eligibleLeaderReplicas()) ? null : targetElr;
        if (isr == null && (!targetIsr.isEmpty() || elrEnabled) && !targetIsr.equals(partition.isr())) {
            isr = targetIsr; // with ELR on, the ISR may become empty (KIP-966); without, the last member stays
        }
        List<Integer> lastKnownElr = null;
        int recordLeader = leader == null ? MetadataRecord.NO_LEADER_CHANGE : leader;
        if (elrEnabled) {
            // maybeUpdateLastKnownLeader (useLastKnownLeaderInBalancedRecovery is Kafka's default, true)
            if (recordLeader == MetadataRecord.NO_LEADER && partition.lastKnownElr().isEmpty()) {
                lastKnownElr = List.of(partition.leader()); // the first time the partition loses its leader
            } else if (recordLeader >= 0 && !partition.lastKnownElr().isEmpty()) {
                lastKnownElr = List.of();
            }
        }
        if (recovery == null && targetLeaderRecoveryState != partition.leaderRecoveryState()) {
            recovery = targetLeaderRecoveryState;
        }
        if (isr == null && elr == null && lastKnownElr == null && leader == null && recovery == null) {
            return null;
        }
        return new PartitionChangeRecord(partitionId, topicId, isr, recordLeader, null, null, null,
                recovery == null ? MetadataRecord.NO_RECOVERY_STATE_CHANGE : recovery, null, elr, lastKnownElr);
    }

    private record ElectionResult(int node, boolean unclean) {
    }

    private ElectionResult electLeader() {
        return election == Election.PREFERRED ? electPreferredLeader() : electAnyLeader();
    }

    private ElectionResult electPreferredLeader() {
        int preferred = partition.replicas().get(0);
        if (isValidNewLeader(preferred)) {
            return new ElectionResult(preferred, false);
        }
        if (isValidNewLeader(partition.leader())) {
            return new ElectionResult(partition.leader(), false);
        }
        for (int r : partition.replicas().subList(1, partition.replicas().size())) {
            if (isValidNewLeader(r)) {
                return new ElectionResult(r, false);
            }
        }
        if (canElectLastKnownLeader()) {
            return new ElectionResult(partition.lastKnownElr().get(0), true);
        }
        return new ElectionResult(MetadataRecord.NO_LEADER, false);
    }

    private ElectionResult electAnyLeader() {
        if (isValidNewLeader(partition.leader())) {
            return new ElectionResult(partition.leader(), false);
        }
        for (int r : partition.replicas()) {
            if (isValidNewLeader(r)) {
                return new ElectionResult(r, false);
            }
        }
        if (canElectLastKnownLeader()) {
            return new ElectionResult(partition.lastKnownElr().get(0), true);
        }
        if (election == Election.UNCLEAN) {
            for (int r : partition.replicas()) {
                if (isAcceptableLeader.test(r)) {
                    return new ElectionResult(r, true);
                }
            }
        }
        return new ElectionResult(MetadataRecord.NO_LEADER, false);
    }

    /**
     * Balanced recovery (KIP-966): with ISR and ELR both empty, the last leader, kept alone in
     * LastKnownElr, may lead again once it is back; it is an unclean election (RECOVERING).
     */
    private boolean canElectLastKnownLeader() {
        return elrEnabled && targetElr.isEmpty() && targetIsr.isEmpty() && partition.lastKnownElr().size() == 1
                && isAcceptableLeader.test(partition.lastKnownElr().get(0));
    }

    /** A clean leader is in the ISR, or in the ELR while the ISR is empty, and may lead now. */
    private boolean isValidNewLeader(int replica) {
        return (targetIsr.contains(replica) || (targetIsr.isEmpty() && targetElr.contains(replica)))
                && isAcceptableLeader.test(replica);
    }

    /**
     * While the ISR is under min.insync.replicas, the members it loses join the ELR (they hold
     * every record up to the high watermark, which does not advance meanwhile); at or above it,
     * ELR and LastKnownElr are cleared. Brokers back from an unclean shutdown never stay in it.
     */
    private void maybePopulateTargetElr() {
        if (!elrEnabled) {
            return;
        }
        if (targetIsr.size() >= minIsr) {
            targetElr = List.of();
            return;
        }
        Set<Integer> candidates = new LinkedHashSet<>(targetElr);
        candidates.addAll(partition.isr());
        List<Integer> elr = new ArrayList<>();
        for (int r : candidates) {
            if (!targetIsr.contains(r) && !uncleanShutdownReplicas.contains(r)) {
                elr.add(r);
            }
        }
        elr.sort(null); // Kafka collects a HashSet of small ints, which iterates in ascending order
        targetElr = elr;
    }
}
