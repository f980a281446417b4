package io.yakraft.metadata;

/** Kafka's reserved directory ids (org.apache.kafka.common.DirectoryId). */
public final class DirectoryIds {
    /** The replica's directory is not known yet; the broker will tell (AssignReplicasToDirs). */
    public static final Uuid UNASSIGNED = new Uuid(0, 0);
    /** Reserved: a directory that no longer exists. */
    public static final Uuid LOST = new Uuid(0, 1);
    /** The broker registered no directories (it predates JBOD in KRaft). */
    public static final Uuid MIGRATING = new Uuid(0, 2);

    private DirectoryIds() {
    }
}
