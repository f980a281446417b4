package io.yakraft.raft;

/**
 * Timing of one KRaft node, in simulated milliseconds. Names follow Kafka's
 * {@code controller.quorum.*} settings; {@link #kafkaDefaults()} gives Kafka's defaults.
 */
public record RaftConfig(
        int electionTimeoutMs,
        int fetchTimeoutMs,
        int electionBackoffMaxMs,
        int requestTimeoutMs,
        int retryBackoffMs,
        int fetchMaxWaitMs,
        int maxFetchRecords,
        int fetchSnapshotMaxRecords) {

    /**
     * controller.quorum.fetch.snapshot.max.bytes (Kafka: 1 MiB per FetchSnapshot), scaled to
     * records so that a small simulated snapshot still travels in several chunks.
     */
    public static final int DEFAULT_FETCH_SNAPSHOT_MAX_RECORDS = 16;

    public RaftConfig(int electionTimeoutMs, int fetchTimeoutMs, int electionBackoffMaxMs, int requestTimeoutMs,
                      int retryBackoffMs, int fetchMaxWaitMs, int maxFetchRecords) {
        this(electionTimeoutMs, fetchTimeoutMs, electionBackoffMaxMs, requestTimeoutMs, retryBackoffMs, fetchMaxWaitMs,
                maxFetchRecords, DEFAULT_FETCH_SNAPSHOT_MAX_RECORDS);
    }

    public RaftConfig {
        if (fetchSnapshotMaxRecords <= 0) {
            throw new IllegalArgumentException("controller.quorum.fetch.snapshot.max (records) must be positive, got "
                    + fetchSnapshotMaxRecords);
        }
        if (electionTimeoutMs <= 0 || fetchTimeoutMs <= 0 || electionBackoffMaxMs <= 0
                || requestTimeoutMs <= 0 || retryBackoffMs <= 0 || fetchMaxWaitMs < 0 || maxFetchRecords <= 0) {
            throw new IllegalArgumentException("raft timings must be positive: " + this);
        }
    }

    /** controller.quorum.election.timeout.ms 1000, fetch.timeout.ms 2000, election.backoff.max.ms 1000, ... */
    public static RaftConfig kafkaDefaults() {
        return new RaftConfig(1000, 2000, 1000, 2000, 20, 500, 64);
    }

    /** The same timings with another FetchSnapshot chunk size (records). */
    public RaftConfig withFetchSnapshotMaxRecords(int records) {
        return new RaftConfig(electionTimeoutMs, fetchTimeoutMs, electionBackoffMaxMs, requestTimeoutMs, retryBackoffMs,
                fetchMaxWaitMs, maxFetchRecords, records);
    }

    /** Check-quorum window: Kafka resigns a leader that misses a majority for 1.5 × fetch timeout. */
    public int checkQuorumTimeoutMs() {
        return fetchTimeoutMs * 3 / 2;
    }
}
