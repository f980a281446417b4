package io.yakraft.metadata;

import io.yakraft.metadata.MetadataRecord.FeatureLevelRecord;
import io.yakraft.metadata.MetadataRecord.FeatureRange;

import java.util.List;

/**
 * The feature levels of Kafka 4.3.1 (org.apache.kafka.server.common.MetadataVersion and Feature):
 * what a node says it supports when it registers, and what `kafka-storage format` bootstraps a new
 * cluster with. kraft.version is not a metadata record: the raft layer keeps it (KRaftVersionRecord).
 */
public final class KafkaFeatures {
    public static final String METADATA_VERSION = "metadata.version";
    public static final String KRAFT_VERSION = "kraft.version";
    public static final String ELR_VERSION = "eligible.leader.replicas.version";
    /** MetadataVersion.IBP_4_3_IV0, Kafka 4.3's latest production level. */
    public static final short METADATA_VERSION_4_3_IV0 = 30;
    /** MetadataVersion.MINIMUM_VERSION, IBP_3_3_IV3. */
    public static final short METADATA_VERSION_MINIMUM = 7;

    /** Finalized at format time, in the order FeatureControlManager lists them (metadata.version first). */
    private static final List<FeatureLevelRecord> BOOTSTRAP = List.of(
            new FeatureLevelRecord(METADATA_VERSION, METADATA_VERSION_4_3_IV0),
            new FeatureLevelRecord(ELR_VERSION, (short) 1),
            new FeatureLevelRecord("group.version", (short) 1),
            new FeatureLevelRecord("share.version", (short) 1),
            new FeatureLevelRecord("streams.version", (short) 1),
            new FeatureLevelRecord("transaction.version", (short) 2));

    private static final List<FeatureRange> SUPPORTED = List.of(
            new FeatureRange(METADATA_VERSION, METADATA_VERSION_MINIMUM, METADATA_VERSION_4_3_IV0),
            new FeatureRange(ELR_VERSION, (short) 0, (short) 1),
            new FeatureRange("group.version", (short) 0, (short) 1),
            new FeatureRange(KRAFT_VERSION, (short) 0, (short) 1),
            new FeatureRange("share.version", (short) 0, (short) 1),
            new FeatureRange("streams.version", (short) 0, (short) 1),
            new FeatureRange("transaction.version", (short) 0, (short) 2));

    private KafkaFeatures() {
    }

    /** The FeatureLevelRecords the first active controller writes into an empty log (Kafka's bootstrap metadata). */
    public static List<FeatureLevelRecord> bootstrapRecords() {
        return BOOTSTRAP;
    }

    /** The ranges a 4.3.1 broker or controller registers with. */
    public static List<FeatureRange> supported() {
        return SUPPORTED;
    }
}
