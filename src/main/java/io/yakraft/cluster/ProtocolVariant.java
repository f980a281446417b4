package io.yakraft.cluster;

import io.yakraft.data.ReplicationRules;

/**
 * A protocol to run the cluster with: Kafka's own ({@link ProtocolVariants#KRAFT}) or a variant
 * that drops one safety rule, to teach what the rule guards against. {@code name} is what files
 * and the command line use; {@code breaks} says in a sentence which rule is gone and {@code shows}
 * what failure that causes. The three parts build the consensus core, the quorum controller and
 * the data plane's replication rules.
 */
public record ProtocolVariant(String name, String breaks, String shows, RaftNodeFactory raft,
                              QuorumControllerFactory controller, ReplicationRules replication) {

    /** True for Kafka's protocol, false for a deliberately broken variant. */
    public boolean isDefault() {
        return name.equals(ProtocolVariants.DEFAULT);
    }
}
