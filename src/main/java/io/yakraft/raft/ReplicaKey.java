package io.yakraft.raft;

/**
 * A replica as KIP-853 names it (Kafka's ReplicaKey): the node id and the directory id of the
 * disk it runs on. A disk that is lost and formatted again gets a new directory id, so the same
 * node id on a new disk is a different replica: it is not the voter the voter set lists.
 * {@link #NO_DIRECTORY} is a key from a static (kraft.version 0) voter set, which matches any
 * directory, as Kafka's ReplicaKey.NO_DIRECTORY_ID does.
 */
public record ReplicaKey(int id, String directoryId) {
    public static final String NO_DIRECTORY = "";

    public ReplicaKey {
        if (directoryId == null) {
            throw new IllegalArgumentException("directory id of n" + id + " must not be null (use NO_DIRECTORY)");
        }
    }

    /** Whether a replica running as {@code other} is this voter: same id, and the same disk when we know ours. */
    public boolean matches(ReplicaKey other) {
        return id == other.id && (directoryId.isEmpty() || directoryId.equals(other.directoryId));
    }

    @Override
    public String toString() {
        return directoryId.isEmpty() ? "n" + id : "n" + id + "/" + directoryId;
    }
}
