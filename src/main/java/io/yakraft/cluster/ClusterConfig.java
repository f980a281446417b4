package io.yakraft.cluster;

import io.yakraft.data.DataConfig;
import io.yakraft.raft.RaftConfig;
import io.yakraft.sim.LinkConfig;

/**
 * The shape of a simulated cluster. Controllers (voters) get ids 1..controllers; brokers (the
 * quorum's observers) get ids 101, 102, ... so a glance at an id tells which kind it is.
 */
public record ClusterConfig(long seed, int controllers, int observers, RaftConfig raft, LinkConfig network,
                            boolean trace, MetadataConfig metadata, DataConfig data, String variant) {

    public static final int FIRST_OBSERVER_ID = 101;

    public ClusterConfig {
        if (controllers < 1 || controllers > 9) {
            throw new IllegalArgumentException("controllers must be 1..9, got " + controllers);
        }
        if (observers < 0 || observers > 9) {
            throw new IllegalArgumentException("observers must be 0..9, got " + observers);
        }
        ProtocolVariants.named(variant); // an unknown name fails here, naming the known ones
    }

    public static ClusterConfig defaults(long seed, int controllers, int observers) {
        return new ClusterConfig(seed, controllers, observers, RaftConfig.kafkaDefaults(), LinkConfig.DEFAULT, true,
                MetadataConfig.kafkaDefaults(), DataConfig.defaults(),
                ProtocolVariants.DEFAULT);
    }

    public ClusterConfig withTrace(boolean on) {
        return new ClusterConfig(seed, controllers, observers, raft, network, on, metadata, data, variant);
    }

    public ClusterConfig withRaft(RaftConfig r) {
        return new ClusterConfig(seed, controllers, observers, r, network, trace, metadata, data, variant);
    }

    public ClusterConfig withNetwork(LinkConfig n) {
        return new ClusterConfig(seed, controllers, observers, raft, n, trace, metadata, data, variant);
    }

    public ClusterConfig withMetadata(MetadataConfig m) {
        return new ClusterConfig(seed, controllers, observers, raft, network, trace, m, data, variant);
    }

    public ClusterConfig withData(DataConfig d) {
        return new ClusterConfig(seed, controllers, observers, raft, network, trace, metadata, d, variant);
    }

    /** The same cluster running the named protocol variant ("kraft" for Kafka's own; see {@link ProtocolVariants}). */
    public ClusterConfig withVariant(String name) {
        return new ClusterConfig(seed, controllers, observers, raft, network, trace, metadata, data, name);
    }

    /** The protocol this cluster runs. */
    public ProtocolVariant protocol() {
        return ProtocolVariants.named(variant);
    }

    /** True when {@code id} names one of this cluster's controllers or brokers. */
    public boolean hasNode(int id) {
        return (id >= 1 && id <= controllers) || (id >= FIRST_OBSERVER_ID && id < FIRST_OBSERVER_ID + observers);
    }

    public int[] voterIds() {
        int[] ids = new int[controllers];
        for (int i = 0; i < controllers; i++) {
            ids[i] = i + 1;
        }
        return ids;
    }

    public int[] observerIds() {
        int[] ids = new int[observers];
        for (int i = 0; i < observers; i++) {
            ids[i] = FIRST_OBSERVER_ID + i;
        }
        return ids;
    }
}
