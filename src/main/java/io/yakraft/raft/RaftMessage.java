package io.yakraft.raft;

import java.util.List;

/**
 * KRaft's RPCs as immutable records. Requests carry the sender's epoch; responses carry the
 * responder's epoch and known leader, so any message can teach a node about a newer epoch.
 */
public sealed interface RaftMessage {

    /** Epoch as seen by the sender. */
    int epoch();

    /** Short name for views and traces. */
    String kind();

    /**
     * Vote / pre-vote (KIP-996). {@code correlation} identifies the election round so that
     * stale answers from an earlier round are ignored. {@code voterDirectoryId} is the directory
     * the candidate's voter set lists for the receiver (Kafka's VoterDirectoryId, KIP-853).
     */
    record VoteRequest(int epoch, int candidateId, int lastOffsetEpoch, long lastOffset, boolean preVote,
                       long correlation, String voterDirectoryId) implements RaftMessage {
        /** A request that names no directory for the receiver (a static voter set). */
        public VoteRequest(int epoch, int candidateId, int lastOffsetEpoch, long lastOffset, boolean preVote,
                           long correlation) {
            this(epoch, candidateId, lastOffsetEpoch, lastOffset, preVote, correlation, ReplicaKey.NO_DIRECTORY);
        }

        public String kind() {
            return preVote ? "PreVote" : "Vote";
        }
    }

    record VoteResponse(int epoch, int leaderId, boolean granted, boolean preVote, long correlation,
                        RaftError error) implements RaftMessage {
        public String kind() {
            return preVote ? "PreVoteResponse" : "VoteResponse";
        }
    }

    record BeginQuorumEpochRequest(int epoch, int leaderId) implements RaftMessage {
        public String kind() {
            return "BeginQuorumEpoch";
        }
    }

    record BeginQuorumEpochResponse(int epoch, int leaderId, RaftError error) implements RaftMessage {
        public String kind() {
            return "BeginQuorumEpochResponse";
        }
    }

    record EndQuorumEpochRequest(int epoch, int leaderId, List<Integer> preferredSuccessors) implements RaftMessage {
        public EndQuorumEpochRequest {
            preferredSuccessors = List.copyOf(preferredSuccessors);
        }

        public String kind() {
            return "EndQuorumEpoch";
        }
    }

    record EndQuorumEpochResponse(int epoch, int leaderId, RaftError error) implements RaftMessage {
        public String kind() {
            return "EndQuorumEpochResponse";
        }
    }

    /** Pull replication: "give me what follows {@code fetchOffset}; my last entry has {@code lastFetchedEpoch}". */
    record FetchRequest(int epoch, int replicaId, long fetchOffset, int lastFetchedEpoch, long correlation,
                        String replicaDirectoryId) implements RaftMessage {
        /** A fetch from a replica without a directory id (a static quorum). */
        public FetchRequest(int epoch, int replicaId, long fetchOffset, int lastFetchedEpoch, long correlation) {
            this(epoch, replicaId, fetchOffset, lastFetchedEpoch, correlation, ReplicaKey.NO_DIRECTORY);
        }

        public ReplicaKey replicaKey() {
            return new ReplicaKey(replicaId, replicaDirectoryId);
        }

        public String kind() {
            return "Fetch";
        }
    }

    /**
     * {@code divergingEpoch} is non-null when the fetcher's log diverges from the leader's: the
     * fetcher truncates to that end offset. {@code snapshotId} is non-null when the fetch offset
     * lies before the leader's log start.
     */
    record FetchResponse(int epoch, int leaderId, RaftError error, long highWatermark, List<LogEntry> records,
                         OffsetAndEpoch divergingEpoch, OffsetAndEpoch snapshotId, long logStartOffset,
                         long correlation) implements RaftMessage {
        public FetchResponse {
            records = List.copyOf(records);
        }

        public String kind() {
            return "FetchResponse";
        }
    }

    /**
     * KIP-853's UpdateRaftVoter: a voter tells the leader its current endpoint and supported
     * kraft.version range, which differ from what the voter set records (Kafka's
     * UpdateRaftVoterRequest, sent by KafkaRaftClient.pollFollowerAsVoter).
     */
    record UpdateVoterRequest(int epoch, ReplicaKey voterKey, String endpoint, VoterSet.KRaftVersionRange kraftVersions,
                              long correlation) implements RaftMessage {
        public String kind() {
            return "UpdateRaftVoter";
        }
    }

    /** The leader's answer: NONE once it appended the updated VotersRecord, or why not. */
    record UpdateVoterResponse(int epoch, int leaderId, RaftError error, long correlation) implements RaftMessage {
        public String kind() {
            return "UpdateRaftVoterResponse";
        }
    }

    /**
     * Asks the leader for one chunk of the snapshot it named in a fetch response (KIP-630): the
     * records from {@code position} on, at most {@code maxRecords} of them (Kafka's Position and
     * MaxBytes, controller.quorum.fetch.snapshot.max.bytes; the simulation counts records).
     */
    record FetchSnapshotRequest(int epoch, int replicaId, OffsetAndEpoch snapshotId, long position, int maxRecords,
                                long correlation, String replicaDirectoryId) implements RaftMessage {
        public ReplicaKey replicaKey() {
            return new ReplicaKey(replicaId, replicaDirectoryId);
        }

        public String kind() {
            return "FetchSnapshot";
        }
    }

    /**
     * One chunk of a snapshot: {@code records} from {@code position} of a snapshot of
     * {@code size} records (Kafka's Size, Position and UnalignedRecords), or an error
     * (SNAPSHOT_NOT_FOUND when the leader no longer has it, POSITION_OUT_OF_RANGE) with no records.
     */
    record FetchSnapshotResponse(int epoch, int leaderId, RaftError error, OffsetAndEpoch snapshotId, long size,
                                 long position, List<SnapshotRecord> records, long correlation) implements RaftMessage {
        public FetchSnapshotResponse {
            records = List.copyOf(records);
        }

        /** An answer that carries no chunk (an error). */
        public static FetchSnapshotResponse error(int epoch, int leaderId, RaftError error, long correlation) {
            return new FetchSnapshotResponse(epoch, leaderId, error, null, -1, -1, List.of(), correlation);
        }

        public String kind() {
            return "FetchSnapshotResponse";
        }
    }
}
