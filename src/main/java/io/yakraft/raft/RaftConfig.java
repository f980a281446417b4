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
        int maxFetchRecords) {

    public RaftConfig {
        if (electionTimeoutMs <= 0 || fetchTimeoutMs <= 0 || electionBackoffMaxMs <= 0
                || requestTimeoutMs <= 0 || retryBackoffMs <= 0 || fetchMaxWaitMs < 0 || maxFetchRecords <= 0) {
            throw new IllegalArgumentException("raft timings must be positive: " + this);
        }
    }

    /** controller.quorum.election.timeout.ms 1000, fetch.timeout.ms 2000, election.backoff.max.ms 1000, ... */
    public static RaftConfig kafkaDefaults() {
        return new RaftConfig(1000, 2000, 1000, 2000, 20, 500, 64);
    }

    /** Check-quorum window: Kafka resigns a leader that misses a majority for 1.5 × fetch timeout. */
    public int checkQuorumTimeoutMs() {
        return fetchTimeoutMs * 3 / 2;
    }
}
