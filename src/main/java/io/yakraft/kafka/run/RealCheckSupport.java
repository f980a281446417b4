package io.yakraft.kafka.run;

import java.util.Map;
import java.util.Optional;

/**
 * Which scenario checks a real cluster cannot answer, and why. Every other check of the scenario vocabulary
 * is evaluated through the Admin API ({@link RealChecks}). Kept apart so the report and the up-front scan
 * say the same thing.
 */
public final class RealCheckSupport {
    private static final Map<String, String> UNSUPPORTED = Map.of(
            "roleIs", "Kafka shows no controller's Raft state (prospective, candidate…) through its API; describeMetadataQuorum names the leader only",
            "anyNodeIs", "Kafka shows no controller's Raft state (prospective, candidate…) through its API; describeMetadataQuorum names the leader only",
            "highWatermarkAtLeast", "a node's own high watermark is not exposed; describeMetadataQuorum gives the leader's high watermark and each replica's log end (use committedAtLeast)",
            "highWatermarkIs", "a node's own high watermark is not exposed; describeMetadataQuorum gives the leader's high watermark and each replica's log end (use committedAtLeast)",
            "truncated", "a log truncation happens inside a node; Kafka only writes it to that node's server.log",
            "logStartAtLeast", "the metadata log's start offset (after a snapshot) is not exposed by the Admin API",
            "invariantsHold", "the invariants are checked on the simulator's complete state after every event; real processes cannot be seen at every instant",
            "violated", "a real cluster runs Kafka's protocol, not one of the simulator's broken variants");

    private RealCheckSupport() {
    }

    /** Why {@code check} cannot be evaluated on a real cluster, or empty when it can. */
    public static Optional<String> unsupported(String check) {
        return Optional.ofNullable(UNSUPPORTED.get(check));
    }
}
